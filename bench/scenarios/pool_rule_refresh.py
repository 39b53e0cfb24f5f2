# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.fields import Domain

from bench.generator import data_step

from . import Scenario


@data_step("pool_memberships", version=1, requires=["talent.pool.membership"])
def generate_pool_memberships(gen):
    """The membership log of the generated pool members, as the product writes it: one open
    membership per talent and pool, joined when the talent was captured (set-based, the
    product's own statement)."""
    gen.env["talent.pool.membership"]._talent_open_existing(method="import")
    gen.cr.execute("ANALYZE talent_pool_membership")
    gen.cr.execute("SELECT count(*) FROM talent_pool_membership")
    gen.log("  %d pool memberships" % gen.cr.fetchone()[0])


class PoolRuleRefresh(Scenario):
    """Dynamic pools (issue 4): apply a pool rule matching a large share of the talents.

    ``fast`` = ``hr.talent.pool._talent_refresh_rule_members`` (one INSERT ... SELECT of the
    matches, one DELETE of the members who stopped matching, the membership log in two more
    statements). ``baseline`` = what a competent developer writes with the ORM: one
    ``search`` of the rule, the difference with the current members, one write.
    """

    name = "pool_rule_refresh"
    title = "Dynamic pool rule refresh"
    description = (
        "A dynamic pool whose rule (open to offers or availability unknown, not do-not-contact) matches most "
        "talents, with members from an earlier run of the rule who no longer match and members added by hand: "
        "its members are added and removed set-based, with the membership log. Baseline: one ORM search of the "
        "rule, the difference with the current members, one write linking and unlinking them. Both must leave "
        "the same members and the same open memberships."
    )
    baseline_label = "ORM search + membership diff"
    feature = "dynamic pools (issue 4)"
    sequence = 40
    requires = ("hr.talent.pool:_talent_refresh_rule_members",)
    max_runs = 3
    RULE = "[('talent_availability', 'in', ['open', 'unknown']), ('partner_id.talent_do_not_contact', '=', False)]"

    def setup(self, env):
        pool = env["hr.talent.pool"].create(
            {"name": "Bench dynamic pool", "talent_rule_domain": self.RULE, "company_id": env.company.id}
        )
        Applicant = env["hr.applicant"]
        # earlier members: 200 who joined by the rule but no longer match, 50 added by hand
        stale = Applicant.search(
            Applicant._talent_domain() & Domain("talent_availability", "not in", ["open", "unknown"]), limit=250
        )
        for method, talents in (("rule", stale[:200]), ("manual", stale[200:])):
            pool.with_context(talent_pool_join_method=method).write(
                {"talent_ids": [Command.link(i) for i in talents.ids]}
            )
        # the rule is switched on without applying it: the measured call applies it
        env.cr.execute("UPDATE hr_talent_pool SET talent_rule_active = TRUE WHERE id = %s", [pool.id])
        pool.invalidate_recordset()
        return {"pool_id": pool.id}

    def records(self, env, state):
        return env["hr.applicant"].search_count(env["hr.applicant"]._talent_domain())

    def fast(self, env, state):
        pool = env["hr.talent.pool"].browse(state["pool_id"])
        pool._talent_refresh_rule_members()
        return pool

    def baseline(self, env, state):
        pool = env["hr.talent.pool"].browse(state["pool_id"])
        matches = env["hr.applicant"].sudo().search(pool._talent_rule_members_domain())
        current = pool.sudo().talent_ids
        by_rule = env["talent.pool.membership"].sudo().search(
            [("pool_id", "=", pool.id), ("date_left", "=", False), ("join_method", "=", "rule")]
        ).talent_id
        # members who joined by the rule and stopped matching leave, unless it is their last pool
        leaving = (by_rule & current) - matches
        leaving = leaving.filtered(lambda talent: len(talent.talent_pool_ids) > 1)
        pool.with_context(talent_pool_join_method="rule").write(
            {"talent_ids": [Command.link(i) for i in (matches - current).ids]
                           + [Command.unlink(i) for i in leaving.ids]}
        )
        return pool

    def result_key(self, env, result):
        env.flush_all()
        members = env["hr.applicant"].sudo().search(Domain("talent_pool_ids", "in", result.ids), order="id").ids
        logged = sorted(
            (membership.talent_id.id, membership.join_method)
            for membership in env["talent.pool.membership"].sudo().search(
                [("pool_id", "in", result.ids), ("date_left", "=", False)]
            )
        )
        return members, logged
