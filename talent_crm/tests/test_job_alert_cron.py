# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The job-alert cron run the way Odoo's scheduler runs it: through ``ir.cron``, with the real
``_commit_progress`` (a commit per batch, progress, time budget), not a stub.

In registry test mode the cron gets its own test cursor, on which a commit is a savepoint.
"""

from unittest.mock import patch

from odoo import Command
from odoo.tests import tagged

from odoo.addons.base.models import ir_cron
from odoo.addons.talent_crm.models import talent_job_alert

from .common import TalentCrmCommon


class TalentJobAlertCronCommon(TalentCrmCommon):
    """Five talents who asked for backend job alerts, and a company that sends them automatically."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {"email": "jobs@example.com", "talent_require_consent": False, "talent_job_alert_mode": "auto"}
        )
        cls.topic_alerts = cls.env["talent.topic"].create(
            {"name": "Backend jobs (cron test)", "kind": "job_alert", "role_family_id": cls.role_backend.id}
        )
        cls.talents = cls.env["hr.applicant"]
        for index in range(5):
            cls.talents |= cls._create_talent("Alert Person %d" % index, talent_role_family_id=cls.role_backend.id)
        cls.talents.partner_id.write({"talent_topic_ids": [Command.set(cls.topic_alerts.ids)]})
        cls.cron = cls.env.ref("talent_crm.ir_cron_talent_job_alerts")

    @classmethod
    def _open_job(cls, name="Backend Developer (cron test)"):
        return cls.env["hr.job"].create(
            {
                "name": name,
                "no_of_recruitment": 1,
                "talent_role_family_id": cls.role_backend.id,
                "company_id": cls.company.id,
                "user_id": cls.user_recruiter.id,
            }
        )

    def _traces(self, job):
        return self.env["mailing.trace"].search([("mass_mailing_id", "=", job.talent_job_alert_mailing_id.id)])


@tagged("post_install", "-at_install", "talent_crm")
class TestJobAlertCronProgress(TalentJobAlertCronCommon):
    def setUp(self):
        super().setUp()
        # batches of two alerts: five alerts make three batches
        self.startPatcher(patch.object(talent_job_alert, "JOB_ALERT_BATCH_SIZE", 2))

    def _run_cron(self):
        with self.enter_registry_test_mode():
            self.cron.method_direct_trigger()
        self.env.invalidate_all()

    def _progress_rows(self, since_id):
        return self.env["ir.cron.progress"].sudo().search(
            [("cron_id", "=", self.cron.id), ("id", ">", since_id)], order="id"
        )

    def _last_progress_id(self):
        return self.env["ir.cron.progress"].sudo().search([], order="id desc", limit=1).id or 0

    def test_cron_prepares_sends_in_batches_and_reports_progress(self):
        job = self._open_job()
        last = self._last_progress_id()
        sent_batches = []
        Alert = type(self.env["talent.job.alert"])
        real_send = Alert._talent_send

        def spy_send(alerts):
            sent_batches.append(alerts.ids)
            return real_send(alerts)

        with patch.object(Alert, "_talent_send", spy_send):
            self._run_cron()
        alerts = job.talent_job_alert_ids
        self.assertEqual(alerts.talent_id, self.talents)
        self.assertEqual(set(alerts.mapped("state")), {"sent"})
        self.assertEqual([len(batch) for batch in sent_batches], [2, 2, 1], "three committed batches")
        self.assertEqual(sorted(sum(sent_batches, [])), sorted(alerts.ids), "each alert in one batch")
        self.assertFalse(job.talent_job_alert_pending)
        rows = self._progress_rows(last)
        self.assertEqual(len(rows), 1, "one call of the cron function did everything")
        self.assertEqual((rows.done, rows.remaining), (1 + 5, 0), "one job prepared, five alerts sent")
        traces = self._traces(job)
        self.assertEqual(sorted(traces.mapped("res_id")), sorted(self.talents.ids))
        # run again: nothing is due, nothing is sent twice
        self._run_cron()
        self.assertEqual(len(job.talent_job_alert_ids), 5)
        self.assertEqual(self._traces(job), traces)
        self.assertEqual(self._progress_rows(rows.id).mapped("done"), [0])

    def _new_triggers(self, since_id):
        return self.env["ir.cron.trigger"].sudo().search([("cron_id", "=", self.cron.id), ("id", ">", since_id)])

    def _last_trigger_id(self):
        return self.env["ir.cron.trigger"].sudo().search([], order="id desc", limit=1).id or 0

    def test_out_of_time_after_each_batch_one_run_sends_everything(self):
        """The function stops after each batch (no time left), reports what is left, and the
        scheduler calls it again within the same run until nothing is left."""
        job = self._open_job()
        last = self._last_progress_id()
        Cron = type(self.env["ir.cron"])
        real = Cron._commit_progress
        calls = []

        def out_of_time(cron, processed=0, **kwargs):
            calls.append(processed)
            real(cron, processed, **kwargs)
            return 0.0  # the time budget is spent after every commit

        with patch.object(Cron, "_commit_progress", out_of_time):
            self._run_cron()
        alerts = job.talent_job_alert_ids
        self.assertEqual(set(alerts.mapped("state")), {"sent"}, "one scheduler run sent every alert")
        rows = self._progress_rows(last)
        self.assertEqual(rows.mapped("done"), [3, 2, 1], "three calls: the job and 2 alerts, 2 alerts, 1 alert")
        self.assertEqual(rows.mapped("remaining"), [3, 1, 0])
        self.assertEqual(calls, [1, 2, 0, 2, 0, 1], "no job prepared twice; 2 + 2 + 1 alerts")
        traces = self._traces(job)
        self.assertEqual(sorted(traces.mapped("res_id")), sorted(self.talents.ids), "everybody alerted once")
        self.assertEqual(
            self.env["mail.mail"].sudo().search_count([("mailing_id", "=", job.talent_job_alert_mailing_id.id)]), 5
        )

    def test_run_budget_spent_the_cron_is_rescheduled_and_the_next_run_resumes(self):
        """One call per run and no time at all: each run sends one batch, reports what is left,
        and the scheduler reschedules the cron at once; the next run takes up where it stopped."""
        job = self._open_job()
        last = self._last_progress_id()
        self.startPatcher(patch.object(ir_cron, "MIN_RUNS_PER_JOB", 1))
        self.startPatcher(patch.object(ir_cron, "MIN_TIME_PER_JOB", 0))
        self._run_cron()
        self.assertEqual(sorted(job.talent_job_alert_ids.mapped("state")), ["queued"] * 3 + ["sent"] * 2)
        first = job.talent_job_alert_ids.filtered(lambda a: a.state == "sent")
        rows = self._progress_rows(last)
        self.assertEqual((rows.done, rows.remaining), (3, 3), "the batch is committed, three alerts left")
        since = self._last_trigger_id()
        self._run_cron()
        self.assertEqual(len(self._new_triggers(since)), 1, "alerts left: the scheduler runs the cron again at once")
        self.assertEqual(sorted(job.talent_job_alert_ids.mapped("state")), ["queued"] + ["sent"] * 4)
        since = self._last_trigger_id()
        self._run_cron()
        self.assertFalse(self._new_triggers(since), "nothing left: back to the regular interval")
        alerts = job.talent_job_alert_ids
        self.assertEqual(set(alerts.mapped("state")), {"sent"})
        rows = self._progress_rows(last)
        self.assertEqual(rows.mapped("done"), [3, 2, 1])
        self.assertEqual(rows.mapped("remaining"), [3, 1, 0])
        self.assertTrue(first < alerts and all(alert.date_sent for alert in first))
        traces = self._traces(job)
        self.assertEqual(sorted(traces.mapped("res_id")), sorted(self.talents.ids), "everybody alerted once")


