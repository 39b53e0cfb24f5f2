# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    talent_match_weight_skills_required = fields.Integer(
        related="company_id.talent_match_weight_skills_required", readonly=False
    )
    talent_match_weight_skills_nice = fields.Integer(related="company_id.talent_match_weight_skills_nice", readonly=False)
    talent_match_weight_text = fields.Integer(related="company_id.talent_match_weight_text", readonly=False)
    talent_match_weight_location = fields.Integer(related="company_id.talent_match_weight_location", readonly=False)
    talent_match_weight_seniority = fields.Integer(related="company_id.talent_match_weight_seniority", readonly=False)
    talent_match_weight_availability = fields.Integer(
        related="company_id.talent_match_weight_availability", readonly=False
    )
    talent_match_weight_engagement = fields.Integer(related="company_id.talent_match_weight_engagement", readonly=False)
    talent_match_penalty_dnc = fields.Integer(related="company_id.talent_match_penalty_dnc", readonly=False)
    talent_match_penalty_recent = fields.Integer(related="company_id.talent_match_penalty_recent", readonly=False)
    talent_match_recent_days = fields.Integer(related="company_id.talent_match_recent_days", readonly=False)
