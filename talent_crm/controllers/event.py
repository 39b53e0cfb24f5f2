# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The kiosk page of a recruiting event: a tablet at the booth, a minimal form.

``/talent/event/<event id>/kiosk/<token>``: the token is the event's kiosk token
(``event.event._talent_kiosk_token``), so the URL cannot be guessed from the event's id; a
wrong token, an event that is not a recruiting event and an unknown id all get the same 404
page. The form posts with Odoo's CSRF token and a submission key made when the form is shown
(and kept by the browser): posting the same form twice, after a dropped connection or a double
tap, records one registration. The answer never tells whether the person was known.

The page shows a QR code of its own link, so that a visitor can fill the same form on their
phone, and a small script keeps a form whose sending failed (the connection dropped) with its
submission key on the device and sends it again when the connection is back: the server records
it once. Submissions count against the sign-up's rate limit per network address
(``talent.signup.attempt``), and a CV is checked like the sign-up's.

``.../staff`` is the staff mode: a logged-in recruiter of the event's company captures a person
met at the booth with a note, on the company's legitimate interest (the information email of
Art. 14 GDPR follows from the daily lifecycle run).
"""

import logging
import re
import secrets

from psycopg2 import IntegrityError

from odoo import http, tools
from odoo.http import request

from .main import TalentCommunityController, talent_page_render

_logger = logging.getLogger(__name__)

MAX_LENGTHS = {"name": 100, "email": 128, "phone": 32, "note": 2000}
FORBIDDEN_TEXT = re.compile(r"[<>\x00-\x1f\x7f]")
SUBMISSION_KEY_RE = re.compile(r"^[A-Za-z0-9_\-]{16,64}$")
KIOSK_PATH = "/talent/event/<int:event_id>/kiosk/<string:token>"
STAFF_PATH = KIOSK_PATH + "/staff"


class TalentEventKioskController(http.Controller):
    def _kiosk_render(self, template, event, values=None, status=200):
        company = (event.company_id or request.env.company).sudo()
        qcontext = dict({"event": event, "errors": {}, "values": {}}, **(values or {}))
        return talent_page_render(template, company, qcontext, status)

    def _kiosk_not_found(self):
        company = request.env.company.sudo()
        return self._kiosk_render(
            "talent_crm.talent_community_message",
            request.env["event.event"].sudo().browse(),
            {
                "company": company,
                "title": request.env._("Page not found"),
                "message": request.env._("This page does not exist."),
                "link": None,
                "link_label": None,
            },
            status=404,
        )

    def _kiosk_validate(self, event, post, staff=False):
        values = {
            key: (post.get(key) or "").strip() if isinstance(post.get(key), str) else ""
            for key in ("name", "email", "phone", "role_family_id", "note")
        }
        errors = {}
        for key, limit in MAX_LENGTHS.items():
            if len(values[key]) > limit:
                errors[key] = request.env._("This is too long.")
        if not values["name"] or FORBIDDEN_TEXT.search(values["name"]):
            errors["name"] = request.env._("Please enter your name.")
        if not request.env["hr.applicant"]._talent_is_valid_email(values["email"]):
            errors["email"] = request.env._("Please enter a valid email address.")
        if values["phone"] and (FORBIDDEN_TEXT.search(values["phone"]) or not re.search(r"\d", values["phone"])):
            errors["phone"] = request.env._("Please enter a valid phone number.")
        if not staff and not post.get("consent"):
            errors["consent"] = request.env._("Please agree so that we can keep your contact.")
        if values["note"] and "\x00" in values["note"]:
            errors["note"] = request.env._("Please remove the special characters from the note.")
        role_family = request.env["talent.role.family"].sudo()
        if values["role_family_id"]:
            if values["role_family_id"].isdigit() and len(values["role_family_id"]) < 10:
                role_family = role_family.browse(int(values["role_family_id"])).exists()
            if not role_family or role_family.company_id not in (event.company_id, role_family.company_id.browse()):
                errors["role_family_id"] = request.env._("Please choose a field of work from the list.")
        # the sign-up's check of the CV (size, PDF or Word, file name), and photos of paper CVs
        cv = TalentCommunityController()._talent_validate_cv(errors, photos=True)
        return values, role_family, cv, errors

    def _kiosk_role_families(self, event):
        return (
            request.env["talent.role.family"]
            .sudo()
            .search([("company_id", "in", [event.company_id.id, False])], order="name")
        )

    def _kiosk_too_many(self, event):
        return self._kiosk_render(
            "talent_crm.talent_community_message",
            event,
            {
                "title": request.env._("Too many attempts"),
                "message": request.env._(
                    "We received too many sign-ups from your network. Please try again in a few minutes."
                ),
                "link": None,
                "link_label": None,
            },
            status=429,
        )

    def _kiosk_form(self, event, token, staff=False):
        form = {
            "token": token,
            "staff": staff,
            "role_families": self._kiosk_role_families(event),
            "consent_text": event.talent_consent_text or event.company_id._talent_get_consent_text(),
            "cv_hint": request.env._(
                "(optional, PDF, Word .docx or a photo, at most %(size)s MB)",
                size=TalentCommunityController()._talent_max_upload_label(),
            ),
            "form_action": "/talent/event/%s/kiosk/%s%s" % (event.id, token, "/staff" if staff else ""),
        }
        if not staff:
            form["qr_code"] = event._talent_kiosk_qr()
        return form

    def _kiosk_new_registration(self, event, key, values, method):
        """The registration of a submission, or None when this submission key was recorded
        already (a repeated form: the first one counts)."""
        Registration = request.env["event.registration"].sudo()
        if Registration.search_count([("event_id", "=", event.id), ("talent_submission_key", "=", key)], limit=1):
            return None
        try:
            with request.env.cr.savepoint():
                return Registration.with_context(talent_event_defer_capture=True).create(
                    {
                        "event_id": event.id,
                        "name": values["name"],
                        "email": tools.email_normalize(values["email"]),
                        "phone": values["phone"] or False,
                        "talent_submission_key": key,
                        "talent_capture_method": method,
                    }
                )
        except IntegrityError:
            # the same form, sent twice at once: the first one counts
            _logger.info("Kiosk of event %s: a repeated submission was ignored.", event.id)
            return None

    def _kiosk_submit(self, event, token, post, staff=False):
        form = self._kiosk_form(event, token, staff=staff)
        template = "talent_crm.talent_event_kiosk"
        if request.httprequest.method != "POST":
            form["submission_key"] = secrets.token_urlsafe(24)
            return self._kiosk_render(template, event, form)
        # visitors count against the sign-up's limit per network address; a logged-in recruiter
        # is accountable and shares the booth's address with the tablet, so staff mode does not
        attempts = request.env["talent.signup.attempt"].sudo()
        if not staff and not attempts._talent_register(request.httprequest.remote_addr or ""):
            return self._kiosk_too_many(event)
        key = post.get("submission_key") or ""
        if not isinstance(key, str) or not SUBMISSION_KEY_RE.match(key):
            form["submission_key"] = secrets.token_urlsafe(24)
            return self._kiosk_render(template, event, form, status=400)
        values, role_family, cv, errors = self._kiosk_validate(event, post, staff=staff)
        if errors:
            form.update(submission_key=key, errors=errors, values=values)
            return self._kiosk_render(template, event, form, status=400)
        registration = self._kiosk_new_registration(event, key, values, "booth" if staff else "web")
        if registration and staff:
            registration.with_user(request.env.user)._talent_capture_booth(
                note=values["note"], role_family=role_family, cv=cv
            )
        elif registration:
            # the address is not proven yet: the registration is kept, the person waits for
            # the double opt-in of the sign-up path before becoming a talent
            event._talent_register_visitor(
                {
                    "name": values["name"],
                    "email": values["email"],
                    "phone": values["phone"],
                    "profile": {"talent_role_family_id": role_family.id} if role_family else {},
                    "cv": cv,
                    "lang": request.env.lang,
                    "ip_address": request.httprequest.remote_addr,
                    "consent_text": form["consent_text"],
                }
            )
        # the same answer for everyone: a known person is not told apart from a new one
        return self._kiosk_render(
            "talent_crm.talent_event_kiosk_thanks",
            event,
            {"token": token, "staff": staff, "form_action": form["form_action"]},
        )

    @http.route(KIOSK_PATH, type="http", auth="public", methods=["GET", "POST"], website=True, sitemap=False)
    def talent_event_kiosk(self, event_id, token, **post):
        event = request.env["event.event"]._talent_from_kiosk_token(event_id, token)
        if not event:
            return self._kiosk_not_found()
        return self._kiosk_submit(event, token, post)

    @http.route(STAFF_PATH, type="http", auth="user", methods=["GET", "POST"], website=True, sitemap=False)
    def talent_event_kiosk_staff(self, event_id, token, **post):
        """Staff mode: only recruiters of the event's company; anyone else gets the same 404."""
        event = request.env["event.event"]._talent_from_kiosk_token(event_id, token)
        user = request.env.user
        if (
            not event
            or not user.has_group("talent_crm.group_talent_crm_user")
            or (event.company_id and event.company_id not in user.company_ids)
        ):
            return self._kiosk_not_found()
        return self._kiosk_submit(event, token, post, staff=True)
