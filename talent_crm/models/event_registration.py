# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models, tools


class EventRegistration(models.Model):
    """A registration to a recruiting event makes the person a talent of the event's company.

    Through the sign-up's find-or-create path (``talent.signup._talent_find_talent`` and
    ``_talent_create_talent``), under the claim on the address: a known talent is found again by
    address (never duplicated) and joins the target pool; an unknown person becomes a talent
    with the event's UTM source and campaign. The consent the person gave on the event's form is
    recorded with the event as evidence; a person who asked not to be contacted, is blacklisted
    or asked for erasure is left alone.
    """

    _inherit = "event.registration"

    talent_id = fields.Many2one(
        "hr.applicant",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        groups="talent_crm.group_talent_crm_user",
    )
    talent_submission_key = fields.Char(
        readonly=True,
        copy=False,
        groups="base.group_system",
        help="Key of the kiosk form that sent this registration: a repeated submission is not recorded twice.",
    )

    _talent_submission_key_uniq = models.UniqueIndex(
        "(event_id, talent_submission_key) WHERE talent_submission_key IS NOT NULL",
        "This form was already submitted.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        registrations = super().create(vals_list)
        if self.env.context.get("talent_event_defer_capture"):
            return registrations
        registrations.filtered(lambda r: r.event_id.talent_recruiting and r.email)._talent_capture()
        return registrations

    def write(self, vals):
        result = super().write(vals)
        if self.env.context.get("talent_event_defer_capture"):
            return result
        if "email" in vals or vals.get("state") in ("open", "done"):
            self.filtered(
                lambda r: r.event_id.talent_recruiting and r.email and not r.sudo().talent_id
            )._talent_capture()
        return result

    def _talent_capture(self):
        """Find or create the talent of each registration (as superuser)."""
        registrations = self.sudo().filtered(lambda r: r.state != "cancel")
        emails = [tools.email_normalize(r.email) for r in registrations]
        self.env["talent.identity.claim"]._talent_claim([email for email in emails if email])
        for registration, email in zip(registrations, emails, strict=True):
            if email:
                registration._talent_capture_one(email)

    def _talent_capture_one(self, email):
        self.ensure_one()
        Signup = self.env["talent.signup"].sudo()
        event = self.event_id
        company = event.company_id or self.env.company
        pool = event.talent_pool_id.filtered("active") or company._talent_get_default_pool()
        talent = Signup._talent_find_talent(company, email)
        # what the kiosk form adds to the registration (Odoo's registration has no such field)
        role_family_id = self.env.context.get("talent_event_role_family_id")
        profile = {"talent_role_family_id": role_family_id} if role_family_id else {}
        partner = talent.partner_id or self.env["res.partner"].sudo().search(
            [("email_normalized", "=", email)], order="id", limit=1
        )
        if partner:
            blockers = partner._talent_contact_blockers("email", company=company).get(partner.id, [])
            if {"do_not_contact", "blacklisted", "erasure_requested"} & set(blockers):
                return
        elif self.env["mail.blacklist"].sudo().search_count([("email", "=", email)], limit=1):
            return
        if talent:
            if not talent.active:
                # an archived talent stays archived: the recruiter decides
                self.talent_id = talent
                return
            vals = {"talent_pool_ids": [Command.link(pool.id)], **profile}
            if self.phone and not talent.partner_phone:
                vals["partner_phone"] = self.phone
            talent._talent_fill_from_vals(vals)
            if not talent.source_id and event.talent_source_id:
                talent.source_id = event.talent_source_id
            if not talent.campaign_id and event.talent_campaign_id:
                talent.campaign_id = event.talent_campaign_id
        else:
            talent = Signup._talent_create_talent(
                company,
                email,
                name=self.name,
                phone=self.phone,
                pools=pool,
                profile=profile,
                source=event.talent_source_id,
                join_method="other",
                lead_origin="system",
                extra_vals={"campaign_id": event.talent_campaign_id.id},
            )
        self.talent_id = talent
        self._talent_record_consent(talent)
        talent._message_log(
            body=self.env._("Registered for the recruiting event %(event)s.", event=event.name),
        )
        if event.talent_sequence_id.active:
            talent._talent_enroll(event.talent_sequence_id, origin="other", pool=pool)

    def _talent_record_consent(self, talent):
        """The consent given on the event's form, with the event as evidence."""
        self.ensure_one()
        event = self.event_id
        text = event.talent_consent_text or event.company_id._talent_get_consent_text()
        self.env["talent.consent"].sudo().create(
            {
                "partner_id": talent.partner_id.id,
                "talent_id": talent.id,
                "company_id": talent.company_id.id,
                "purpose": "talent_pool",
                "legal_basis": "consent",
                "source": "event",
                "consent_text": text,
                "text_version": "event-%s" % event.id,  # the event is the evidence: its id and form text
            }
        )
