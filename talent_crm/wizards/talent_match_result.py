# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import formatLang

from ..models.hr_job import MATCH_CONTEXT_FACTORS

# the fields of talent.match.result that say who the talent is: hidden in a blind shortlist
BLIND_FIELDS = ("talent_id", "partner_name", "email_from", "partner_phone")


class TalentMatchResult(models.TransientModel):
    """One ranked talent for a job, with the score breakdown (the "Best matches" list).

    Blind shortlists (issue 21): when the job's shortlist is blind, the fields that say who the
    talent is (``BLIND_FIELDS``: the talent itself, name, email, phone) read as hidden for every
    user who has not revealed that person for that job (``talent.match.reveal``, per user) -
    through the views and over RPC alike, since they are computed from ``talent_ref_id``, which
    only administrators may read. Photo, birth date, gender, nationality and profile links are
    not fields of a match at all. Skills, title, seniority, location and the explanation show.
    """

    _name = "talent.match.result"
    _description = "Talent Match"
    _order = "job_id, rank, id"

    job_id = fields.Many2one("hr.job", string="Job Position", required=True, ondelete="cascade")
    # the talent ranked; read through talent_id, which hides it in a blind shortlist
    talent_ref_id = fields.Many2one(
        "hr.applicant", string="Ranked Talent", required=True, ondelete="cascade", groups="base.group_system"
    )
    talent_id = fields.Many2one("hr.applicant", compute="_compute_talent_identity", compute_sudo=True)
    talent_hidden = fields.Boolean(
        string="Hidden", compute="_compute_talent_identity", compute_sudo=True,
        help="The job's shortlist is blind and you have not revealed this person.",
    )
    talent_label = fields.Char(string="Talent Name", compute="_compute_talent_identity", compute_sudo=True)
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
    partner_name = fields.Char(string="Name", compute="_compute_talent_identity", compute_sudo=True)
    email_from = fields.Char(string="Email", compute="_compute_talent_identity", compute_sudo=True)
    partner_phone = fields.Char(string="Phone", compute="_compute_talent_identity", compute_sudo=True)
    talent_current_title = fields.Char(related="talent_ref_id.talent_current_title")
    talent_seniority_id = fields.Many2one(related="talent_ref_id.talent_seniority_id", string="Seniority Level")
    talent_city = fields.Char(related="talent_ref_id.talent_city")
    talent_country_id = fields.Many2one(related="talent_ref_id.talent_country_id")
    talent_remote_preference = fields.Selection(related="talent_ref_id.talent_remote_preference")
    talent_pool_ids = fields.Many2many(related="talent_ref_id.talent_pool_ids")
    talent_do_not_contact = fields.Boolean(related="talent_ref_id.talent_do_not_contact")

    @api.depends("talent_ref_id", "job_id", "rank")
    @api.depends_context("uid")
    def _compute_talent_identity(self):
        """Who the talent is, unless the job's shortlist is blind and the current user has not
        revealed the person (then "Talent #<rank>" and nothing else)."""
        blind = self.filtered(lambda match: match.job_id._talent_match_is_blind())
        revealed = self.env["talent.match.reveal"]._talent_revealed(blind.job_id, blind.talent_ref_id)
        for match in self:
            talent = match.talent_ref_id
            hidden = match in blind and (match.job_id.id, talent.id) not in revealed
            match.talent_hidden = hidden
            if hidden:
                match.update(
                    {
                        "talent_id": False,
                        "talent_label": self.env._("Talent #%(rank)s", rank=match.rank),
                        "partner_name": False,
                        "email_from": False,
                        "partner_phone": False,
                    }
                )
            else:
                match.update(
                    {
                        "talent_id": talent,
                        "talent_label": talent.partner_name or talent.display_name,
                        "partner_name": talent.partner_name,
                        "email_from": talent.email_from,
                        "partner_phone": talent.partner_phone,
                    }
                )

    @api.depends("talent_label")
    @api.depends_context("uid")
    def _compute_display_name(self):
        for match in self:
            match.display_name = match.talent_label

    # ------------------------------------------------------------
    # Reading the results: from the primary
    # ------------------------------------------------------------

    # The list of matches opens right after the action that ranked has written its results on
    # the primary: Odoo's read-only routes would read them from the replica, which may not have
    # replayed them yet and would show an empty list. A few dozen transient rows cost nothing
    # to read on the primary (``_readonly = False``: Odoo's ``call_kw`` takes the read/write
    # cursor); the ranking itself runs on the replica (``hr.job._talent_match_talents``).
    @api.model
    def web_search_read(self, domain, specification, offset=0, limit=None, order=None, count_limit=None):
        return super().web_search_read(
            domain, specification, offset=offset, limit=limit, order=order, count_limit=count_limit
        )

    web_search_read._readonly = False

    def web_read(self, specification):
        return super().web_read(specification)

    web_read._readonly = False

    @api.model
    def _talent_store(self, job, results):
        """Store ``results`` of ``hr.job._talent_match_talents`` for the list view."""
        self.search([("job_id", "=", job.id), ("create_uid", "=", self.env.uid)]).unlink()
        # talent_ref_id is for administrators only: the results are created as they are
        # (their creator is still the user, who alone reads them)
        version = self.env["talent.matching.version"]._talent_current_of_job(job)
        vals_list = []
        for result in results:
            contribution = {factor["key"]: factor["contribution"] for factor in result["factors"]}
            vals_list.append(
                {
                    "job_id": job.id,
                    "talent_ref_id": result["talent"].id,
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
        return self.browse(self.sudo().create(vals_list).ids)

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
        """The talents of the selected matches; refused for a person still hidden in a blind
        shortlist (acting on them would show who they are)."""
        if not self:
            raise UserError(self.env._("Select at least one match."))
        self._talent_check_not_hidden()
        return self.talent_id

    def _talent_check_not_hidden(self):
        hidden = self.filtered("talent_hidden")
        if hidden:
            raise UserError(
                self.env._(
                    "%(talents)s: the shortlist of this job is blind. Reveal the person first, giving a reason.",
                    talents=", ".join(hidden.mapped("talent_label")),
                )
            )

    def action_talent_open(self):
        """Open the talent's profile; refused while the person is hidden in a blind shortlist."""
        self.ensure_one()
        self._talent_check_not_hidden()
        return self.talent_id.get_formview_action()

    def action_talent_reveal(self):
        """The dialog that reveals this person, one at a time, asking why."""
        self.ensure_one()
        if not self.talent_hidden:
            raise UserError(self.env._("This person is not hidden."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reveal %(talent)s", talent=self.talent_label),
            "res_model": "talent.match.reveal.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_match_id": self.id},
        }

    def _talent_reveal(self, reason):
        """Reveal this person to the current user for ``reason`` (required; logged)."""
        self.ensure_one()
        if not self.talent_hidden:
            raise UserError(self.env._("This person is not hidden."))
        match = self.sudo()
        self.env["talent.match.reveal"]._talent_reveal(match.job_id, match.talent_ref_id, reason, self.talent_label)
        self.invalidate_model(["talent_id", "talent_hidden", "talent_label", *BLIND_FIELDS[1:]])
        return True

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
