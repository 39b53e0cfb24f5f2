# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import SQL, html2plaintext

from ..tools import pg
from ..tools.replica import read_on_replica
from ..tools.text_search import MATCH_TS_CONFIGS
from .res_company import MATCH_WEIGHT_FIELDS

# weights of the built-in job alert score (used when the job has nothing to match on)
ALERT_WEIGHTS = {"role_family": 40, "skills": 40, "location": 20}

# A talent's skill points for the job (lines ``s`` of ``hr_applicant_skill`` joined to their level
# ``l`` and the job's skill ``js``): each skill counts up to twice the level the job asks for.
MATCH_SKILL_POINTS = SQL(
    "coalesce(sum(least(l.level_progress, js.level * 2)) FILTER (WHERE js.required), 0) AS req, "
    "coalesce(sum(least(l.level_progress, js.level * 2)) FILTER (WHERE NOT js.required), 0) AS nice"
)
# Most frequent words of the job text searched for (an OR query).
MATCH_MAX_TERMS = 32
# When more talents than this share of the applicants (as PostgreSQL's statistics count them) are
# still within reach after the score bound, matching scores every candidate instead of ranking
# their text one by one (both results are the same: this only chooses the faster way).
MATCH_SCOPE_SHARE = 0.25
MATCH_SCOPE_MIN = 1000
# Talents listed in the recruiter's "role opened" activity.
MATCH_ACTIVITY_TOP = 10
# The factors that say whether a profile fits the job (its relevance), and the factors that say how
# reachable a person is. The context factors count as much as the profile fits: a sales profile
# available today in the job's city is no match for a developer job.
MATCH_RELEVANCE_FACTORS = ("skills_required", "skills_nice", "text")
MATCH_CONTEXT_FACTORS = ("location", "seniority", "availability", "engagement")


