# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL, LazyTranslate

# Labels of empty groups ("No source"): translated lazily, in this module (pylint-odoo's
# translation-field does not know falsy_value_label, which Odoo does not translate by itself)
_lt = LazyTranslate(__name__)


class TalentHireReport(models.Model):
    """Hires from pools versus external sourcing: one row per application to a job.

    An application is *from a pool* when its talent (``pool_applicant_id``) was in the CRM
    before the application was created: the talent was nurtured first, then applied or was
    put forward. An application whose talent was created afterwards (a candidate added to a
    pool after applying) or that has no talent is *external*. The time to fill is the number
    of days from the application to the hire.
    """

    _name = "talent.hire.report"
    _inherit = ["talent.report.mixin"]
    _description = "Hires from Pools versus External"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "applicant_id"

    applicant_id = fields.Many2one("hr.applicant", string="Application", readonly=True)
    talent_id = fields.Many2one("hr.applicant", readonly=True)
    job_id = fields.Many2one("hr.job", string="Job Position", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    user_id = fields.Many2one("res.users", string="Recruiter", readonly=True)
    source_id = fields.Many2one(
        "utm.source",
        readonly=True,
        falsy_value_label=_lt("No source"),  # pylint: disable=translation-field
    )
    medium_id = fields.Many2one("utm.medium", readonly=True)
    date = fields.Datetime(string="Applied On", readonly=True)
    date_closed = fields.Datetime(string="Hired On", readonly=True)
    origin = fields.Selection([("pool", "From a pool"), ("external", "External")], readonly=True)
    from_pool = fields.Boolean(string="From a Pool", readonly=True)
    hired = fields.Boolean(readonly=True)
    hired_count = fields.Integer(string="Hires", readonly=True)
    from_pool_count = fields.Integer(string="Applications from Pools", readonly=True)
    from_pool_rate = fields.Float(
        string="From Pools (%)",
        aggregator="avg",
        readonly=True,
        help="Share of the applications (or, with the Hired filter, of the hires) that came from a pool.",
    )
    time_to_fill = fields.Float(
        string="Median Days to Hire",
        aggregator="median",
        readonly=True,
        help="Days from the application to the hire, over hired applications.",
    )
    time_to_fill_avg = fields.Float(string="Average Days to Hire", aggregator="avg", readonly=True)

    def _query(self):
        return SQL(
            """
            WITH application AS (
                SELECT applicant.*,
                       (talent.id IS NOT NULL AND talent.create_date < applicant.create_date) AS is_from_pool,
                       talent.id AS talent
                  FROM hr_applicant applicant
             LEFT JOIN hr_applicant talent
                    ON talent.id = applicant.pool_applicant_id AND talent.id <> applicant.id
                 WHERE applicant.job_id IS NOT NULL
            )
            SELECT application.id,
                   application.id AS applicant_id,
                   application.talent AS talent_id,
                   application.job_id,
                   application.department_id,
                   application.company_id,
                   application.user_id,
                   application.source_id,
                   application.medium_id,
                   application.create_date AS date,
                   application.date_closed,
                   CASE WHEN application.is_from_pool THEN 'pool' ELSE 'external' END AS origin,
                   application.is_from_pool AS from_pool,
                   application.date_closed IS NOT NULL AS hired,
                   (application.date_closed IS NOT NULL)::integer AS hired_count,
                   application.is_from_pool::integer AS from_pool_count,
                   application.is_from_pool::integer * 100.0 AS from_pool_rate,
                   EXTRACT(EPOCH FROM application.date_closed - application.create_date) / 86400.0 AS time_to_fill,
                   EXTRACT(EPOCH FROM application.date_closed - application.create_date) / 86400.0
                       AS time_to_fill_avg
              FROM application
            """
        )
