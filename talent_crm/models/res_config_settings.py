# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .res_company import MATCH_CONFIG_FIELDS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    talent_signup_url = fields.Char(string="Sign-up Page URL", compute="_compute_talent_signup_url")

    talent_default_pool_id = fields.Many2one(
        related="company_id.talent_default_pool_id",
        readonly=False,
        domain="[('company_id', 'in', [company_id, False])]",
    )
    talent_require_consent = fields.Boolean(related="company_id.talent_require_consent", readonly=False)
    talent_community_page = fields.Boolean(related="company_id.talent_community_page", readonly=False)
    talent_signup_pool_ids = fields.Many2many(
        related="company_id.talent_signup_pool_ids",
        readonly=False,
        domain="[('company_id', 'in', [company_id, False])]",
    )
    talent_consent_text = fields.Text(related="company_id.talent_consent_text", readonly=False)
    talent_consent_version = fields.Char(related="company_id.talent_consent_version", readonly=False)
    talent_retention_months = fields.Integer(related="company_id.talent_retention_months", readonly=False)
    talent_retention_notice_days = fields.Integer(related="company_id.talent_retention_notice_days", readonly=False)
    talent_application_retention_months = fields.Integer(
        related="company_id.talent_application_retention_months", readonly=False
    )
    talent_legitimate_interest_months = fields.Integer(
        related="company_id.talent_legitimate_interest_months", readonly=False
    )
    talent_stale_months = fields.Integer(related="company_id.talent_stale_months", readonly=False)
    talent_enrichment_provider = fields.Selection(related="company_id.talent_enrichment_provider", readonly=False)
    talent_cap_passive_days = fields.Integer(related="company_id.talent_cap_passive_days", readonly=False)
    talent_cap_warm_days = fields.Integer(related="company_id.talent_cap_warm_days", readonly=False)
    talent_qualify_require_contact = fields.Boolean(
        related="company_id.talent_qualify_require_contact", readonly=False
    )
    talent_qualify_require_role_family = fields.Boolean(
        related="company_id.talent_qualify_require_role_family", readonly=False
    )
    talent_qualify_require_skills = fields.Boolean(related="company_id.talent_qualify_require_skills", readonly=False)
    talent_qualify_require_consent = fields.Boolean(
        related="company_id.talent_qualify_require_consent", readonly=False
    )
    talent_runners_up_stage_id = fields.Many2one(related="company_id.talent_runners_up_stage_id", readonly=False)
    talent_runners_up_pool_id = fields.Many2one(
        related="company_id.talent_runners_up_pool_id",
        readonly=False,
        domain="[('company_id', 'in', [company_id, False])]",
    )
    # Job alerts
    talent_job_alert_mode = fields.Selection(related="company_id.talent_job_alert_mode", readonly=False)
    talent_job_alert_min_score = fields.Integer(related="company_id.talent_job_alert_min_score", readonly=False)
    # Matching
    talent_match_weight_skills_required = fields.Integer(
        related="company_id.talent_match_weight_skills_required", readonly=False
    )
    talent_match_weight_skills_nice = fields.Integer(
        related="company_id.talent_match_weight_skills_nice", readonly=False
    )
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
    talent_match_change_reason = fields.Char(
        string="Why the Weights Change",
        help="Kept with the new version of the matching configuration (who, when, why and what changed).",
    )
    talent_match_version_id = fields.Many2one(related="company_id.talent_match_version_id")
    talent_match_require_agreed = fields.Boolean(related="company_id.talent_match_require_agreed", readonly=False)
    talent_match_blind = fields.Boolean(related="company_id.talent_match_blind", readonly=False)
    talent_audit_retention_months = fields.Integer(
        related="company_id.talent_audit_retention_months", readonly=False
    )

    @api.model_create_multi
    def create(self, vals_list):
        """The matching weights and penalties of one save are written to the company in one go,
        with the reason given: one new version of the configuration per save, not one per field."""
        config_names = {
            name: field.related.split(".", 1)[1]
            for name, field in self._fields.items()
            if field.related and field.related.split(".", 1)[1] in MATCH_CONFIG_FIELDS.values()
        }
        pending = [
            {config_names[name]: vals.pop(name) for name in list(vals) if name in config_names} for vals in vals_list
        ]
        settings = super().create(vals_list)
        for record, values in zip(settings, pending, strict=True):
            company = record.company_id
            changed = {fname: value for fname, value in values.items() if company[fname] != value}
            if changed:
                company.with_context(talent_match_change_reason=record.talent_match_change_reason).write(changed)
        return settings

    @api.depends("company_id")
    def _compute_talent_signup_url(self):
        # the page answers for the public user's company; any other company's page needs ?company=
        public_company = self.env.ref("base.public_user").sudo().company_id
        for settings in self:
            company = settings.company_id
            url = company._talent_signup_url() if company else False
            if url and company != public_company:
                url += "?company=%s" % company.id
            settings.talent_signup_url = url
