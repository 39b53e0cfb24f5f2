# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from markupsafe import Markup

from odoo import Command, api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from ..tools import profile_urls
from .talent_lead_state_log import LEAD_CLOSED_STATES

DEFAULT_REFERRER_DAILY_LIMIT = 10
# what the referrer sees of the person's progress: the talent's lead state, once it moved
# after the referral (an earlier state is the company's knowledge, not the referral's outcome)
STATE_BY_LEAD_STATE = {
    "captured": "received",
    "qualified": "in_touch",
    "activated": "in_touch",
    "converted": "interviewing",
    "hired": "hired",
    "not_interested": "closed",
    "do_not_contact": "closed",
}
# reasons why a known person is left alone: they asked not to be contacted, or to be erased
HARD_BLOCKERS = {"do_not_contact", "blacklisted", "erasure_requested"}
# fields only the referral's own processing writes
SYSTEM_FIELDS = ("talent_id", "talent_known", "talent_skip_reason", "date_referred", "department_id")


class TalentReferral(models.Model):
    """An employee recommends someone: the person becomes a talent of the company.

    Every internal user can refer; a referrer reads their own referrals only, with what they
    typed and a status that tells how far the person got (received, in touch, interviewing,
    hired, closed) and nothing else. Recruiters (Talent CRM users) read every referral of their
    companies with the talent it made or found.

    On creation, as superuser and under the claim on the address, the person is found by
    address among the company's talents (never duplicated) or created through the same path as
    the web sign-up (``talent.signup._talent_create_talent``), with the source "Employee
    referral", the legitimate interest of the company as legal basis and an information email
    (Art. 14 GDPR) that offers to object or to join the talent community. A person who asked not
    to be contacted, is blacklisted or asked for erasure is left alone.
    """

    _name = "talent.referral"
    _description = "Employee Referral"
    _order = "date_referred desc, id desc"

    name = fields.Char(required=True, help="Name of the person you refer.")
    email = fields.Char(required=True, help="The person's email address: they receive an information email.")
    profile_url = fields.Char(string="Profile URL", help="LinkedIn, GitHub, Xing or a personal website.")
    job_id = fields.Many2one(
        "hr.job",
        string="Job Position",
        ondelete="set null",
        domain="[('company_id', 'in', [company_id, False])]",
        help="The open position you think of, if any.",
    )
    role_family_id = fields.Many2one(
        "talent.role.family",
        string="Field of Work",
        ondelete="set null",
        domain="[('company_id', 'in', [company_id, False])]",
    )
    relationship = fields.Selection(
        [
            ("colleague", "Current or former colleague"),
            ("network", "Professional network"),
            ("education", "Studied or trained together"),
            ("friend", "Friend or family"),
            ("event", "Met at an event"),
            ("other", "Other"),
        ],
        string="How Do You Know the Person?",
        required=True,
        default="colleague",
    )
    note = fields.Text(help="Why this person: strengths, what they are looking for, when they could start.")
    referrer_id = fields.Many2one(
        "res.users",
        string="Referred By",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
        default=lambda self: self._default_referrer_id(),
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Referrer's Department",
        readonly=True,
        ondelete="set null",
        help="The referrer's department when the referral was made.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self._default_company_id()
    )
    date_referred = fields.Datetime(string="Referred On", required=True, readonly=True, default=fields.Datetime.now)
    state = fields.Selection(
        [
            ("received", "Received"),
            ("in_touch", "In touch"),
            ("interviewing", "Interviewing"),
            ("hired", "Hired"),
            ("closed", "Closed"),
        ],
        string="Status",
        compute="_compute_state",
        store=True,
        index=True,
        help="How far the person got since your referral. Nothing else about the person is shown.",
    )
    converted_count = fields.Integer(
        string="Converted", compute="_compute_state", store=True, aggregator="sum",
        help="1 when the person is in an application or hired since the referral.",
    )
    hired_count = fields.Integer(string="Hires", compute="_compute_state", store=True, aggregator="sum")
    talent_id = fields.Many2one(
        "hr.applicant",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        groups="talent_crm.group_talent_crm_user",
    )
    talent_applicant_id = fields.Many2one(
        "hr.applicant",
        string="Talent or Application",
        compute="_compute_talent_applicant_id",
        search="_search_talent_applicant_id",
        groups="talent_crm.group_talent_crm_user",
        help="Search only: the referrals of the person of an application or a talent.",
    )
    talent_known = fields.Boolean(
        string="Already Known",
        readonly=True,
        groups="talent_crm.group_talent_crm_user",
        help="The person was already a talent of the company: nothing was duplicated and no email sent.",
    )
    talent_skip_reason = fields.Char(
        string="Not Added Because",
        readonly=True,
        groups="talent_crm.group_talent_crm_user",
    )

    # ------------------------------------------------------------
    # Defaults, computes
    # ------------------------------------------------------------

    def _default_referrer_id(self):
        return self.env.user

    def _default_company_id(self):
        return self.env.company

    @api.depends("talent_id.talent_lead_state", "talent_id.talent_lead_state_date", "talent_id.active", "date_referred")
    def _compute_state(self):
        for referral in self:
            # read as superuser: the referrer has no access to the talent, only to this status
            talent = referral.sudo().talent_id
            state = "received"
            moved = talent.talent_lead_state_date
            if talent and moved and referral.date_referred and moved >= referral.date_referred:
                state = STATE_BY_LEAD_STATE.get(talent.talent_lead_state, "received")
            if talent and not talent.active:
                state = "closed"
            referral.state = state
            referral.converted_count = int(state in ("interviewing", "hired"))
            referral.hired_count = int(state == "hired")

    def _compute_talent_applicant_id(self):
        for referral in self:
            referral.talent_applicant_id = referral.talent_id

    def _search_talent_applicant_id(self, operator, value):
        """Referrals point to the talent; an application reaches it through its
        ``pool_applicant_id`` (the smart button of the applicant form searches this way)."""
        if operator != "in":
            return NotImplemented
        applicants = self.env["hr.applicant"].with_context(active_test=False).browse(
            [v for v in value if isinstance(v, int)]
        )
        talents = applicants.pool_applicant_id | applicants.filtered("talent_pool_ids")
        return Domain("talent_id", "in", talents.ids)

    # ------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------

    @api.constrains("email")
    def _check_email(self):
        Applicant = self.env["hr.applicant"]
        for referral in self:
            if not Applicant._talent_is_valid_email(referral.email):
                raise ValidationError(
                    self.env._("%(email)s is not a valid email address.", email=referral.email or "")
                )

    # ------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        recruiter = self.env.su or self.env.user.has_group("talent_crm.group_talent_crm_user")
        for vals in vals_list:
            for fname in SYSTEM_FIELDS:
                vals.pop(fname, None)
            # an employee refers in their own name; recruiters may record a referral for someone
            if not recruiter or not vals.get("referrer_id"):
                vals["referrer_id"] = self.env.uid
            vals["email"] = tools.email_normalize(vals.get("email") or "") or (vals.get("email") or "").strip()
            if vals.get("name"):
                vals["name"] = vals["name"].strip()
            if vals.get("profile_url"):
                vals["profile_url"] = self._talent_normalize_profile_url(vals["profile_url"])
        self._talent_check_daily_limit(vals_list)
        referrals = super().create(vals_list)
        referrals._talent_set_department()
        referrals._talent_process()
        return referrals

    def write(self, vals):
        if not self.env.su and set(vals) & {"email", "name", "referrer_id", "company_id", *SYSTEM_FIELDS}:
            raise UserError(self.env._("A referral keeps the person and the referrer it was made for."))
        return super().write(vals)

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_talent_send(self):
        """The "Send Referral" button of a new referral: the form saves the referral (which
        processes it) before calling this; employees, who cannot edit a referral, have no other
        save button. Nothing more to do: the form shows the referral with its status."""
        self.ensure_one()
        return False

    def action_open_talent(self):
        self.ensure_one()
        return self.talent_id.get_formview_action()

    # ------------------------------------------------------------
    # Business
    # ------------------------------------------------------------

    @api.model
    def _talent_normalize_profile_url(self, url):
        Applicant = self.env["hr.applicant"]
        try:
            _kind, normalized = profile_urls.normalize(url)
        except profile_urls.InvalidProfileUrl as error:
            raise ValidationError(
                self.env._(
                    "%(value)s is not a profile address we can use: %(reason)s.",
                    value=url,
                    reason=Applicant._talent_url_error_reasons().get(error.code, error.code),
                )
            ) from error
        return normalized or False

    @api.model
    def _talent_daily_limit(self):
        value = self.env["ir.config_parameter"].sudo().get_param("talent_crm.referral_daily_limit")
        try:
            return max(int(value), 1) if value else DEFAULT_REFERRER_DAILY_LIMIT
        except ValueError:
            return DEFAULT_REFERRER_DAILY_LIMIT

    @api.model
    def _talent_check_daily_limit(self, vals_list):
        """A referrer makes at most ``talent_crm.referral_daily_limit`` referrals a day (10 by
        default): referrals are for people one knows, not for lists."""
        if self.env.su:
            return
        limit = self._talent_daily_limit()
        since = fields.Datetime.now() - timedelta(days=1)
        per_referrer = {}
        for vals in vals_list:
            per_referrer[vals["referrer_id"]] = per_referrer.get(vals["referrer_id"], 0) + 1
        groups = self.sudo()._read_group(
            [("referrer_id", "in", list(per_referrer)), ("date_referred", ">", since)], ["referrer_id"], ["__count"]
        )
        done = {user.id: count for user, count in groups}
        for referrer_id, count in per_referrer.items():
            if done.get(referrer_id, 0) + count > limit:
                raise UserError(
                    self.env._("You can refer up to %(limit)s people a day. Please try again tomorrow.", limit=limit)
                )

    def _talent_set_department(self):
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search([("user_id", "in", self.referrer_id.ids), ("company_id", "in", self.company_id.ids)])
        )
        department = {(e.user_id.id, e.company_id.id): e.department_id for e in employees}
        for referral in self.sudo():
            dept = department.get((referral.referrer_id.id, referral.company_id.id))
            if dept:
                referral.department_id = dept

    def _talent_process(self):
        """Find or create the talent of each referral, record the legal basis and inform the
        person (new talents only: a known person was informed when they became a talent)."""
        referrals = self.sudo()
        self.env["talent.identity.claim"]._talent_claim(referrals.mapped("email"))
        for referral in referrals:
            referral._talent_process_one()

    def _talent_process_one(self):
        self.ensure_one()
        Signup = self.env["talent.signup"].sudo()
        company = self.company_id
        tag = self.env.ref("talent_crm.hr_applicant_category_referral", raise_if_not_found=False)
        source = self.env.ref("talent_crm.utm_source_referral")
        talent = Signup._talent_find_talent(company, self.email)
        partner = talent.partner_id or self.env["res.partner"].sudo().search(
            [("email_normalized", "=", self.email)], order="id", limit=1
        )
        lang = partner._talent_record_lang(company) if partner else company.partner_id.lang
        described = self.with_context(lang=lang)
        blocked = self._talent_hard_blockers(partner, company)
        if blocked or (talent and (not talent.active or talent.talent_lead_state in LEAD_CLOSED_STATES)):
            self.write(
                {
                    "talent_id": talent.id if talent and talent.active else False,
                    "talent_known": bool(talent or partner),
                    "talent_skip_reason": described.env._(
                        "The person asked not to be contacted, is blacklisted or asked for erasure: left alone."
                    ),
                }
            )
            return
        profile = {}
        if self.profile_url:
            kind = profile_urls.detect_kind(self.profile_url)
            profile[profile_urls.FIELD_BY_KIND[kind]] = self.profile_url
        if self.role_family_id:
            profile["talent_role_family_id"] = self.role_family_id.id
        if tag:
            profile["categ_ids"] = [Command.link(tag.id)]
        if talent:
            talent._talent_fill_from_vals(profile)
            if not talent.source_id:
                talent.source_id = source
            self.write({"talent_id": talent.id, "talent_known": True})
        else:
            talent = Signup._talent_create_talent(
                company,
                self.email,
                name=self.name,
                lang=lang,
                profile=profile,
                pools=company._talent_get_default_pool(),
                source=source,
                join_method="other",
                lead_origin="system",
            )
            self.write({"talent_id": talent.id, "talent_known": False})
            self.env["talent.consent"].sudo().create(
                {
                    "partner_id": talent.partner_id.id,
                    "talent_id": talent.id,
                    "company_id": company.id,
                    "purpose": "talent_pool",
                    "legal_basis": "legitimate_interest",
                    "source": "referral",
                    "consent_text": described.env._(
                        "Referred by %(referrer)s; kept on the company's legitimate interest and informed "
                        "by email (Art. 14 GDPR).",
                        referrer=self.referrer_id.name,
                    ),
                }
            )
        self._talent_log_on_talent(talent, lang)
        if not self.talent_known:
            self._talent_send_notice(talent)

    def _talent_hard_blockers(self, partner, company):
        """Whether the person must be left alone: do not contact, blacklisted, erasure asked."""
        self.ensure_one()
        if partner:
            blockers = partner._talent_contact_blockers("email", company=company)
            return bool(HARD_BLOCKERS & set(blockers.get(partner.id, [])))
        return bool(self.env["mail.blacklist"].sudo().search_count([("email", "=", self.email)], limit=1))

    def _talent_log_on_talent(self, talent, lang):
        """Recruiters see the referrer in the talent's chatter (and applications created from
        it reach the referral through the smart button)."""
        self.ensure_one()
        described = self.with_context(lang=lang)
        relationship = dict(self._fields["relationship"]._description_selection(described.env)).get(
            self.relationship, ""
        )
        lines = [described.env._("How they know each other: %(relationship)s", relationship=relationship)]
        if self.job_id:
            lines.append(described.env._("Position: %(job)s", job=self.job_id.name))
        if self.note:
            lines.append(described.env._("Note: %(note)s", note=self.note))
        body = Markup("<p>%s</p><ul>%s</ul>") % (
            described.env._("Referred by %(referrer)s.", referrer=self.referrer_id.name),
            Markup().join(Markup("<li>%s</li>") % line for line in lines),
        )
        talent.sudo()._message_log(body=body)

    def _talent_send_notice(self, talent):
        """The information email to the person (Art. 14 GDPR): who referred them, what is kept,
        the preference-centre link (made per recipient when the email leaves) to object, and
        the talent community's sign-up page."""
        self.ensure_one()
        template = self.env.ref("talent_crm.mail_template_talent_referral_notice", raise_if_not_found=False)
        if not template:
            return
        template.sudo().with_context(talent_referrer_name=self.referrer_id.name).send_mail(
            talent.id, email_layout_xmlid="talent_crm.mail_layout_talent_community"
        )
        # the referral's notice is the person's Art. 14 information: the daily run does not send another
        talent.sudo().talent_information_date = fields.Datetime.now()
        self.env["talent.touch"].sudo().create(
            {
                "partner_id": talent.partner_id.id,
                "talent_id": talent.id,
                "company_id": talent.company_id.id,
                "summary": self.env._("Informed about the referral (Art. 14 GDPR)."),
                "channel": "email",
                "direction": "outbound",
                "origin": "community",
                "counts_toward_cap": False,
                "user_id": False,
            }
        )
