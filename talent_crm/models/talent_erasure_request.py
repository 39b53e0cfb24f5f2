# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain


class TalentErasureRequest(models.Model):
    """A person's request to have their data erased (GDPR Art. 17), and its proof.

    People file it from the preference centre, recruiters record it from a call or an
    email; only talent managers carry it out. Processing runs Odoo's privacy lookup on the
    person, anonymises everything talent_crm keeps (see ``_talent_process``) and leaves an
    entry in the privacy log. The request itself keeps no personal data of its own.
    """

    _name = "talent.erasure.request"
    _description = "Talent Erasure Request"
    _inherit = ["mail.thread"]
    _order = "state, date_requested desc, id desc"

    name = fields.Char(compute="_compute_name")
    # not required in the database: deleting the contact afterwards (e.g. from the privacy
    # lookup) must keep the proof that the request was handled
    partner_id = fields.Many2one("res.partner", string="Person", index=True, ondelete="set null")
    talent_id = fields.Many2one("hr.applicant", index="btree_not_null", ondelete="set null")
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    source = fields.Selection(
        [
            ("preference_centre", "Preference centre"),
            ("recruiter", "Recorded by a recruiter"),
            ("privacy_lookup", "Privacy lookup"),
        ],
        required=True,
        default="recruiter",
    )
    state = fields.Selection(
        [("requested", "To Process"), ("done", "Erased"), ("cancelled", "Cancelled")],
        required=True,
        default="requested",
        tracking=True,
    )
    date_requested = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    date_done = fields.Datetime(readonly=True)
    user_id = fields.Many2one("res.users", string="Processed By", readonly=True)
    privacy_log_id = fields.Many2one("privacy.log", readonly=True, ondelete="set null")
    records_description = fields.Text(string="Anonymised Records", readonly=True)
    note = fields.Text()

    @api.constrains("partner_id", "state")
    def _check_partner(self):
        for request in self:
            if request.state == "requested" and not request.partner_id:
                raise ValidationError(self.env._("An erasure request to process needs the person it is about."))

    @api.depends("partner_id", "date_requested")
    def _compute_name(self):
        for request in self:
            request.name = self.env._(
                "Erasure request %(id)s of %(date)s",
                id=request.id or "",
                date=fields.Date.to_string(request.date_requested) if request.date_requested else "",
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            proof = {"state", "date_done", "user_id", "privacy_log_id", "records_description"}
            for vals in vals_list:
                forged = proof & {fname for fname, value in vals.items() if value and value != "requested"}
                if forged:
                    raise AccessError(
                        self.env._("An erasure request is recorded as requested; processing it fills in the rest.")
                    )
        return super().create(vals_list)

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def _check_talent_manager(self):
        if not self.env.su and not self.env.user.has_group("talent_crm.group_talent_crm_manager"):
            raise AccessError(self.env._("Only talent managers can process erasure requests."))

    def action_erase(self):
        """Anonymise the person everywhere talent_crm keeps data, log it in the privacy log."""
        self._check_talent_manager()
        self.check_access("write")
        todo = self.filtered(lambda r: r.state == "requested")
        if not todo:
            raise UserError(self.env._("These requests are already processed."))
        for request in todo:
            request._talent_process()
        return True

    def action_cancel(self):
        self._check_talent_manager()
        self.filtered(lambda r: r.state == "requested").write({"state": "cancelled"})

    def action_open_privacy_lookup(self):
        """Open Odoo's privacy lookup on the person (administrators), to handle data that
        other applications keep."""
        self.ensure_one()
        return self.partner_id.action_privacy_lookup()

    # ------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------

    def _talent_process(self, wizard=None):
        """Run the erasure of one request as superuser.

        ``wizard`` is an existing ``privacy.lookup.wizard`` (when started from the privacy
        lookup); otherwise one is created on the person's name and email. Its lines of the
        records we anonymise get an execution note, which makes Odoo write the privacy log.
        """
        self.ensure_one()
        request = self.sudo()
        partner = request.partner_id.with_context(active_test=False)
        company = request.company_id
        email = partner.email_normalized
        name = partner.name or ""
        # only the person's own talent and applications in the request's company; a shared
        # or business contact stays as it is (see res.partner._talent_protected_partners)
        applicants = partner._talent_person_applicants(company, talent=request.talent_id)
        Wizard = self.env["privacy.lookup.wizard"].sudo()
        if wizard is None and email:
            wizard = Wizard.create({"name": name, "email": email})
            wizard.action_lookup()
        handled = request._talent_privacy_records(partner, applicants)
        # the contact first: who else is on it is told by the names of its applicants
        anonymised_partners = partner._talent_anonymize(applicants=applicants)
        applicants._talent_anonymize()
        anonymised = {("hr.applicant", aid) for aid in applicants.ids} | {
            ("res.partner", pid) for pid in anonymised_partners.ids
        }
        description = "\n".join("%s #%s" % (model, res_id) for model, res_id in sorted(anonymised))
        detail = self.env._("Anonymised by talent_crm")
        log = self.env["privacy.log"]
        if wizard:
            wizard._talent_finish_lines(anonymised | handled, detail)
            log = wizard.log_id
        if not log:
            log = (
                self.env["privacy.log"]
                .sudo()
                .create(
                    {
                        "anonymized_name": name or "-",
                        "anonymized_email": email or "unknown@unknown.invalid",
                        "execution_details": detail,
                        "records_description": description,
                    }
                )
            )
        log.additional_note = self.env._("Talent CRM erasure request %(id)s", id=request.id)
        request.write(
            {
                "state": "done",
                "date_done": fields.Datetime.now(),
                "user_id": self.env.uid,
                "privacy_log_id": log.id,
                "records_description": description,
            }
        )
        request.message_post(body=self.env._("Personal data anonymised; see the privacy log."))

    def _talent_privacy_records(self, partner, applicants):
        """``(model, id)`` of the records other than the contact and the applicants that the
        erasure of ``partner`` (with ``applicants``) anonymises or deletes: messages, traces,
        consents, touches, outgoing mails, blacklist entries. Read before erasing, so that
        the privacy lookup lines of these records can be marked as handled."""
        self.ensure_one()
        records = set()
        if not partner:
            return records
        persons = partner - partner._talent_protected_partners(applicants)
        email = partner.email_normalized
        found = {
            "talent.consent": Domain("talent_id", "in", applicants.ids),
            "talent.touch": Domain("talent_id", "in", applicants.ids),
            "mailing.trace": Domain("model", "=", "hr.applicant") & Domain("res_id", "in", applicants.ids),
            "mail.message": Domain("model", "=", "hr.applicant") & Domain("res_id", "in", applicants.ids),
        }
        if persons:
            found["talent.consent"] |= Domain("partner_id", "in", persons.ids)
            found["talent.touch"] |= Domain("partner_id", "in", persons.ids)
            found["mail.message"] |= Domain("author_id", "in", persons.ids)
            if email:
                found["mailing.trace"] |= Domain("email", "=", email)
                found["mail.blacklist"] = Domain("email", "=", email)
                found["mail.mail"] = Domain("email_to", "ilike", email)
        for model, domain in found.items():
            Model = self.env[model].sudo().with_context(active_test=False)
            records.update((model, res_id) for res_id in Model.search(domain).ids)
        return records

    @api.model
    def _talent_request_from_partner(self, partner, company, source="preference_centre"):
        """File a request for ``partner`` (once: an open request is reused) and stop any
        contact until it is processed."""
        existing = self.sudo().search(
            [("partner_id", "=", partner.id), ("company_id", "=", company.id), ("state", "=", "requested")], limit=1
        )
        if existing:
            return existing
        talent = partner._talent_get_company_talent(company)
        return self.sudo().create(
            {"partner_id": partner.id, "talent_id": talent.id, "company_id": company.id, "source": source}
        )
