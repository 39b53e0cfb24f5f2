# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class TalentBlacklistMixin(models.AbstractModel):
    """A blacklisting (an unsubscribe, STOP to an SMS, or by hand) ends the person's nurture
    enrollments at once. Mixed into Odoo's email and phone blacklists."""

    _name = "talent.blacklist.mixin"
    _description = "Talent CRM: blacklisting stops nurture"

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

    def _talent_blacklisted_partner_domain(self):
        """Domain of the people the blacklist entries of ``self`` are about."""
        raise NotImplementedError

    def _talent_stop_nurture(self):
        if not self:
            return
        partners = (
            self.env["res.partner"]
            .sudo()
            .with_context(active_test=False)
            .search(self._talent_blacklisted_partner_domain())
        )
        self.env["talent.sequence.enrollment"]._talent_stop_for_partners(partners, "unsubscribed")
