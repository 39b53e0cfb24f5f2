# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Public pages of the talent community: sign-up, double opt-in, preference centre.

Every page is rendered with QWeb (values escaped) inside ``web.frontend_layout``, so it
works without the Website app and inside the website layout when it is installed. Forms
post with Odoo's CSRF token; links carry signed, expiring tokens per person
(``res.partner._talent_access_token``) or, for the double opt-in, per pending sign-up
(``talent.signup._talent_confirm_token``): a sign-up touches nothing that exists until it is
confirmed. A bad token always yields the same page, whether
the person exists or not.
"""

import functools
import json
import re

from odoo import fields, http, tools
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools.mimetypes import guess_mimetype

from ..tools import cv_parser, profile_urls

MAX_LENGTHS = {"name": 100, "email": 128, "phone": 32, "profile_url": 300, "city": 100, "filename": 120}
DEFAULT_MAX_UPLOAD_MB = 5
HONEYPOT_FIELD = "fax_number"
# characters no name, city or address needs: markup and control characters
FORBIDDEN_TEXT = re.compile(r"[<>\x00-\x1f\x7f]")
COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
FILENAME_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)
# photos of a paper CV (kiosk): their extensions by type, any of them
PHOTO_EXTENSIONS = {"image/jpeg": (".jpg", ".jpeg"), "image/png": (".png",)}


def preference_route(action="", methods=("POST",)):
    """Route of the preference centre, ``/talent/preferences/<token>[/<action>]``.

    The token is resolved to the person and the company it was issued for before the handler
    runs; an invalid, expired or foreign token gets the same page whatever it names. The handler
    is called as ``handler(self, partner, company, token, **post)``.
    """
    path = "/talent/preferences/<string:token>" + (f"/{action}" if action else "")

    def decorator(handler):
        @functools.wraps(handler)
        def endpoint(self, token, **post):
            partner, company = request.env["res.partner"]._talent_from_token("preferences", token)
            if not partner:
                return self._talent_invalid_link()
            # form fields named like the resolved arguments are not the person's to choose
            post = {key: value for key, value in post.items() if key not in ("partner", "company")}
            return handler(self, partner, company, token, **post)

        return http.route(path, type="http", auth="public", methods=list(methods), website=True, sitemap=False)(
            endpoint
        )

    return decorator


def talent_page_brand(company):
    """The company's logo and email colours for a public page (colours checked: they go into CSS)."""
    primary = company.email_secondary_color or company.primary_color or ""
    text = company.email_primary_color or ""
    return {
        "logo_url": "/web/binary/company_logo?company=%s" % company.id,
        "primary": primary if COLOR_RE.match(primary) else "#875A7B",
        "on_primary": text if COLOR_RE.match(text) else "#FFFFFF",
    }


def talent_page_render(template, company, values=None, status=200):
    """Render a public page of ``company``: branded, in the website's layout when there is one,
    never framed by another site, cached or sent on as a referrer (its URL may carry a token)."""
    qcontext = {
        "company": company,
        "brand": talent_page_brand(company),
        "talent_own_header": "website" not in request.env,
    }
    qcontext.update(values or {})
    response = request.render(template, qcontext, status=status)
    response.headers["X-Frame-Options"] = "SAMEORIGIN"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


