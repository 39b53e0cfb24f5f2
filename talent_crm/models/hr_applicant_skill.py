# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.tools import SQL

# above this many lines, the overlap check first finds the lines that can overlap (see
# _get_overlapping_individual_skill)
SKILL_OVERLAP_CHECK_MIN = 20


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

    def _get_overlapping_individual_skill(self, vals_list):
        # hr_skills checks all the lines of a create in one OR-domain (one clause per line) that
        # takes seconds to build and optimise for the 5,000 lines of a 1,000-talent import. Every
        # clause asks for another line of the same person and skill: only the lines whose person
        # and skill have more than one line can overlap, found with one query; hr_skills checks
        # those as before
        if len(vals_list) <= SKILL_OVERLAP_CHECK_MIN:
            return super()._get_overlapping_individual_skill(vals_list)
        linked = self._linked_field_name()
        pairs = {(vals[linked], vals["skill_id"]) for vals in vals_list}
        self.flush_model([linked, "skill_id"])
        self.env.cr.execute(
            SQL(
                """SELECT line.%(linked)s, line.skill_id
                     FROM %(table)s line
                     JOIN unnest(%(owners)s::int[], %(skills)s::int[]) AS pair(owner_id, skill_id)
                       ON line.%(linked)s = pair.owner_id AND line.skill_id = pair.skill_id
                 GROUP BY 1, 2
                   HAVING count(*) > 1""",
                linked=SQL.identifier(linked),
                table=SQL.identifier(self._table),
                owners=[pair[0] for pair in pairs],
                skills=[pair[1] for pair in pairs],
            )
        )
        shared = set(self.env.cr.fetchall())
        candidates = [vals for vals in vals_list if (vals[linked], vals["skill_id"]) in shared]
        return super()._get_overlapping_individual_skill(candidates) if candidates else {}
