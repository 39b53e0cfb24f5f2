# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class PhoneBlacklist(models.Model):
    """Replying STOP to an SMS (or a manual blacklisting) ends the person's nurture enrollments."""

    _name = "phone.blacklist"
    _inherit = ["phone.blacklist", "talent.blacklist.mixin"]

    def _talent_blacklisted_partner_domain(self):
        return [("phone_sanitized", "in", self.mapped("number"))]
