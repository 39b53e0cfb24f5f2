# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

# factor key -> (company weight field, default weight)
MATCH_WEIGHT_FIELDS = {
    "skills_required": ("talent_match_weight_skills_required", 35),
    "skills_nice": ("talent_match_weight_skills_nice", 10),
    "text": ("talent_match_weight_text", 20),
    "location": ("talent_match_weight_location", 10),
    "seniority": ("talent_match_weight_seniority", 10),
    "availability": ("talent_match_weight_availability", 10),
    "engagement": ("talent_match_weight_engagement", 5),
}
# what a version of the matching configuration holds (talent.matching.version): key -> company field
MATCH_CONFIG_FIELDS = {key: field for key, (field, _default) in MATCH_WEIGHT_FIELDS.items()} | {
    "penalty_dnc": "talent_match_penalty_dnc",
    "penalty_recent": "talent_match_penalty_recent",
    "recent_days": "talent_match_recent_days",
}


class ResCompany(models.Model):
    _inherit = "res.company"

    talent_default_pool_id = fields.Many2one(
        "hr.talent.pool",
        string="Default Talent Pool",
        help="Leads captured without a pool land here: Odoo requires every talent to be in a pool.",
    )
    talent_require_consent = fields.Boolean(
        string="Require Consent to Communicate",
        default=True,
        help="Only send nurture messages and campaigns to people with a valid communication consent "
        "or legitimate interest on record.",
    )
    # Frequency caps (nurture sequences, campaigns): see res.partner._talent_cap_next_allowed()
    talent_cap_passive_days = fields.Integer(
        string="Passive Talents: Days Between Touches",
        default=30,
        help="At most one counted touch per this many days for people not in an active pipeline. 0: no cap.",
    )
    talent_cap_warm_days = fields.Integer(
        string="Warm Pipeline: Days Between Touches",
        default=7,
        help="At most one counted touch per this many days for people in an ongoing application or an "
        "activated lead. 0: no cap.",
    )

    # Talent community: sign-up page, consent text and retention
    talent_community_page = fields.Boolean(
        default=False,
        help="Answer the public sign-up page /talent/join for this company (also as /talent/join?company=ID). "
        "Off: the page answers as if it did not exist.",
    )
    talent_signup_pool_ids = fields.Many2many(
        "hr.talent.pool",
        "res_company_talent_signup_pool_rel",
        "company_id",
        "pool_id",
        string="Sign-up Pools",
        help="People who join the talent community land in these pools (the default pool when empty).",
    )
    talent_consent_text = fields.Text(
        string="Consent Text",
        translate=True,
        help="Shown next to the consent checkbox of the sign-up page and stored with every consent. "
        "Leave empty to use the standard text.",
    )
    talent_consent_version = fields.Char(
        string="Consent Text Version",
        help="Change it whenever the text changes: every consent records the version it was given on.",
    )
    talent_retention_months = fields.Integer(
        string="Retention Period (months)",
        default=24,
        help="Talent data is kept this long after the last consent (or the capture) unless the person "
        "renews it; then it is archived and anonymised. 0 keeps data without limit.",
    )
    talent_retention_notice_days = fields.Integer(
        string="Renewal Notice (days)",
        default=30,
        help="How many days before the end of the retention period people are asked to renew their consent.",
    )
    # Data lifecycle by legal basis (issue 19): how long each basis keeps a person's data
    talent_application_retention_months = fields.Integer(
        string="Keep Applications (months)",
        default=6,
        help="Applicants without a consent to the talent pool (Art. 6(1)(b) GDPR): their data is kept this many "
        "months after their last application in this company was refused, withdrawn or archived, then "
        "anonymised. 6 months cover the two months to claim under the AGG (§15(4)), the three months to sue "
        "(§61b ArbGG) and the time a letter takes. 0 keeps the data without limit.",
    )
    talent_legitimate_interest_months = fields.Integer(
        string="Keep Sourced Contacts (months)",
        default=12,
        help="People found by active sourcing, met at an event or referred (legitimate interest, Art. 6(1)(f) "
        "GDPR) who neither applied nor consented: their data is anonymised this many months after it was "
        "captured. An objection (Art. 21 GDPR) ends the processing at once. 0 keeps the data without limit.",
    )
    talent_stale_months = fields.Integer(
        string="Stale After (Months)",
        default=12,
        help="Talents neither updated nor engaged for this many months are flagged stale. 0 turns it off.",
    )
    talent_enrichment_provider = fields.Selection(
        selection="_selection_talent_enrichment_provider",
        string="Enrichment Provider",
        default="offline",
        required=True,
        help="Reads a pasted profile URL. The offline provider only recognises and normalises the address; "
        "modules can add paid services.",
    )
    # Lead funnel: what makes a lead qualified, and who comes back from Recruitment
    talent_qualify_require_contact = fields.Boolean(
        string="Qualified Leads Have an Email or Phone", default=True
    )
    talent_qualify_require_role_family = fields.Boolean(
        string="Qualified Leads Have a Role Family", default=True
    )
    talent_qualify_require_skills = fields.Boolean(string="Qualified Leads Have Skills")
    talent_qualify_require_consent = fields.Boolean(
        string="Qualified Leads Have a Valid Consent",
        help="A consent record of this company that is neither expired nor withdrawn.",
    )
    talent_runners_up_stage_id = fields.Many2one(
        "hr.recruitment.stage",
        string="Runners-up From Stage",
        default=lambda self: self._default_talent_runners_up_stage(),
        help="Applicants refused in this stage or a later one (by sequence) join the Runners-up pool. "
        "Leave empty to keep no runners-up pool.",
    )
    talent_runners_up_pool_id = fields.Many2one(
        "hr.talent.pool",
        string="Runners-up Pool",
        help="Where applicants refused late in the process land; created the first time it is needed.",
    )
    # Job alert settings
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
    # Matching: weights of the score factors (see MATCH_WEIGHT_FIELDS) and penalties
    talent_match_weight_skills_required = fields.Integer(string="Required Skills Weight", default=35)
    talent_match_weight_skills_nice = fields.Integer(string="Nice-to-have Skills Weight", default=10)
    talent_match_weight_text = fields.Integer(string="Text Relevance Weight", default=20)
    talent_match_weight_location = fields.Integer(string="Location Weight", default=10)
    talent_match_weight_seniority = fields.Integer(string="Seniority Weight", default=10)
    talent_match_weight_availability = fields.Integer(string="Availability Weight", default=10)
    talent_match_weight_engagement = fields.Integer(string="Engagement Weight", default=5)
    talent_match_penalty_dnc = fields.Integer(
        string="Do-not-contact Penalty", default=50, help="Points taken off the score of people marked do-not-contact."
    )
    talent_match_penalty_recent = fields.Integer(
        string="Recently Contacted Penalty", default=20, help="Points taken off when the person was contacted lately."
    )
    talent_match_recent_days = fields.Integer(
        string="Recently Contacted (days)", default=14, help="A contact within this many days counts as recent."
    )
    # Works council: versioned matching configuration and the audit trail
    talent_match_version_id = fields.Many2one(
        "talent.matching.version",
        string="Matching Version",
        compute="_compute_talent_match_version_id",
        help="The version of the matching configuration in force: every change of the weights makes a new one.",
    )
    talent_match_blind = fields.Boolean(
        string="Blind Shortlists for Every Job",
        help="The best matches of every job of the company hide who the talents are, whatever the job's own "
        "setting; a recruiter reveals one person at a time, giving a reason. Off: each job decides.",
    )
    talent_match_require_agreed = fields.Boolean(
        string="Rank Only with an Agreed Configuration",
        help="Best matches and job alerts rank talents only while the matching configuration in force is agreed "
        "with the works council.",
    )
    talent_audit_retention_months = fields.Integer(
        string="Audit Trail Retention (months)",
        default=24,
        help="Entries of the audit trail are removed this many months after they were written. 0 keeps them.",
    )

    @api.model
    def _default_talent_runners_up_stage(self):
        return self.env.ref("hr_recruitment.stage_job3", raise_if_not_found=False)

    @api.model
    def _selection_talent_enrichment_provider(self):
        return self.env["talent.enrichment.provider"]._talent_provider_selection()

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains(
        "talent_retention_months",
        "talent_retention_notice_days",
        "talent_application_retention_months",
        "talent_legitimate_interest_months",
    )
    def _check_talent_retention(self):
        for company in self:
            if company.talent_retention_months < 0 or company.talent_retention_notice_days < 0:
                raise ValidationError(self.env._("Retention period and renewal notice cannot be negative."))
            if company.talent_application_retention_months < 0 or company.talent_legitimate_interest_months < 0:
                raise ValidationError(self.env._("A retention period cannot be negative."))
            months, notice = company.talent_retention_months, company.talent_retention_notice_days
            if months and 2 * notice >= 28 * months:
                raise ValidationError(
                    self.env._("The renewal notice must be shorter than half of the retention period.")
                )

    @api.constrains("talent_cap_passive_days", "talent_cap_warm_days")
    def _check_talent_caps(self):
        for company in self:
            if company.talent_cap_passive_days < 0 or company.talent_cap_warm_days < 0:
                raise ValidationError(self.env._("A frequency cap cannot be a negative number of days."))

    @api.constrains("talent_job_alert_min_score")
    def _check_talent_job_alert_min_score(self):
        for company in self:
            if not 0 <= company.talent_job_alert_min_score <= 100:
                raise ValidationError(self.env._("The job alert minimum score is between 0 and 100."))

    @api.constrains(
        *[field for field, _default in MATCH_WEIGHT_FIELDS.values()],
        "talent_match_penalty_dnc",
        "talent_match_penalty_recent",
        "talent_match_recent_days",
    )
    def _check_talent_match_weights(self):
        fnames = [field for field, _default in MATCH_WEIGHT_FIELDS.values()]
        for company in self:
            values = [company[f] for f in fnames]
            penalties = [company.talent_match_penalty_dnc, company.talent_match_penalty_recent]
            if any(v < 0 for v in values + penalties) or company.talent_match_recent_days < 0:
                raise ValidationError(self.env._("Matching weights, penalties and days cannot be negative."))
            if any(v > 100 for v in penalties):
                raise ValidationError(self.env._("A matching penalty is at most 100 points."))

    # ------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------

    def init(self):
        result = super().init()
        # Required columns on Odoo's table get their default in the database too: modules loaded
        # before talent_crm (their data, their at-install tests) create companies without them.
        self.env.cr.execute(
            SQL(
                "ALTER TABLE res_company ALTER COLUMN talent_enrichment_provider SET DEFAULT 'offline', "
                "ALTER COLUMN talent_job_alert_mode SET DEFAULT 'review'"
            )
        )
        return result

    def write(self, vals):
        Version = self.env["talent.matching.version"]
        config_fields = set(MATCH_CONFIG_FIELDS.values())
        previous, reason = {}, None
        if config_fields & set(vals):
            previous = {
                company: Version._talent_current(company)
                for company in self
                if any(company[fname] != vals[fname] for fname in config_fields & set(vals))
            }
            # asked before anything is written
            reason = self._talent_match_change_reason() if previous else None
        result = super().write(vals)
        for company, version in previous.items():
            config = Version._talent_config_of(company)
            if config != version.config:
                Version._talent_make(company, config, reason, previous=version)
        if "talent_stale_months" in vals:
            cron = self.env.ref("talent_crm.ir_cron_talent_flag_stale", raise_if_not_found=False)
            if cron:
                cron.sudo()._trigger()
        return result

    # ------------------------------------------------------------
    # Pools: default pool, sign-up pools, runners-up pool
    # ------------------------------------------------------------

    def _talent_get_default_pool(self):
        """Return the company's default pool, creating "New leads" the first time it is needed."""
        self.ensure_one()
        pool = self.sudo().talent_default_pool_id
        if not pool or not pool.active:
            pool = self.env["hr.talent.pool"].sudo().create(
                {"name": self.env._("New leads"), "company_id": self.id, "pool_manager": False}
            )
            self.sudo().talent_default_pool_id = pool
        return pool

    def _talent_get_signup_pools(self):
        self.ensure_one()
        pools = self.sudo().talent_signup_pool_ids.filtered("active")
        return pools or self._talent_get_default_pool()

    def _talent_get_runners_up_pool(self):
        """Return the company's "Runners-up" pool, creating it the first time it is needed."""
        self.ensure_one()
        pool = self.sudo().talent_runners_up_pool_id
        if not pool or not pool.active:
            pool = self.env["hr.talent.pool"].sudo().create(
                {
                    "name": self.env._("Runners-up"),
                    "company_id": self.id,
                    "pool_manager": False,
                    "segment_note": self.env._("Applicants who reached the final stages and were not hired"),
                }
            )
            self.sudo().talent_runners_up_pool_id = pool
        return pool

    # ------------------------------------------------------------
    # Talent community: consent text, sign-up page
    # ------------------------------------------------------------

    def _talent_get_consent_text(self):
        """The consent text in the current language, with the standard text as fallback."""
        self.ensure_one()
        text = (self.sudo().talent_consent_text or "").strip()
        if text:
            return text
        if self.talent_retention_months:
            return self.env._(
                "I agree that %(company)s stores the data I entered and my CV in its talent pool for up to "
                "%(months)s months, contacts me about matching jobs and sends me the news I selected. "
                "I can change my preferences, withdraw my consent or ask for my data to be deleted at any "
                "time with the link in every message.",
                company=self.name,
                months=self.talent_retention_months,
            )
        return self.env._(
            "I agree that %(company)s stores the data I entered and my CV in its talent pool, contacts me "
            "about matching jobs and sends me the news I selected. I can change my preferences, withdraw "
            "my consent or ask for my data to be deleted at any time with the link in every message.",
            company=self.name,
        )

    def _talent_get_consent_version(self):
        self.ensure_one()
        return self.sudo().talent_consent_version or "standard-1"

    def _talent_signup_url(self):
        """Absolute URL of the talent-community sign-up page."""
        self.ensure_one()
        return self.get_base_url() + "/talent/join"

    # ------------------------------------------------------------
    # Matching
    # ------------------------------------------------------------

    def _compute_talent_match_version_id(self):
        Version = self.env["talent.matching.version"]
        latest = Version._talent_latest(self._origin)
        for company in self:
            company.talent_match_version_id = latest.get(company._origin.id, Version)

    def _talent_match_change_reason(self):
        """Why the matching configuration changes: given by the person (the settings ask for it), or
        said by the program that changes it. A person who changes it without a reason is refused."""
        reason = (self.env.context.get("talent_match_change_reason") or "").strip()
        if reason:
            return reason
        if self.env.su or self.env.context.get("install_mode"):
            return self.env._("Changed by the system")
        raise ValidationError(
            self.env._(
                "Say why the matching weights change: the reason is kept with the new version of the configuration."
            )
        )

    def _talent_match_check_agreed(self, version=None):
        """``UserError`` when the company ranks only with an agreed configuration and ``version``
        (by default the company's in force; a job's own, for a job with its own weights) is not."""
        self.ensure_one()
        if not self.talent_match_require_agreed:
            return
        version = version or self.env["talent.matching.version"]._talent_current(self)
        if not version.agreed:
            raise UserError(
                self.env._(
                    "The matching configuration in force (%(version)s) is not agreed with the works council: "
                    "%(company)s ranks talents only with an agreed configuration.",
                    version=version.display_name,
                    company=self.name,
                )
            )

    def _talent_match_weights(self):
        self.ensure_one()
        return {key: self[field] for key, (field, _default) in MATCH_WEIGHT_FIELDS.items()}
