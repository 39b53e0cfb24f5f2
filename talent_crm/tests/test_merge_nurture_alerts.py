# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Merging two talents who are both enrolled in the same sequence and both alerted about the
same job: the kept talent has one enrollment and one alert per job, and nobody gets a message
twice afterwards."""

from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.tests import tagged

from .common import TalentNurtureCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestMergeNurtureAlerts(TalentNurtureCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "talent_job_alert_mode": "auto",
                "talent_job_alert_min_score": 0,
                "talent_cap_passive_days": 0,
                "talent_cap_warm_days": 0,
            }
        )
        cls.topic_alerts = cls.env["talent.topic"].create(
            {"name": "Backend jobs (merge test)", "kind": "job_alert", "role_family_id": cls.role_backend.id}
        )
        cls.kept = cls._create_nurture_talent(
            "Kim Kept", email_from="kim@example.com", talent_role_family_id=cls.role_backend.id
        )
        cls.merged = cls._create_nurture_talent(
            "Kim K.", email_from="kim.k@example.org", talent_role_family_id=cls.role_backend.id
        )
        # contacts with different emails: only an administrator may merge them (Odoo's rule)
        cls.user_manager.group_ids = [Command.link(cls.env.ref("base.group_erp_manager").id)]

    def _job(self, name):
        return self.env["hr.job"].create(
            {
                "name": name,
                "no_of_recruitment": 1,
                "talent_role_family_id": self.role_backend.id,
                "company_id": self.company.id,
                "user_id": self.user_recruiter.id,
            }
        )

    def _alert(self, job):
        """Prepare the job's alerts and send the due ones, as the cron does."""
        job._talent_job_alert_prepare()
        self.env["talent.job.alert"]._talent_claim_due(100)._talent_send()

    def _alert_traces(self, job):
        return self.env["mailing.trace"].search([("mass_mailing_id", "=", job.talent_job_alert_mailing_id.id)])

    def _merge(self):
        (self.kept | self.merged).with_user(self.user_manager)._talent_merge_into(self.kept)
        self.env.invalidate_all()
        self.assertFalse(self.merged.exists())

    def test_merge_keeps_the_further_enrollment_and_sends_nothing_twice(self):
        """The kept talent is further in the sequence than the merged one: the kept talent goes
        on from there (the welcome email is not sent again), the merged one's enrollment goes."""
        ahead = self.kept._talent_enroll(self.sequence)
        self._run_scheduler()
        self.assertEqual((ahead.state, ahead.next_step_id), ("running", self.step_linkedin))
        self.assertEqual(len(self._mails(self.kept, self.step_email)), 1)
        behind = self.merged._talent_enroll(self.sequence)
        self.assertEqual(behind.next_step_id, self.step_email)

        self._merge()
        enrollment = self.kept.talent_sequence_enrollment_ids
        self.assertEqual(enrollment, ahead, "one enrollment per sequence: the further one")
        self.assertFalse(behind.exists())
        self.assertEqual((enrollment.state, enrollment.next_step_id), ("running", self.step_linkedin))
        self.assertEqual(
            self._executions(enrollment).mapped(lambda e: (e.step_id, e.state)), [(self.step_email, "sent")]
        )
        # nothing is sent twice: the welcome email is not due again, the next step comes on time
        self._run_scheduler()
        self.assertEqual(len(self._executions(enrollment, self.step_email)), 1)
        self.assertEqual(len(self._mails(self.kept, self.step_email)), 1, "no second welcome email")
        with freeze_time(fields.Datetime.now() + timedelta(days=8)):
            self._run_scheduler()
        self.assertEqual(self._executions(enrollment).mapped(lambda e: e.step_id), self.step_email | self.step_linkedin)
        self.assertEqual(len(self._mails(self.kept, self.step_email)), 1)

    def test_merge_keeps_the_merged_talents_further_enrollment(self):
        """The merged talent is further in the sequence than the kept one: its enrollment, with
        its history, moves to the kept talent, and the welcome email is not sent a second time."""
        ahead = self.merged._talent_enroll(self.sequence)
        self._run_scheduler()
        self.assertEqual((ahead.state, ahead.next_step_id), ("running", self.step_linkedin))
        self.assertEqual(len(self._mails(self.merged, self.step_email)), 1)
        behind = self.kept._talent_enroll(self.sequence)
        self.assertEqual(behind.next_step_id, self.step_email)

        self._merge()
        enrollment = self.kept.talent_sequence_enrollment_ids
        self.assertEqual(enrollment, ahead, "one enrollment per sequence: the further one")
        self.assertFalse(behind.exists())
        self.assertEqual(
            (enrollment.talent_id, enrollment.state, enrollment.next_step_id),
            (self.kept, "running", self.step_linkedin),
        )
        self.assertEqual(
            self._executions(enrollment).mapped(lambda e: (e.step_id, e.state, e.talent_id)),
            [(self.step_email, "sent", self.kept)],
        )
        self._run_scheduler()
        self.assertEqual(len(self._executions(enrollment, self.step_email)), 1)
        self.assertEqual(len(self._mails(self.kept, self.step_email)), 1, "no second welcome email")
        with freeze_time(fields.Datetime.now() + timedelta(days=8)):
            self._run_scheduler()
        self.assertEqual(self._executions(enrollment).mapped(lambda e: e.step_id), self.step_email | self.step_linkedin)
        self.assertEqual(len(self._mails(self.kept, self.step_email)), 1)

    def test_merge_keeps_the_persons_stop_and_both_histories(self):
        """The merged talent unsubscribed from the sequence while the kept one went on: the
        person's choice holds after the merge (the stopped enrollment is kept, nothing more is
        sent) and the kept talent's history joins it."""
        running = self.kept._talent_enroll(self.sequence)
        self._run_scheduler()
        self.assertEqual((running.state, running.next_step_id), ("running", self.step_linkedin))
        stopped = self.merged._talent_enroll(self.sequence)
        stopped._talent_stop("unsubscribed")

        self._merge()
        enrollment = self.kept.talent_sequence_enrollment_ids
        self.assertEqual(enrollment, stopped, "the person's stop wins over a further running enrollment")
        self.assertFalse(running.exists())
        self.assertEqual((enrollment.state, enrollment.stop_reason), ("stopped", "unsubscribed"))
        self.assertEqual(
            self._executions(enrollment).mapped(lambda e: (e.step_id, e.state)),
            [(self.step_email, "sent")],
            "the welcome email the person received stays in the history",
        )
        touch = self._executions(enrollment).touch_id
        self.assertEqual((touch.res_model, touch.res_id), ("talent.sequence.enrollment", enrollment.id))
        with freeze_time(fields.Datetime.now() + timedelta(days=8)):
            self._run_scheduler()
        self.assertEqual(self._executions(enrollment).step_id, self.step_email, "nothing runs after the stop")
        self.assertEqual(len(self._mails(self.kept, self.step_email)), 1)

    def test_merge_keeps_the_recruiters_pause_and_drops_a_silenced_duplicate(self):
        """A recruiter paused the kept talent's enrollment and stopped the duplicate's, which
        had gone further: the further enrollment is kept (its position, its history), paused,
        and it sends nothing until the recruiter resumes it."""
        ahead = self.merged._talent_enroll(self.sequence)
        self._run_scheduler()
        ahead.action_stop()
        self.assertEqual((ahead.state, ahead.stop_reason), ("stopped", "manual"))
        paused = self.kept._talent_enroll(self.sequence)
        paused.action_pause()

        self._merge()
        enrollment = self.kept.talent_sequence_enrollment_ids
        self.assertEqual(enrollment, ahead)
        self.assertFalse(paused.exists())
        self.assertEqual((enrollment.state, enrollment.next_step_id), ("paused", self.step_linkedin))
        with freeze_time(fields.Datetime.now() + timedelta(days=8)):
            self._run_scheduler()
        self.assertEqual(self._executions(enrollment).step_id, self.step_email, "nothing runs while paused")

    def test_merge_keeps_one_alert_per_job_and_alerts_nobody_twice(self):
        """Both people were alerted about the same job: the kept talent has one alert for it, and
        preparing the job again alerts nobody."""
        (self.kept | self.merged).partner_id.write({"talent_topic_ids": [Command.set(self.topic_alerts.ids)]})
        job = self._job("Backend Developer (merge test)")
        self._alert(job)
        self.assertEqual(
            sorted(job.talent_job_alert_ids.mapped(lambda a: (a.talent_id.partner_name, a.state))),
            [("Kim K.", "sent"), ("Kim Kept", "sent")],
        )
        traces = self._alert_traces(job)
        self.assertEqual(len(traces), 2)

        self._merge()
        alerts = self.env["talent.job.alert"].search([("job_id", "=", job.id)])
        self.assertRecordValues(
            alerts, [{"partner_id": self.kept.partner_id.id, "talent_id": self.kept.id, "state": "sent"}]
        )
        self.assertIn(alerts.mailing_trace_id, traces)
        # preparing and sending again alerts nobody twice
        self._alert(job)
        self.assertEqual(self.env["talent.job.alert"].search([("job_id", "=", job.id)]), alerts)
        self.assertEqual(self._alert_traces(job), traces, "no new alert message")

    def test_merge_keeps_the_alerts_for_other_jobs(self):
        """Only the merged person was alerted about one job, both about another: the contacts'
        merge (which drops every alert of the merged contact when one job conflicts) keeps one
        alert per job, the sent one, and preparing the first job again alerts nobody."""
        self.merged.partner_id.talent_topic_ids = [Command.set(self.topic_alerts.ids)]
        job_merged_only = self._job("Backend Developer (merged person only)")
        self._alert(job_merged_only)
        alert_merged_only = job_merged_only.talent_job_alert_ids
        self.assertEqual(alert_merged_only.mapped(lambda a: (a.talent_id, a.state)), [(self.merged, "sent")])
        traces = self._alert_traces(job_merged_only)
        self.assertEqual(len(traces), 1)
        self.kept.partner_id.talent_topic_ids = [Command.set(self.topic_alerts.ids)]
        job_both = self._job("Backend Developer (both)")
        self._alert(job_both)
        self.assertEqual(len(job_both.talent_job_alert_ids.filtered(lambda a: a.state == "sent")), 2)

        self._merge()
        alerts = self.env["talent.job.alert"].search([("job_id", "in", (job_merged_only | job_both).ids)])
        self.assertEqual(sorted(alerts.job_id.ids), sorted((job_merged_only | job_both).ids))
        self.assertEqual(len(alerts), 2, "one alert per job")
        self.assertIn(alert_merged_only, alerts, "the alert for the other job is kept")
        self.assertRecordValues(
            alert_merged_only,
            [{"partner_id": self.kept.partner_id.id, "talent_id": self.kept.id, "state": "sent"}],
        )
        self.assertEqual(alert_merged_only.mailing_trace_id, traces)
        self._alert(job_merged_only)
        self.assertEqual(job_merged_only.talent_job_alert_ids, alert_merged_only)
        self.assertEqual(self._alert_traces(job_merged_only), traces, "no second alert for the same job")

    def test_contacts_merge_keeps_the_sent_alert(self):
        """Odoo's own contact merge (Contacts > Merge) keeps one alert per job too: the one that
        was sent, even when the remaining contact's alert was still waiting for review."""
        self.company.talent_job_alert_mode = "review"
        (self.kept | self.merged).partner_id.write({"talent_topic_ids": [Command.set(self.topic_alerts.ids)]})
        job = self._job("Backend Developer (contact merge)")
        job._talent_job_alert_prepare()
        waiting = job.talent_job_alert_ids.filtered(lambda a: a.partner_id == self.kept.partner_id)
        sent = job.talent_job_alert_ids - waiting
        sent.action_approve()
        self._alert(job)
        self.assertEqual((waiting.state, sent.state), ("to_review", "sent"))

        kept_partner = self.kept.partner_id
        self.env["base.partner.merge.automatic.wizard"]._merge(
            (kept_partner | self.merged.partner_id).ids, dst_partner=kept_partner
        )
        self.assertFalse(waiting.exists())
        self.assertRecordValues(job.talent_job_alert_ids, [{"partner_id": kept_partner.id, "state": "sent"}])
        self.assertEqual(job.talent_job_alert_ids, sent)