class TalentCommunityController(http.Controller):
    # ------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------

    def _talent_company(self):
        """The company of the sign-up page, or None when no page answers: the website's (Website
        app) or the public user's company, or the one a ``company`` query argument names. Only a
        company that opted in to a community page (``talent_community_page``) has one."""
        company_arg = request.httprequest.args.get("company")
        if company_arg is None:
            company = request.env.company.sudo()
        elif company_arg.isdigit() and len(company_arg) < 10:
            company = request.env["res.company"].sudo().browse(int(company_arg)).exists()
        else:
            return None
        if not company or not company.talent_community_page:
            return None
        return company

    def _talent_no_page(self):
        """The answer of a community page that does not exist (unknown company, or one that did
        not opt in): the same for all of them."""
        company = request.env.company.sudo()
        return self._talent_message(
            company,
            request.env._("Page not found"),
            request.env._("This page does not exist."),
            status=404,
        )

    def _talent_brand(self, company):
        return talent_page_brand(company)

    def _talent_render(self, template, company, values=None, status=200):
        qcontext = dict({"talent_join_url": "/talent/join"}, **(values or {}))
        return talent_page_render(template, company, qcontext, status)

    def _talent_message(self, company, title, message, status=200, link=None, link_label=None):
        return self._talent_render(
            "talent_crm.talent_community_message",
            company,
            {"title": title, "message": message, "link": link, "link_label": link_label},
            status=status,
        )

    def _talent_invalid_link(self):
        company = request.env.company.sudo()
        return self._talent_message(
            company,
            request.env._("This link is not valid"),
            request.env._(
                "The link is incomplete, has expired or was replaced by a newer one. Use the link in the "
                "latest message you received from us, or join our talent community again."
            ),
            status=403,
            link="/talent/join",
            link_label=request.env._("Join the talent community"),
        )

    def _talent_ip(self):
        return request.httprequest.remote_addr or ""

    @staticmethod
    def _talent_text(post, name):
        value = post.get(name)
        return " ".join(value.split()) if isinstance(value, str) else ""

    @staticmethod
    def _talent_int(post, name):
        value = post.get(name)
        return int(value) if isinstance(value, str) and value.isdigit() and len(value) < 10 else 0

    def _talent_form_options(self, company):
        env = request.env
        return {
            "role_families": env["talent.role.family"].sudo().search([("company_id", "in", [company.id, False])]),
            "countries": env["res.country"].sudo().search([]),
            "topics": env["talent.topic"]
            .sudo()
            .search([("public", "=", True), ("company_id", "in", [company.id, False])]),
        }

    def _talent_max_upload(self):
        param = request.env["ir.config_parameter"].sudo().get_param("talent_crm.signup_max_upload_mb")
        try:
            megabytes = float(param) if param else DEFAULT_MAX_UPLOAD_MB
        except ValueError:
            megabytes = DEFAULT_MAX_UPLOAD_MB
        return int(megabytes * 1024 * 1024)

    def _talent_max_upload_label(self):
        """The upload limit in MB, written in the page's language (5 / 2,5 in German)."""
        size = self._talent_max_upload() / 1024 / 1024
        return tools.formatLang(request.env, size, digits=0 if size == round(size) else 1)

    # ------------------------------------------------------------
    # Validation shared by the sign-up form and the preference centre
    # ------------------------------------------------------------

    def _talent_validate_contact(self, post, company, options, errors, require_email=True):
        """Validate name, email, phone, profile URL, role family, location; fill ``errors``."""
        env = request.env
        values = {}
        name = self._talent_text(post, "name")
        if not name:
            errors["name"] = env._("Please enter your name.")
        elif len(name) > MAX_LENGTHS["name"] or FORBIDDEN_TEXT.search(name):
            errors["name"] = env._("Please enter your name without < or > (at most 100 characters).")
        values["name"] = name
        if require_email:
            email = self._talent_text(post, "email")
            if not email:
                errors["email"] = env._("Please enter your email address.")
            elif (
                len(email) > MAX_LENGTHS["email"]
                or FORBIDDEN_TEXT.search(email)
                or not env["hr.applicant"]._talent_is_valid_email(email)
                or not tools.email_normalize(email)
            ):
                errors["email"] = env._("Please enter a valid email address, e.g. jane.doe@example.com.")
            values["email"] = email
        country = env["res.country"]
        country_id = self._talent_int(post, "country_id")
        if country_id:
            country = options["countries"].filtered(lambda c: c.id == country_id)
            if not country:
                errors["country_id"] = env._("Please choose a country from the list.")
        values["country"] = country
        values["phone"] = self._talent_validate_phone(post, country or company.country_id, errors)
        values["profile"] = self._talent_validate_profile_urls(post, errors)
        family_id = self._talent_int(post, "role_family_id")
        if family_id:
            family = options["role_families"].filtered(lambda f: f.id == family_id)
            if not family:
                errors["role_family_id"] = env._("Please choose a field of work from the list.")
            values["profile"]["talent_role_family_id"] = family.id
        city = self._talent_text(post, "city")
        if city and (len(city) > MAX_LENGTHS["city"] or FORBIDDEN_TEXT.search(city)):
            errors["city"] = env._("Please enter your city without < or > (at most 100 characters).")
        values["profile"]["talent_city"] = city
        values["profile"]["talent_country_id"] = country.id
        return values

    def _talent_validate_phone(self, post, country, errors):
        """The phone number in international format, or False (empty or invalid: ``errors``)."""
        env = request.env
        phone = self._talent_text(post, "phone")
        if not phone:
            return False
        if len(phone) > MAX_LENGTHS["phone"] or FORBIDDEN_TEXT.search(phone):
            errors["phone"] = env._("Please enter a valid phone number.")
            return False
        try:
            return env["res.partner"]._phone_format(
                number=phone, country=country, force_format="INTERNATIONAL", raise_exception=True
            )
        except UserError:
            errors["phone"] = env._(
                "Please enter a valid phone number, in international format, e.g. +49 30 1234567."
            )
            return False

    def _talent_validate_profile_urls(self, post, errors):
        """The normalised LinkedIn/GitHub/other profile URLs as talent field values."""
        env = request.env
        profile = {}
        for key in ("profile_url", "github_url"):
            url = self._talent_text(post, key)
            if not url:
                continue
            if len(url) > MAX_LENGTHS["profile_url"] or FORBIDDEN_TEXT.search(url):
                errors[key] = env._("Please enter a valid profile address (at most 300 characters).")
                continue
            try:
                kind, normalized = profile_urls.normalize(url, "github" if key == "github_url" else None)
            except profile_urls.InvalidProfileUrl as error:
                reason = env["hr.applicant"]._talent_url_error_reasons().get(error.code, error.code)
                errors[key] = env._("This profile address is not valid: %(reason)s.", reason=reason)
                continue
            profile[profile_urls.FIELD_BY_KIND[kind]] = normalized
        return profile

    def _talent_selected_topics(self, options):
        selected = set()
        for value in request.httprequest.form.getlist("topic_ids")[:50]:
            if isinstance(value, str) and value.isdigit() and len(value) < 10:
                selected.add(int(value))
        return options["topics"].filtered(lambda t: t.id in selected)

    def _talent_validate_cv(self, errors, photos=False):
        """Return ``{"name", "raw", "mimetype"}`` for an acceptable CV, None without one.

        ``photos``: a photo of a paper CV (JPEG or PNG) is accepted too (the kiosk at a fair,
        where people hand over paper); it is kept, not read for skills."""
        env = request.env
        upload = request.httprequest.files.get("cv")
        if not upload or not upload.filename:
            return None
        max_size = self._talent_max_upload()
        raw = upload.stream.read(max_size + 1)
        if not raw:
            return None
        if len(raw) > max_size:
            errors["cv"] = env._("Your CV is too large: at most %(size)s MB.", size=self._talent_max_upload_label())
            return None
        mimetype = guess_mimetype(raw)
        filename = FILENAME_UNSAFE.sub("_", upload.filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]).strip(" ._")
        allowed = {mime: (ext,) for mime, ext in cv_parser.CV_EXTENSIONS.items()}
        if photos:
            allowed.update(PHOTO_EXTENSIONS)
        extension = next((ext for ext in allowed.get(mimetype, ()) if filename.lower().endswith(ext)), None)
        if not extension:
            errors["cv"] = (
                env._("Please upload your CV as a PDF or Word (.docx) file, or a photo (JPEG or PNG).")
                if photos
                else env._("Please upload your CV as a PDF or Word (.docx) file.")
            )
            return None
        stem = filename[: -len(extension)][: MAX_LENGTHS["filename"]] or "cv"
        return {"name": stem + extension, "raw": raw, "mimetype": mimetype}

    # ------------------------------------------------------------
    # Sign-up
    # ------------------------------------------------------------

    @http.route("/talent/join", type="http", auth="public", methods=["GET", "POST"], website=True, sitemap=False)
    def talent_join(self, **post):
        company = self._talent_company()
        if company is None:
            return self._talent_no_page()
        options = self._talent_form_options(company)
        base_values = dict(
            options,
            consent_text=company._talent_get_consent_text(),
            cv_hint=request.env._(
                "(optional, PDF or Word .docx, at most %(size)s MB)",
                size=self._talent_max_upload_label(),
            ),
            honeypot_field=HONEYPOT_FIELD,
            company_arg=company.id if request.httprequest.args.get("company") else False,
        )
        if request.httprequest.method != "POST":
            return self._talent_render(
                "talent_crm.talent_community_signup",
                company,
                dict(base_values, values={}, errors={}, selected_topics=[]),
            )
        if not request.env["talent.signup.attempt"].sudo()._talent_register(self._talent_ip()):
            return self._talent_message(
                company,
                request.env._("Too many attempts"),
                request.env._("We received too many sign-ups from your network. Please try again in a few minutes."),
                status=429,
            )
        if post.get(HONEYPOT_FIELD):
            # a bot filled the hidden field: answer like a success, keep nothing
            return request.redirect(self._talent_thanks_url(company))
        errors = {}
        values = self._talent_validate_contact(post, company, options, errors)
        topics = self._talent_selected_topics(options)
        cv = self._talent_validate_cv(errors)
        if post.get("consent") != "1":
            errors["consent"] = request.env._("Please agree to the consent text to join.")
        if errors:
            form_values = {
                key: self._talent_text(post, key) for key in ("name", "email", "phone", "profile_url", "city")
            }
            form_values.update(
                role_family_id=self._talent_int(post, "role_family_id"), country_id=self._talent_int(post, "country_id")
            )
            return self._talent_render(
                "talent_crm.talent_community_signup",
                company,
                dict(base_values, values=form_values, errors=errors, selected_topics=topics.ids),
                status=400,
            )
        data = dict(
            values,
            topics=topics,
            cv=cv,
            lang=request.env.lang,
            ip_address=self._talent_ip(),
            consent_text=base_values["consent_text"],
            consent_version=company._talent_get_consent_version(),
        )
        # over the daily cap of the address nothing is kept or sent; the answer is the same
        request.env["talent.signup"].sudo()._talent_register(data, company)
        return request.redirect(self._talent_thanks_url(company))

    def _talent_thanks_url(self, company):
        if request.httprequest.args.get("company"):
            return "/talent/join/thanks?company=%s" % company.id
        return "/talent/join/thanks"

    @http.route("/talent/join/thanks", type="http", auth="public", methods=["GET"], website=True, sitemap=False)
    def talent_join_thanks(self, **kwargs):
        company = self._talent_company()
        if company is None:
            return self._talent_no_page()
        return self._talent_message(
            company,
            request.env._("Almost there: please check your inbox"),
            request.env._(
                "Thank you for joining the talent community of %(company)s. We sent you an email: click the "
                "link in it to confirm your address. Until you confirm, we will not send you anything else.",
                company=company.name,
            ),
        )

    # ------------------------------------------------------------
    # Double opt-in
    # ------------------------------------------------------------

    @http.route(
        "/talent/confirm/<string:token>",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        website=True,
        sitemap=False,
    )
    def talent_confirm(self, token, **post):
        signup = request.env["talent.signup"]._talent_from_token(token)
        company_arg = request.httprequest.args.get("company")
        if not signup or (company_arg is not None and company_arg != str(signup.company_id.id)):
            return self._talent_invalid_link()
        company = signup.company_id
        if request.httprequest.method != "POST":
            # a page with a button: mail scanners that open links must not confirm for the person
            return self._talent_render("talent_crm.talent_community_confirm", company, {"token": token})
        partner = signup._talent_confirm()
        if not partner:
            # confirmed meanwhile (a double click): like any link used up
            return self._talent_invalid_link()
        return self._talent_message(
            company,
            request.env._("Thank you, your subscription is confirmed"),
            request.env._("Welcome to the talent community of %(company)s.", company=company.name),
            link="/talent/preferences/%s" % partner._talent_access_token("preferences", company),
            link_label=request.env._("Manage my preferences"),
        )

    # ------------------------------------------------------------
    # Preference centre
    # ------------------------------------------------------------

    def _talent_preference_values(self, partner, company, token, **extra):
        # the talent, else the person's newest application here (self-service, issue 19)
        talent = partner._talent_self_service_profile(company)
        options = self._talent_form_options(company)
        values = {
            "name": talent.partner_name or partner.name,
            "phone": talent.partner_phone or partner.phone or "",
            "city": talent.talent_city or "",
            "country_id": talent.talent_country_id.id,
            "profile_url": talent.linkedin_profile or talent.talent_website_url or talent.talent_xing_url or "",
            "github_url": talent.talent_github_url or "",
            "role_family_id": talent.talent_role_family_id.id,
            # company-dependent: the value the person chose for the link's company
            "frequency": partner.with_company(company).talent_contact_frequency or "",
            "availability": talent.talent_availability or "unknown",
            "availability_date": fields.Date.to_string(talent.availability) if talent.availability else "",
        }
        return dict(
            options,
            token=token,
            partner=partner,
            talent=talent,
            values=values,
            errors={},
            selected_topics=partner.talent_topic_ids.ids,
            # unsubscribed from this company's messages (see res.partner._talent_unsubscribe_all)
            blacklisted=partner._talent_unsubscribed_from(company),
            erasure_requested=bool(
                request.env["talent.erasure.request"]
                .sudo()
                .search_count([("partner_id", "=", partner.id), ("state", "=", "requested")], limit=1)
            ),
            retention_text=request.env._(
                "We keep your profile until %(date)s. To stay in touch longer, renew your consent.",
                date=tools.format_date(request.env, talent.talent_retention_date),
            )
            if talent.talent_retention_date
            else False,
            **self._talent_self_service_values(partner, company, talent),
            **extra,
        )

    def _talent_self_service_values(self, partner, company, talent):
        """What the self-service part of the preference centre shows (issue 19, point 5): the
        person's applications at ``company`` with their candidate-facing status, their consents
        with their history, a pending "stay in our talent pool?" request, the current CV."""
        consents = partner._talent_self_service_consent_history(company)
        cv = talent._talent_get_cv_attachment() if talent else request.env["ir.attachment"]
        return {
            "applications": partner._talent_self_service_applications(company),
            "consents": consents,
            "pool_request_pending": any(
                consent["state"] == "pending" for consent in consents if consent["source_code"] == "ats"
            ),
            "cv_name": cv.sudo().name or "",
            "cv_hint": request.env._(
                "(optional, PDF or Word .docx, at most %(size)s MB)", size=self._talent_max_upload_label()
            ),
        }

    @preference_route(methods=("GET", "POST"))
    def talent_preferences(self, partner, company, token, **post):
        if request.httprequest.method != "POST":
            return self._talent_render(
                "talent_crm.talent_community_preferences",
                company,
                self._talent_preference_values(
                    partner,
                    company,
                    token,
                    saved=request.httprequest.args.get("saved") == "1",
                    withdrawn=request.httprequest.args.get("withdrawn") == "1",
                ),
            )
        options = self._talent_form_options(company)
        errors = {}
        values = self._talent_validate_contact(post, company, options, errors, require_email=False)
        frequency = post.get("frequency") or ""
        if frequency not in ("", "monthly", "quarterly"):
            errors["frequency"] = request.env._("Please choose how often you want to hear from us.")
        availability = post.get("availability") or "unknown"
        if availability not in ("open", "not_now", "unknown"):
            errors["availability"] = request.env._("Please choose your availability.")
        availability_date = False
        if availability == "open" and post.get("availability_date"):
            try:
                availability_date = fields.Date.to_date(str(post["availability_date"])[:10])
            except ValueError:
                errors["availability_date"] = request.env._("Please enter a valid date.")
        cv = self._talent_validate_cv(errors)
        if cv and not partner._talent_self_service_profile(company):
            errors["cv"] = request.env._("We have no profile of yours to attach a CV to.")
        if errors:
            page = self._talent_preference_values(partner, company, token)
            page["values"].update(
                {key: self._talent_text(post, key) for key in ("name", "phone", "city", "profile_url", "github_url")}
            )
            page.update(errors=errors, selected_topics=self._talent_selected_topics(options).ids)
            return self._talent_render("talent_crm.talent_community_preferences", company, page, status=400)
        partner._talent_update_preferences(
            company,
            {
                "name": values["name"],
                "phone": values["phone"],
                "profile": values["profile"],
                "topics": self._talent_selected_topics(options),
                "offered_topics": options["topics"],
                "frequency": frequency or False,
                "availability": availability,
                "availability_date": availability_date,
            },
        )
        if cv:
            partner._talent_self_service_upload_cv(company, cv)
        return request.redirect("/talent/preferences/%s?saved=1" % token)

    @preference_route("unsubscribe")
    def talent_unsubscribe(self, partner, company, token, **post):
        # the blacklist entries made here are talent_crm's own, for this company: only those may be
        # lifted by a later opt-in (talent.blacklist.mixin)
        partner.with_context(talent_blacklist_company_id=company.id)._talent_unsubscribe_all(company)
        return self._talent_message(
            company,
            request.env._("You are unsubscribed"),
            request.env._(
                "You will not receive any more messages from %(company)s. Your profile stays in our talent pool "
                "until you ask us to delete it.",
                company=company.name,
            ),
            link="/talent/preferences/%s" % token,
            link_label=request.env._("Back to my preferences"),
        )

    @preference_route("renew")
    def talent_renew(self, partner, company, token, **post):
        consent = partner._talent_renew_consent(company, ip_address=self._talent_ip())
        return self._talent_message(
            company,
            request.env._("Thank you for staying in touch"),
            request.env._(
                "We keep your profile until %(date)s.", date=tools.format_date(request.env, consent.date_expiry)
            )
            if consent.date_expiry
            else request.env._("We keep your profile in our talent pool."),
            link="/talent/preferences/%s" % token,
            link_label=request.env._("Back to my preferences"),
        )

    @preference_route("export")
    def talent_export(self, partner, company, token, **post):
        data = partner._talent_export_data(company)
        partner._talent_log_data_export(company)
        body = json.dumps(data, indent=2, ensure_ascii=False)
        return request.make_response(
            body,
            headers=[
                ("Content-Type", "application/json; charset=utf-8"),
                ("Content-Disposition", 'attachment; filename="my-talent-data.json"'),
                ("X-Content-Type-Options", "nosniff"),
                ("Cache-Control", "no-store"),
            ],
        )

    @preference_route("erase")
    def talent_erase(self, partner, company, token, **post):
        partner._talent_request_erasure(company)
        return self._talent_message(
            company,
            request.env._("We received your request"),
            request.env._(
                "We will delete your personal data and confirm once it is done, within one month at the latest. "
                "Until then, we will not contact you."
            ),
        )
