# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import PendingScenario


class PoolRuleRefresh(PendingScenario):
    """Slot for dynamic pools (issue 4).

    To fill in after merging: set ``requires`` to the real entry point, give ``setup`` a
    pool with a rule matching a large share of the talents, ``fast`` = the refresh,
    ``baseline`` = a per-talent membership check in a loop, ``records`` = talents scanned,
    and remove ``pending``. Goal from the issue: 100,000 talents refresh in under 5 s.
    """

    name = "pool_rule_refresh"
    title = "Dynamic pool rule refresh"
    description = "Refresh the members of a rule-based pool over all talents."
    baseline_label = "per-talent rule check"
    feature = "dynamic pools (issue 4)"
    sequence = 40
    requires = ("hr.talent.pool:_talent_refresh_rule_members",)
