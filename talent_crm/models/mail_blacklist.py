# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class MailBlacklist(models.Model):
    """An unsubscribe (Email Marketing blacklists the address) or a manual blacklisting ends
    the person's nurture enrollments at once."""

    _name = "mail.blacklist"
    _inherit = ["mail.blacklist", "talent.blacklist.mixin"]

    def _talent_blacklisted_partner_domain(self):
        return [("email_normalized", "in", self.mapped("email"))]
