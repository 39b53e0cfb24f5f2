# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The scheduler never sends a touch twice: not after a crash, not with two workers."""

import smtplib
import threading
from collections import Counter
from datetime import timedelta
from unittest.mock import MagicMock, patch

import psycopg2.errors

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import TalentNurtureCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestNurtureCrashRecovery(TalentNurtureCommon):
    def test_crash_mid_batch_then_rerun_sends_nothing_twice(self):
        self.env["ir.config_parameter"].set_param("talent_crm.nurture_batch_size", 5)
        talents = self.env["hr.applicant"].concat(
            *[self._create_nurture_talent("Crash %02d" % index) for index in range(12)]
        )
        enrollments = talents._talent_enroll(self.sequence)
        Enrollment = type(self.env["talent.sequence.enrollment"])
        original_run_step = Enrollment._talent_run_step
        calls = Counter()

        def run_step_then_crash(records, step, now):
            result = original_run_step(records, step, now)
            calls["batches"] += 1
            if calls["batches"] == 2:
                # the emails of this batch exist in the transaction: the worker dies before committing
                self.assertEqual(len(self._mails(records.talent_id, step)), len(records))
                raise RuntimeError("worker killed mid-batch")
            return result

        cron = self.env.ref("talent_crm.ir_cron_talent_sequence_process")
        with (
            patch.object(Enrollment, "_talent_run_step", run_step_then_crash),
            mute_logger("odoo.addons.base.models.ir_cron"),
            self.enter_registry_test_mode(),
        ):
            cron.method_direct_trigger()  # the cron retries after the crash and finishes the queue
        self.assertGreaterEqual(calls["batches"], 4, "three batches, one of them run twice")
        with self.enter_registry_test_mode():
            cron.method_direct_trigger()  # a rerun finds nothing left to do

        mails = self._mails(talents, self.step_email)
        self.assertEqual(sorted(mails.mapped("res_id")), sorted(talents.ids), "exactly one email per talent")
        traces = self.env["mailing.trace"].search([("mass_mailing_id", "=", self.step_email.mailing_id.id)])
        self.assertEqual(len(traces), 12)
        executions = self._executions(enrollments)
        self.assertEqual(len(executions), 12)
        self.assertEqual(len(executions.touch_id), 12)
        touches = self.env["talent.touch"].search([("partner_id", "in", talents.partner_id.ids)])
        self.assertEqual(len(touches), 12)
        self.assertEqual(set(enrollments.mapped("next_step_id")), {self.step_linkedin})


