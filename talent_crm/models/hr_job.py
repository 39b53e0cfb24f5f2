# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# weights of the built-in job alert score (used until a matching engine is installed)
ALERT_WEIGHTS = {"role_family": 40, "skills": 40, "location": 20}


class HrJob(models.Model):
    """Job alerts: when a job opens, the talents who asked for alerts and match it hear about it."""

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

    @api.model_create_multi
    def create(self, vals_list):
        jobs = super().create(vals_list)
        jobs.filtered(lambda j: j._talent_job_is_open())._talent_job_alert_schedule()
        return jobs

    def write(self, vals):
        watched = {"no_of_recruitment", "active", "is_published"} & set(vals)
        was_open = {job.id: job._talent_job_is_open() for job in self} if watched else {}
        result = super().write(vals)
        if watched:
            self.filtered(lambda j: not was_open[j.id] and j._talent_job_is_open())._talent_job_alert_schedule()
        return result

    def _talent_job_is_open(self):
        """Open: active, recruiting (a target above zero) and published when the website is installed."""
        self.ensure_one()
        if not self.active or self.no_of_recruitment <= 0:
            return False
        return self.is_published if "is_published" in self._fields else True

    def _talent_job_alert_schedule(self):
        if not self:
            return
        self.sudo().write({"talent_job_alert_pending": True})
        self.env.ref("talent_crm.ir_cron_talent_job_alerts").sudo()._trigger()

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
        self._talent_job_alert_prepare()
        return self.action_talent_job_alerts()

    # ------------------------------------------------------------
    # Candidates
    # ------------------------------------------------------------

    @api.model
    def _talent_job_alert_claim_pending(self):
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL("SELECT id FROM hr_job WHERE talent_job_alert_pending ORDER BY id FOR UPDATE SKIP LOCKED")
        )
        return self.browse([row[0] for row in rows])

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
        """``{talent_id: score}``: the matching engine's score when installed, the built-in one otherwise."""
        if hasattr(self, "_talent_match_talents"):
            try:
                return self._talent_job_alert_engine_scores(talents)
            except UserError:
                pass  # nothing to match on (no skills, no description): the profile fit below
            except Exception:  # noqa: BLE001 - a matching failure must not stop the alerts
                _logger.exception("Matching engine failed for job %s: using the built-in job alert score", self.id)
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
        job_skills = set(self.job_skill_ids.skill_id.ids) if "job_skill_ids" in self._fields else set()
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
        """The job's hidden mailing: every alert of the job is one of its traces."""
        self.ensure_one()
        job = self.sudo()
        if not job.talent_job_alert_mailing_id:
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
