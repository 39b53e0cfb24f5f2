# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import PendingScenario


class NurtureCron(PendingScenario):
    """Slot for the nurture scheduler (issue 5).

    To fill in after merging: add a data step for enrollments in this file (see
    ``bench.generator.data_step``; e.g. every talent with an email enrolled in a
    "Quarterly keep-warm" sequence, a share of them due now), ``fast`` = one batch of the
    cron, ``baseline`` = the same batch processed one enrollment at a time, ``records`` =
    touches made. Goal: at least 2,000 touches per minute, queries per batch independent of
    its size.
    """

    name = "nurture_cron"
    title = "Nurture cron: one batch of due steps"
    description = "Process due nurture steps in a batch (touches, mails queued, caps, stop rules)."
    baseline_label = "one enrollment at a time"
    feature = "nurture sequences (issue 5)"
    sequence = 60
    requires = ("talent.nurture.enrollment",)
