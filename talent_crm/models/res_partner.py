# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import functools
import secrets
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models, tools
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain
from odoo.tools import SQL, consteq, format_date
from odoo.tools.misc import hash_sign, verify_hash_signed
from odoo.tools.query import Query

# Signed links of a person: one HMAC scope per purpose, so that a link of one kind can never be
# replayed as another (a web sign-up's confirmation link is signed by talent.signup).
TALENT_TOKEN_SCOPES = {
    "preferences": "talent_crm.preferences",
    "job_apply": "talent_crm.job_apply",
}
TALENT_TOKEN_DEFAULT_DAYS = {"preferences": 180, "job_apply": 90}
TALENT_TOKEN_MAX_LENGTH = 512

# Lifecycle markers: facts that talent_crm records (contact history, bounces, erasure) and
# nobody edits by hand; only talent_crm's own code writes them, as superuser.
PARTNER_LIFECYCLE_FIELDS = frozenset(
    {
        "talent_do_not_contact_date",
        "talent_last_touch_date",
        "talent_last_engagement_date",
        "talent_cap_touch_date",
        "talent_cap_touch_company_id",
        "talent_bounced_email",
        "talent_email_bounce_date",
        "talent_access_key",
    }
)


def in_person_lang(method):
    """Run ``method(partner, company, ...)`` in the person's language (see
    ``_talent_record_lang``): what it writes into records (chatter, touches, blacklist
    reasons) reads in the person's language, not in the public user's of the page."""

    @functools.wraps(method)
    def wrapper(self, company, *args, **kwargs):
        lang = self._talent_record_lang(company)
        return method(self.with_context(lang=lang), company, *args, **kwargs)

    return wrapper


def check_lifecycle_vals(records, vals_list, fnames):
    """Refuse lifecycle markers ``fnames`` in ``vals_list`` unless the caller is talent_crm's
    own code running as superuser (an RPC call never is, whatever its context)."""
    if records.env.su:
        return
    forbidden = sorted({fname for vals in vals_list for fname in vals if fname in fnames})
    if forbidden:
        raise AccessError(
            records.env._(
                "%(fields)s of %(model)s are recorded by Talent CRM and cannot be changed by hand.",
                fields=", ".join(forbidden),
                model=records._description,
            )
        )


