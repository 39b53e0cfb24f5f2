# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo import api, fields, models
from odoo.exceptions import UserError

# column names a talent file usually has, and the field each one fills (Odoo's own mapping
# proposals, by field label, fill the others)
HEADER_FIELDS = {
    "name": "partner_name",
    "full name": "partner_name",
    "contact name": "partner_name",
    "email": "email_from",
    "e-mail": "email_from",
    "phone": "partner_phone",
    "mobile": "partner_phone",
    "linkedin": "linkedin_profile",
    "github": "talent_github_url",
    "xing": "talent_xing_url",
    "city": "talent_city",
    "country": "talent_country_id",
    "title": "talent_current_title",
    "company": "talent_current_company",
    "skills": "applicant_skill_ids/skill_id",
    "skill": "applicant_skill_ids/skill_id",
    "levels": "applicant_skill_ids/skill_level_id",
    "level": "applicant_skill_ids/skill_level_id",
    "pools": "talent_pool_ids",
    "tags": "categ_ids",
}


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
    file = fields.Binary(help="A CSV or Excel file with one talent a row and the column names in the first row.")
    file_name = fields.Char()

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

    def _talent_column_fields(self, raw, read_options):
        """Map the file's columns to talent fields, as Odoo's import screen proposes it.

        :return: (headers, [field path or False per column])
        """
        importer = self.env["base_import.import"].new(
            {
                "res_model": "hr.applicant",
                "file": raw,
                "file_type": self._talent_file_type(),
                "file_name": self.file_name,
            }
        )
        preview = importer.parse_preview(dict(read_options))
        if preview.get("error"):
            raise UserError(self.env._("The file cannot be read: %(error)s", error=preview["error"]))
        headers = preview.get("headers") or []
        matches = preview.get("matches") or {}
        Job = self.env["talent.import.job"]
        paths = []
        for index, header in enumerate(headers):
            path = HEADER_FIELDS.get(header.strip().lower()) or "/".join(
                matches.get(index) or matches.get(str(index)) or []
            )
            paths.append(path if Job._talent_supported_path(path) else False)
        # the encoding and separator Odoo found, for reading the whole file the same way
        found = preview["options"]
        read_options.update({key: found[key] for key in ("encoding", "separator") if found.get(key)})
        return headers, paths

    def _talent_file_type(self):
        name = (self.file_name or "").lower()
        if name.endswith(".xlsx"):
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        if name.endswith(".xls"):
            return "application/vnd.ms-excel"
        if name.endswith(".ods"):
            return "application/vnd.oasis.opendocument.spreadsheet"
        return "text/csv"

    def action_import_background(self):
        """Import the uploaded file in the background (``talent.import.job``)."""
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Upload a CSV or Excel file first."))
        raw = base64.b64decode(self.file)
        read_options = {"has_headers": True, "quoting": '"', "separator": "", "encoding": ""}
        headers, paths = self._talent_column_fields(raw, read_options)
        if "partner_name" not in paths:
            raise UserError(self.env._("The file needs a column with the name of each person."))
        Applicant = self.env["hr.applicant"]
        Job = self.env["talent.import.job"]
        _headers, lines = Job._talent_read_rows(raw, self._talent_file_type(), self.file_name, read_options)

        def label(path):
            field = Applicant._fields.get(path.split("/")[0])
            return field.get_description(self.env)["string"] if field else path

        columns = "\n".join(
            "%s → %s" % (header, label(path) if path else self.env._("not imported"))
            for header, path in zip(headers, paths, strict=True)
        )
        job = Job.create(
            {
                "name": self.file_name or self.env._("Talents"),
                "company_id": self.company_id.id,
                "file": self.file,
                "file_type": self._talent_file_type(),
                "headers": headers,
                "column_fields": paths,
                "columns": columns,
                "read_options": read_options,
                "import_context": self._talent_import_context(),
                "row_count": len(lines),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "talent.import.job",
            "res_id": job.id,
            "view_mode": "form",
            "target": "current",
        }
