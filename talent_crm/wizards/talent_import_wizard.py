# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class TalentImportWizard(models.TransientModel):
    """First step of a talent import: where the people come from and on what legal basis.

    The second step is Odoo's own import screen (CSV or Excel). Every imported talent
    lands in the chosen pools with the chosen source; a consent record is written for
    each person; people already in the database are completed, not duplicated
    (``hr.applicant._load_records_create``).
    """

    _name = "talent.import.wizard"
    _description = "Import Talents"

    pool_ids = fields.Many2many(
        "hr.talent.pool",
        string="Pools",
        required=True,
        default=lambda self: self._default_pool_ids(),
        domain="[('company_id', 'in', [company_id, False])]",
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        default=lambda self: self.env.user,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
        help="Recruiter who owns the new talents (and the ones found again without an owner).",
    )
    source_id = fields.Many2one(
        "utm.source",
        required=True,
        help="Where these people come from, e.g. a job fair or a sourcing campaign.",
    )
    consent_purpose = fields.Selection(
        [
            ("none", "No consent recorded"),
            ("talent_pool", "Keep the profile in the talent pool"),
            ("communication", "Keep the profile and send news and job alerts"),
        ],
        string="Consent",
        required=True,
        default="talent_pool",
    )
    legal_basis = fields.Selection(
        selection=lambda self: self.env["talent.consent"]._fields["legal_basis"].selection,
        default="consent",
        required=True,
    )
    consent_date = fields.Datetime(string="Given On", required=True, default=fields.Datetime.now)
    consent_text = fields.Text(help="The text the people agreed to, e.g. the form of the event.")
    text_version = fields.Char()

    @api.model
    def _default_pool_ids(self):
        return self.env.company._talent_get_default_pool().ids

    def _talent_import_context(self):
        self.ensure_one()
        purposes = {
            "none": [],
            "talent_pool": ["talent_pool"],
            "communication": ["talent_pool", "communication"],
        }[self.consent_purpose]
        consent = False
        if purposes:
            consent = {
                "purposes": purposes,
                "legal_basis": self.legal_basis,
                "date_given": fields.Datetime.to_string(self.consent_date),
                "consent_text": self.consent_text or False,
                "text_version": self.text_version or False,
            }
        return {
            "talent_crm_capture": True,
            "default_talent_pool_ids": self.pool_ids.ids,
            "default_source_id": self.source_id.id,
            "talent_crm_import_owner_id": self.user_id.id,
            "talent_crm_import_consent": consent,
        }

    def action_import(self):
        """Open Odoo's import screen for talents with these defaults."""
        self.ensure_one()
        return {
            "type": "ir.actions.client",
            "tag": "import",
            "name": self.env._("Import Talents"),
            "params": {"model": "hr.applicant", "context": self._talent_import_context()},
        }
