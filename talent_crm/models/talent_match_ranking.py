# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from .res_company import MATCH_WEIGHT_FIELDS

RANKING_PURGE_BATCH = 5000


class TalentMatchRanking(models.Model):
    """One talent of a stored ranking: what a job's best-matches list showed, with the matching
    version that produced it, the score, each factor's fit and the explanation.

    The best-matches list itself is a per-user transient view; these records keep what was shown,
    so that the works council can read how a job's ranking was produced (blind: the talent is
    readable by administrators only, whether or not the job's list was blind) and the outcome
    report can compare shortlist and hire rates by version and by factor band. Written by the
    code only, never edited; removed with the company's audit-trail retention.
    """

    _name = "talent.match.ranking"
    _description = "Stored Ranking"
    _order = "ranking_date desc, job_id, rank, id"
    _rec_name = "job_id"

    ranking_date = fields.Datetime(string="Ranked On", required=True, readonly=True, index=True)
    user_id = fields.Many2one("res.users", string="Ranked By", readonly=True, ondelete="set null")
    job_id = fields.Many2one(
        "hr.job", string="Job Position", required=True, readonly=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True, ondelete="cascade")
    version_id = fields.Many2one(
        "talent.matching.version", string="Matching Version", required=True, readonly=True, ondelete="restrict"
    )
    talent_id = fields.Many2one(
        "hr.applicant",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
        # as talent.match.result's talent_ref_id: blind lists stay blind in what was stored
        groups="base.group_system",
    )
    rank = fields.Integer(required=True, readonly=True, aggregator="avg")
    score = fields.Float(digits=(5, 2), readonly=True, aggregator="avg")
    fits = fields.Json(
        string="Fit per Factor",
        readonly=True,
        help="Each factor's fit (0 to 1), null for the factors that do not apply to the job.",
    )
    explanation = fields.Html(sanitize=False, readonly=True)

    # ------------------------------------------------------------
    # ORM: written by the code only
    # ------------------------------------------------------------

    def write(self, vals):
        self.check_access("write")
        if vals:
            raise UserError(self.env._("A stored ranking cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_by_retention(self):
        if not self.env.context.get("talent_audit_retention"):
            raise UserError(self.env._("Stored rankings are removed only when their retention period ends."))

    # ------------------------------------------------------------
    # Recording a ranking
    # ------------------------------------------------------------

    @api.model
    def _talent_record(self, job, version, results, explanations):
        """Store ``results`` of ``hr.job._talent_match_talents`` as ranked by the current user with
        ``version``; ``explanations`` are the explanations shown, in the same order."""
        now = fields.Datetime.now()
        vals_list = []
        for result, explanation in zip(results, explanations, strict=True):
            factors = {factor["key"]: factor for factor in result["factors"]}
            vals_list.append(
                {
                    "ranking_date": now,
                    "user_id": self.env.uid,
                    "job_id": job.id,
                    "company_id": version.company_id.id,
                    "version_id": version.id,
                    "talent_id": result["talent"].id,
                    "rank": result["rank"],
                    "score": result["score"],
                    "explanation": explanation,
                    "fits": {
                        key: factors[key]["value"] if factors[key]["applicable"] else None
                        for key in MATCH_WEIGHT_FIELDS
                    },
                }
            )
        return self.sudo().create(vals_list)

    # ------------------------------------------------------------
    # Retention: as the audit trail
    # ------------------------------------------------------------

    @api.model
    def _cron_purge(self):
        """Remove the rankings older than their company's audit retention (batches, committed)."""
        now = fields.Datetime.now()
        Ranking = self.sudo().with_context(talent_audit_retention=True)
        for company in self.env["res.company"].sudo().search([("talent_audit_retention_months", ">", 0)]):
            cutoff = now - relativedelta(months=company.talent_audit_retention_months)
            domain = Domain("company_id", "=", company.id) & Domain("ranking_date", "<", cutoff)
            while True:
                old = Ranking.search(domain, limit=RANKING_PURGE_BATCH, order="id")
                if not old:
                    break
                old.unlink()
                if not self.env["ir.cron"]._commit_progress(len(old)):
                    return
