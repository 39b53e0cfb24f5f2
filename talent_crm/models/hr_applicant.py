# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from collections import defaultdict

import psycopg2
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import Command, api, fields, models, tools
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL, sql
from odoo.tools.mail import single_email_re

from ..tools import dedup, profile_urls
from ..tools.text_search import MATCH_TS_CONFIGS
from .res_partner import check_lifecycle_vals
from .talent_lead_state_log import (
    LEAD_CLOSED_STATES,
    LEAD_STATES,
    LEAD_SYSTEM_STATES,
)

_logger = logging.getLogger(__name__)

# emails looked up (and contacts created) per call when a batch of applicants is created
PARTNER_PREFETCH_SLICE = 100

# talent_crm's fields of the contact are for Talent CRM users; on the applicant, Recruitment
# (interviewers included) keeps seeing them as before.
INTERVIEWER = "hr_recruitment.group_hr_recruitment_interviewer"
# Lifecycle markers of a talent: written by talent_crm's own code (as superuser), never by hand.
APPLICANT_LIFECYCLE_FIELDS = frozenset(
    {
        "talent_anonymized_date",
        "talent_retention_notice_date",
        "talent_retention_date",
        "talent_refuse_reason_id",
        "talent_refuse_date",
        "talent_lead_state_date",
        "talent_objection_date",
    }
)
# Writing one of these fields is an update of the profile (see ``talent_is_stale``).
TALENT_PROFILE_FIELDS = {
    "partner_name", "email_from", "partner_phone", *profile_urls.FIELD_BY_KIND.values(),
    "talent_current_title", "talent_current_company", "talent_country_id", "talent_city",
    "talent_role_family_id", "talent_seniority_id", "talent_availability", "availability", "talent_remote_preference",
    "applicant_skill_ids", "type_id",
}
# CV text indexed per attachment (characters); tsvector values are limited to 1 MB.
CV_TEXT_LIMIT = 100000


