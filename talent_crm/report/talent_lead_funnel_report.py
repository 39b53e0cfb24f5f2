# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL, LazyTranslate

from ..models.talent_lead_state_log import LEAD_STATES

# Labels of empty groups ("No source"): translated lazily, in this module (pylint-odoo's
# translation-field does not know falsy_value_label, which Odoo does not translate by itself)
_lt = LazyTranslate(__name__)


class TalentLeadFunnelReport(models.Model):
    """Lead funnel KPIs: one row per stay of a talent in a lead state.

    A stay starts with a ``talent.lead.state.log`` entry and ends with the talent's next one.
    Rows without a pool cover each stay once (conversion rates, velocity by state, source,
    owner); rows with a pool repeat each stay for every pool the talent is in, for the same
    figures per pool. Conversion rates are averages of 0/100 per stay; the days in a state
    use a median (``aggregator="median"``, served by ``talent.report.mixin``).
    """

    _name = "talent.lead.funnel.report"
    _inherit = ["talent.report.mixin"]
    _description = "Lead Funnel Analysis"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "state"

    talent_id = fields.Many2one("hr.applicant", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    pool_id = fields.Many2one("hr.talent.pool", readonly=True)
    source_id = fields.Many2one(
        "utm.source",
        readonly=True,
        falsy_value_label=_lt("No source"),  # pylint: disable=translation-field
    )
    medium_id = fields.Many2one("utm.medium", readonly=True)
    campaign_id = fields.Many2one("utm.campaign", readonly=True)
    role_family_id = fields.Many2one("talent.role.family", readonly=True)
    owner_id = fields.Many2one("res.users", string="Talent Owner", readonly=True)
    user_id = fields.Many2one("res.users", string="Moved In By", readonly=True)
    state = fields.Selection(LEAD_STATES, string="Lead State", readonly=True)
    next_state = fields.Selection(LEAD_STATES, readonly=True)
    date = fields.Datetime(string="Entered On", readonly=True)
    date_end = fields.Datetime(string="Left On", readonly=True)
    is_current = fields.Boolean(string="Current State", readonly=True)
    duration_days = fields.Float(
        string="Median Days in State",
        aggregator="median",
        readonly=True,
        help="Median time spent in the state, over completed stays.",
    )
    duration_days_avg = fields.Float(
        string="Average Days in State", aggregator="avg", readonly=True, help="Over completed stays."
    )
    advanced_rate = fields.Float(
        string="Moved Forward (%)",
        aggregator="avg",
        readonly=True,
        help="Share of stays that ended in a later funnel state "
        "(Captured → Qualified → Activated → Converted → Hired).",
    )
    closed_rate = fields.Float(
        string="Closed (%)",
        aggregator="avg",
        readonly=True,
        help="Share of stays that ended as Not Interested or Do Not Contact.",
    )
    converted_rate = fields.Float(
        string="Became Applicant (%)",
        aggregator="avg",
        readonly=True,
        help="Share of stays after which the talent was converted to an applicant (or hired).",
    )

    def _query(self):
        return SQL(
            """
            WITH stay AS (
                SELECT log.id AS log_id,
                       log.talent_id,
                       log.company_id,
                       log.user_id,
                       log.to_state AS state,
                       log.date,
                       LEAD(log.to_state) OVER talent_history AS next_state,
                       LEAD(log.date) OVER talent_history AS date_end,
                       COALESCE(
                           BOOL_OR(log.to_state IN ('converted', 'hired')) OVER (
                               PARTITION BY log.talent_id ORDER BY log.date, log.id
                               ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING
                           ),
                           FALSE
                       ) AS later_converted
                  FROM talent_lead_state_log log
                WINDOW talent_history AS (PARTITION BY log.talent_id ORDER BY log.date, log.id)
            ),
            ranked AS (
                SELECT stay.*,
                       CASE stay.state WHEN 'captured' THEN 1 WHEN 'qualified' THEN 2 WHEN 'activated' THEN 3
                                       WHEN 'converted' THEN 4 WHEN 'hired' THEN 5 END AS state_rank,
                       CASE stay.next_state WHEN 'captured' THEN 1 WHEN 'qualified' THEN 2 WHEN 'activated' THEN 3
                                            WHEN 'converted' THEN 4 WHEN 'hired' THEN 5 END AS next_rank
                  FROM stay
            ),
            measured AS (
                SELECT ranked.log_id,
                       ranked.talent_id,
                       ranked.company_id,
                       ranked.user_id,
                       talent.user_id AS owner_id,
                       talent.source_id,
                       talent.medium_id,
                       talent.campaign_id,
                       talent.talent_role_family_id AS role_family_id,
                       ranked.state,
                       ranked.next_state,
                       ranked.date,
                       ranked.date_end,
                       ranked.date_end IS NULL AS is_current,
                       EXTRACT(EPOCH FROM ranked.date_end - ranked.date) / 86400.0 AS duration_days,
                       EXTRACT(EPOCH FROM ranked.date_end - ranked.date) / 86400.0 AS duration_days_avg,
                       CASE WHEN ranked.next_rank > ranked.state_rank THEN 100.0 ELSE 0.0 END AS advanced_rate,
                       CASE WHEN ranked.state_rank IS NOT NULL
                             AND ranked.next_state IN ('not_interested', 'do_not_contact')
                            THEN 100.0 ELSE 0.0 END AS closed_rate,
                       CASE WHEN ranked.later_converted THEN 100.0 ELSE 0.0 END AS converted_rate
                  FROM ranked
                  JOIN hr_applicant talent ON talent.id = ranked.talent_id
            ),
            with_pools AS (
                SELECT measured.*, NULL::integer AS pool_id
                  FROM measured
                 UNION ALL
                SELECT measured.*, rel.hr_talent_pool_id AS pool_id
                  FROM measured
                  JOIN hr_applicant_hr_talent_pool_rel rel ON rel.hr_applicant_id = measured.talent_id
            )
            SELECT with_pools.log_id::bigint * 100000 + COALESCE(with_pools.pool_id, 0) AS id,
                   with_pools.*
              FROM with_pools
            """
        )
