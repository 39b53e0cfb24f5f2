# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

# Levels of the demo talents' skills, by the progress they stand for (a skill type's level
# with the nearest progress is used).
DEMO_LEVEL_PROGRESS = {"beginner": 25, "intermediate": 50, "advanced": 75, "expert": 100}


class HrSkill(models.Model):
    """One skill catalogue: Odoo's skill types and skills.

    Talents, jobs, matching, the demo and the talent import all use Odoo's skills. A skill is
    found by its name, case-insensitively and across skill types when only one skill bears it
    (:meth:`_talent_find_by_name`); imports and the demo map onto it rather than creating a
    second skill of the same name. Skills of the same name in several types are reported
    (``talent_duplicate_name``: the "Duplicate names" filter, a warning on the skill type).
    """

    _inherit = "hr.skill"

    talent_cv_keywords = fields.Char(
        string="Other Spellings",
        help="Comma-separated words that mean this skill in CVs, e.g. \"Projektleitung, PM\". "
        "Translations of the skill name and common German and English spellings are found anyway.",
    )
    talent_duplicate_name = fields.Boolean(
        string="Duplicate Name",
        compute="_compute_talent_duplicate_name",
        search="_search_talent_duplicate_name",
        help="Another skill, of another skill type, bears the same name: talents and jobs may use "
        "either, and matching counts them as different skills.",
    )

    @api.model
    def _talent_duplicate_name_ids(self):
        """Ids of the skills (archived types included) whose name another skill shares, case-insensitively."""
        self.env["hr.skill"].flush_model(["name"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT unnest(array_agg(id)) FROM hr_skill
                 GROUP BY lower(name->>'en_US')
                HAVING count(*) > 1
                """
            )
        )
        return {row[0] for row in rows}

    @api.depends("name")
    def _compute_talent_duplicate_name(self):
        duplicates = self._talent_duplicate_name_ids()
        for skill in self:
            skill.talent_duplicate_name = skill.id in duplicates

    def _search_talent_duplicate_name(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        ids = list(self._talent_duplicate_name_ids())
        return Domain("id", operator, ids)

    @api.model
    def _talent_find_by_name(self, names):
        """``{lowercase name: skill}`` of the ``names`` that exactly one skill bears (in any type,
        case-insensitively); ambiguous and unknown names are left out."""
        wanted = {name.strip().lower() for name in names if name and name.strip()}
        if not wanted:
            return {}
        skills = self.search(Domain.OR(Domain("name", "=ilike", name) for name in wanted))
        found = {}
        for skill in skills:
            found.setdefault(skill.name.strip().lower(), []).append(skill)
        return {name: matches[0] for name, matches in found.items() if len(matches) == 1 and name in wanted}

    @api.model
    def _search_display_name(self, operator, value):
        # an import finds "python" as the skill "Python" (exact name, any case)
        if operator in ("=", "in") and self.env.context.get("import_file"):
            values = [value] if isinstance(value, str) else list(value)
            if values and all(isinstance(name, str) for name in values):
                return Domain.OR(Domain("name", "=ilike", name.strip()) for name in values)
        return super()._search_display_name(operator, value)

    @api.model
    def name_create(self, name):
        """On import, an existing skill of that name (any case, any type, when only one) instead
        of a duplicate."""
        if not self.env.context.get("import_file"):
            return super().name_create(name)
        existing = self._talent_find_by_name([name]).get((name or "").strip().lower())
        if existing:
            return existing.id, existing.display_name
        return super().name_create(name)

    @api.model
    def _talent_demo_catalogue(self, skills, fallback_type_name):
        """Bind the demo's skill xml ids to Odoo's skills of the same name.

        ``skills``: ``(xml id name, skill name)`` pairs. A skill that exists (see
        case-insensitively, in any type) is used as it is; one that does not is created in the
        skill type ``fallback_type_name`` (found by name, or created with four levels). Each
        ``talent_crm.<xml id name>`` points to the skill, ``<xml id name>_type`` to its type,
        and ``<xml id name>_<level>`` (beginner, intermediate, advanced, expert) to the level of
        its type nearest to 25, 50, 75 and 100 % progress.
        """
        found = {}
        for xmlid, name in skills:
            # several skills of the name (a database of an earlier demo, which had its own "Python"):
            # Odoo's own is kept, the demo's is merged into it
            same = self.search([("name", "=ilike", name)])
            found[xmlid] = same.sorted(lambda s: (s.skill_type_id.name == fallback_type_name, s.id))[:1]
            (same - found[xmlid]).filtered(
                lambda s: s.skill_type_id.name == fallback_type_name
            )._talent_merge_into(found[xmlid])
        missing = [name for xmlid, name in skills if not found[xmlid]]
        if missing:
            created = self._talent_demo_skill_type(fallback_type_name, missing).skill_ids
            for xmlid, name in skills:
                found[xmlid] = found[xmlid] or created.filtered(lambda s, n=name: s.name == n)[:1]
        data = []
        for xmlid, _name in skills:
            skill = found[xmlid]
            levels = skill.skill_type_id.skill_level_ids
            data.append({"xml_id": "talent_crm.%s" % xmlid, "record": skill, "noupdate": True})
            data.append({"xml_id": "talent_crm.%s_type" % xmlid, "record": skill.skill_type_id, "noupdate": True})
            for level_name, progress in DEMO_LEVEL_PROGRESS.items():
                level = min(levels, key=lambda lvl, p=progress: (abs(lvl.level_progress - p), -lvl.level_progress))
                data.append({"xml_id": "talent_crm.%s_%s" % (xmlid, level_name), "record": level, "noupdate": True})
        self.env["ir.model.data"]._update_xmlids(data, update=True)

    def _talent_merge_into(self, target):
        """Move the talents' and jobs' lines of the skills ``self`` to the skill ``target`` (at the
        level of its type nearest in progress; a line of a talent or job that has ``target``
        already is dropped), then delete ``self``. Skills that employees have are left alone."""
        employee_skills = self.env["hr.employee.skill"].sudo().with_context(active_test=False)
        used_by_employees = set(employee_skills.search([("skill_id", "in", self.ids)]).skill_id.ids)
        merged = self.filtered(lambda skill: skill.id not in used_by_employees and skill != target)
        if not merged:
            return
        levels = target.skill_type_id.skill_level_ids
        for model, owner in (("hr.applicant.skill", "applicant_id"), ("hr.job.skill", "job_id")):
            Line = self.env[model].sudo().with_context(active_test=False)
            lines = Line.search([("skill_id", "in", merged.ids)])
            having = set(Line.search([("skill_id", "=", target.id), (owner, "in", lines[owner].ids)])[owner].ids)
            duplicates = lines.filtered(lambda line, owner=owner, having=having: line[owner].id in having)
            duplicates.unlink()
            for line in lines - duplicates:
                progress = line.skill_level_id.level_progress
                level = min(levels, key=lambda lvl, p=progress: (abs(lvl.level_progress - p), -lvl.level_progress))
                line.write(
                    {"skill_id": target.id, "skill_type_id": target.skill_type_id.id, "skill_level_id": level.id}
                )
        merged.unlink()

    @api.model
    def _talent_demo_skill_type(self, name, skill_names):
        """The skill type ``name`` (found by name, or created with four levels) with the skills
        ``skill_names`` added."""
        SkillType = self.env["hr.skill.type"]
        skill_type = SkillType.search([("name", "=ilike", name)], limit=1)
        skills = [fields.Command.create({"name": skill_name}) for skill_name in skill_names]
        if skill_type:
            skill_type.write({"skill_ids": skills})
            return skill_type
        return SkillType.create(
            {
                "name": name,
                "skill_ids": skills,
                "skill_level_ids": [
                    fields.Command.create(
                        {"name": level.capitalize(), "level_progress": progress, "default_level": progress == 50}
                    )
                    for level, progress in DEMO_LEVEL_PROGRESS.items()
                ],
            }
        )