class HrApplicant(models.Model):
    """A talent is Odoo 19's pool applicant: an ``hr.applicant`` without a job, in pools.

    talent_crm adds the profile a recruiting CRM segments and ranks people by. Facts about
    the person rather than the profile (consent, preferences, touches) live on the partner,
    which the talent and all its applications share.

    Features, one section each below: talent pool basics, the lead funnel, the hand-over to
    Recruitment (ATS), nurture (enrollments, merge fields of the sequence templates, and the
    hooks that end an enrollment when the person applies or replies), job alerts (merge fields
    of the job alert email), matching (pool membership log and full-text search columns), data
    hygiene, privacy and retention; crons last.
    """

    _inherit = "hr.applicant"

    # matching: every column its score bound and its candidates read, in a narrow index that
    # PostgreSQL scans instead of the wide applicant rows (see hr.job._talent_match_scope)
    _talent_match_idx = models.Index(
        "(id) INCLUDE (company_id, partner_id, type_id, talent_seniority_id, talent_remote_preference,"
        " talent_country_id, talent_availability, availability, talent_last_engagement_date,"
        " talent_last_contact_date) WHERE active IS TRUE AND talent_anonymized_date IS NULL"
    )

    # ------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------

    talent_role_family_id = fields.Many2one(
        "talent.role.family", string="Role Family", index="btree_not_null", tracking=True
    )
    talent_seniority_id = fields.Many2one("talent.seniority", string="Seniority", tracking=True)
    talent_current_title = fields.Char(string="Current Title")
    talent_current_company = fields.Char(string="Current Company")
    talent_country_id = fields.Many2one("res.country", string="Country")
    talent_city = fields.Char(string="City")
    talent_remote_preference = fields.Selection(
        [
            ("onsite", "On site"),
            ("hybrid", "Hybrid"),
            ("remote", "Remote"),
            ("flexible", "Flexible"),
        ],
        string="Remote Preference",
    )
    talent_availability = fields.Selection(
        [("open", "Open to offers"), ("not_now", "Not now"), ("unknown", "Unknown")],
        string="Availability Status",
        default="unknown",
        required=True,
        tracking=True,
        help="Whether the person is open to offers. The date tells from when.",
    )
    talent_github_url = fields.Char(string="GitHub Profile")
    talent_xing_url = fields.Char(string="Xing Profile")
    talent_website_url = fields.Char(string="Website")
    talent_do_not_contact = fields.Boolean(
        related="partner_id.talent_do_not_contact", readonly=False, string="Do Not Contact", groups=INTERVIEWER
    )
    talent_last_contact_date = fields.Datetime(
        related="partner_id.talent_last_touch_date", store=True, string="Last Contacted", groups=INTERVIEWER
    )
    talent_last_engagement_date = fields.Datetime(
        related="partner_id.talent_last_engagement_date", store=True, string="Last Engagement", groups=INTERVIEWER
    )
    talent_topic_ids = fields.Many2many(
        related="partner_id.talent_topic_ids", readonly=False, string="Topics", groups=INTERVIEWER
    )
    talent_touch_ids = fields.One2many(related="partner_id.talent_touch_ids", string="Touches", groups=INTERVIEWER)
    talent_consent_ids = fields.One2many(
        related="partner_id.talent_consent_ids", string="Consents", groups=INTERVIEWER
    )
    talent_application_ids = fields.Many2many(
        "hr.applicant",
        compute="_compute_talent_application_ids",
        string="Applications of this Talent",
    )
    talent_application_count = fields.Integer(compute="_compute_talent_application_ids")
    # Retention (talent community / GDPR)
    talent_retention_date = fields.Date(
        string="Keep Data Until",
        compute="_compute_talent_lifecycle",
        store=True,
        index="btree_not_null",
        help="End of the retention period of the legal basis: the consent to stay in the pool, the retention of "
        "applications after the last one closed, or the period of legitimate interest. Afterwards the person is "
        "archived and anonymised. Empty: kept (an ongoing application, hired, or no limit configured).",
    )
    talent_retention_notice_date = fields.Date(
        string="Renewal Requested On", readonly=True, copy=False
    )
    talent_information_date = fields.Datetime(
        string="Informed On",
        readonly=True,
        copy=False,
        help="When the person was sent the information of Art. 14 GDPR (what is kept, why, how long, how to "
        "object): people captured on legitimate interest (sourced, event or referral contacts) are told at the "
        "next daily run after their capture, at the latest within a month.",
    )
    # Data lifecycle by legal basis (issue 19): one basis per person and company, the same on the
    # talent and on each application of the person in the company
    talent_closed_date = fields.Date(
        string="Application Closed On",
        compute="_compute_talent_closed_date",
        store=True,
        copy=False,
        help="When this application was refused, withdrawn or archived: the retention of applications starts "
        "from the last one of the person.",
    )
    talent_linked_application_ids = fields.One2many(
        "hr.applicant", "pool_applicant_id", string="Linked Records", context={"active_test": False}
    )
    talent_objection_date = fields.Datetime(
        string="Objected On",
        readonly=True,
        copy=False,
        help="The person objected to the processing based on legitimate interest (Art. 21 GDPR).",
    )
    talent_legal_basis = fields.Selection(
        [
            ("application", "Application (Art. 6(1)(b) GDPR)"),
            ("consent", "Consent (Art. 6(1)(a) GDPR)"),
            ("legitimate_interest", "Legitimate interest (Art. 6(1)(f) GDPR)"),
            ("hired", "Hired: employee data"),
        ],
        string="Legal Basis",
        compute="_compute_talent_lifecycle",
        store=True,
        index="btree_not_null",
        help="Why the company may keep this person's data: an application, a consent to the talent pool, or a "
        "legitimate interest (sourced, event or referral contacts). Hired people leave the recruiting data "
        "lifecycle.",
    )
    talent_legal_basis_date = fields.Date(string="Legal Basis Since", compute="_compute_talent_lifecycle", store=True)
    talent_legal_basis_evidence = fields.Char(
        string="Evidence",
        compute="_compute_talent_lifecycle",
        store=True,
        help="What proves the legal basis: the application, the confirmed consent, or how the contact was "
        "captured.",
    )
    talent_retention_reason = fields.Selection(
        [
            ("consent", "End of the consent"),
            ("application", "End of the retention of applications"),
            ("legitimate_interest", "End of the legitimate interest"),
            ("objection", "Objection"),
        ],
        string="Anonymised Because",
        compute="_compute_talent_lifecycle",
        store=True,
    )
    talent_anonymized_date = fields.Datetime(string="Anonymised On", readonly=True, copy=False)
    # Lead funnel
    talent_lead_state = fields.Selection(
        LEAD_STATES,
        string="Lead State",
        compute="_compute_talent_lead_state",
        store=True,
        readonly=False,
        copy=False,
        index="btree_not_null",
        tracking=True,
        group_expand=True,
        help="Where the lead stands: Captured, Qualified, Activated (in a conversation about a concrete role), "
        "Converted (an application exists), Hired; or closed as Not Interested or Do Not Contact.",
    )
    talent_lead_state_date = fields.Datetime(
        string="In Lead State Since", compute="_compute_talent_lead_state_date", store=True, copy=False
    )
    talent_lead_close_reason = fields.Char(string="Closing Reason", copy=False, tracking=True)
    talent_refuse_reason_id = fields.Many2one(
        "hr.applicant.refuse.reason", string="Last Refusal Reason", copy=False, readonly=True
    )
    talent_refuse_date = fields.Datetime(string="Last Refused On", copy=False, readonly=True)
    talent_lead_state_log_ids = fields.One2many(
        "talent.lead.state.log", "talent_id", string="Lead History", groups="hr_recruitment.group_hr_recruitment_user"
    )
    # Data hygiene: duplicates, bounces, stale profiles, enrichment, CV
    # matching keys of the duplicate detection (read in SQL): technical, out of the filter and
    # rule editors except in debug mode
    talent_dedup_name = fields.Char(
        compute="_compute_talent_dedup_keys", store=True, index="trigram", string="Name Key",
        help="Folded name the duplicate detection compares (umlauts spelled out, titles dropped).",
        groups="base.group_no_one",
    )
    talent_dedup_company = fields.Char(
        compute="_compute_talent_dedup_keys", store=True, string="Company Key", groups="base.group_no_one"
    )
    talent_dedup_city = fields.Char(
        compute="_compute_talent_dedup_keys", store=True, string="City Key", groups="base.group_no_one"
    )
    talent_duplicate_count = fields.Integer(
        compute="_compute_talent_duplicate_count", string="Possible Duplicates",
    )
    talent_has_duplicate = fields.Boolean(
        compute="_compute_talent_duplicate_count", search="_search_talent_has_duplicate", string="Has Duplicates",
    )
    talent_email_bounced = fields.Boolean(
        related="partner_id.talent_email_bounced", store=True, string="Email Bounced", groups=INTERVIEWER,
    )
    talent_profile_date = fields.Datetime(
        string="Profile Updated", readonly=True, copy=False,
        help="Last time the profile itself (contact, position, location, skills, links) was changed.",
    )
    talent_is_stale = fields.Boolean(
        string="Stale Profile", compute="_compute_talent_is_stale", store=True, readonly=True,
        help="Neither updated nor engaged for longer than the company allows (Settings).",
    )
    talent_profile_url = fields.Char(
        string="Paste a Profile URL",
        compute="_compute_talent_profile_url",
        inverse="_inverse_talent_profile_url",
        help="Paste a LinkedIn, GitHub or Xing profile or a personal website: the address is normalised and "
        "stored in the matching field.",
    )
    talent_cv_suggestion_ids = fields.One2many(
        "talent.cv.suggestion", "talent_id", string="CV Suggestions", groups="talent_crm.group_talent_crm_user"
    )
    talent_cv_suggestion_count = fields.Integer(
        compute="_compute_talent_cv_suggestion_count",
        string="Pending CV Suggestions",
        groups="talent_crm.group_talent_crm_user",
    )
    # Nurture
    talent_sequence_enrollment_ids = fields.One2many(
        "talent.sequence.enrollment",
        "talent_id",
        string="Nurture Enrollments",
        groups="hr_recruitment.group_hr_recruitment_user",
    )
    talent_sequence_enrollment_count = fields.Integer(
        compute="_compute_talent_sequence_enrollment_count",
        string="Sequences",
        groups="hr_recruitment.group_hr_recruitment_user",
    )
    talent_nurture_first_name = fields.Char(
        compute="_compute_talent_nurture_first_name", string="First Name (merge field)"
    )
    talent_nurture_job_ids = fields.Many2many(
        "hr.job",
        compute="_compute_talent_nurture_job_ids",
        string="Matching Open Roles (merge field)",
        help="Up to three open positions sharing the most skills with the talent.",
    )
    # The person's history on each of their applications, read by contact (the talent's and the
    # application's): who may read touches, consents and enrollments sees them, nobody else
    talent_history_touch_ids = fields.Many2many(
        "talent.touch",
        compute="_compute_talent_history",
        string="Person's Touches",
        groups="hr_recruitment.group_hr_recruitment_user",
    )
    talent_history_consent_ids = fields.Many2many(
        "talent.consent",
        compute="_compute_talent_history",
        string="Person's Consents",
        groups="hr_recruitment.group_hr_recruitment_user",
    )
    talent_history_enrollment_ids = fields.Many2many(
        "talent.sequence.enrollment",
        compute="_compute_talent_history",
        string="Person's Nurture",
        groups="hr_recruitment.group_hr_recruitment_user",
    )
    # Job alerts
    talent_alert_job_id = fields.Many2one(
        "hr.job", compute="_compute_talent_alert_job_id", string="Job of the Alert (merge field)"
    )
    # No field holds a personal link: templates write the placeholders of
    # mail_render_mixin_campaign (/talent/my-preferences, /talent/my-job/<id>), replaced
    # for each recipient when the email leaves (mail_mail).
    # Talent pools: membership log
    talent_membership_ids = fields.One2many(
        "talent.pool.membership", "talent_id", string="Pool History", groups="hr_recruitment.group_hr_recruitment_user"
    )

    # ------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------

    @api.depends("pool_applicant_id")
    def _compute_talent_application_ids(self):
        groups = (
            self.with_context(active_test=False)
            ._read_group(
                [("pool_applicant_id", "in", self.ids), ("id", "not in", self.ids)],
                ["pool_applicant_id"],
                ["id:recordset"],
            )
        )
        per_talent = {talent.id: applications for talent, applications in groups}
        for applicant in self:
            applications = per_talent.get(applicant.id, self.browse())
            applicant.talent_application_ids = applications
            applicant.talent_application_count = len(applications)

    @api.depends("job_id", "active", "refuse_reason_id", "date_closed", "refuse_date")
    def _compute_talent_closed_date(self):
        """The day an application stopped being ongoing: refused (its refuse date), withdrawn or
        archived (the day it happened, kept afterwards); empty while ongoing or hired."""
        today = fields.Date.context_today(self)
        for applicant in self:
            if not applicant.job_id or applicant.application_status in ("ongoing", "hired"):
                applicant.talent_closed_date = False
            elif applicant.application_status == "refused" and applicant.refuse_date:
                applicant.talent_closed_date = applicant.refuse_date.date()
            else:
                applicant.talent_closed_date = applicant.talent_closed_date or today

    @api.depends(
        "create_date",
        "job_id",
        "company_id",
        "active",
        "refuse_reason_id",
        "date_closed",
        "talent_pool_ids",
        "talent_closed_date",
        "talent_objection_date",
        "talent_anonymized_date",
        "source_id",
        "partner_id.applicant_ids.active",
        "partner_id.applicant_ids.company_id",
        "partner_id.applicant_ids.job_id",
        "partner_id.applicant_ids.refuse_reason_id",
        "partner_id.applicant_ids.date_closed",
        "partner_id.applicant_ids.talent_closed_date",
        "partner_id.applicant_ids.talent_objection_date",
        "partner_id.applicant_ids.talent_anonymized_date",
        "pool_applicant_id",
        "talent_linked_application_ids.active",
        "talent_linked_application_ids.job_id",
        "talent_linked_application_ids.refuse_reason_id",
        "talent_linked_application_ids.date_closed",
        "talent_linked_application_ids.talent_closed_date",
        "talent_linked_application_ids.talent_objection_date",
        "talent_linked_application_ids.talent_anonymized_date",
        "pool_applicant_id.talent_linked_application_ids.active",
        "pool_applicant_id.talent_linked_application_ids.job_id",
        "pool_applicant_id.talent_linked_application_ids.refuse_reason_id",
        "pool_applicant_id.talent_linked_application_ids.date_closed",
        "pool_applicant_id.talent_linked_application_ids.talent_closed_date",
        "pool_applicant_id.talent_linked_application_ids.talent_objection_date",
        "pool_applicant_id.talent_pool_ids",
        "partner_id.talent_consent_ids.talent_id",
        "company_id.talent_retention_months",
        "company_id.talent_application_retention_months",
        "company_id.talent_legitimate_interest_months",
        "partner_id.talent_consent_ids.date_given",
        "partner_id.talent_consent_ids.date_expiry",
        "partner_id.talent_consent_ids.date_withdrawn",
        "partner_id.talent_consent_ids.date_confirmed",
        "partner_id.talent_consent_ids.legal_basis",
    )
    def _compute_talent_lifecycle(self):
        """The legal basis of the person in the applicant's company, and when their data goes.

        The person is the contact's talents and applications in that company (the record alone
        without a contact). Rules, first that applies:

        - hired in an application: out of the recruiting lifecycle, kept;
        - a consent to the pool or to messages (given, not awaiting its confirmation): *consent*,
          kept until the capture or the last pool consent plus the retention period;
        - an application: *application*, kept the retention of applications after the last one
          closed (a runner-up awaiting the confirmation of the pool consent is here too);
        - else *legitimate interest*: kept the period of legitimate interest after the capture, or
          until the objection.

        An ongoing application keeps everything; a closed application adds its retention to a
        consent or a legitimate interest ending sooner (the data of an application may be needed
        against claims).
        """
        for applicant in self:
            values = applicant._talent_lifecycle_values()
            if applicant.talent_anonymized_date:
                # gone: out of the deletion calendar, the basis stays for the statistics
                values.update(date=False, reason=False)
            applicant.talent_legal_basis = values["basis"]
            applicant.talent_legal_basis_date = values["basis_date"]
            applicant.talent_legal_basis_evidence = values["evidence"]
            applicant.talent_retention_date = values["date"]
            applicant.talent_retention_reason = values["reason"]

    def _talent_person_key(self):
        """Who this record is about, for the data lifecycle: its talent (a talent and the
        applications linked to it), else its contact in its company, else itself."""
        self.ensure_one()
        talent = self if self.talent_pool_ids else self.pool_applicant_id
        if talent:
            return ("talent", talent.id)
        if self.partner_id:
            return ("partner", self.partner_id.id, self.company_id.id)
        return ("record", self.id)

    def _talent_lifecycle_person(self):
        """The records of this record's person (see :meth:`_talent_person_key`), archived ones
        included, not anonymised (this record always)."""
        self.ensure_one()
        talent = self if self.talent_pool_ids else self.pool_applicant_id
        if talent:
            records = self | talent | talent.with_context(active_test=False).talent_linked_application_ids
        elif self.partner_id:
            records = self | self.partner_id.with_context(active_test=False).applicant_ids.filtered(
                lambda a: a.company_id == self.company_id and not a.pool_applicant_id and not a.talent_pool_ids
            )
        else:
            records = self
        return records.filtered(lambda a: a == self or not a.talent_anonymized_date)

    def _talent_lifecycle_values(self):
        self.ensure_one()
        nothing = {"basis": False, "basis_date": False, "evidence": False, "date": False, "reason": False}
        company = self.company_id
        person = self._talent_lifecycle_person()
        applications = person.filtered("job_id")
        talents = person.filtered("talent_pool_ids")
        if not applications and not talents:
            return nothing
        hired = applications.filtered(lambda a: a.application_status == "hired")
        if hired:
            last = hired.sorted(lambda a: a.date_closed or a.create_date)[-1]
            return dict(
                nothing,
                basis="hired",
                basis_date=(last.date_closed or last.create_date).date(),
                evidence=self.env._("Hired as %(job)s", job=last.job_id.name),
            )
        consents = self.partner_id.talent_consent_ids.filtered(
            lambda c: c.company_id == company
            and c.legal_basis == "consent"
            and c.state not in ("pending", "withdrawn")
            and (not c.talent_id or c.talent_id in person)
        )
        pool_consents = consents.filtered(lambda c: c.purpose == "talent_pool")
        # the communication consents count while valid; the pool consents also once expired (they end it)
        consents = pool_consents | consents.filtered(lambda c: c.state == "valid")
        ends = []
        if consents:
            last = consents.sorted(lambda c: c.date_confirmed or c.date_given)[-1]
            values = dict(
                nothing,
                basis="consent",
                basis_date=(last.date_confirmed or last.date_given).date(),
                evidence=self._talent_consent_evidence(last),
            )
            months = company.talent_retention_months
            if months <= 0:
                return values
            start = min([date for date in person.mapped("create_date") if date] or [fields.Datetime.now()]).date()
            ends.append((start + relativedelta(months=months), "consent"))
            ends += [
                (consent.date_expiry or consent.date_given.date() + relativedelta(months=months), "consent")
                for consent in pool_consents
            ]
        elif applications:
            last = applications.sorted(lambda a: (a.create_date or fields.Datetime.now(), a.id))[-1]
            values = dict(
                nothing,
                basis="application",
                basis_date=(last.create_date or fields.Datetime.now()).date(),
                evidence=self.env._("Application for %(job)s", job=last.job_id.name),
            )
        else:
            start = min([date for date in person.mapped("create_date") if date] or [fields.Datetime.now()])
            objections = person.filtered("talent_objection_date").mapped("talent_objection_date")
            source = talents[:1].source_id.name or self.env._("added by a recruiter")
            values = dict(
                nothing,
                basis="legitimate_interest",
                basis_date=start.date(),
                evidence=self.env._("Captured: %(origin)s", origin=source),
            )
            if objections:
                objection = min(objections).date()
                values["evidence"] = self.env._("Objected on %(date)s", date=fields.Date.to_string(objection))
                ends.append((objection, "objection"))
            else:
                months = company.talent_legitimate_interest_months
                if months <= 0:
                    return values
                ends.append((start.date() + relativedelta(months=months), "legitimate_interest"))
        if applications:
            if any(a.application_status == "ongoing" for a in applications):
                return values
            months = company.talent_application_retention_months
            if months <= 0:
                return values
            closed = max(applications.mapped(lambda a: a.talent_closed_date or fields.Date.context_today(a)))
            ends.append((closed + relativedelta(months=months), "application"))
        if ends:
            values["date"], values["reason"] = max(ends)
        return values

    def _talent_consent_evidence(self, consent):
        source = dict(consent._fields["source"]._description_selection(self.env)).get(consent.source, "")
        if consent.date_confirmed:
            return self.env._(
                "%(origin)s, confirmed by the person on %(date)s",
                origin=source,
                date=fields.Date.to_string(consent.date_confirmed.date()),
            )
        return self.env._(
            "%(origin)s, given on %(date)s", origin=source, date=fields.Date.to_string(consent.date_given.date())
        )

    @api.depends("applicant_skill_ids.skill_id")
    def _compute_skill_ids(self):
        # Same value as hr_recruitment_skills, written for the whole set at once: assigning a
        # stored many2many record by record costs one INSERT per applicant (bulk conversions).
        self._fields["skill_ids"].write_batch(
            [(applicant, [Command.set(applicant.applicant_skill_ids.skill_id.ids)]) for applicant in self]
        )

    @api.depends("talent_pool_ids")
    def _compute_talent_lead_state(self):
        for applicant in self:
            if not applicant.talent_pool_ids:
                applicant.talent_lead_state = False
            elif not applicant.talent_lead_state:
                applicant.talent_lead_state = "captured"

    @api.depends("talent_lead_state")
    def _compute_talent_lead_state_date(self):
        date = self.env.context.get("talent_lead_date") or fields.Datetime.now()
        for applicant in self:
            applicant.talent_lead_state_date = date if applicant.talent_lead_state else False

    @api.depends("partner_name", "talent_current_company", "talent_city")
    def _compute_talent_dedup_keys(self):
        for applicant in self:
            applicant.talent_dedup_name = dedup.normalize_name(applicant.partner_name)
            applicant.talent_dedup_company = dedup.normalize_company(applicant.talent_current_company)
            applicant.talent_dedup_city = dedup.normalize_city(applicant.talent_city)

    def _compute_talent_duplicate_count(self):
        duplicates = self.env["talent.duplicate"].sudo()
        counts = dict.fromkeys(self.ids, 0)
        for side in ("talent_id", "duplicate_id"):
            domain = Domain(side, "in", self.ids) & Domain("state", "=", "open")
            for talent, count in duplicates._read_group(domain, [side], ["__count"]):
                counts[talent.id] += count
        for applicant in self:
            applicant.talent_duplicate_count = counts.get(applicant.id, 0)
            applicant.talent_has_duplicate = bool(applicant.talent_duplicate_count)

    def _search_talent_has_duplicate(self, operator, value):
        if operator != "in":
            return NotImplemented
        open_pairs = self.env["talent.duplicate"].sudo()._search([("state", "=", "open")])
        domain = Domain("id", "in", open_pairs.subselect("talent_id")) | Domain(
            "id", "in", open_pairs.subselect("duplicate_id")
        )
        return domain if True in value else ~domain

    @api.depends("talent_profile_date", "talent_last_engagement_date", "talent_pool_ids")
    def _compute_talent_is_stale(self):
        now = fields.Datetime.now()
        stale_ids = set()
        # sudo: the engagement date is for Talent CRM users, staleness for everyone who sees the talent
        for company, applicants in self.sudo().grouped("company_id").items():
            if company:
                stale_ids.update(applicants.filtered_domain(self._talent_stale_domain(company, now))._ids)
        for applicant in self:
            applicant.talent_is_stale = applicant.id in stale_ids

    @api.model
    def _talent_stale_domain(self, company, now):
        """Talents of ``company`` whose profile is stale at ``now``: neither updated (the profile
        date, else the creation) nor engaged for the company's ``talent_stale_months``.

        The one definition of a stale profile: the compute of ``talent_is_stale`` filters the
        records in memory with it, and the daily cron (:meth:`_cron_talent_flag_stale`) runs it in
        SQL for every talent at once.
        """
        months = company.talent_stale_months
        if months <= 0:
            return Domain.FALSE
        cutoff = now - relativedelta(months=months)
        not_updated = Domain("talent_profile_date", "=", False)
        updated_before = Domain("talent_profile_date", "<", cutoff) | (not_updated & Domain("create_date", "<", cutoff))
        engaged_before = Domain("talent_last_engagement_date", "<", cutoff)
        # a record not saved yet (no creation date) is stale only by its engagement date
        never_saved = not_updated & Domain("create_date", "=", False)
        return (
            Domain("company_id", "=", company.id)
            & self._talent_domain()
            & (
                (updated_before & (Domain("talent_last_engagement_date", "=", False) | engaged_before))
                | (never_saved & engaged_before)
            )
        )

    def _compute_talent_profile_url(self):
        self.talent_profile_url = False

    def _inverse_talent_profile_url(self):
        for applicant in self:
            if applicant.talent_profile_url:
                applicant._talent_enrich_from_url(applicant.talent_profile_url)
        # an entry point only: nothing is kept in the paste field
        self.invalidate_recordset(["talent_profile_url"], flush=False)

    @api.depends("talent_cv_suggestion_ids.state")
    def _compute_talent_cv_suggestion_count(self):
        groups = self.env["talent.cv.suggestion"]._read_group(
            [("talent_id", "in", self.ids), ("state", "=", "pending")], ["talent_id"], ["__count"]
        )
        counts = {talent.id: count for talent, count in groups}
        for applicant in self:
            applicant.talent_cv_suggestion_count = counts.get(applicant.id, 0)

    def _compute_talent_sequence_enrollment_count(self):
        counts = {
            talent.id: count
            for talent, count in self.env["talent.sequence.enrollment"]._read_group(
                [("talent_id", "in", self.ids)], ["talent_id"], ["__count"]
            )
        }
        for applicant in self:
            applicant.talent_sequence_enrollment_count = counts.get(applicant.id, 0)

    @api.depends("partner_id", "pool_applicant_id.partner_id")
    def _compute_talent_history(self):
        """Touches, consents and nurture enrollments of the person, one search per model,
        with the reader's rights (record rules apply)."""
        partners_of = {applicant: applicant.partner_id | applicant.pool_applicant_id.partner_id for applicant in self}
        partners = self.env["res.partner"].union(*partners_of.values())
        for fname, model in (
            ("talent_history_touch_ids", "talent.touch"),
            ("talent_history_consent_ids", "talent.consent"),
            ("talent_history_enrollment_ids", "talent.sequence.enrollment"),
        ):
            Model = self.env[model]
            records = Model.search(Domain("partner_id", "in", partners.ids)) if partners else Model
            per_partner = records.grouped("partner_id")
            for applicant, person in partners_of.items():
                found = [per_partner[partner] for partner in person if partner in per_partner]
                if len(found) > 1:
                    # two contacts: keep the comodel's order
                    applicant[fname] = records.filtered(lambda r, person=person: r.partner_id in person)
                else:
                    applicant[fname] = found[0] if found else Model

    @api.depends("partner_name", "partner_id.name")
    def _compute_talent_nurture_first_name(self):
        for applicant in self:
            name = (applicant.partner_name or applicant.partner_id.name or "").strip()
            applicant.talent_nurture_first_name = name.split()[0] if name else ""

    @api.depends("skill_ids", "company_id")
    def _compute_talent_nurture_job_ids(self):
        """Batched for template rendering: one search of open jobs for the whole recordset."""
        Job = self.env["hr.job"].sudo()
        jobs = Job.search(Job._talent_open_job_domain() & Domain("company_id", "in", self.company_id.ids + [False]))
        job_skills = {job.id: set(job.job_skill_ids.skill_id.ids) for job in jobs}
        for applicant in self:
            skills = set(applicant.skill_ids.ids)
            scored = [
                (len(skills & job_skills[job.id]), job)
                for job in jobs
                if job.company_id in (applicant.company_id, self.env["res.company"]) and skills & job_skills[job.id]
            ]
            scored.sort(key=lambda pair: (-pair[0], pair[1].sequence, pair[1].id))
            applicant.talent_nurture_job_ids = [job.id for _score, job in scored[:3]]

    @api.depends_context("talent_job_alert_job_id")
    def _compute_talent_alert_job_id(self):
        job = self.env["hr.job"].sudo().browse(self.env.context.get("talent_job_alert_job_id") or []).exists()
        for applicant in self:
            applicant.talent_alert_job_id = job

    # ------------------------------------------------------------
    # Constraints and onchanges
    # ------------------------------------------------------------

    @api.constrains("email_from", "talent_pool_ids")
    def _check_talent_email(self):
        # talent_crm checks what it captures (its forms, import, sign-up: ``talent_crm_capture``);
        # Odoo's own Recruitment paths keep Odoo's rules for its fields
        if not self.env.context.get("talent_crm_capture"):
            return
        for talent in self:
            if talent.talent_pool_ids and talent.email_from and not self._talent_is_valid_email(talent.email_from):
                raise ValidationError(
                    self.env._(
                        "Email: %(email)s is not a valid email address (talent %(name)s).",
                        email=talent.email_from,
                        name=talent.partner_name,
                    )
                )

    @api.model
    def _talent_is_valid_email(self, value):
        """One well-formed address, bare or as ``Name <address>``, with a dotted domain."""
        emails = tools.email_split(value or "")
        if len(emails) != 1:
            return False
        email = emails[0]
        if "<" not in value and email.lower() != value.strip().lower():
            return False
        return bool(single_email_re.match(email)) and "." in email.rsplit("@", 1)[1]

    @api.constrains("partner_phone", "talent_pool_ids", "talent_country_id")
    def _check_talent_phone(self):
        if not self.env.context.get("talent_crm_capture"):
            return  # as for the email: Odoo's own paths keep Odoo's rules
        for talent in self:
            if not talent.talent_pool_ids or not talent.partner_phone:
                continue
            country = talent.talent_country_id or talent.partner_id.country_id or talent.company_id.country_id
            try:
                talent._phone_format(number=talent.partner_phone, country=country, raise_exception=True)
            except UserError as error:
                raise ValidationError(
                    self.env._(
                        "Phone: %(phone)s is not a valid phone number (talent %(name)s). %(reason)s "
                        "Use the international format, e.g. +49 30 1234567.",
                        phone=talent.partner_phone,
                        name=talent.partner_name,
                        reason=error.args[0],
                    )
                ) from error

    @api.onchange("talent_profile_url")
    def _onchange_talent_profile_url(self):
        if not self.talent_profile_url:
            return None
        try:
            values = self._talent_enrichment_values(self.talent_profile_url)
        except ValidationError as error:
            self.talent_profile_url = False
            return {"warning": {"title": self.env._("Profile URL"), "message": error.args[0]}}
        self.update(values)
        self.talent_profile_url = False
        return None

    @api.onchange("email_from", "linkedin_profile", "talent_github_url", "partner_phone")
    def _onchange_talent_warn_existing(self):
        """Tell the recruiter while typing that this person is already a talent."""
        if not self.talent_pool_ids:
            return None
        fnames = ("email_from", "linkedin_profile", "talent_github_url", "partner_phone")
        vals = {fname: self[fname] for fname in fnames}
        existing = self._talent_find_existing(vals, company=self.company_id)
        existing -= self._origin
        if not existing:
            return None
        return {
            "warning": {
                "title": self.env._("Already a talent"),
                "message": self.env._(
                    "%(name)s is already in your talent pools with the same contact data. "
                    "Open that profile instead of creating a duplicate.",
                    name=existing.partner_name,
                ),
            }
        }

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    def init(self):
        """Generated ``tsvector`` columns (English and German) with GIN indexes.

        On ``hr_applicant``: the profile text (title weighted A, current company and city B,
        notes C). On ``ir_attachment``: the indexed text of documents attached to applicants
        (CVs), ``NULL`` for every other attachment. PostgreSQL keeps them up to date.
        """
        result = super().init()
        cr = self.env.cr
        # Required columns talent_crm adds to Odoo's table get their default in the database too:
        # modules loaded before talent_crm (their data, their at-install tests, an update of
        # hr_recruitment) insert applicants without knowing the column.
        cr.execute(SQL("ALTER TABLE hr_applicant ALTER COLUMN talent_availability SET DEFAULT 'unknown'"))
        # Mailings and pool filters list many pools at once: with the default 100 most common
        # values the planner underestimates a long pool list several times over and picks
        # nested loops over tens of thousands of talents.
        pools = self._fields["talent_pool_ids"]
        cr.execute(
            SQL(
                "ALTER TABLE %s ALTER COLUMN %s SET STATISTICS 1000",
                SQL.identifier(pools.relation),
                SQL.identifier(pools.column2),
            )
        )
        # The membership table is two integers a row: at 150,000 memberships it is still under
        # PostgreSQL's minimum size for a parallel scan, so in a parallel plan (a mailing's
        # audience) every worker built its own hash of it. Allowing a parallel scan lets the
        # workers build one shared hash.
        cr.execute(SQL("ALTER TABLE %s SET (parallel_workers = 2)", SQL.identifier(pools.relation)))
        for config, suffix in MATCH_TS_CONFIGS.items():
            profile = SQL(
                """setweight(to_tsvector(%(config)s::regconfig, coalesce(talent_current_title, '')), 'A')
                   || setweight(to_tsvector(%(config)s::regconfig,
                          coalesce(talent_current_company, '') || ' ' || coalesce(talent_city, '')), 'B')
                   || setweight(to_tsvector(%(config)s::regconfig,
                          left(coalesce(applicant_notes, ''), %(limit)s)), 'C')""",
                config=config,
                limit=CV_TEXT_LIMIT,
            )
            cv = SQL(
                """CASE WHEN res_model = 'hr.applicant' AND index_content IS NOT NULL
                        THEN to_tsvector(%(config)s::regconfig, left(index_content, %(limit)s)) END""",
                config=config,
                limit=CV_TEXT_LIMIT,
            )
            self._talent_add_tsvector(cr, "hr_applicant", "talent_profile_tsv_%s" % suffix, profile)
            self._talent_add_tsvector(cr, "ir_attachment", "talent_cv_tsv_%s" % suffix, cv, partial=True)
        return result

    @api.model
    def default_get(self, fields):
        values = super().default_get(fields)
        if (
            self.env.context.get("talent_crm_capture")
            and "talent_pool_ids" in fields
            and not values.get("talent_pool_ids")
            and not values.get("job_id")
        ):
            values["talent_pool_ids"] = [Command.set(self.env.company._talent_get_default_pool().ids)]
            if "user_id" in fields and not values.get("user_id"):
                values["user_id"] = self.env.uid
        return values

    @api.model
    def get_empty_list_help(self, help_message):
        # hr_recruitment replaces the help of every applicant list by "No applications found.";
        # talent lists (talent_crm's set talent_crm_capture, Odoo's pool members default their
        # pools) keep their talent wording
        context = self.env.context
        talents = context.get("talent_crm_capture") or context.get("default_talent_pool_ids")
        if talents and not tools.is_html_empty(help_message):
            return help_message
        return super().get_empty_list_help(help_message)

    @api.model
    def get_views(self, views, options=None):
        # "Add to Talent CRM" brings applications into the CRM: not offered on talent lists
        result = super().get_views(views, options)
        options = options or {}
        if options.get("toolbar") and options.get("action_id") in self._talent_list_action_ids():
            add_to_crm = self.env.ref("talent_crm.hr_applicant_action_server_add_to_crm", raise_if_not_found=False)
            for view in result["views"].values():
                toolbar = view.get("toolbar") or {}
                if add_to_crm and toolbar.get("action"):
                    toolbar["action"] = [action for action in toolbar["action"] if action["id"] != add_to_crm.id]
        return result

    @api.model
    def _talent_list_action_ids(self):
        """Ids of the window actions that list talents (Talent CRM's and Odoo's pool members)."""
        xmlids = (
            "talent_crm.hr_applicant_action_talent",
            "talent_crm.hr_applicant_action_talent_lead",
            "hr_recruitment.action_hr_talent_pool_applications",
        )
        IrModelData = self.env["ir.model.data"]
        return {IrModelData._xmlid_to_res_id(xmlid, raise_if_not_found=False) for xmlid in xmlids} - {False}

    @api.model_create_multi
    def create(self, vals_list):
        check_lifecycle_vals(self, vals_list, APPLICANT_LIFECYCLE_FIELDS)
        capture = self.env.context.get("talent_crm_capture")
        for vals in vals_list:
            # Odoo's own linkedin_profile keeps Odoo's rules (any text) outside talent_crm's own
            # capture; a valid address is always normalised
            is_talent = bool(vals.get("talent_pool_ids")) or (capture and not vals.get("job_id"))
            self._talent_normalize_url_vals(vals, strict_linkedin=bool(capture and is_talent))
            vals.setdefault("talent_profile_date", fields.Datetime.now())
            if capture and not vals.get("job_id") and not vals.get("talent_pool_ids"):
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["talent_pool_ids"] = [Command.set(company._talent_get_default_pool().ids)]
        context = self.env.context
        batch_log = len(vals_list) > 1 and not context.get("mail_create_nolog") and not context.get("tracking_disable")
        if len(vals_list) > 1:
            self._talent_prefetch_partners(vals_list)
        if batch_log:
            # the creation messages of a batch are posted set-wise below, as mail.thread would one by one
            applicants = super(HrApplicant, self.with_context(mail_create_nolog=True)).create(vals_list)
            applicants = applicants.with_env(self.env)
            applicants._talent_post_creation_messages()
        else:
            applicants = super().create(vals_list)
        applicants._talent_ensure_partner()
        applicants._talent_lead_log_transitions({})
        # nurture: an application ends its talent's enrollments; new pool members get auto-enrolled
        applicants._talent_nurture_stop_converted()
        applicants._talent_pool_auto_enroll({})
        # pool membership log
        talents = applicants.filtered("talent_pool_ids")
        if talents:
            self.env["talent.pool.membership"]._talent_sync(talent_ids=talents.ids, method=self._talent_join_method())
        return applicants

    @api.model
    def _talent_prefetch_partners(self, vals_list):
        """Find or create the contacts of a batch of new applicants at once.

        What ``hr_recruitment``'s ``_inverse_partner_email`` does for each new applicant with
        an email and no contact (``_partner_find_from_emails`` with the applicant's name, phone,
        company and the user's language), done in one search and one ``create`` for the whole
        batch: the contact is then part of the applicant's ``INSERT``, and the inverse only
        completes a contact found again, as it does one by one.
        """
        Job = self.env["hr.job"]
        pending = {}  # email key -> [vals]
        customer_values = {}
        for vals in vals_list:
            email_from = (vals.get("email_from") or "").strip()
            if vals.get("partner_id") or not tools.email_normalize(email_from):
                continue
            if not vals.get("partner_name"):
                continue  # the inverse raises its own error for this applicant
            key = tools.email_normalize(email_from)
            company_id = vals.get("company_id")
            if not company_id and vals.get("job_id"):
                company_id = Job.browse(vals["job_id"]).company_id.id
            pending.setdefault(key, []).append(vals)
            customer_values.setdefault(
                key,
                {
                    "company_id": company_id or self.env.company.id,
                    "name": vals["partner_name"],
                    "phone": vals.get("partner_phone") or False,
                    "lang": self.env.lang,
                },
            )
        if not pending:
            return
        emails = [group[0]["email_from"].strip() for group in pending.values()]
        # the aliases of the database are never a person (as _partner_find_from_emails)
        ban_emails = self.env["mail.alias.domain"].sudo()._find_aliases(list(pending))

        def sort_key(partner):
            key = partner.email_normalized
            return (
                partner == self.env.user.partner_id,
                False,  # followers: a new applicant has none yet
                not partner.partner_share,
                bool(partner.user_ids),
                partner.company_id.id == customer_values.get(key, {}).get("company_id"),
                not partner.company_id,
            )

        # in slices: _find_or_create_from_emails matches each email against every partner found
        partners = []
        for start in range(0, len(emails), PARTNER_PREFETCH_SLICE):
            partners += self.env["res.partner"]._find_or_create_from_emails(
                emails[start : start + PARTNER_PREFETCH_SLICE],
                additional_values=customer_values,
                ban_emails=ban_emails,
                sort_key=sort_key,
                sort_reverse=True,
            )
        for key, partner in zip(pending, partners, strict=True):
            if partner:
                for vals in pending[key]:
                    vals["partner_id"] = partner.id

    def _talent_post_creation_messages(self):
        """Post the creation message of new applicants set-wise.

        The same message ``mail.thread.create`` posts on each new record (``message_post``
        with ``_creation_subtype()`` and ``_creation_message()``, as superuser, by the current
        user): the message values are computed for all records at once, the messages created
        in one ``create``, and only the records that have followers to notify besides the
        author go through the notification (the others would notify nobody).
        """
        threads = self.sudo()._fallback_lang()
        if not threads:
            return
        # a record that already has messages gets its parent computed by message_post itself
        MailMessage = self.env["mail.message"].sudo()
        with_messages = set(
            MailMessage.search(
                [("model", "=", self._name), ("res_id", "in", threads.ids), ("message_type", "!=", "user_notification")]
            ).mapped("res_id")
        )
        author_id, email_from = threads._message_compute_author()
        alias_domains = threads._mail_get_alias_domains(default_company=self.env.company)
        companies = threads._mail_get_companies(default=self.env.company)
        reply_tos = threads._notify_get_reply_to(default=email_from, author_id=author_id)
        values_list, posted = [], threads.browse()
        for thread in threads:
            subtype = thread._creation_subtype()
            body = Markup('<div summary="o_mail_notification"><p>%s</p></div>') % thread._creation_message()
            if not subtype:
                thread._message_log_batch(bodies={thread.id: thread._creation_message()})
                continue
            if thread.id in with_messages:
                thread.message_post(subtype_id=subtype.id, author_id=self.env.user.partner_id.id, body=body)
                continue
            posted |= thread
            values_list.append(
                {
                    "email_add_signature": True,
                    "author_id": author_id,
                    "author_guest_id": False,
                    "email_from": email_from,
                    "model": self._name,
                    "res_id": thread.id,
                    "body": body,
                    "message_type": "notification",
                    "parent_id": False,
                    "subject": False,
                    "subtype_id": subtype.id,
                    "partner_ids": [],
                    "incoming_email_to": False,
                    "incoming_email_cc": False,
                    "outgoing_email_to": False,
                    "record_alias_domain_id": alias_domains[thread.id].id,
                    "record_company_id": companies[thread.id].id,
                    "reply_to": reply_tos[thread.id],
                    "attachment_ids": [],
                }
            )
        if not posted:
            return
        messages = posted._message_create(values_list)
        # followers to notify: subscribed to the message's subtype, other than the author
        self.env.cr.execute(
            SQL(
                """SELECT DISTINCT fol.res_id
                     FROM mail_followers fol
                     JOIN mail_followers_mail_message_subtype_rel rel ON rel.mail_followers_id = fol.id
                    WHERE fol.res_model = %(model)s AND fol.res_id = ANY(%(ids)s)
                      AND rel.mail_message_subtype_id = ANY(%(subtypes)s)
                      AND fol.partner_id IS DISTINCT FROM %(author)s""",
                model=self._name,
                ids=posted.ids,
                subtypes=list({values["subtype_id"] for values in values_list}),
                author=author_id,
            )
        )
        to_notify = {row[0] for row in self.env.cr.fetchall()}
        for thread, message, values in zip(posted, messages, values_list, strict=True):
            thread._message_post_after_hook(message, values)
            if thread.id in to_notify or self.env.context.get("mail_notify_author"):
                thread._notify_thread(message, values)

    def write(self, vals):
        previous_pools = {}
        if "talent_pool_ids" in vals:
            previous_pools = {applicant.id: applicant.talent_pool_ids for applicant in self}
        check_lifecycle_vals(self, [vals], APPLICANT_LIFECYCLE_FIELDS)
        if any(fname in vals for fname in profile_urls.KIND_BY_FIELD):
            strict = self.env.context.get("talent_crm_capture") and (
                bool(self.filtered("talent_pool_ids")) or bool(vals.get("talent_pool_ids"))
            )
            self._talent_normalize_url_vals(vals, strict_linkedin=bool(strict))
        if "partner_id" in vals and not vals["partner_id"]:
            talents = self.filtered("talent_pool_ids")
            if talents:
                raise ValidationError(
                    self.env._(
                        "A talent must keep its contact: %(names)s.",
                        names=", ".join(talents.mapped("partner_name")),
                    )
                )
        if TALENT_PROFILE_FIELDS.intersection(vals) and "talent_profile_date" not in vals:
            vals["talent_profile_date"] = fields.Datetime.now()
        lead_before = self._talent_lead_prepare_write(vals)
        result = super().write(vals)
        if vals.get("talent_pool_ids"):
            self._talent_ensure_partner()
        self._talent_lead_after_write(vals, lead_before)
        # nurture: conversions, archiving and pool changes end or start enrollments
        if {"pool_applicant_id", "job_id", "active"} & set(vals) and not self.env.context.get(
            "talent_nurture_defer_stop"
        ):
            self._talent_nurture_stop_converted()
        if "active" in vals and not vals["active"]:
            talents = self.filtered("talent_pool_ids")
            self.env["talent.sequence.enrollment"]._talent_stop_for_talents(talents, "archived")
        if "talent_pool_ids" in vals:
            self._talent_pool_auto_enroll(previous_pools)
            # pool membership log
            self.env["talent.pool.membership"]._talent_sync(talent_ids=self.ids, method=self._talent_join_method())
        return result

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        if self.env.context.get("talent_crm_convert"):
            # the application created from a talent belongs to the same person (Odoo copies no contact)
            for applicant, vals in zip(self, vals_list, strict=True):
                vals["partner_id"] = applicant.partner_id.id
        return vals_list

    def _load_records_create(self, vals_list):
        """Import: update the existing talent instead of creating a duplicate.

        Rows that describe a talent are matched on exact keys
        (:meth:`_talent_find_existing_batch`), against the database and against earlier
        rows of the same file. Matched rows complete the existing talent; the other rows
        are created. Consent and source chosen in the import wizard
        (``talent.import.wizard``) apply to every talent of the file.
        """
        context = self.env.context
        if not context.get("import_file"):
            return super()._load_records_create(vals_list)
        talent_import = bool(context.get("talent_crm_capture") or context.get("default_talent_pool_ids"))

        def is_talent(vals):
            return bool(vals.get("talent_pool_ids")) or (talent_import and not vals.get("job_id"))

        talent_positions = [i for i, vals in enumerate(vals_list) if is_talent(vals)]
        # serialise with every other "find or create the person" (sign-ups, other imports)
        # on these addresses before the first read of who exists
        self.env["talent.identity.claim"]._talent_claim([vals_list[i].get("email_from") for i in talent_positions])
        existing = self._talent_find_existing_batch([vals_list[i] for i in talent_positions])
        matched = {}  # position -> existing talent
        same_as = {}  # position -> earlier position of the same person in this file
        seen_keys = {}
        for position, talent in zip(talent_positions, existing, strict=True):
            if talent:
                matched[position] = talent
                continue
            keys = self._talent_identity_keys(vals_list[position])
            earlier = next((seen_keys[item] for item in keys.items() if item in seen_keys), None)
            if earlier is not None:
                same_as[position] = earlier
                continue
            for item in keys.items():
                seen_keys[item] = position
        to_create = [i for i in range(len(vals_list)) if i not in matched and i not in same_as]
        for position in talent_positions:
            vals = vals_list[position]
            if context.get("default_talent_pool_ids") and not vals.get("talent_pool_ids"):
                vals["talent_pool_ids"] = [Command.set(context["default_talent_pool_ids"])]
            if context.get("talent_crm_import_owner_id") and not vals.get("user_id"):
                vals["user_id"] = context["talent_crm_import_owner_id"]
        created = super()._load_records_create([vals_list[i] for i in to_create])
        records = dict(zip(to_create, created, strict=True))
        # what the import wizard set as defaults also completes the talents found again
        defaults = {}
        if context.get("default_talent_pool_ids"):
            defaults["talent_pool_ids"] = [Command.set(context["default_talent_pool_ids"])]
        if context.get("default_source_id"):
            defaults["source_id"] = context["default_source_id"]
        if context.get("talent_crm_import_owner_id"):
            defaults["user_id"] = context["talent_crm_import_owner_id"]
        for position in sorted(matched) + sorted(same_as):
            talent = matched[position] if position in matched else records[same_as[position]]
            changed = talent._talent_fill_from_vals(dict(defaults, **vals_list[position]))
            records[position] = talent
            talent._talent_log_import_update(changed)
        result = self.browse([records[i].id for i in range(len(vals_list))])
        talents = result.filtered("talent_pool_ids")
        talents._talent_apply_import_consent()
        talents._talent_detect_duplicates()
        return result

    def message_update(self, msg_dict, update_vals=None):
        result = super().message_update(msg_dict, update_vals=update_vals)
        self._talent_nurture_on_inbound_email(msg_dict)
        return result

    def export_data(self, fields_to_export):
        """Odoo's export (list view, XLSX/CSV): an export that holds talents goes into the audit trail."""
        talents = self.filtered("talent_pool_ids")
        if talents:
            self.env["talent.audit.log"]._talent_log(
                "export",
                talents,
                summary=self.env._(
                    "%(count)s talents exported: %(fields)s", count=len(talents), fields=", ".join(fields_to_export)
                ),
            )
        return super().export_data(fields_to_export)

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_talent_open_job_matches(self):
        """"Best Matches" of the job's pipeline: the job is the pipeline's ``default_job_id``."""
        return self.env["hr.job"]._talent_open_matches_of_pipeline()

    def action_talent_crm_open_applications(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_recruitment.crm_case_categ0_act_job")
        action.update(
            {
                "display_name": self.env._("Applications of %(name)s", name=self.partner_name),
                "domain": [("id", "in", self.talent_application_ids.ids)],
                "context": {"active_test": False, "create": False},
            }
        )
        return action

    def action_talent_lead_qualify(self):
        """Qualify the selected leads, or say exactly what each one is missing."""
        leads = self.filtered(lambda t: t.talent_lead_state not in ("qualified", "activated", "converted", "hired"))
        leads._talent_lead_move("qualified")
        return True

    def action_talent_lead_activate(self):
        """The person is in a conversation about a concrete role."""
        leads = self.filtered(lambda t: t.talent_lead_state not in ("activated", "converted", "hired"))
        leads._talent_lead_move("activated")
        return True

    def action_talent_lead_close(self):
        return {
            "name": self.env._("Close Leads"),
            "type": "ir.actions.act_window",
            "res_model": "talent.lead.close",
            "target": "new",
            "views": [[False, "form"]],
            "context": {"default_talent_ids": self.ids, "dialog_size": "medium"},
        }

    def action_talent_crm_add_to_crm(self):
        """Bring applications, refused and archived ones included, into the CRM as talents."""
        action = self.action_talent_pool_add_applicants()
        action["name"] = self.env._("Add to Talent CRM")
        action["context"] = dict(action["context"], active_test=False)
        return action

    def action_talent_open_enrollments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("talent_crm.talent_sequence_enrollment_action")
        action["display_name"] = self.env._("Sequences of %(name)s", name=self.partner_name or self.display_name)
        action["domain"] = [("talent_id", "=", self.id)]
        action["context"] = {"default_talent_id": self.id}
        return action

    def action_talent_find_duplicates(self):
        self.ensure_one()
        self._talent_detect_duplicates()
        return self.action_talent_open_duplicates()

    def action_talent_open_duplicates(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("talent_crm.talent_duplicate_action")
        action["domain"] = ["|", ("talent_id", "=", self.id), ("duplicate_id", "=", self.id)]
        action["context"] = {"search_default_filter_open": 1}
        return action

    def action_talent_parse_cv(self):
        """Read the talent's CV (PDF or DOCX attachment) and propose what it found."""
        self.ensure_one()
        attachment = self._talent_get_cv_attachment()
        if not attachment:
            raise UserError(self.env._("Attach a CV (PDF or Word document) to %(name)s first.", name=self.partner_name))
        suggestions = self.env["talent.cv.suggestion"]._talent_parse_cv(self, attachment)
        if not suggestions:
            return self.env["hr.talent.pool"]._talent_notification(
                self.env._("The CV holds nothing new for this profile."), notification_type="info"
            )
        return self.action_talent_open_cv_suggestions()

    def action_talent_open_cv_suggestions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("talent_crm.talent_cv_suggestion_action")
        action["domain"] = [("talent_id", "=", self.id)]
        action["context"] = {"search_default_filter_pending": 1}
        return action

    def action_talent_crm_erase(self):
        """Manager action: erase the person behind this talent now (privacy log included)."""
        if not self.env.user.has_group("talent_crm.group_talent_crm_manager"):
            raise AccessError(self.env._("Only talent managers can erase personal data."))
        self.check_access("write")
        Request = self.env["talent.erasure.request"]
        for applicant in self:
            if not applicant.partner_id:
                raise UserError(self.env._("%(name)s has no contact to erase.", name=applicant.partner_name))
            request = Request.sudo().create(
                {
                    "partner_id": applicant.partner_id.id,
                    "talent_id": applicant.id,
                    "company_id": applicant.company_id.id,
                    "source": "recruiter",
                }
            )
            request._talent_process()
        return self.env["hr.talent.pool"]._talent_notification(
            self.env._("Personal data anonymised. The privacy log records the erasure.")
        )

    def action_talent_record_objection(self):
        """The person objects to the processing based on legitimate interest (Art. 21 GDPR): the
        processing ends. They are not contacted any more and, unless an application or a consent
        keeps their data, the next retention run anonymises them."""
        if not self.env.user.has_group("talent_crm.group_talent_crm_user"):
            raise AccessError(self.env._("Only Talent CRM users can record an objection."))
        self.check_access("write")
        now = fields.Datetime.now()
        records = self.browse().concat(*(applicant._talent_lifecycle_person() for applicant in self))
        records = records.filtered(lambda a: not a.talent_objection_date and not a.talent_anonymized_date)
        records.sudo().write({"talent_objection_date": now})
        records.partner_id.sudo().write({"talent_do_not_contact": True})
        records._message_log_batch(
            bodies=dict.fromkeys(records.ids, self.env._("Objection to the processing recorded (Art. 21 GDPR)."))
        )
        return True

    def action_talent_place_hold(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("talent_crm.talent_retention_hold_action")
        action.update(
            views=[(False, "form")],
            view_mode="form",
            context={"default_applicant_id": self.id, "default_company_id": self.company_id.id},
        )
        return action

    # ------------------------------------------------------------
    # Talent pool basics: talents, contacts, profile URLs
    # ------------------------------------------------------------

    @api.model
    def _talent_domain(self):
        """Domain of talents, as Odoo's own "Talents" filter defines them."""
        return Domain("talent_pool_ids", "!=", False)

    def _talent_ensure_partner(self):
        """Give every talent a contact, even without email (Odoo only creates one from an email)."""
        missing = self.filtered(lambda a: a.talent_pool_ids and not a.partner_id)
        if not missing:
            return
        partners = self.env["res.partner"].create(
            [
                {
                    "name": talent.partner_name or talent.email_from or self.env._("Unnamed talent"),
                    "email": talent.email_from,
                    "phone": talent.partner_phone,
                    "lang": self.env.lang,
                    "company_id": False,
                }
                for talent in missing
            ]
        )
        for talent, partner in zip(missing, partners, strict=True):
            talent.partner_id = partner

    @api.model
    def _talent_normalize_url_vals(self, vals, strict_linkedin=True):
        """Replace profile URLs in ``vals`` by their canonical form.

        Our own URL fields are always validated. Odoo's ``linkedin_profile`` keeps Odoo's rules
        (any text) unless ``strict_linkedin`` (talents captured through talent_crm's own forms,
        import and sign-up): a valid address is normalised, anything else is kept as written.
        """
        for fname, kind in profile_urls.KIND_BY_FIELD.items():
            if not vals.get(fname):
                continue
            try:
                vals[fname] = profile_urls.NORMALIZERS[kind](vals[fname])
            except profile_urls.InvalidProfileUrl as error:
                if fname == "linkedin_profile" and not strict_linkedin:
                    continue
                raise ValidationError(
                    self.env._(
                        "%(field)s: %(value)s is not a valid address: %(reason)s.",
                        field=self._fields[fname].get_description(self.env)["string"],
                        value=vals[fname],
                        reason=self._talent_url_error_reasons().get(error.code, error.code),
                    )
                ) from error

    @api.model
    def _talent_url_error_reasons(self):
        return {
            "spaces": self.env._("an address cannot contain spaces"),
            "scheme": self.env._("only http and https addresses are accepted"),
            "host": self.env._("the host name is not valid"),
            "linkedin_host": self.env._("this is not a linkedin.com address"),
            "linkedin_path": self.env._("a LinkedIn profile looks like https://www.linkedin.com/in/your-name"),
            "github_host": self.env._("this is not a github.com address"),
            "github_path": self.env._("a GitHub profile looks like https://github.com/login"),
            "xing_host": self.env._("this is not a xing.com address"),
            "xing_path": self.env._("a Xing profile looks like https://www.xing.com/profile/First_Last"),
        }

    @api.model
    def _talent_join_method(self):
        context = self.env.context
        if context.get("talent_pool_join_method"):
            return context["talent_pool_join_method"]
        if context.get("import_file"):
            return "import"
        return "manual"

    # ------------------------------------------------------------
    # Lead funnel: Capture -> Qualify -> Activate -> Convert -> Hired
    # ------------------------------------------------------------

    def _talent_lead_move(self, state, reason=False, origin="manual", system=False, notes=None):
        """Move the talents of ``self`` to ``state`` and return those that moved.

        ``system`` is for the hand-over to Recruitment, which may set Converted and Hired and
        never moves a person who asked not to be contacted. The chatter gets one note per
        talent (``notes`` ``{talent id: text}`` first), logged in one batch: bulk moves cost a
        fixed number of queries, unlike field tracking.
        """
        talents = self
        if system and state != "do_not_contact":
            talents = talents.filtered(lambda t: not t.partner_id.talent_do_not_contact)
        talents = talents.filtered(lambda t: t.talent_lead_state != state)
        if not talents:
            return talents
        labels = dict(self._fields["talent_lead_state"]._description_selection(self.env))
        notes = notes or {}
        bodies = {}
        for talent in talents:
            body = self.env._(
                "Lead state: %(before)s → %(after)s.",
                before=labels.get(talent.talent_lead_state, ""),
                after=labels[state],
            )
            if reason:
                body = self.env._("%(move)s Reason: %(reason)s", move=body, reason=reason)
            if talent.id in notes:
                body = Markup("%s<br/>%s") % (notes[talent.id], body)
            bodies[talent.id] = body
        context = {
            "talent_lead_reason": reason or False,
            "talent_lead_origin": origin,
            "talent_lead_system": system,
            "tracking_disable": True,
        }
        talents.with_context(**context).write({"talent_lead_state": state})
        talents._message_log_batch(bodies=bodies)
        return talents

    def _talent_lead_prepare_write(self, vals):
        """Check a state change before it is written; return what the after-write hooks compare with."""
        before = {}
        if "talent_lead_state" in vals:
            new_state = vals["talent_lead_state"]
            self._talent_lead_check_transition(new_state, becomes_talent=bool(vals.get("talent_pool_ids")))
            if "talent_lead_close_reason" not in vals:
                reason = self.env.context.get("talent_lead_reason")
                vals["talent_lead_close_reason"] = (reason or False) if new_state in LEAD_CLOSED_STATES else False
        if "talent_lead_state" in vals or "talent_pool_ids" in vals:
            before["states"] = {applicant.id: applicant.talent_lead_state for applicant in self}
        if "stage_id" in vals:
            before["hired"] = set(self.filtered(lambda a: a.stage_id.hired_stage).ids)
        return before

    def _talent_lead_after_write(self, vals, before):
        if "states" in before:
            moved = self._talent_lead_log_transitions(before["states"])
            moved._talent_lead_sync_do_not_contact()
        # Recruitment users (interviewers too) may not see talents: the CRM side runs as superuser,
        # logged under the user who refused or hired.
        if vals.get("refuse_reason_id"):
            self.sudo()._talent_lead_on_refusal()
        elif vals.get("active"):
            self.sudo()._talent_lead_on_restore()
        if "hired" in before:
            self.sudo()._talent_lead_on_stage_change(before["hired"])

    def _talent_lead_check_transition(self, new_state, becomes_talent=False):
        if not new_state:
            if self.filtered("talent_pool_ids"):
                raise UserError(self.env._("A talent always has a lead state."))
            return
        if not becomes_talent:
            applications = self.filtered(lambda a: not a.talent_pool_ids)
            if applications:
                raise UserError(
                    self.env._(
                        "Only talents have a lead state; these are applications: %(names)s.",
                        names=applications._talent_names(),
                    )
                )
        moving = self.filtered(lambda a: a.talent_lead_state != new_state)
        if not moving:
            return
        system = self.env.context.get("talent_lead_system")
        if new_state in LEAD_SYSTEM_STATES and not system:
            raise UserError(
                self.env._(
                    "A lead becomes Converted when you create an application for it (Create Applications), "
                    "and Hired when that application is hired in Recruitment."
                )
            )
        if new_state != "do_not_contact":
            blocked = moving.filtered(lambda a: a.partner_id.talent_do_not_contact)
            if blocked:
                raise UserError(
                    self.env._(
                        "These people asked not to be contacted: %(names)s. "
                        "Clear “Do Not Contact” on the person before moving the lead.",
                        names=blocked._talent_names(),
                    )
                )
        if new_state in ("qualified", "activated") and not system:
            moving.filtered(
                lambda a: a.talent_lead_state not in ("qualified", "activated", "converted", "hired")
            )._talent_check_qualification()

    def _talent_qualification_gaps(self):
        """What each talent of ``self`` still lacks to be qualified, by its company's criteria.

        Returns ``{talent: [missing item, ...]}`` for the talents that lack something; a fixed
        number of queries for the whole set.
        """
        with_consent = set()
        need_consent = self.filtered(lambda t: (t.company_id or self.env.company).talent_qualify_require_consent)
        if need_consent:
            groups = self.env["talent.consent"].sudo()._read_group(
                Domain("partner_id", "in", need_consent.partner_id.ids) & Domain("state", "in", ["valid"]),
                ["partner_id", "company_id"],
                ["__count"],
            )
            with_consent = {(partner.id, company.id) for partner, company, _count in groups}
        gaps = {}
        for talent in self:
            company = talent.company_id or self.env.company
            missing = []
            if company.talent_qualify_require_contact and not (talent.email_from or talent.partner_phone):
                missing.append(self.env._("an email address or a phone number"))
            if company.talent_qualify_require_role_family and not talent.talent_role_family_id:
                missing.append(self.env._("a role family"))
            if company.talent_qualify_require_skills and not talent.applicant_skill_ids:
                missing.append(self.env._("skills"))
            if company.talent_qualify_require_consent and (talent.partner_id.id, company.id) not in with_consent:
                missing.append(self.env._("a valid consent"))
            if missing:
                gaps[talent] = missing
        return gaps

    def _talent_check_qualification(self):
        gaps = self._talent_qualification_gaps()
        if not gaps:
            return
        lines = [
            self.env._("%(name)s: %(missing)s", name=talent.partner_name or talent.display_name, missing=missing)
            for talent, missing in list(gaps.items())[:20]
        ]
        if len(gaps) > 20:
            lines.append(self.env._("… and %(count)s more", count=len(gaps) - 20))
        raise UserError(
            self.env._("These leads cannot be qualified yet. Missing:\n%(lines)s", lines="\n".join(lines))
        )

    def _talent_names(self, limit=10):
        names = [applicant.partner_name or applicant.display_name for applicant in self[:limit]]
        if len(self) > limit:
            names.append(self.env._("%(count)s more", count=len(self) - limit))
        return ", ".join(names)

    def _talent_lead_log_transitions(self, before):
        """Log every state change of ``self`` since ``before`` (``{id: state}``); return the moved talents."""
        moved = self.filtered(lambda a: a.talent_lead_state and a.talent_lead_state != before.get(a.id))
        context = self.env.context
        if moved and not context.get("talent_lead_skip_log"):
            now = fields.Datetime.now()
            self.env["talent.lead.state.log"].sudo().create(
                [
                    {
                        "talent_id": talent.id,
                        "company_id": talent.company_id.id or self.env.company.id,
                        "from_state": before.get(talent.id) or False,
                        "to_state": talent.talent_lead_state,
                        "date": talent.talent_lead_state_date or now,
                        "user_id": self.env.uid,
                        "origin": context.get("talent_lead_origin") or "manual",
                        "reason": context.get("talent_lead_reason") or False,
                    }
                    for talent in moved
                ]
            )
        return moved

    def _talent_lead_sync_do_not_contact(self):
        """Do-not-contact is a fact about the person: a lead closed that way flags its partner."""
        partners = self.filtered(lambda t: t.talent_lead_state == "do_not_contact").partner_id.filtered(
            lambda p: not p.talent_do_not_contact
        )
        if partners:
            values = {"talent_do_not_contact": True}
            reason = self.env.context.get("talent_lead_reason")
            if reason:
                values["talent_do_not_contact_reason"] = reason
            partners = partners.sudo().with_context(tracking_disable=True)
            partners.write(values)
            body = self.env._("Do not contact: the lead was closed that way.")
            if reason:
                body = self.env._("%(move)s Reason: %(reason)s", move=body, reason=reason)
            partners._message_log_batch(bodies=dict.fromkeys(partners.ids, body))

    # ------------------------------------------------------------
    # ATS hand-over: to Recruitment and back
    # ------------------------------------------------------------

    def _talent_person_keys(self):
        """Odoo's duplicate keys of each applicant of ``self``, per company, strongest first."""
        keys = {}
        for applicant in self:
            company_id = applicant.company_id.id
            values = {
                "partner": applicant.partner_id.id,
                "email": applicant.email_normalized,
                "phone": applicant.partner_phone_sanitized,
                # Odoo keeps any text as a LinkedIn profile: compared as written when no address
                "linkedin": applicant.linkedin_profile
                and profile_urls.try_normalize(applicant.linkedin_profile, "linkedin", applicant.linkedin_profile),
            }
            keys[applicant.id] = [
                (company_id, kind, values[kind]) for kind in dedup.ODOO_APPLICANT_KEYS if values[kind]
            ]
        return keys

    def _talent_crm_find_talents(self, link=False):
        """Find the talent of the person behind each applicant of ``self``.

        A talent is its own; an application has the talent it is linked to (``pool_applicant_id``),
        else the talent of the same company sharing its contact, normalised email, sanitised phone
        or LinkedIn profile (Odoo's duplicate keys; archived talents included). Returns
        ``{applicant id: talent}`` for those found; with ``link``, unlinked applications get linked.
        """
        result = {}
        unlinked = self.browse()
        for applicant in self:
            talent = applicant.pool_applicant_id
            if applicant.talent_pool_ids:
                result[applicant.id] = applicant
            elif talent and talent.talent_pool_ids:
                result[applicant.id] = talent
            else:
                unlinked |= applicant
        if not unlinked:
            return result
        keys = unlinked._talent_person_keys()
        values = defaultdict(set)
        for applicant_keys in keys.values():
            for _company_id, kind, value in applicant_keys:
                values[kind].add(value)
        if not values:
            return result
        domain = Domain("talent_pool_ids", "!=", False) & Domain.OR(
            Domain(dedup.IDENTITY_KEYS[kind], "in", list(kind_values)) for kind, kind_values in values.items()
        )
        candidates = self.with_context(active_test=False).search(domain, order="id")
        index = {}
        for candidate in candidates.sorted(lambda t: not t.active):
            for key in candidate._talent_person_keys()[candidate.id]:
                index.setdefault(key, candidate)
        found = {}
        for applicant in unlinked:
            talent = next((index[key] for key in keys[applicant.id] if key in index), None)
            if talent:
                result[applicant.id] = talent
                found[applicant.id] = talent
        if link:
            unlinked._talent_link_to(found)
        return result

    def _talent_link_to(self, talent_of):
        """Link each applicant of ``self`` to its talent in ``talent_of`` (``{applicant id: talent}``)."""
        per_talent = defaultdict(list)
        for applicant in self:
            talent = talent_of.get(applicant.id)
            if talent and applicant != talent and applicant.pool_applicant_id != talent:
                per_talent[talent].append(applicant.id)
        # one write per talent, reading what the writes need for all of them at once
        prefetch_ids = [applicant_id for ids in per_talent.values() for applicant_id in ids]
        linked = self.browse(prefetch_ids)
        for talent, ids in per_talent.items():
            # the nurture stop rule runs once for all of them below, not once per talent
            self.browse(ids).with_prefetch(prefetch_ids).with_context(talent_nurture_defer_stop=True).write(
                {"pool_applicant_id": talent.id}
            )
        linked._talent_nurture_stop_converted()

    def _talent_group_by_person(self):
        """Split ``self`` into groups of applicants of one person (sharing any duplicate key)."""
        parent = {applicant.id: applicant.id for applicant in self}

        def root(applicant_id):
            while parent[applicant_id] != applicant_id:
                parent[applicant_id] = parent[parent[applicant_id]]
                applicant_id = parent[applicant_id]
            return applicant_id

        owner = {}
        for applicant_id, applicant_keys in self._talent_person_keys().items():
            for key in applicant_keys:
                if key in owner:
                    parent[root(applicant_id)] = root(owner[key])
                else:
                    owner[key] = applicant_id
        groups = defaultdict(list)
        for applicant in self:
            groups[root(applicant.id)].append(applicant.id)
        return [self.browse(ids) for ids in groups.values()]

    def _talent_lead_state_from_applications(self):
        """Lead state of a person known from the applications of ``self``."""
        statuses = set(self.mapped("application_status"))
        if "hired" in statuses:
            return "hired"
        if "ongoing" in statuses:
            return "converted"
        return "qualified"

    def _talent_crm_ensure_talents(self, pools=None, categories=None):
        """Bring the people behind the applicants of ``self`` into the CRM as talents.

        Reuses the person's talent when there is one (see :meth:`_talent_crm_find_talents`), and
        creates one talent per person otherwise, never two: it copies the most recent application
        (Odoo's ``talent.pool.add.applicants`` way), with its skills, tags, UTM and documents. Talents
        join ``pools`` (default: the company's default pool); applications get linked to their talent.
        Works in a fixed number of queries for the whole set. Returns ``{applicant id: talent}``.
        """
        Applicant = self.env["hr.applicant"]
        categories = categories or self.env["hr.applicant.category"]
        talent_of = self._talent_crm_find_talents()
        existing = Applicant.browse({talent.id for talent in talent_of.values()})
        unknown = self.filtered(lambda a: a.id not in talent_of)
        groups = unknown._talent_group_by_person()

        def pools_for(company):
            return pools or (company or self.env.company)._talent_get_default_pool()

        join_context = {"talent_pool_join_method": "ats", "tracking_disable": True}
        # existing talents: join the pools (and tags), come back from the archive
        for pool_set, talents in existing.grouped(lambda t: pools_for(t.company_id)).items():
            values = {"talent_pool_ids": [Command.link(pool.id) for pool in pool_set]}
            if categories:
                values["categ_ids"] = [Command.link(category.id) for category in categories]
            talents.with_context(**join_context).write(values)
        existing.filtered(lambda t: not t.active).with_context(**join_context).write({"active": True})

        # unknown people: one new talent each, a copy of their most recent application
        new_talents = Applicant
        if groups:
            representatives = Applicant.browse([group.sorted("id")[-1].id for group in groups])
            vals_list = representatives.with_context(no_copy_in_partner_name=True).copy_data()
            past_applicant = self.env.ref("talent_crm.utm_source_past_applicant", raise_if_not_found=False)
            for representative, group, vals in zip(representatives, groups, vals_list, strict=True):
                company = representative.company_id or self.env.company
                vals.update(
                    {
                        "job_id": False,
                        "stage_id": False,
                        "pool_applicant_id": False,
                        "partner_id": representative.partner_id.id,
                        "company_id": company.id,
                        "talent_pool_ids": [Command.set(pools_for(company).ids)],
                        "categ_ids": [Command.set((group.categ_ids | categories).ids)],
                        "active": True,
                        "refuse_reason_id": False,
                        "refuse_date": False,
                        "kanban_state": "normal",
                        "user_id": representative.user_id.id or self.env.uid,
                        "talent_lead_state": group._talent_lead_state_from_applications(),
                        "source_id": vals.get("source_id") or (past_applicant.id if past_applicant else False),
                    }
                )
                self._talent_sanitize_contact_vals(vals, company)
            new_talents = Applicant.with_context(
                talent_lead_origin="ats",
                talent_lead_system=True,
                **join_context,
            ).create(vals_list)
            for group, talent in zip(groups, new_talents, strict=True):
                for applicant in group:
                    talent_of[applicant.id] = talent

        # link the applications to their talent, and carry their documents over
        self.with_context(tracking_disable=True)._talent_link_to(talent_of)
        self._talent_copy_attachments(
            [(applicant, talent_of[applicant.id]) for applicant in self if applicant != talent_of[applicant.id]]
        )
        self._talent_log_brought_in(talent_of, new_talents)
        return talent_of

    @api.model
    def _talent_sanitize_contact_vals(self, vals, company):
        """A talent only keeps contact data that passes the talent checks (the application keeps the rest)."""
        if vals.get("email_from") and not self._talent_is_valid_email(vals["email_from"]):
            vals["email_from"] = False
        if vals.get("partner_phone") and not self._phone_format(
            number=vals["partner_phone"], country=company.country_id
        ):
            vals["partner_phone"] = False
        if vals.get("linkedin_profile"):
            vals["linkedin_profile"] = profile_urls.try_normalize(vals["linkedin_profile"], "linkedin")

    def _talent_log_brought_in(self, talent_of, new_talents):
        """Chatter of applicants brought into the CRM, on both sides, batched."""
        applications_of = defaultdict(lambda: self.browse())
        for applicant in self:
            talent = talent_of[applicant.id]
            if applicant != talent:
                applications_of[talent] |= applicant
        if not applications_of:
            return
        talent_bodies = {}
        for talent, applications in applications_of.items():
            links = Markup(", ").join(application._get_html_link() for application in applications)
            if talent in new_talents:
                talent_bodies[talent.id] = self.env._("Brought into the talent CRM from %(links)s.", links=links)
            else:
                talent_bodies[talent.id] = self.env._("Applications linked to this talent: %(links)s.", links=links)
        self.browse(list(talent_bodies))._message_log_batch(bodies=talent_bodies)
        application_bodies = {
            application.id: self.env._("In the talent CRM as %(link)s.", link=talent._get_html_link())
            for talent, applications in applications_of.items()
            for application in applications
        }
        self.browse(list(application_bodies))._message_log_batch(bodies=application_bodies)

    @api.model
    def _talent_copy_attachments(self, pairs):
        """Copy the documents of each source applicant to its target applicant, batched.

        ``pairs`` is a list of ``(source, target)``. The same content is never copied twice onto a
        target. The copy of the source's main attachment (the CV) becomes the target's main
        attachment when it has none.
        """
        pairs = [(source, target) for source, target in pairs if source != target]
        if not pairs:
            return self.env["ir.attachment"]
        Attachment = self.env["ir.attachment"]
        source_ids = {source.id for source, _target in pairs}
        target_ids = {target.id for _source, target in pairs}
        attachments = Attachment.search(
            [("res_model", "=", self._name), ("res_id", "in", list(source_ids | target_ids))], order="id"
        )
        per_record = defaultdict(list)
        for attachment in attachments:
            per_record[attachment.res_id].append(attachment)

        def content_key(attachment):
            return attachment.checksum or (attachment.url, attachment.name)

        seen = {(target_id, content_key(att)) for target_id in target_ids for att in per_record[target_id]}
        to_copy = attachments.filtered(lambda a: a.res_id in source_ids)
        if not to_copy:
            return Attachment
        copy_values = dict(zip(to_copy.ids, to_copy.copy_data(), strict=True))
        vals_list, origins = [], []
        for source, target in pairs:
            for attachment in per_record[source.id]:
                key = (target.id, content_key(attachment))
                if key in seen:
                    continue
                seen.add(key)
                vals_list.append(dict(copy_values[attachment.id], res_id=target.id))
                origins.append((source, target, attachment))
        copies = Attachment.create(vals_list)
        copies_per_target = defaultdict(lambda: Attachment)
        main_copy = {}
        for (source, target, attachment), copy in zip(origins, copies, strict=True):
            copies_per_target[target] |= copy
            if attachment == source.message_main_attachment_id:
                main_copy.setdefault(target, copy)
        for target, target_copies in copies_per_target.items():
            if not target.message_main_attachment_id:
                if target in main_copy:
                    target.with_context(tracking_disable=True).message_main_attachment_id = main_copy[target]
                else:
                    target._message_set_main_attachment_id(target_copies)
        return copies

    def _talent_runners_up(self):
        """Applications of ``self`` that reached the company's runners-up stage (by stage sequence)."""
        return self.filtered(
            lambda a: a.job_id
            and not a.talent_pool_ids
            and a.stage_id
            and a.company_id.talent_runners_up_stage_id
            and a.stage_id.sequence >= a.company_id.talent_runners_up_stage_id.sequence
        )

    def _talent_ask_pool_consent(self):
        """Ask the people of these applications whether they stay in the talent pool: a consent
        to the pool of their company, pending until they confirm it with one click from the email
        (``/talent/preferences/<token>/stay``). Until then nothing but that request reaches them,
        and their data goes when the retention of applications ends. People with a valid or
        pending pool consent are not asked again. Returns the consents created."""
        applications = self.sudo().filtered(lambda a: a.partner_id and a.job_id)
        Consent = self.env["talent.consent"].sudo()
        if not applications:
            return Consent
        asked = {
            (consent.partner_id.id, consent.company_id.id)
            for consent in Consent.search(
                [
                    ("partner_id", "in", applications.partner_id.ids),
                    ("purpose", "=", "talent_pool"),
                    ("state", "in", ["pending", "valid"]),
                ]
            )
        }
        vals_list = []
        for application in applications:
            company = application.company_id or self.env.company
            if (application.partner_id.id, company.id) in asked:
                continue
            asked.add((application.partner_id.id, company.id))
            lang = application.partner_id.lang or self.env.lang
            vals_list.append(
                {
                    "partner_id": application.partner_id.id,
                    "talent_id": application.pool_applicant_id.id,
                    "company_id": company.id,
                    "purpose": "talent_pool",
                    "legal_basis": "consent",
                    "source": "ats",
                    "confirmation_required": True,
                    "consent_text": company.with_context(lang=lang)._talent_get_consent_text(),
                    "text_version": company._talent_get_consent_version(),
                }
            )
        return Consent.create(vals_list)

    def _talent_with_open_applications(self, exclude=None):
        """Talents of ``self`` with an ongoing application other than ``exclude``."""
        domain = (
            Domain("pool_applicant_id", "in", self.ids)
            & Domain("talent_pool_ids", "=", False)
            & Domain("job_id", "!=", False)
            & Domain("application_status", "in", ["ongoing"])
        )
        if exclude:
            domain &= Domain("id", "not in", exclude.ids)
        groups = self.env["hr.applicant"]._read_group(domain, ["pool_applicant_id"], ["__count"])
        return self.browse([talent.id for talent, _count in groups])

    def _talent_lead_on_refusal(self):
        """A refused application brings its person back to the CRM, as a qualified lead.

        Runners-up (refused in or after the company's runners-up stage) join the company's
        Runners-up pool, as talents created on the spot when needed. The refuse reason is kept on
        the talent. A talent with another ongoing application stays converted.
        """
        applications = self.filtered(lambda a: a.job_id and not a.talent_pool_ids and a.refuse_reason_id)
        if not applications:
            return
        talent_of = {}
        runners_up = applications._talent_runners_up()
        for company, company_runners_up in runners_up.grouped("company_id").items():
            talent_of.update(company_runners_up._talent_crm_ensure_talents(pools=company._talent_get_runners_up_pool()))
        # runners-up wait in the pool, pending, until they confirm (no campaign reaches them until then)
        runners_up._talent_ask_pool_consent()
        talent_of.update((applications - runners_up)._talent_crm_find_talents(link=True))
        refused = applications.filtered(lambda a: a.id in talent_of)
        if not refused:
            return
        now = fields.Datetime.now()
        latest = {}
        for application in refused.sorted(lambda a: (a.refuse_date or now, a.id)):
            latest[talent_of[application.id]] = application
        for (reason, date), talents in self.browse().concat(*latest).grouped(
            lambda t: (latest[t].refuse_reason_id, latest[t].refuse_date or now)
        ).items():
            talents.sudo().write({"talent_refuse_reason_id": reason.id, "talent_refuse_date": date})
        talents = self.browse().concat(*latest)
        notes = {}
        for talent, application in latest.items():
            note = self.env._(
                "Application %(link)s refused: %(reason)s.",
                link=application._get_html_link(title=application.job_id.name),
                reason=application.refuse_reason_id.name,
            )
            if application in runners_up:
                note += Markup(" ") + self.env._(
                    "A runner-up: in the pool %(pool)s.",
                    pool=application.company_id.talent_runners_up_pool_id.name,
                )
            notes[talent.id] = note
        busy = talents._talent_with_open_applications(exclude=applications)
        back = talents.filtered(
            lambda t: t not in busy and t.talent_lead_state in ("captured", "activated", "converted")
        )
        moved = self.browse()
        for reason, reason_talents in back.grouped(lambda t: latest[t].refuse_reason_id).items():
            moved |= reason_talents._talent_lead_move(
                "qualified", reason=reason.name, origin="ats", system=True, notes=notes
            )
        unmoved = talents - moved
        unmoved._message_log_batch(bodies={talent.id: notes[talent.id] for talent in unmoved})

    def _talent_lead_on_restore(self):
        """A refused application restored in Recruitment: its talent is converted again."""
        applications = self.filtered(lambda a: a.job_id and not a.talent_pool_ids and a.active)
        talents = applications.pool_applicant_id.filtered(
            lambda t: t.talent_pool_ids and t.talent_lead_state in ("captured", "qualified", "activated")
        )
        talents._talent_lead_move(
            "converted", reason=self.env._("Application restored"), origin="ats", system=True
        )

    def _talent_lead_on_stage_change(self, hired_before):
        """Hired in Recruitment: the talent is hired. Moved out of the hired stage: converted again."""
        applications = self.filtered(lambda a: a.job_id and not a.talent_pool_ids)
        hired = applications.filtered(lambda a: a.stage_id.hired_stage and a.id not in hired_before)
        unhired = applications.filtered(lambda a: not a.stage_id.hired_stage and a.id in hired_before)
        if hired:
            talent_of = hired._talent_crm_find_talents(link=True)
            for job, job_applications in hired.filtered(lambda a: a.id in talent_of).grouped("job_id").items():
                talents = self.browse({talent_of[a.id].id for a in job_applications})
                talents._talent_lead_move("hired", reason=job.name, origin="ats", system=True)
        if unhired:
            talents = unhired.pool_applicant_id.filtered(lambda t: t.talent_lead_state == "hired")
            still_hired = self.env["hr.applicant"]._read_group(
                Domain("pool_applicant_id", "in", talents.ids)
                & Domain("id", "not in", unhired.ids)
                & Domain("talent_pool_ids", "=", False)
                & Domain("stage_id.hired_stage", "=", True),
                ["pool_applicant_id"],
                ["__count"],
            )
            talents -= self.browse([talent.id for talent, _count in still_hired])
            talents._talent_lead_move("converted", origin="ats", system=True)

    # ------------------------------------------------------------
    # Nurture: warm pipeline, conversion, replies, enrollment
    # ------------------------------------------------------------

    def _talent_is_warm(self):
        """Which talents of ``self`` are in a warm pipeline: ``{talent_id: bool}``.

        The rule is :meth:`res.partner._talent_warm_talent_domain` (the lead was activated, or an
        ongoing application links to the talent), run in one query.
        """
        domain = Domain("id", "in", self.ids) & self.env["res.partner"]._talent_warm_talent_domain()
        warm = set(self.sudo().with_context(active_test=False)._search(domain).get_result_ids())
        return {talent.id: talent.id in warm for talent in self}

    def _talent_converted_talents(self):
        """Talents of ``self`` with a live application (ongoing or hired) linked to them."""
        if not self:
            return self
        groups = self.env["hr.applicant"].sudo()._read_group(
            [
                ("pool_applicant_id", "in", self.ids),
                ("id", "not in", self.ids),
                ("job_id", "!=", False),
                ("application_status", "in", ["ongoing", "hired"]),
            ],
            ["pool_applicant_id"],
        )
        return self.browse([talent.id for (talent,) in groups])

    def _talent_nurture_stop_converted(self):
        applications = self.filtered(
            lambda a: a.job_id and a.active and a.pool_applicant_id and a.pool_applicant_id != a
        )
        if applications:
            self.env["talent.sequence.enrollment"]._talent_stop_for_talents(
                applications.pool_applicant_id, "converted"
            )

    def _talent_nurture_on_inbound_email(self, msg_dict):
        """An email from the person on their talent or application ends their nurture (reply rule)."""
        author_id = msg_dict.get("author_id")
        email = tools.email_normalize(msg_dict.get("email_from") or msg_dict.get("from") or "")
        talents = self.browse()
        for applicant in self:
            talent = applicant if applicant.talent_pool_ids else applicant.pool_applicant_id
            partner = talent.partner_id
            if talent and ((author_id and author_id == partner.id) or (email and email == partner.email_normalized)):
                talents |= talent
        self.env["talent.sequence.enrollment"]._talent_stop_for_talents(
            talents, "reply", self.env._("Replied by email")
        )

    def _talent_enroll(self, sequence, origin="other", pool=None):
        """Enroll the talents of ``self`` in ``sequence``; idempotent.

        Returns the enrollments of all talents of ``self`` in ``sequence``, existing ones
        included (they are left as they are, whatever their state). Raises ``UserError`` for
        records that are not talents, an archived or empty sequence, or another company's
        sequence. People marked do-not-contact are enrolled but stopped at once, with the reason.
        """
        sequence.ensure_one()
        sequence._talent_check_enrollable()
        not_talents = self.filtered(lambda a: not a.talent_pool_ids)
        if not_talents:
            raise UserError(
                self.env._(
                    "Only talents (people in a pool) can be enrolled in a sequence: %(names)s.",
                    names=", ".join(not_talents.mapped("display_name")),
                )
            )
        if sequence.company_id:
            other = self.filtered(lambda a: a.company_id and a.company_id != sequence.company_id)
            if other:
                raise UserError(
                    self.env._(
                        "The sequence %(sequence)s belongs to %(company)s; these talents do not: %(names)s.",
                        sequence=sequence.name,
                        company=sequence.company_id.name,
                        names=", ".join(other.mapped("display_name")),
                    )
                )
        Enrollment = self.env["talent.sequence.enrollment"]
        existing = Enrollment.sudo().search([("sequence_id", "=", sequence.id), ("talent_id", "in", self.ids)])
        todo = self - existing.talent_id
        new = Enrollment.create(
            [
                {
                    "sequence_id": sequence.id,
                    "talent_id": talent.id,
                    "company_id": (talent.company_id or sequence.company_id or self.env.company).id,
                    "origin": origin,
                    "pool_id": pool.id if pool else False,
                }
                for talent in todo
            ]
        )
        blocked = new.partner_id._talent_contact_blockers("call")
        new.filtered(lambda e: "do_not_contact" in blocked.get(e.partner_id.id, []))._talent_stop("do_not_contact")
        return Enrollment.browse((existing | new.sudo()).ids)

    def _talent_pool_auto_enroll(self, previous_pools):
        """Enroll talents that just joined a pool with an auto-enroll sequence (one call per pool)."""
        joined = defaultdict(lambda: self.browse())
        for talent in self.filtered("talent_pool_ids"):
            added = talent.talent_pool_ids - previous_pools.get(talent.id, self.env["hr.talent.pool"])
            for pool in added:
                joined[pool] |= talent
        for pool, talents in joined.items():
            sequence = pool.sudo().talent_sequence_id
            if not sequence or not sequence.active or not sequence.step_ids:
                continue
            if sequence.company_id:
                company = sequence.company_id
                talents = talents.filtered(lambda t, company=company: not t.company_id or t.company_id == company)
            talents.sudo()._talent_enroll(sequence, origin="pool", pool=pool)

    # ------------------------------------------------------------
    # Job alerts
    # ------------------------------------------------------------

    def mail_allowed_qweb_expressions(self):
        # merge fields of the talent newsletter that marketers (not template editors) may keep
        return super().mail_allowed_qweb_expressions() + (
            "object.talent_nurture_first_name",
            "object.partner_name",
            "object.company_id.name",
        )

    def _talent_job_apply_url(self, job=None):
        """Signed link of the person to say "I am interested" in ``job`` (one click, no account)."""
        self.ensure_one()
        job = job or self.talent_alert_job_id
        token = self.partner_id._talent_access_token("job_apply", self.company_id or None, job=job)
        return "%s/talent/jobs/%s/apply/%s" % (self.get_base_url(), job.id, token)

    def _talent_job_alert_clicked(self, job):
        """The person opened the apply link of the alert for ``job``: a click on the alert's
        trace (once), which the engagement hooks turn into a touch."""
        self.ensure_one()
        alert = self.env["talent.job.alert"].sudo().search(
            [("job_id", "=", job.id), ("partner_id", "=", self.partner_id.id), ("mailing_trace_id", "!=", False)],
            limit=1,
        )
        trace = alert.mailing_trace_id
        if trace and not trace.links_click_datetime:
            trace.set_clicked()
        return trace

    def _talent_job_alert_apply(self, job):
        """The person answered a job alert with "I am interested": an application for ``job``
        (or the ongoing one), logged on the talent. Returns the application."""
        self.ensure_one()
        wizard = self.env["job.add.applicants"].sudo().create(
            {"applicant_ids": [fields.Command.set(self.ids)], "job_ids": [fields.Command.set(job.ids)]}
        )
        created, reused = wizard._talent_convert()
        company = self.company_id or job.company_id or self.env.company
        # written in the person's language, not the public page's
        partner = self.partner_id.with_context(lang=self.partner_id._talent_record_lang(company))
        partner._talent_log_community_event(
            company,
            partner.env._("Answered the job alert for %(job)s: interested.", job=job.name),
            engagement="other",
        )
        return created | reused

    # ------------------------------------------------------------
    # Matching: full-text search columns
    # ------------------------------------------------------------

    @api.model
    def _talent_add_tsvector(self, cr, table, column, expression, partial=False):
        """A generated ``tsvector`` column on ``table`` with its GIN index, unless it exists."""
        if not sql.column_exists(cr, table, column):
            cr.execute(
                SQL(
                    "ALTER TABLE %s ADD COLUMN %s tsvector GENERATED ALWAYS AS (%s) STORED",
                    SQL.identifier(table),
                    SQL.identifier(column),
                    expression,
                )
            )
        sql.create_index(
            cr,
            "%s_%s_gin" % (table, column),
            table,
            [column],
            method="gin",
            where="%s IS NOT NULL" % column if partial else "",
        )

    # ------------------------------------------------------------
    # Data hygiene: duplicates, merge, bounces, enrichment, CV, import
    # ------------------------------------------------------------

    # -- Exact duplicates at creation (import, sign-up) ------------

    @api.model
    def _talent_identity_keys(self, vals, company=None):
        """Exact identity keys of the person described by ``vals`` (create or write values).

        Returns ``{key_name: value}`` with ``partner``, ``email``, ``linkedin``, ``github``,
        ``xing`` and ``phone`` (E.164), each only when present and valid.
        """
        company = company or self.env.company
        keys = {}
        if vals.get("partner_id"):
            keys["partner"] = vals["partner_id"]
        email = tools.email_normalize(vals.get("email_from") or "")
        if email:
            keys["email"] = email
        for kind, fname in profile_urls.FIELD_BY_KIND.items():
            if kind in dedup.IDENTITY_KEYS and vals.get(fname):
                url = profile_urls.try_normalize(vals[fname], kind)
                if url:
                    keys[kind] = url
        if vals.get("partner_phone"):
            country = self.env["res.country"].browse(vals.get("talent_country_id")) or company.country_id
            phone = self._phone_format(number=vals["partner_phone"], country=country, force_format="E164")
            if phone and phone.startswith("+"):
                keys["phone"] = phone
        return keys

    @api.model
    def _talent_find_existing(self, vals, company=None):
        """Return the talent that ``vals`` describes, if the company already has one.

        Public API for every path that creates talents from outside data (import, the
        talent-community sign-up, integrations): call it before ``create`` and update the
        returned talent instead of creating a duplicate. Matches on exact keys only, in
        this order: contact, email, LinkedIn, GitHub, Xing, phone (E.164). Near duplicates
        (similar names) are left to :meth:`talent.duplicate._talent_refresh`.

        :param dict vals: values as for ``create`` (``email_from``, ``linkedin_profile``,
            ``talent_github_url``, ``talent_xing_url``, ``partner_phone``, ``partner_id``,
            ``talent_country_id``)
        :param company: ``res.company`` to look in (default: the current company)
        :return: an ``hr.applicant`` recordset of at most one talent
        """
        return self._talent_find_existing_batch([vals], company=company)[0]

    @api.model
    def _talent_find_existing_batch(self, vals_list, company=None):
        """Batch version of :meth:`_talent_find_existing`: one search for all ``vals_list``."""
        company = company or self.env.company
        keys_list = [self._talent_identity_keys(vals, company=company) for vals in vals_list]
        field_by_key = dedup.IDENTITY_KEYS
        values_by_key = {key: set() for key in field_by_key}
        for keys in keys_list:
            for key, value in keys.items():
                values_by_key[key].add(value)
        domains = [Domain(field_by_key[key], "in", list(values)) for key, values in values_by_key.items() if values]
        if not domains:
            return [self.browse() for _vals in vals_list]
        candidates = self.sudo().search(
            self._talent_domain() & Domain("company_id", "=", company.id) & Domain.OR(domains), order="id"
        )
        index = {}
        for talent in candidates:
            for key, fname in field_by_key.items():
                value = talent[fname].id if key == "partner" else talent[fname]
                if value:
                    index.setdefault((key, value), talent)
        results = []
        for keys in keys_list:
            match = self.browse()
            for key in field_by_key:  # priority order
                if key in keys and (key, keys[key]) in index:
                    match = index[(key, keys[key])].with_env(self.env)
                    break
            results.append(match)
        return results

    def _talent_fill_from_vals(self, vals):
        """Complete this talent with ``vals`` without overwriting what recruiters entered.

        Empty fields are filled, pools and tags are added, skills the talent does not have
        yet are added. Returns the names of the fields that changed.
        """
        self.ensure_one()
        update, changed = {}, []
        for fname, value in vals.items():
            field = self._fields.get(fname)
            if field is None or fname in ("id", "partner_id", "company_id") or value in (False, None, "", []):
                continue
            if field.type == "many2many":
                new_ids = set(self._talent_command_ids(value)) - set(self[fname].ids)
                if new_ids:
                    update[fname] = [Command.link(record_id) for record_id in sorted(new_ids)]
            elif fname == "applicant_skill_ids":
                known = set(self.applicant_skill_ids.skill_id.ids)
                commands = [
                    command for command in value
                    if command[0] == Command.CREATE and command[2].get("skill_id") not in known
                ]
                if commands:
                    update[fname] = commands
            elif field.type == "one2many" or not field.store or (field.compute and field.readonly):
                continue
            elif not self[fname] or (fname == "talent_availability" and self[fname] == "unknown"):
                update[fname] = value
            else:
                continue
            changed.append(fname)
        if update:
            self.write(update)
        return changed

    @api.model
    def _talent_command_ids(self, commands):
        """Record ids that x2many ``commands`` (or a plain id list) link."""
        ids = []
        for command in commands or []:
            if isinstance(command, int):
                ids.append(command)
            elif command[0] == Command.SET:
                ids.extend(command[2])
            elif command[0] == Command.LINK:
                ids.append(command[1])
        return ids

    def _talent_log_import_update(self, changed):
        self.ensure_one()
        labels = [self._fields[fname].get_description(self.env)["string"] for fname in changed]
        body = (
            self.env._("The import found this talent again and completed: %(fields)s.", fields=", ".join(labels))
            if labels
            else self.env._("The import found this talent again; nothing new to add.")
        )
        self.message_post(body=body, subtype_xmlid="mail.mt_note")

    def _talent_apply_import_consent(self):
        """Record the consent chosen in the import wizard for the people imported."""
        consent = self.env.context.get("talent_crm_import_consent")
        if not consent or not self:
            return self.env["talent.consent"]
        purposes = consent.get("purposes") or []
        existing = self.env["talent.consent"].sudo()._read_group(
            [
                ("partner_id", "in", self.partner_id.ids),
                ("purpose", "in", purposes),
                ("state", "in", ["valid"]),
                ("company_id", "in", self.company_id.ids),
            ],
            ["partner_id", "purpose", "company_id"],
            ["__count"],
        )
        known = {(partner.id, purpose, company.id) for partner, purpose, company, _count in existing}
        vals_list = []
        for talent in self:
            for purpose in purposes:
                if (talent.partner_id.id, purpose, talent.company_id.id) in known:
                    continue
                known.add((talent.partner_id.id, purpose, talent.company_id.id))
                vals_list.append(
                    {
                        "partner_id": talent.partner_id.id,
                        "talent_id": talent.id,
                        "company_id": talent.company_id.id,
                        "purpose": purpose,
                        "legal_basis": consent.get("legal_basis") or "consent",
                        "source": "import",
                        "date_given": consent.get("date_given") or fields.Datetime.now(),
                        "consent_text": consent.get("consent_text") or False,
                        "text_version": consent.get("text_version") or False,
                    }
                )
        return self.env["talent.consent"].create(vals_list)

    # -- Near duplicates -------------------------------------------

    def _talent_detect_duplicates(self):
        """Refresh the duplicate candidates of these talents (set-based, see ``talent.duplicate``)."""
        talents = self.filtered("talent_pool_ids")
        if talents:
            self.env["talent.duplicate"]._talent_refresh(talents)
        return True

    # -- Merge -----------------------------------------------------

    @api.model
    def _talent_merge_excluded_fields(self):
        """``(model, field)`` pairs that a merge must not re-point to the kept talent.

        Extend with ``super()`` for links that must follow other rules.
        """
        return {
            ("talent.duplicate", "talent_id"),
            ("talent.duplicate", "duplicate_id"),
            ("ir.model.data", "res_id"),
            ("talent.merge.wizard", "dst_talent_id"),
        }

    def _talent_merge_into(self, dst_talent):
        """Merge the talents of ``self`` into ``dst_talent``; managers only.

        Nothing is lost:

        * every record pointing to a merged talent is re-pointed to the kept one, found by
          introspecting the registry (stored many2one, many2many, many2one_reference and
          reference fields whose target is ``hr.applicant``), so that links added by other
          modules move too: applications, skills, pools, attachments, messages,
          activities, followers, touches, consents, enrollments, ...;
        * where a unique rule allows only one row (a skill, a follower), the kept talent's row
          stays and the merged talent's row is dropped;
        * of the enrollments in one sequence, the one to go on with stays, with the history of
          all of them (:meth:`_talent_merge_enrollments`): no step is sent twice;
        * fields empty on the kept talent are filled from the merged one, notes are joined;
        * the partners behind the talents are merged with Odoo's own partner merge
          (``base.partner.merge.automatic.wizard``), which keeps one job alert per job, the
          sent one (see its ``_talent_merge_job_alerts``);
        * a chatter note on the kept talent lists what was merged.

        :return: the kept talent
        """
        dst_talent.ensure_one()
        if not (self.env.is_superuser() or self.env.user.has_group("talent_crm.group_talent_crm_manager")):
            raise AccessError(self.env._("Only Talent CRM managers can merge talents."))
        sources = (self - dst_talent).with_context(active_test=False)
        if not sources:
            return dst_talent
        # every record merged is changed or deleted: the user must be allowed to write each
        # talent and each contact behind them (record rules, companies, interviewers)
        everyone = sources | dst_talent.with_env(sources.env)
        everyone.check_access("write")
        everyone.partner_id.check_access("write")
        talents = (sources | dst_talent).sudo()
        if not all(talent.talent_pool_ids for talent in talents):
            raise UserError(self.env._("Only talents (people in a talent pool) can be merged."))
        if len(talents.company_id) > 1:
            raise UserError(self.env._("Talents of different companies cannot be merged."))
        sources, dst = sources.sudo(), dst_talent.sudo()
        summary = dst._talent_merge_summary(sources)
        # all or nothing: when Odoo's partner merge refuses the contacts (see
        # _talent_merge_partners), the talents stay as they were
        # (rolling the savepoint back also clears the cache of what the merge changed)
        with self.env.cr.savepoint():
            filled = dst._talent_merge_fill_values(sources)
            merged_enrollments = dst._talent_merge_enrollments(sources)
            moved = self._talent_merge_repoint(sources, dst)
            if merged_enrollments:
                moved["talent.sequence.enrollment"] = moved.get("talent.sequence.enrollment", 0) + merged_enrollments
            partners = (sources.partner_id | dst.partner_id) - dst.partner_id
            sources.unlink()
            if partners:
                dst._talent_merge_partners(partners, user=self.env.user)
            self.env.flush_all()
        dst._talent_merge_post_summary(summary, filled, moved)
        return dst_talent

    def _talent_merge_summary(self, sources):
        self.ensure_one()
        return [
            {
                "id": source.id,
                "name": source.partner_name or source.display_name,
                "email": source.email_from,
                "pools": source.talent_pool_ids.mapped("name"),
            }
            for source in sources
        ]

    def _talent_merge_fill_values(self, sources):
        """Fill the kept talent's empty fields from the sources; returns the field names."""
        self.ensure_one()
        skip = {
            "id", "partner_id", "pool_applicant_id", "job_id", "stage_id", "last_stage_id", "company_id",
            "active", "sequence", "kanban_state", "color", "date_open", "date_last_stage_update",
            "talent_profile_date", "message_main_attachment_id", "talent_availability",
        }
        values, html_joined = {}, {}
        for fname, field in self._fields.items():
            if (
                fname in skip
                or not field.store
                or field.type in ("one2many", "many2many", "boolean", "binary", "properties", "many2one_reference")
                or (field.compute and field.readonly)
                or field.related
                or fname in models.MAGIC_COLUMNS
            ):
                continue
            if field.type == "html":
                parts = [self[fname]] + [source[fname] for source in sources]
                parts = [part for part in parts if not tools.is_html_empty(part)]
                if len(parts) > 1:
                    html_joined[fname] = Markup("<br/>").join(parts)
                elif parts and tools.is_html_empty(self[fname]):
                    values[fname] = parts[0]
                continue
            if self[fname]:
                continue
            for source in sources:
                if source[fname]:
                    values[fname] = source[fname].id if field.type == "many2one" else source[fname]
                    break
        if self.talent_availability == "unknown":
            known = sources.filtered(lambda s: s.talent_availability != "unknown")[:1]
            if known:
                values["talent_availability"] = known.talent_availability
        values.update(html_joined)
        if values:
            self.write(values)
        return sorted(values)

    def _talent_merge_enrollments(self, sources):
        """Keep one enrollment per sequence for the kept talent ``self``, the one a recruiter
        expects the person to go on with; returns how many enrollments of ``sources`` were
        moved to ``self`` or merged into the one kept.

        Of the enrollments of ``self`` and ``sources`` in one sequence, the one kept is, in order:

        1. one the person ended: replied, unsubscribed, bounced, applied for a job or asked not
           to be contacted (a merge never starts messaging someone again against their choice),
           or one a recruiter stopped on the kept talent itself;
        2. a completed one: every step already ran;
        3. the one furthest in the sequence: later repeat cycle, then later next step (running,
           paused, or stopped by a recruiter on a merged talent or because that talent was
           archived: such a stop is about the duplicate record, often silenced before the merge,
           not about the person);
        4. on a tie, the kept talent's.

        The enrollment kept goes on in the state of the kept talent's own enrollment when that
        one was running or paused (a recruiter's pause holds), else running if any of them was:
        a pause or a stop of a merged talent's enrollment does not end the person's nurture.

        The kept enrollment moves to ``self``; the others are deleted but their history is not:
        their executions (the messages and tasks the person received) move to the kept
        enrollment, except for a step and repeat cycle it already ran, and touches logged by
        them point to it. A step the kept enrollment reaches that a dropped one already ran is
        therefore not run again (the scheduler only moves past a step with an execution).
        """
        self.ensure_one()
        person_stops = {"reply", "unsubscribed", "bounce", "converted", "do_not_contact"}
        Enrollment = self.env["talent.sequence.enrollment"].sudo().with_context(active_test=False)
        Execution = self.env["talent.sequence.execution"].sudo()
        enrollments = Enrollment.search([("talent_id", "in", (self | sources).ids)])
        count = 0
        for sequence, group in enrollments.grouped("sequence_id").items():
            if not group.filtered(lambda e: e.talent_id != self):
                continue
            steps = sequence.step_ids.sorted(lambda s: (s.sequence, s.id)).ids

            def decided(enrollment):
                return enrollment.state == "stopped" and (
                    enrollment.stop_reason in person_stops
                    or (enrollment.talent_id == self and enrollment.stop_reason == "manual")
                )

            def rank(enrollment, steps=steps):
                step = enrollment.next_step_id.id
                position = steps.index(step) if step in steps else len(steps)
                return (
                    decided(enrollment),
                    enrollment.state == "completed",
                    enrollment.cycle,
                    position,
                    enrollment.talent_id == self,
                )

            kept = max(group, key=rank)
            dropped = group - kept
            count += len(group.filtered(lambda e: e.talent_id != self))
            # the person goes on as the kept talent's enrollment did (running or paused by a
            # recruiter); a pause or a stop of a merged talent's enrollment was about that record
            own = group.filtered(lambda e: e.talent_id == self)
            live = group.filtered(lambda e: e.state in ("running", "paused"))
            state = own.state if own.state in ("running", "paused") else (live and "running")
            values = {}
            if state and state != kept.state and not decided(kept) and kept.state != "completed":
                now = fields.Datetime.now()
                due = kept.next_date or kept.step_due_date or now
                values.update(
                    state=state,
                    paused_date=(own.paused_date or now) if state == "paused" else False,
                    next_date=max(due, now) if state == "running" else due,
                    stop_reason=False,
                    stop_note=False,
                    date_done=False,
                )
            if dropped:
                done = {(ex.step_id.id, ex.cycle) for ex in kept.execution_ids}
                history = Execution.search([("enrollment_id", "in", dropped.ids)], order="date, id")
                for execution in history:
                    key = (execution.step_id.id, execution.cycle)
                    if key not in done:
                        done.add(key)
                        execution.enrollment_id = kept
                self._talent_merge_repoint_enrollment_refs(dropped, kept)
                _logger.info("Talent merge: enrollments %s merged into %s", dropped.ids, kept.id)
                # their executions left are steps the kept enrollment ran too: they go with them
                dropped.unlink()
            if kept.talent_id != self:
                values["talent_id"] = self.id
            if values:
                kept.write(values)
        return count

    @api.model
    def _talent_merge_repoint_enrollment_refs(self, dropped, kept):
        """Point the records that reference the enrollments ``dropped`` by model and id (the
        touches their steps logged, ...) to ``kept``."""
        for model_name in list(self.env.registry):
            Model = self.env[model_name].sudo().with_context(active_test=False)
            if Model._abstract or Model._transient or not Model._auto:
                continue
            for fname, field in Model._fields.items():
                if field.type != "many2one_reference" or not field.store:
                    continue
                model_field = Model._fields.get(field.model_field)
                if not model_field or not model_field.store:
                    continue
                records = Model.search([(field.model_field, "=", dropped._name), (fname, "in", dropped.ids)])
                if records:
                    records.write({fname: kept.id})

    @api.model
    def _talent_merge_repoint(self, sources, dst):
        """Re-point everything that references ``sources`` to ``dst``; returns counts per model."""
        excluded = self._talent_merge_excluded_fields()
        moved = {}
        self.env.flush_all()
        source_ids = sources.ids
        for model_name in list(self.env.registry):
            Model = self.env[model_name].sudo().with_context(active_test=False)
            if Model._abstract or Model._transient or not Model._auto:
                continue
            for fname, field in Model._fields.items():
                if not field.store or (model_name, fname) in excluded or field.company_dependent:
                    continue
                if field.compute and (field.readonly or field.related):
                    continue
                count = 0
                if field.type == "many2one" and field.comodel_name == self._name:
                    # rows owned by the talent (cascade) die with it anyway: on a conflict, drop them
                    records = Model.search([(fname, "in", source_ids)])
                    count = self._talent_merge_write(
                        records, {fname: dst.id}, drop_conflicts=field.ondelete == "cascade"
                    )
                elif field.type == "many2many" and field.comodel_name == self._name:
                    # link the kept talent; the merged talents' rows go when they are deleted
                    records = Model.search([(fname, "in", source_ids)])
                    if records:
                        records.write({fname: [Command.link(dst.id)]})
                        count = len(records)
                elif field.type == "many2many" and model_name == self._name:
                    linked = sources[fname] - dst[fname]
                    if linked:
                        dst.write({fname: [Command.link(record.id) for record in linked]})
                        count = len(linked)
                elif field.type == "many2one_reference":
                    model_field = Model._fields.get(field.model_field)
                    if not model_field or not model_field.store:
                        continue
                    records = Model.search([(field.model_field, "=", self._name), (fname, "in", source_ids)])
                    count = self._talent_merge_write(records, {fname: dst.id}, drop_conflicts=True)
                elif field.type == "reference":
                    refs = ["%s,%s" % (self._name, sid) for sid in source_ids]
                    records = Model.search([(fname, "in", refs)])
                    count = self._talent_merge_write(
                        records, {fname: "%s,%s" % (self._name, dst.id)}, drop_conflicts=False
                    )
                if count:
                    moved[model_name] = moved.get(model_name, 0) + count
        return moved

    @api.model
    def _talent_merge_write(self, records, vals, drop_conflicts=False):
        """Write ``vals`` on ``records``, returns how many were moved.

        With ``drop_conflicts``, a row that a unique rule refuses (the kept talent already
        has that skill, that follower, that enrollment) is deleted: the kept talent's row
        wins. Without it, the error is raised and the merge is rolled back as a whole.
        """
        if not records:
            return 0
        try:
            with self.env.cr.savepoint():
                records.write(vals)
            return len(records)
        except (psycopg2.Error, ValidationError, UserError):
            self.env.invalidate_all(flush=False)
            if not drop_conflicts:
                raise
        count = 0
        for record in records:
            try:
                with self.env.cr.savepoint():
                    record.write(vals)
                count += 1
            except (psycopg2.Error, ValidationError, UserError):
                self.env.invalidate_all(flush=False)
                _logger.info("Talent merge: %s already exists on the kept talent, dropped", record)
                record.unlink()
        return count

    def _talent_merge_partners(self, partners, user=None):
        """Merge ``partners`` into this talent's partner with Odoo's partner merge (3 at a time),
        as ``user`` (default: the current user)."""
        self.ensure_one()
        dst_partner = self.partner_id
        # Odoo's partner merge as the user who merges, with its own checks: at most three
        # contacts at once, no parent with its child, one user at most, and the same email
        # unless an administrator merges
        wizard = self.env["base.partner.merge.automatic.wizard"].with_user(user or self.env.user)
        partners = partners.sudo().exists()
        for start in range(0, len(partners), 2):
            chunk = partners[start : start + 2]
            try:
                wizard._merge((chunk | dst_partner).ids, dst_partner=dst_partner.with_env(wizard.env))
            except UserError as error:
                raise UserError(
                    self.env._(
                        "The contacts behind these talents cannot be merged: %(reason)s", reason=error.args[0]
                    )
                ) from error
        # the partner merge rewrote foreign keys in SQL: let the ORM recompute what depends on them
        self.env.invalidate_all()
        applicants = self.with_context(active_test=False).search([("partner_id", "=", dst_partner.id)])
        applicants.modified(["partner_id"])
        # the touch dates were set again by each merge (base.partner.merge.automatic.wizard)

    def _talent_merge_post_summary(self, summary, filled, moved):
        self.ensure_one()
        items = Markup("").join(
            Markup("<li>%s</li>")
            % self.env._(
                "%(name)s (%(email)s, #%(id)s), pools: %(pools)s",
                name=item["name"],
                email=item["email"] or "-",
                id=item["id"],
                pools=", ".join(item["pools"]) or "-",
            )
            for item in summary
        )
        moved_text = ", ".join(
            "%s: %s" % (self.env["ir.model"]._get(model).name or model, count)
            for model, count in sorted(moved.items())
        )
        labels = [self._fields[fname].get_description(self.env)["string"] for fname in filled]
        body = Markup("<p>%s</p><ul>%s</ul><p>%s</p><p>%s</p>") % (
            self.env._("Merged into this talent:"),
            items,
            self.env._("Moved records: %(moved)s", moved=moved_text or "-"),
            self.env._("Filled fields: %(fields)s", fields=", ".join(labels) or "-"),
        )
        self.message_post(body=body, subtype_xmlid="mail.mt_note")

    # -- Bounces ---------------------------------------------------

    def _talent_on_hard_bounce(self, email=False):
        """Hook called on the talents whose email address hard-bounced.

        Flags the person (``res.partner.talent_email_bounced``, shown on the talent as
        ``talent_email_bounced``, and a ``bounced`` contact blocker) and posts a note.
        A hard bounce ends the person's nurture enrollments (reason "Hard bounce").
        Other features extend it with ``super()``. Called by the mail gateway (see
        ``mail.thread._routing_handle_bounce``) with sudo.
        """
        talents = self.filtered("talent_pool_ids")
        now = fields.Datetime.now()
        for partner in talents.partner_id:
            bounced = tools.email_normalize(email or "") or partner.email_normalized
            if bounced and partner.talent_bounced_email != bounced:
                partner.write({"talent_bounced_email": bounced, "talent_email_bounce_date": now})
        for talent in talents:
            talent.message_post(
                body=self.env._(
                    "The email address %(email)s bounced permanently: no more emails are sent to it until it "
                    "is corrected.",
                    email=email or talent.email_from,
                ),
                subtype_xmlid="mail.mt_note",
            )
        if talents:
            self.env["talent.sequence.enrollment"].sudo()._talent_stop_for_talents(talents, "bounce")
        return talents

    # -- Enrichment from a URL -------------------------------------

    def _talent_enrichment_values(self, url):
        """Values the company's enrichment provider reads from ``url`` for this talent.

        The profile field of the URL's kind is always set; other values only fill
        empty fields. Bad URLs raise a ``ValidationError`` naming the reason.
        """
        company = self.company_id or self.env.company
        provider = self.env["talent.enrichment.provider"]._talent_get_provider(company)
        try:
            values = provider._talent_enrich(url, self)
        except profile_urls.InvalidProfileUrl as error:
            raise ValidationError(
                self.env._(
                    "%(value)s is not a profile address we can use: %(reason)s.",
                    value=url,
                    reason=self._talent_url_error_reasons().get(error.code, error.code),
                )
            ) from error
        return {
            fname: value
            for fname, value in values.items()
            if fname in self._fields and (fname in profile_urls.KIND_BY_FIELD or not self[fname])
        }

    def _talent_enrich_from_url(self, url):
        """Normalise a pasted profile URL and store it (and what the provider found) on the talent."""
        self.ensure_one()
        values = self._talent_enrichment_values(url)
        if values:
            self.write(values)
        return values

    # -- CV parsing ------------------------------------------------

    def _talent_get_cv_attachment(self):
        """The CV to parse: the main attachment if it is a PDF or DOCX, else the newest one."""
        self.ensure_one()
        mimetypes = self.env["talent.cv.suggestion"]._talent_cv_mimetypes()
        main = self.message_main_attachment_id
        if main and main.mimetype in mimetypes:
            return main
        return self.env["ir.attachment"].search(
            [("res_model", "=", self._name), ("res_id", "=", self.id), ("mimetype", "in", mimetypes)],
            order="create_date desc, id desc",
            limit=1,
        )

    # ------------------------------------------------------------
    # Privacy: signed links, retention, erasure
    # ------------------------------------------------------------

    def _talent_preference_url(self):
        """Absolute, signed and expiring link to the person's preference centre, for the
        talent's company. Put it in every message sent to a talent."""
        self.ensure_one()
        return self.partner_id._talent_preference_url(company=self.company_id)

    def _talent_anonymize(self):
        """Anonymise these talents and applications: personal fields, chatter, CVs and
        mailing traces; the records stay, archived, with their non-personal facts (source,
        dates, pools, stages, role family) for the statistics."""
        applicants = self.sudo().with_context(active_test=False, tracking_disable=True)
        if not applicants:
            return
        Partner = self.env["res.partner"]
        Partner._talent_erase_documents("hr.applicant", applicants.ids, wipe_tracking=True)
        Partner._talent_erase_traces(
            self.env["mailing.trace"].sudo().search([("model", "=", "hr.applicant"), ("res_id", "in", applicants.ids)])
        )
        self.env["talent.cv.suggestion"].sudo().search([("talent_id", "in", applicants.ids)]).unlink()
        self.env["talent.lead.state.log"].sudo().search(
            [("talent_id", "in", applicants.ids), ("reason", "!=", False)]
        ).write({"reason": False})
        applicants.message_unsubscribe(partner_ids=applicants.partner_id.ids)
        now = fields.Datetime.now()
        for applicant in applicants:
            applicant.write(
                {
                    "applicant_properties": False,
                    "salary_proposed_extra": False,
                    "salary_expected_extra": False,
                    "talent_lead_close_reason": False,
                    "partner_name": self.env._("Anonymised talent %(id)s", id=applicant.id),
                    "email_from": False,
                    "email_cc": False,
                    "partner_phone": False,
                    **dict.fromkeys(profile_urls.FIELD_BY_KIND.values(), False),
                    "talent_current_title": False,
                    "talent_current_company": False,
                    "talent_city": False,
                    "applicant_notes": False,
                    "active": False,
                    "talent_anonymized_date": now,
                }
            )
        # the writes above are tracked: those values name nobody, but drop them as well
        Partner._talent_erase_documents("hr.applicant", applicants.ids, wipe_tracking=True, keep_bodies=True)

    @api.model
    def _talent_retention_renewal_domain(self, company, today):
        """Active talents of ``company`` whose retention ends within the notice period and
        who were not asked yet in this period (the notice is shorter than half the period,
        so an older request is always before ``today - notice``)."""
        notice = company.talent_retention_notice_days
        return (
            self._talent_domain()
            & Domain("active", "=", True)
            & Domain("company_id", "=", company.id)
            & Domain("talent_retention_date", ">=", today)
            & Domain("talent_retention_date", "<=", today + relativedelta(days=notice))
            & Domain("talent_anonymized_date", "=", False)
            & Domain("partner_id", "!=", False)
            & (
                Domain("talent_retention_notice_date", "=", False)
                | Domain("talent_retention_notice_date", "<", today - relativedelta(days=notice))
            )
        )

    @api.model
    def _talent_retention_expired_domain(self, today):
        """Talents and applications, archived ones included, whose retention ended before ``today``."""
        return Domain("talent_retention_date", "<", today) & Domain("talent_anonymized_date", "=", False)

    def _talent_send_uncapped_email(self, template, note, company, **context):
        """Email ``template`` to the talents of ``self`` (of ``company``, already checked against
        the contact blockers), log ``note`` in their chatter and as a touch outside their
        frequency cap: for what the person is owed (a legal notice, a reply to their own
        registration), not for what the company wants to tell them."""
        template.sudo().with_context(**context).send_mail_batch(
            self.ids, email_layout_xmlid="talent_crm.mail_layout_talent_community"
        )
        self._message_log_batch(bodies=dict.fromkeys(self.ids, note))
        self.env["talent.touch"].sudo().create(
            [
                {
                    "partner_id": talent.partner_id.id,
                    "talent_id": talent.id,
                    "company_id": company.id,
                    "summary": note,
                    "channel": "email",
                    "direction": "outbound",
                    "origin": "community",
                    "counts_toward_cap": False,
                    "user_id": False,
                }
                for talent in self
            ]
        )

    def _talent_send_legal_notice(self, template_xmlid, note, blocking):
        """Email a legal notice (``template_xmlid``) to the talents of ``self`` that no reason of
        ``blocking`` (contact blockers) stops, log ``note`` in their chatter and as a touch that
        does not use up their frequency cap. Returns ``{talent: [blocking reasons]}`` for the
        ones it could not reach."""
        template = self.env.ref(template_xmlid, raise_if_not_found=False)
        unreachable = {}
        companies = self.env["res.company"].union(*(talent.company_id or self.env.company for talent in self))
        for company in companies:
            talents = self.filtered(lambda t, c=company: (t.company_id or self.env.company) == c)
            blockers = talents.partner_id._talent_contact_blockers("email", company=company)
            for talent in talents:
                reasons = [r for r in blockers.get(talent.partner_id.id, []) if r in blocking]
                if reasons:
                    unreachable[talent] = reasons
            reachable = talents.filtered(lambda t: t not in unreachable)
            if not (template and reachable):
                continue
            # part of the history, but a legal notice does not use up the person's cap
            reachable._talent_send_uncapped_email(template, note, company)
        return unreachable

    def _talent_send_renewal_requests(self):
        """Email the renewal request to the contactable talents of ``self``; all of them are
        marked as asked, so that a blocked person is not retried every day. Returns self."""
        self._talent_send_legal_notice(
            "talent_crm.mail_template_talent_retention_renewal",
            self.env._("Asked to renew the consent to stay in the talent pool."),
            {"do_not_contact", "no_email", "blacklisted", "erasure_requested"},
        )
        self.sudo().write({"talent_retention_notice_date": fields.Date.context_today(self)})
        return self

    @api.model
    def _talent_information_due_domain(self):
        """Talents kept on legitimate interest who were not told yet (Art. 14 GDPR)."""
        return (
            self._talent_domain()
            & Domain("talent_legal_basis", "=", "legitimate_interest")
            & Domain("talent_information_date", "=", False)
            & Domain("talent_anonymized_date", "=", False)
            & Domain("partner_id", "!=", False)
        )

    def _talent_send_information_notices(self):
        """Tell the people of ``self`` (kept on legitimate interest) what is kept about them, why,
        for how long and how to object (Art. 14 GDPR), once. People who cannot be written to (no
        valid address, blacklisted, erasure requested) are marked too, with the reason in the
        chatter, so that they are not retried every day. Returns self."""
        now = fields.Datetime.now()
        unreachable = self._talent_send_legal_notice(
            "talent_crm.mail_template_talent_information_notice",
            self.env._("Informed about the data kept on legitimate interest (Art. 14 GDPR)."),
            {"no_email", "blacklisted", "erasure_requested"},
        )
        labels = self.env["res.partner"]._talent_blocker_labels()
        for talent, reasons in unreachable.items():
            talent._message_log(
                body=self.env._(
                    "The information of Art. 14 GDPR could not be sent: %(reasons)s.",
                    reasons=", ".join(labels[reason] for reason in reasons),
                )
            )
        self.sudo().write({"talent_information_date": now})
        return self

    @api.model
    def _talent_lifecycle_upgrade(self):
        """Assign a legal basis and a retention to the applicants that existed before (upgrade and
        install on a database with Recruitment data): an application closed before counts from its
        refuse date, else its last change, not from today. Logs and returns the records it could
        not classify (neither an application nor a talent), listed in the deletion calendar's
        "No Legal Basis" filter."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                UPDATE hr_applicant
                   SET talent_closed_date = COALESCE(refuse_date, write_date, create_date)::date
                 WHERE job_id IS NOT NULL
                   AND talent_anonymized_date IS NULL
                   AND (refuse_reason_id IS NOT NULL OR active IS NOT TRUE)
                """
            )
        )
        Applicant = self.sudo().with_context(active_test=False)
        Applicant.invalidate_model(["talent_closed_date"])
        ids = [row[0] for row in self.env.execute_query(SQL("SELECT id FROM hr_applicant ORDER BY id"))]
        for start in range(0, len(ids), 1000):
            batch = Applicant.browse(ids[start : start + 1000])
            for fname in (
                "talent_legal_basis",
                "talent_legal_basis_date",
                "talent_legal_basis_evidence",
                "talent_retention_date",
                "talent_retention_reason",
            ):
                self.env.add_to_compute(self._fields[fname], batch)
            batch.flush_recordset()
            batch.invalidate_recordset()
        records = Applicant
        unclassified = records.search(
            [("talent_legal_basis", "=", False), ("talent_anonymized_date", "=", False)]
        )
        counts = dict(
            (basis, count) for basis, count in records._read_group([], ["talent_legal_basis"], ["__count"])
        )
        _logger.info("talent_crm data lifecycle: legal bases assigned %s", counts)
        if unclassified:
            _logger.warning(
                "talent_crm data lifecycle: %s applicants have no legal basis (neither an application nor in a "
                "pool), ids %s; see Talents > Deletion Calendar, filter No Legal Basis",
                len(unclassified),
                unclassified.ids[:50],
            )
        return unclassified

    def _talent_retention_plan(self, today=None):
        """What the retention cron does with the people of ``self`` on ``today``:
        ``{"anonymise": [records of a person], "held": records, "kept": records}``. A person is
        kept while one of their applications is ongoing or hired or their retention is not over on
        all of their records; held while a hold is in force."""
        today = today or fields.Date.context_today(self)
        persons = self._talent_retention_persons()
        everyone = self.browse().concat(*persons)
        held = self.env["talent.retention.hold"]._talent_held(everyone)
        # whatever record it is linked to: a contact applying in the company is never anonymised
        busy = {
            (partner.id, company.id)
            for partner, company in self.env["hr.applicant"]
            .sudo()
            ._read_group(
                Domain("partner_id", "in", everyone.partner_id.ids)
                & Domain("job_id", "!=", False)
                & Domain("application_status", "in", ["ongoing"]),
                ["partner_id", "company_id"],
            )
        }
        plan = {"anonymise": [], "held": self.browse(), "kept": self.browse()}
        for records in persons:
            if any((record.partner_id.id, record.company_id.id) in busy for record in records) or any(
                not record.talent_retention_date
                or record.talent_retention_date >= today
                or (record.job_id and record.application_status in ("ongoing", "hired"))
                for record in records
            ):
                plan["kept"] |= records
            elif records & held:
                plan["held"] |= records
            else:
                plan["anonymise"].append(records)
        return plan

    def _talent_retention_expire(self, message=None):
        """Anonymise the people of ``self`` whose retention ended (see :meth:`_talent_retention_plan`),
        each with all their talents and applications in the company; a person of whom another
        worker holds a record waits for the next run. Returns the records anonymised."""
        expired = self.browse()
        for records in self._talent_retention_plan()["anonymise"]:
            others = records - self
            if others and len(others.try_lock_for_update()) != len(others):
                continue
            expired |= records
        if not expired:
            return expired
        # people who still have another profile, users, business contacts and shared
        # mailboxes keep their contact: only talent_crm's data about these records goes
        # (the contacts first: who else is on them is told by the names of their applicants)
        expired.partner_id._talent_anonymize(applicants=expired)
        reasons = dict(self._fields["talent_retention_reason"]._description_selection(self.env))
        bodies = {
            record.id: message
            or self.env._(
                "Personal data anonymised at the end of the retention period (%(reason)s).",
                reason=reasons.get(record.talent_retention_reason, ""),
            )
            for record in expired
        }
        expired._talent_anonymize()
        expired._message_log_batch(bodies=bodies)
        _logger.info("talent_crm retention: anonymised %s talents and applications", len(expired))
        return expired

    @api.model
    def action_talent_retention_dry_run(self):
        """The deletion calendar's dry run: who the next run of the retention cron anonymises,
        and who a hold keeps, without changing anything."""
        if not self.env.user.has_group("talent_crm.group_talent_crm_manager"):
            raise AccessError(self.env._("Only talent managers can see what the retention run would do."))
        today = fields.Date.context_today(self)
        Applicant = self.sudo().with_context(active_test=False)
        plan = Applicant.search(self._talent_retention_expired_domain(today))._talent_retention_plan(today)
        due = self.browse().concat(*plan["anonymise"])
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "talent_crm.hr_applicant_action_talent_retention_calendar"
        )
        action.update(
            name=self.env._(
                "Next run: %(due)s to anonymise, %(held)s on hold",
                due=len(due),
                held=len(plan["held"]),
            ),
            domain=[("id", "in", (due | plan["held"]).ids)],
            views=[(self.env.ref("talent_crm.hr_applicant_view_list_retention").id, "list")],
            view_mode="list",
        )
        return action

    def _talent_retention_persons(self):
        """Group ``self`` by person (see :meth:`_talent_person_key`): the list of each person's
        talents and applications, not anonymised, archived ones included."""
        records = self.sudo().with_context(active_test=False)
        talents = records.filtered("talent_pool_ids") | records.pool_applicant_id
        siblings = records.search(
            Domain("talent_anonymized_date", "=", False)
            & (
                Domain("pool_applicant_id", "in", talents.ids)
                | (
                    Domain("partner_id", "in", records.partner_id.ids)
                    & Domain("company_id", "in", records.company_id.ids)
                    & Domain("pool_applicant_id", "=", False)
                    & Domain("talent_pool_ids", "=", False)
                )
            )
        )
        persons = defaultdict(records.browse)
        for record in records | talents | siblings:
            persons[record._talent_person_key()] |= record
        return [group for group in persons.values() if group & records]

    # ------------------------------------------------------------
    # Crons
    # ------------------------------------------------------------

    @api.model
    def _cron_talent_retention(self, batch_size=200):
        """Ask for renewal before the retention period ends, anonymise afterwards.

        Idempotent and safe with several workers: each batch locks its talents with
        ``SKIP LOCKED`` and commits through the cron progress API; a talent is asked once
        per retention period and anonymised once.
        """
        today = fields.Date.context_today(self)
        steps = [
            (self._talent_retention_renewal_domain(company, today), "_talent_send_renewal_requests")
            for company in self.env["res.company"].sudo().search([("talent_retention_months", ">", 0)])
        ]
        steps += [
            (self._talent_information_due_domain(), "_talent_send_information_notices"),
            (self._talent_retention_expired_domain(today), "_talent_retention_expire"),
        ]
        Applicant = self.sudo().with_context(active_test=False)
        remaining = sum(Applicant.search_count(domain) for domain, _method in steps)
        self.env["ir.cron"]._commit_progress(remaining=remaining)
        for domain, method in steps:
            skipped = []
            while True:
                candidates = Applicant.search(domain & Domain("id", "not in", skipped), limit=batch_size, order="id")
                if not candidates:
                    break
                talents = candidates.try_lock_for_update()
                done = getattr(talents, method)() if talents else talents
                skipped += (candidates - done).ids
                if not self.env["ir.cron"]._commit_progress(len(candidates)):
                    return

    @api.model
    def _cron_talent_flag_stale(self):
        """Flag or unflag stale talents of every company with one UPDATE (time passes, nothing is written)."""
        now = fields.Datetime.now()
        companies = self.env["res.company"].sudo().search([("talent_stale_months", ">", 0)])
        Applicant = self.sudo().with_context(active_test=False)
        stale = Applicant._search(Domain.OR(Applicant._talent_stale_domain(company, now) for company in companies))
        self.env.flush_all()
        query = SQL(
            """
            UPDATE hr_applicant AS target
               SET talent_is_stale = flags.stale
              FROM (SELECT a.id, a.id IN %(stale)s AS stale FROM hr_applicant a) AS flags
             WHERE flags.id = target.id
               AND target.talent_is_stale IS DISTINCT FROM flags.stale
         RETURNING target.id
            """,
            stale=stale.subselect(),
        )
        changed = [row[0] for row in self.env.execute_query(query)]
        self.invalidate_model(["talent_is_stale"])
        return len(changed)
