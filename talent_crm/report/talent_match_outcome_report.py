# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL

from ..models.res_company import MATCH_WEIGHT_FIELDS

FIT_BANDS = [
    ("na", "Does not apply"),
    ("0", "0-24 %"),
    ("25", "25-49 %"),
    ("50", "50-74 %"),
    ("75", "75-100 %"),
]


class TalentMatchOutcomeReport(models.Model):
    """What became of ranked talents, by matching version, factor and fit band: for the works
    council, without a person's identity.

    One row per talent ranked for a job with a version (the latest stored ranking of the three,
    so that looking at a list twice counts once) and per factor of the score, with the band of
    the talent's fit in that factor. *Shortlisted*: an application of the talent to that job was
    created after the ranking (a recruiter put the talent forward). *Hired*: that application was
    hired. Comparing the rates across bands shows how much each factor weighs in what recruiters
    decide; comparing versions shows what a change of weights did.
    """

    _name = "talent.match.outcome.report"
    _inherit = ["talent.report.mixin"]
    _description = "Matching Outcomes by Factor"
    _auto = False
    _order = "ranking_date desc, id desc"
    _rec_name = "job_id"

    ranking_date = fields.Datetime(string="Ranked On", readonly=True)
    job_id = fields.Many2one("hr.job", string="Job Position", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    version_id = fields.Many2one("talent.matching.version", string="Matching Version", readonly=True)
    factor = fields.Selection(
        [
            ("skills_required", "Required skills"),
            ("skills_nice", "Nice-to-have skills"),
            ("text", "Text relevance"),
            ("location", "Location and remote fit"),
            ("seniority", "Seniority fit"),
            ("availability", "Availability"),
            ("engagement", "Engagement recency"),
        ],
        readonly=True,
    )
    band = fields.Selection(FIT_BANDS, string="Fit", readonly=True)
    rank = fields.Integer(readonly=True, aggregator="avg")
    score = fields.Float(digits=(5, 2), readonly=True, aggregator="avg")
    ranked_count = fields.Integer(string="Ranked", readonly=True)
    shortlisted_count = fields.Integer(string="Shortlisted", readonly=True)
    hired_count = fields.Integer(string="Hired", readonly=True)
    shortlist_rate = fields.Float(
        string="Shortlist Rate (%)",
        aggregator="avg",
        readonly=True,
        help="Share of the ranked talents a recruiter put forward for the job afterwards.",
    )
    hire_rate = fields.Float(
        string="Hire Rate (%)", aggregator="avg", readonly=True, help="Share of the ranked talents hired for the job."
    )

    def _query(self):
        factors = list(MATCH_WEIGHT_FIELDS)
        return SQL(
            """
            WITH latest AS (
                SELECT DISTINCT ON (r.job_id, r.talent_id, r.version_id) r.*
                  FROM talent_match_ranking r
              ORDER BY r.job_id, r.talent_id, r.version_id, r.ranking_date DESC, r.id DESC
            ), outcome AS (
                SELECT latest.*,
                       app.id IS NOT NULL AS shortlisted,
                       coalesce(app.date_closed IS NOT NULL, FALSE) AS hired
                  FROM latest
             LEFT JOIN LATERAL (
                       SELECT a.id, a.date_closed
                         FROM hr_applicant a
                        WHERE a.job_id = latest.job_id
                          AND a.pool_applicant_id = latest.talent_id
                          AND a.id <> latest.talent_id
                          AND a.create_date >= latest.ranking_date
                     ORDER BY a.date_closed IS NULL, a.id
                        LIMIT 1
                       ) app ON TRUE
            )
            SELECT outcome.id * %(count)s + f.position AS id,
                   outcome.ranking_date,
                   outcome.job_id,
                   outcome.company_id,
                   outcome.version_id,
                   f.factor,
                   CASE WHEN f.fit IS NULL THEN 'na'
                        WHEN f.fit < 0.25 THEN '0'
                        WHEN f.fit < 0.5 THEN '25'
                        WHEN f.fit < 0.75 THEN '50'
                        ELSE '75' END AS band,
                   outcome.rank,
                   outcome.score,
                   1 AS ranked_count,
                   outcome.shortlisted::int AS shortlisted_count,
                   outcome.hired::int AS hired_count,
                   CASE WHEN outcome.shortlisted THEN 100.0 ELSE 0.0 END AS shortlist_rate,
                   CASE WHEN outcome.hired THEN 100.0 ELSE 0.0 END AS hire_rate
              FROM outcome
        CROSS JOIN LATERAL (VALUES %(factors)s) AS f(position, factor, fit)
            """,
            count=len(factors),
            factors=SQL(", ").join(
                SQL("(%s, %s::varchar, (outcome.fits ->> %s)::float8)", position, key, key)
                for position, key in enumerate(factors)
            ),
        )
