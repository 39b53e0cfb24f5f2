# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import PendingScenario


class DuplicateDetection(PendingScenario):
    """Slot for duplicate detection (issue 8).

    The generator already makes about 4% near-duplicates (same email in another case, same
    phone, a typo in the name, same LinkedIn URL) and records the truth in the table
    ``talent_crm_bench_duplicate (original_id, duplicate_id, kind)``: the filled scenario can
    report recall next to the timing. To fill in after merging: ``fast`` = finding all
    duplicate candidates, ``baseline`` = naive pairwise comparison on a 10,000 sample,
    ``records`` = talents scanned. Goal: 100,000 talents in under 10 s, 10x faster than the
    pairwise approach.
    """

    name = "duplicate_detection"
    title = "Duplicate detection over all talents"
    description = "Find duplicate candidates among all talents (email, phone, URLs, fuzzy name)."
    baseline_label = "pairwise comparison"
    feature = "duplicate detection (issue 8)"
    sequence = 70
    requires = ("talent.duplicate",)
