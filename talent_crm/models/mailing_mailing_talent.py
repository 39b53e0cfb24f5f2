# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL


class MailingMailing(models.Model):
    """Talents and pools as Email / SMS Marketing audiences.

    A mailing on ``hr.applicant`` with "Talents only" mails talents (not applications): one
    message per person, only people who may be contacted (no do-not-contact, blacklist,
    bounce, missing consent, pending sign-up or erasure request), optionally only the
    members of some pools and the subscribers of some topics, and never above the person's
    frequency cap. Capped people are listed on the mailing (``talent_held_ids``).
    """

    _inherit = "mailing.mailing"

    talent_audience = fields.Boolean(
        string="Talents Only",
        compute="_compute_talent_audience",
        store=True,
        readonly=False,
        help="Mail talents rather than every applicant: one message per person, respecting do-not-contact, "
        "consent, topics and frequency caps.",
    )
    talent_pool_ids = fields.Many2many(
        "hr.talent.pool",
        string="Talent Pools",
        help="Only the members of these pools. Empty: talents of every pool.",
    )
    talent_topic_ids = fields.Many2many(
        "talent.topic",
        string="Topics",
        help="Only people subscribed to one of these topics. The unsubscribe link of the mailing removes "
        "these topics and keeps the others.",
    )
    talent_job_id = fields.Many2one(
        "hr.job",
        string="Job Alert Of",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        help="Set on the hidden mailing that holds the job alerts of a job.",
    )
    talent_held_ids = fields.One2many("talent.mailing.held", "mailing_id", string="Held Back (Frequency Cap)")
    talent_held_count = fields.Integer(compute="_compute_talent_held_count", string="Held Back")

    @api.depends("mailing_model_id", "talent_sequence_step_id")
    def _compute_talent_audience(self):
        for mailing in self:
            mailing.talent_audience = (
                mailing.mailing_model_id.model == "hr.applicant" and not mailing.talent_sequence_step_id
            )

    def _compute_talent_held_count(self):
        groups = self.env["talent.mailing.held"]._read_group(
            [("mailing_id", "in", self.ids)], ["mailing_id"], ["__count"]
        )
        counts = {mailing.id: count for mailing, count in groups}
        for mailing in self:
            mailing.talent_held_count = counts.get(mailing.id, 0)

    # ------------------------------------------------------------
    # Recipients
    # ------------------------------------------------------------

    def _talent_is_campaign(self):
        """Whether this mailing is a talent campaign (or job alert) computed by talent_crm."""
        self.ensure_one()
        return bool(
            self.talent_audience
            and self.mailing_model_real == "hr.applicant"
            and not self.talent_sequence_step_id
        )

    def _get_recipients_domain(self):
        domain = super()._get_recipients_domain()
        if self._talent_is_campaign():
            domain &= self._talent_audience_domain()
        return domain

    def _talent_channel(self):
        return "sms" if self.mailing_type == "sms" else "email"

    def _talent_audience_domain(self, company=None):
        """Talents this mailing may reach, before de-duplication and caps.

        The same rules as ``res.partner._talent_contact_blockers``, written as one domain so
        that the whole audience is one query (a test keeps both in line).
        """
        self.ensure_one()
        company = company or self.env.company
        Talent = self.env["hr.applicant"]
        domain = Talent._talent_domain() & Domain("partner_id", "!=", False)
        if self.talent_pool_ids:
            domain &= Domain("talent_pool_ids", "in", self.talent_pool_ids.ids)
        if self.talent_topic_ids:
            domain &= Domain("partner_id.talent_topic_ids", "in", self.talent_topic_ids.ids)
        domain &= Domain("partner_id.talent_do_not_contact", "=", False)
        if self._talent_channel() == "sms":
            domain &= Domain("partner_phone_sanitized", "!=", False) & Domain("phone_sanitized_blacklisted", "=", False)
        else:
            domain &= (
                Domain("email_normalized", "!=", False)
                & Domain("is_blacklisted", "=", False)
                & Domain("partner_id.talent_email_bounced", "=", False)
            )
        consents = Domain("company_id", "=", company.id) & Domain("purpose", "=", "communication")
        valid = Domain("partner_id.talent_consent_ids", "any", consents & Domain("state", "in", ["valid"]))
        if company.talent_require_consent:
            domain &= valid
        else:
            pending = Domain("company_id", "=", company.id) & Domain("state", "in", ["pending"])
            domain &= Domain("partner_id.talent_consent_ids", "not any", pending) | valid
        erasure = self.env["talent.erasure.request"].sudo()._read_group(
            [("state", "=", "requested"), ("partner_id", "!=", False)], ["partner_id"]
        )
        if erasure:
            domain &= Domain("partner_id", "not in", [partner.id for (partner,) in erasure])
        return domain

    def _get_recipients(self):
        if not self._talent_is_campaign():
            return super()._get_recipients()
        return self._talent_audience()["recipient_ids"]

    def _talent_audience(self, now=None):
        """Who receives this mailing now.

        Returns a dict: ``recipient_ids`` (one talent per person, uncapped), ``capped``
        (``{partner_id: (talent_id, next allowed datetime)}``) and ``duplicates`` (talents
        left out because their person is already reached through another talent). A fixed
        number of queries whatever the audience size.
        """
        self.ensure_one()
        now = now or fields.Datetime.now()
        Talent = self.env["hr.applicant"]
        query = Talent._search(self._get_recipients_domain())
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                "SELECT DISTINCT ON (a.partner_id) a.id, a.partner_id, a.company_id, COUNT(*) OVER (PARTITION BY a.partner_id) "
                "FROM hr_applicant a WHERE a.id IN %s ORDER BY a.partner_id, a.id",
                query.subselect(),
            )
        )
        capped = self._talent_capped_partners(rows, now)
        return {
            "recipient_ids": sorted(row[0] for row in rows if row[1] not in capped),
            "capped": capped,
            "duplicates": sum(row[3] - 1 for row in rows),
        }

    @api.model
    def _talent_capped_partners(self, rows, now):
        """``{partner_id: (talent_id, next_allowed)}`` of the rows ``(talent_id, partner_id,
        company_id, ...)`` whose frequency cap forbids a message now.

        The set-based twin of ``res.partner._talent_cap_next_allowed`` (same intervals: the
        company's passive or warm cap, tightened by the person's contact frequency), in two
        queries per company whatever the audience size; a test keeps both in line.
        """
        self.env.flush_all()
        per_company = defaultdict(dict)
        for row in rows:
            per_company[row[2] or self.env.company.id][row[1]] = row[0]
        frequency_days = self.env["res.partner"]._talent_cap_frequency_days()
        capped = {}
        for company_id, talent_per_partner in per_company.items():
            company = self.env["res.company"].sudo().browse(company_id)
            if not (company.talent_cap_passive_days or company.talent_cap_warm_days):
                continue
            horizon = max(company.talent_cap_passive_days, company.talent_cap_warm_days, *frequency_days.values())
            recent = self.env.execute_query(
                SQL(
                    "SELECT t.partner_id, MAX(t.date), p.talent_contact_frequency FROM talent_touch t "
                    "JOIN res_partner p ON p.id = t.partner_id "
                    "WHERE t.company_id = %s AND t.counts_toward_cap AND t.date > %s AND t.partner_id = ANY(%s) "
                    "GROUP BY t.partner_id, p.talent_contact_frequency",
                    company_id,
                    now - timedelta(days=horizon),
                    list(talent_per_partner),
                )
            )
            if not recent:
                continue
            warm = self._talent_warm_partner_ids([row[0] for row in recent])
            for partner_id, last, frequency in recent:
                days = company.talent_cap_warm_days if partner_id in warm else company.talent_cap_passive_days
                if days and frequency:
                    days = max(days, frequency_days.get(frequency, 0))
                moment = last + timedelta(days=days)
                if days and moment > now:
                    capped[partner_id] = (talent_per_partner[partner_id], moment)
        return capped

    @api.model
    def _talent_warm_partner_ids(self, partner_ids):
        """People of ``partner_ids`` in a warm pipeline, as ``hr.applicant._talent_is_warm`` says:
        an activated lead, or an ongoing application linked to one of their talents. One query."""
        Talent = self.env["hr.applicant"].sudo()
        applications = Talent._search(
            [("job_id", "!=", False), ("application_status", "in", ["ongoing"]), ("pool_applicant_id", "!=", False)]
        )
        pools = Talent._fields["talent_pool_ids"]
        rows = self.env.execute_query(
            SQL(
                "SELECT DISTINCT t.partner_id FROM hr_applicant t WHERE t.partner_id = ANY(%s) AND t.active "
                "AND EXISTS (SELECT 1 FROM %s r WHERE r.%s = t.id) "
                "AND (t.talent_lead_state = 'activated' OR t.id IN %s)",
                partner_ids,
                SQL.identifier(pools.relation),
                SQL.identifier(pools.column1),
                applications.subselect(SQL.identifier(applications.table, "pool_applicant_id")),
            )
        )
        return {row[0] for row in rows}

    def _talent_store_held(self, capped):
        """List the capped people on the mailing (replacing the previous list)."""
        self.ensure_one()
        Held = self.env["talent.mailing.held"].sudo()
        Held.search([("mailing_id", "=", self.id)]).unlink()
        Held.create(
            [
                {"mailing_id": self.id, "partner_id": partner_id, "talent_id": talent_id, "next_allowed_date": moment}
                for partner_id, (talent_id, moment) in capped.items()
            ]
        )

    def _action_send_mail(self, res_ids=None):
        if res_ids:
            return super()._action_send_mail(res_ids)
        for mailing in self:
            if mailing._talent_is_campaign() and not mailing.talent_job_id:
                audience = mailing._talent_audience()
                mailing._talent_store_held(audience["capped"])
                done = set(
                    self.env["mailing.trace"]
                    .sudo()
                    .search([("mass_mailing_id", "=", mailing.id), ("res_id", "in", audience["recipient_ids"])])
                    .mapped("res_id")
                )
                remaining = [rid for rid in audience["recipient_ids"] if rid not in done]
                super(MailingMailing, mailing)._action_send_mail(remaining)
            else:
                super(MailingMailing, mailing)._action_send_mail()
        return True

    def action_talent_check_audience(self):
        """Compute the audience now: lists the capped people and tells the counts."""
        self.ensure_one()
        audience = self._talent_audience()
        self._talent_store_held(audience["capped"])
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "message": self.env._(
                    "%(count)s people receive this mailing now; %(capped)s are held back by their frequency cap "
                    "and %(duplicates)s duplicate profiles are skipped.",
                    count=len(audience["recipient_ids"]),
                    capped=len(audience["capped"]),
                    duplicates=audience["duplicates"],
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def action_talent_view_held(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Held Back"),
            "res_model": "talent.mailing.held",
            "view_mode": "list",
            "domain": [("mailing_id", "=", self.id)],
            "context": {"create": False},
        }

    # ------------------------------------------------------------
    # Topics: unsubscribing from one keeps the others
    # ------------------------------------------------------------

    def _talent_unsubscribe_topics(self, document_id, email):
        """The person of ``document_id`` (or of ``email``) leaves this mailing's topics.

        Returns ``(partner, topics removed)``; the other subscriptions stay.
        """
        self.ensure_one()
        partner = self.env["res.partner"].sudo()
        if self.mailing_model_real == "hr.applicant" and document_id:
            partner = self.env["hr.applicant"].sudo().browse(int(document_id)).exists().partner_id
        if not partner and email:
            partner = partner.search([("email_normalized", "=", email)], limit=1)
        removed = partner.talent_topic_ids & self.talent_topic_ids
        if removed:
            partner.talent_topic_ids = [fields.Command.unlink(topic.id) for topic in removed]
            company = partner._talent_get_company_talent(self.env.company).company_id or self.env.company
            partner._talent_log_community_event(
                company,
                self.env._("Unsubscribed from %(topics)s.", topics=", ".join(removed.mapped("name"))),
            )
        return partner, removed
