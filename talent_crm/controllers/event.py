# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The kiosk page of a recruiting event: a tablet at the booth, a minimal form.

``/talent/event/<event id>/kiosk/<token>``: the token is the event's kiosk token
(``event.event._talent_kiosk_token``), so the URL cannot be guessed from the event's id; a
wrong token, an event that is not a recruiting event and an unknown id all get the same 404
page. The form posts with Odoo's CSRF token and a submission key made when the form is shown
(and kept by the browser): posting the same form twice, after a dropped connection or a double
tap, records one registration. The answer never tells whether the person was known.
"""

import logging
import re
import secrets

from psycopg2 import IntegrityError

from odoo import http, tools
from odoo.http import request

from .main import talent_page_render

_logger = logging.getLogger(__name__)

MAX_LENGTHS = {"name": 100, "email": 128, "phone": 32}
FORBIDDEN_TEXT = re.compile(r"[<>\x00-\x1f\x7f]")
SUBMISSION_KEY_RE = re.compile(r"^[A-Za-z0-9_\-]{16,64}$")
KIOSK_PATH = "/talent/event/<int:event_id>/kiosk/<string:token>"


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

    def _kiosk_validate(self, event, post):
        values = {key: (post.get(key) or "").strip() for key in ("name", "email", "phone", "role_family_id")}
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
        if not post.get("consent"):
            errors["consent"] = request.env._("Please agree so that we can keep your contact.")
        role_family = request.env["talent.role.family"].sudo()
        if values["role_family_id"]:
            if values["role_family_id"].isdigit() and len(values["role_family_id"]) < 10:
                role_family = role_family.browse(int(values["role_family_id"])).exists()
            if not role_family or role_family.company_id not in (event.company_id, role_family.company_id.browse()):
                errors["role_family_id"] = request.env._("Please choose a field of work from the list.")
        return values, role_family, errors

    def _kiosk_role_families(self, event):
        return (
            request.env["talent.role.family"]
            .sudo()
            .search([("company_id", "in", [event.company_id.id, False])], order="name")
        )

    @http.route(KIOSK_PATH, type="http", auth="public", methods=["GET", "POST"], website=True, sitemap=False)
    def talent_event_kiosk(self, event_id, token, **post):
        event = request.env["event.event"]._talent_from_kiosk_token(event_id, token)
        if not event:
            return self._kiosk_not_found()
        form = {
            "token": token,
            "role_families": self._kiosk_role_families(event),
            "consent_text": event.talent_consent_text or event.company_id._talent_get_consent_text(),
        }
        if request.httprequest.method != "POST":
            form["submission_key"] = secrets.token_urlsafe(24)
            return self._kiosk_render("talent_crm.talent_event_kiosk", event, form)
        key = post.get("submission_key") or ""
        if not SUBMISSION_KEY_RE.match(key):
            form["submission_key"] = secrets.token_urlsafe(24)
            return self._kiosk_render("talent_crm.talent_event_kiosk", event, form, status=400)
        values, role_family, errors = self._kiosk_validate(event, post)
        if errors:
            form.update(submission_key=key, errors=errors, values=values)
            return self._kiosk_render("talent_crm.talent_event_kiosk", event, form, status=400)
        Registration = request.env["event.registration"].sudo()
        if not Registration.search_count([("event_id", "=", event.id), ("talent_submission_key", "=", key)], limit=1):
            try:
                with request.env.cr.savepoint():
                    # the address is not proven yet: the registration is kept, the person waits
                    # for the double opt-in of the sign-up path before becoming a talent
                    Registration.with_context(talent_event_defer_capture=True).create(
                        {
                            "event_id": event.id,
                            "name": values["name"],
                            "email": tools.email_normalize(values["email"]),
                            "phone": values["phone"] or False,
                            "talent_submission_key": key,
                        }
                    )
            except IntegrityError:
                # the same form, sent twice at once: the first one counts
                _logger.info("Kiosk of event %s: a repeated submission was ignored.", event.id)
            else:
                event._talent_register_visitor(
                    {
                        "name": values["name"],
                        "email": values["email"],
                        "phone": values["phone"],
                        "profile": {"talent_role_family_id": role_family.id} if role_family else {},
                        "lang": request.env.lang,
                        "ip_address": request.httprequest.remote_addr,
                        "consent_text": form["consent_text"],
                    }
                )
        # the same answer for everyone: a known person is not told apart from a new one
        return self._kiosk_render(
            "talent_crm.talent_event_kiosk_thanks",
            event,
            {"token": token},
        )
