# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .res_company import MATCH_CONFIG_FIELDS

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

    _company_version_uniq = models.Constraint(
        "UNIQUE(company_id, version)", "A company has one matching configuration per version number."
    )

    @api.depends("company_id.name", "version")
    def _compute_display_name(self):
        for version in self:
            version.display_name = self.env._("Version %(number)s", number=version.version)

    @api.depends("config")
    def _compute_config_text(self):
        for version in self:
            version.config_text = "\n".join(
                "%s: %s" % (label, (version.config or {}).get(key, "")) for key, label in self._talent_labels().items()
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
        for version in self.sudo().search([("company_id", "in", companies.ids)], order="company_id, version desc"):
            latest.setdefault(version.company_id.id, version)
        return latest

    @api.model
    def _talent_current(self, company):
        """The company's version in force (the newest), made from its settings if it has none."""
        return self._talent_latest(company).get(company.id) or self._talent_make(
            company, self._talent_config_of(company), self.env._("Initial settings")
        )

    @api.model
    def _talent_make(self, company, config, reason, previous=None):
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
                "version": (previous.version if previous else 0) + 1,
                "config": config,
                "reason": reason,
                "change_summary": summary,
                "user_id": self.env.uid,
            }
        )
        self.env["talent.audit.log"]._talent_log(
            "config_change", version, summary=summary or reason, reason=reason, company=company
        )
        return version
