# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""SMS steps whose SMS fails: refused at sending time (a wrong number) or reported failed by the
SMS provider later. The step history says so, the failed SMS is no touch (it neither counts
toward the frequency cap nor dates the last contact), the enrollment goes on with its next step,
and the failed SMS is not sent again by the scheduler or the SMS queue."""

from datetime import timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.sms.tools.sms_api import SmsApi

from .common import TalentNurtureCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestNurtureSmsFailure(TalentNurtureCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"talent_cap_passive_days": 30, "talent_cap_warm_days": 7})
        cls.sms_sequence = cls.env["talent.sequence"].create(
            {
                "name": "SMS first",
                "company_id": cls.company.id,
                "user_id": cls.user_manager.id,
                "step_ids": [
                    Command.create(
                        {"sequence": 1, "name": "Text hello", "channel": "sms", "sms_template_id": cls.sms_template.id}
                    ),
                    Command.create(
                        {
                            "sequence": 2,
                            "name": "Email follow-up",
                            "channel": "email",
                            "delay_days": 3,
                            "mail_template_id": cls.mail_template.id,
                        }
                    ),
                ],
            }
        )
        cls.sms_step, cls.email_step = cls.sms_sequence.step_ids.sorted("sequence")

    def _sms(self, talent):
        return self.env["sms.sms"].sudo().search([("mailing_trace_ids.res_id", "=", talent.id)])

    def _sms_queue(self):
        """What the SMS queue's cron does (``sms.sms._process_queue``), without its commit."""
        outgoing = self.env["sms.sms"].sudo().search([("state", "=", "outgoing"), ("to_delete", "!=", True)])
        if outgoing:
            outgoing._send(unlink_failed=False, unlink_sent=True, raise_exception=False)
        self.env.invalidate_all()

    def _provider_fails(self, iap_state):
        """The SMS provider answers ``iap_state`` for every number."""

        def send_sms_batch(api, messages, delivery_reports_url=False):
            return [
                {"uuid": number["uuid"], "state": iap_state, "credit": 0}
                for message in messages
                for number in message["numbers"]
            ]

        return patch.object(SmsApi, "_send_sms_batch", send_sms_batch)

    def _assert_no_counted_touch(self, partner):
        now = fields.Datetime.now()
        self.assertFalse(
            self.env["talent.touch"].sudo().search([("partner_id", "=", partner.id), ("counts_toward_cap", "=", True)])
        )
        self.assertEqual(
            (partner.talent_cap_touch_date, partner.talent_last_touch_date), (False, False), "no contact happened"
        )
        self.assertLessEqual(
            partner._talent_cap_next_allowed(self.company, now).get(partner.id, now), now, "the cap does not hold"
        )

    def test_provider_failure_fails_the_step_and_the_enrollment_goes_on(self):
        talent = self._create_nurture_talent("Sina Sms")
        enrollment = talent._talent_enroll(self.sms_sequence)
        self._run_scheduler()
        execution = self._executions(enrollment, self.sms_step)
        self.assertRecordValues(execution, [{"state": "sent", "channel": "sms"}])
        self.assertTrue(execution.touch_id.counts_toward_cap)
        self.assertEqual(talent.partner_id.talent_cap_touch_date, execution.touch_id.date)
        sms = self._sms(talent)
        self.assertRecordValues(sms, [{"state": "outgoing", "number": "+49301234567"}])

        # the SMS queue sends it: the provider refuses it
        with self._provider_fails("server_error"):
            self._sms_queue()
        self.assertRecordValues(sms, [{"state": "error", "failure_type": "sms_server"}])
        self.assertEqual(execution.mailing_trace_id.trace_status, "error")
        self.assertRecordValues(execution, [{"state": "failed", "error": "sms_server", "touch_id": False}])
        self._assert_no_counted_touch(talent.partner_id)
        self.assertRecordValues(
            enrollment, [{"state": "running", "next_step_id": self.email_step.id, "stop_reason": False}]
        )

        # no retry storm: neither the scheduler nor the SMS queue sends the failed SMS again
        with self._provider_fails("server_error"):
            self._run_scheduler()
            self._sms_queue()
        self.assertEqual(self._sms(talent), sms)
        self.assertEqual(self._executions(enrollment), execution)
        # the next step comes on time
        with freeze_time(fields.Datetime.now() + timedelta(days=4)):
            self._run_scheduler()
        self.assertEqual(
            self._executions(enrollment).sorted("id").mapped(lambda e: (e.step_id, e.state)),
            [(self.sms_step, "failed"), (self.email_step, "sent")],
        )
        self.assertEqual(self._sms(talent), sms, "still one SMS")
        self.assertEqual(len(self._mails(talent, self.email_step)), 1)

    def test_wrong_number_skips_the_step_without_a_touch(self):
        """A number that is no phone number is known before sending: the step is skipped, no SMS."""
        talent = self._create_nurture_talent("Nico Nonumber", partner_phone="12")
        enrollment = talent._talent_enroll(self.sms_sequence)
        self._run_scheduler()
        execution = self._executions(enrollment, self.sms_step)
        self.assertRecordValues(
            execution, [{"state": "skipped", "skip_reason": "no_phone", "error": False, "touch_id": False}]
        )
        self.assertFalse(self._sms(talent))
        self._assert_no_counted_touch(talent.partner_id)
        self.assertRecordValues(enrollment, [{"state": "running", "next_step_id": self.email_step.id}])
        # no retry storm
        with self._provider_fails("server_error"):
            self._run_scheduler()
            self._sms_queue()
        self.assertEqual(self._executions(enrollment), execution)
        self.assertFalse(self._sms(talent))
