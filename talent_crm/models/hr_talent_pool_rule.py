# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import ast
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

# Days without any touch after which a pool is flagged as going cold.
POOL_COLD_DAYS = 90


class HrTalentPool(models.Model):
    """Dynamic pools: a rule (domain on talents) adds its matches; members added by hand stay.

    Pool health (members, growth from the membership log, last touch) lives here too.
    """

    _inherit = "hr.talent.pool"

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
        string="Last Touch", compute="_compute_talent_health", help="Most recent contact with any member."
    )
    talent_health_warning = fields.Boolean(
        string="Going Cold",
        compute="_compute_talent_health",
        help="Nobody in this pool has been contacted for 90 days.",
    )

    # ------------------------------------------------------------
    # Health
    # ------------------------------------------------------------

    def _compute_talent_health(self):
        now = fields.Datetime.now()
        growth = {pool.id: {30: 0, 90: 0} for pool in self}
        Membership = self.env["talent.pool.membership"].sudo()
        pools = Domain("pool_id", "in", self.ids)
        for days in (30, 90):
            since = now - timedelta(days=days)
            for date_field, sign in (("date_joined", 1), ("date_left", -1)):
                groups = Membership._read_group(pools & Domain(date_field, ">=", since), ["pool_id"], ["__count"])
                for pool, count in groups:
                    growth[pool.id][days] += sign * count
        last_touch = dict(
            self.env["hr.applicant"].sudo()._read_group(
                Domain("talent_pool_ids", "in", self.ids), ["talent_pool_ids"], ["talent_last_contact_date:max"]
            )
        )
        cold_before = now - timedelta(days=POOL_COLD_DAYS)
        for pool in self:
            pool.talent_growth_30 = growth.get(pool.id, {}).get(30, 0)
            pool.talent_growth_90 = growth.get(pool.id, {}).get(90, 0)
            touched = last_touch.get(pool)
            pool.talent_last_touch_date = touched
            pool.talent_health_warning = bool(pool.id and pool.no_of_talents and (not touched or touched < cold_before))

    # ------------------------------------------------------------
    # Rule
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
        result = super().write(vals)
        if "talent_ids" in vals:
            self.env["talent.pool.membership"]._talent_sync(pool_ids=self.ids)
        if {"talent_rule_active", "talent_rule_domain", "company_id", "active"} & set(vals):
            self.filtered(lambda p: p.talent_rule_active and p.active)._talent_refresh_rule_members()
        return result

    def action_talent_refresh_rule(self):
        self.ensure_one()
        if not self.talent_rule_active:
            raise UserError(self.env._("Pool %(pool)s has no rule to apply.", pool=self.name))
        joined, left = self._talent_refresh_rule_members()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(joined)s talents joined and %(left)s left %(pool)s.", joined=joined, left=left, pool=self.name
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def action_talent_open_membership(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("talent_crm.talent_pool_membership_action")
        action["domain"] = [("pool_id", "=", self.id)]
        action["context"] = {"search_default_filter_current": 1}
        return action

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
        self.env.cr.execute(
            SQL("SELECT id FROM hr_talent_pool WHERE id = ANY(%s) FOR NO KEY UPDATE SKIP LOCKED", pools.ids)
        )
        locked = self.browse([row[0] for row in self.env.cr.fetchall()])
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

    @api.model
    def _cron_talent_refresh_rules(self, batch_size=20):
        """Apply every pool rule, least recently applied first; safe with two workers.

        Each batch locks its pools (``SKIP LOCKED``: pools another worker is refreshing are left
        to it) and is committed before the next one.
        """
        while True:
            self.env.flush_all()
            self.env.cr.execute(
                SQL(
                    """
                    SELECT id FROM hr_talent_pool
                     WHERE talent_rule_active AND active
                       AND (talent_rule_refresh_date IS NULL OR talent_rule_refresh_date < %s)
                     ORDER BY talent_rule_refresh_date NULLS FIRST, id
                     LIMIT %s
                     FOR NO KEY UPDATE SKIP LOCKED
                    """,
                    fields.Datetime.now() - timedelta(minutes=5),
                    batch_size,
                )
            )
            pool_ids = [row[0] for row in self.env.cr.fetchall()]
            if not pool_ids:
                return
            pools = self.sudo().browse(pool_ids)
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
            if self.env["ir.cron"]._commit_progress(len(pool_ids)) <= 0:
                return
