# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import ast
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

# Days without any touch after which a pool is going cold (the pool's warning and its health report).
STALE_DAYS = 90
# Pool health: days without a touch after which a pool is at risk (after STALE_DAYS it needs attention)
COLD_DAYS = 180
# Pool health: share of members (%) who cannot be contacted for "needs attention" and "at risk"
UNREACHABLE_ATTENTION = 25
UNREACHABLE_AT_RISK = 50
# Pool health: share of members (%) whose address bounced for "needs attention"
BOUNCED_ATTENTION = 10
HEALTH_STATES = [("healthy", "Healthy"), ("attention", "Needs Attention"), ("at_risk", "At Risk")]


class HrTalentPool(models.Model):
    """Odoo's own talent pools, with the segment and live figures a recruiting CRM needs.

    A pool can enroll its new members into a nurture sequence automatically, and "Send a
    mailing" from a pool opens an Email Marketing mailing on its talents.

    Dynamic pools: a rule (domain on talents) adds its matches; members added by hand stay.
    Pool health (members, growth from the membership log, last touch) lives here too.
    """

    _name = "hr.talent.pool"
    _inherit = ["hr.talent.pool", "mail.activity.mixin"]

    segment_role_family_ids = fields.Many2many(
        "talent.role.family", string="Role Families", help="Which roles this pool is meant for."
    )
    segment_country_ids = fields.Many2many("res.country", string="Locations")
    segment_seniority_ids = fields.Many2many("talent.seniority", string="Seniority Levels")
    segment_note = fields.Char(string="Segment", help="One line describing who belongs in this pool.")
    is_default_pool = fields.Boolean(
        compute="_compute_is_default_pool", help="Leads captured without a pool land in this pool."
    )
    talent_reachable_count = fields.Integer(
        string="Reachable",
        compute="_compute_talent_crm_counts",
        help="Members with an email address who are neither blacklisted nor marked do-not-contact.",
    )
    talent_open_count = fields.Integer(
        string="Open to Offers", compute="_compute_talent_crm_counts"
    )

    # Data hygiene: what a pool owner reviews every quarter
    talent_duplicate_count = fields.Integer(
        string="Possible Duplicates", compute="_compute_talent_hygiene_counts",
        help="Members with a possible duplicate to review.",
    )
    talent_bounced_count = fields.Integer(
        string="Bounced", compute="_compute_talent_hygiene_counts",
        help="Members whose email address bounced permanently.",
    )
    talent_stale_count = fields.Integer(
        string="Stale", compute="_compute_talent_hygiene_counts",
        help="Members neither updated nor engaged for a long time.",
    )

    # Nurture
    talent_sequence_id = fields.Many2one(
        "talent.sequence",
        string="Nurture Sequence",
        domain="[('company_id', 'in', [company_id, False])]",
        ondelete="set null",
        help="People who join this pool are enrolled in this sequence automatically.",
    )

    # Rule and health
    talent_rule_active = fields.Boolean(
        string="Dynamic Pool",
        help="Talents matching the rule join this pool automatically and leave it when they no longer match. "
        "Members added by hand always stay.",
    )
    talent_rule_domain = fields.Char(
        string="Rule",
        default="[]",
        help="Which talents belong in this pool, e.g. a role family, skills, a country or a seniority level.",
    )
    talent_rule_refresh_date = fields.Datetime(string="Rule Last Applied", readonly=True, copy=False)
    talent_rule_user_id = fields.Many2one(
        "res.users",
        string="Rule Owner",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="Who last wrote the rule: it selects talents with this user's access rights, in the pool's company.",
    )
    talent_membership_ids = fields.One2many("talent.pool.membership", "pool_id", string="Membership History")
    talent_growth_30 = fields.Integer(
        string="Growth (30 days)", compute="_compute_talent_health", help="Members who joined minus members who left."
    )
    talent_growth_90 = fields.Integer(string="Growth (90 days)", compute="_compute_talent_health")
    talent_last_touch_date = fields.Datetime(
        string="Last Touch",
        compute="_compute_talent_health",
        help="Most recent touch with any active member, in the pool's company.",
    )
    talent_health_warning = fields.Boolean(
        string="Going Cold",
        compute="_compute_talent_health",
        help="Nobody in this pool has been contacted for 90 days.",
    )
    talent_joined_90 = fields.Integer(
        string="Joined (90 days)", compute="_compute_talent_health", help="Members who joined in the last 90 days."
    )
    talent_last_touch_days = fields.Integer(
        string="Days Since Last Touch",
        compute="_compute_talent_health",
        help="Days since the last touch with a member; empty when no member was ever touched.",
    )
    talent_last_touch_text = fields.Char(string="Last Touched", compute="_compute_talent_health")
    talent_health_state = fields.Selection(
        HEALTH_STATES,
        string="Health",
        compute="_compute_talent_health_state",
        help="Healthy, Needs Attention or At Risk, from the members who can be contacted, when the pool "
        "was last touched, who joined recently and whose address bounced.",
    )
    talent_health_reasons = fields.Text(string="Health Reasons", compute="_compute_talent_health_state")

    # ------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------

    @api.depends("company_id.talent_default_pool_id")
    def _compute_is_default_pool(self):
        companies = self.env["res.company"].sudo().search([("talent_default_pool_id", "!=", False)])
        default_pools = companies.talent_default_pool_id
        for pool in self:
            pool.is_default_pool = pool in default_pools

    def _compute_talent_crm_counts(self):
        applicant = self.env["hr.applicant"]
        members = Domain("talent_pool_ids", "in", self.ids)
        reachable = (
            members
            & Domain("email_normalized", "!=", False)
            & Domain("partner_id.talent_do_not_contact", "=", False)
            & Domain("partner_id.is_blacklisted", "=", False)
        )
        open_to_offers = members & Domain("talent_availability", "=", "open")
        counts = {}
        for key, domain in (("reachable", reachable), ("open", open_to_offers)):
            groups = applicant._read_group(domain, ["talent_pool_ids"], ["__count"])
            counts[key] = {pool.id: count for pool, count in groups}
        for pool in self:
            pool.talent_reachable_count = counts["reachable"].get(pool.id, 0)
            pool.talent_open_count = counts["open"].get(pool.id, 0)

    def _compute_talent_hygiene_counts(self):
        counts = self._talent_hygiene_counts()
        for pool in self:
            pool_counts = counts.get(pool.id) or {}
            pool.talent_duplicate_count = pool_counts.get("duplicates", 0)
            pool.talent_bounced_count = pool_counts.get("bounced", 0)
            pool.talent_stale_count = pool_counts.get("stale", 0)

    def _compute_talent_health(self):
        now = fields.Datetime.now()
        growth = {pool.id: {30: 0, 90: 0} for pool in self}
        joined_90 = {}
        Membership = self.env["talent.pool.membership"].sudo()
        pools = Domain("pool_id", "in", self.ids)
        for days in (30, 90):
            since = now - timedelta(days=days)
            for date_field, sign in (("date_joined", 1), ("date_left", -1)):
                groups = Membership._read_group(pools & Domain(date_field, ">=", since), ["pool_id"], ["__count"])
                for pool, count in groups:
                    growth[pool.id][days] += sign * count
                    if days == 90 and sign > 0:
                        joined_90[pool.id] = count
        # the pool's last touch is the pool health report's (touches of its active members in the
        # pool's company), read from its SQL view: one definition for the pool and the report
        self.env["talent.touch"].flush_model(["partner_id", "company_id", "date"])
        self.env["hr.applicant"].flush_model(["talent_pool_ids", "partner_id", "active"])
        self.flush_model(["company_id", "active"])
        last_touch = dict(
            self.env["talent.pool.health.report"].sudo()._read_group(
                Domain("pool_id", "in", self.ids), ["pool_id"], ["last_touch_date:max"]
            )
        )
        cold_before = now - timedelta(days=STALE_DAYS)
        for pool in self:
            pool.talent_growth_30 = growth.get(pool.id, {}).get(30, 0)
            pool.talent_growth_90 = growth.get(pool.id, {}).get(90, 0)
            pool.talent_joined_90 = joined_90.get(pool.id, 0)
            touched = last_touch.get(pool)
            pool.talent_last_touch_date = touched
            pool.talent_health_warning = bool(pool.id and pool.no_of_talents and (not touched or touched < cold_before))
            days = (now - touched).days if touched else False
            pool.talent_last_touch_days = days
            if not touched:
                pool.talent_last_touch_text = self.env._("Never touched")
            elif not days:
                pool.talent_last_touch_text = self.env._("Today")
            elif days == 1:
                pool.talent_last_touch_text = self.env._("Yesterday")
            else:
                pool.talent_last_touch_text = self.env._("%(days)s days ago", days=days)

    def _compute_talent_health_state(self):
        """One status per pool, the worst of its reasons (computed from the figures the pool has)."""
        for pool in self:
            reasons = pool._talent_health_reasons()
            states = [state for state, _reason in reasons]
            pool.talent_health_state = (
                "at_risk" if "at_risk" in states else "attention" if "attention" in states else "healthy"
            )
            pool.talent_health_reasons = "\n".join(reason for _state, reason in reasons) or self.env._(
                "Members can be contacted, were touched recently and new people join."
            )

    def _talent_health_reasons(self):
        """``[(state, reason)]``: what makes this pool need attention (``attention``) or at risk
        (``at_risk``), in words; empty for a healthy pool."""
        self.ensure_one()
        members = self.no_of_talents
        if not members:
            return [("attention", self.env._("No members yet"))]
        reasons = []
        unreachable = round((members - self.talent_reachable_count) * 100 / members)
        if unreachable >= UNREACHABLE_ATTENTION:
            reasons.append((
                "at_risk" if unreachable >= UNREACHABLE_AT_RISK else "attention",
                self.env._("%(percent)s%% of members cannot be contacted", percent=unreachable),
            ))
        days = self.talent_last_touch_days
        if not self.talent_last_touch_date:
            reasons.append(("at_risk", self.env._("Never touched")))
        elif days >= STALE_DAYS:
            reasons.append((
                "at_risk" if days >= COLD_DAYS else "attention",
                self.env._("No one touched for %(days)s days", days=days),
            ))
        if self.talent_growth_90 < 0:
            lost = -self.talent_growth_90
            reasons.append((
                "attention",
                self.env._("Lost 1 member in the last 90 days")
                if lost == 1
                else self.env._("Lost %(count)s members in the last 90 days", count=lost),
            ))
        elif not self.talent_joined_90:
            reasons.append(("attention", self.env._("No one joined in the last 90 days")))
        bounced = round(self.talent_bounced_count * 100 / members)
        if bounced >= BOUNCED_ATTENTION:
            reasons.append((
                "attention", self.env._("%(percent)s%% of members' email addresses bounced", percent=bounced)
            ))
        return reasons

    # ------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------

    @api.constrains("talent_rule_active", "talent_rule_domain")
    def _check_talent_rule_domain(self):
        for pool in self.filtered("talent_rule_active"):
            pool._talent_rule_parsed()

    @api.constrains("talent_rule_active", "company_id")
    def _check_talent_rule_company(self):
        for pool in self.filtered("talent_rule_active"):
            if not pool.company_id:
                raise ValidationError(
                    self.env._("The dynamic pool %(pool)s needs a company: its rule selects that company's talents.",
                               pool=pool.name)
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [self._talent_rule_owner_vals(vals) for vals in vals_list]
        pools = super().create(vals_list)
        if any(vals.get("talent_ids") for vals in vals_list):
            self.env["talent.pool.membership"]._talent_sync(pool_ids=pools.ids)
        pools.filtered("talent_rule_active")._talent_refresh_rule_members()
        return pools

    def write(self, vals):
        vals = self._talent_rule_owner_vals(vals)
        previous = {}
        if "talent_ids" in vals:
            previous = {pool.id: pool.talent_ids for pool in self}
        result = super().write(vals)
        if "talent_ids" in vals:
            for pool in self.filtered("talent_sequence_id"):
                added = pool.talent_ids - previous.get(pool.id, self.env["hr.applicant"])
                if added:
                    added._talent_pool_auto_enroll(
                        {talent.id: talent.talent_pool_ids - pool for talent in added}
                    )
            self.env["talent.pool.membership"]._talent_sync(pool_ids=self.ids)
        if {"talent_rule_active", "talent_rule_domain", "company_id", "active"} & set(vals):
            self.filtered(lambda p: p.talent_rule_active and p.active)._talent_refresh_rule_members()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_default_pool(self):
        if any(pool.is_default_pool for pool in self):
            raise UserError(
                self.env._("This is a company's default pool for new leads: choose another default pool first.")
            )

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_talent_crm_open_talents(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("talent_crm.hr_applicant_action_talent")
        action["display_name"] = self.name
        action["domain"] = [("talent_pool_ids", "in", self.ids)]
        action["context"] = {
            "default_talent_pool_ids": self.ids,
            "talent_crm_capture": True,
        }
        return action

    def action_talent_send_mailing(self):
        """Open a new Email Marketing mailing on the talents of these pools, with the newsletter layout."""
        template = self.env.ref("talent_crm.mail_template_talent_newsletter").sudo()
        body = template.with_context(lang=self.env.user.lang).body_html or ""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Mailing"),
            "res_model": "mailing.mailing",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_mailing_type": "mail",
                "default_mailing_model_id": self.env["ir.model"]._get_id("hr.applicant"),
                "default_mailing_domain": "[]",
                "default_talent_audience": True,
                "default_talent_pool_ids": self.ids,
                "default_subject": self.env._("News from %(company)s", company=self.env.company.name),
                "default_body_arch": body,
                "default_body_html": body,
            },
        }

    def action_talent_enroll_members(self):
        """Enroll the current members in the pool's sequence (new members are enrolled automatically)."""
        self.ensure_one()
        if not self.talent_sequence_id:
            raise UserError(self.env._("Choose the nurture sequence of this pool first."))
        enrollments = self.talent_ids._talent_enroll(self.talent_sequence_id, origin="pool", pool=self)
        return self._talent_notification(
            self.env._(
                "%(count)s members are enrolled in %(sequence)s.",
                count=len(enrollments),
                sequence=self.talent_sequence_id.name,
            )
        )

    def action_talent_open_hygiene(self):
        """Members of this pool that need attention (context key ``talent_hygiene``)."""
        self.ensure_one()
        key = self.env.context.get("talent_hygiene", "stale")
        action = self.action_talent_crm_open_talents()
        action["domain"] = list(Domain("talent_pool_ids", "in", self.ids) & self._talent_hygiene_domains()[key])
        return action

    def action_talent_refresh_rule(self):
        self.ensure_one()
        if not self.talent_rule_active:
            raise UserError(self.env._("Pool %(pool)s has no rule to apply.", pool=self.name))
        joined, left = self._talent_refresh_rule_members()
        return self._talent_notification(
            self.env._(
                "%(joined)s talents joined and %(left)s left %(pool)s.", joined=joined, left=left, pool=self.name
            ),
            next_action={"type": "ir.actions.client", "tag": "soft_reload"},
        )

    def action_talent_open_membership(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("talent_crm.talent_pool_membership_action")
        action["domain"] = [("pool_id", "=", self.id)]
        action["context"] = {"search_default_filter_current": 1}
        return action

    @api.model
    def _talent_notification(self, message, notification_type="success", next_action=None):
        """The client action that shows ``message`` after an action of Talent CRM, then runs
        ``next_action`` (by default it closes the dialog; ``False``: nothing more)."""
        params = {"type": notification_type, "message": message}
        if next_action is None:
            next_action = {"type": "ir.actions.act_window_close"}
        if next_action:
            params["next"] = next_action
        return {"type": "ir.actions.client", "tag": "display_notification", "params": params}

    # ------------------------------------------------------------
    # Data hygiene: what a pool owner reviews every quarter
    # ------------------------------------------------------------

    @api.model
    def _talent_hygiene_domains(self):
        return {
            "duplicates": Domain("talent_has_duplicate", "=", True),
            "bounced": Domain("talent_email_bounced", "=", True),
            "stale": Domain("talent_is_stale", "=", True),
        }

    def _talent_hygiene_counts(self):
        """``{pool_id: {"duplicates": n, "bounced": n, "stale": n}}`` with one query per measure."""
        counts = {pool_id: dict.fromkeys(self._talent_hygiene_domains(), 0) for pool_id in self.ids}
        applicant = self.env["hr.applicant"].sudo()
        members = Domain("talent_pool_ids", "in", self.ids)
        for key, domain in self._talent_hygiene_domains().items():
            for pool, count in applicant._read_group(members & domain, ["talent_pool_ids"], ["__count"]):
                if pool.id in counts:
                    counts[pool.id][key] = count
        return counts

    @api.model
    def _talent_hygiene_note(self, pools, counts):
        rows = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
            % (pool.name, counts[pool.id]["duplicates"], counts[pool.id]["bounced"], counts[pool.id]["stale"])
            for pool in pools
        )
        return Markup(
            "<p>%s</p><table class='table table-sm'><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>"
            "</thead><tbody>%s</tbody></table><p>%s</p>"
        ) % (
            self.env._("Keep your pools clean: merge duplicates, fix bounced addresses, refresh stale profiles."),
            self.env._("Pool"),
            self.env._("Possible duplicates"),
            self.env._("Bounced"),
            self.env._("Stale"),
            rows,
            self.env._("Open each pool to see the talents concerned."),
        )

    # ------------------------------------------------------------
    # Rule
    # ------------------------------------------------------------

    def _talent_rule_parsed(self):
        """The rule as a ``Domain``; ``ValidationError`` with a readable message when it is unusable."""
        self.ensure_one()
        text = (self.talent_rule_domain or "").strip()
        try:
            value = ast.literal_eval(text) if text else []
        except (ValueError, SyntaxError) as error:
            raise ValidationError(
                self.env._("The rule of pool %(pool)s is not a valid filter: %(error)s", pool=self.name, error=error)
            ) from error
        if not isinstance(value, (list, tuple)):
            raise ValidationError(self.env._("The rule of pool %(pool)s is not a valid filter.", pool=self.name))
        if not value:
            raise ValidationError(
                self.env._(
                    "The rule of pool %(pool)s has no condition: it would add every talent. "
                    "Add at least one condition, or switch the dynamic pool off.",
                    pool=self.name,
                )
            )
        try:
            domain = Domain(list(value))
            self.env["hr.applicant"].sudo()._search(domain)
        except (ValueError, TypeError, KeyError, AssertionError, UserError) as error:
            raise ValidationError(
                self.env._("The rule of pool %(pool)s cannot be applied: %(error)s", pool=self.name, error=error)
            ) from error
        return domain

    def _talent_rule_members_domain(self):
        """Talents the rule selects: the rule, among talents of the pool's company."""
        self.ensure_one()
        if not self.company_id:
            raise ValidationError(self.env._("The dynamic pool %(pool)s has no company.", pool=self.name))
        domain = self.env["hr.applicant"]._talent_domain() & self._talent_rule_parsed()
        return domain & Domain("company_id", "in", [self.company_id.id, False])

    def _talent_rule_owner(self):
        """The user whose rights the rule runs with: who last wrote it (or created the pool)."""
        self.ensure_one()
        return (self.talent_rule_user_id or self.create_uid).sudo()

    def _talent_rule_matches(self):
        """Query of the talents the rule selects, searched as the rule's owner in the pool's
        company: never as superuser, never in another company. ``ValidationError`` when the
        owner may not read talents of that company any more (the cron then switches it off)."""
        self.ensure_one()
        domain = self._talent_rule_members_domain()
        owner = self._talent_rule_owner()
        if not owner or not (owner._is_superuser() or (owner.active and self.company_id in owner.company_ids)):
            raise ValidationError(
                self.env._(
                    "The owner of the rule of pool %(pool)s may not read the talents of %(company)s.",
                    pool=self.name,
                    company=self.company_id.name,
                )
            )
        Applicant = self.env["hr.applicant"].with_user(owner).with_company(self.company_id)
        Applicant = Applicant.with_context(allowed_company_ids=self.company_id.ids)
        try:
            return Applicant._search(domain)
        except AccessError as error:
            raise ValidationError(
                self.env._("The owner of the rule of pool %(pool)s may not use it: %(error)s", pool=self.name,
                           error=error)
            ) from error

    @api.model
    def _talent_rule_owner_vals(self, vals):
        """Whoever writes the rule owns it (a superuser write keeps the owner)."""
        if {"talent_rule_active", "talent_rule_domain"} & set(vals) and "talent_rule_user_id" not in vals:
            if not self.env.su:
                vals = dict(vals, talent_rule_user_id=self.env.uid)
        return vals

    def _talent_refresh_rule_members(self):
        """Apply the rule of each pool of ``self``, set-based: a fixed number of queries per pool.

        Talents matching the rule join (logged with join method ``rule``); members who joined
        by rule and no longer match leave, unless it is their last pool. Members who joined any
        other way stay. Pools locked by another transaction (a second cron worker) are skipped.
        Returns ``(joined, left)`` counts.
        """
        pools = self.filtered(lambda p: p.talent_rule_active and p.active)
        if not pools:
            return 0, 0
        Applicant = self.env["hr.applicant"].sudo()
        Membership = self.env["talent.pool.membership"].sudo()
        rel, talent_col, pool_col = Membership._talent_rel()
        self.env.flush_all()
        locked = pools.try_lock_for_update(allow_referencing=True)
        joined_total = left_total = 0
        now = fields.Datetime.now()
        for pool in pools & locked:
            matches = pool._talent_rule_matches().subselect()
            self.env.cr.execute(
                SQL(
                    """
                    INSERT INTO %(rel)s (%(talent_col)s, %(pool_col)s)
                    SELECT a.id, %(pool)s FROM hr_applicant a
                     WHERE a.id IN %(matches)s
                       AND NOT EXISTS (SELECT 1 FROM %(rel)s r
                                        WHERE r.%(talent_col)s = a.id AND r.%(pool_col)s = %(pool)s)
                    ON CONFLICT DO NOTHING
                    RETURNING %(talent_col)s
                    """,
                    rel=rel, talent_col=talent_col, pool_col=pool_col, pool=pool.id, matches=matches,
                )
            )
            joined_ids = [row[0] for row in self.env.cr.fetchall()]
            self.env.cr.execute(
                SQL(
                    """
                    DELETE FROM %(rel)s r
                     USING talent_pool_membership m
                     WHERE r.%(pool_col)s = %(pool)s
                       AND m.pool_id = %(pool)s AND m.talent_id = r.%(talent_col)s
                       AND m.date_left IS NULL AND m.join_method = 'rule'
                       AND r.%(talent_col)s NOT IN %(matches)s
                       AND EXISTS (SELECT 1 FROM %(rel)s other
                                    WHERE other.%(talent_col)s = r.%(talent_col)s AND other.%(pool_col)s != %(pool)s)
                    RETURNING r.%(talent_col)s
                    """,
                    rel=rel, talent_col=talent_col, pool_col=pool_col, pool=pool.id, matches=matches,
                )
            )
            left_ids = [row[0] for row in self.env.cr.fetchall()]
            if joined_ids or left_ids:
                Membership._talent_sync(pool_ids=pool.ids, method="rule")
            self.env.cr.execute(
                SQL("UPDATE hr_talent_pool SET talent_rule_refresh_date = %s WHERE id = %s", now, pool.id)
            )
            joined_total += len(joined_ids)
            left_total += len(left_ids)
            if joined_ids:
                self._talent_rule_after_join(pool, Applicant.browse(joined_ids))
        self.invalidate_model(["talent_ids", "talent_rule_refresh_date", "no_of_talents"])
        Applicant.invalidate_model(["talent_pool_ids", "talent_pool_count"])
        return joined_total, left_total

    @api.model
    def _talent_rule_after_join(self, pool, talents):
        """New rule members get the pool's nurture sequence, like members added by hand."""
        sequence = pool.sudo().talent_sequence_id
        if sequence and sequence.active and sequence.step_ids:
            if sequence.company_id:
                talents = talents.filtered(lambda t: not t.company_id or t.company_id == sequence.company_id)
            talents._talent_enroll(sequence, origin="pool", pool=pool)

    # ------------------------------------------------------------
    # Crons
    # ------------------------------------------------------------

    @api.model
    def _cron_talent_hygiene_review(self):
        """Quarterly: one "data hygiene" activity per pool owner listing what needs attention.

        Idempotent: an owner's open hygiene activity is updated rather than duplicated, and
        removed when nothing needs attention any more.
        """
        activity_type = self.env.ref("talent_crm.mail_activity_type_talent_hygiene")
        pools = self.sudo().search([("pool_manager", "!=", False)], order="name, id")
        counts = pools._talent_hygiene_counts()
        per_owner = {}
        for pool in pools:
            if any(counts[pool.id].values()):
                per_owner.setdefault(pool.pool_manager, []).append(pool)
        Activity = self.env["mail.activity"].sudo()
        existing = Activity.search(
            [("activity_type_id", "=", activity_type.id), ("res_model", "=", self._name)]
        )
        existing_per_owner = {}
        for activity in existing:
            existing_per_owner.setdefault(activity.user_id, activity)
        (existing - Activity.browse([a.id for a in existing_per_owner.values()])).unlink()
        stale_activities = Activity.browse(
            [activity.id for owner, activity in existing_per_owner.items() if owner not in per_owner]
        )
        stale_activities.unlink()
        deadline = fields.Date.context_today(self) + timedelta(days=14)
        model_id = self.env["ir.model"]._get_id(self._name)
        to_create = []
        for owner, owner_pools in per_owner.items():
            values = {
                "res_id": owner_pools[0].id,
                "summary": self.env._("Quarterly data hygiene review"),
                "note": self.with_context(lang=owner.lang)._talent_hygiene_note(owner_pools, counts),
                "date_deadline": deadline,
            }
            if owner in existing_per_owner:
                existing_per_owner[owner].write(values)
            else:
                values.update({"activity_type_id": activity_type.id, "res_model_id": model_id, "user_id": owner.id})
                to_create.append(values)
        Activity.create(to_create)
        return len(per_owner)

    @api.model
    def _cron_talent_refresh_rules(self, batch_size=20):
        """Apply every pool rule, least recently applied first; safe with two workers.

        Each batch locks its pools (``try_lock_for_update``: pools another worker is refreshing
        are left to it) and is committed before the next one. The pools due are reported as
        ``remaining`` first: when the time budget stops the function with pools left, Odoo's
        scheduler calls it again in the same run (and, once the run's budget is spent,
        reschedules it at once) instead of leaving them to the next hourly run.
        """
        cron = self.env["ir.cron"]

        def due_domain():
            return (
                Domain("talent_rule_active", "=", True)
                & Domain("active", "=", True)
                & (
                    Domain("talent_rule_refresh_date", "=", False)
                    | Domain("talent_rule_refresh_date", "<", fields.Datetime.now() - timedelta(minutes=5))
                )
            )

        cron._commit_progress(remaining=self.sudo().search_count(due_domain()))
        while True:
            due = self.sudo().search(due_domain(), order="talent_rule_refresh_date asc nulls first, id")
            pools = due.try_lock_for_update(allow_referencing=True, limit=batch_size)
            pool_ids = pools.ids
            if not pool_ids:
                # the due pools left, if any, are being refreshed by another worker
                cron._commit_progress(remaining=0)
                return
            for pool in pools:
                try:
                    with self.env.cr.savepoint():
                        pool._talent_refresh_rule_members()
                except ValidationError:
                    # a rule that became invalid (a field removed): switch it off, tell the owner
                    pool.talent_rule_active = False
                    pool.message_post(
                        body=self.env._("The pool rule could not be applied any more and was switched off.")
                    )
            if cron._commit_progress(len(pool_ids)) <= 0:
                return
