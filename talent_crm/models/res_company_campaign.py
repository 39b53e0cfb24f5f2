# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """Job alert settings of a company."""

    _inherit = "res.company"

    talent_job_alert_mode = fields.Selection(
        [("review", "Reviewed by a recruiter"), ("auto", "Automatic")],
        string="Job Alerts",
        default="review",
        required=True,
        help="Reviewed: when a job opens, its recruiter checks the list of matching talents before the alerts "
        "go out. Automatic: the alerts go out as soon as the job opens.",
    )
    talent_job_alert_min_score = fields.Integer(
        string="Job Alert Minimum Score",
        default=50,
        help="Talents whose profile matches a job with a lower score (0-100) get no alert for it.",
    )

    @api.constrains("talent_job_alert_min_score")
    def _check_talent_job_alert_min_score(self):
        for company in self:
            if not 0 <= company.talent_job_alert_min_score <= 100:
                raise ValidationError(self.env._("The job alert minimum score is between 0 and 100."))