@tagged("post_install", "-at_install", "talent_crm")
class TestNurtureMailServerFailure(TalentNurtureCommon):
    def test_undelivered_email_is_not_marked_sent(self):
        """The mail server is unreachable for one message and refuses another: only the
        delivered message counts as sent, in the history and for the caps."""
        delivered = self._create_nurture_talent("Dora Delivered", email_from="dora.delivered@example.com")
        refused = self._create_nurture_talent("Rolf Refused", email_from="rolf.refused@example.com")
        unreachable = self._create_nurture_talent("Uwe Unreachable", email_from="uwe.unreachable@example.com")
        talents = delivered | refused | unreachable
        enrollments = talents._talent_enroll(self.sequence)
        self._run_scheduler()
        mails = self._mails(talents, self.step_email)
        self.assertEqual(len(mails), 3, "the emails are queued")
        self.assertEqual(set(self._executions(enrollments).mapped("state")), {"sent"})
        self.assertTrue(refused.partner_id.talent_last_touch_date)

        IrMailServer = type(self.env["ir.mail_server"])

        def refuse_rolf(server, message, *args, **kwargs):
            if "rolf.refused@example.com" in message["To"]:
                raise smtplib.SMTPDataError(554, b"5.7.1 Relay access denied")
            return message["Message-Id"]  # accepted by the server

        def connection_refused(server, *args, **kwargs):
            raise ConnectionRefusedError(111, "Connection refused")

        mail_of = {mail.res_id: mail for mail in mails}
        with (
            patch.object(IrMailServer, "_disable_send", classmethod(lambda cls: False)),
            mute_logger("odoo.addons.mail.models.mail_mail"),
        ):
            with (
                patch.object(IrMailServer, "_connect__", lambda server, *args, **kwargs: MagicMock()),
                patch.object(IrMailServer, "send_email", refuse_rolf),
            ):
                (mail_of[delivered.id] | mail_of[refused.id]).send(raise_exception=False)
            with patch.object(IrMailServer, "_connect__", connection_refused):
                mail_of[unreachable.id].send(raise_exception=False)

        self.assertEqual(mail_of[refused.id].state, "exception")
        self.assertEqual(mail_of[unreachable.id].state, "exception")
        now = fields.Datetime.now()
        for talent in refused | unreachable:
            with self.subTest(talent=talent.partner_name):
                execution = self._executions(enrollments.filtered(lambda e, t=talent: e.talent_id == t))
                self.assertEqual(execution.trace_status, "error")
                self.assertEqual(execution.state, "failed", "an undelivered email is never shown as sent")
                self.assertTrue(execution.error)
                self.assertFalse(execution.touch_id, "the touch that did not happen is removed")
                self.assertFalse(
                    self.env["talent.touch"].search([("partner_id", "=", talent.partner_id.id)]),
                    "nothing in the contact history of a person who got nothing",
                )
                self.assertFalse(talent.partner_id.talent_last_touch_date, "last contact goes back to never")
                allowed = talent.partner_id._talent_cap_next_allowed(self.company, now)
                self.assertLessEqual(allowed[talent.partner_id.id], now, "the cap does not count the failed email")

        execution_delivered = self._executions(enrollments.filtered(lambda e: e.talent_id == delivered))
        self.assertNotEqual(mail_of[delivered.id].exists().state, "exception")
        self.assertEqual(execution_delivered.state, "sent")
        self.assertEqual(execution_delivered.trace_status, "sent")
        self.assertTrue(execution_delivered.touch_id)
        allowed = delivered.partner_id._talent_cap_next_allowed(self.company, now)
        self.assertGreater(allowed[delivered.partner_id.id], now, "the delivered email counts toward the cap")


