# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL


class MailingMailing(models.Model):
    """Talents and pools as Email / SMS Marketing audiences.

    A mailing on ``hr.applicant`` with "Talents only" mails talents (not applications): one
    message per person, only people who may be contacted (no do-not-contact, blacklist,
    bounce, missing consent, pending sign-up or erasure request), optionally only the
    members of some pools and the subscribers of some topics, and never above the person's
    frequency cap. Capped people are listed on the mailing (``talent_held_ids``).

    Mailings also serve as tracking containers of nurture steps (``talent_sequence_step_id``).
    """

    _inherit = "mailing.mailing"

    talent_sequence_step_id = fields.Many2one(
        "talent.sequence.step",
        string="Nurture Step",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        help="Set on the hidden mailing of a nurture step: its traces are the step's messages.",
        groups="talent_crm.group_talent_crm_user",
    )

    talent_audience = fields.Boolean(
        string="Talents Only",
        compute="_compute_talent_audience",
        store=True,
        readonly=False,
        help="Mail talents rather than every applicant: one message per person, respecting do-not-contact, "
        "consent, topics and frequency caps.",
        groups="talent_crm.group_talent_crm_user",
    )
    talent_pool_ids = fields.Many2many(
        "hr.talent.pool",
        string="Talent Pools",
        help="Only the members of these pools. Empty: talents of every pool.",
        groups="talent_crm.group_talent_crm_user",
    )
    talent_topic_ids = fields.Many2many(
        "talent.topic",
        string="Topics",
        help="Only people subscribed to one of these topics. The unsubscribe link of the mailing removes "
        "these topics and keeps the others.",
        groups="talent_crm.group_talent_crm_user",
    )
    talent_job_id = fields.Many2one(
        "hr.job",
        string="Job Alert Of",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        help="Set on the hidden mailing that holds the job alerts of a job.",
        groups="talent_crm.group_talent_crm_user",
    )
    talent_company_id = fields.Many2one(
        "res.company",
        compute="_compute_talent_company_id",
        compute_sudo=True,
        store=True,
        readonly=False,
        groups="talent_crm.group_talent_crm_user",
        help="The company whose talents, consent and frequency caps this mailing follows, whoever sends it "
        "(the mailing scheduler included).",
    )
    talent_held_ids = fields.One2many(
        "talent.mailing.held",
        "mailing_id",
        string="Held Back (Frequency Cap)",
        groups="talent_crm.group_talent_crm_user",
    )
    talent_held_count = fields.Integer(
        compute="_compute_talent_held_count", string="Held Back", groups="talent_crm.group_talent_crm_user"
    )

    # ------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------

    @api.depends("mailing_model_id", "talent_sequence_step_id")
    def _compute_talent_audience(self):
        for mailing in self:
            mailing.talent_audience = (
                mailing.mailing_model_id.model == "hr.applicant" and not mailing.talent_sequence_step_id
            )

    @api.depends("talent_job_id")
    def _compute_talent_company_id(self):
        for mailing in self:
            if mailing.talent_job_id.company_id:
                mailing.talent_company_id = mailing.talent_job_id.company_id
            elif not mailing.talent_company_id:
                mailing.talent_company_id = self.env.company

    def _compute_total(self):
        """The number of people a talent campaign reaches, as *Check audience* tells it: one per
        person, without the blocked and the capped (the applicants of the domain, for Odoo's
        own applicant mailings)."""
        campaigns = self.filtered(lambda m: m.id and m._talent_is_campaign() and not m.ab_testing_enabled)
        for mailing in campaigns:
            mailing.total = len(mailing._talent_audience(held=False)["recipient_ids"])
        return super(MailingMailing, self - campaigns)._compute_total()

    def _compute_talent_held_count(self):
        groups = self.env["talent.mailing.held"]._read_group(
            [("mailing_id", "in", self.ids)], ["mailing_id"], ["__count"]
        )
        counts = {mailing.id: count for mailing, count in groups}
        for mailing in self:
            mailing.talent_held_count = counts.get(mailing.id, 0)

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._talent_check_company_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._talent_check_company_vals(vals)
        return super().write(vals)

    def copy_data(self, default=None):
        """Someone without Talent CRM rights duplicates mailings as in Odoo: talent_crm's fields,
        which they may not read, stay out of the copy. A talent campaign or a nurture step's
        mailing is talent_crm's: they may not duplicate it (its copy would lose its audience rules)."""
        hidden = [
            name
            for name, field in self._fields.items()
            if name.startswith("talent_") and field.copy and not self._has_field_access(field, "read")
        ]
        if not hidden:
            return super().copy_data(default=default)
        if any(mailing._talent_is_campaign() or mailing.sudo().talent_sequence_step_id for mailing in self):
            raise UserError(self.env._("Only Talent CRM users can duplicate a talent campaign."))
        default = dict(default or {})
        skipped = [name for name in hidden if name not in default]
        vals_list = super().copy_data(default=dict(default, **dict.fromkeys(skipped, False)))
        for vals in vals_list:
            for name in skipped:
                vals.pop(name, None)
        return vals_list

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_talent_check_audience(self):
        """Compute the audience now: lists the capped people and tells the counts."""
        self.ensure_one()
        audience = self._talent_audience()
        self._talent_store_held(audience["capped"])
        return self.env["hr.talent.pool"]._talent_notification(
            self.env._(
                "%(count)s people receive this mailing now; %(capped)s are held back by their frequency cap "
                "and %(duplicates)s duplicate profiles are skipped.",
                count=len(audience["recipient_ids"]),
                capped=len(audience["capped"]),
                duplicates=audience["duplicates"],
            ),
            notification_type="info",
        )

    @api.model
    @api.readonly
    def talent_preview_audience(self, values, with_ids=False):
        """Who a talent campaign being edited reaches, for the record counter of the mailing
        form: ``{"count": people who receive it now, "held": capped, "ids": their talents}``,
        the figures *Check audience* tells. ``values``: the form's ``mailing_domain``,
        ``mailing_type``, ``talent_pool_ids``, ``talent_topic_ids`` and ``talent_company_id``
        (ids)."""
        if not self.env.user.has_group("talent_crm.group_talent_crm_user"):
            raise AccessError(self.env._("Only Talent CRM users can preview a talent audience."))
        company_id = values.get("talent_company_id")
        if company_id not in self.env.user.company_ids.ids:
            company_id = self.env.company.id
        mailing = self.new(
            {
                "mailing_model_id": self.env["ir.model"]._get_id("hr.applicant"),
                "mailing_type": values.get("mailing_type") or "mail",
                "mailing_domain": values.get("mailing_domain") or "[]",
                "talent_audience": True,
                "talent_pool_ids": [
                    Command.set(self.env["hr.talent.pool"].browse(values.get("talent_pool_ids") or []).exists().ids)
                ],
                "talent_topic_ids": [
                    Command.set(self.env["talent.topic"].browse(values.get("talent_topic_ids") or []).exists().ids)
                ],
                "talent_company_id": company_id,
            }
        )
        audience = mailing._talent_audience()
        result = {"count": len(audience["recipient_ids"]), "held": len(audience["capped"])}
        if with_ids:
            result["ids"] = audience["recipient_ids"]
        return result

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
    # Company: whose talents, consent and caps the mailing follows
    # ------------------------------------------------------------

    @api.model
    def _talent_check_company_vals(self, vals):
        """The scheduler sends as superuser: nobody sets up a mailing for the talents of a company
        they do not work for (checked as the writing user; constraints run in sudo)."""
        company_id = vals.get("talent_company_id")
        if company_id and not self.env.su and company_id not in self.env.user.company_ids.ids:
            raise ValidationError(self.env._("You may only mail the talents of your own companies."))

    def _talent_company(self):
        """The company of this talent mailing (see ``talent_company_id``)."""
        self.ensure_one()
        return self.sudo().talent_company_id or self.env.company

    # ------------------------------------------------------------
    # Nurture: mailings as tracking containers of nurture steps
    # ------------------------------------------------------------

    def _get_seen_list(self):
        # A nurture step mails each enrollment once, which the step executions guarantee;
        # scanning every trace of the step at each batch would grow with the audience.
        # (sudo: a Talent CRM field, read for any Email Marketing user sending a mailing)
        if self.sudo().talent_sequence_step_id:
            return set()
        return super()._get_seen_list()

    def _get_seen_list_sms(self):
        if self.sudo().talent_sequence_step_id:
            return [], []
        return super()._get_seen_list_sms()

    def _talent_traces_per_record(self, res_ids):
        """Newest trace of this mailing for each document of ``res_ids``: ``{res_id: trace}``."""
        self.ensure_one()
        traces = (
            self.env["mailing.trace"]
            .sudo()
            .search([("mass_mailing_id", "=", self.id), ("res_id", "in", list(res_ids))], order="id")
        )
        return {trace.res_id: trace for trace in traces}

    # ------------------------------------------------------------
    # Recipients
    # ------------------------------------------------------------

    def _talent_is_campaign(self):
        """Whether this mailing is a talent campaign (or job alert) computed by talent_crm.

        Asked for every mailing, by any Email Marketing user: the talent fields are read in sudo
        (they carry the Talent CRM group).
        """
        self.ensure_one()
        mailing = self.sudo()
        return bool(
            mailing.talent_audience
            and mailing.mailing_model_real == "hr.applicant"
            and not mailing.talent_sequence_step_id
        )

    def _get_recipients_domain(self):
        domain = super()._get_recipients_domain()
        if self._talent_is_campaign():
            domain &= self._talent_audience_domain()
        return domain

    def _talent_channel(self):
        return "sms" if self.mailing_type == "sms" else "email"

    def _talent_audience_domain(self, company=None):
        """Talents this mailing may reach, before de-duplication and caps: one domain, so that
        the whole audience is one query."""
        self.ensure_one()
        company = company or self._talent_company()
        Talent = self.env["hr.applicant"]
        # the mailing's talent filters carry the Talent CRM group (the mailing cron sends as root)
        mailing = self.sudo()
        # the mailing's company: its talents, whoever sends (the scheduler runs as superuser)
        domain = Domain("partner_id", "!=", False) & Domain("company_id", "in", [company.id, False])
        if mailing.talent_pool_ids:
            # members of a pool are talents
            domain &= Domain("talent_pool_ids", "in", mailing.talent_pool_ids.ids)
        else:
            domain &= Talent._talent_domain()
        # Who may be contacted (res.partner._talent_blocker_domains, the one definition) and what
        # the person asked for: checked on the person whoever may read the contact, in one join
        # (a plain partner_id.x path would look partners up through the user's partner rules, in
        # a second pass over res_partner).
        blockers = self.env["res.partner"]._talent_blocker_domains(self._talent_channel(), company)
        person = ~Domain.OR(blockers.values())
        if mailing.talent_topic_ids:
            person &= Domain("talent_topic_ids", "in", mailing.talent_topic_ids.ids)
        return domain & Domain("partner_id", "any!", person)

    def _get_recipients(self):
        if not self._talent_is_campaign():
            return super()._get_recipients()
        return self._talent_audience(held=False)["recipient_ids"]

    def _talent_audience(self, now=None, held=True):
        """Who receives this mailing now.

        Returns a dict: ``recipient_ids`` (one talent per person, uncapped, sorted),
        ``capped`` (``{partner_id: (talent_id, next allowed datetime)}``) and ``duplicates``
        (talents left out because their person is already reached through another talent).
        With ``held=False`` only the recipients are computed (``capped`` empty, ``duplicates``
        0): who receives the mailing is all ``_get_recipients`` asks.
        One query, whatever the size of the audience.
        """
        self.ensure_one()
        now = now or fields.Datetime.now()
        row = self._talent_audience_row(now, held=held)
        if not row:
            return {"recipient_ids": [], "capped": {}, "duplicates": 0}
        recipient_ids, held_ids, held_partner_ids, held_dates, duplicates = row
        return {
            "recipient_ids": recipient_ids or [],
            "capped": {
                partner_id: (talent_id, moment)
                for talent_id, partner_id, moment in zip(
                    held_ids or [], held_partner_ids or [], held_dates or [], strict=True
                )
            },
            "duplicates": duplicates or 0,
        }

    def _talent_audience_row(self, now, held=True):
        """The audience in one row: ``(recipient talent ids, capped talent ids, their partner
        ids, when each may be mailed again, duplicate talents)``; ``None`` when the domain
        matches nothing. With ``held=False`` only the recipients are computed: the lists of
        capped people and the count of duplicates are ``None``.

        Per person (its first talent, in the mailing's company) the frequency cap is
        res.partner's (``_talent_cap_days_sql``: the company's passive or warm cap, tightened by
        the contact frequency the person asked of that company), counted from the company's last
        counted touch.
        """
        Talent = self.env["hr.applicant"]
        query = Talent._search(self._get_recipients_domain())
        if query.is_empty():
            return None
        Partner = self.env["res.partner"]
        company = self._talent_company()
        horizon = max(0, company.talent_cap_passive_days, company.talent_cap_warm_days)
        if horizon:
            horizon = max(horizon, *Partner._talent_cap_frequency_days().values())
        # the person's columns come through the domain's own join on res_partner
        _partner_model, partner_alias = Talent._fields["partner_id"].join(Talent, query.table, query)
        since = now - timedelta(days=horizon)
        self.env.flush_all()
        # The audience is read from the domain's own query (no second pass over hr_applicant)
        # and de-duplicated with one sort. res_partner keeps each person's newest counted touch
        # and its company: talent_touch is probed (its cap index) only for people whose newest
        # counted touch, inside the horizon, is another company's. The cap of each person is
        # res.partner's rule (_talent_cap_days_sql, warm people from _talent_warm_partners_sql).
        return self.env.execute_query(
            SQL(
                """
                WITH matched AS MATERIALIZED (
                    SELECT %(talent)s AS id, %(partner)s AS partner_id,
                           %(company)s AS company_id,
                           %(frequency)s AS frequency, %(last_date)s AS last_date, %(last_company)s AS last_company
                      FROM %(from)s
                     WHERE %(where)s
                ), audience AS (
                    -- one row per person: its first talent
                    SELECT DISTINCT ON (partner_id) * FROM matched ORDER BY partner_id, id
                ), warm AS MATERIALIZED (
                    %(warm)s
                ), capped AS MATERIALIZED (
                    SELECT au.id, au.partner_id, last.date + make_interval(days => %(cap_days)s) AS next_allowed
                      FROM audience au
                CROSS JOIN LATERAL (
                           SELECT CASE
                                  WHEN au.last_date IS NULL OR au.last_date <= %(since)s THEN NULL
                                  WHEN au.last_company = au.company_id THEN au.last_date
                                  ELSE (SELECT t.date
                                          FROM talent_touch t
                                         WHERE t.partner_id = au.partner_id AND t.company_id = au.company_id
                                           AND t.counts_toward_cap AND t.date > %(since)s
                                      ORDER BY t.date DESC
                                         LIMIT 1)
                                  END AS date
                       ) last
                )
                SELECT array_agg(id ORDER BY id) FILTER (WHERE NOT held), %(held)s
                  FROM (SELECT *, COALESCE(next_allowed > %(now)s, FALSE) AS held FROM capped) c
                """,
                talent=SQL.identifier(query.table, "id"),
                partner=SQL.identifier(query.table, "partner_id"),
                held=SQL(
                    """array_agg(id ORDER BY id) FILTER (WHERE held),
                       array_agg(partner_id ORDER BY id) FILTER (WHERE held),
                       array_agg(next_allowed ORDER BY id) FILTER (WHERE held),
                       (SELECT COUNT(*) FROM matched) - COUNT(*)"""
                    if held
                    else "NULL, NULL, NULL, NULL"
                ),
                # company-dependent: the person's frequency for the mailing's company (or the default)
                frequency=Partner.sudo()
                .with_company(company)
                ._field_to_sql(partner_alias, "talent_contact_frequency", query),
                last_date=SQL.identifier(partner_alias, "talent_cap_touch_date"),
                last_company=SQL.identifier(partner_alias, "talent_cap_touch_company_id"),
                company=company.id,
                warm=SQL("SELECT partner_id FROM %s AS w(partner_id)", Partner._talent_warm_partners_sql()),
                cap_days=Partner._talent_cap_days_sql(
                    company, SQL("au.partner_id IN (SELECT partner_id FROM warm)"), SQL("au.frequency")
                ),
                since=since,
                now=now,
                **{"from": query.from_clause, "where": query.where_clause or SQL("TRUE")},
            )
        )[0]

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
        """Campaigns go to their audience (held people are stored). Before any mailing to
        talents leaves, the people kept on legitimate interest who were not told yet get the
        information of Art. 14 GDPR: at the latest with the first message, never after it."""
        Applicant = self.env["hr.applicant"].sudo().with_context(active_test=False)
        for mailing in self:
            recipient_ids = res_ids
            if not res_ids and mailing._talent_is_campaign() and not mailing.sudo().talent_job_id:
                audience = mailing._talent_audience()
                mailing._talent_store_held(audience["capped"])
                done = set(
                    self.env["mailing.trace"]
                    .sudo()
                    .search([("mass_mailing_id", "=", mailing.id), ("res_id", "in", audience["recipient_ids"])])
                    .mapped("res_id")
                )
                recipient_ids = [rid for rid in audience["recipient_ids"] if rid not in done]
            if mailing.mailing_model_real == "hr.applicant":
                informed_ids = recipient_ids or mailing._get_remaining_recipients()
                due = Applicant.search(Applicant._talent_information_due_domain() & Domain("id", "in", informed_ids))
                if due:
                    due._talent_send_information_notices()
                recipient_ids = recipient_ids or informed_ids
            super(MailingMailing, mailing)._action_send_mail(recipient_ids)
        return True

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
            mailing_company = self._talent_company()
            company = partner._talent_get_company_talent(mailing_company).company_id or mailing_company
            # written in the person's language, not the public page's
            person = partner.with_context(lang=partner._talent_record_lang(company))
            person._talent_log_community_event(
                company,
                person.env._(
                    "Unsubscribed from %(topics)s.", topics=", ".join(removed.with_env(person.env).mapped("name"))
                ),
            )
        return partner, removed
