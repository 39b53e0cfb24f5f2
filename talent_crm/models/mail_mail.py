# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup, escape

from odoo import models, tools

from .mail_render_mixin import TALENT_PLACEHOLDER_RE, TALENT_PREFERENCES_PLACEHOLDER

UNSUBSCRIBE_PLACEHOLDER = "/unsubscribe_from_list"


class MailMail(models.Model):
    """Personal links are made when an email leaves, for its recipient only.

    Templates and mailings carry placeholders (``/talent/my-preferences``,
    ``/talent/my-job/<job id>``, see ``mail_render_mixin``); the rendered body, the
    chatter copy and the queue keep them. Here, as mass_mailing does for its unsubscribe
    placeholder, each outgoing copy addressed to the person of the record (a talent or a
    contact) gets that person's signed link. Copies to anyone else (followers, cc) and a
    mailing's test email keep the placeholder, which opens nothing.
    """

    _inherit = "mail.mail"

    def _prepare_outgoing_body(self):
        """Every email of a talent campaign, nurture step or job alert carries the person's
        preference and unsubscribe links: a footer adds the ones its body lacks (the links are
        placeholders made personal below and by Email Marketing)."""
        body = super()._prepare_outgoing_body()
        if not body or not self.mailing_id or not self.res_id:
            return body
        mailing = self.mailing_id.sudo()
        if not (mailing.talent_sequence_step_id or mailing.talent_job_id or mailing._talent_is_campaign()):
            return body
        return self._talent_add_footer(body, mailing)

    def _talent_add_footer(self, body, mailing):
        base_url = mailing.get_base_url()
        person, _company = self._talent_link_person()
        mail = self.with_context(lang=person.lang or self.env.lang)
        links = []
        if not TALENT_PLACEHOLDER_RE.search(body) and "/talent/preferences" not in body:
            links.append((f"{base_url}{TALENT_PREFERENCES_PLACEHOLDER}", mail.env._("Manage your preferences")))
        if UNSUBSCRIBE_PLACEHOLDER not in body and f"/mailing/{mailing.id}/" not in body:
            links.append((f"{base_url}{UNSUBSCRIBE_PLACEHOLDER}", mail.env._("Unsubscribe")))
        if not links:
            return body
        footer = Markup(
            '<div class="o_talent_footer" style="margin-top: 24px; padding-top: 12px; border-top: 1px solid #EEEEEE; '
            'font-size: 11px; color: #888888; text-align: center;">%s</div>'
        ) % Markup(" · ").join(
            Markup('<a href="%s" style="color: #888888;">%s</a>') % (url, escape(label)) for url, label in links
        )
        return tools.mail.append_content_to_html(body, footer, plaintext=False)

    def _prepare_outgoing_list(self, mail_server=False, doc_to_followers=None):
        email_list = super()._prepare_outgoing_list(mail_server=mail_server, doc_to_followers=doc_to_followers)
        if not any(TALENT_PLACEHOLDER_RE.search(values.get("body") or "") for values in email_list):
            return email_list
        person, company = self._talent_link_person()
        if not person or self.env.context.get("mailing_test_mail"):
            return email_list
        links = {}

        def personal_link(match):
            job_id = match.group(1)
            if job_id not in links:
                links[job_id] = self._talent_personal_link(person, company, int(job_id) if job_id else None)
            return links[job_id] or match.group(0)

        for values in email_list:
            if values.get("body") and self._talent_is_addressed_to(values, person):
                values["body"] = TALENT_PLACEHOLDER_RE.sub(personal_link, values["body"])
        return email_list

    def _talent_link_person(self):
        """``(partner, company)`` whose links this email carries: the talent's person and
        company, or the contact; empty when the email is about anything else."""
        self.ensure_one()
        nothing = self.env["res.partner"], self.env["res.company"]
        if not self.res_id or self.model not in ("hr.applicant", "res.partner"):
            return nothing
        record = self.env[self.model].sudo().with_context(active_test=False).browse(self.res_id).exists()
        if not record:
            return nothing
        # a talent's own company, else the mailing's (a contact has none of its own)
        mailing_company = self.mailing_id._talent_company() if self.mailing_id else self.env["res.company"]
        if self.model == "res.partner":
            return record, mailing_company
        return record.partner_id, record.company_id or mailing_company

    @staticmethod
    def _talent_is_addressed_to(values, person):
        """Whether this outgoing copy goes to ``person`` (by partner or by address)."""
        if values.get("partner_id"):
            return values["partner_id"] == person
        email = tools.email_normalize(person.email or "")
        return bool(email) and email in (values.get("email_to_normalized") or [])

    def _talent_personal_link(self, person, company, job_id=None):
        """The signed link of ``person`` for a placeholder: the preference centre, or the
        "I am interested" link of job ``job_id`` (a job of the person's company)."""
        person = person.sudo()
        company = company.sudo()
        if not job_id:
            return person._talent_preference_url(company=company or None)
        job = self.env["hr.job"].sudo().browse(job_id).exists()
        talent = person._talent_get_company_talent(company or self.env.company)
        if not job or not talent or job.company_id not in (talent.company_id, self.env["res.company"]):
            return None
        return talent._talent_job_apply_url(job)
