# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.fields import Domain

from . import Scenario


class PoolCounts(Scenario):
    name = "pool_counts"
    title = "Pool live counts (all pools)"
    description = (
        "Read no_of_talents, talent_reachable_count and talent_open_count of every pool at once, as "
        "the pools kanban does (batched _read_group computes). Baseline: the same three counts the way "
        "Odoo's own no_of_talents is computed (hr_recruitment's hr_talent_pool.py), one _read_group over "
        "all pools per count, written here independently of talent_crm's compute. A ratio near 1x is the "
        "honest outcome: talent_crm's counts cost what Odoo's own count costs."
    )
    baseline_label = "Odoo's _read_group per count"
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
        members = Domain("talent_pool_ids", "in", state)
        domains = (
            members,
            members
            & Domain("email_normalized", "!=", False)
            & Domain("partner_id.talent_do_not_contact", "=", False)
            & Domain("partner_id.is_blacklisted", "=", False),
            members & Domain("talent_availability", "=", "open"),
        )
        counts = [
            {pool.id: count for pool, count in applicant._read_group(domain, ["talent_pool_ids"], ["__count"])}
            for domain in domains
        ]
        return {pool_id: tuple(count.get(pool_id, 0) for count in counts) for pool_id in state}
