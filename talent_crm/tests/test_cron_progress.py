# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The nurture cron run the way Odoo's scheduler runs it: through ``ir.cron``, with the real
``_commit_progress`` (commits per batch, progress, time budget), not a stub.

In registry test mode the cron gets its own test cursor, on which a commit is a savepoint:
what a batch committed stays when a later batch fails, as in production.
"""

from unittest.mock import patch

from odoo.tests import tagged

from .common import TalentNurtureCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestNurtureCronProgress(TalentNurtureCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cron = cls.env.ref("talent_crm.ir_cron_talent_sequence_process")
        cls.talents = cls.env["hr.applicant"]
        for index in range(5):
            cls.talents |= cls._create_nurture_talent("Cron Person %d" % index)
        cls.env["ir.config_parameter"].sudo().set_param("talent_crm.nurture_batch_size", "2")

    def _run_cron(self):
        with self.enter_registry_test_mode():
            self.cron.method_direct_trigger()
        self.env.invalidate_all()

    def _progress(self):
        return self.env["ir.cron.progress"].sudo().search([("cron_id", "=", self.cron.id)], order="id desc", limit=1)

    def test_cron_processes_every_batch_and_reports_progress(self):
        enrollments = self.talents._talent_enroll(self.sequence)
        self.assertEqual(set(enrollments.mapped("next_step_id")), {self.step_email})
        self._run_cron()
        executions = self._executions(enrollments, self.step_email)
        self.assertEqual(len(executions), 5, "three batches of at most two, all committed")
        self.assertEqual(set(executions.enrollment_id.mapped("next_step_id")), {self.step_linkedin})
        self.assertEqual(len(self._mails(self.talents, self.step_email)), 5)
        progress = self._progress()
        self.assertEqual((progress.done, progress.remaining), (5, 0))
        # run again: nothing is due, nothing is sent twice
        self._run_cron()
        self.assertEqual(len(self._executions(enrollments, self.step_email)), 5)
        self.assertEqual(len(self._mails(self.talents, self.step_email)), 5)

    def _progress_rows(self, since_id):
        return self.env["ir.cron.progress"].sudo().search(
            [("cron_id", "=", self.cron.id), ("id", ">", since_id)], order="id"
        )

    def test_out_of_time_the_cron_stops_after_a_batch_and_resumes(self):
        enrollments = self.talents._talent_enroll(self.sequence)
        last = self._progress().id or 0
        # the time budget is spent after every batch: each call of the cron function stops after
        # one batch and Odoo's scheduler calls it again while records remain
        Cron = type(self.env["ir.cron"])
        real = Cron._commit_progress

        def out_of_time(cron, processed=0, **kwargs):
            real(cron, processed, **kwargs)
            return 0.0 if processed else 1000.0

        with patch.object(Cron, "_commit_progress", out_of_time):
            self._run_cron()
        rows = self._progress_rows(last)
        self.assertEqual(rows.mapped("done"), [2, 2, 1], "one batch per call, resumed where it stopped")
        self.assertEqual(rows.mapped("remaining"), [3, 1, 0])
        executions = self._executions(enrollments, self.step_email)
        self.assertEqual(len(executions), 5)
        self.assertEqual(len(set(executions.enrollment_id.ids)), 5, "nobody gets the step twice")
        self.assertEqual(len(self._mails(self.talents, self.step_email)), 5)

    def test_a_failing_batch_keeps_what_earlier_batches_committed(self):
        enrollments = self.talents._talent_enroll(self.sequence)
        Enrollment = type(self.env["talent.sequence.enrollment"])
        real = Enrollment._talent_process_batch
        batches = []

        def fail_second(records, *args, **kwargs):
            batches.append(records.ids)
            if len(batches) == 2:
                raise RuntimeError("simulated failure of the second batch")
            return real(records, *args, **kwargs)

        with patch.object(Enrollment, "_talent_process_batch", fail_second), self.assertLogs(
            "odoo.addons.base.models.ir_cron", "ERROR"
        ):
            self._run_cron()
        executions = self._executions(enrollments, self.step_email)
        self.assertTrue(set(batches[0]) <= set(executions.enrollment_id.ids), "the first batch stayed committed")
        self.assertTrue(set(batches[1]) <= set(sum(batches[2:], [])), "the failed batch is taken up again")
        self.assertEqual(len(executions), 5)
        self.assertEqual(len(set(executions.enrollment_id.ids)), 5, "nobody gets the step twice")
        self.assertEqual(len(self._mails(self.talents, self.step_email)), 5)
