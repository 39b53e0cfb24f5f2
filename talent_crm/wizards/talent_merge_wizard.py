# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class TalentMergeWizard(models.TransientModel):
    """Merge two or more talents of the same person into one (managers only)."""

    _name = "talent.merge.wizard"
    _description = "Merge Talents"

    talent_ids = fields.Many2many(
        "hr.applicant", string="Talents", required=True, domain="[('talent_pool_ids', '!=', False)]"
    )
    dst_talent_id = fields.Many2one(
        "hr.applicant",
        string="Keep",
        required=True,
        domain="[('id', 'in', talent_ids)]",
        help="The talent that stays. The others are merged into it and deleted.",
    )
    preview = fields.Html(compute="_compute_preview", sanitize=False)

    @api.model
    def default_get(self, fields):
        values = super().default_get(fields)
        context = self.env.context
        if context.get("active_model") == "hr.applicant" and context.get("active_ids") and not values.get("talent_ids"):
            talents = self.env["hr.applicant"].browse(context["active_ids"]).filtered("talent_pool_ids")
            values["talent_ids"] = [Command.set(talents.ids)]
            if "dst_talent_id" in fields and talents:
                values["dst_talent_id"] = talents.sorted("create_date")[0].id
        return values

    @api.depends("talent_ids", "dst_talent_id")
    def _compute_preview(self):
        for wizard in self:
            talents = wizard.talent_ids
            if not talents:
                wizard.preview = False
                continue
            rows = Markup("").join(
                Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
                % (
                    (talent.partner_name or "") + (" ✓" if talent == wizard.dst_talent_id else ""),
                    talent.email_from or "",
                    talent.partner_phone or "",
                    ", ".join(talent.talent_pool_ids.mapped("name")),
                    talent.talent_application_count,
                    talent.attachment_number,
                )
                for talent in talents
            )
            wizard.preview = Markup(
                "<table class='table table-sm'><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
                "<th>%s</th><th>%s</th></tr></thead><tbody>%s</tbody></table>"
            ) % (
                self.env._("Name"),
                self.env._("Email"),
                self.env._("Phone"),
                self.env._("Pools"),
                self.env._("Applications"),
                self.env._("Attachments"),
                rows,
            )

    def action_merge(self):
        self.ensure_one()
        if len(self.talent_ids) < 2:
            raise UserError(self.env._("Select at least two talents to merge."))
        if self.dst_talent_id not in self.talent_ids:
            raise UserError(self.env._("The talent to keep must be one of the talents merged."))
        kept = self.talent_ids._talent_merge_into(self.dst_talent_id)
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.applicant",
            "res_id": kept.id,
            "view_mode": "form",
            "target": "current",
        }
