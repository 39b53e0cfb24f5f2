# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.fields import Domain
from odoo.tools import SQL

from bench.generator import data_step

from . import Scenario


@data_step("pool_memberships", version=1, requires=["talent.pool.membership"])
def generate_pool_memberships(gen):
    """The membership log of the generated pool members, as the product writes it: one open
    membership per talent and pool, joined when the talent was captured (set-based, the
    product's own statement)."""
    Membership = gen.env["talent.pool.membership"]
    gen.cr.execute(Membership._talent_sync_sql(SQL("TRUE"), "import", date_joined=SQL("a.create_date")))
    gen.cr.execute("ANALYZE talent_pool_membership")
    gen.cr.execute("SELECT count(*) FROM talent_pool_membership")
    gen.log("  %d pool memberships" % gen.cr.fetchone()[0])


class PoolRuleRefresh(Scenario):
    """Dynamic pools (issue 4): apply a pool rule matching a large share of the talents.

    ``fast`` = ``hr.talent.pool._talent_refresh_rule_members`` (one INSERT ... SELECT of the
    matches, one DELETE of the members who stopped matching, the membership log in two more
    statements). ``baseline`` = the rule checked talent by talent (``filtered_domain`` in a loop),
    then the matches linked to the pool with one ORM write.
    """

    name = "pool_rule_refresh"
    title = "Dynamic pool rule refresh"
    description = (
        "A new dynamic pool whose rule (open to offers or availability unknown, not do-not-contact) "
        "matches most talents: its members are added set-based, with the membership log. Baseline: "
        "the rule checked per talent (filtered_domain), then one ORM write linking the matches."
    )
    baseline_label = "per-talent rule check"
    feature = "dynamic pools (issue 4)"
    sequence = 40
    requires = ("hr.talent.pool:_talent_refresh_rule_members",)
    max_runs = 3
    RULE = "[('talent_availability', 'in', ['open', 'unknown']), ('partner_id.talent_do_not_contact', '=', False)]"

    def setup(self, env):
        pool = env["hr.talent.pool"].create({"name": "Bench dynamic pool", "talent_rule_domain": self.RULE})
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
        rule = pool._talent_rule_members_domain()
        matches = []
        for talent in env["hr.applicant"].sudo().search(env["hr.applicant"]._talent_domain()):
            if talent.filtered_domain(rule):
                matches.append(talent.id)
        pool.with_context(talent_pool_join_method="rule").write({"talent_ids": [Command.link(i) for i in matches]})
        return pool

    def result_key(self, env, result):
        env.flush_all()
        members = env["hr.applicant"].sudo().search_count(Domain("talent_pool_ids", "in", result.ids))
        logged = env["talent.pool.membership"].sudo().search_count(
            [("pool_id", "in", result.ids), ("date_left", "=", False)]
        )
        return members, logged