@tagged("post_install", "-at_install", "talent_crm")
class TestJobAlertClaimWindow(TalentJobAlertCronCommon):
    def test_a_claim_reads_one_window_at_a_time_and_moves_past_held_alerts(self):
        """A claim never reads the whole queue: it reads a window of due alerts and, when
        another worker holds all of them, the next window."""
        Alert = self.env["talent.job.alert"]
        Alert.search(Alert._talent_due_domain()).state = "cancelled"  # the queue holds this job's alerts only
        job = self._open_job()
        job._talent_job_alert_prepare()
        alerts = Alert.search(Alert._talent_due_domain(), order="id")
        self.assertEqual(alerts.job_id, job)
        self.assertEqual(len(alerts), 5)
        AlertClass = type(Alert)
        real_search, real_lock = AlertClass.search, AlertClass.try_lock_for_update
        held = set(alerts[:2].ids)  # another worker holds the first window
        limits = []

        def spy_search(records, domain, *args, **kwargs):
            limits.append(kwargs.get("limit"))
            return real_search(records, domain, *args, **kwargs)

        def lock_all_but_held(records, **kwargs):
            return real_lock(records.browse([i for i in records.ids if i not in held]), **kwargs)

        with (
            patch.object(talent_job_alert, "JOB_ALERT_CLAIM_WINDOW", 2),
            patch.object(AlertClass, "search", spy_search),
            patch.object(AlertClass, "try_lock_for_update", lock_all_but_held),
        ):
            claimed = Alert._talent_claim_due(1)
            self.assertEqual(claimed, alerts[2], "the first free alert after the held window")
            self.assertEqual(limits, [2, 2], "two windows of two alerts read, not the queue of five")
            held.update(alerts.ids)
            limits.clear()
            self.assertFalse(Alert._talent_claim_due(1), "everything held: nothing claimed")
            self.assertEqual(limits, [2, 2, 2], "the claim ends after the last (short) window")
