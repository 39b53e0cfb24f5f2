# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL, LazyTranslate

from ..models.talent_lead_state_log import LEAD_STATES

# Labels of empty groups ("No source"): translated lazily, in this module (pylint-odoo's
# translation-field does not know falsy_value_label, which Odoo does not translate by itself)
_lt = LazyTranslate(__name__)


class TalentSourceReport(models.Model):
    """Source effectiveness: one row per talent, with what became of it.

    A talent is *converted* when it applied to a job (an application points to it through
    ``pool_applicant_id``) or its lead state says so; it is *hired* when one of its
    applications reached a hired stage or its lead state is Hired. Grouped by UTM source,
    medium or campaign this gives talents, conversions and hires per source.
    """

    _name = "talent.source.report"
    _inherit = ["talent.report.mixin"]
    _description = "Talent Source Effectiveness"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "talent_id"

    talent_id = fields.Many2one("hr.applicant", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date = fields.Datetime(string="Captured On", readonly=True)
    source_id = fields.Many2one(
        "utm.source",
        readonly=True,
        falsy_value_label=_lt("No source"),  # pylint: disable=translation-field
    )
    medium_id = fields.Many2one(
        "utm.medium",
        readonly=True,
        falsy_value_label=_lt("No medium"),  # pylint: disable=translation-field
    )
    campaign_id = fields.Many2one(
        "utm.campaign",
        readonly=True,
        falsy_value_label=_lt("No campaign"),  # pylint: disable=translation-field
    )
    owner_id = fields.Many2one("res.users", string="Talent Owner", readonly=True)
    lead_state = fields.Selection(LEAD_STATES, readonly=True)
    application_count = fields.Integer(string="Applications", readonly=True)
    converted_count = fields.Integer(string="Converted", readonly=True, help="Talents who applied to a job.")
    hired_count = fields.Integer(string="Hired", readonly=True, help="Talents hired for a job.")
    converted_rate = fields.Float(string="Conversion Rate (%)", aggregator="avg", readonly=True)
    hired_rate = fields.Float(string="Hire Rate (%)", aggregator="avg", readonly=True)

    def _query(self):
        return SQL(
            """
            WITH application AS (
                SELECT applicant.pool_applicant_id AS talent_id,
                       COUNT(*) AS application_count,
                       COUNT(applicant.date_closed) AS hire_count
                  FROM hr_applicant applicant
                 WHERE applicant.job_id IS NOT NULL
                   AND applicant.pool_applicant_id IS NOT NULL
                   AND applicant.pool_applicant_id <> applicant.id
              GROUP BY applicant.pool_applicant_id
            ),
            outcome AS (
                SELECT talent.id,
                       talent.company_id,
                       talent.create_date,
                       talent.source_id,
                       talent.medium_id,
                       talent.campaign_id,
                       talent.user_id,
                       talent.talent_lead_state,
                       COALESCE(application.application_count, 0) AS application_count,
                       (application.talent_id IS NOT NULL OR talent.talent_lead_state IN ('converted', 'hired'))
                           AS converted,
                       (application.hire_count > 0 OR talent.talent_lead_state = 'hired') AS hired
                  FROM hr_applicant talent
             LEFT JOIN application ON application.talent_id = talent.id
                 WHERE talent.pool_applicant_id = talent.id
                   AND talent.job_id IS NULL
            )
            SELECT outcome.id,
                   outcome.id AS talent_id,
                   outcome.company_id,
                   outcome.create_date AS date,
                   outcome.source_id,
                   outcome.medium_id,
                   outcome.campaign_id,
                   outcome.user_id AS owner_id,
                   outcome.talent_lead_state AS lead_state,
                   outcome.application_count,
                   outcome.converted::integer AS converted_count,
                   COALESCE(outcome.hired, FALSE)::integer AS hired_count,
                   outcome.converted::integer * 100.0 AS converted_rate,
                   COALESCE(outcome.hired, FALSE)::integer * 100.0 AS hired_rate
              FROM outcome
            """
        )
