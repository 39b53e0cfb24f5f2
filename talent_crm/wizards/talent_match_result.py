# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import formatLang

from ..models.hr_job import MATCH_CONTEXT_FACTORS


class TalentMatchResult(models.TransientModel):
    """One ranked talent for a job, with the score breakdown (the "Best matches" list)."""

    _name = "talent.match.result"
    _description = "Talent Match"
    _order = "job_id, rank, id"
    _rec_name = "talent_id"

    job_id = fields.Many2one("hr.job", string="Job Position", required=True, ondelete="cascade")
    talent_id = fields.Many2one("hr.applicant", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="job_id.company_id")
    rank = fields.Integer(required=True)
    score = fields.Float(digits=(5, 2), aggregator="avg")
    skill_matching_score = fields.Integer(
        string="Skill Match (%)", help="hr_recruitment_skills' matching score of the talent for this job."
    )
    contribution_skills_required = fields.Float(string="Required Skills", digits=(5, 2))
    contribution_skills_nice = fields.Float(string="Nice-to-have Skills", digits=(5, 2))
    contribution_text = fields.Float(string="Text", digits=(5, 2))
    contribution_location = fields.Float(string="Location", digits=(5, 2))
    contribution_seniority = fields.Float(string="Seniority", digits=(5, 2))
    contribution_availability = fields.Float(string="Availability", digits=(5, 2))
    contribution_engagement = fields.Float(string="Engagement", digits=(5, 2))
    contribution_penalty = fields.Float(string="Penalties", digits=(5, 2))
    matching_skill_ids = fields.Many2many(
        "hr.skill", "talent_match_result_matching_skill_rel", string="Matching Skills"
    )
    missing_skill_ids = fields.Many2many("hr.skill", "talent_match_result_missing_skill_rel", string="Missing Skills")
    explanation = fields.Html(sanitize=False, readonly=True)
    version_id = fields.Many2one(
        "talent.matching.version", string="Matching Version", readonly=True, help="The configuration that ranked."
    )
    partner_name = fields.Char(related="talent_id.partner_name")
    email_from = fields.Char(related="talent_id.email_from")
    talent_current_title = fields.Char(related="talent_id.talent_current_title")
    talent_pool_ids = fields.Many2many(related="talent_id.talent_pool_ids")
    talent_do_not_contact = fields.Boolean(related="talent_id.talent_do_not_contact")

    @api.model
    def _talent_store(self, job, results):
        """Store ``results`` of ``hr.job._talent_match_talents`` for the list view."""
        self.search([("job_id", "=", job.id), ("create_uid", "=", self.env.uid)]).unlink()
        version = self.env["talent.matching.version"]._talent_current(job.company_id or self.env.company)
        vals_list = []
        for result in results:
            contribution = {factor["key"]: factor["contribution"] for factor in result["factors"]}
            vals_list.append(
                {
                    "job_id": job.id,
                    "talent_id": result["talent"].id,
                    "rank": result["rank"],
                    "score": result["score"],
                    "skill_matching_score": result["skill_matching_score"],
                    "contribution_skills_required": contribution["skills_required"],
                    "contribution_skills_nice": contribution["skills_nice"],
                    "contribution_text": contribution["text"],
                    "contribution_location": contribution["location"],
                    "contribution_seniority": contribution["seniority"],
                    "contribution_availability": contribution["availability"],
                    "contribution_engagement": contribution["engagement"],
                    "contribution_penalty": contribution["penalty_dnc"] + contribution["penalty_recent"],
                    "matching_skill_ids": [Command.set(result["matching_skills"].ids)],
                    "missing_skill_ids": [Command.set(result["missing_skills"].ids)],
                    "explanation": self._talent_explanation(result),
                    "version_id": version.id,
                }
            )
        self.env["talent.audit.log"]._talent_log(
            "rank",
            self.env["hr.applicant"].browse([result["talent"].id for result in results]),
            summary=self.env._(
                "%(count)s talents ranked for %(job)s with %(version)s",
                count=len(results),
                job=job.name,
                version=version.display_name,
            ),
            job=job,
        )
        # what the list showed is kept for the works council and the outcome report
        self.env["talent.match.ranking"]._talent_record(
            job, version, results, [vals["explanation"] for vals in vals_list]
        )
        return self.create(vals_list)

    @api.model
    def _talent_format(self, value, digits=2, sign=False):
        """``value`` in the user's language (``12,50`` in German), with its sign when ``sign``."""
        text = formatLang(self.env, abs(value), digits=digits)
        if sign:
            return ("-" if value < 0 else "+") + text
        return ("-" if value < 0 else "") + text

    @api.model
    def _talent_percent(self, percent):
        """``25 %`` or ``33,33 %``: whole percentages without decimals, the others with two."""
        digits = 0 if round(percent, 2) == round(percent) else 2
        return "%s %%" % self._talent_format(percent, digits=digits)

    @api.model
    def _talent_explanation(self, result):
        """The score breakdown: per factor its weight, its share once the weights of the factors
        that apply are rescaled to 100 %, the talent's fit, how much of it counts and the points
        (share x fit x counts), adding up to the score shown in the list.

        The context factors (location, seniority, availability, engagement) count as much as the
        profile fits the job (its relevance, from the skills and the text): the explanation says
        so in words, with the percentage."""
        total_weight = sum(
            factor["weight"] for factor in result["factors"]
            if factor["applicable"] and not factor["key"].startswith("penalty")
        )
        gated = result.get("gated")
        relevance = self._talent_percent(result.get("relevance", 1.0) * 100)
        rows = []
        for factor in result["factors"]:
            penalty = factor["key"].startswith("penalty")
            if penalty and not factor["applicable"]:
                continue
            context = factor["key"] in MATCH_CONTEXT_FACTORS
            label = factor["label"]
            if penalty:
                weight, share, fit, counts = "", "", "", ""
            elif factor["applicable"]:
                weight = str(factor["weight"])
                share = self._talent_percent(factor["share"])
                fit = self._talent_percent(factor["value"] * 100)
                counts = self._talent_percent(factor.get("counts", 1.0) * 100)
                if context and gated:
                    label = Markup("%s<br/><small class='text-muted o_talent_match_gate'>%s</small>") % (
                        label,
                        self.env._(
                            "counts %(counts)s because the profile fits the job %(fit)s",
                            counts=relevance,
                            fit=relevance,
                        ),
                    )
            else:
                weight, share, fit, counts = "", "", self.env._("n/a"), ""
            rows.append(
                Markup(
                    "<tr data-factor='%s'><td>%s</td><td class='text-end'>%s</td><td class='text-end'>%s</td>"
                    "<td class='text-end'>%s</td><td class='text-end'>%s</td><td class='text-end'>%s</td></tr>"
                )
                % (
                    factor["key"],
                    label,
                    weight,
                    share,
                    fit,
                    counts,
                    self._talent_format(factor["contribution"], sign=True),
                )
            )
        skills = ""
        if result["matching_skills"] or result["missing_skills"]:
            skills = Markup("<p>%s %s<br/>%s %s</p>") % (
                self.env._("Matching skills:"),
                ", ".join(result["matching_skills"].mapped("name")) or "-",
                self.env._("Missing skills:"),
                ", ".join(result["missing_skills"].mapped("name")) or "-",
            )
        fits = ""
        if gated:
            fits = Markup("<p class='o_talent_match_relevance'>%s</p>") % self.env._(
                "The profile fits the job %(fit)s: the weighted fit of the skills and the text relevance. "
                "Location, seniority, availability and engagement tell how reachable a person is, not whether "
                "the profile fits: they count %(fit)s.",
                fit=relevance,
            )
        note = Markup("<p class='text-muted small o_talent_match_rescaling'>%s</p>") % self.env._(
            "Points = share × fit × counts. The share is the factor's weight divided by %(total)s, the sum of the "
            "weights of the factors that apply to this job; factors marked n/a have no data for this job "
            "(e.g. no seniority sought) and count for nothing.",
            total=total_weight,
        )
        return Markup(
            "%s<table class='table table-sm o_talent_match_breakdown'><thead><tr><th>%s</th>"
            "<th class='text-end'>%s</th><th class='text-end'>%s</th><th class='text-end'>%s</th>"
            "<th class='text-end'>%s</th><th class='text-end'>%s</th></tr></thead>"
            "<tbody>%s</tbody>"
            "<tfoot><tr><th>%s</th><th/><th/><th/><th/><th class='text-end'>%s</th></tr></tfoot></table>%s%s"
        ) % (
            fits,
            self.env._("Factor"),
            self.env._("Weight"),
            self.env._("Share"),
            self.env._("Fit"),
            self.env._("Counts"),
            self.env._("Points"),
            Markup("").join(rows),
            self.env._("Score"),
            self._talent_format(result["score"]),
            note,
            skills,
        )

    # ------------------------------------------------------------
    # Actions on the selected matches
    # ------------------------------------------------------------

    def _talent_selected(self):
        if not self:
            raise UserError(self.env._("Select at least one match."))
        return self.talent_id

    def action_talent_add_to_pool(self):
        talents = self._talent_selected()
        action = self.env["ir.actions.act_window"]._for_xml_id("talent_crm.talent_pool_add_selection_action")
        action["context"] = {"default_talent_ids": [Command.set(talents.ids)], "default_scope": "selected"}
        return action

    def action_talent_enroll(self):
        talents = self._talent_selected()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Enroll in a Sequence"),
            "res_model": "talent.sequence.enroll",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_talent_ids": [Command.set(talents.ids)]},
        }

    def action_talent_convert(self):
        """Odoo's talent-to-job wizard (the CRM's conversion path), pre-filled with the job."""
        talents = self._talent_selected()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Create Applications"),
            "res_model": "job.add.applicants",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_applicant_ids": [Command.set(talents.ids)],
                "default_job_ids": [Command.set(self.job_id.ids)],
            },
        }

    def action_talent_schedule_task(self):
        """A to-do for the job's recruiter (or the current user) on each selected talent."""
        self._talent_selected()
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        deadline = fields.Date.context_today(self) + timedelta(days=2)
        model_id = self.env["ir.model"]._get_id("hr.applicant")
        self.env["mail.activity"].create(
            [
                {
                    "activity_type_id": activity_type.id,
                    "res_model_id": model_id,
                    "res_id": match.talent_id.id,
                    "user_id": (match.job_id.sudo().user_id or self.env.user).id,
                    "summary": self.env._("Reach out about %(job)s", job=match.job_id.name),
                    "note": match.explanation,
                    "date_deadline": deadline,
                }
                for match in self
            ]
        )
        return self.env["hr.talent.pool"]._talent_notification(
            self.env._("%(count)s recruiter tasks scheduled.", count=len(self)), next_action=False
        )
