# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class TalentMailingHeld(models.Model):
    """A person a talent mailing left out because of their frequency cap: listed, not dropped."""

    _name = "talent.mailing.held"
    _description = "Talent Held Back From a Mailing"
    _order = "next_allowed_date, id"
    _rec_name = "partner_id"

    mailing_id = fields.Many2one("mailing.mailing", required=True, index=True, ondelete="cascade")
    partner_id = fields.Many2one("res.partner", string="Person", required=True, ondelete="cascade")
    talent_id = fields.Many2one("hr.applicant", ondelete="cascade")
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        compute_sudo=True,
        store=True,
        help="The mailing's company, whose cap holds the person back.",
    )
    last_touch_date = fields.Datetime(related="partner_id.talent_last_touch_date", string="Last Contacted")
    next_allowed_date = fields.Datetime(
        string="Reachable From", required=True, help="When the person's frequency cap allows the next message."
    )

    @api.depends("mailing_id.talent_company_id", "talent_id.company_id")
    def _compute_company_id(self):
        for held in self:
            held.company_id = held.mailing_id.talent_company_id or held.talent_id.company_id
