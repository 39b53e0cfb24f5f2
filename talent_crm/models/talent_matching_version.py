# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .hr_job import MATCH_CONTEXT_FACTORS
from .res_company import MATCH_CONFIG_FIELDS, MATCH_WEIGHT_FIELDS

# fields of a version that may change after it was made: the works agreement
AGREEMENT_FIELDS = {"agreed", "agreement_date", "agreement_reference"}


class TalentMatchingVersion(models.Model):
    """One version of a company's matching configuration (factor weights and penalties).

    Every change of the configuration makes a new version, with who, when, why and the
    difference to the one before; rankings record the version they used. A version can be marked
    as agreed with the works council (date and reference of the works agreement); a company can
    allow only agreed versions to rank. Versions are never edited or deleted: only their
    agreement can be recorded.
    """

    _name = "talent.matching.version"
    _description = "Matching Configuration Version"
    _order = "company_id, version desc"
    _rec_name = "display_name"

    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True, ondelete="cascade")
    job_id = fields.Many2one(
        "hr.job",
        string="Job Position",
        readonly=True,
        index="btree_not_null",
        ondelete="cascade",
        help="The job whose own weights this version holds. Empty: the company's configuration.",
    )
    version = fields.Integer(required=True, readonly=True)
    config = fields.Json(string="Configuration", required=True, readonly=True)
    config_text = fields.Text(string="Weights and Penalties", compute="_compute_config_text")
    change_summary = fields.Text(string="Changes", readonly=True)
    reason = fields.Char(string="Why", required=True, readonly=True)
    user_id = fields.Many2one("res.users", string="Changed By", readonly=True, default=lambda self: self.env.user)
    date = fields.Datetime(string="Changed On", required=True, readonly=True, default=fields.Datetime.now)
    agreed = fields.Boolean(string="Agreed with the Works Council")
    agreement_date = fields.Date()
    agreement_reference = fields.Char(
        string="Works Agreement",
        help="Reference of the works agreement (Betriebsvereinbarung) that covers this version.",
    )
    council_document = fields.Html(
        string="For the Works Council",
        compute="_compute_council_document",
        sanitize=False,
        help="What the score of this version uses and does not use, generated from its weights and penalties.",
    )

    _company_version_uniq = models.Constraint(
        "UNIQUE(company_id, version)", "A company has one matching configuration per version number."
    )

    @api.depends("company_id.name", "version", "job_id.name")
    def _compute_display_name(self):
        for version in self:
            version.display_name = self.env._("Version %(number)s", number=version.version)
            if version.job_id:
                version.display_name = self.env._(
                    "Version %(number)s (%(job)s)", number=version.version, job=version.job_id.name
                )

    @api.depends("config")
    def _compute_config_text(self):
        for version in self:
            version.config_text = "\n".join(
                "%s: %s" % (label, (version.config or {}).get(key, "")) for key, label in self._talent_labels().items()
            )

    @api.depends("config", "reason", "agreed", "agreement_date", "agreement_reference", "change_summary")
    @api.depends_context("lang")
    def _compute_council_document(self):
        for version in self:
            version.council_document = self.env["ir.qweb"]._render(
                "talent_crm.talent_matching_version_council_document", {"doc": version, **version._talent_council()}
            )

    # ------------------------------------------------------------
    # ORM: append-only, the agreement aside
    # ------------------------------------------------------------

    def write(self, vals):
        if set(vals) - AGREEMENT_FIELDS:
            raise UserError(self.env._("A matching version cannot be changed: change the settings to make a new one."))
        if vals.get("agreed") and not (vals.get("agreement_date") or all(self.mapped("agreement_date"))):
            vals = dict(vals, agreement_date=fields.Date.context_today(self))
        result = super().write(vals)
        self.env["talent.audit.log"]._talent_log(
            "config_agreement",
            self,
            summary="; ".join(
                self.env._(
                    "%(version)s: agreed %(agreed)s, %(reference)s",
                    version=version.display_name,
                    agreed=version.agreed,
                    reference=version.agreement_reference or "-",
                )
                for version in self
            ),
        )
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("Matching versions are kept: they document how talents were ranked."))

    # ------------------------------------------------------------
    # Versions of a company
    # ------------------------------------------------------------

    @api.model
    def _talent_labels(self):
        """The factors and penalties of a version, labelled as the settings label them."""
        company_fields = self.env["res.company"]._fields
        return {key: company_fields[field]._description_string(self.env) for key, field in MATCH_CONFIG_FIELDS.items()}

    @api.model
    def _talent_config_of(self, company):
        return {key: company[field] for key, field in MATCH_CONFIG_FIELDS.items()}

    @api.model
    def _talent_latest(self, companies):
        """``{company id: its newest version}`` for the companies that have one, in one query."""
        latest = {}
        for version in self.sudo().search(
            [("company_id", "in", companies.ids), ("job_id", "=", False)], order="company_id, version desc"
        ):
            latest.setdefault(version.company_id.id, version)
        return latest

    @api.model
    def _talent_current(self, company):
        """The company's version in force (the newest), made from its settings if it has none."""
        return self._talent_latest(company).get(company.id) or self._talent_make(
            company, self._talent_config_of(company), self.env._("Initial settings")
        )

    @api.model
    def _talent_config_of_job(self, job):
        """The configuration a job ranks with: its company's, with the job's own weights if it has them."""
        company = job.company_id or self.env.company
        config = self._talent_config_of(company)
        if job.talent_match_own_weights:
            config.update(job._talent_match_own_weight_values())
        return config

    @api.model
    def _talent_current_of_job(self, job):
        """The version a job ranks with: its own newest version when it has its own weights (made
        from them if it has none), else its company's."""
        job = job.sudo()
        company = job.company_id or self.env.company
        if not job.talent_match_own_weights:
            return self._talent_current(company)
        own = self.sudo().search([("job_id", "=", job.id)], order="version desc", limit=1)
        return own or self._talent_make(
            company,
            self._talent_config_of_job(job),
            self.env._("Own weights of %(job)s", job=job.name),
            previous=self._talent_current(company),
            job=job,
        )

    @api.model
    def _talent_make(self, company, config, reason, previous=None, job=None):
        summary = False
        if previous:
            summary = "\n".join(
                "%s: %s → %s" % (label, previous.config.get(key), config.get(key))
                for key, label in self._talent_labels().items()
                if previous.config.get(key) != config.get(key)
            )
        version = self.sudo().create(
            {
                "company_id": company.id,
                # one numbering per company, the jobs' own versions included
                "version": self.sudo().search([("company_id", "=", company.id)], order="version desc", limit=1).version
                + 1,
                "job_id": job.id if job else False,
                "config": config,
                "reason": reason,
                "change_summary": summary,
                "user_id": self.env.uid,
            }
        )
        self.env["talent.audit.log"]._talent_log(
            "config_change", version, summary=summary or reason, reason=reason, company=company, job=job
        )
        return version

    # ------------------------------------------------------------
    # Documentation for the works council
    # ------------------------------------------------------------
    # What the score uses is described here, once, next to the version it documents; the
    # document (form tab and printed report) is generated from the version's own configuration.

    @api.model
    def _talent_council_factor_texts(self):
        """``{factor: (data it reads, how its fit is measured)}``, as hr.job's matching computes them."""
        return {
            "skills_required": (
                self.env._(
                    "The skills recorded on the talent that the job lists as required, with their level; the degree "
                    "the job expects, if it sets one."
                ),
                self.env._(
                    "The talent's levels in the required skills (each counted up to twice the level the job asks "
                    "for) against the levels the job asks for. Expired skills count only when they are "
                    "certifications."
                ),
            ),
            "skills_nice": (
                self.env._("The skills recorded on the talent that the job lists as nice to have, with their level."),
                self.env._("As for required skills, against the nice-to-have skills of the job."),
            ),
            "text": (
                self.env._(
                    "The words of the job's title, description and requirements, searched in the talent's profile "
                    "(current title, summary, skills) and in the text of their CVs."
                ),
                self.env._(
                    "How well these words occur, measured against a profile whose title is the job title; a "
                    "profile whose title shares no word with the job title counts less."
                ),
            ),
            "location": (
                self.env._(
                    "The talent's country and remote preference; the job's country (of its address, else of the "
                    "company) and its remote policy."
                ),
                self.env._(
                    "Full for remote jobs (half for people who want to work on site) and for talents in the job's "
                    "country (half when they want remote work and the job is on site); half when the talent's "
                    "country is unknown; a quarter for hybrid jobs abroad when the talent works remotely; none "
                    "otherwise."
                ),
            ),
            "seniority": (
                self.env._("The talent's seniority level and the job's."),
                self.env._("Full for the same level, half for one level apart, none otherwise or when unknown."),
            ),
            "availability": (
                self.env._(
                    "The talent's availability (open, unknown, not looking) and the date they are available from."
                ),
                self.env._(
                    "Full when open, half when unknown, none when not looking; halved when they are available only "
                    "in more than 90 days."
                ),
            ),
            "engagement": (
                self.env._("The date the person last reacted to a message or signed up (a reply, an open, a click)."),
                self.env._("Full on the day, falling evenly to none after a year."),
            ),
        }

    @api.model
    def _talent_council_not_used(self):
        """What no factor reads: the characteristics of §1 AGG and everything else about the person."""
        return [
            self.env._("Name, photo, email address, phone number and profile links"),
            self.env._("Gender, age and date of birth"),
            self.env._("Nationality and ethnic origin, religion or belief, disability, sexual identity"),
            self.env._("Marital status, family and health"),
            self.env._("Salary expectations and the language the person writes in"),
            self.env._("Earlier refusals, recruiters' notes, ratings and interview evaluations"),
        ]

    def _talent_council(self):
        """The values of the council document of one version."""
        self.ensure_one()
        config = self.config or {}
        labels = self.env["hr.job"]._talent_match_labels()
        texts = self._talent_council_factor_texts()
        weights = {key: config.get(key) or 0 for key in MATCH_WEIGHT_FIELDS}
        total = sum(weights.values())
        factors = [
            {
                "label": labels[key],
                "weight": weights[key],
                "share": round(100.0 * weights[key] / total) if total else 0,
                "uses": texts[key][0],
                "fit": texts[key][1],
                "counts": self.env._("As much as the profile fits the job")
                if key in MATCH_CONTEXT_FACTORS
                else self.env._("Fully"),
            }
            for key in MATCH_WEIGHT_FIELDS
        ]
        penalties = [
            self.env._(
                "People who asked not to be contacted lose %(points)s points.", points=config.get("penalty_dnc") or 0
            ),
            self.env._(
                "People contacted in the last %(days)s days lose %(points)s points.",
                days=config.get("recent_days") or 0,
                points=config.get("penalty_recent") or 0,
            ),
        ]
        lang = self.env["res.lang"]._get_data(code=self.env.lang or "en_US")
        header = self.env._(
            "%(company)s, valid from %(date)s; changed by %(user)s: %(reason)s",
            company=self.company_id.name,
            date=self.date.strftime(lang.date_format) if self.date else "",
            user=self.user_id.name or "",
            reason=self.reason,
        )
        agreement = False
        if self.agreed:
            agreement = self.env._(
                "Agreed with the works council on %(date)s (works agreement %(reference)s).",
                date=self.agreement_date.strftime(lang.date_format) if self.agreement_date else "-",
                reference=self.agreement_reference or "-",
            )
        return {
            "title": self.env._("How talents are ranked: %(version)s", version=self.display_name),
            "header": header,
            "agreement": agreement,
            "factors": factors,
            "penalties": penalties,
            "not_used": self._talent_council_not_used(),
        }
