# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import itertools
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TalentNurtureCommon

# queries to run one batch of enrollments, whatever its size (see the test at the end);
# two of them are the talent community's contact blockers (pending sign-ups, erasure requests),
# two the link keys of the personal preference links (one read, one UPDATE for the missing ones),
# one the refresh of the people's last counted touch after the new touches, one looks for people
# on legitimate interest not told yet (Art. 14 GDPR; none here, the notice is tested apart)
EMAIL_BATCH_QUERIES = 54
NOTICE_BATCH_QUERIES = 70
TASK_BATCH_QUERIES = 25


@tagged("post_install", "-at_install", "talent_crm")
class TestNurtureScheduler(TalentNurtureCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.job = cls.env["hr.job"].create(
            {
                "name": "Senior Python Developer (test)",
                "no_of_recruitment": 2,
                "company_id": cls.company.id,
                "job_skill_ids": [
                    Command.create(
                        {
                            "skill_id": cls.skill_python.id,
                            "skill_type_id": cls.skill_type.id,
                            "skill_level_id": cls.level_advanced.id,
                        }
                    )
                ],
            }
        )
        cls.clara = cls._create_nurture_talent(
            "Clara Nurture",
            talent_role_family_id=cls.role_backend.id,
            applicant_skill_ids=[
                Command.create(
                    {
                        "skill_id": cls.skill_python.id,
                        "skill_type_id": cls.skill_type.id,
                        "skill_level_id": cls.level_advanced.id,
                    }
                )
            ],
        )
        cls.david = cls._create_nurture_talent("David Nurture")

    def test_email_step_queues_a_tracked_personal_email(self):
        enrollment = self.clara._talent_enroll(self.sequence)
        self.assertEqual(enrollment.next_step_id, self.step_email)
        self.assertEqual(self._run_scheduler(), 1)

        mail = self._mails(self.clara, self.step_email)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.state, "outgoing", "queued, never sent inside the scheduler's transaction")
        self.assertEqual(mail.subject, "Hello Clara")
        self.assertEqual(mail.recipient_ids, self.clara.partner_id)
        self.assertIn("rita.recruiter@example.com", mail.email_from)
        body = mail.body_html
        for expected in (
            "Hello Clara from",
            self.company.name,
            "Backend Engineering (test)",
            "Python",
            "Senior Python Developer (test)",
            "Rita Recruiter",
            "Rita, Talent Team",
            "/unsubscribe_from_list",
        ):
            self.assertIn(expected, body)
        self.assertNotIn("https://jobs.example.com/culture", body, "links are tracked")
        self.assertIn("/r/", body)
        # the queue keeps the placeholder, untracked: the signed link is made when the email leaves
        self.assertIn("/talent/my-preferences", body, "the personal preference link is not tracked")
        self.assertNotIn("/talent/preferences/", body, "no signed link waits in the queue")
        self.assertFalse(
            self.env["link.tracker"].search([("url", "like", "/talent/")]), "no person's token in a link tracker"
        )

        trace = mail.mailing_trace_ids
        self.assertEqual(trace.mass_mailing_id, self.step_email.mailing_id)
        self.assertEqual((trace.model, trace.res_id), ("hr.applicant", self.clara.id))
        execution = self._executions(enrollment)
        self.assertRecordValues(
            execution,
            [{"step_id": self.step_email.id, "state": "sent", "channel": "email", "mailing_trace_id": trace.id}],
        )
        self.assertRecordValues(
            execution.touch_id,
            [
                {
                    "partner_id": self.clara.partner_id.id,
                    "talent_id": self.clara.id,
                    "direction": "outbound",
                    "channel": "email",
                    "origin": "sequence",
                    "counts_toward_cap": True,
                    "mailing_trace_id": trace.id,
                    "res_model": "talent.sequence.enrollment",
                    "res_id": enrollment.id,
                }
            ],
        )
        self.assertTrue(self.clara.talent_last_contact_date)
        self.assertEqual(enrollment.last_step_id, self.step_email)
        self.assertEqual(enrollment.next_step_id, self.step_linkedin)
        self.assertAlmostEqual(
            enrollment.next_date, fields.Datetime.now() + timedelta(days=7), delta=timedelta(minutes=1)
        )
        self.assertEqual(self._run_scheduler(), 0, "nothing is due any more")
        self.assertEqual(len(self._mails(self.clara, self.step_email)), 1)

    def test_task_and_sms_steps(self):
        self.company.talent_cap_passive_days = 0
        start = datetime(2026, 3, 2, 10, 0)
        with freeze_time(start):
            enrollment = self.clara._talent_enroll(self.sequence)
            self._run_scheduler()
        with freeze_time(start + timedelta(days=7, minutes=1)):
            self._run_scheduler()
            execution = self._executions(enrollment, self.step_linkedin)
            self.assertEqual(execution.state, "task")
            activity = execution.activity_id
            self.assertRecordValues(
                activity,
                [
                    {
                        "res_model": "hr.applicant",
                        "res_id": self.clara.id,
                        "user_id": self.user_recruiter.id,
                        "summary": "Say hello on LinkedIn",
                        "activity_type_id": self.env.ref("talent_crm.mail_activity_type_talent_linkedin").id,
                    }
                ],
            )
            self.assertFalse(execution.touch_id, "the touch happens when the recruiter does the task")
            activity.with_user(self.user_recruiter).action_feedback(feedback="Connected")
            self.assertEqual(execution.state, "task_done")
            self.assertRecordValues(
                execution.touch_id,
                [
                    {
                        "channel": "linkedin",
                        "origin": "sequence",
                        "user_id": self.user_recruiter.id,
                        "counts_toward_cap": True,
                    }
                ],
            )
        with freeze_time(start + timedelta(days=14, minutes=2)):
            self._run_scheduler()
            execution = self._executions(enrollment, self.step_sms)
            self.assertEqual(execution.state, "sent")
            sms = self.env["sms.sms"].sudo().search([("mailing_id", "=", self.step_sms.mailing_id.id)])
            self.assertEqual(len(sms), 1)
            self.assertEqual(sms.state, "outgoing")
            self.assertIn("Hi Clara, news from", sms.body)
            self.assertIn("STOP SMS", sms.body, "SMS Marketing adds its opt-out link")
            self.assertEqual(execution.mailing_trace_id.trace_type, "sms")
            self.assertEqual(execution.touch_id.channel, "sms")
        self.assertEqual(enrollment.state, "completed")
        self.assertFalse(enrollment.next_date)

    def test_cancelled_task_is_recorded(self):
        self.company.talent_cap_passive_days = 0
        enrollment = self.clara._talent_enroll(self.sequence)
        self._run_scheduler()
        enrollment.next_date = fields.Datetime.now()
        self._run_scheduler()
        execution = self._executions(enrollment, self.step_linkedin)
        execution.activity_id.unlink()
        self.assertRecordValues(execution, [{"state": "skipped", "skip_reason": "task_cancelled"}])

    def test_condition_on_previous_email(self):
        self.company.talent_cap_passive_days = 0
        self.step_linkedin.condition = "not_opened"
        enrollments = (self.clara | self.david)._talent_enroll(self.sequence)
        self._run_scheduler()
        self._executions(enrollments).filtered(lambda e: e.talent_id == self.clara).mailing_trace_id.set_opened()
        enrollments.next_date = fields.Datetime.now()
        self._run_scheduler()
        clara_execution = self._executions(enrollments[0] | enrollments[1], self.step_linkedin)
        by_talent = {execution.talent_id: execution for execution in clara_execution}
        self.assertRecordValues(by_talent[self.clara], [{"state": "skipped", "skip_reason": "condition"}])
        self.assertFalse(by_talent[self.clara].activity_id)
        self.assertEqual(by_talent[self.david].state, "task")
        self.assertEqual(enrollments.next_step_id, self.step_sms, "both move on")

    def test_send_window_in_the_persons_time_zone(self):
        self.step_email.write(
            {
                "window_enabled": True,
                "window_hour_from": 9.0,
                "window_hour_to": 17.0,
                "window_sat": False,
                "window_sun": False,
            }
        )
        self.clara.partner_id.tz = "Europe/Berlin"
        self.david.partner_id.tz = "America/New_York"
        saturday = datetime(2026, 3, 7, 10, 0)  # a Saturday, 10:00 UTC
        with freeze_time(saturday):
            enrollments = (self.clara | self.david)._talent_enroll(self.sequence)
            self._run_scheduler()
            self.assertFalse(self._mails(self.clara | self.david, self.step_email), "nothing on a weekend")
            by_talent = {e.talent_id: e for e in enrollments}
            self.assertEqual(by_talent[self.clara].postpone_reason, "window")
            self.assertEqual(by_talent[self.clara].next_date, datetime(2026, 3, 9, 8, 0), "Monday 9:00 in Berlin")
            self.assertEqual(
                by_talent[self.david].next_date, datetime(2026, 3, 9, 13, 0), "Monday 9:00 in New York (summer time)"
            )
        with freeze_time(datetime(2026, 3, 9, 8, 30)):
            self._run_scheduler()
            self.assertEqual(len(self._mails(self.clara, self.step_email)), 1)
            self.assertFalse(self._mails(self.david, self.step_email), "still night in New York")
        with freeze_time(datetime(2026, 3, 9, 13, 5)):
            self._run_scheduler()
            self.assertEqual(len(self._mails(self.david, self.step_email)), 1)
        self.assertFalse(by_talent[self.clara].postpone_reason, "cleared once the step ran")

    def test_window_falls_back_to_owner_time_zone(self):
        self.step_email.write({"window_enabled": True, "window_hour_from": 9.0, "window_hour_to": 10.0})
        self.clara.partner_id.tz = False
        with freeze_time(datetime(2026, 3, 10, 7, 30)):  # Tuesday 8:30 in Berlin (owner Rita)
            enrollment = self.clara._talent_enroll(self.sequence)
            self._run_scheduler()
            self.assertEqual(enrollment.next_date, datetime(2026, 3, 10, 8, 0))

    def test_cap_holds_across_two_sequences_and_campaigns(self):
        other = self.sequence.copy({"name": "Second sequence"})
        start = datetime(2026, 3, 2, 10, 0)
        with freeze_time(start):
            first = self.clara._talent_enroll(self.sequence)
            second = self.clara._talent_enroll(other)
            self._run_scheduler()
            sent = self._executions(first | second)
            self.assertEqual(len(sent), 1, "one touch for the person, not one per sequence")
            waiting = (first | second) - sent.enrollment_id
            self.assertRecordValues(
                waiting, [{"postpone_reason": "cap", "postpone_count": 1, "next_date": start + timedelta(days=30)}]
            )
            self.assertEqual(
                waiting.next_step_id, waiting.sequence_id.step_ids.sorted("sequence")[:1], "postponed, not dropped"
            )
        for months in (1, 2):
            with freeze_time(start + timedelta(days=30 * months, minutes=months)):
                self._run_scheduler()
                self.assertEqual(len(self._executions(first | second)), 1 + months, "one more touch per cap period")
        self.assertTrue(self._executions(waiting), "the postponed step ran")
        dates = sorted(self._executions(first | second).touch_id.mapped("date"))
        self.assertTrue(all(later - earlier >= timedelta(days=30) for earlier, later in itertools.pairwise(dates)))

        # a campaign (or any counted touch) postpones the next step of a third person
        with freeze_time(start):
            self.env["talent.touch"].create(
                {
                    "partner_id": self.david.partner_id.id,
                    "summary": "Spring campaign",
                    "origin": "campaign",
                    "channel": "email",
                }
            )
        with freeze_time(start + timedelta(days=10)):
            enrollment = self.david._talent_enroll(self.sequence)
            self._run_scheduler()
            self.assertFalse(self._executions(enrollment))
            self.assertEqual(enrollment.next_date, start + timedelta(days=30))

    def test_cap_api(self):
        partners = self.clara.partner_id | self.david.partner_id
        now = datetime(2026, 3, 2, 10, 0)
        with freeze_time(now - timedelta(days=5)):
            partners._talent_log_touch("Call", channel="call")
            self.env["talent.touch"].create(
                {
                    "partner_id": self.david.partner_id.id,
                    "summary": "Other company",
                    "company_id": self.other_company.id,
                }
            )
            self.clara.partner_id._talent_log_touch("Reply", direction="inbound")
        self.assertEqual(
            partners._talent_cap_next_allowed(self.company, now),
            {self.clara.partner_id.id: now + timedelta(days=25), self.david.partner_id.id: now + timedelta(days=25)},
        )
        self.assertEqual(
            partners._talent_cap_next_allowed(self.other_company, now)[self.clara.partner_id.id],
            now,
            "caps count the touches of the company asking",
        )
        # the frequency the person asked of the company tightens that company's cap, not the
        # other company's
        other_intervals = partners._talent_cap_intervals(self.other_company)
        self.assertEqual(other_intervals[self.clara.partner_id.id], timedelta(days=30))
        self.clara.partner_id.with_company(self.company).talent_contact_frequency = "quarterly"
        self.assertEqual(
            partners._talent_cap_next_allowed(self.company, now)[self.clara.partner_id.id], now + timedelta(days=86)
        )
        self.assertEqual(partners._talent_cap_intervals(self.other_company), other_intervals)
        # warm pipeline: an ongoing application
        self.clara.partner_id.with_company(self.company).talent_contact_frequency = False
        self.env["hr.applicant"].create(
            {"partner_id": self.david.partner_id.id, "job_id": self.job.id, "pool_applicant_id": self.david.id}
        )
        self.assertEqual(self.david._talent_is_warm(), {self.david.id: True})
        self.assertEqual(self.clara._talent_is_warm(), {self.clara.id: False})
        intervals = partners._talent_cap_intervals(self.company)
        self.assertEqual(intervals[self.david.partner_id.id], timedelta(days=7))
        self.assertEqual(intervals[self.clara.partner_id.id], timedelta(days=30))
        self.assertEqual(
            partners._talent_cap_next_allowed(self.company, now)[self.david.partner_id.id], now + timedelta(days=2)
        )
        self.company.talent_cap_passive_days = 0
        self.assertEqual(
            partners._talent_cap_next_allowed(self.company, now)[self.clara.partner_id.id], now, "0: no cap"
        )

    def test_blocked_people_receive_nothing(self):
        self.env["mail.blacklist"]._add(self.clara.email_from)
        self.david.partner_id.talent_do_not_contact = True
        nobody = self._create_nurture_talent("Nora Noemail", email_from=False)
        enrollments = (self.clara | self.david | nobody)._talent_enroll(self.sequence)
        by_talent = {e.talent_id: e for e in enrollments}
        self.assertEqual(by_talent[self.david].stop_reason, "do_not_contact", "stopped when enrolled")
        self._run_scheduler()
        self.assertFalse(self._mails(self.clara | self.david | nobody, self.step_email))
        self.assertFalse(self._executions(by_talent[self.clara] | by_talent[self.david]))
        self.assertRecordValues(by_talent[self.clara], [{"state": "stopped", "stop_reason": "unsubscribed"}])
        self.assertRecordValues(self._executions(by_talent[nobody]), [{"state": "skipped", "skip_reason": "no_email"}])
        self.assertEqual(by_talent[nobody].next_step_id, self.step_linkedin, "only the step it cannot do is skipped")
        self.assertFalse(
            self.env["talent.touch"].search([("partner_id", "in", (self.clara | self.david).partner_id.ids)])
        )

    def test_consent_required(self):
        self.company.talent_require_consent = True
        self.env["talent.consent"].create(
            {"partner_id": self.david.partner_id.id, "purpose": "communication", "company_id": self.company.id}
        )
        enrollments = (self.clara | self.david)._talent_enroll(self.sequence)
        self._run_scheduler()
        self.assertFalse(self._mails(self.clara, self.step_email))
        self.assertEqual(len(self._mails(self.david, self.step_email)), 1)
        clara_enrollment = enrollments.filtered(lambda e: e.talent_id == self.clara)
        self.assertRecordValues(self._executions(clara_enrollment), [{"state": "skipped", "skip_reason": "no_consent"}])

    def test_stop_rules(self):
        talents = [self._create_nurture_talent("Stop %s" % index) for index in range(7)]
        enrollments = self.env["hr.applicant"].concat(*talents)._talent_enroll(self.sequence)
        self._run_scheduler()
        traces = {execution.talent_id: execution.mailing_trace_id for execution in self._executions(enrollments)}
        by_talent = {e.talent_id: e for e in enrollments}

        traces[talents[0]].set_replied()
        traces[talents[1]].set_bounced(bounce_message="550 mailbox unknown")
        self.env["mail.blacklist"]._add(talents[2].email_from)
        self.env["hr.applicant"].create(
            {"partner_id": talents[3].partner_id.id, "job_id": self.job.id, "pool_applicant_id": talents[3].id}
        )
        talents[4].partner_id.talent_do_not_contact = True
        by_talent[talents[5]].action_stop()
        self.env["phone.blacklist"].sudo().add(talents[6].partner_id.phone_sanitized)

        expected = ["reply", "bounce", "unsubscribed", "converted", "do_not_contact", "manual", "unsubscribed"]
        for talent, reason in zip(talents, expected, strict=True):
            with self.subTest(reason=reason):
                self.assertRecordValues(
                    by_talent[talent], [{"state": "stopped", "stop_reason": reason, "next_date": False}]
                )
        reply_touch = self.env["talent.touch"].search(
            [("partner_id", "=", talents[0].partner_id.id), ("direction", "=", "inbound")]
        )
        self.assertEqual(reply_touch.mapped("engagement"), ["reply"])
        # nothing more is sent, whatever the time
        enrollments.sudo().write({"next_date": fields.Datetime.now()})
        self.assertEqual(self._run_scheduler(), 0)
        self.assertFalse(self._executions(enrollments).filtered(lambda e: e.step_id != self.step_email))

    def test_archived_talent_gets_nothing(self):
        enrollment = self.clara._talent_enroll(self.sequence)
        self.clara.action_archive()
        self.assertEqual(enrollment.stop_reason, "archived")
        enrollment.sudo().write({"state": "running", "next_date": fields.Datetime.now()})
        self._run_scheduler()
        self.assertEqual(enrollment.stop_reason, "archived", "the scheduler checks it too")
        self.assertFalse(self._mails(self.clara, self.step_email))

    def test_reply_through_the_mail_gateway(self):
        enrollment = self.clara._talent_enroll(self.sequence)
        self._run_scheduler()
        mail = self._mails(self.clara, self.step_email)
        reply = (
            "From: Clara Nurture <clara.nurture@example.com>\r\n"
            "To: jobs@example.com\r\n"
            "Subject: Re: Hello Clara\r\n"
            "Message-ID: <reply-clara-1@example.com>\r\n"
            "In-Reply-To: %s\r\n"
            "References: %s\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            "Thanks, happy to stay in touch!\r\n"
        ) % (mail.message_id, mail.message_id)
        self.env["mail.thread"].message_process(False, reply)
        self.assertEqual(self._executions(enrollment).mailing_trace_id.trace_status, "reply")
        self.assertRecordValues(enrollment, [{"state": "stopped", "stop_reason": "reply"}])
        self.assertIn("Thanks, happy to stay in touch!", self.clara.message_ids[0].body)

    def test_email_from_the_person_on_the_talent_stops(self):
        enrollment = self.clara._talent_enroll(self.sequence)
        self.clara.message_update({"author_id": self.env.user.partner_id.id, "email_from": "someone@example.com"})
        self.assertEqual(enrollment.state, "running", "only the person's own email counts")
        self.clara.message_update({"author_id": self.clara.partner_id.id, "email_from": self.clara.email_from})
        self.assertRecordValues(
            enrollment, [{"state": "stopped", "stop_reason": "reply", "stop_note": "Replied by email"}]
        )

    def test_conversion_caught_by_the_scheduler(self):
        enrollment = self.clara._talent_enroll(self.sequence)
        # an application linked without the hook (e.g. an import written in SQL)
        application = self.env["hr.applicant"].create({"partner_id": self.clara.partner_id.id, "job_id": self.job.id})
        self.env.cr.execute(
            "UPDATE hr_applicant SET pool_applicant_id = %s WHERE id = %s", (self.clara.id, application.id)
        )
        self.env.invalidate_all()
        self.assertEqual(enrollment.state, "running")
        self._run_scheduler()
        self.assertEqual(enrollment.stop_reason, "converted")
        self.assertFalse(self._mails(self.clara, self.step_email))

    def test_pause_and_resume_continue_where_it_stopped(self):
        self.company.talent_cap_passive_days = 0
        start = datetime(2026, 3, 2, 10, 0)
        with freeze_time(start):
            enrollment = self.clara._talent_enroll(self.sequence)
            self._run_scheduler()
            enrollment.action_pause()
        with freeze_time(start + timedelta(days=20)):
            self._run_scheduler()
            self.assertFalse(self._executions(enrollment, self.step_linkedin), "paused: nothing runs")
            enrollment.action_resume()
            self.assertRecordValues(
                enrollment,
                [{"state": "running", "next_step_id": self.step_linkedin.id, "next_date": start + timedelta(days=20)}],
            )
            self._run_scheduler()
            self.assertEqual(self._executions(enrollment, self.step_linkedin).state, "task")
            self.assertEqual(len(self._executions(enrollment, self.step_email)), 1)

    def test_repeat_last_step(self):
        self.company.talent_cap_passive_days = 0
        sequence = self.env["talent.sequence"].create(
            {
                "name": "Quarterly",
                "repeat_last_step": True,
                "step_ids": [
                    Command.create(
                        {
                            "name": "Quarterly email",
                            "channel": "email",
                            "delay_days": 91,
                            "delay_from": "previous",
                            "mail_template_id": self.mail_template.id,
                        }
                    )
                ],
            }
        )
        start = datetime(2026, 1, 5, 10, 0)
        with freeze_time(start):
            enrollment = self.clara._talent_enroll(sequence)
            self.assertEqual(enrollment.next_date, start + timedelta(days=91))
        for cycle in range(2):
            with freeze_time(start + timedelta(days=91 * (cycle + 1), minutes=1)):
                self._run_scheduler()
        self.assertEqual(enrollment.state, "running")
        self.assertEqual(enrollment.cycle, 2)
        self.assertEqual(self._executions(enrollment).mapped("cycle"), [1, 0])
        self.assertEqual(len(self._mails(self.clara, sequence.step_ids)), 2)

    def test_broken_template_fails_the_step_not_the_queue(self):
        # a template that breaks at sending time (written in SQL: Odoo checks templates when they are saved)
        self.env.cr.execute(
            "UPDATE mail_template SET body_html = %s WHERE id = %s",
            ('{"en_US": "<p>Hello <t t-out=\\"object.no_such_field\\"/></p>"}', self.mail_template.id),
        )
        self.env.invalidate_all()
        enrollments = (self.clara | self.david)._talent_enroll(self.sequence)
        with mute_logger("odoo.addons.talent_crm.models.talent_sequence_enrollment"):
            self._run_scheduler()
        executions = self._executions(enrollments)
        self.assertEqual(executions.mapped("state"), ["failed", "failed"])
        self.assertTrue(executions[0].error)
        self.assertEqual(enrollments.next_step_id, self.step_linkedin)

    def test_step_statistics(self):
        talents = self.env["hr.applicant"].concat(
            *[self._create_nurture_talent("Stat %s" % index) for index in range(5)]
        )
        enrollments = talents._talent_enroll(self.sequence)
        self._run_scheduler()
        traces = self._executions(enrollments).sorted(lambda e: e.talent_id.id).mailing_trace_id
        traces.set_sent()
        traces[1].set_opened()
        traces[2].set_opened()
        traces[2].set_clicked()
        traces[3].set_replied()
        traces[4].set_bounced()
        self.step_email.invalidate_recordset()
        self.assertRecordValues(
            self.step_email,
            [
                {
                    "stat_sent": 4,
                    "stat_opened": 3,
                    "stat_clicked": 1,
                    "stat_replied": 1,
                    "stat_bounced": 1,
                    "stat_stopped": 2,
                }
            ],
        )
        self.assertEqual(self.step_linkedin.stat_scheduled, 3)
        self.assertRecordValues(self.sequence, [{"running_count": 3, "stopped_count": 2, "enrollment_count": 5}])
        opens = self.env["talent.touch"].search(
            [("partner_id", "in", talents.partner_id.ids), ("direction", "=", "inbound")]
        )
        self.assertEqual(sorted(opens.mapped("engagement")), ["click", "open", "open", "reply"])

    def test_query_count_does_not_grow_with_the_batch(self):
        """The fast path's queries depend on the steps and companies in a batch, not on its size
        (below the ORM's 100-row INSERT/UPDATE chunks)."""
        self.company.talent_cap_passive_days = 0

        def due_batch(size, tag, **values):
            talents = self.env["hr.applicant"].concat(
                *[self._create_nurture_talent("Perf %s %s" % (tag, index), **values) for index in range(size)]
            )
            talents._talent_enroll(self.sequence)
            self.env.flush_all()
            self.env.invalidate_all()
            return self.env["talent.sequence.enrollment"]._talent_claim_due(1000)

        due_batch(2, "warmup")._talent_process_batch()
        self.env["talent.sequence.enrollment"].search([]).write({"next_date": fields.Datetime.now()})
        self.env["talent.sequence.enrollment"]._talent_claim_due(1000)._talent_process_batch()
        email_batches = {}
        for size in (5, 50):
            batch = email_batches[size] = due_batch(size, size)
            with self.subTest(step="email", size=size):
                self.assertEqual(len(batch), size)
                with self.assertQueryCount(EMAIL_BATCH_QUERIES):
                    batch._talent_process_batch()
                self.assertEqual(len(self._mails(batch.talent_id, self.step_email)), size)
        due_batch(2, "untold warmup", talent_information_date=False)._talent_process_batch()
        for size in (5, 50):
            # people not told yet get the Art. 14 information first, in the same number of queries
            batch = due_batch(size, "untold %s" % size, talent_information_date=False)
            with self.subTest(step="email after the information", size=size):
                with self.assertQueryCount(NOTICE_BATCH_QUERIES):
                    batch._talent_process_batch()
                self.assertEqual(len(self._mails(batch.talent_id, self.step_email)), size)
                self.assertTrue(all(batch.talent_id.mapped("talent_information_date")))
        for size, batch in email_batches.items():
            batch.write({"next_date": fields.Datetime.now()})
            self.env.flush_all()
            self.env.invalidate_all()
            with self.subTest(step="task", size=size):
                with self.assertQueryCount(TASK_BATCH_QUERIES):
                    batch._talent_process_batch()
                self.assertEqual(len(self._executions(batch, self.step_linkedin).activity_id), size)