class ResPartner(models.Model):
    """Person-level facts of talent_crm.

    One partner stands for one person, shared by the person's talent and all its
    applications: what the person wants (channel, frequency, topics), what they allowed
    (consents, do-not-contact) and when they were last touched live here, once.
    """

    _inherit = "res.partner"

    talent_applicant_ids = fields.One2many(
        "hr.applicant",
        "partner_id",
        string="Talents and Applications",
        groups="hr_recruitment.group_hr_recruitment_user",
    )
    talent_id = fields.Many2one(
        "hr.applicant",
        compute="_compute_talent_id",
        groups="hr_recruitment.group_hr_recruitment_user",
    )
    talent_do_not_contact = fields.Boolean(
        string="Do Not Contact", tracking=True, help="Never send this person a message or create an outreach task.",
        groups="talent_crm.group_talent_crm_user",
    )
    talent_do_not_contact_reason = fields.Char(
        string="Do Not Contact Reason", tracking=True, groups="talent_crm.group_talent_crm_user"
    )
    talent_do_not_contact_date = fields.Datetime(
        string="Do Not Contact Since", readonly=True, groups="talent_crm.group_talent_crm_user"
    )
    talent_preferred_channel = fields.Selection(
        [("email", "Email"), ("sms", "SMS"), ("call", "Phone call"), ("linkedin", "LinkedIn")],
        string="Preferred Channel",
        groups="talent_crm.group_talent_crm_user",
    )
    talent_contact_frequency = fields.Selection(
        [("monthly", "Monthly"), ("quarterly", "Quarterly")],
        string="Contact Frequency",
        company_dependent=True,
        help="How often the person wants to hear from this company (each company keeps its own). "
        "Empty: the company's default cap applies.",
        groups="talent_crm.group_talent_crm_user",
    )
    talent_topic_ids = fields.Many2many(
        "talent.topic",
        "res_partner_talent_topic_rel",
        "partner_id",
        "topic_id",
        string="Subscribed Topics",
        groups="talent_crm.group_talent_crm_user",
    )
    talent_touch_ids = fields.One2many(
        "talent.touch", "partner_id", string="Touches", groups="talent_crm.group_talent_crm_user"
    )
    talent_consent_ids = fields.One2many(
        "talent.consent", "partner_id", string="Consents", groups="talent_crm.group_talent_crm_user"
    )
    talent_last_touch_date = fields.Datetime(
        string="Last Contacted", readonly=True, help="Date of the last outbound touch (message, call, task).",
        groups="talent_crm.group_talent_crm_user",
    )
    talent_last_engagement_date = fields.Datetime(
        string="Last Engagement", readonly=True, help="Date of the last reply, open, click or sign-up.",
        groups="talent_crm.group_talent_crm_user",
    )
    # Frequency caps read the newest counted touch of a whole audience: kept here (with the
    # touch's company) by talent.touch, so that a campaign looks touches up only for people
    # touched by several companies. Exact: every create, edit and deletion of a touch refreshes it.
    talent_cap_touch_date = fields.Datetime(
        string="Last Counted Touch",
        readonly=True,
        copy=False,
        help="Date of the newest touch that counts toward the frequency caps, in any company.",
        groups="talent_crm.group_talent_crm_user",
    )
    talent_cap_touch_company_id = fields.Many2one(
        "res.company",
        string="Company of the Last Counted Touch",
        readonly=True,
        copy=False,
        ondelete="set null",
        groups="talent_crm.group_talent_crm_user",
    )
    talent_bounced_email = fields.Char(
        string="Bounced Email", readonly=True, copy=False, help="The address that last bounced permanently.",
        groups="talent_crm.group_talent_crm_user",
    )
    talent_email_bounce_date = fields.Datetime(
        string="Email Bounced On", readonly=True, copy=False, groups="talent_crm.group_talent_crm_user"
    )
    talent_email_bounced = fields.Boolean(
        string="Email Bounced",
        compute="_compute_talent_email_bounced",
        store=True,
        help="The current email address bounced permanently: no email is sent until it is corrected.",
        groups="talent_crm.group_talent_crm_user",
    )
    talent_access_key = fields.Char(
        copy=False,
        readonly=True,
        groups="base.group_system",
        help="Random key signed into the person's links; renewing it invalidates every link sent before.",
    )

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("talent_applicant_ids.talent_pool_ids")
    def _compute_talent_id(self):
        talents = self.env["hr.applicant"].search(
            [("partner_id", "in", self.ids), ("talent_pool_ids", "!=", False)], order="id"
        )
        per_partner = {}
        for talent in talents:
            per_partner.setdefault(talent.partner_id.id, talent)
        for partner in self:
            partner.talent_id = per_partner.get(partner.id, False)

    @api.depends("talent_bounced_email", "email_normalized")
    def _compute_talent_email_bounced(self):
        for partner in self:
            partner.talent_email_bounced = bool(
                partner.talent_bounced_email and partner.talent_bounced_email == partner.email_normalized
            )

    # ------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        check_lifecycle_vals(self, vals_list, PARTNER_LIFECYCLE_FIELDS)
        return super().create(vals_list)

    def write(self, vals):
        check_lifecycle_vals(self, [vals], PARTNER_LIFECYCLE_FIELDS)
        if vals.get("talent_do_not_contact"):
            vals.setdefault("talent_do_not_contact_date", fields.Datetime.now())
        elif "talent_do_not_contact" in vals:
            vals["talent_do_not_contact_date"] = False
        result = super().write(vals)
        if vals.get("talent_do_not_contact"):
            self._talent_lead_close_do_not_contact(vals.get("talent_do_not_contact_reason"))
            # nurture stop rule: a person marked do-not-contact leaves every sequence
            self.env["talent.sequence.enrollment"]._talent_stop_for_partners(self, "do_not_contact")
        return result

    def _talent_lead_close_do_not_contact(self, reason=False):
        """A person who asked not to be contacted: their talents' leads close as Do Not Contact."""
        talents = (
            self.env["hr.applicant"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("partner_id", "in", self.ids),
                    ("talent_pool_ids", "!=", False),
                    ("talent_lead_state", "!=", "do_not_contact"),
                ]
            )
        )
        talents._talent_lead_move("do_not_contact", reason=reason, origin="system")

    # ------------------------------------------------------------
    # Contactability: the one place that says who may be contacted
    # ------------------------------------------------------------

    @api.model
    def _talent_blocker_labels(self):
        labels = {
            "do_not_contact": self.env._("Do not contact"),
            "no_email": self.env._("No valid email address"),
            "no_phone": self.env._("No valid mobile number"),
            "blacklisted": self.env._("Blacklisted"),
            "no_consent": self.env._("No valid consent"),
            "bounced": self.env._("Email address bounced"),
        }
        # talent community: nobody hears from us before confirming a web sign-up or after
        # asking for erasure
        labels.update(
            unconfirmed=self.env._("Sign-up not confirmed yet"),
            erasure_requested=self.env._("Erasure requested"),
        )
        return labels

    def _talent_contact_blockers(self, channel="email", company=None):
        """Tell why people must not receive an outbound touch on ``channel``.

        Works on the whole recordset in one query: each rule of :meth:`_talent_blocker_domains`
        is a column. Returns ``{partner_id: [reason, ...]}`` holding only the blocked partners;
        reason codes are the keys of :meth:`_talent_blocker_labels`. Frequency caps are not
        blockers: a capped touch is postponed, not dropped (see the nurture scheduler).
        """
        partners = self.sudo().with_context(active_test=False)
        if not partners:
            return {}
        rules = partners._talent_blocker_domains(channel, company)
        query = Query(self.env, partners._table, partners._table_sql)
        query.add_where(SQL("%s = ANY(%s)", SQL.identifier(partners._table, "id"), list(partners.ids)))
        columns = [
            SQL("COALESCE(%s, FALSE)", domain.optimize_full(partners)._to_sql(partners, partners._table, query))
            for domain in rules.values()
        ]
        blockers = {}
        for partner_id, *blocked in self.env.execute_query(
            query.select(SQL.identifier(partners._table, "id"), *columns)
        ):
            reasons = [reason for reason, is_blocked in zip(rules, blocked, strict=True) if is_blocked]
            if reasons:
                blockers[partner_id] = reasons
        return blockers

    @api.model
    def _talent_blocker_domains(self, channel="email", company=None):
        """Who must not receive an outbound touch from ``company`` on ``channel``: the one
        definition of contactability, as ``{reason: domain on res.partner}`` (the partners
        blocked for that reason), in the order reasons are told.

        :meth:`_talent_contact_blockers` runs them on a set of people; campaigns exclude them
        all from their audience in SQL (``mailing.mailing._talent_audience_domain``).

        - ``do_not_contact``: the person asked not to be contacted;
        - email: ``no_email`` (no valid address), else ``blacklisted``, else ``bounced``
          (the current address bounced permanently);
        - SMS: ``no_phone`` (no valid mobile number), else ``blacklisted``;
        - email and SMS, when ``company`` requires consent: ``no_consent`` (no valid
          communication basis in ``company``);
        - any channel, from the talent community: ``unconfirmed`` (a web sign-up in ``company``
          awaiting its confirmation, without another valid basis) and ``erasure_requested``.
        """
        company = company or self.env.company
        # the lists below are read in SQL: pending writes to them go first
        self.env["mail.blacklist"].flush_model(["email", "active"])
        self.env["phone.blacklist"].flush_model(["number", "active"])
        self.env["talent.erasure.request"].flush_model(["partner_id", "state"])
        domains = {"do_not_contact": Domain("talent_do_not_contact", "=", True)}
        if channel == "email":
            # as is_blacklisted says, in a form PostgreSQL plans well on large audiences
            blacklisted = Domain("email_normalized", "any!", SQL("SELECT email FROM mail_blacklist WHERE active"))
            domains["no_email"] = Domain("email_normalized", "=", False)
            domains["blacklisted"] = Domain("email_normalized", "!=", False) & blacklisted
            domains["bounced"] = (
                Domain("email_normalized", "!=", False) & ~blacklisted & Domain("talent_email_bounced", "=", True)
            )
        elif channel == "sms":
            domains["no_phone"] = Domain("phone_sanitized", "=", False)
            domains["blacklisted"] = Domain("phone_sanitized", "!=", False) & Domain(
                "phone_sanitized", "any!", SQL("SELECT number FROM phone_blacklist WHERE active")
            )
        company_consents = Domain("company_id", "=", company.id)
        valid = Domain(
            "talent_consent_ids",
            "any!",
            company_consents & Domain("purpose", "=", "communication") & Domain("state", "in", ["valid"]),
        )
        if channel in ("email", "sms") and company.talent_require_consent:
            domains["no_consent"] = ~valid
        pending = Domain("talent_consent_ids", "any!", company_consents & Domain("state", "in", ["pending"]))
        domains["unconfirmed"] = pending & ~valid
        domains["erasure_requested"] = Domain(
            "id", "any!", SQL(
                "SELECT partner_id FROM talent_erasure_request WHERE state = 'requested' AND partner_id IS NOT NULL"
            )
        )
        return domains

    def _talent_log_touch(self, summary, channel="email", direction="outbound", **values):
        """Record one touch per partner of ``self``; returns the new ``talent.touch`` records."""
        vals_list = [
            dict(
                {"partner_id": partner.id, "summary": summary, "channel": channel, "direction": direction},
                **values,
            )
            for partner in self
        ]
        return self.env["talent.touch"].create(vals_list)

    # ------------------------------------------------------------
    # Talent community: double opt-in, signed links, preferences, privacy
    # ------------------------------------------------------------

    @api.model
    def _talent_link_validity_days(self, kind):
        param = "talent_crm.%s_link_days" % kind
        value = self.env["ir.config_parameter"].sudo().get_param(param)
        try:
            days = int(value) if value else TALENT_TOKEN_DEFAULT_DAYS[kind]
        except ValueError:
            days = TALENT_TOKEN_DEFAULT_DAYS[kind]
        return max(days, 1)

    def _talent_ensure_access_key(self):
        """Return the person's link key, creating it atomically the first time (several workers
        may render messages for the same person at once)."""
        self.ensure_one()
        key = self.sudo().talent_access_key  # prefetched for the whole batch being rendered
        if key:
            return key
        rows = self.env.execute_query(
            SQL(
                "UPDATE res_partner SET talent_access_key = COALESCE(talent_access_key, %s) "
                "WHERE id = %s RETURNING talent_access_key",
                secrets.token_urlsafe(18),
                self.id,
            )
        )
        self.invalidate_recordset(["talent_access_key"])
        return rows[0][0]

    def _talent_ensure_access_keys(self):
        """Create the missing link keys of the people of ``self`` in one query (before a batch
        of messages is rendered); keys that exist, or that another worker just made, stay."""
        missing = self.sudo().filtered(lambda partner: not partner.talent_access_key)
        if not missing:
            return
        self.env.execute_query(
            SQL(
                "UPDATE res_partner p SET talent_access_key = COALESCE(p.talent_access_key, v.key) "
                "FROM (VALUES %s) AS v(id, key) WHERE p.id = v.id",
                SQL(", ").join(SQL("(%s, %s)", partner.id, secrets.token_urlsafe(18)) for partner in missing),
            )
        )
        missing.invalidate_recordset(["talent_access_key"])

    def _talent_access_token(self, kind, company=None, job=None):
        """Signed, expiring token of this person for ``kind`` (a key of ``TALENT_TOKEN_SCOPES``).

        The token is bound to its purpose (one HMAC scope per kind), the person, ``company``
        and, for ``job_apply``, the ``job``: it opens nothing else.
        """
        self.ensure_one()
        company = company or self.env.company
        payload = {"p": self.id, "c": company.id, "k": self._talent_ensure_access_key()}
        if kind == "job_apply":
            if not job:
                raise UserError(self.env._("A job apply link needs its job."))
            payload["j"] = job.id
        return hash_sign(
            self.env(su=True),
            TALENT_TOKEN_SCOPES[kind],
            payload,
            expiration=timedelta(days=self._talent_link_validity_days(kind)),
        )

    @api.model
    def _talent_from_token(self, kind, token, job=None):
        """Check a token of :meth:`_talent_access_token`.

        Returns ``(partner, company)`` as superuser records when the token is authentic,
        unexpired, not revoked and, for ``job_apply``, signed for ``job``; two empty
        recordsets otherwise, whatever the reason, so that callers cannot tell a tampered
        link from an unknown or erased person.
        """
        nothing = self.env["res.partner"].sudo(), self.env["res.company"].sudo()
        if not isinstance(token, str) or not token or len(token) > TALENT_TOKEN_MAX_LENGTH:
            return nothing
        try:
            payload = verify_hash_signed(self.env(su=True), TALENT_TOKEN_SCOPES[kind], token)
        except (ValueError, TypeError):
            return nothing
        if not isinstance(payload, dict):
            return nothing
        partner_id, company_id, key = payload.get("p"), payload.get("c"), payload.get("k")
        if not (isinstance(partner_id, int) and isinstance(company_id, int) and isinstance(key, str)):
            return nothing
        if kind == "job_apply" and (not job or payload.get("j") != job.id):
            return nothing
        partner = self.env["res.partner"].sudo().with_context(active_test=False).browse(partner_id).exists()
        company = self.env["res.company"].sudo().browse(company_id).exists()
        if not partner or not company or not partner.talent_access_key:
            return nothing
        if not consteq(partner.talent_access_key, key):
            return nothing
        return partner, company

    def _talent_preference_url(self, company=None):
        """Absolute URL of the person's preference centre: put it in every message.

        The link is signed for this person and ``company`` (default: the current company)
        and expires after ``talent_crm.preferences_link_days`` days (180 by default).
        """
        self.ensure_one()
        return "%s/talent/preferences/%s" % (self.get_base_url(), self._talent_access_token("preferences", company))

    def _talent_revoke_links(self):
        """Invalidate every link sent to these people so far."""
        for partner in self.sudo():
            partner.talent_access_key = secrets.token_urlsafe(18)

    def _talent_get_company_talent(self, company):
        """The person's talent in ``company`` (archived ones too), as superuser."""
        self.ensure_one()
        return (
            self.env["hr.applicant"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("partner_id", "=", self.id),
                    ("talent_pool_ids", "!=", False),
                    ("company_id", "in", [company.id, False]),
                ],
                order="active desc, id",
                limit=1,
            )
        )

    def _talent_record_lang(self, company, lang=None):
        """Language of the texts written into records about this person: ``lang`` (what the
        person just used, e.g. a sign-up's) if active, else the person's own, else ``company``'s,
        else the current one."""
        self.ensure_one()
        Lang = self.env["res.lang"]
        for code in (lang, self.sudo().lang, company.sudo().partner_id.lang):
            if code and Lang._get_code(code):
                return code
        return self.env.lang or "en_US"

    def _talent_log_community_event(self, company, summary, lines=None, engagement="preference", record=None):
        """Log what the person did on the community pages: a note in the talent's chatter
        (or ``record``'s: the application a person without a talent changed), values escaped,
        and an inbound touch."""
        self.ensure_one()
        talent = record or self._talent_get_company_talent(company)
        body = Markup("<p>%s</p>") % summary
        if lines:
            body += Markup("<ul>%s</ul>") % Markup().join(Markup("<li>%s</li>") % line for line in lines)
        (talent or self).sudo()._message_log(body=body, author_id=self.id)
        self.sudo()._talent_log_touch(
            summary,
            channel="web",
            direction="inbound",
            engagement=engagement,
            origin="community",
            talent_id=talent.id,
            company_id=company.id,
            user_id=False,
        )
        return talent

    @in_person_lang
    def _talent_renew_consent(self, company, ip_address=None):
        """The person asks to stay in the talent pool: a new consent starts a new retention period."""
        self.ensure_one()
        consent = self.env["talent.consent"].sudo().create(
            {
                "partner_id": self.id,
                "talent_id": self._talent_get_company_talent(company).id,
                "company_id": company.id,
                "purpose": "talent_pool",
                "legal_basis": "consent",
                "source": "renewal",
                "consent_text": company.with_context(lang=self.lang or self.env.lang)._talent_get_consent_text(),
                "text_version": company._talent_get_consent_version(),
                "ip_address": ip_address,
            }
        )
        self._talent_log_community_event(
            company,
            self.env._(
                "Renewed the consent to stay in the talent pool until %(date)s.",
                date=format_date(self.env, consent.date_expiry) if consent.date_expiry else "-",
            ),
        )
        return consent

    def _talent_known_to_other_companies(self, company):
        """Whether the person behind this contact is known to a company other than ``company``:
        a talent or application there (of this contact, or with its email address) or a consent
        given there.

        What such a person tells ``company``'s pages stays with ``company``: the contact and
        Odoo's email and phone blacklists (one entry for the whole database) are the other
        companies' too (the contact frequency is company-dependent, each company has its own).
        """
        self.ensure_one()
        partner = self.sudo()
        elsewhere = Domain("company_id", "not in", [company.id, False])
        mine = Domain("partner_id", "=", partner.id)
        if partner.email_normalized:
            mine |= Domain("email_normalized", "=", partner.email_normalized)
        applicants = self.env["hr.applicant"].sudo().with_context(active_test=False)
        if applicants.search_count(elsewhere & mine & Domain("talent_anonymized_date", "=", False), limit=1):
            return True
        consents = self.env["talent.consent"].sudo()
        return bool(consents.search_count(elsewhere & Domain("partner_id", "=", partner.id), limit=1))

    def _talent_unsubscribed_from(self, company):
        """Whether the person unsubscribed from everything of ``company`` (blacklisted, or, when
        known to other companies, every communication consent of ``company`` withdrawn)."""
        self.ensure_one()
        partner = self.sudo()
        if partner.is_blacklisted:
            return True
        if not partner._talent_known_to_other_companies(company):
            return False
        consents = self.env["talent.consent"].sudo().search(
            [("partner_id", "=", partner.id), ("company_id", "=", company.id), ("purpose", "=", "communication")]
        )
        return bool(consents) and all(consent.state == "withdrawn" for consent in consents)

    @in_person_lang
    def _talent_update_preferences(self, company, values):
        """Apply what the person changed on the preference centre and log it.

        ``values``: ``name``, ``phone``, ``profile`` (talent fields), ``topics`` (chosen among
        ``offered_topics``), ``frequency``, ``availability``, ``availability_date``. Only
        actual changes are written; returns the list of change descriptions.

        A person known to other companies (:meth:`_talent_known_to_other_companies`) changes
        ``company``'s data only: their talent there takes the name and number, and the contact
        all companies share keeps its name and phone. The contact frequency is company-dependent:
        it is set for ``company`` only, whoever else knows the person.
        """
        self.ensure_one()
        partner = self.sudo()
        # the talent, else the person's newest application: what the self-service page shows
        talent = self._talent_self_service_profile(company)
        shared = partner._talent_known_to_other_companies(company)
        changes = []
        topics = (partner.talent_topic_ids - values["offered_topics"]) | values["topics"]
        if topics != partner.talent_topic_ids:
            partner.talent_topic_ids = [fields.Command.set(topics.ids)]
            changes.append(
                self.env._(
                    "Topics: %(topics)s", topics=", ".join(values["topics"].mapped("name")) or self.env._("none")
                )
            )
        # the frequency is company-dependent: what the person asks on company's page is
        # company's, other companies' values (and caps) stay as they are
        own = partner.with_company(company)
        if values["frequency"] != (own.talent_contact_frequency or False):
            own.talent_contact_frequency = values["frequency"]
            labels = dict(self._fields["talent_contact_frequency"]._description_selection(self.env))
            changes.append(
                self.env._(
                    "Contact frequency: %(frequency)s",
                    frequency=labels.get(values["frequency"]) or self.env._("no preference"),
                )
            )
        contact_changed = []
        if shared:
            if talent and values["name"] and values["name"] != talent.partner_name:
                contact_changed.append(self.env._("name"))
        elif values["name"] and values["name"] != partner.name:
            partner.name = values["name"]
            contact_changed.append(self.env._("name"))
        if talent:
            talent_vals = {}
            if values["name"] and values["name"] != talent.partner_name:
                talent_vals["partner_name"] = values["name"]
            if (values["phone"] or False) != (talent.partner_phone or False):
                talent_vals["partner_phone"] = values["phone"]
                contact_changed.append(self.env._("phone"))
            talent_vals.update(self._talent_preference_profile_vals(talent, values["profile"], contact_changed))
            talent_vals.update(self._talent_preference_availability_vals(talent, values, changes))
            if talent_vals:
                kept = {fname: partner[fname] for fname in ("name", "phone")} if shared else {}
                talent.with_context(tracking_disable=True).write(talent_vals)
                # Recruitment copies a talent's name and phone onto its contact (hr.applicant's
                # _inverse_partner_email): a contact shared with other companies keeps its own
                restore = {fname: value for fname, value in kept.items() if partner[fname] != value}
                if restore:
                    partner.with_context(tracking_disable=True).write(restore)
        elif not shared and (values["phone"] or False) != (partner.phone or False):
            partner.phone = values["phone"]
            contact_changed.append(self.env._("phone"))
        if contact_changed:
            changes.append(self.env._("Contact data updated: %(fields)s", fields=", ".join(contact_changed)))
        if changes:
            self._talent_log_community_event(
                company,
                self.env._("Updated their preferences on the preference centre."),
                lines=changes,
                record=talent or None,
            )
        return changes

    def _talent_preference_profile_vals(self, talent, profile, contact_changed):
        """Talent values for the profile fields the person changed; labels in ``contact_changed``."""
        vals = {}
        wanted = {
            "talent_city": profile.get("talent_city") or False,
            "talent_country_id": profile.get("talent_country_id") or False,
            "talent_role_family_id": profile.get("talent_role_family_id") or False,
            "talent_github_url": profile.get("talent_github_url") or False,
        }
        # one form field holds the LinkedIn, Xing or website address
        main_urls = ("linkedin_profile", "talent_xing_url", "talent_website_url")
        given = {fname: profile[fname] for fname in main_urls if profile.get(fname)}
        if given:
            wanted.update(given)
        else:
            shown = next((fname for fname in main_urls if talent[fname]), None)
            if shown:
                wanted[shown] = False
        labels = {
            "talent_city": self.env._("city"),
            "talent_country_id": self.env._("country"),
            "talent_role_family_id": self.env._("field of work"),
            "talent_github_url": self.env._("GitHub profile"),
        }
        for fname, new in wanted.items():
            field = talent._fields[fname]
            old = talent[fname].id if field.type == "many2one" else talent[fname]
            if new != (old or False):
                vals[fname] = new
                label = labels.get(fname, self.env._("profile address"))
                if label not in contact_changed:
                    contact_changed.append(label)
        return vals

    def _talent_preference_availability_vals(self, talent, values, changes):
        """Talent values for a changed availability; its description in ``changes``."""
        availability_vals = {}
        if values["availability"] != talent.talent_availability:
            availability_vals["talent_availability"] = values["availability"]
        date = values["availability_date"] if values["availability"] == "open" else False
        if (date or False) != (talent.availability or False):
            availability_vals["availability"] = date
        if availability_vals:
            labels = dict(talent._fields["talent_availability"]._description_selection(self.env))
            if values["availability"] == "open" and date:
                changes.append(
                    self.env._(
                        "Availability: %(status)s from %(date)s",
                        status=labels["open"],
                        date=format_date(self.env, date),
                    )
                )
            else:
                changes.append(self.env._("Availability: %(status)s", status=labels[values["availability"]]))
        return availability_vals

    @in_person_lang
    def _talent_request_erasure(self, company):
        """The person asks for erasure: file the request for the managers, withdraw the
        consents and stop all contact until it is processed."""
        self.ensure_one()
        request = self.env["talent.erasure.request"]._talent_request_from_partner(self, company)
        # the person's consents given to this company (on a shared mailbox: their own only)
        domain = (
            Domain("partner_id", "=", self.id)
            & Domain("company_id", "=", company.id)
            & Domain("date_withdrawn", "=", False)
        )
        if self._talent_shared_partners():
            domain &= Domain("talent_id", "in", self._talent_person_applicants(company).ids)
        self.env["talent.consent"].sudo().search(domain).action_withdraw()
        self._talent_log_community_event(company, self.env._("Asked for the erasure of their personal data."))
        return request

    @in_person_lang
    def _talent_unsubscribe_all(self, company):
        """Stop every message of ``company``: withdraw its communication consents, unsubscribe
        the topics and block the address and number in Odoo's blacklists (mass mailing honours
        them).

        The person told ``company`` only. When known to other companies
        (:meth:`_talent_known_to_other_companies`) the blacklists, which hold for the whole
        database, are left alone: the withdrawn consents stop ``company``'s messages (its
        contact rules then find no valid consent), only ``company``'s own topics are dropped and
        ``company``'s nurture sequences end. A company that contacts people without consent has
        no other way to stop its messages: the blacklists are used then, as for one company.
        """
        self.ensure_one()
        partner = self.sudo()
        consents = self.env["talent.consent"].sudo().search(
            [
                ("partner_id", "=", partner.id),
                ("company_id", "=", company.id),
                ("purpose", "=", "communication"),
                ("date_withdrawn", "=", False),
            ]
        )
        consents.action_withdraw()
        message = self.env._("Unsubscribed from everything on the talent preference centre.")
        if partner._talent_known_to_other_companies(company) and company.talent_require_consent:
            partner.talent_topic_ids = [
                fields.Command.unlink(topic.id)
                for topic in partner.talent_topic_ids.filtered(lambda topic: topic.company_id == company)
            ]
            enrollments = self.env["talent.sequence.enrollment"].sudo().search(
                [
                    ("partner_id", "=", partner.id),
                    ("company_id", "=", company.id),
                    ("state", "in", ["running", "paused"]),
                ]
            )
            enrollments._talent_stop("unsubscribed")
            self._talent_log_community_event(company, message)
            return
        partner.talent_topic_ids = [fields.Command.clear()]
        if partner.email_normalized:
            self.env["mail.blacklist"].sudo()._add(partner.email_normalized, message=message)
        if partner.phone_sanitized:
            self.env["phone.blacklist"].sudo()._add([partner.phone_sanitized], message=message)
        self._talent_log_community_event(company, message)

    @in_person_lang
    def _talent_log_data_export(self, company):
        """The person downloaded their data on the preference centre: log it."""
        self.ensure_one()
        self._talent_log_community_event(company, self.env._("Downloaded their personal data."))

    def _talent_export_data(self, company):
        """Everything talent_crm stores about the person, as a JSON-serialisable dict."""
        self.ensure_one()
        partner = self.sudo().with_context(active_test=False)

        def dt(value):
            return fields.Datetime.to_string(value) if value else None

        def d(value):
            return fields.Date.to_string(value) if value else None

        applicants = partner._talent_person_applicants(company).sorted("id")
        attachments = self.env["ir.attachment"].sudo().search(
            [("res_model", "=", "hr.applicant"), ("res_id", "in", applicants.ids)], order="id"
        )
        # a contact shared by several people (an agency mailbox) is not theirs: the person's
        # own talent tells who they are, and only their own records are exported
        shared = bool(partner._talent_shared_partners())
        talent = partner._talent_get_company_talent(company) if shared else None
        own = Domain("company_id", "=", company.id)
        if shared:
            own &= Domain("talent_id", "in", applicants.ids)
        consents = self.env["talent.consent"].sudo().search(Domain("partner_id", "=", partner.id) & own)
        touches = self.env["talent.touch"].sudo().search(Domain("partner_id", "=", partner.id) & own)
        return {
            "exported_on": dt(fields.Datetime.now()),
            "controller": company.name,
            "person": {
                "name": talent.partner_name if shared else partner.name,
                "email": talent.email_from if shared else partner.email,
                "phone": talent.partner_phone if shared else partner.phone,
                "language": partner.lang,
                "contact_frequency": partner.with_company(company).talent_contact_frequency or None,
                "topics": partner.talent_topic_ids.mapped("name"),
                "blacklisted": bool(partner.is_blacklisted),
            },
            "profiles": [
                {
                    "kind": "talent" if applicant.talent_pool_ids else "application",
                    "name": applicant.partner_name,
                    "email": applicant.email_from,
                    "phone": applicant.partner_phone,
                    "linkedin": applicant.linkedin_profile or None,
                    "github": applicant.talent_github_url or None,
                    "xing": applicant.talent_xing_url or None,
                    "website": applicant.talent_website_url or None,
                    "current_title": applicant.talent_current_title or None,
                    "current_company": applicant.talent_current_company or None,
                    "city": applicant.talent_city or None,
                    "country": applicant.talent_country_id.name or None,
                    "role_family": applicant.talent_role_family_id.name or None,
                    "availability": applicant.talent_availability,
                    "available_from": d(applicant.availability),
                    "pools": applicant.talent_pool_ids.mapped("name"),
                    "job": applicant.job_id.name or None,
                    "stage": applicant.stage_id.name or None,
                    "source": applicant.source_id.name or None,
                    "created_on": dt(applicant.create_date),
                    "skills": applicant.skill_ids.mapped("name"),
                }
                for applicant in applicants
            ],
            "documents": [
                {"name": attachment.name, "type": attachment.mimetype, "uploaded_on": dt(attachment.create_date)}
                for attachment in attachments
            ],
            "consents": [
                {
                    "purpose": consent.purpose,
                    "legal_basis": consent.legal_basis,
                    "source": consent.source,
                    "state": consent.state,
                    "given_on": dt(consent.date_given),
                    "confirmed_on": dt(consent.date_confirmed),
                    "valid_until": d(consent.date_expiry),
                    "withdrawn_on": dt(consent.date_withdrawn),
                    "text": consent.consent_text or None,
                    "text_version": consent.text_version or None,
                    "ip_address": consent.ip_address or None,
                    "topics": consent.talent_topic_ids.mapped("name"),
                }
                for consent in consents
            ],
            "contact_history": [
                {
                    "date": dt(touch.date),
                    "direction": touch.direction,
                    "channel": touch.channel,
                    "engagement": touch.engagement or None,
                    "summary": touch.summary,
                }
                for touch in touches
            ],
        }

    # ------------------------------------------------------------
    # Candidate self-service (issue 19, point 5): on the preference centre's signed link, the
    # person sees their own applications at the link's company, their consents with their
    # history, and updates their profile and CV. Everything here reads and writes the person's
    # own records of that company only.
    # ------------------------------------------------------------

    def _talent_self_service_application_records(self, company):
        """The person's own applications to jobs of ``company`` (refused and archived ones too,
        anonymised ones not), newest first, as superuser."""
        self.ensure_one()
        applicants = self._talent_person_applicants(company)
        return applicants.filtered(
            lambda a: a.job_id and a.company_id == company and a.partner_id == self and not a.talent_anonymized_date
        ).sorted(lambda a: (a.create_date, a.id), reverse=True)

    def _talent_self_service_profile(self, company):
        """Where the person's profile lives in ``company``: their talent, else their newest
        application there (empty when they have neither)."""
        self.ensure_one()
        return self._talent_get_company_talent(company) or self._talent_self_service_application_records(company)[:1]

    def _talent_self_service_applications(self, company):
        """What the person may see of their applications at ``company``: the job, the date and
        the candidate-facing status of the stage (``hr.recruitment.stage._talent_candidate_names``;
        a refused or archived application is closed). Never the stage's internal name, notes,
        interviewers, evaluations or the refuse reason."""
        applications = self._talent_self_service_application_records(company)
        labels = self.env["hr.recruitment.stage"]._talent_candidate_labels()
        names = applications.stage_id.with_context(lang=self.env.lang)._talent_candidate_names()
        result = []
        for application in applications.with_context(lang=self.env.lang):
            closed = application.application_status in ("refused", "archived")
            result.append(
                {
                    "job": application.job_id.name,
                    "applied_on": format_date(self.env, application.create_date),
                    "status": labels["closed"] if closed else names.get(application.stage_id.id, labels["received"]),
                    "closed": closed or application.application_status == "hired",
                }
            )
        return result

    def _talent_self_service_consents(self, company):
        """The person's consents given to ``company`` (on a shared mailbox: their own only),
        newest first, as superuser."""
        self.ensure_one()
        domain = Domain("partner_id", "=", self.id) & Domain("company_id", "=", company.id)
        if self._talent_shared_partners():
            domain &= Domain("talent_id", "in", self._talent_person_applicants(company).ids)
        return self.env["talent.consent"].sudo().search(domain)

    def _talent_self_service_consent_history(self, company):
        """The consents of :meth:`_talent_self_service_consents` as the person reads them:
        purpose, state, what happened when (given, confirmed, renewed, withdrawn) and the
        evidence (how it was given, the text agreed to and its version)."""
        consents = self._talent_self_service_consents(company).with_context(lang=self.env.lang)
        Consent = self.env["talent.consent"]
        purposes = dict(Consent._fields["purpose"]._description_selection(self.env))
        states = dict(Consent._fields["state"]._description_selection(self.env))
        sources = dict(Consent._fields["source"]._description_selection(self.env))

        def moment(value):
            return tools.format_datetime(self.env, value, dt_format="short")

        history = []
        for consent in consents:
            events = [
                (
                    self.env._("Renewed") if consent.source == "renewal" else self.env._("Given"),
                    moment(consent.date_given),
                )
            ]
            if consent.date_confirmed:
                events.append((self.env._("Confirmed"), moment(consent.date_confirmed)))
            if consent.date_withdrawn:
                events.append((self.env._("Withdrawn"), moment(consent.date_withdrawn)))
            elif consent.date_expiry:
                events.append((self.env._("Valid until"), format_date(self.env, consent.date_expiry)))
            history.append(
                {
                    "id": consent.id,
                    "purpose": purposes.get(consent.purpose, consent.purpose),
                    "state": consent.state,
                    "state_label": states.get(consent.state, consent.state),
                    "events": events,
                    "source": sources.get(consent.source, consent.source),
                    "source_code": consent.source,
                    "text": consent.consent_text or "",
                    "version": consent.text_version or "",
                    "withdrawable": consent.state in ("valid", "pending", "expired"),
                }
            )
        return history

    @in_person_lang
    def _talent_self_service_withdraw(self, company, consent_id):
        """The person withdraws one of their consents of ``company``; returns it (empty when
        ``consent_id`` is not theirs there or already withdrawn)."""
        self.ensure_one()
        consent = self._talent_self_service_consents(company).filtered(
            lambda c: c.id == consent_id and not c.date_withdrawn
        )
        if not consent:
            return consent
        consent.action_withdraw()
        purposes = dict(consent._fields["purpose"]._description_selection(self.env))
        self._talent_log_community_event(
            company,
            self.env._("Withdrew their consent: %(purpose)s.", purpose=purposes[consent.purpose]),
            record=self._talent_self_service_profile(company) or None,
        )
        return consent

    @in_person_lang
    def _talent_self_service_upload_cv(self, company, cv):
        """Attach the CV the person uploaded (``{"name", "raw", "mimetype"}``, validated as on
        the sign-up form) to their talent or newest application in ``company`` and make it the
        main document. Returns the attachment (empty without a profile to attach it to)."""
        self.ensure_one()
        profile = self._talent_self_service_profile(company)
        if not profile:
            return self.env["ir.attachment"]
        attachment = self.env["ir.attachment"].sudo().create(
            {
                "name": cv["name"],
                "raw": cv["raw"],
                "mimetype": cv["mimetype"],
                "res_model": "hr.applicant",
                "res_id": profile.id,
                "description": self.env._("CV uploaded on the preference centre"),
            }
        )
        profile.with_context(tracking_disable=True).write({"message_main_attachment_id": attachment.id})
        self._talent_log_community_event(
            company, self.env._("Uploaded a new CV: %(name)s.", name=cv["name"]), record=profile
        )
        return attachment

    # ------------------------------------------------------------
    # Erasure: who may be anonymised, and what talent_crm removes
    # ------------------------------------------------------------

    @api.model
    def _talent_reference_excluded_models(self):
        """Models whose links to a contact do not make it a business contact: talent_crm's
        own, the applicants (checked apart), and the mail, mailing and tracking tables that
        every person has rows in. Extend with ``super()``."""
        return {
            "res.partner",
            "hr.applicant",
            "mail.message",
            "mail.notification",
            "mail.followers",
            "mail.mail",
            "mail.activity",
            "mail.message.reaction",
            "mail.tracking.value",
            "mail.blacklist",
            "mailing.trace",
            "mailing.contact",
            "sms.sms",
            "sms.tracker",
            "link.tracker.click",
            "privacy.log",
            "discuss.channel.member",
            "bus.presence",
            "mail.presence",
            # invited to a meeting (an interview) is no business relation of its own
            "calendar.attendee",
        }

    @api.model
    def _talent_reference_fields(self):
        """``(table, column)`` of every stored many2one to ``res.partner`` in the installed
        models outside :meth:`_talent_reference_excluded_models` and talent_crm's own."""
        excluded = self._talent_reference_excluded_models()
        pairs = set()
        for model_name in self.env.registry:
            Model = self.env[model_name]
            if (
                model_name in excluded
                or Model._abstract
                or Model._transient
                or not Model._auto
                or Model._table_query
                or getattr(Model, "_original_module", None) == "talent_crm"
            ):
                continue
            for fname, field in Model._fields.items():
                if (
                    field.type == "many2one"
                    and field.comodel_name == "res.partner"
                    and field.store
                    and not field.company_dependent
                    and fname not in models.MAGIC_COLUMNS
                ):
                    pairs.add((Model._table, fname))
        return sorted(pairs)

    def _talent_protected_partners(self, applicants=None):
        """The partners of ``self`` that erasure and retention must never rename, clear or
        archive: companies and their contacts, the company's own partners, users, employees,
        anyone a business document or another module links to (found set-wise over every
        stored many2one to ``res.partner``), and anyone with applicants other than
        ``applicants`` (other people on a shared mailbox, other companies' applications).

        Only talent_crm's own data about the person goes for them; the contact stays as is.
        """
        partners = self.sudo().with_context(active_test=False)
        if not partners:
            return partners
        ids = partners.ids
        protected = set(partners.filtered(lambda p: p.is_company or p.parent_id).ids)
        rows = self.env.execute_query(SQL("SELECT DISTINCT parent_id FROM res_partner WHERE parent_id = ANY(%s)", ids))
        protected.update(row[0] for row in rows)
        protected.update(
            row[0]
            for row in self.env.execute_query(
                SQL("SELECT partner_id FROM res_company WHERE partner_id = ANY(%s)", ids)
            )
        )
        self.env.flush_all()
        for table, column in self._talent_reference_fields():
            remaining = [pid for pid in ids if pid not in protected]
            if not remaining:
                break
            rows = self.env.execute_query(
                SQL(
                    "SELECT DISTINCT %(col)s FROM %(table)s WHERE %(col)s = ANY(%(ids)s)",
                    col=SQL.identifier(column),
                    table=SQL.identifier(table),
                    ids=remaining,
                )
            )
            protected.update(row[0] for row in rows)
        remaining = [pid for pid in ids if pid not in protected]
        if remaining:
            own = applicants.ids if applicants else []
            rows = self.env.execute_query(
                SQL(
                    "SELECT DISTINCT partner_id FROM hr_applicant WHERE partner_id = ANY(%s) AND NOT id = ANY(%s)",
                    remaining,
                    own,
                )
            )
            protected.update(row[0] for row in rows)
        protected.update(partners.filtered(lambda p: p.id not in protected)._talent_shared_partners().ids)
        return partners.browse(sorted(protected & set(ids)))

    def _talent_shared_partners(self):
        """Partners of ``self`` that stand for several people: their talents and applications
        (in any company, anonymised ones left out) carry different names, as on an agency
        mailbox. Such a contact is never renamed nor exported as a whole."""
        groups = (
            self.env["hr.applicant"]
            .sudo()
            .with_context(active_test=False)
            ._read_group(
                [("partner_id", "in", self.ids), ("talent_anonymized_date", "=", False)],
                ["partner_id", "partner_name"],
            )
        )
        names = defaultdict(set)
        for partner, name in groups:
            names[partner.id].add(" ".join((name or "").casefold().split()))
        return self.browse([partner_id for partner_id, folded in names.items() if len(folded - {""}) > 1])

    def _talent_person_applicants(self, company, talent=None):
        """The person's own talent and applications behind this contact in ``company``.

        On a shared contact (:meth:`_talent_shared_partners`) only ``talent`` (default: the
        contact's talent in ``company``) and the applications made from it; otherwise every
        talent and application of the contact in ``company``.
        """
        self.ensure_one()
        Applicant = self.env["hr.applicant"].sudo().with_context(active_test=False)
        talent = (talent or self._talent_get_company_talent(company)).sudo()
        if talent and talent.partner_id != self:
            talent = Applicant
        company_domain = Domain("company_id", "in", [company.id, False])
        if self._talent_shared_partners():
            if not talent:
                return Applicant
            return talent | Applicant.search(
                company_domain & Domain("pool_applicant_id", "=", talent.id) & Domain("partner_id", "=", self.id)
            )
        mine = Domain("partner_id", "=", self.id)
        if self.email_normalized:
            # applications that kept the address without a contact are the person's too
            mine |= Domain("partner_id", "=", False) & Domain("email_normalized", "=", self.email_normalized)
        return Applicant.search(company_domain & mine, order="id")

    def _talent_anonymize(self, applicants=None):
        """Erase these people from talent_crm.

        ``applicants`` are the talents and applications being erased with them (see
        :meth:`hr.applicant._talent_anonymize`). Contacts that are more than a person of the
        talent pool (:meth:`_talent_protected_partners`) stay exactly as they are: only
        talent_crm's data about the erased talents goes. The others are renamed, cleared and
        archived, with their chatter, messages and traces. Non-personal facts (dates, sources,
        pools, consents' purpose and dates, touches' channel and dates) stay for the statistics.
        """
        partners = self.sudo().with_context(active_test=False, tracking_disable=True)
        if not partners:
            return partners
        applicants = (applicants or self.env["hr.applicant"]).sudo()
        protected = partners._talent_protected_partners(applicants)
        persons = partners - protected
        shared = protected._talent_shared_partners()
        companies = applicants.company_id.ids
        own = (
            Domain("partner_id", "in", persons.ids)
            | (Domain("partner_id", "in", (protected - shared).ids) & Domain("company_id", "in", companies))
            | (Domain("partner_id", "in", partners.ids) & Domain("talent_id", "in", applicants.ids))
        )
        now = fields.Datetime.now()
        touches = self.env["talent.touch"].sudo().search(own)
        touches.write({"summary": self.env._("Anonymised")})
        consents = self.env["talent.consent"].sudo().search(own)
        consents.filtered(lambda c: not c.date_withdrawn).write({"date_withdrawn": now})
        consents.write({"ip_address": False})
        self._talent_erase_documents("talent.consent", consents.ids, wipe_tracking=True)
        requests = self.env["talent.erasure.request"].sudo().search(own)
        self._talent_erase_documents("talent.erasure.request", requests.ids, wipe_tracking=True, keep_bodies=True)
        (protected - shared).write({"talent_topic_ids": [fields.Command.clear()]})
        # what an employee typed about the person when referring them
        referrals = self.env["talent.referral"].sudo().search([("talent_id", "in", applicants.ids)])
        for referral in referrals:
            referral.write(
                {
                    "name": self.env._("Anonymised person %(id)s", id=referral.talent_id.partner_id.id or referral.id),
                    "email": "anonymised-%s@anonymised.invalid" % referral.id,
                    "profile_url": False,
                    "note": False,
                }
            )
        self._talent_erase_documents("talent.referral", referrals.ids, wipe_tracking=True)
        if not persons:
            return persons
        emails = [email for email in persons.mapped("email_normalized") if email]
        phones = [phone for phone in persons.mapped("phone_sanitized") if phone]
        self._talent_erase_documents("res.partner", persons.ids, wipe_tracking=True)
        # the person's own words anywhere (replies, messages they wrote) and their files
        authored = self.env["mail.message"].sudo().search([("author_id", "in", persons.ids)])
        self._talent_erase_messages(authored)
        traces = self.env["mailing.trace"].sudo().search([("model", "=", "res.partner"), ("res_id", "in", persons.ids)])
        self._talent_erase_traces(traces)
        self._talent_erase_addresses(persons, emails, phones)
        for partner in persons:
            partner.write(
                {
                    "name": self.env._("Anonymised person %(id)s", id=partner.id),
                    "email": False,
                    "phone": False,
                    "street": False,
                    "street2": False,
                    "zip": False,
                    "city": False,
                    "website": False,
                    "function": False,
                    "comment": False,
                    "vat": False,
                    "ref": False,
                    "image_1920": False,
                    "talent_topic_ids": [fields.Command.clear()],
                    "talent_preferred_channel": False,
                    "talent_bounced_email": False,
                    "talent_email_bounce_date": False,
                    "talent_do_not_contact": True,
                    "talent_do_not_contact_reason": self.env._("Personal data anonymised"),
                    "active": False,
                }
            )
        # the contact frequency is company-dependent: every company's value goes, not only the
        # one of the env's company that a write would clear
        persons.flush_recordset(["talent_contact_frequency"])
        self.env.execute_query(
            SQL("UPDATE res_partner SET talent_contact_frequency = NULL WHERE id = ANY(%s)", persons.ids)
        )
        persons.invalidate_recordset(["talent_contact_frequency"])
        persons._talent_revoke_links()
        persons.message_unsubscribe(partner_ids=persons.ids)
        # tracking of the writes above (and of earlier edits) names nobody any more
        self._talent_erase_documents("res.partner", persons.ids, wipe_tracking=True, keep_bodies=True)
        return persons

    @api.model
    def _talent_erase_messages(self, messages):
        """Empty ``messages`` and delete their files, outgoing mails and delivery addresses."""
        messages = messages.sudo()
        if not messages:
            return
        self.env["mail.mail"].sudo().search([("mail_message_id", "in", messages.ids)]).unlink()
        notifications = self.env["mail.notification"].sudo().search([("mail_message_id", "in", messages.ids)])
        notifications.write({"mail_email_address": False, "failure_reason": False})
        attachments = messages.attachment_ids
        messages.write({"body": "", "subject": False, "email_from": False, "attachment_ids": [fields.Command.clear()]})
        self.env["mail.tracking.value"].sudo().search([("mail_message_id", "in", messages.ids)]).unlink()
        attachments.unlink()

    @api.model
    def _talent_erase_traces(self, traces):
        """Forget the address, number and clicks (IP address, country) of mailing traces."""
        traces = traces.sudo()
        if not traces:
            return
        vals = {"email": False}
        if "sms_number" in traces._fields:
            vals["sms_number"] = False
        traces.write(vals)
        clicks = self.env["link.tracker.click"].sudo().search([("mailing_trace_id", "in", traces.ids)])
        clicks.write({"ip": False, "country_id": False})

    @api.model
    def _talent_erase_addresses(self, partners, emails, phones):
        """Remove what Odoo keeps elsewhere about these addresses and numbers: outgoing mails,
        notification addresses, SMS, traces by address, bounce and blacklist entries."""
        Mail = self.env["mail.mail"].sudo()
        mail_domain = Domain("recipient_ids", "in", partners.ids)
        for email in emails:
            mail_domain |= Domain("email_to", "ilike", email) | Domain("email_cc", "ilike", email)
        Mail.search(mail_domain).unlink()
        if emails:
            notifications = self.env["mail.notification"].sudo().search([("mail_email_address", "in", emails)])
            notifications.write({"mail_email_address": False, "failure_reason": False})
            traces = self.env["mailing.trace"].sudo().search([("email", "in", emails)])
            self._talent_erase_traces(traces)
            blacklist = self.env["mail.blacklist"].sudo().with_context(active_test=False)
            entries = blacklist.search([("email", "in", emails)])
            self._talent_erase_documents("mail.blacklist", entries.ids, wipe_tracking=True)
            entries.unlink()
        sms_domain = Domain("partner_id", "in", partners.ids)
        if phones:
            sms_domain |= Domain("number", "in", phones)
            traces = self.env["mailing.trace"].sudo().search([("sms_number", "in", phones)])
            self._talent_erase_traces(traces)
            entries = self.env["phone.blacklist"].sudo().with_context(active_test=False).search(
                [("number", "in", phones)]
            )
            self._talent_erase_documents("phone.blacklist", entries.ids, wipe_tracking=True)
            entries.unlink()
        self.env["sms.sms"].sudo().search(sms_domain).unlink()
        # web sign-ups of the person (confirmed ones are kept as evidence until the erasure), with
        # their CV files
        signup_domain = Domain("partner_id", "in", partners.ids)
        if emails:
            signup_domain |= Domain("email", "in", emails)
        signups = self.env["talent.signup"].sudo().with_context(active_test=False).search(signup_domain)
        if signups:
            self.env["ir.attachment"].sudo().search(
                [("res_model", "=", "talent.signup"), ("res_id", "in", signups.ids)]
            ).unlink()
            signups.unlink()

    @api.model
    def _talent_erase_documents(self, model, res_ids, wipe_tracking=False, keep_bodies=False):
        """Erase what documents of ``model`` hold in their chatter: message bodies and
        subjects, outgoing mails, tracking values (only the personal fields unless
        ``wipe_tracking``) and files, attached to the documents or to their messages
        (deleted). ``keep_bodies`` leaves the bodies (notes written by talent_crm)."""
        if not res_ids:
            return
        messages = self.env["mail.message"].sudo().search([("model", "=", model), ("res_id", "in", res_ids)])
        if messages:
            if not keep_bodies:
                self._talent_erase_messages(messages)
            tracking = self.env["mail.tracking.value"].sudo().search([("mail_message_id", "in", messages.ids)])
            if not wipe_tracking:
                personal = self.env["ir.model.fields"].sudo().search(
                    [("model", "=", model), ("name", "in", list(self._talent_personal_tracked_fields()))]
                )
                tracking = tracking.filtered(lambda t: t.field_id in personal)
            tracking.unlink()
        self.env["ir.attachment"].sudo().search([("res_model", "=", model), ("res_id", "in", res_ids)]).unlink()

    @api.model
    def _talent_personal_tracked_fields(self):
        return {
            "name",
            "email",
            "phone",
            "partner_name",
            "email_from",
            "partner_phone",
            "linkedin_profile",
            "talent_github_url",
            "talent_xing_url",
            "talent_website_url",
            "talent_current_title",
            "talent_current_company",
            "talent_city",
            "talent_do_not_contact_reason",
            "availability",
        }
    # ------------------------------------------------------------
    # Data hygiene: bounces, merged touch history
    # ------------------------------------------------------------

    @api.model
    def _talent_register_hard_bounce(self, email):
        """A message to ``email`` bounced permanently: flag the people and their talents.

        Calls :meth:`hr.applicant._talent_on_hard_bounce` on the talents of that address,
        the hook other features extend (nurture stops sequences there).
        """
        email = tools.email_normalize(email or "")
        if not email:
            return self.env["hr.applicant"]
        partners = self.sudo().with_context(active_test=False).search([("email_normalized", "=", email)])
        partners.filtered(lambda p: p.talent_bounced_email != email).write(
            {"talent_bounced_email": email, "talent_email_bounce_date": fields.Datetime.now()}
        )
        talents = self.env["hr.applicant"].sudo().search(
            self.env["hr.applicant"]._talent_domain()
            & (Domain("email_normalized", "=", email) | Domain("partner_id", "in", partners.ids))
        )
        return talents._talent_on_hard_bounce(email)

    def _message_reset_bounce(self, email):
        """A message from the address came in: it works again."""
        result = super()._message_reset_bounce(email)
        self.sudo().filtered("talent_bounced_email").write(
            {"talent_bounced_email": False, "talent_email_bounce_date": False}
        )
        return result

    def _talent_recompute_touch_dates(self, forget=None):
        """Set the last touch and engagement dates from the touches (after a merge, or when a
        touch is withdrawn): see ``talent.touch._talent_recompute_partner_dates``."""
        self.env["talent.touch"]._talent_recompute_partner_dates(self, forget=forget)

    # ------------------------------------------------------------
    # Frequency caps
    # ------------------------------------------------------------
    # The cap API is the single place every outbound channel asks before touching someone:
    # nurture sequences, campaigns, job alerts. Caps never block: a capped touch waits until
    # _talent_cap_next_allowed() says it may go.

    @api.model
    def _talent_cap_frequency_days(self):
        """Days between touches a person asks for with ``talent_contact_frequency``."""
        return {"monthly": 30, "quarterly": 91}

    @api.model
    def _talent_warm_talent_domain(self):
        """The warm pipeline, on ``hr.applicant``: the lead was activated, or an ongoing
        application (another applicant, for a job) links to the talent (``pool_applicant_id``)."""
        Applicant = self.env["hr.applicant"].sudo()
        applications = Applicant._search(
            Domain("active", "=", True)
            & Domain("job_id", "!=", False)
            & Domain("application_status", "in", ["ongoing"])
            & Domain("pool_applicant_id", "!=", False)
        )
        table = applications.table
        applications.add_where(SQL("%s <> %s", SQL.identifier(table, "id"), SQL.identifier(table, "pool_applicant_id")))
        return Domain("talent_lead_state", "=", "activated") | Domain(
            "id", "any!", applications.subselect(SQL.identifier(table, "pool_applicant_id"))
        )

    @api.model
    def _talent_warm_partners_sql(self):
        """Subquery of the people in a warm pipeline: one of their talents (active, in a pool)
        is warm (:meth:`_talent_warm_talent_domain`). Their frequency cap is the company's warm
        one; campaigns read it in SQL, :meth:`_talent_cap_intervals` for a set of people."""
        Applicant = self.env["hr.applicant"].sudo()
        talents = Applicant._search(
            Domain("active", "=", True)
            & Domain("partner_id", "!=", False)
            & Domain("talent_pool_ids", "!=", False)
            & self._talent_warm_talent_domain()
        )
        return talents.subselect(SQL.identifier(talents.table, "partner_id"))

    @api.model
    def _talent_cap_days_sql(self, company, warm, frequency):
        """The minimum days between two counted touches from ``company``, as an SQL expression:
        the company's cap for the warm pipeline (``warm``, an SQL condition) or for passive
        people, tightened by the person's contact frequency (``frequency``, SQL of
        ``talent_contact_frequency``). 0 means "no cap"."""
        base = SQL(
            "CASE WHEN %s THEN %s ELSE %s END",
            warm,
            company.talent_cap_warm_days or 0,
            company.talent_cap_passive_days or 0,
        )
        asked = SQL(
            "CASE %s %s ELSE 0 END",
            frequency,
            SQL(" ").join(SQL("WHEN %s THEN %s", key, days) for key, days in self._talent_cap_frequency_days().items()),
        )
        return SQL("CASE WHEN %(base)s > 0 THEN greatest(%(base)s, %(asked)s) ELSE 0 END", base=base, asked=asked)

    def _talent_cap_intervals(self, company=None):
        """Minimum time between two counted touches, per partner of ``self``.

        Returns ``{partner_id: timedelta}``: :meth:`_talent_cap_days_sql` for each of them, in
        one query. A zero timedelta means "no cap".
        """
        company = company or self.env.company
        partners = self.sudo()
        if not partners:
            return {}
        query = Query(self.env, partners._table, partners._table_sql)
        id_sql = SQL.identifier(partners._table, "id")
        query.add_where(SQL("%s = ANY(%s)", id_sql, list(partners.ids)))
        days = self._talent_cap_days_sql(
            company,
            SQL("%s IN %s", id_sql, self._talent_warm_partners_sql()),
            # company-dependent: the value for ``company`` (or the default), not the env's company's
            partners.with_company(company)._field_to_sql(partners._table, "talent_contact_frequency", query),
        )
        rows = self.env.execute_query(query.select(id_sql, days))
        return {partner_id: timedelta(days=days) for partner_id, days in rows}

    def _talent_cap_next_allowed(self, company=None, now=None, intervals=None):
        """When each partner of ``self`` may receive the next counted touch from ``company``.

        Returns ``{partner_id: datetime}`` for every partner: ``now`` when a touch is allowed
        right away, a later datetime when the cap postpones it. Counted touches are the
        ``talent.touch`` records with ``counts_toward_cap`` of that company (every channel,
        every sequence, campaigns included). Set-based: a fixed number of queries whatever
        the number of partners. ``intervals`` (from :meth:`_talent_cap_intervals`) saves
        computing them again when the caller has them.
        """
        company = company or self.env.company
        now = now or fields.Datetime.now()
        if intervals is None:
            intervals = self._talent_cap_intervals(company)
        longest = max(intervals.values(), default=timedelta())
        last_touch = {}
        if longest:
            groups = self.env["talent.touch"].sudo()._read_group(
                Domain("partner_id", "in", self.ids)
                & Domain("company_id", "=", company.id)
                & Domain("counts_toward_cap", "=", True)
                & Domain("date", ">", now - longest),
                ["partner_id"],
                ["date:max"],
            )
            last_touch = {partner.id: date for partner, date in groups}
        next_allowed = {}
        for partner_id, interval in intervals.items():
            last = last_touch.get(partner_id)
            next_allowed[partner_id] = max(now, last + interval) if last and interval else now
        return next_allowed

    def _talent_cap_lock(self):
        """Lock the partners of ``self`` for the current transaction, skipping those locked elsewhere.

        Senders call this before reading the caps of a batch, so that two workers (two
        sequences, a sequence and a campaign) never both decide to touch the same person.
        Creating the touch updates the partner row, so a worker that read the caps before
        another one committed its touch gets a serialization failure and retries instead of
        sending twice. Returns the locked partners.
        """
        if not self:
            return self
        self.env.flush_all()
        return self.sorted("id").try_lock_for_update(allow_referencing=True)
