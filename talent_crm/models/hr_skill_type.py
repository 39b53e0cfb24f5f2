# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class HrSkillType(models.Model):
    _inherit = "hr.skill.type"

    talent_duplicate_skill_names = fields.Char(
        string="Skills Named as in Other Types",
        compute="_compute_talent_duplicate_skill_names",
        help="Skills of this type whose name a skill of another type bears too (case-insensitively).",
    )

    @api.depends("skill_ids.name")
    def _compute_talent_duplicate_skill_names(self):
        duplicates = self.env["hr.skill"]._talent_duplicate_name_ids()
        for skill_type in self:
            names = skill_type.skill_ids.filtered(lambda s: s.id in duplicates).mapped("name")
            skill_type.talent_duplicate_skill_names = ", ".join(sorted(names))
