# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import Command, api, fields, models, tools

# reasons why a person is left alone whoever captures them
HARD_BLOCKERS = {"do_not_contact", "blacklisted", "erasure_requested"}


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

    talent_capture_method = fields.Selection(
        [
            ("backend", "Registered by the organiser"),
            ("web", "Registered themselves"),
            ("booth", "Met at the booth"),
        ],
        string="Captured As",
        readonly=True,
        copy=False,
        groups="talent_crm.group_talent_crm_user",
        help="Registered by the organiser: the consent is recorded at once. Registered themselves (website, "
        "kiosk): the person confirms the address first. Met at the booth: a recruiter captured the contact on "
        "legitimate interest and the person receives the information email (Art. 14 GDPR).",
    )
    talent_followup_date = fields.Datetime(
        string="Followed Up On",
        readonly=True,
        copy=False,
        groups="talent_crm.group_talent_crm_user",
        help="When the person was enrolled in the event's sequence and thanked after the event.",
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
        recruiting = registrations.filtered(lambda r: r.event_id.talent_recruiting and r.email)
        if not recruiting:
            return registrations
        if self.env.user._is_internal():
            recruiting.sudo().talent_capture_method = "backend"
            recruiting._talent_capture()
        else:
            # the person registered themselves (website_event, a portal user): the address is
            # not proven, so the registration takes the sign-up's double opt-in, like the kiosk
            recruiting.sudo().talent_capture_method = "web"
            recruiting._talent_register_visitors()
        return registrations

    def write(self, vals):
        result = super().write(vals)
        if self.env.context.get("talent_event_defer_capture"):
            return result
        if "email" in vals or vals.get("state") in ("open", "done"):
            # people who registered themselves or were met at the booth have their own path
            self.filtered(
                lambda r: r.event_id.talent_recruiting
                and r.email
                and not r.sudo().talent_id
                and r.sudo().talent_capture_method not in ("web", "booth")
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
        if self._talent_left_alone(partner, email, company):
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
            talent = self._talent_create_event_talent(company, email, pool, profile)
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

    @api.model
    def _talent_left_alone(self, partner, email, company):
        """Whether the person asked not to be contacted, is blacklisted or asked for erasure."""
        if partner:
            blockers = partner._talent_contact_blockers("email", company=company).get(partner.id, [])
            return bool(HARD_BLOCKERS & set(blockers))
        return bool(self.env["mail.blacklist"].sudo().search_count([("email", "=", email)], limit=1))

    # ------------------------------------------------------------
    # People who registered themselves
    # ------------------------------------------------------------

    def _talent_register_visitors(self):
        """Registrations the person made (website, portal): the sign-up's double opt-in into the
        event's pool; the talent is created when the person confirms the address."""
        for registration in self.sudo():
            registration.event_id._talent_register_visitor(
                {
                    "name": registration.name,
                    "email": registration.email,
                    "phone": registration.phone,
                    "lang": self.env.lang,
                    "consent_text": registration.event_id.talent_consent_text
                    or registration.event_id.company_id._talent_get_consent_text(),
                }
            )

    # ------------------------------------------------------------
    # Contacts met at the booth
    # ------------------------------------------------------------

    def _talent_create_event_talent(self, company, email, pool, profile):
        """A new talent for the person of this registration, through the sign-up's own path,
        with the event's source and campaign."""
        self.ensure_one()
        event = self.event_id
        return self.env["talent.signup"].sudo()._talent_create_talent(
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

    def _talent_capture_booth(self, note=None, role_family=None, cv=None):
        """A recruiter met the person at the booth: find or create the talent (as superuser) on
        the company's legitimate interest, with the recruiter's note and the CV. A new talent is
        told what is kept about them by the daily information run (Art. 14 GDPR, see
        ``hr.applicant._talent_information_due_domain``); a known one keeps its legal basis.
        Returns the talent (empty when the person must be left alone)."""
        self.ensure_one()
        recruiter = self.env.user
        registration = self.sudo()
        registration.talent_capture_method = "booth"
        event = registration.event_id
        company = event.company_id or self.env.company
        email = tools.email_normalize(registration.email)
        Signup = self.env["talent.signup"].sudo()
        Applicant = self.env["hr.applicant"]
        if not email:
            return Applicant
        self.env["talent.identity.claim"]._talent_claim([email])
        pool = event.talent_pool_id.filtered("active") or company._talent_get_default_pool()
        talent = Signup._talent_find_talent(company, email)
        partner = talent.partner_id or self.env["res.partner"].sudo().search(
            [("email_normalized", "=", email)], order="id", limit=1
        )
        if self._talent_left_alone(partner, email, company):
            return Applicant
        profile = {"talent_role_family_id": role_family.id} if role_family else {}
        if talent:
            if talent.active:
                vals = {"talent_pool_ids": [Command.link(pool.id)], **profile}
                if registration.phone and not talent.partner_phone:
                    vals["partner_phone"] = registration.phone
                talent._talent_fill_from_vals(vals)
        else:
            talent = registration._talent_create_event_talent(company, email, pool, profile)
            # the recruiter who met the person owns the talent
            talent.user_id = recruiter
            self.env["talent.consent"].sudo().create(
                {
                    "partner_id": talent.partner_id.id,
                    "talent_id": talent.id,
                    "company_id": company.id,
                    "purpose": "talent_pool",
                    "legal_basis": "legitimate_interest",
                    "source": "event",
                    "consent_text": self.env._(
                        "Met at %(event)s by %(recruiter)s; kept on the company's legitimate interest and "
                        "informed by email (Art. 14 GDPR).",
                        event=event.name,
                        recruiter=recruiter.name,
                    ),
                    "text_version": "event-%s" % event.id,
                }
            )
        registration.talent_id = talent
        if cv:
            self.env["ir.attachment"].sudo().create(
                {
                    "name": cv["name"],
                    "raw": cv["raw"],
                    "mimetype": cv["mimetype"],
                    "res_model": "hr.applicant",
                    "res_id": talent.id,
                }
            )
        body = Markup("<p>%s</p>") % self.env._(
            "Met at the booth of %(event)s by %(recruiter)s.", event=event.name, recruiter=recruiter.name
        )
        if note:
            body += Markup("<p>%s</p>") % note
        talent.sudo()._message_log(body=body, author_id=recruiter.partner_id.id)
        return talent
