# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class TalentLeadClose(models.TransientModel):
    """Close leads as Not Interested or Do Not Contact, with the reason."""

    _name = "talent.lead.close"
    _description = "Close Leads"

    talent_ids = fields.Many2many("hr.applicant", string="Leads", required=True)
    outcome = fields.Selection(
        [("not_interested", "Not Interested"), ("do_not_contact", "Do Not Contact")],
        required=True,
        default="not_interested",
        help="Do Not Contact is about the person: no message or outreach task will reach them anymore.",
    )
    reason = fields.Char(required=True, help="e.g. Happy in the current job, moved abroad, asked to be removed")

    def action_close(self):
        self.ensure_one()
        self.talent_ids._talent_lead_move(self.outcome, reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