class HrJob(models.Model):
    """Job alerts and matching of a job.

    Job alerts: when a job opens, the talents who asked for alerts and match it hear about it.
    Matching: rank the talents of the pools for a job, with an explanation per factor.
    """

    _inherit = "hr.job"

    talent_role_family_id = fields.Many2one(
        "talent.role.family", string="Role Family", index="btree_not_null",
        help="Job alerts of this role family (and general job alerts) announce this job.",
    )
    talent_job_alert_ids = fields.One2many(
        "talent.job.alert", "job_id", string="Job Alerts", groups="talent_crm.group_talent_crm_user"
    )
    talent_job_alert_count = fields.Integer(compute="_compute_talent_job_alert_counts", string="Job Alerts Count")
    talent_job_alert_review_count = fields.Integer(
        compute="_compute_talent_job_alert_counts", string="Job Alerts to Review"
    )
    talent_job_alert_pending = fields.Boolean(
        copy=False, readonly=True, help="The job just opened: its job alerts are prepared by the next cron run."
    )
    talent_job_alert_date = fields.Datetime(string="Job Alerts Prepared On", copy=False, readonly=True)
    talent_job_alert_mailing_id = fields.Many2one("mailing.mailing", copy=False, readonly=True, ondelete="set null")
    talent_seniority_id = fields.Many2one("talent.seniority", string="Seniority Sought")
    talent_remote_policy = fields.Selection(
        [("onsite", "On site"), ("hybrid", "Hybrid"), ("remote", "Remote")],
        string="Work Mode",
        help="Used by matching to compare with the talents' remote preference and country.",
    )
    talent_match_blind = fields.Boolean(
        string="Blind Shortlist",
        default=lambda self: self._talent_default_blind(),
        groups="talent_crm.group_talent_crm_user",
        help="The best matches of this job hide who the talents are (name, photo, contact details, birth "
        "date, gender, nationality, profile links) and show their skills, title, seniority, location and "
        "score explanation. A recruiter reveals one person at a time, giving a reason; each reveal is "
        "recorded in the audit trail.",
    )

    # Matching: a job may rank with its own weights (versioned as the company's, per job)
    talent_match_own_weights = fields.Boolean(
        string="Own Matching Weights",
        groups="talent_crm.group_talent_crm_user",
        help="Rank this job's best matches with the weights below instead of the company's. Every change makes a "
        "new version of the matching configuration (with the reason), to be agreed with the works council like "
        "the company's.",
    )
    talent_match_weight_skills_required = fields.Integer(
        string="Required Skills Weight", default=35, groups="talent_crm.group_talent_crm_user"
    )
    talent_match_weight_skills_nice = fields.Integer(
        string="Nice-to-have Skills Weight", default=10, groups="talent_crm.group_talent_crm_user"
    )
    talent_match_weight_text = fields.Integer(
        string="Text Relevance Weight", default=20, groups="talent_crm.group_talent_crm_user"
    )
    talent_match_weight_location = fields.Integer(
        string="Location Weight", default=10, groups="talent_crm.group_talent_crm_user"
    )
    talent_match_weight_seniority = fields.Integer(
        string="Seniority Weight", default=10, groups="talent_crm.group_talent_crm_user"
    )
    talent_match_weight_availability = fields.Integer(
        string="Availability Weight", default=10, groups="talent_crm.group_talent_crm_user"
    )
    talent_match_weight_engagement = fields.Integer(
        string="Engagement Weight", default=5, groups="talent_crm.group_talent_crm_user"
    )
    talent_match_change_reason = fields.Char(
        string="Why the Weights Change",
        compute="_compute_talent_match_change_reason",
        inverse="_inverse_talent_match_change_reason",
        groups="talent_crm.group_talent_crm_user",
        help="Kept with the new version of the job's matching configuration.",
    )
    talent_match_version_id = fields.Many2one(
        "talent.matching.version",
        string="Matching Version",
        compute="_compute_talent_match_version_id",
        groups="talent_crm.group_talent_crm_user",
        help="The version of the matching configuration this job ranks with: its own or its company's.",
    )

    # ------------------------------------------------------------
    # DEFAULTS
    # ------------------------------------------------------------

    @api.model
    def _talent_default_blind(self):
        """Whether new jobs have blind shortlists: when their company has them for every job."""
        return bool(self.env.company.talent_match_blind)

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    def _compute_talent_match_change_reason(self):
        self.talent_match_change_reason = False

    def _inverse_talent_match_change_reason(self):
        """The reason is read by :meth:`write` from the values; nothing is stored."""

    def _compute_talent_match_version_id(self):
        Version = self.env["talent.matching.version"]
        for job in self:
            job.talent_match_version_id = Version._talent_current_of_job(job._origin) if job._origin else Version

    def _compute_talent_job_alert_counts(self):
        groups = self.env["talent.job.alert"]._read_group(
            [("job_id", "in", self.ids)], ["job_id", "state"], ["__count"]
        )
        total, review = {}, {}
        for job, state, count in groups:
            total[job.id] = total.get(job.id, 0) + count
            if state == "to_review":
                review[job.id] = count
        for job in self:
            job.talent_job_alert_count = total.get(job.id, 0)
            job.talent_job_alert_review_count = review.get(job.id, 0)

    # ------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        reasons = [vals.pop("talent_match_change_reason", None) for vals in vals_list]
        jobs = super().create(vals_list)
        for job, reason in zip(jobs, reasons, strict=True):
            if job.sudo().talent_match_own_weights:
                job._talent_match_version_change({}, reason)
        jobs._talent_filter_open()._talent_on_open()
        return jobs

    def write(self, vals):
        closed = self.browse()
        if {"no_of_recruitment", "active"} & set(vals):
            closed = self - self._talent_filter_open()
        reason = vals.pop("talent_match_change_reason", None)
        Version = self.env["talent.matching.version"]
        weight_fields = {"talent_match_own_weights", *(field for field, _default in MATCH_WEIGHT_FIELDS.values())}
        previous = {}
        if weight_fields & set(vals):
            previous = {job: Version._talent_config_of_job(job.sudo()) for job in self}
        result = super().write(vals)
        for job, config in previous.items():
            if Version._talent_config_of_job(job) != config:
                job._talent_match_version_change(config, reason)
        closed._talent_filter_open()._talent_on_open()
        return result

    def _talent_match_version_change(self, old_config, reason):
        """A new version for the job's changed weights (own weights switched on or changed) or back
        to the company's (switched off), with who, why and the difference."""
        self.ensure_one()
        Version = self.env["talent.matching.version"]
        company = self.company_id or self.env.company
        reason = (reason or "").strip() or company.with_context(
            talent_match_change_reason=self.env.context.get("talent_match_change_reason")
        )._talent_match_change_reason()
        if not self.talent_match_own_weights:
            self.env["talent.audit.log"]._talent_log(
                "config_change",
                self,
                summary=self.env._("%(job)s ranks with the company's weights again", job=self.name),
                reason=reason,
                company=company,
                job=self,
            )
            return Version._talent_current(company)
        previous = Version.sudo().search([("job_id", "=", self.id)], order="version desc", limit=1)
        if not previous:
            previous = Version._talent_current(company)
        return Version._talent_make(company, Version._talent_config_of_job(self), reason, previous=previous, job=self)

    def _talent_match_own_weight_values(self):
        """The job's own weights, as a configuration holds them (``{factor: weight}``)."""
        self.ensure_one()
        job = self.sudo()
        return {key: job[field] for key, (field, _default) in MATCH_WEIGHT_FIELDS.items()}

    def _talent_match_version_agreed(self):
        self.ensure_one()
        return self.env["talent.matching.version"]._talent_current_of_job(self).agreed

    def _talent_match_check_agreed(self):
        """``UserError`` when the job's company ranks only with an agreed configuration and the
        version this job ranks with (its own or the company's) is not agreed."""
        self.ensure_one()
        company = (self.company_id or self.env.company).sudo()
        if company.talent_match_require_agreed:
            company._talent_match_check_agreed(self.env["talent.matching.version"]._talent_current_of_job(self))

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_talent_job_alerts(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Job Alerts: %(job)s", job=self.name),
            "res_model": "talent.job.alert",
            "view_mode": "list,form",
            "domain": [("job_id", "=", self.id)],
            "context": {"search_default_filter_to_review": 1, "create": False},
        }

    def action_talent_prepare_job_alerts(self):
        """Prepare the job's alerts now (new matching subscribers only: nobody is alerted twice)."""
        self.ensure_one()
        if not self.try_lock_for_update():
            # the job-alert cron holds the job: it prepares or sends its alerts right now
            raise UserError(
                self.env._(
                    "The job alerts of %(job)s are being prepared or sent right now. Try again in a minute.",
                    job=self.name,
                )
            )
        self._talent_job_alert_prepare()
        return self.action_talent_job_alerts()

    def action_talent_open_matches(self):
        """Rank the talents and open the list of results with their score breakdown (blind when
        the job's shortlist is: who the talents are stays hidden, and the view is logged)."""
        self.ensure_one()
        results = self.env["talent.match.result"]._talent_store(self, self._talent_match_talents(limit=50))
        blind = self._talent_match_is_blind()
        action = self.env["ir.actions.act_window"]._for_xml_id("talent_crm.talent_match_result_action")
        action["display_name"] = (
            self.env._("Blind shortlist for %(job)s", job=self.name)
            if blind
            else self.env._("Best matches for %(job)s", job=self.name)
        )
        action["domain"] = [("id", "in", results.ids)]
        action["context"] = {"default_job_id": self.id, "create": False, "talent_blind": blind}
        if blind:
            self.env["talent.audit.log"]._talent_log(
                "view",
                results.sudo().talent_ref_id,
                summary=self.env._(
                    "Blind shortlist of %(job)s viewed: %(count)s talents, who they are hidden",
                    job=self.name,
                    count=len(results),
                ),
                job=self,
            )
        return action

    def _talent_match_is_blind(self):
        """Whether the best matches of this job hide who the talents are: the job's own setting,
        or its company's for every job (which the job cannot turn off)."""
        self.ensure_one()
        job = self.sudo()
        return bool(job.talent_match_blind or (job.company_id or self.env.company).talent_match_blind)

    @api.model
    def _talent_open_matches_of_pipeline(self):
        """Best matches of the job whose pipeline (applications opened from the job) is shown:
        the job is the pipeline's ``default_job_id``."""
        job = self.browse(self.env.context.get("default_job_id")).exists()
        if not job:
            raise UserError(self.env._("Open the applications of a job to see its best matches."))
        return job.action_talent_open_matches()

    # ------------------------------------------------------------
    # Job alerts: a job opens, its candidates are alerted
    # ------------------------------------------------------------

    @api.model
    def _talent_open_job_domain(self):
        """The jobs that are open: active and recruiting (a target above zero).

        The one definition of an open job: job alerts and the recruiter's list of matches when a
        job opens, the links of job alerts, and the jobs nurture emails suggest all use it.
        """
        return Domain("active", "=", True) & Domain("no_of_recruitment", ">", 0)

    def _talent_filter_open(self):
        """The open jobs of ``self`` (:meth:`_talent_open_job_domain`), without a query."""
        return self.filtered_domain(self._talent_open_job_domain())

    def _talent_job_is_open(self):
        self.ensure_one()
        return bool(self._talent_filter_open())

    def _talent_on_open(self):
        """The jobs of ``self`` just opened: prepare their job alerts, and tell each recruiter
        who is already in the pools."""
        self._talent_job_alert_schedule()
        self._talent_notify_top_matches()

    def _talent_job_alert_schedule(self):
        if not self:
            return
        self.sudo().write({"talent_job_alert_pending": True})
        self.env.ref("talent_crm.ir_cron_talent_job_alerts").sudo()._trigger()

    @api.model
    def _talent_job_alert_claim_pending(self):
        """The jobs waiting for their job alerts, archived ones included, that no other worker
        holds (a job another worker prepares is skipped)."""
        pending = self.with_context(active_test=False).search([("talent_job_alert_pending", "=", True)], order="id")
        return self.browse(pending.try_lock_for_update().ids)

    def _talent_job_alert_topics(self):
        """The job-alert topics that announce this job."""
        self.ensure_one()
        company = self.company_id or self.env.company
        return self.env["talent.topic"].sudo().search(
            Domain("kind", "=", "job_alert")
            & Domain("company_id", "in", [company.id, False])
            & (Domain("role_family_id", "=", False) | Domain("role_family_id", "=", self.talent_role_family_id.id))
        )

    def _talent_job_alert_candidates(self):
        """Talents to alert about this job, best first: a list of ``(talent, score)``.

        Candidates are the talents (of the job's company) whose person subscribed to a job-alert
        topic of the job's role family, or to general job alerts. The score (0-100) comes from
        the matching engine when it is installed (``_talent_match_talents``), otherwise from
        role family, skills and location; talents below the company's minimum score, people who
        may not be contacted, and people already alerted about the job are left out. One talent
        per person.
        """
        self.ensure_one()
        company = self.company_id or self.env.company
        topics = self._talent_job_alert_topics()
        if not topics:
            return []
        Talent = self.env["hr.applicant"].sudo()
        talents = Talent.search(
            Talent._talent_domain()
            & Domain("company_id", "in", [company.id, False])
            & Domain("partner_id.talent_topic_ids", "in", topics.ids),
            order="id",
        )
        if self.talent_role_family_id:
            talents = talents.filtered(
                lambda t: not t.talent_role_family_id or t.talent_role_family_id == self.talent_role_family_id
            )
        already = set(self.env["talent.job.alert"].sudo().search([("job_id", "=", self.id)]).partner_id.ids)
        talents = talents.filtered(lambda t: t.partner_id.id not in already)
        blockers = talents.partner_id._talent_contact_blockers("email", company)
        talents = talents.filtered(lambda t: t.partner_id.id not in blockers)
        scores = self._talent_job_alert_scores(talents)
        threshold = company.talent_job_alert_min_score
        best = {}
        for talent in talents:
            score = scores.get(talent.id, 0.0)
            if score < threshold:
                continue
            current = best.get(talent.partner_id.id)
            if not current or score > current[1]:
                best[talent.partner_id.id] = (talent, score)
        return sorted(best.values(), key=lambda pair: (-pair[1], pair[0].id))

    def _talent_job_alert_scores(self, talents):
        """``{talent_id: score}``: the matching score, or the built-in profile fit when the job
        has nothing to match on (no skills, no description: matching raises ``UserError``)."""
        try:
            return self._talent_job_alert_engine_scores(talents)
        except UserError:
            return self._talent_job_alert_builtin_scores(talents)

    def _talent_job_alert_engine_scores(self, talents):
        """Scores of the matching engine (``hr.job._talent_match_talents``) for ``talents``."""
        if not talents:
            return {}
        results = self._talent_match_talents(limit=None, talent_ids=talents.ids)
        return {result["talent"].id: float(result["score"]) for result in results}

    def _talent_job_alert_builtin_scores(self, talents):
        """Profile fit from 0 to 100 on the factors the job defines: role family, skills, location."""
        self.ensure_one()
        job_skills = set(self.job_skill_ids.skill_id.ids)
        job_country = self.address_id.country_id
        scores = {}
        for talent in talents:
            earned = possible = 0
            if self.talent_role_family_id:
                possible += ALERT_WEIGHTS["role_family"]
                if talent.talent_role_family_id == self.talent_role_family_id:
                    earned += ALERT_WEIGHTS["role_family"]
                elif not talent.talent_role_family_id:
                    earned += ALERT_WEIGHTS["role_family"] / 2
            if job_skills:
                possible += ALERT_WEIGHTS["skills"]
                earned += ALERT_WEIGHTS["skills"] * len(job_skills & set(talent.skill_ids.ids)) / len(job_skills)
            if job_country:
                possible += ALERT_WEIGHTS["location"]
                country = talent.talent_country_id or talent.partner_id.country_id
                if country == job_country or talent.talent_remote_preference in ("remote", "flexible"):
                    earned += ALERT_WEIGHTS["location"]
                elif not country:
                    earned += ALERT_WEIGHTS["location"] / 2
            scores[talent.id] = round(100.0 * earned / possible, 1) if possible else 100.0
        return scores

    def _talent_job_alert_prepare(self):
        """Create the alerts of the job's matching subscribers: to review, or approved right away
        when the company sends job alerts automatically."""
        alerts = self.env["talent.job.alert"].sudo()
        for job in self.sudo():
            company = job.company_id or self.env.company
            if company.talent_match_require_agreed and not job._talent_match_version_agreed():
                # the job's alerts wait (still pending) until the matching configuration in force is agreed
                continue
            job.write({"talent_job_alert_pending": False, "talent_job_alert_date": fields.Datetime.now()})
            if not job._talent_job_is_open():
                continue
            company = job.company_id or self.env.company
            state = "queued" if company.talent_job_alert_mode == "auto" else "to_review"
            new = alerts.create(
                [
                    {
                        "job_id": job.id,
                        "partner_id": talent.partner_id.id,
                        "talent_id": talent.id,
                        "company_id": company.id,
                        "score": score,
                        "state": state,
                    }
                    for talent, score in job._talent_job_alert_candidates()
                ]
            )
            alerts |= new
            if new:
                # created now, while the job is held (the cron claimed it): two workers sending
                # the job's alerts later must not both create it
                job._talent_job_alert_mailing()
            if new and state == "to_review" and job.user_id:
                job.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=job.user_id.id,
                    summary=self.env._("Review %(count)s job alerts", count=len(new)),
                    note=self.env._(
                        "%(count)s talents who asked for job alerts match this job. Review the list and approve "
                        "the alerts to send them.",
                        count=len(new),
                    ),
                )
        if alerts.filtered(lambda a: a.state == "queued"):
            self.env.ref("talent_crm.ir_cron_talent_job_alerts").sudo()._trigger()
        return alerts

    def _talent_job_alert_mailing(self):
        """The job's hidden mailing: every alert of the job is one of its traces.

        Created when the job's alerts are prepared, by the worker that holds the job. A job
        whose alerts were prepared without it gets it on its first send, once the job is locked:
        a worker that finds the job held by another one gets ``LockError`` (or, if the other
        already committed, a serialization failure), and the job-alert cron retries its batch
        later instead of creating a second mailing.
        """
        self.ensure_one()
        job = self.sudo()
        if not job.talent_job_alert_mailing_id:
            job.lock_for_update()
            template = self.env.ref("talent_crm.mail_template_talent_job_alert")
            job.talent_job_alert_mailing_id = self.env["mailing.mailing"].sudo().create(
                {
                    "name": self.env._("Job alert: %(job)s", job=job.name),
                    "subject": template.subject,
                    "mailing_type": "mail",
                    "mailing_model_id": self.env["ir.model"]._get_id("hr.applicant"),
                    "mailing_domain": "[('id', '=', 0)]",
                    "state": "done",
                    "active": False,
                    "keep_archives": False,
                    "talent_audience": True,
                    "talent_job_id": job.id,
                    "talent_topic_ids": [fields.Command.set(job._talent_job_alert_topics().ids)],
                }
            )
        return job.talent_job_alert_mailing_id

    # ------------------------------------------------------------
    # Matching: labels of the score factors
    # ------------------------------------------------------------

    @api.model
    def _talent_match_labels(self):
        return {
            "skills_required": self.env._("Required skills"),
            "skills_nice": self.env._("Nice-to-have skills"),
            "text": self.env._("Text relevance"),
            "location": self.env._("Location and remote fit"),
            "seniority": self.env._("Seniority fit"),
            "availability": self.env._("Availability"),
            "engagement": self.env._("Engagement recency"),
            "penalty_dnc": self.env._("Do not contact"),
            "penalty_recent": self.env._("Recently contacted"),
        }

    # ------------------------------------------------------------
    # Matching: inputs
    # ------------------------------------------------------------

    def _talent_match_terms(self, title, text):
        """``({config: tsquery text}, reference rank, title words)`` of the job's words.

        The query OR-s the words of the job title and then the most frequent words of ``text``
        (``MATCH_MAX_TERMS`` in all). The text is searched in its own language: the
        configuration that drops the most words (its stop words) wins; both are kept when they
        drop as many. Searching an English text with the German configuration would look for
        "and", "the"... in every profile. The reference rank is the rank, for that query, of a
        profile whose title is the job title: text relevance is measured against it. The title
        words are the job title's words as written (:meth:`_talent_match_title_words`).
        """
        lexemes_of, kept, reference = {}, {}, {}
        for config in MATCH_TS_CONFIGS:
            self.env.cr.execute(
                SQL(
                    """
                    SELECT lexeme, array_length(positions, 1),
                           lexeme = ANY(tsvector_to_array(to_tsvector(%(config)s::regconfig, %(title)s)))
                      FROM unnest(to_tsvector(%(config)s::regconfig, %(text)s))
                     ORDER BY 3 DESC, array_length(positions, 1) DESC NULLS LAST, lexeme
                    """,
                    config=config,
                    title=title,
                    text=text,
                )
            )
            rows = self.env.cr.fetchall()
            lexemes_of[config] = [row[0] for row in rows[:MATCH_MAX_TERMS]]
            kept[config] = sum(row[1] or 1 for row in rows)
        fewest = min(kept.values(), default=0)
        terms = {
            config: " | ".join("'%s'" % lexeme.replace("\\", "\\\\").replace("'", "''") for lexeme in lexemes)
            for config, lexemes in lexemes_of.items()
            if lexemes and kept[config] == fewest
        }
        title_words = []
        for index, (config, query) in enumerate(terms.items()):
            self.env.cr.execute(
                SQL(
                    "SELECT ts_rank(setweight(to_tsvector(%s::regconfig, %s), 'A'), %s::tsquery), %s",
                    config,
                    title,
                    query,
                    # in the first query: the title's words, unstemmed
                    self._talent_match_title_words(title, list(terms)) if not index else SQL("NULL"),
                )
            )
            rank, words = self.env.cr.fetchone()
            reference[config] = rank or 0.0
            title_words = words if not index else title_words
        return terms, max(reference.values(), default=0.0), title_words or []

    @api.model
    def _talent_match_title_words(self, title, configs):
        """SQL of the words of the job title as they are written (PostgreSQL's ``simple``
        configuration: lower case, no stemming), without the stop words of ``configs`` (the text
        search configurations the job is searched in), as a sorted ``text[]``.

        Stemming makes "Developer" and "Development" one word: a profile titled "Lead Development
        Representative" would match "Experienced Developer" as well as "Python Developer" does.
        The share of these words found as they are in the talent's title weighs its profile's
        text rank (:meth:`_talent_match_title_fit`).
        """
        return SQL(
            """ARRAY(SELECT w.word
                       FROM unnest(tsvector_to_array(to_tsvector('simple', %(title)s))) AS w(word)
                      WHERE %(not_stop)s
                      ORDER BY 1)""",
            title=title,
            not_stop=SQL(" AND ").join(
                SQL("to_tsvector(%s::regconfig, w.word) != ''::tsvector", config) for config in configs
            ),
        )

    @api.model
    def _talent_match_title_fit(self, inputs, title):
        """SQL of the factor (from 0.5 to 1) that weighs the profile text rank of a talent whose
        title is ``title`` (SQL of a text): half the rank stands, the other half in the share of
        the job title's words found, unstemmed, in the talent's title (see
        :meth:`_talent_match_title_words`). A talent whose title is the job title keeps its full
        rank (the reference of text relevance). Computed once per distinct title
        (:meth:`_talent_match_text_ctes`)."""
        words = inputs.get("title_words")
        if not words:
            return SQL("1::real")
        return SQL(
            """(0.5 + 0.5 * cardinality(ARRAY(
                    SELECT unnest(tsvector_to_array(to_tsvector('simple', coalesce(%(title)s, ''))))
                    INTERSECT SELECT unnest(%(words)s::text[])))::real / %(count)s)""",
            title=title,
            words=words,
            count=len(words),
        )

    def _talent_match_inputs(self):
        """Everything matching needs from the job and its company; ``UserError`` on unusable input."""
        self.ensure_one()
        job = self.sudo()
        company = job.company_id or self.env.company
        job._talent_match_check_agreed()
        skills = [
            (js.skill_id.id, js.level_progress, bool(js.talent_required))
            for js in job.job_skill_ids
            if js.skill_id
        ]
        job_degree = (job.expected_degree.score or 0) * 100
        required_total = sum(level for _s, level, required in skills if required) + job_degree
        nice_total = sum(level for _s, level, required in skills if not required)
        text = " ".join(filter(None, [job.name, html2plaintext(job.description or ""), job.requirements or ""]))
        terms, text_reference, title_words = (
            self._talent_match_terms(job.name or "", text) if text.strip() else ({}, 0.0, [])
        )
        has_terms = any(terms.values()) and text_reference > 0
        if not skills and not job_degree and not html2plaintext(job.description or "").strip():
            raise UserError(
                self.env._(
                    "Job %(job)s has neither skills nor a description: add them so talents can be matched.",
                    job=job.name,
                )
            )
        country = job.address_id.country_id or company.country_id
        applicable = {
            "skills_required": required_total > 0,
            "skills_nice": nice_total > 0,
            "text": has_terms,
            "location": bool(country) or job.talent_remote_policy == "remote",
            "seniority": bool(job.talent_seniority_id),
            "availability": True,
            "engagement": True,
        }
        weights = (
            job._talent_match_own_weight_values() if job.talent_match_own_weights else company._talent_match_weights()
        )
        total_weight = sum(weights[key] for key, usable in applicable.items() if usable)
        if total_weight <= 0:
            raise UserError(
                self.env._(
                    "All matching weights that apply to job %(job)s are zero: set them in the Talent CRM settings.",
                    job=job.name,
                )
            )
        weights = {key: (weights[key] if usable else 0) for key, usable in applicable.items()}
        return {
            "company": company,
            "skills": skills,
            "job_degree": job_degree,
            "required_total": required_total,
            "nice_total": nice_total,
            "terms": terms if has_terms else {},
            "text_reference": text_reference,
            "title_words": title_words if has_terms else [],
            "country_id": country.id or None,
            "remote_policy": job.talent_remote_policy or None,
            "seniority_rank": job.talent_seniority_id.rank or None,
            "applicable": applicable,
            "weights": weights,
            "total_weight": total_weight,
            # the weight of the relevance factors that apply: 0 when none does (no gating then)
            "relevance_weight": sum(weights[key] for key in MATCH_RELEVANCE_FACTORS),
            "penalty_dnc": company.talent_match_penalty_dnc,
            "penalty_recent": company.talent_match_penalty_recent,
            "recent_since": fields.Datetime.now() - timedelta(days=company.talent_match_recent_days),
        }

    # the talent columns matching reads, selected with the candidates
    _talent_match_columns = (
        "id",
        "partner_id",
        "type_id",
        "talent_seniority_id",
        "talent_remote_preference",
        "talent_country_id",
        "talent_availability",
        "availability",
        "talent_last_engagement_date",
        "talent_last_contact_date",
    )

    def _talent_match_candidates(self, company, restrict=None):
        """SQL selecting the talents matching may rank, with the columns it reads.

        The user's visible talents of the company, in one pass over ``hr_applicant``; only
        those whose id ``restrict`` (SQL selecting ids) returns, when given.
        """
        # archived talents are never ranked (the bound of _talent_match_scope reads active ones)
        Applicant = self.env["hr.applicant"].with_context(active_test=True)
        domain = (
            Applicant._talent_domain()
            & Domain("company_id", "in", [company.id, False])
            & Domain("talent_anonymized_date", "=", False)
        )
        query = Applicant._search(domain)
        if restrict is not None:
            query.add_where(SQL("%s IN (%s)", SQL.identifier(query.table, "id"), restrict))
        columns = [
            SQL("%s AS %s", SQL.identifier(query.table, column), SQL.identifier(column))
            for column in self._talent_match_columns
        ]
        if query.is_empty():
            return SQL("SELECT %s FROM hr_applicant WHERE FALSE", SQL(", ").join(columns))
        return query.select(*columns)

    # ------------------------------------------------------------
    # Matching: ranking
    # ------------------------------------------------------------

    @api.model
    def _talent_match_formulas(self, inputs, exact):
        """SQL of each factor value and contribution over the raw columns of ``raw``.

        ``exact``: in ``numeric``, rounded as the explanation shows them (contributions to two
        decimals, so that they add up to the score); otherwise in ``float8``, for ranking every
        candidate quickly. Both agree to within a few hundredths of a point.

        Relevance gates the context: ``values["relevance"]`` is how well the profile fits the job,
        the weighted mean of the fits of the relevance factors that apply (required and
        nice-to-have skills, text; ``MATCH_RELEVANCE_FACTORS``), from 0 to 1; 1 when none of them
        applies. The points of the context factors (location, seniority, availability,
        engagement) are multiplied by it, read from the column ``raw.rel_exact`` (``exact``) or
        ``raw.rel_fast``, which the caller computes first from ``values["relevance"]``.
        """
        kind = SQL("numeric") if exact else SQL("float8")
        w = inputs["weights"]
        total = inputs["total_weight"]
        today = fields.Date.context_today(self)
        policy, country, seniority = inputs["remote_policy"], inputs["country_id"], inputs["seniority_rank"]
        now = fields.Datetime.now()

        def rounded(expression, places):
            return SQL("round((%s)::numeric, %s)", expression, places) if exact else SQL("(%s)::float8", expression)

        required_total, nice_total = inputs["required_total"], inputs["nice_total"]
        values = {
            "skills_required": SQL(
                "least(1, (raw.req + %(degree)s) / %(total)s::%(kind)s)",
                degree=SQL("coalesce(raw.degree, 0) * 100") if inputs["job_degree"] > 1 else SQL("0"),
                total=required_total,
                kind=kind,
            )
            if required_total > 0
            else SQL("0::%s", kind),
            "skills_nice": SQL("least(1, raw.nice / %s::%s)", nice_total, kind)
            if nice_total > 0
            else SQL("0::%s", kind),
            "text": SQL(
                "coalesce(%s, 0)",
                rounded(SQL("least(1, raw.text_rank / %s)", inputs["text_reference"] or 1), 4),
            ),
            "location": SQL(
                """CASE
                       WHEN %(policy)s::varchar = 'remote' THEN
                           CASE WHEN raw.remote_pref = 'onsite' THEN 0.5::%(kind)s ELSE 1::%(kind)s END
                       WHEN %(country)s::int IS NULL THEN 0::%(kind)s
                       WHEN raw.country_id = %(country)s::int THEN
                           CASE WHEN %(policy)s::varchar = 'onsite' AND raw.remote_pref = 'remote'
                                THEN 0.5::%(kind)s ELSE 1::%(kind)s END
                       WHEN raw.country_id IS NULL THEN 0.5::%(kind)s
                       WHEN %(policy)s::varchar = 'hybrid' AND raw.remote_pref IN ('remote', 'flexible')
                           THEN 0.25::%(kind)s
                       ELSE 0::%(kind)s
                   END""",
                policy=policy,
                country=country,
                kind=kind,
            ),
            "seniority": SQL(
                """CASE
                       WHEN %(rank)s::int IS NULL OR raw.seniority_rank IS NULL THEN 0::%(kind)s
                       WHEN raw.seniority_rank = %(rank)s::int THEN 1::%(kind)s
                       WHEN abs(raw.seniority_rank - %(rank)s::int) = 1 THEN 0.5::%(kind)s
                       ELSE 0::%(kind)s
                   END""",
                rank=seniority,
                kind=kind,
            ),
            "availability": SQL(
                """CASE raw.availability_state WHEN 'open' THEN 1::%(kind)s WHEN 'unknown' THEN 0.5::%(kind)s
                                             ELSE 0::%(kind)s END
                   * CASE WHEN raw.available_from > %(soon)s THEN 0.5::%(kind)s ELSE 1::%(kind)s END""",
                soon=today + timedelta(days=90),
                kind=kind,
            ),
            "engagement": SQL(
                "CASE WHEN raw.engaged IS NULL THEN 0::%(kind)s ELSE %(value)s END",
                kind=kind,
                value=rounded(
                    SQL(
                        # date_part is float8, cheaper than extract's numeric when ranking everyone
                        "greatest(0, 1 - %s / 86400.0 / 365)",
                        SQL("extract(epoch FROM (%s - raw.engaged))", now)
                        if exact
                        else SQL("date_part('epoch', %s - raw.engaged)", now),
                    ),
                    4,
                ),
            ),
        }
        relevance_weight = inputs["relevance_weight"]
        gate = SQL.identifier("raw", "rel_exact" if exact else "rel_fast")
        contributions = {
            key: SQL(
                "round((100.0 * %s * (%s) * %s / %s)::numeric, 2)",
                w[key],
                value,
                gate if key in MATCH_CONTEXT_FACTORS else SQL("1"),
                total,
            )
            if exact
            # in float8 throughout: numeric arithmetic on every candidate costs several times more
            else SQL(
                "(%s::float8 * (%s)%s)",
                100.0 * w[key] / total,
                value,
                SQL(" * %s", gate) if key in MATCH_CONTEXT_FACTORS and relevance_weight else SQL(""),
            )
            if w[key]
            else SQL("0::float8")
            for key, value in values.items()
        }
        values["relevance"] = (
            rounded(
                SQL(
                    "(%s) / %s::%s",
                    SQL(" + ").join(
                        SQL("%s * (%s)", w[key], values[key]) for key in MATCH_RELEVANCE_FACTORS if w[key]
                    ),
                    relevance_weight,
                    kind,
                ),
                4,
            )
            if relevance_weight
            else SQL("1::%s", kind)
        )
        return values, contributions

    def _talent_match_text_ctes(self, inputs, among=None, prefix=""):
        """CTEs ``<prefix>txt`` and ``<prefix>cv`` (each ``id, r``): the rank of the job's words in
        the talents' profiles and in their CVs (the best CV of the talent or of its applications),
        for the talents that match them; only the talents of the CTE ``among``, when given.

        The profile rank is weighed by the title fit (:meth:`_talent_match_title_fit`), computed
        once per distinct title of the matching talents (``<prefix>txt_title``) and joined: parsing
        every talent's title costs as much as ranking its profile, and talents share few titles.
        """
        names = {
            "txt": SQL.identifier(prefix + "txt"),
            "cv": SQL.identifier(prefix + "cv"),
            "profile": SQL.identifier(prefix + "txt_profile"),
            "titles": SQL.identifier(prefix + "txt_title"),
        }
        terms = inputs["terms"]
        if not any(terms.values()):
            return SQL(
                "%(txt)s AS (SELECT NULL::int AS id, 0::real AS r WHERE FALSE), "
                "%(cv)s AS (SELECT NULL::int AS id, 0::real AS r WHERE FALSE),",
                txt=names["txt"],
                cv=names["cv"],
            )
        profile_rank, profile_match, cv_rank, cv_match = [], [], [], []
        for config, suffix in MATCH_TS_CONFIGS.items():
            if not terms.get(config):
                continue
            query = SQL("%s::tsquery", terms[config])
            profile = SQL.identifier("a", "talent_profile_tsv_%s" % suffix)
            cv = SQL.identifier("att", "talent_cv_tsv_%s" % suffix)
            profile_rank.append(SQL("ts_rank(%s, %s)", profile, query))
            profile_match.append(SQL("%s @@ %s", profile, query))
            cv_rank.append(SQL("ts_rank(%s, %s)", cv, query))
            cv_match.append(SQL("%s @@ %s", cv, query))
        only = SQL("IN (SELECT id FROM %s)", SQL.identifier(among)) if among else None
        profile_rows = SQL(
            """SELECT a.id, coalesce(a.talent_current_title, '') AS title, greatest(%s) AS r
                 FROM hr_applicant a
                WHERE (%s)
                  AND %s""",
            SQL(", ").join(profile_rank),
            SQL(" OR ").join(profile_match),
            SQL("a.id %s", only) if only else SQL("TRUE"),
        )
        if inputs.get("title_words"):
            profile_ctes = SQL(
                """
                %(profile)s AS (%(profile_rows)s),
                -- MATERIALIZED: inlined, the fit would be computed again for each talent after the join
                %(titles)s AS MATERIALIZED (
                    SELECT t.title, %(title_fit)s AS fit FROM (SELECT DISTINCT title FROM %(profile)s) t
                ),
                %(txt)s AS (
                    SELECT p.id, p.r * f.fit AS r FROM %(profile)s p JOIN %(titles)s f ON f.title = p.title
                ),""",
                profile_rows=profile_rows,
                title_fit=self._talent_match_title_fit(inputs, SQL.identifier("t", "title")),
                **names,
            )
        else:
            profile_ctes = SQL("%s AS (SELECT id, r FROM (%s) p),", names["txt"], profile_rows)
        return SQL(
            """
            %(profile_ctes)s
            %(cv)s AS (
                SELECT coalesce(ap.pool_applicant_id, ap.id) AS id, max(greatest(%(cv_rank)s)) AS r
                  FROM ir_attachment att
                  JOIN hr_applicant ap ON ap.id = att.res_id
                 WHERE att.res_model = 'hr.applicant'
                   AND (%(cv_match)s)
                   AND %(cv_scope)s
                 GROUP BY 1
            ),
            """,
            profile_ctes=profile_ctes,
            cv_rank=SQL(", ").join(cv_rank),
            cv_match=SQL(" OR ").join(cv_match),
            cv_scope=SQL("coalesce(ap.pool_applicant_id, ap.id) %s", only) if only else SQL("TRUE"),
            cv=names["cv"],
        )

    @api.model
    def _talent_match_talent_inputs(self, inputs, alias):
        """Columns of the factor inputs read from the talent's own row ``alias`` (with its degree
        ``deg`` and seniority ``sen`` joined), named as :meth:`_talent_match_formulas` reads them."""
        talent = SQL.identifier(alias)
        return SQL(
            """deg.score AS degree,
               %(t)s.talent_remote_preference AS remote_pref,
               %(t)s.talent_country_id AS country_id,
               sen.rank AS seniority_rank,
               %(t)s.talent_availability AS availability_state,
               %(t)s.availability AS available_from,
               %(t)s.talent_last_engagement_date AS engaged,
               coalesce(%(t)s.talent_last_contact_date >= %(recent_since)s, FALSE) AS is_recent""",
            t=talent,
            recent_since=inputs["recent_since"],
        )

    def _talent_match_scored_ctes(self, inputs, candidates, few=False):
        """CTEs ``cand``, ``sk``, ``txt``, ``cv`` and ``raw``: every talent of ``candidates``
        (SQL selecting ``_talent_match_columns``) not already applying to the job, with the raw
        inputs of each factor and its ``fast_score`` (``float8``).

        ``few``: the candidates are a short list; skill lines and text are looked up for them
        only, instead of being read in one pass and joined.
        """
        only_cand = SQL("IN (SELECT id FROM cand)") if few else None
        today = fields.Date.context_today(self)
        skill_ids = [s for s, _l, _r in inputs["skills"]] or [0]
        text_ctes = self._talent_match_text_ctes(inputs, "cand" if few else None)
        keys = list(MATCH_WEIGHT_FIELDS)
        fast_values, fast_contributions = self._talent_match_formulas(inputs, exact=False)
        fast_base = SQL(" + ").join(fast_contributions[key] for key in keys)
        # the score is the base minus the penalties, each at most what is left of the base
        fast_score = SQL(
            """CASE WHEN raw.is_recent THEN greatest(raw.fast_base_dnc - %(recent)s, 0) ELSE raw.fast_base_dnc END""",
            recent=inputs["penalty_recent"],
        )
        fast_base_dnc = SQL(
            "CASE WHEN raw.is_dnc THEN greatest(raw.fast_base - %(dnc)s, 0) ELSE raw.fast_base END",
            dnc=inputs["penalty_dnc"],
        )
        return SQL(
            """
            cand AS MATERIALIZED (%(candidates)s),
            sk AS (
                SELECT s.applicant_id, %(points)s
                  FROM (
                        SELECT DISTINCT ON (s.applicant_id, s.skill_id) s.applicant_id, s.skill_id, s.skill_level_id
                          FROM hr_applicant_skill s
                          JOIN hr_skill_type t ON t.id = s.skill_type_id
                         WHERE s.skill_id = ANY(%(skill_ids)s::int[])
                           AND %(skill_scope)s
                           AND (s.valid_to IS NULL OR s.valid_to >= %(today)s OR t.is_certification)
                         ORDER BY s.applicant_id, s.skill_id,
                                  (s.valid_to IS NULL OR s.valid_to >= %(today)s) DESC,
                                  s.valid_to DESC NULLS FIRST, s.id DESC
                       ) s
                  JOIN hr_skill_level l ON l.id = s.skill_level_id
                  JOIN job_skill js ON js.skill_id = s.skill_id
                 GROUP BY s.applicant_id
            ),
            %(text_ctes)s
            unranked AS (
                SELECT c.id,
                       coalesce(sk.req, 0) AS req,
                       coalesce(sk.nice, 0) AS nice,
                       coalesce(txt.r, 0) + coalesce(cv.r, 0) AS text_rank,
                       %(talent_inputs)s,
                       %(is_dnc)s AS is_dnc
                  FROM cand c
                  LEFT JOIN sk ON sk.applicant_id = c.id
                  LEFT JOIN txt ON txt.id = c.id
                  LEFT JOIN cv ON cv.id = c.id
                  LEFT JOIN hr_recruitment_degree deg ON deg.id = c.type_id
                  LEFT JOIN talent_seniority sen ON sen.id = c.talent_seniority_id
                  %(partner_join)s
                 WHERE NOT EXISTS (
                        SELECT 1 FROM hr_applicant app
                         WHERE app.pool_applicant_id = c.id AND app.id != c.id
                           AND app.job_id = %(job)s AND app.active)
            ),
            raw AS MATERIALIZED (
                -- OFFSET 0: each step computed once per row, not inlined into the next
                SELECT raw.*, %(fast_score)s AS fast_score
                  FROM (SELECT raw.*, %(fast_base_dnc)s AS fast_base_dnc
                          FROM (SELECT raw.*, %(fast_base)s AS fast_base
                                  FROM (SELECT raw.*, %(relevance)s AS rel_fast FROM unranked raw OFFSET 0) raw
                                OFFSET 0) raw
                        OFFSET 0) raw
            )
            """,
            candidates=candidates,
            skill_ids=skill_ids,
            skill_scope=SQL("s.applicant_id %s", only_cand) if few else SQL("TRUE"),
            points=MATCH_SKILL_POINTS,
            today=today,
            text_ctes=text_ctes,
            talent_inputs=self._talent_match_talent_inputs(inputs, "c"),
            job=self.id,
            fast_score=fast_score,
            fast_base_dnc=fast_base_dnc,
            fast_base=fast_base,
            relevance=fast_values["relevance"],
            # a short list looks its partners up one by one rather than hashing all of them
            is_dnc=SQL(
                "coalesce((SELECT p.talent_do_not_contact FROM res_partner p WHERE p.id = c.partner_id), FALSE)"
            )
            if few
            else SQL("coalesce(p.talent_do_not_contact, FALSE)"),
            partner_join=SQL("") if few else SQL("LEFT JOIN res_partner p ON p.id = c.partner_id"),
        )

    def _talent_match_job_skill_cte(self, inputs):
        return SQL(
            """job_skill AS (
                SELECT * FROM unnest(%s::int[], %s::int[], %s::bool[]) AS js(skill_id, level, required)
            )""",
            [s for s, _l, _r in inputs["skills"]] or [0],
            [level for _s, level, _r in inputs["skills"]] or [0],
            [required for _s, _l, required in inputs["skills"]] or [False],
        )

    @api.model
    def _talent_match_array(self, values):
        """An ``int[]`` literal whose subscripts are the keys of ``values`` (ids), 0 in between."""
        if not values:
            return "[0:0]={0}"
        low, high = min(values), max(values)
        return "[%s:%s]={%s}" % (low, high, ",".join(str(int(values.get(key, 0))) for key in range(low, high + 1)))

    def _talent_match_scope(self, inputs, limit):
        """Ids of the talents that can still be among the ``limit`` best, or ``None`` for all.

        One query narrows the candidates in four steps, each keeping every talent that can still
        reach a score the final list is sure to reach:

        1. the skill points of every talent with one of the job's skills, summed over all its lines
           (no pick of the current line: an upper bound), in one aggregate of the skill index;
        2. among the talents with the most points, those with the highest bound (below) are
           scored; the ``limit``-th best of their scores, minus half a point, is the threshold;
        3. a talent whose skill points plus every other factor at full points stay below it is
           dropped without reading its row; the others get a bound from the narrow matching
           index: location, seniority, availability, engagement and the recent-contact penalty
           as they are, the text at full points;
        4. the talents whose bound reaches the threshold have their text ranked, and those whose
           bound with their own text still does are returned.

        ``None`` (score every candidate) when the job has no skills, when talents without any of
        them could reach the threshold, or when too many talents are left for the narrowing to pay.
        """
        if not inputs["skills"]:
            return None
        keys = list(MATCH_WEIGHT_FIELDS)
        weights, total = inputs["weights"], inputs["total_weight"]
        required_total, nice_total = inputs["required_total"], inputs["nice_total"]
        values, contributions = self._talent_match_formulas(inputs, exact=False)
        seed_size = max(4 * limit, 200)
        skill_types = self.env["hr.skill"].sudo().browse([s for s, _l, _r in inputs["skills"]]).skill_type_id
        progress = self._talent_match_array({level.id: level.level_progress for level in skill_types.skill_level_ids})

        def points(required):
            """Sum of the capped level points of the required or nice-to-have skills: array lookups
            rather than joins (a level outside the array reads NULL, and least() keeps the cap,
            still an upper bound)."""
            caps = {skill: level * 2 for skill, level, is_required in inputs["skills"] if is_required == required}
            if not caps:
                return SQL("0")
            return SQL(
                "sum(least((%s::int[])[s.skill_level_id], (%s::int[])[s.skill_id]))",
                progress,
                self._talent_match_array(caps),
            )

        # the skill factors of ``sp`` at most (the best degree, when the job asks for one)
        degree_max = 0.0
        if inputs["job_degree"] > 1:
            [(best_score,)] = self.env["hr.recruitment.degree"].sudo()._read_group([], aggregates=["score:max"])
            degree_max = (best_score or 0) * 100
        skill_bound = SQL(
            "(%s + %s)",
            SQL(
                "%s::float8 * least(1, (sp.req + %s) / %s::float8)",
                100.0 * weights["skills_required"] / total,
                degree_max,
                required_total,
            )
            if required_total > 0
            else SQL("0::float8"),
            SQL("%s::float8 * least(1, sp.nice / %s::float8)", 100.0 * weights["skills_nice"] / total, nice_total)
            if nice_total > 0
            else SQL("0::float8"),
        )
        others_max = 100.0 * sum(weights[key] for key in keys if key not in ("skills_required", "skills_nice")) / total
        # the points of the relevance factors at full fit: the context is gated by their share
        relevance_max = 100.0 * inputs["relevance_weight"] / total
        # skill points that can still reach the threshold with every other factor at full points;
        # with one kind of skill, the least points needed are computed once (one point lower,
        # against rounding: letting a talent too many through is harmless)
        kinds = [
            (column, weights[key], kind_total)
            for column, key, kind_total in (
                ("req", "skills_required", required_total),
                ("nice", "skills_nice", nice_total),
            )
            if kind_total > 0 and weights[key] > 0
        ]
        if len(kinds) == 1:
            column, weight, kind_total = kinds[0]
            reachable = SQL(
                "%s >= (SELECT floor((v - %s) / %s * %s - %s) - 1 FROM threshold)",
                SQL.identifier("sp", column),
                others_max,
                100.0 * weight / total,
                kind_total,
                degree_max if column == "req" else 0.0,
            )
        else:
            reachable = SQL("%s + %s >= (SELECT v FROM threshold)", skill_bound, others_max)
        skill_less_max = others_max
        if required_total:
            skill_less_max += 100.0 * weights["skills_required"] / total * min(1.0, degree_max / required_total)

        def bound_of(skill_rows):
            """Rows ``id, ub, ctx, is_recent`` of the talents of ``skill_rows`` (``id, req, nice``):
            the bound of each before the penalty for a recent contact (do-not-contact is left out),
            read from the narrow matching index, and the points of its context factors before the
            relevance gate (``ctx``). The text at full points makes the relevance, and so the gated
            context, a bound too."""
            return SQL(
                """
                SELECT raw.id, %(bound)s AS ub, %(context)s AS ctx, raw.is_recent
                  FROM (SELECT raw.*, %(relevance)s AS rel_fast FROM (
                        SELECT a.id, sp.req, sp.nice,
                               %(text_full)s::float8 AS text_rank,
                               %(talent_inputs)s
                          FROM %(skill_rows)s sp
                          -- one lookup per talent in the narrow index: LIMIT 1 keeps the planner
                          -- from scanning every applicant (the whole table when the index is bloated)
                          CROSS JOIN LATERAL (
                                SELECT a.id, a.type_id, a.talent_remote_preference, a.talent_country_id,
                                       a.talent_seniority_id, a.talent_availability, a.availability,
                                       a.talent_last_engagement_date, a.talent_last_contact_date
                                  FROM hr_applicant a
                                 WHERE a.id = sp.id AND a.active IS TRUE AND a.talent_anonymized_date IS NULL
                                   AND (a.company_id = %(company)s OR a.company_id IS NULL)
                                 LIMIT 1
                          ) a
                          LEFT JOIN hr_recruitment_degree deg ON deg.id = a.type_id
                          LEFT JOIN talent_seniority sen ON sen.id = a.talent_seniority_id
                       ) raw OFFSET 0) raw
                """,
                bound=SQL(" + ").join(contributions[key] for key in keys),
                relevance=values["relevance"],
                context=SQL(" + ").join(
                    SQL("%s::float8 * (%s)", 100.0 * weights[key] / total, values[key])
                    for key in MATCH_CONTEXT_FACTORS
                ),
                text_full=inputs["text_reference"] or 1,
                talent_inputs=self._talent_match_talent_inputs(inputs, "a"),
                skill_rows=skill_rows,
                company=inputs["company"].id,
            )

        rows = self.env.execute_query(
            SQL(
                """
                WITH %(job_skill)s,
                skill_points AS MATERIALIZED (
                    SELECT s.applicant_id AS id, %(required_points)s AS req, %(nice_points)s AS nice
                      FROM hr_applicant_skill s
                     WHERE s.skill_id = ANY(%(skill_ids)s::int[])
                     GROUP BY s.applicant_id
                ),
                top_skills AS (
                    SELECT sp.id, sp.req, sp.nice FROM skill_points sp ORDER BY %(skill_order)s DESC, sp.id
                     LIMIT %(top_size)s
                ),
                top_bound AS (%(top_bound)s),
                seed AS (SELECT id FROM top_bound ORDER BY %(penalised_ub)s DESC, id LIMIT %(seed_size)s),
                %(scored)s,
                threshold AS (
                    SELECT fast_score - 0.5 AS v FROM raw ORDER BY fast_score DESC OFFSET %(offset)s LIMIT 1
                ),
                -- talents whose skill points cannot reach the threshold are not read
                bound AS MATERIALIZED (%(bound)s),
                wide AS MATERIALIZED (
                    SELECT id, ub, ctx, is_recent FROM bound WHERE %(penalised_ub)s >= (SELECT v FROM threshold)
                ),
                -- the text of the talents left, unless too many are left for the narrowing to pay
                -- (a share of the applicants as PostgreSQL's statistics count them)
                scope AS MATERIALIZED (
                    SELECT id, ub, ctx, is_recent FROM wide
                     WHERE (SELECT count(*) FROM wide) <= greatest(
                           %(scope_min)s,
                           %(scope_share)s * (SELECT reltuples FROM pg_class WHERE oid = 'hr_applicant'::regclass))
                ),
                %(scope_text)s
                narrow AS (
                    SELECT raw.id
                      FROM (
                            SELECT raw.id, raw.ub - (%(text_full_points)s - %(text_points)s) * %(text_gain)s AS ub,
                                   raw.is_recent
                              FROM (
                                    SELECT scope.id, scope.ub, scope.ctx, scope.is_recent,
                                           coalesce(scope_txt.r, 0) + coalesce(scope_cv.r, 0) AS text_rank
                                      FROM scope
                                      LEFT JOIN scope_txt ON scope_txt.id = scope.id
                                      LEFT JOIN scope_cv ON scope_cv.id = scope.id
                                   ) raw
                           ) raw
                     -- the bound with the talent's own text instead of full text points: each point
                     -- of text less is a point less, and the relevance it carries gates the context
                     -- points (ub = S + T + ctx x (S + T) / R, R the points of the relevance factors)
                     WHERE CASE WHEN raw.is_recent THEN greatest(raw.ub - %(recent)s, 0) ELSE raw.ub END
                           >= (SELECT v FROM threshold)
                )
                SELECT (SELECT v FROM threshold) > %(skill_less_max)s,
                       (SELECT count(*) FROM wide) = (SELECT count(*) FROM scope),
                       (SELECT array_agg(id) FROM narrow)
                """,
                job_skill=self._talent_match_job_skill_cte(inputs),
                required_points=points(True),
                nice_points=points(False),
                skill_ids=[s for s, _l, _r in inputs["skills"]],
                skill_bound=skill_bound,
                seed_size=seed_size,
                scored=self._talent_match_scored_ctes(
                    inputs,
                    self._talent_match_candidates(inputs["company"], restrict=SQL("SELECT id FROM seed")),
                    few=True,
                ),
                offset=limit - 1,
                skill_order=SQL("sp.nice") if not required_total else skill_bound if nice_total else SQL("sp.req"),
                top_size=max(40 * limit, 2000),
                top_bound=bound_of(SQL("top_skills")),
                bound=bound_of(SQL("(SELECT * FROM skill_points sp WHERE %s)", reachable)),
                penalised_ub=SQL(
                    "CASE WHEN is_recent THEN greatest(ub - %(recent)s, 0) ELSE ub END", recent=inputs["penalty_recent"]
                ),
                scope_min=MATCH_SCOPE_MIN,
                scope_share=MATCH_SCOPE_SHARE,
                scope_text=self._talent_match_text_ctes(inputs, "scope", prefix="scope_"),
                text_full_points=100.0 * weights["text"] / total if weights["text"] else 0.0,
                text_points=contributions["text"],
                text_gain=SQL("(1 + raw.ctx / %s::float8)", relevance_max) if relevance_max else SQL("1"),
                recent=inputs["penalty_recent"],
                skill_less_max=skill_less_max,
            )
        )
        beyond_skill_less, narrowed, scope = rows[0]
        # no threshold (fewer candidates than the limit among the seed), talents without any
        # of the job's skills within reach, or too many talents left: score every candidate
        if not beyond_skill_less or not narrowed:
            return None
        return scope or []

    def _talent_match_query(self, inputs, limit, talent_ids=None):
        """One query ranking the candidates, best first, with each factor's value and contribution.

        Every candidate in scope is scored in ``float8``; the explanation (``numeric``,
        contributions rounded to two decimals, adding up to the score) is computed only for the
        candidates that can still be among the ``limit`` best: those within half a point of the
        ``limit``-th float score (both scores differ by less than 0.1). With a limit, the scope
        is narrowed first by :meth:`_talent_match_scope` (``talent_match_full_scan`` in the
        context skips that).
        """
        restrict = None
        if talent_ids is None and limit and not self.env.context.get("talent_match_full_scan"):
            scope = self._talent_match_scope(inputs, limit)
            if scope is not None:
                restrict = SQL("SELECT unnest(%s::int[])", scope)
        if talent_ids is not None:
            restrict = SQL("SELECT unnest(%s::int[])", list(talent_ids))
        candidates = self._talent_match_candidates(inputs["company"], restrict=restrict)
        keys = list(MATCH_WEIGHT_FIELDS)
        values, contributions = self._talent_match_formulas(inputs, exact=True)
        return SQL(
            """
            WITH %(job_skill)s,
            %(scored)s,
            best AS (
                SELECT raw.*, %(relevance)s AS rel_exact FROM raw
                 WHERE %(limit)s::int IS NULL
                    OR raw.fast_score >= coalesce(
                        (SELECT fast_score FROM raw ORDER BY fast_score DESC OFFSET %(offset)s LIMIT 1),
                        '-infinity'::float8) - 0.5
            ),
            contributed AS (
                SELECT raw.id,
                       %(v_skills_required)s AS v_skills_required, %(v_skills_nice)s AS v_skills_nice,
                       %(v_text)s AS v_text, %(v_location)s AS v_location, %(v_seniority)s AS v_seniority,
                       %(v_availability)s AS v_availability, %(v_engagement)s AS v_engagement,
                       %(c_skills_required)s AS c_skills_required, %(c_skills_nice)s AS c_skills_nice,
                       %(c_text)s AS c_text, %(c_location)s AS c_location, %(c_seniority)s AS c_seniority,
                       %(c_availability)s AS c_availability, %(c_engagement)s AS c_engagement,
                       raw.rel_exact AS relevance, raw.is_dnc, raw.is_recent
                  FROM best raw
            ),
            based AS (
                SELECT contributed.*,
                       c_skills_required + c_skills_nice + c_text + c_location + c_seniority
                       + c_availability + c_engagement AS base
                  FROM contributed
            ),
            penalised AS (
                SELECT based.*,
                       CASE WHEN is_dnc THEN least(%(penalty_dnc)s, base) ELSE 0 END AS p_dnc
                  FROM based
            )
            SELECT id, v_skills_required, v_skills_nice, v_text, v_location, v_seniority, v_availability,
                   v_engagement, c_skills_required, c_skills_nice, c_text, c_location, c_seniority,
                   c_availability, c_engagement, relevance, p_dnc,
                   CASE WHEN is_recent THEN least(%(penalty_recent)s, base - p_dnc) ELSE 0 END AS p_recent,
                   base - p_dnc - CASE WHEN is_recent THEN least(%(penalty_recent)s, base - p_dnc) ELSE 0 END AS score
              FROM penalised
             ORDER BY score DESC, c_skills_required DESC, id
             LIMIT %(limit)s
            """,
            job_skill=self._talent_match_job_skill_cte(inputs),
            scored=self._talent_match_scored_ctes(inputs, candidates, few=restrict is not None),
            offset=(limit or 1) - 1,
            penalty_dnc=inputs["penalty_dnc"],
            penalty_recent=inputs["penalty_recent"],
            limit=limit,
            relevance=values["relevance"],
            **{"v_%s" % key: values[key] for key in keys},
            **{"c_%s" % key: contributions[key] for key in keys},
        )

    def _talent_match_talents(self, limit=50, talent_ids=None):
        """The ``limit`` best talents of the pools for this job, best first, with their explanation.

        SQL ranks the candidates (the user's visible talents of the job's company, not already
        applying to the job): a first query bounds every talent's score from a narrow index and
        its skill lines, then ranks the text of the talents whose bound can still make the list
        and keeps those that still can (see :meth:`_talent_match_scope`); a second one scores
        them (see :meth:`_talent_match_query`); hr_recruitment_skills' own matching (``matching_score``,
        matching and missing skills, with the ``matching_job_id`` context) explains the skills of
        the returned talents. Ties are broken by the required-skills contribution, then the talent id.

        Returns a list of dicts: ``talent`` (hr.applicant), ``rank``, ``score`` (0-100),
        ``skill_matching_score`` (hr_recruitment_skills), ``matching_skills``, ``missing_skills`` and
        ``relevance`` (0-1: how well the profile fits the job, see :meth:`_talent_match_formulas`),
        ``gated`` (whether relevance factors apply, so that it gates the context factors) and
        ``factors``: a list of ``{key, label, weight, share, applicable, value, counts, contribution}``
        (``share``: the weight in percent once rescaled over the factors that apply to the job;
        ``counts``: the relevance for the context factors, 1 for the others; ``contribution`` is
        ``share`` x ``value`` x ``counts`` rounded to two decimals); the contributions add up to
        ``score`` (penalties are negative).
        """
        self.ensure_one()
        if limit is not None and limit <= 0:
            raise UserError(self.env._("Ask for at least one match."))
        inputs = self._talent_match_inputs()

        def ranking(env):
            job = self.with_env(env)
            with pg.jit_disabled(env.cr):
                env.cr.execute(job._talent_match_query(inputs, limit or None, talent_ids=talent_ids))
                return env.cr.dictfetchall(), env.cr is not self.env.cr

        # the inputs may store the job's matching version: read first, on the primary; the
        # ranking only reads (on the replica when one is configured and up to date)
        rows, replicated = read_on_replica(self.env, ranking)
        talents = self.env["hr.applicant"].browse([row["id"] for row in rows])
        if replicated and len(talents.exists()) < len(talents):
            # a talent the replica already sees, but this transaction's snapshot does not yet
            rows = [row for row in rows if row["id"] in talents.exists().ids]
            talents = talents.exists()
        skill_talents = talents.with_context(matching_job_id=self.id)
        if self.sudo().job_skill_ids or self.sudo().expected_degree:
            skill_talents.fetch(["matching_score", "matching_skill_ids", "missing_skill_ids"])
        labels = self._talent_match_labels()
        weights = inputs["weights"]
        results = []
        for rank, (row, talent) in enumerate(zip(rows, skill_talents, strict=True), start=1):
            relevance = float(row["relevance"])
            factors = [
                {
                    "key": key,
                    "label": labels[key],
                    "weight": weights[key],
                    # the weight rescaled over the factors that apply
                    "share": 100.0 * weights[key] / inputs["total_weight"],
                    "applicable": inputs["applicable"][key],
                    "value": float(row["v_%s" % key]) if inputs["applicable"][key] else 0.0,
                    # how much of it counts: the relevance for a context factor, else all of it;
                    # contribution = share x value x counts
                    "counts": relevance if key in MATCH_CONTEXT_FACTORS else 1.0,
                    "contribution": float(row["c_%s" % key]),
                }
                for key in MATCH_WEIGHT_FIELDS
            ]
            for key, column, points in (
                ("penalty_dnc", "p_dnc", inputs["penalty_dnc"]),
                ("penalty_recent", "p_recent", inputs["penalty_recent"]),
            ):
                factors.append(
                    {
                        "key": key,
                        "label": labels[key],
                        "weight": points,
                        "share": 0.0,
                        "applicable": bool(row[column]),
                        "value": 1.0 if row[column] else 0.0,
                        "counts": 1.0,
                        "contribution": -float(row[column]),
                    }
                )
            has_skills = bool(inputs["skills"] or inputs["job_degree"])
            results.append(
                {
                    "talent": talent,
                    "rank": rank,
                    "score": float(row["score"]),
                    # how well the profile fits the job (0-1): the share of the context that counts
                    "relevance": relevance,
                    "gated": bool(inputs["relevance_weight"]),
                    "skill_matching_score": talent.matching_score if has_skills else 0,
                    "matching_skills": talent.matching_skill_ids if has_skills else talent.skill_ids.browse(),
                    "missing_skills": talent.missing_skill_ids if has_skills else talent.skill_ids.browse(),
                    "factors": factors,
                }
            )
        return results

    # ------------------------------------------------------------
    # Matching: a role opens, tell the recruiter who is already in the pools
    # ------------------------------------------------------------

    def _talent_notify_top_matches(self):
        """One activity per opening job for its recruiter, listing the best talents of the pools.

        Jobs without skills or description are skipped (nothing to match on yet). The activity of
        a job is updated rather than duplicated. No mail goes to candidates.
        """
        if self.env.context.get("talent_skip_match_activity") or not self:
            return
        activity_type = self.env.ref("talent_crm.mail_activity_type_talent_matches", raise_if_not_found=False)
        if not activity_type:
            return
        Activity = self.env["mail.activity"].sudo()
        existing = Activity.search(
            [("activity_type_id", "=", activity_type.id), ("res_model", "=", "hr.job"), ("res_id", "in", self.ids)]
        )
        existing_by_job = {activity.res_id: activity for activity in existing}
        model_id = self.env["ir.model"]._get_id("hr.job")
        to_create = []
        for job in self.sudo():
            try:
                results = job._talent_match_talents(limit=MATCH_ACTIVITY_TOP)
            except UserError:
                continue
            if not results:
                continue
            user = job.user_id or self.env.user
            values = {
                "summary": self.env._("%(count)s talents from the pools match this role", count=len(results)),
                "note": job.with_context(lang=user.lang)._talent_match_note(results),
                "user_id": user.id,
                "date_deadline": fields.Date.context_today(self) + timedelta(days=3),
            }
            if job.id in existing_by_job:
                existing_by_job[job.id].write(values)
            else:
                values.update({"activity_type_id": activity_type.id, "res_model_id": model_id, "res_id": job.id})
                to_create.append(values)
        Activity.create(to_create)

    def _talent_match_note(self, results):
        blind = self._talent_match_is_blind()
        rows = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
            % (
                result["rank"],
                # a blind shortlist names nobody, in the recruiter's activity either
                self.env._("Talent #%(rank)s", rank=result["rank"])
                if blind
                else result["talent"].partner_name or result["talent"].display_name,
                "%.0f" % result["score"],
                ", ".join(result["matching_skills"].mapped("name")),
            )
            for result in results
        )
        return Markup(
            "<p>%s</p><table class='table table-sm'><thead><tr><th>#</th><th>%s</th><th>%s</th><th>%s</th></tr>"
            "</thead><tbody>%s</tbody></table><p>%s</p>"
        ) % (
            self.env._("The role %(job)s opened. These people from your pools match it best:", job=self.name),
            self.env._("Talent"),
            self.env._("Score"),
            self.env._("Matching skills"),
            rows,
            self.env._('Open "Best matches from pools" on the job for the full list and the score breakdown.'),
        )
