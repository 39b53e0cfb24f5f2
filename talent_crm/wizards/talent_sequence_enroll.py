# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class TalentSequenceEnroll(models.TransientModel):
    """Enroll one talent or a selection of talents in a nurture sequence."""

    _name = "talent.sequence.enroll"
    _description = "Enroll Talents in a Sequence"

    sequence_id = fields.Many2one(
        "talent.sequence",
        required=True,
        domain="[('company_id', 'in', [False] + allowed_company_ids)]",
    )
    talent_ids = fields.Many2many(
        "hr.applicant", string="Talents", required=True, domain="[('talent_pool_ids', '!=', False)]"
    )
    talent_count = fields.Integer(compute="_compute_talent_count")
    already_count = fields.Integer(compute="_compute_talent_count", string="Already Enrolled")

    @api.model
    def default_get(self, fields):
        values = super().default_get(fields)
        context = self.env.context
        if "talent_ids" in fields and not values.get("talent_ids") and context.get("active_model") == "hr.applicant":
            talents = self.env["hr.applicant"].browse(context.get("active_ids") or [])
            values["talent_ids"] = [Command.set(talents.filtered("talent_pool_ids").ids)]
        return values

    @api.depends("sequence_id", "talent_ids")
    def _compute_talent_count(self):
        for wizard in self:
            wizard.talent_count = len(wizard.talent_ids)
            if wizard.sequence_id and wizard.talent_ids:
                wizard.already_count = self.env["talent.sequence.enrollment"].search_count(
                    [("sequence_id", "=", wizard.sequence_id.id), ("talent_id", "in", wizard.talent_ids.ids)]
                )
            else:
                wizard.already_count = 0

    def action_enroll(self):
        self.ensure_one()
        if not self.talent_ids:
            raise UserError(self.env._("Select the talents to enroll."))
        enrollments = self.talent_ids._talent_enroll(self.sequence_id, origin="manual")
        action = self.env["ir.actions.act_window"]._for_xml_id("talent_crm.talent_sequence_enrollment_action")
        action["display_name"] = self.sequence_id.name
        action["domain"] = [("id", "in", enrollments.ids)]
        action["context"] = {"create": False}
        return action