@tagged("post_install", "-at_install", "talent_crm")
class TestNurtureConcurrentWorkers(TransactionCase):
    """Two workers on real, separate database connections and committed data.

    The data is committed (workers cannot see the test's own transaction) and removed at the end.
    """

    def setUp(self):
        super().setUp()
        self.created = {}
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True, "mail_create_nolog": True})
            template = env["mail.template"].create(
                {
                    "name": "Concurrency test email",
                    "model_id": env["ir.model"]._get_id("hr.applicant"),
                    "subject": "Hello {{ object.partner_name }}",
                    "email_from": "Jobs <jobs@example.com>",
                    "use_default_to": True,
                    "body_html": "<p>Hello <t t-out='object.partner_name'/></p>",
                }
            )
            pool = env["hr.talent.pool"].create({"name": "Concurrency pool"})
            sequences = env["talent.sequence"].create(
                [
                    {
                        "name": "Concurrency %s" % name,
                        "step_ids": [
                            Command.create({"name": "Email", "channel": "email", "mail_template_id": template.id}),
                            Command.create(
                                {"name": "Later", "channel": "email", "delay_days": 60, "mail_template_id": template.id}
                            ),
                        ],
                    }
                    for name in ("A", "B")
                ]
            )
            talents = env["hr.applicant"].create(
                [
                    {
                        "partner_name": "Worker Test %02d" % index,
                        "email_from": "worker.test.%02d@example.com" % index,
                        "talent_pool_ids": [Command.set(pool.ids)],
                    }
                    for index in range(30)
                ]
            )
            env["talent.consent"].create(
                [{"partner_id": partner.id, "purpose": "communication"} for partner in talents.partner_id]
            )
            self.created = {
                "template": template.id,
                "pool": pool.id,
                "sequences": sequences.ids,
                "talents": talents.ids,
                "partners": talents.partner_id.ids,
                "mailings": sequences.step_ids.mailing_id.ids,
            }
        self.addCleanup(self._remove_committed_data)

    def _remove_committed_data(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
            ids = self.created
            talents = env["hr.applicant"].browse(ids["talents"])
            env["mail.mail"].search([("mailing_id", "in", ids["mailings"])]).unlink()
            env["mail.message"].search([("model", "=", "hr.applicant"), ("res_id", "in", ids["talents"])]).unlink()
            env["talent.sequence.enrollment"].search([("sequence_id", "in", ids["sequences"])]).unlink()
            env["talent.touch"].search([("partner_id", "in", ids["partners"])]).unlink()
            env["talent.consent"].search([("partner_id", "in", ids["partners"])]).unlink()
            mailings = env["mailing.mailing"].browse(ids["mailings"])
            sources = mailings.source_id
            env["talent.sequence"].browse(ids["sequences"]).unlink()
            mailings.unlink()
            sources.unlink()
            talents.unlink()
            env["res.partner"].browse(ids["partners"]).unlink()
            env["hr.talent.pool"].browse(ids["pool"]).unlink()
            env["mail.template"].browse(ids["template"]).unlink()
            cron = env.ref("talent_crm.ir_cron_talent_sequence_process")
            env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]).unlink()

    def _enroll(self, talent_ids, sequence_id):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            return env["hr.applicant"].browse(talent_ids)._talent_enroll(env["talent.sequence"].browse(sequence_id)).ids

    def _worker_env(self, cr):
        cr.execute("SET lock_timeout TO '20s'")
        return api.Environment(cr, SUPERUSER_ID, {})

    def _run_worker(self, batch_size, results, barrier=None):
        """A cron worker: process until nothing is due, retrying after serialization failures."""
        with self.registry.cursor() as cr:
            env = self._worker_env(cr)
            if barrier:
                barrier.wait(timeout=30)
            for _attempt in range(20):
                try:
                    results.append(env["talent.sequence.enrollment"]._talent_process_due(batch_size=batch_size))
                    return
                except psycopg2.errors.SerializationFailure:
                    cr.rollback()
                    env.invalidate_all()
                    results.append("retry")

    def _check_no_duplicates(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            ids = self.created
            executions = env["talent.sequence.execution"].search([("sequence_id", "in", ids["sequences"])])
            keys = Counter((e.enrollment_id.id, e.step_id.id, e.cycle) for e in executions)
            self.assertEqual(max(keys.values()), 1)
            mails = env["mail.mail"].search([("mailing_id", "in", ids["mailings"])])
            per_talent_mailing = Counter((mail.res_id, mail.mailing_id.id) for mail in mails)
            self.assertEqual(max(per_talent_mailing.values()), 1, "no talent got the same step twice")
            traces = env["mailing.trace"].search([("mass_mailing_id", "in", ids["mailings"])])
            self.assertEqual(len(traces), len(mails))
            touches = env["talent.touch"].search(
                [("partner_id", "in", ids["partners"]), ("counts_toward_cap", "=", True)]
            )
            self.assertEqual(max(Counter(touches.partner_id.ids).values()), 1, "one touch per person: the cap holds")
            return executions, mails

    def test_interleaved_workers_with_locks_held(self):
        talent_ids = self.created["talents"]
        seq_a, seq_b = self.created["sequences"]
        shared = talent_ids[0]
        self._enroll(talent_ids[:20], seq_a)  # the shared person is enrolled first in A ...
        self._enroll([shared], seq_b)  # ... and also in B

        with self.registry.cursor() as cr_a:
            env_a = self._worker_env(cr_a)
            claimed = env_a["talent.sequence.enrollment"]._talent_claim_due(5)
            self.assertEqual(len(claimed), 5)
            self.assertIn(shared, claimed.talent_id.ids)
            # worker B runs entirely while A holds its rows and its people
            results_b = []
            self._run_worker(4, results_b)
            self.assertEqual(results_b, [15], "B skipped A's 5 rows and the shared person's other enrollment")
            claimed._talent_process_batch()
            cr_a.commit()
        results_b = []
        self._run_worker(4, results_b)
        self.assertEqual(results_b, [1], "the shared person's B enrollment, once A committed")

        executions, mails = self._check_no_duplicates()
        self.assertEqual(len(mails), 20, "one email per person, the shared person included")
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            shared_b = env["talent.sequence.enrollment"].search(
                [("talent_id", "=", shared), ("sequence_id", "=", seq_b)]
            )
            self.assertEqual(shared_b.postpone_reason, "cap", "postponed by the cap, not sent")
            self.assertEqual(len(executions), 20)

    def test_concurrent_update_is_retried_in_the_same_run(self):
        """A person changed by someone else after the worker's snapshot: the batch runs again."""
        talent_ids = self.created["talents"]
        seq_a, _seq_b = self.created["sequences"]
        self._enroll(talent_ids[:6], seq_a)
        Enrollment = type(self.env["talent.sequence.enrollment"])
        original_claim = Enrollment._talent_claim_due
        claims = Counter()

        def claim_after_a_concurrent_update(records, *args, **kwargs):
            claims["calls"] += 1
            if claims["calls"] == 1:
                records.env.cr.execute("SELECT count(*) FROM res_partner")  # the worker's snapshot starts
                with self.registry.cursor() as cr_user:
                    # e.g. the person updates their preferences in the preference centre meanwhile
                    # (the frequency is company-dependent: a jsonb column keyed by company id)
                    cr_user.execute(
                        """UPDATE res_partner
                              SET talent_contact_frequency = COALESCE(talent_contact_frequency, '{}'::jsonb)
                                  || jsonb_build_object(%s::text, 'quarterly')
                            WHERE id = %s""",
                        [self.env.company.id, self.created["partners"][0]],
                    )
            return original_claim(records, *args, **kwargs)

        with self.registry.cursor() as cr_worker:
            env = self._worker_env(cr_worker)
            with (
                patch.object(Enrollment, "_talent_claim_due", claim_after_a_concurrent_update),
                mute_logger("odoo.sql_db"),
            ):
                processed = env["talent.sequence.enrollment"]._talent_process_due(batch_size=10)
            cr_worker.commit()
        self.assertGreaterEqual(claims["calls"], 2, "the first claim met the conflict and was run again")
        self.assertEqual(processed, 6, "no error left to the cron: the conflicting batch was run again")
        executions, mails = self._check_no_duplicates()
        self.assertEqual(len(mails), 6)
        self.assertEqual(len(executions), 6)

    def test_two_threads_at_once(self):
        talent_ids = self.created["talents"]
        seq_a, seq_b = self.created["sequences"]
        self._enroll(talent_ids, seq_a)
        self._enroll(talent_ids[:10], seq_b)
        barrier = threading.Barrier(2)
        results = [[], []]
        threads = [threading.Thread(target=self._run_worker, args=(3, results[index], barrier)) for index in range(2)]
        with mute_logger("odoo.sql_db"):  # a serialization failure is logged before the worker retries
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=120)
        self.assertFalse(any(thread.is_alive() for thread in threads))
        self.assertTrue(all(results), "both workers ran")
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            enrollments = env["talent.sequence.enrollment"].search([("sequence_id", "in", [seq_a, seq_b])])
            self.assertEqual(len(enrollments), 40)
            self.assertFalse(
                enrollments.filtered(lambda e: e.next_date and e.next_date <= e.date_enrolled + timedelta(minutes=5)),
                "every due enrollment was handled: run, or postponed by the cap",
            )
        executions, mails = self._check_no_duplicates()
        self.assertEqual(len(mails), 30, "one email per person across both sequences and both workers")
        self.assertEqual(len(executions), 30)
