# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain


class TalentConsent(models.Model):
    """The legal basis on which the company keeps and contacts a person, per purpose.

    A record is never edited into something else: withdrawing sets a date, renewing
    creates a new record. That keeps the proof of what was agreed, when and how.
    """

    _name = "talent.consent"
    _description = "Talent Consent"
    _inherit = ["mail.thread"]
    _order = "date_given desc, id desc"
    _rec_name = "purpose"

    partner_id = fields.Many2one("res.partner", required=True, index=True, ondelete="cascade", tracking=True)
    talent_id = fields.Many2one("hr.applicant", index="btree_not_null", ondelete="set null")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    purpose = fields.Selection(
        [
            ("talent_pool", "Keep my profile in the talent pool"),
            ("communication", "Send me news and job alerts"),
        ],
        required=True,
        default="talent_pool",
    )
    legal_basis = fields.Selection(
        [
            ("consent", "Consent (Art. 6(1)(a) GDPR)"),
            ("contract", "Pre-contractual steps (Art. 6(1)(b) GDPR)"),
            ("legitimate_interest", "Legitimate interest (Art. 6(1)(f) GDPR)"),
        ],
        required=True,
        default="consent",
        tracking=True,
    )
    source = fields.Selection(
        [
            ("signup", "Sign-up form"),
            ("import", "Import"),
            ("recruiter", "Recruiter note"),
            ("ats", "Application"),
            ("renewal", "Renewal link"),
            ("referral", "Employee referral"),
            ("event", "Event"),
        ],
        required=True,
        default="recruiter",
    )
    date_given = fields.Datetime(required=True, default=fields.Datetime.now)
    date_expiry = fields.Date(
        string="Valid Until", help="After this date the consent must be renewed before the person is contacted again."
    )
    date_withdrawn = fields.Datetime(tracking=True)
    consent_text = fields.Text(help="The exact text the person agreed to.")
    text_version = fields.Char(help="Version of the consent text, e.g. 2026-01.")
    ip_address = fields.Char("IP Address", help="Recorded for consents given on the web.")
    state = fields.Selection(
        [("pending", "Awaiting confirmation"), ("valid", "Valid"), ("expired", "Expired"), ("withdrawn", "Withdrawn")],
        compute="_compute_state",
        search="_search_state",
    )
    # Double opt-in: a consent given on the web counts only once confirmed from the email.
    confirmation_required = fields.Boolean(
        string="Double Opt-in",
        readonly=True,
        help="Given on the web: valid only once the person confirms it from the email sent to the address.",
    )
    date_confirmed = fields.Datetime(string="Confirmed On", readonly=True, tracking=True)
    talent_topic_ids = fields.Many2many(
        "talent.topic",
        "talent_consent_talent_topic_rel",
        "consent_id",
        "topic_id",
        string="Topics",
        help="The topics the person chose when giving this consent.",
    )

    # Mailing audiences check every person's communication consent: read from this index
    # alone (what decides its state is included), not from the table.
    _communication_idx = models.Index(
        "(partner_id) INCLUDE (company_id, confirmation_required, date_confirmed, date_expiry)"
        " WHERE purpose = 'communication' AND date_withdrawn IS NULL"
    )

    @api.depends("date_withdrawn", "date_expiry", "confirmation_required", "date_confirmed")
    def _compute_state(self):
        today = fields.Date.context_today(self)
        for consent in self:
            if consent.date_withdrawn:
                consent.state = "withdrawn"
            elif consent.confirmation_required and not consent.date_confirmed:
                consent.state = "pending"
            elif consent.date_expiry and consent.date_expiry < today:
                consent.state = "expired"
            else:
                consent.state = "valid"

    def _search_state(self, operator, value):
        if operator != "in":
            return NotImplemented
        today = fields.Date.context_today(self)
        domains = []
        confirmed = Domain("confirmation_required", "=", False) | Domain("date_confirmed", "!=", False)
        if "pending" in value:
            domains.append(
                Domain("date_withdrawn", "=", False)
                & Domain("confirmation_required", "=", True)
                & Domain("date_confirmed", "=", False)
            )
        if "valid" in value:
            domains.append(
                Domain("date_withdrawn", "=", False)
                & confirmed
                & (Domain("date_expiry", "=", False) | Domain("date_expiry", ">=", today))
            )
        if "expired" in value:
            domains.append(Domain("date_withdrawn", "=", False) & confirmed & Domain("date_expiry", "<", today))
        if "withdrawn" in value:
            domains.append(Domain("date_withdrawn", "!=", False))
        return Domain.OR(domains) if domains else Domain.FALSE

    @api.constrains("date_given", "date_expiry", "date_withdrawn")
    def _check_dates(self):
        for consent in self:
            if consent.date_expiry and consent.date_expiry < consent.date_given.date():
                raise ValidationError(self.env._("A consent cannot expire before it was given."))
            if consent.date_withdrawn and consent.date_withdrawn < consent.date_given:
                raise ValidationError(self.env._("A consent cannot be withdrawn before it was given."))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                # a confirmation is proven by the person's click, never typed in
                if vals.get("date_confirmed") or vals.get("date_withdrawn"):
                    raise AccessError(
                        self.env._("A consent is recorded as given: its confirmation or withdrawal comes later.")
                    )
        for vals in vals_list:
            self._talent_default_expiry(vals)
        return super().create(vals_list)

    def write(self, vals):
        """Consents are evidence: only the withdrawal is written, once. talent_crm's own code
        (confirmation, merge, erasure) writes as superuser."""
        if not self.env.su and self and vals:
            if set(vals) - {"date_withdrawn"} or not vals.get("date_withdrawn"):
                raise UserError(self.env._("A consent cannot be changed: withdraw it and record a new one."))
            if any(consent.date_withdrawn for consent in self):
                raise UserError(self.env._("This consent is already withdrawn."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_evidence(self):
        """Nobody deletes a consent through RPC, managers included: only talent_crm's own code
        (erasure, clean-ups) does, as superuser, which no RPC call ever is."""
        if not self.env.su:
            raise UserError(self.env._("A consent is evidence and cannot be deleted; withdraw it instead."))

    @api.model
    def _talent_default_expiry(self, vals):
        """A consent to keep the profile lasts as long as the company's retention period."""
        if vals.get("date_expiry") or vals.get("purpose", "talent_pool") != "talent_pool":
            return
        company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
        months = company.sudo().talent_retention_months
        if months > 0:
            given = fields.Datetime.to_datetime(vals.get("date_given")) or fields.Datetime.now()
            vals["date_expiry"] = given.date() + relativedelta(months=months)

    def action_withdraw(self):
        self.filtered(lambda c: not c.date_withdrawn).write({"date_withdrawn": fields.Datetime.now()})

    def _talent_confirm(self):
        """Record the double opt-in of pending consents; returns the consents confirmed now."""
        pending = self.filtered(lambda c: c.state == "pending")
        pending.write({"date_confirmed": fields.Datetime.now()})
        return pending

    # ------------------------------------------------------------
    # Issue 19: the "stay in our talent pool?" request of a refusal
    # ------------------------------------------------------------

    @api.model
    def _talent_confirm_pool_request(self, partner, company, ip_address=None):
        """The person clicked "Yes, keep my profile" in the request sent with the refusal: their
        pending pool consents of ``company`` are confirmed (double opt-in: the signed link reached
        their address, the click is theirs, recorded with its time and address) and, when they
        have no talent in ``company`` yet, their latest application joins the Runners-up pool.
        Returns the consents confirmed now (none when there was nothing to confirm)."""
        partner = partner.sudo()
        pending = self.sudo().search(
            [
                ("partner_id", "=", partner.id),
                ("company_id", "=", company.id),
                ("purpose", "=", "talent_pool"),
                ("source", "=", "ats"),
                ("state", "in", ["pending"]),
            ]
        )
        if not pending:
            return pending
        if ip_address:
            pending.write({"ip_address": ip_address})
        confirmed = pending._talent_confirm()
        talent = partner._talent_get_company_talent(company)
        if not talent:
            applications = self.env["hr.applicant"].sudo().with_context(active_test=False).search(
                [("partner_id", "=", partner.id), ("company_id", "=", company.id), ("job_id", "!=", False)],
                order="id desc",
                limit=1,
            )
            pool = company._talent_get_runners_up_pool() or company._talent_get_default_pool()
            if applications:
                talent = applications._talent_crm_ensure_talents(pools=pool).get(applications.id, talent)
        if talent:
            confirmed.filtered(lambda c: not c.talent_id).write({"talent_id": talent.id})
            if not talent.active:
                talent.write({"active": True})
        partner._talent_log_community_event(
            company, self.env._("Confirmed with one click to stay in the talent pool.")
        )
        return confirmed
