# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from contextlib import contextmanager
from datetime import timedelta
from unittest.mock import patch

from odoo import fields

from bench.generator import data_step

from . import Scenario

BATCH = 500
# share of the talents with an email enrolled in the keep-warm sequence
ENROLLED_SHARE = 0.2


@data_step("nurture_enrollments", version=1, requires=["talent.sequence.enrollment"])
def generate_enrollments(gen):
    """Every fifth talent with an email enrolled in "Quarterly keep-warm" (the ORM's own enrollment)."""
    env = gen.env
    sequence = env.ref("talent_crm.talent_sequence_keep_warm")
    gen.cr.execute(
        """SELECT id FROM hr_applicant
            WHERE pool_applicant_id = id AND email_normalized IS NOT NULL AND active
         ORDER BY id"""
    )
    ids = [row[0] for row in gen.cr.fetchall()]
    ids = ids[:: max(1, round(1 / ENROLLED_SHARE))]
    for start in range(0, len(ids), 2000):
        env["hr.applicant"].browse(ids[start : start + 2000])._talent_enroll(sequence, origin="other")
        env.flush_all()
        env.invalidate_all()
    gen.log("  %d enrollments in %s" % (len(ids), sequence.name))


@contextmanager
def _no_commit(env):
    """The cron commits per batch; a measured run must stay in its transaction (rolled back)."""
    with patch.object(type(env["ir.cron"]), "_commit_progress", lambda *args, **kwargs: float("inf")):
        yield


class NurtureCron(Scenario):
    name = "nurture_cron"
    title = "Nurture cron: one batch of %d due steps" % BATCH
    description = (
        "talent.sequence.enrollment._talent_process_due: claim %d due enrollments (SKIP LOCKED), check "
        "blockers, conditions, send windows and caps, queue the emails, log touches and executions, set-based. "
        "Baseline: the plain cron loop a developer writes first: the same due enrollments, each claimed and "
        "processed on its own (same rules, no cache wipe between them, no commit)." % BATCH
    )
    baseline_label = "one enrollment at a time"
    sequence = 60
    requires = ("talent.sequence.enrollment:_talent_process_due",)
    max_runs = 3

    def setup(self, env):
        now = fields.Datetime.now()
        enrollments = env["talent.sequence.enrollment"].sudo().search(
            [("state", "=", "running")], order="id", limit=BATCH
        )
        # the first batch is due now; nothing else is
        env.cr.execute(
            "UPDATE talent_sequence_enrollment SET next_date = %s WHERE state = 'running'",
            [now + timedelta(days=365)],
        )
        env.cr.execute(
            "UPDATE talent_sequence_enrollment SET next_date = %s WHERE id = ANY(%s)",
            [now - timedelta(minutes=1), enrollments.ids],
        )
        # a realistic due batch: most people may be mailed now, one in five is capped by a recent
        # touch and one in ten has no consent (the generated history alone leaves nobody to mail)
        partner_ids = sorted(set(enrollments.talent_id.partner_id.ids))
        capped = set(partner_ids[::5])
        unconsented = set(partner_ids[1::10])
        env.cr.execute(
            "UPDATE res_partner SET talent_cap_touch_date = NULL, talent_cap_touch_company_id = NULL"
            " WHERE id = ANY(%s)",
            [sorted(set(partner_ids) - capped)],
        )
        env.cr.execute(
            "UPDATE res_partner SET talent_cap_touch_date = %s, talent_cap_touch_company_id = %s WHERE id = ANY(%s)",
            [now - timedelta(days=1), enrollments.company_id[:1].id, sorted(capped)],
        )
        env.invalidate_all()
        # no send window: the bench must not depend on the hour it runs at (outside office hours
        # every step would only be postponed); both ways run the same window code anyway
        env["talent.sequence.step"].sudo().search(
            [("sequence_id", "in", enrollments.sequence_id.ids), ("window_enabled", "=", True)]
        ).write({"window_enabled": False})
        consent = env["talent.consent"].sudo().with_context(tracking_disable=True)
        for company in enrollments.company_id:
            has_basis = set(
                consent.search(
                    [("partner_id", "in", partner_ids), ("company_id", "=", company.id),
                     ("purpose", "=", "communication"), ("state", "=", "valid")]
                ).partner_id.ids
            )
            consent.create([
                {"partner_id": partner_id, "company_id": company.id, "purpose": "communication"}
                for partner_id in set(partner_ids) - unconsented - has_basis
            ])
        env.flush_all()
        return enrollments.ids

    def records(self, env, state):
        self._state = state  # result_key compares the outcome of these enrollments
        return len(state)

    def _outcome(self, env, state):
        env.flush_all()
        env.cr.execute(
            """SELECT e.state, count(x.id), count(x.touch_id)
                 FROM talent_sequence_enrollment e
            LEFT JOIN talent_sequence_execution x ON x.enrollment_id = e.id
                WHERE e.id = ANY(%s)
             GROUP BY e.state ORDER BY e.state""",
            [state],
        )
        return env.cr.fetchall()

    def fast(self, env, state):
        with _no_commit(env):
            return env["talent.sequence.enrollment"]._talent_process_due(batch_size=BATCH, limit=BATCH)

    def baseline(self, env, state):
        with _no_commit(env):
            Enrollment = env["talent.sequence.enrollment"].sudo()
            due = Enrollment.search(Enrollment._talent_due_domain(fields.Datetime.now()), order="next_date, id",
                                    limit=BATCH)
            processed = 0
            for enrollment_id in due.ids:
                processed += len(Enrollment._talent_claim_due(1, only_ids=[enrollment_id])._talent_process_batch())
            return processed

    def result_key(self, env, result):
        outcome = self._outcome(env, self._state)
        if not sum(touches for _state, _executions, touches in outcome):
            raise AssertionError("the batch sent nothing: the bench measures the send path, not only the skips")
        return result, outcome
