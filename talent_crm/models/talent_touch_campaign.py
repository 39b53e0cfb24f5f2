# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class TalentTouch(models.Model):
    """Bounces belong to the engagement history, but are no engagement."""

    _inherit = "talent.touch"

    engagement = fields.Selection(selection_add=[("bounce", "Bounce")], ondelete={"bounce": "set null"})

    def _update_partner_dates(self):
        return super(TalentTouch, self.filtered(lambda t: t.engagement != "bounce"))._update_partner_dates()
