# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models, tools
from odoo.exceptions import UserError


class PrivacyLookupWizard(models.TransientModel):
    """Odoo's privacy lookup learns to anonymise what talent_crm keeps about the person."""

    _inherit = "privacy.lookup.wizard"

    def action_talent_crm_anonymize(self):
        """Anonymise the talents, applications and contact found for this email address,
        through an erasure request, and note it on the lines and in the privacy log."""
        self.ensure_one()
        email = tools.email_normalize(self.email or "")
        partner_ids = [line.res_id for line in self.line_ids if line.res_model == "res.partner"]
        applicant_ids = [line.res_id for line in self.line_ids if line.res_model == "hr.applicant"]
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        partners = Partner.browse(partner_ids).exists().filtered(lambda p: p.email_normalized == email)
        applicants = self.env["hr.applicant"].sudo().with_context(active_test=False).browse(applicant_ids).exists()
        partners |= applicants.filtered(lambda a: a.partner_id.email_normalized == email).partner_id
        if not partners:
            raise UserError(self.env._("No talent or applicant with this email address was found."))
        Request = self.env["talent.erasure.request"].sudo()
        for partner in partners:
            talent = partner._talent_get_company_talent(self.env.company)
            request = Request.create(
                {
                    "partner_id": partner.id,
                    "talent_id": talent.id,
                    "company_id": (talent.company_id or self.env.company).id,
                    "source": "privacy_lookup",
                }
            )
            request._talent_process(wizard=self)
        return self.action_open_lines()

    def _talent_finish_lines(self, records, detail):
        """Mark the lines of ``records`` (``(model, id)`` pairs talent_crm anonymised or
        deleted) as done: an execution note, and "deleted" for the records that are gone, so
        that no line of an erased person is left open and the privacy log lists them."""
        self.ensure_one()
        for line in self.line_ids:
            if (line.res_model, line.res_id) not in records:
                continue
            gone = not self.env[line.res_model].sudo().browse(line.res_id).exists()
            if gone:
                line.is_unlinked = True
            if not line.execution_details:
                line.execution_details = "%s %s #%s" % (
                    self.env._("Deleted by talent_crm") if gone else detail,
                    line.res_model_id.name,
                    line.res_id,
                )
            if line.has_active and line.is_active and not gone:
                record = self.env[line.res_model].sudo().with_context(active_test=False).browse(line.res_id)
                line.is_active = bool(record.active)
        self.flush_recordset()
