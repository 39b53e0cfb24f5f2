# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL

from ..models.hr_talent_pool import HEALTH_STATES, STALE_DAYS


class TalentPoolHealthReport(models.Model):
    """Pool health: one row per active pool, with when its members were last touched.

    A touch counts for a pool when it was made with one of its active members (touches
    belong to the person) in the pool's company. A pool is *stale* when none of its
    members was touched in the last 90 days.
    """

    _name = "talent.pool.health.report"
    _inherit = ["talent.report.mixin"]
    _description = "Talent Pool Health"
    _auto = False
    _order = "last_touch_date asc nulls first, id"
    _rec_name = "pool_id"

    pool_id = fields.Many2one("hr.talent.pool", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    user_id = fields.Many2one("res.users", string="Pool Manager", readonly=True)
    talent_count = fields.Integer(string="Talents", readonly=True)
    touched_count = fields.Integer(
        string="Touched in 90 Days", readonly=True, help="Members with a touch in the last 90 days."
    )
    touched_rate = fields.Float(
        string="Touched in 90 Days (%)", aggregator="avg", readonly=True, help="Share of members touched."
    )
    last_touch_date = fields.Datetime(string="Last Touch", aggregator="max", readonly=True)
    days_since_touch = fields.Integer(string="Days Since Last Touch", aggregator="max", readonly=True)
    is_stale = fields.Boolean(string="No Touch in 90 Days", readonly=True)
    stale_count = fields.Integer(string="Stale Pools", readonly=True)
    last_touch_text = fields.Char(string="Last Touched", compute="_compute_health")
    health_state = fields.Selection(HEALTH_STATES, string="Health", compute="_compute_health")
    health_reasons = fields.Text(compute="_compute_health")

    def _compute_health(self):
        # the pool's own figures: reading them on one row's pool computes them for all the rows' pools
        for row in self:
            row.last_touch_text = row.pool_id.talent_last_touch_text
            row.health_state = row.pool_id.talent_health_state
            row.health_reasons = row.pool_id.talent_health_reasons

    def _query(self):
        return SQL(
            """
            WITH member AS (
                SELECT pool.id AS pool_id,
                       CASE WHEN pool.company_id IS NULL
                            THEN (SELECT MAX(touch.date)
                                    FROM talent_touch touch
                                   WHERE touch.partner_id = talent.partner_id)
                            ELSE (SELECT MAX(touch.date)
                                    FROM talent_touch touch
                                   WHERE touch.partner_id = talent.partner_id
                                     AND touch.company_id = pool.company_id)
                       END AS last_touch_date
                  FROM hr_talent_pool pool
                  JOIN hr_applicant_hr_talent_pool_rel membership ON membership.hr_talent_pool_id = pool.id
                  JOIN hr_applicant talent ON talent.id = membership.hr_applicant_id
                 WHERE pool.active AND talent.active AND talent.partner_id IS NOT NULL
            ),
            per_pool AS (
                SELECT member.pool_id,
                       COUNT(*) AS talent_count,
                       COUNT(*) FILTER (
                           WHERE member.last_touch_date >= (NOW() AT TIME ZONE 'UTC') - %(stale)s * INTERVAL '1 day'
                       ) AS touched_count,
                       MAX(member.last_touch_date) AS last_touch_date
                  FROM member
              GROUP BY member.pool_id
            )
            SELECT pool.id,
                   pool.id AS pool_id,
                   pool.company_id,
                   pool.pool_manager AS user_id,
                   COALESCE(per_pool.talent_count, 0) AS talent_count,
                   COALESCE(per_pool.touched_count, 0) AS touched_count,
                   CASE WHEN per_pool.talent_count > 0
                        THEN per_pool.touched_count * 100.0 / per_pool.talent_count ELSE 0.0 END AS touched_rate,
                   per_pool.last_touch_date,
                   EXTRACT(DAY FROM (NOW() AT TIME ZONE 'UTC') - per_pool.last_touch_date)::integer
                       AS days_since_touch,
                   per_pool.touched_count IS NULL OR per_pool.touched_count = 0 AS is_stale,
                   (per_pool.touched_count IS NULL OR per_pool.touched_count = 0)::integer AS stale_count
              FROM hr_talent_pool pool
         LEFT JOIN per_pool ON per_pool.pool_id = pool.id
             WHERE pool.active
            """,
            stale=STALE_DAYS,
        )
