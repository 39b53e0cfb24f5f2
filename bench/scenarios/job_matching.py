# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import PendingScenario


class JobMatching(PendingScenario):
    """Slot for explainable matching (issue 4).

    To fill in after merging: ``setup`` picks a job with skills and a description,
    ``fast`` ranks the top 50 talents for it, ``baseline`` scores every talent with a
    per-record ORM loop (hr_recruitment_skills' ``matching_score`` with the
    ``matching_job_id`` context), ``records`` = talents ranked. Goal: top 50 of 100,000
    talents in under 300 ms, at least 10x faster than the loop.
    """

    name = "job_matching"
    title = "Matching: top 50 talents for one job"
    description = "Rank the talents in the pools for one job, with the score breakdown."
    baseline_label = "per-talent scoring loop"
    feature = "matching (issue 4)"
    sequence = 50
    requires = ("hr.job:_talent_match_talents",)
