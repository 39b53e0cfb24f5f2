# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import secrets
from datetime import timedelta

from odoo import Command, api, fields, models, tools
from odoo.fields import Domain
from odoo.tools import consteq
from odoo.tools.misc import hash_sign, verify_hash_signed

# The double opt-in link of a pending sign-up: its own HMAC scope, so that no other link of
# talent_crm (preferences, job apply, a person's confirm link) can be replayed as one.
SIGNUP_TOKEN_SCOPE = "talent_crm.signup_record_confirm"
SIGNUP_TOKEN_MAX_LENGTH = 512
DEFAULT_VALIDITY_DAYS = 14
DEFAULT_ADDRESS_DAILY_LIMIT = 3
# what the sign-up form may fill on a talent (only where the talent has nothing yet)
PROFILE_FIELDS = (
    "linkedin_profile",
    "talent_github_url",
    "talent_xing_url",
    "talent_website_url",
    "talent_city",
    "talent_country_id",
    "talent_role_family_id",
)


class TalentSignup(models.Model):
    """A web sign-up of the talent community, waiting for its double opt-in.

    Until the person confirms from the mailbox, everything they typed (name, phone, profile,
    topics, CV) waits here, and nothing that exists is touched: no contact is created or
    linked, no talent updated, no file attached to anyone's record. Confirmation applies the
    data (:meth:`_talent_confirm`); sign-ups never confirmed are deleted once expired, with
    their CV, by a cron. A confirmed sign-up stays as the evidence of the opt-in (address,
    consent text, IP, dates), its other personal data cleared.
    """

    _name = "talent.signup"
    _description = "Talent Community Sign-up"
    _order = "create_date desc, id desc"
    _rec_name = "email"

    email = fields.Char(required=True, readonly=True, index=True, help="Normalised email address.")
    name = fields.Char(readonly=True)
    phone = fields.Char(readonly=True)
    linkedin_profile = fields.Char(string="LinkedIn", readonly=True)
    talent_github_url = fields.Char(string="GitHub", readonly=True)
    talent_xing_url = fields.Char(string="Xing", readonly=True)
    talent_website_url = fields.Char(string="Website", readonly=True)
    talent_city = fields.Char(string="City", readonly=True)
    talent_country_id = fields.Many2one("res.country", string="Country", readonly=True)
    talent_role_family_id = fields.Many2one(
        "talent.role.family", string="Role Family", readonly=True, ondelete="set null"
    )
    topic_ids = fields.Many2many("talent.topic", string="Topics", readonly=True)
    pool_ids = fields.Many2many("hr.talent.pool", string="Pools", readonly=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True, ondelete="cascade")
    cv_attachment_id = fields.Many2one("ir.attachment", string="CV", readonly=True, ondelete="set null")
    lang = fields.Char(string="Language", readonly=True)
    source_id = fields.Many2one("utm.source", readonly=True, ondelete="set null")
    ip_address = fields.Char("IP Address", readonly=True)
    consent_text = fields.Text(readonly=True)
    consent_version = fields.Char(string="Consent Text Version", readonly=True)
    date_expiry = fields.Datetime(string="Expires On", required=True, readonly=True, index=True)
    date_confirmed = fields.Datetime(string="Confirmed On", readonly=True)
    state = fields.Selection(
        [("pending", "Pending"), ("confirmed", "Confirmed"), ("expired", "Expired")],
        compute="_compute_state",
        search="_search_state",
    )
    partner_id = fields.Many2one("res.partner", string="Person", readonly=True, ondelete="set null")
    talent_id = fields.Many2one("hr.applicant", readonly=True, ondelete="set null")
    consent_ids = fields.Many2many("talent.consent", string="Consents", readonly=True)
    access_key = fields.Char(readonly=True, groups="base.group_system", copy=False)

    @api.depends("date_confirmed", "date_expiry")
    def _compute_state(self):
        now = fields.Datetime.now()
        for signup in self:
            if signup.date_confirmed:
                signup.state = "confirmed"
            elif signup.date_expiry and signup.date_expiry < now:
                signup.state = "expired"
            else:
                signup.state = "pending"

    def _search_state(self, operator, value):
        if operator != "in":
            return NotImplemented
        now = fields.Datetime.now()
        domains = []
        if "confirmed" in value:
            domains.append(Domain("date_confirmed", "!=", False))
        if "pending" in value:
            domains.append(Domain("date_confirmed", "=", False) & Domain("date_expiry", ">=", now))
        if "expired" in value:
            domains.append(Domain("date_confirmed", "=", False) & Domain("date_expiry", "<", now))
        return Domain.OR(domains) if domains else Domain.FALSE

    # ------------------------------------------------------------
    # Configuration
    # ------------------------------------------------------------

    @api.model
    def _talent_int_param(self, name, default):
        value = self.env["ir.config_parameter"].sudo().get_param(name)
        try:
            return max(int(value), 1) if value else default
        except ValueError:
            return default

    @api.model
    def _talent_validity_days(self):
        return self._talent_int_param("talent_crm.signup_confirm_days", DEFAULT_VALIDITY_DAYS)

    @api.model
    def _talent_address_daily_limit(self):
        return self._talent_int_param("talent_crm.signup_address_daily_limit", DEFAULT_ADDRESS_DAILY_LIMIT)

    # ------------------------------------------------------------
    # Sign-up
    # ------------------------------------------------------------

    @api.model
    def _talent_register(self, data, company):
        """Keep a web sign-up until its double opt-in and send the confirmation email.

        ``data`` holds validated values (see the controller): ``name``, ``email``, ``phone``,
        ``profile`` (talent field values), ``topics``, ``cv`` (``{"name", "raw",
        "mimetype"}`` or None), ``lang``, ``ip_address``, ``consent_text``,
        ``consent_version``. Nothing but this record, its CV and the email is created.

        An address gets at most ``talent_crm.signup_address_daily_limit`` sign-ups a day,
        whatever the company: over it, nothing is kept or sent. Returns the sign-up, or an
        empty recordset when capped (callers answer the same either way).
        """
        email = tools.email_normalize(data["email"])
        if not email:
            return self.browse()
        Signup = self.sudo()
        # sign-ups of one address are counted one at a time, whichever worker handles them
        self.env["talent.identity.claim"]._talent_claim([email])
        since = fields.Datetime.now() - timedelta(days=1)
        if Signup.search_count(
            [("email", "=", email), ("create_date", ">", since)], limit=self._talent_address_daily_limit()
        ) >= self._talent_address_daily_limit():
            return self.browse()
        company = company.sudo()
        profile = data.get("profile") or {}
        signup = Signup.create(
            {
                "email": email,
                "name": data.get("name") or False,
                "phone": data.get("phone") or False,
                **{fname: profile.get(fname) or False for fname in PROFILE_FIELDS},
                "topic_ids": [Command.set(data["topics"].ids)] if data.get("topics") else [],
                "pool_ids": [Command.set(company.talent_signup_pool_ids.filtered("active").ids)],
                "company_id": company.id,
                "lang": data.get("lang") or False,
                "source_id": self.env.ref("talent_crm.utm_source_talent_community").id,
                "ip_address": data.get("ip_address") or False,
                "consent_text": data.get("consent_text") or False,
                "consent_version": data.get("consent_version") or False,
                "date_expiry": fields.Datetime.now() + timedelta(days=self._talent_validity_days()),
                "access_key": secrets.token_urlsafe(18),
            }
        )
        cv = data.get("cv")
        if cv:
            lang = self.env["res.lang"]._get_code(signup.lang or "") or company.partner_id.lang or self.env.lang
            described = self.with_context(lang=lang)
            signup.cv_attachment_id = self.env["ir.attachment"].sudo().create(
                {
                    "name": cv["name"],
                    "raw": cv["raw"],
                    "mimetype": cv["mimetype"],
                    "res_model": self._name,
                    "res_id": signup.id,
                    "description": described.env._("CV uploaded on the talent community page"),
                }
            )
        template = self.env.ref("talent_crm.talent_signup_mail_template_confirm")
        template.sudo().send_mail(signup.id, email_layout_xmlid="talent_crm.mail_layout_talent_community")
        return signup

    # ------------------------------------------------------------
    # Double opt-in link
    # ------------------------------------------------------------

    def _talent_confirm_token(self):
        """Signed token of this pending sign-up, expiring with it."""
        self.ensure_one()
        signup = self.sudo()
        remaining = signup.date_expiry - fields.Datetime.now()
        return hash_sign(
            self.env(su=True),
            SIGNUP_TOKEN_SCOPE,
            {"s": signup.id, "c": signup.company_id.id, "k": signup.access_key},
            expiration=max(remaining, timedelta(seconds=1)),
        )

    def _talent_confirm_url(self):
        """Absolute URL of the double opt-in page of this sign-up."""
        self.ensure_one()
        return "%s/talent/confirm/%s" % (self.company_id.get_base_url(), self._talent_confirm_token())

    @api.model
    def _talent_from_token(self, token):
        """The pending, unexpired sign-up of ``token`` (as superuser), or an empty recordset
        whatever is wrong with it: garbage, tampered, expired, already confirmed, deleted."""
        nothing = self.sudo().browse()
        if not isinstance(token, str) or not token or len(token) > SIGNUP_TOKEN_MAX_LENGTH:
            return nothing
        try:
            payload = verify_hash_signed(self.env(su=True), SIGNUP_TOKEN_SCOPE, token)
        except (ValueError, TypeError, UnicodeDecodeError):
            return nothing
        if not isinstance(payload, dict):
            return nothing
        signup_id, company_id, key = payload.get("s"), payload.get("c"), payload.get("k")
        if not (isinstance(signup_id, int) and isinstance(company_id, int) and isinstance(key, str)):
            return nothing
        signup = self.sudo().browse(signup_id).exists()
        if not signup or signup.company_id.id != company_id or signup.state != "pending":
            return nothing
        if not signup.access_key or not consteq(signup.access_key, key):
            return nothing
        return signup

    # ------------------------------------------------------------
    # Confirmation
    # ------------------------------------------------------------

    def _talent_confirm(self):
        """Apply this pending sign-up: the address is proven.

        Under a claim on the address (one find-or-create per person at a time, across
        workers), find the person (the company's talent with this address, else a contact
        with it) or create them; fill only empty fields, never rename or re-number a known
        contact; add pools, topics and the confirmed consents (this sign-up is their
        evidence); move the CV to the talent. Lifts only a blacklisting of the address that
        talent_crm itself made for this company. Returns the person, or an empty recordset
        when the sign-up is no longer pending (a replay).
        """
        self.ensure_one()
        self.env["talent.identity.claim"]._talent_claim([self.email])
        signup = self.sudo()
        signup.invalidate_recordset()
        if signup.state != "pending":
            return self.env["res.partner"].sudo()
        company = signup.company_id
        now = fields.Datetime.now()
        talent = signup._talent_apply_talent()
        partner = talent.partner_id
        topics = signup.topic_ids.filtered(lambda t: t.public and (not t.company_id or t.company_id == company))
        missing_topics = topics - partner.talent_topic_ids
        if missing_topics:
            partner.talent_topic_ids = [Command.link(topic.id) for topic in missing_topics]
        common = {
            "partner_id": partner.id,
            "talent_id": talent.id,
            "company_id": company.id,
            "legal_basis": "consent",
            "source": "signup",
            "consent_text": signup.consent_text,
            "text_version": signup.consent_version,
            "ip_address": signup.ip_address,
            # (to the second, as Odoo stores the dates written after it, e.g. a withdrawal)
            "date_given": signup.create_date.replace(microsecond=0),
            "confirmation_required": True,
            "date_confirmed": now,
        }
        consents = self.env["talent.consent"].sudo().create(
            [
                dict(common, purpose="talent_pool"),
                dict(common, purpose="communication", talent_topic_ids=[Command.set(topics.ids)]),
            ]
        )
        if signup.cv_attachment_id:
            signup.cv_attachment_id.write({"res_model": "hr.applicant", "res_id": talent.id})
        # what is written into the records reads in the person's language, not the public page's
        lang = partner._talent_record_lang(company, signup.lang)
        signup.with_context(lang=lang)._talent_lift_own_blacklist()
        logged = partner.with_context(lang=lang)
        logged._talent_log_community_event(
            company,
            logged.env._("Joined the talent community and confirmed the address (double opt-in)."),
            engagement="signup",
        )
        # the sign-up stays as the evidence of the opt-in; what else it held now lives on the talent
        signup.write(
            {
                "date_confirmed": now,
                "partner_id": partner.id,
                "talent_id": talent.id,
                "consent_ids": [Command.set(consents.ids)],
                "name": False,
                "phone": False,
                **dict.fromkeys(PROFILE_FIELDS, False),
                "cv_attachment_id": False,
            }
        )
        return partner

    def _talent_apply_talent(self):
        """Find or create the talent of this sign-up (the claim on the address is held)."""
        self.ensure_one()
        company = self.company_id
        pools = self.pool_ids.filtered("active") or company._talent_get_signup_pools()
        profile = {fname: self[fname] for fname in PROFILE_FIELDS if self[fname]}
        for fname in ("talent_country_id", "talent_role_family_id"):
            if fname in profile:
                profile[fname] = profile[fname].id
        # matched on the proven address only: a URL or a phone typed on a form proves nothing
        talent = self._talent_find_talent(company, self.email)
        if talent:
            vals = dict(profile, talent_pool_ids=[Command.link(pool.id) for pool in pools])
            if self.phone and not talent.partner_phone and not talent.partner_id.phone:
                vals["partner_phone"] = self.phone
            talent._talent_fill_from_vals(vals)
            extra = {}
            if not talent.active:
                extra["active"] = True
            if not talent.source_id:
                extra["source_id"] = self.source_id.id
            if extra:
                talent.write(extra)
            return talent
        return self._talent_create_talent(
            company,
            self.email,
            name=self.name,
            phone=self.phone,
            lang=self.lang,
            profile=profile,
            pools=pools,
            source=self.source_id,
        )

    # ------------------------------------------------------------
    # Find or create a talent: shared by every path that captures people from outside
    # (the web sign-up, employee referrals, recruiting events)
    # ------------------------------------------------------------

    @api.model
    def _talent_applicant_env(self, company, join_method="signup", lead_origin="signup", lang=None):
        """``hr.applicant`` as superuser in ``company``, with the context of a capture."""
        return (
            self.env["hr.applicant"]
            .sudo()
            .with_company(company)
            .with_context(
                talent_pool_join_method=join_method,
                talent_lead_origin=lead_origin,
                mail_create_nosubscribe=True,
                lang=lang or None,
            )
        )

    @api.model
    def _talent_find_talent(self, company, email):
        """The talent of ``company`` with the normalised address ``email`` (archived ones too,
        active first), as superuser. Callers hold the claim on the address
        (``talent.identity.claim._talent_claim``)."""
        email = tools.email_normalize(email or "")
        if not email:
            return self.env["hr.applicant"].sudo()
        return (
            self._talent_applicant_env(company)
            .with_context(active_test=False)
            .search(
                [
                    ("email_normalized", "=", email),
                    ("talent_pool_ids", "!=", False),
                    ("company_id", "in", [company.id, False]),
                ],
                order="active desc, id",
                limit=1,
            )
        )

    @api.model
    def _talent_create_talent(
        self,
        company,
        email,
        name=None,
        phone=None,
        lang=None,
        profile=None,
        pools=None,
        source=None,
        join_method="signup",
        lead_origin="signup",
        extra_vals=None,
    ):
        """Create the talent of a person the company does not know yet as a talent (see
        :meth:`_talent_find_talent`): the contact with this address is reused, else created.
        Returns the new talent, as superuser."""
        email = tools.email_normalize(email or "")
        Applicant = self._talent_applicant_env(company, join_method=join_method, lead_origin=lead_origin, lang=lang)
        pools = pools or company._talent_get_signup_pools()
        partner = (
            self.env["res.partner"]
            .sudo()
            .search([("email_normalized", "=", email)], order="id", limit=1)
        )
        if not partner:
            partner = (
                self.env["res.partner"]
                .sudo()
                .with_context(mail_create_nosubscribe=True)
                .create(
                    {
                        "name": name or email,
                        "email": email,
                        "phone": phone or False,
                        "lang": lang or False,
                        "company_id": False,
                    }
                )
            )
        vals = dict(
            profile or {},
            partner_id=partner.id,
            partner_name=partner.name,
            company_id=company.id,
            source_id=source.id if source else False,
            talent_pool_ids=[Command.set(pools.ids)],
            user_id=pools[:1].pool_manager.id,
            **(extra_vals or {}),
        )
        if phone and not partner.phone:
            vals["partner_phone"] = phone
        return Applicant.create(vals)

    def _talent_lift_own_blacklist(self):
        """A fresh opt-in lifts the blacklisting of the address only when talent_crm made it
        for this company (an unsubscribe on its preference centre); any other entry stays."""
        self.ensure_one()
        entries = self.env["mail.blacklist"].sudo().search(
            [("email", "=", self.email), ("talent_company_id", "=", self.company_id.id)]
        )
        for entry in entries:
            self.env["mail.blacklist"].sudo()._remove(
                entry.email,
                message=self.env._("Opted in again by confirming a talent community sign-up."),
            )

    # ------------------------------------------------------------
    # Clean-up
    # ------------------------------------------------------------

    @api.model
    def _cron_purge_expired(self, batch_size=500):
        """Delete the expired sign-ups never confirmed, with their CV; nothing else.

        Rows another worker is deleting (or confirming) are skipped: running twice, or in two
        workers at once, deletes each row once.
        """
        Signup = self.sudo()
        domain = Domain("date_confirmed", "=", False) & Domain("date_expiry", "<", fields.Datetime.now())
        expired = Signup.search(domain, limit=batch_size, order="id")
        locked = expired.try_lock_for_update()
        locked.unlink()
        if len(expired) == batch_size and self.env.context.get("cron_id"):
            # more to do: commit this batch, Odoo runs the job again at once
            self.env["ir.cron"]._commit_progress(len(locked), remaining=Signup.search_count(domain))
