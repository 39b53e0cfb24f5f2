# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class TalentMatchRevealWizard(models.TransientModel):
    """Reveal one person of a blind shortlist, giving the reason (recorded in the audit trail)."""

    _name = "talent.match.reveal.wizard"
    _description = "Reveal a Talent of a Blind Shortlist"

    match_id = fields.Many2one("talent.match.result", required=True, ondelete="cascade")
    talent_label = fields.Char(related="match_id.talent_label", string="Talent")
    job_id = fields.Many2one(related="match_id.job_id")
    reason = fields.Text(
        required=True,
        help="Why you need to know who this person is (e.g. shortlisted for a first interview). The works "
        "council and the talent managers read it in the audit trail.",
    )

    def action_reveal(self):
        self.ensure_one()
        self.match_id._talent_reveal(self.reason)
        return {"type": "ir.actions.act_window_close"}
