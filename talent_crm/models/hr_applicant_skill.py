# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class HrApplicantSkill(models.Model):
    _inherit = "hr.applicant.skill"

    # matching: the skill lines of a job's skills, read from the index alone
    _talent_skill_applicant_idx = models.Index("(skill_id, applicant_id) INCLUDE (skill_level_id)")

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.context.get("import_file"):
            vals_list = self._talent_import_skill_vals(vals_list)
        return super().create(vals_list)

    @api.model
    def _talent_import_skill_vals(self, vals_list):
        """Imported skill lines name a skill and a level (found by name: "Python", "Advanced"); the
        line takes the skill's type, and the level of that type of the same name (any case), or the
        type's default level, when the level found belongs to another type."""
        skills = self.env["hr.skill"].browse({vals["skill_id"] for vals in vals_list if vals.get("skill_id")})
        levels = self.env["hr.skill.level"].browse(
            {vals["skill_level_id"] for vals in vals_list if vals.get("skill_level_id")}
        )
        skills.skill_type_id.skill_level_ids.fetch(["name", "default_level", "skill_type_id"])
        result = []
        for vals in vals_list:
            skill = skills.browse(vals.get("skill_id"))
            if not skill:
                result.append(vals)
                continue
            vals = dict(vals, skill_type_id=skill.skill_type_id.id)
            level = levels.browse(vals.get("skill_level_id"))
            type_levels = skill.skill_type_id.skill_level_ids
            if level not in type_levels:
                name = (level.name or "").lower()
                same = type_levels.filtered(lambda lvl, name=name: lvl.name.lower() == name)
                level = same[:1] or type_levels.filtered("default_level")[:1] or type_levels[:1]
                vals["skill_level_id"] = level.id
            result.append(vals)
        return result
