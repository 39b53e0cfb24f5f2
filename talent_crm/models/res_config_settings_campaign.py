# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    talent_job_alert_mode = fields.Selection(related="company_id.talent_job_alert_mode", readonly=False)
    talent_job_alert_min_score = fields.Integer(related="company_id.talent_job_alert_min_score", readonly=False)
