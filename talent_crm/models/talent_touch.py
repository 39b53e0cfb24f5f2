# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

CHANNELS = [
    ("email", "Email"),
    ("sms", "SMS"),
    ("call", "Call"),
    ("linkedin", "LinkedIn"),
    ("meeting", "Meeting"),
    ("web", "Web"),
    ("other", "Other"),
]


class TalentTouch(models.Model):
    """One contact moment with a person, in either direction.

    Outbound touches (an email, an SMS, a recruiter call) feed the frequency caps and the
    "last contacted" date; inbound ones (a reply, an open, a click, a sign-up) feed the
    "last engagement" date. Touches belong to the person (``res.partner``), so that every
    talent and application of that person share one history.
    """

    _name = "talent.touch"
    _description = "Talent Touch"
    _order = "date desc, id desc"
    _rec_name = "summary"

    partner_id = fields.Many2one("res.partner", required=True, index=True, ondelete="cascade")
    talent_id = fields.Many2one(
        "hr.applicant", index="btree_not_null", ondelete="set null"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    direction = fields.Selection(
        [("outbound", "Outbound"), ("inbound", "Inbound")], required=True, default="outbound"
    )
    channel = fields.Selection(CHANNELS, required=True, default="email")
    engagement = fields.Selection(
        [
            ("reply", "Reply"),
            ("open", "Open"),
            ("click", "Click"),
            ("signup", "Sign-up"),
            ("preference", "Preference change"),
            ("other", "Other"),
            # bounces belong to the engagement history, but are no engagement
            ("bounce", "Bounce"),
        ],
        help="For inbound touches: how the person engaged.",
    )
    summary = fields.Char(required=True)
    origin = fields.Selection(
        [
            ("manual", "Recruiter"),
            ("sequence", "Nurture sequence"),
            ("campaign", "Campaign"),
            ("job_alert", "Job alert"),
            ("community", "Talent community"),
            ("ats", "Recruitment"),
        ],
        required=True,
        default="manual",
    )
    res_model = fields.Char("Origin Model", index="btree_not_null")
    res_id = fields.Many2oneReference("Origin Record", model_field="res_model")
    mailing_trace_id = fields.Many2one("mailing.trace", index="btree_not_null", ondelete="set null")
    counts_toward_cap = fields.Boolean(
        compute="_compute_counts_toward_cap",
        store=True,
        readonly=False,
        help="Outbound touches count toward the person's frequency cap.",
    )
    user_id = fields.Many2one("res.users", string="By", default=lambda self: self.env.user)

    _partner_date_idx = models.Index("(partner_id, date DESC)")
    # pool health report: a person's last touch in a company, read from the index alone
    _partner_company_date_idx = models.Index("(partner_id, company_id, date DESC)")
    # frequency caps: a person's last counted touch in a company, one index probe per person
    _cap_idx = models.Index("(partner_id, company_id, date DESC) WHERE counts_toward_cap")

    @api.depends("direction")
    def _compute_counts_toward_cap(self):
        for touch in self:
            touch.counts_toward_cap = touch.direction == "outbound"

    # what the partner's last counted touch (res.partner.talent_cap_touch_date) depends on
    _CAP_FIELDS = frozenset({"date", "direction", "partner_id", "company_id", "counts_toward_cap"})

    @api.model_create_multi
    def create(self, vals_list):
        touches = super().create(vals_list)
        touches._update_partner_dates()
        self._talent_refresh_partner_caps(touches.partner_id.ids)
        return touches

    def write(self, vals):
        before = self.partner_id.ids if self._CAP_FIELDS & set(vals) else []
        result = super().write(vals)
        if {"date", "direction", "partner_id"} & set(vals):
            # the partner's dates stay at least as recent as any of its touches
            self._update_partner_dates()
        if before:
            self._talent_refresh_partner_caps(before + self.partner_id.ids)
        return result

    def unlink(self):
        partner_ids = self.partner_id.ids
        result = super().unlink()
        self._talent_refresh_partner_caps(partner_ids)
        return result

    @api.model
    def _talent_refresh_partner_caps(self, partner_ids):
        """Set the last counted touch (date and company) of these partners from their touches.

        One statement for any number of partners: an index probe each, and only the partners
        whose value changes are written.
        """
        if not partner_ids:
            return
        self.flush_model(["partner_id", "company_id", "date", "counts_toward_cap"])
        Partner = self.env["res.partner"]
        Partner.flush_model(["talent_cap_touch_date", "talent_cap_touch_company_id"])
        self.env.cr.execute(
            SQL(
                """
                UPDATE res_partner p
                   SET talent_cap_touch_date = last.date, talent_cap_touch_company_id = last.company_id
                  FROM unnest(%(ids)s::int[]) AS target(id)
             LEFT JOIN LATERAL (
                           SELECT t.date, t.company_id
                             FROM talent_touch t
                            WHERE t.partner_id = target.id AND t.counts_toward_cap
                         ORDER BY t.date DESC, t.id DESC
                            LIMIT 1
                       ) last ON TRUE
                 WHERE p.id = target.id
                   AND (p.talent_cap_touch_date IS DISTINCT FROM last.date
                        OR p.talent_cap_touch_company_id IS DISTINCT FROM last.company_id)
                """,
                ids=sorted(set(partner_ids)),
            )
        )
        Partner.invalidate_model(["talent_cap_touch_date", "talent_cap_touch_company_id"])

    # ------------------------------------------------------------
    # The person's dates: last contacted, last engagement, last counted touch
    # ------------------------------------------------------------
    # Outbound touches feed the person's last contact date, inbound ones the last engagement
    # date; touches that count toward the caps feed the last counted touch
    # (_talent_refresh_partner_caps). This section is the only code that writes them.

    _PARTNER_DATE_FIELDS = {"outbound": "talent_last_touch_date", "inbound": "talent_last_engagement_date"}

    @api.model
    def _talent_dated_domain(self):
        """Touches that move the person's dates: bounces belong to the engagement history,
        but are no engagement."""
        return Domain("engagement", "!=", "bounce")

    def _update_partner_dates(self):
        """Push the newest touch dates of ``self`` to the partners, with one write per distinct
        date: a person's dates stay at least as recent as any of their touches."""
        latest = {direction: defaultdict(lambda: False) for direction in self._PARTNER_DATE_FIELDS}
        for touch in self.filtered_domain(self._talent_dated_domain()):
            current = latest[touch.direction][touch.partner_id]
            if not current or touch.date > current:
                latest[touch.direction][touch.partner_id] = touch.date
        for direction, per_partner in latest.items():
            fname = self._PARTNER_DATE_FIELDS[direction]
            by_date = defaultdict(lambda: self.env["res.partner"])
            for partner, date in per_partner.items():
                if not partner[fname] or partner[fname] < date:
                    by_date[date] |= partner
            for date, partners in by_date.items():
                partners.sudo().write({fname: date})

    @api.model
    def _talent_recompute_partner_dates(self, partners, forget=None):
        """Set the dates of ``partners`` from their remaining touches (after a merge, or when a
        touch is withdrawn).

        ``forget`` maps partner ids to the date of an outbound touch that was removed: a last
        contact date still equal to it goes back to the newest remaining touch, or to empty.
        """
        forget = forget or {}
        touches = self.sudo()
        for direction, fname in self._PARTNER_DATE_FIELDS.items():
            groups = touches._read_group(
                Domain("partner_id", "in", partners.ids)
                & Domain("direction", "=", direction)
                & self._talent_dated_domain(),
                ["partner_id"],
                ["date:max"],
            )
            latest = {partner.id: date for partner, date in groups}
            for partner in partners:
                if latest.get(partner.id) and latest[partner.id] != partner[fname]:
                    partner.sudo()[fname] = latest[partner.id]
                elif (
                    direction == "outbound"
                    and partner.id in forget
                    and partner[fname] == forget[partner.id]
                    and not latest.get(partner.id)
                ):
                    partner.sudo()[fname] = False
        touches._talent_refresh_partner_caps(partners.ids)
