# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

from .mail_render_mixin_campaign import TALENT_PREFERENCES_PLACEHOLDER


class MailMail(models.Model):
    """The preference-centre placeholder of talent mailings becomes each person's signed link,
    as mass_mailing does for its unsubscribe placeholder."""

    _inherit = "mail.mail"

    def _prepare_outgoing_list(self, mail_server=False, doc_to_followers=None):
        email_list = super()._prepare_outgoing_list(mail_server=mail_server, doc_to_followers=doc_to_followers)
        if not self.res_id or not self.mailing_id or self.model not in ("hr.applicant", "res.partner"):
            return email_list
        placeholder = self.mailing_id.get_base_url() + TALENT_PREFERENCES_PLACEHOLDER
        if not any(placeholder in (values.get("body") or "") for values in email_list):
            return email_list
        record = self.env[self.model].sudo().browse(self.res_id).exists()
        partner = record.partner_id if self.model == "hr.applicant" else record
        company = record.company_id if self.model == "hr.applicant" else None
        url = partner._talent_preference_url(company=company or None) if partner else self.mailing_id.get_base_url()
        for values in email_list:
            if values.get("body"):
                values["body"] = values["body"].replace(placeholder, url)
        return email_list
