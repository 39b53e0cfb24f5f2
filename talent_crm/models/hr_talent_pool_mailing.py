# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class HrTalentPool(models.Model):
    """"Send a mailing" from a pool."""

    _inherit = "hr.talent.pool"

    def action_talent_send_mailing(self):
        """Open a new Email Marketing mailing on the talents of these pools, with the newsletter layout."""
        template = self.env.ref("talent_crm.mail_template_talent_newsletter").sudo()
        body = template.with_context(lang=self.env.user.lang).body_html or ""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Mailing"),
            "res_model": "mailing.mailing",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_mailing_type": "mail",
                "default_mailing_model_id": self.env["ir.model"]._get_id("hr.applicant"),
                "default_mailing_domain": "[]",
                "default_talent_audience": True,
                "default_talent_pool_ids": self.ids,
                "default_subject": self.env._("News from %(company)s", company=self.env.company.name),
                "default_body_arch": body,
                "default_body_html": body,
            },
        }
