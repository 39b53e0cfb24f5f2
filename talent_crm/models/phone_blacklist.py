# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class PhoneBlacklist(models.Model):
    """Replying STOP to an SMS (or a manual blacklisting) ends the person's nurture enrollments."""

    _inherit = "phone.blacklist"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records.filtered("active")._talent_stop_nurture()
        return records

    def write(self, vals):
        result = super().write(vals)
        if vals.get("active"):
            self._talent_stop_nurture()
        return result

    def _talent_stop_nurture(self):
        if not self:
            return
        partners = (
            self.env["res.partner"]
            .sudo()
            .with_context(active_test=False)
            .search([("phone_sanitized", "in", self.mapped("number"))])
        )
        self.env["talent.sequence.enrollment"]._talent_stop_for_partners(partners, "unsubscribed")
