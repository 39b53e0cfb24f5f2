# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.fields import Domain

from . import Scenario


class PoolCounts(Scenario):
    name = "pool_counts"
    title = "Pool live counts (all pools)"
    description = (
        "Read no_of_talents, talent_reachable_count and talent_open_count of every pool at once, as "
        "the pools kanban does (batched _read_group computes). Baseline: three search_count() per pool."
    )
    baseline_label = "3 search_count() per pool"
    sequence = 20
    FIELDS = ["no_of_talents", "talent_reachable_count", "talent_open_count"]

    def setup(self, env):
        return env["hr.talent.pool"].search([]).ids

    def records(self, env, state):
        return len(state)

    def fast(self, env, state):
        pools = env["hr.talent.pool"].browse(state)
        return {pool["id"]: tuple(pool[f] for f in self.FIELDS) for pool in pools.read(self.FIELDS)}

    def baseline(self, env, state):
        applicant = env["hr.applicant"]
        result = {}
        for pool in env["hr.talent.pool"].browse(state):
            members = Domain("talent_pool_ids", "in", pool.id)
            result[pool.id] = (
                applicant.search_count(members),
                applicant.search_count(
                    members
                    & Domain("email_normalized", "!=", False)
                    & Domain("partner_id.talent_do_not_contact", "=", False)
                    & Domain("partner_id.is_blacklisted", "=", False)
                ),
                applicant.search_count(members & Domain("talent_availability", "=", "open")),
            )
        return result
