# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Two workers running the job-alert cron at the same moment, on two real cursors of separate
database connections (committed data, real transactions under REPEATABLE READ, real row locks;
no test cursor is shared). Jobs and alerts are claimed with ``SKIP LOCKED``: each worker
processes a part, and together they alert every talent exactly once.

The test commits its data and removes everything it committed in a ``finally`` block.
"""

import secrets
import threading
from datetime import timedelta
from unittest.mock import patch

from freezegun import freeze_time
from psycopg2 import errors

from odoo import Command, api, fields
from odoo.tests import TransactionCase, tagged

from odoo.addons.talent_crm.models import talent_job_alert

from .test_job_alert_cron import TalentJobAlertCronCommon

TALENTS = 6
WAIT = 30  # seconds a worker waits for the other one before giving up


@tagged("post_install", "-at_install", "talent_crm", "talent_crm_concurrency")
class TestJobAlertTwoWorkers(TransactionCase):
    def _env(self, cr):
        return api.Environment(
            cr, api.SUPERUSER_ID, {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
        )

    # ------------------------------------------------------------
    # Committed set-up and clean-up
    # ------------------------------------------------------------

    def _prepare(self, marker, with_mailing):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            company = env.ref("base.main_company")
            saved = {
                fname: company[fname]
                for fname in ("email", "talent_require_consent", "talent_job_alert_mode", "talent_job_alert_min_score")
            }
            company.write(
                {
                    "email": company.email or "jobs@example.com",
                    "talent_require_consent": False,
                    "talent_job_alert_mode": "auto",
                    "talent_job_alert_min_score": 0,
                }
            )
            family = env["talent.role.family"].create({"name": "Two workers %s" % marker})
            topic = env["talent.topic"].create(
                {"name": "Two workers %s" % marker, "kind": "job_alert", "role_family_id": family.id}
            )
            pool = env["hr.talent.pool"].create({"name": "Two workers %s" % marker, "company_id": company.id})
            talents = env["hr.applicant"].create(
                [
                    {
                        "partner_name": "Worker Person %d" % index,
                        "email_from": "worker.%d.%s@example.com" % (index, marker),
                        "company_id": company.id,
                        "talent_role_family_id": family.id,
                        "talent_pool_ids": [Command.set(pool.ids)],
                    }
                    for index in range(TALENTS)
                ]
            )
            talents.partner_id.write({"talent_topic_ids": [Command.set(topic.ids)]})
            job = env["hr.job"].create(
                {
                    "name": "Two workers job %s" % marker,
                    "no_of_recruitment": 1,
                    "company_id": company.id,
                    "talent_role_family_id": family.id,
                }
            )
            self.assertTrue(job.talent_job_alert_pending)
            if with_mailing:
                # the job's hidden mailing exists, as after its first alerts
                job._talent_job_alert_mailing()
            ids = {
                "saved": saved,
                "family": family.id,
                "topic": topic.id,
                "pool": pool.id,
                "talents": talents.ids,
                "partners": talents.partner_id.ids,
                "job": job.id,
            }
            cr.commit()  # pylint: disable=invalid-commit
        return ids

    def _cleanup(self, marker, saved):
        """Remove everything the test committed (found by its marker), restore the company."""
        with self.registry.cursor() as cr:
            env = self._env(cr)(context=dict(self._env(cr).context, active_test=False))
            jobs = env["hr.job"].search([("name", "=", "Two workers job %s" % marker)])
            talents = env["hr.applicant"].search([("email_from", "=like", "worker.%%.%s@example.com" % marker)])
            partners = talents.partner_id | env["res.partner"].search(
                [("email", "=like", "worker.%%.%s@example.com" % marker)]
            )
            mailings = env["mailing.mailing"].search([("talent_job_id", "in", jobs.ids)])
            sources = mailings.source_id | env["utm.source"].search([("name", "=like", "%%job %s" % marker)])
            env["talent.touch"].search([("partner_id", "in", partners.ids)]).unlink()
            env["mail.mail"].search([("mailing_id", "in", mailings.ids)]).unlink()
            env["mail.message"].search(
                [
                    "|",
                    "&", ("model", "=", "hr.applicant"), ("res_id", "in", talents.ids),
                    "&", ("model", "=", "hr.job"), ("res_id", "in", jobs.ids),
                ]
            ).unlink()
            env["mail.activity"].search([("res_model", "=", "hr.job"), ("res_id", "in", jobs.ids)]).unlink()
            env["talent.job.alert"].search([("job_id", "in", jobs.ids)]).unlink()
            env["mailing.trace"].search([("mass_mailing_id", "in", mailings.ids)]).unlink()
            jobs.write({"talent_job_alert_mailing_id": False})
            mailings.unlink()
            sources.unlink()
            jobs.unlink()
            env["talent.pool.membership"].search([("talent_id", "in", talents.ids)]).unlink()
            env["talent.consent"].search([("partner_id", "in", partners.ids)]).unlink()
            talents.unlink()
            partners.unlink()
            name = "Two workers %s" % marker
            env["hr.talent.pool"].search([("name", "=", name)]).unlink()
            env["talent.topic"].search([("name", "=", name)]).unlink()
            env["talent.role.family"].search([("name", "=", name)]).unlink()
            if saved:
                env.ref("base.main_company").write(saved)
            cr.commit()  # pylint: disable=invalid-commit

    # ------------------------------------------------------------
    # The workers
    # ------------------------------------------------------------

    def test_two_workers_share_the_alerts_and_alert_everybody_once(self):
        self._two_workers_scenario(with_mailing=True)

    def test_two_workers_on_a_new_job_alert_everybody_once(self):
        """A newly opened job has no hidden mailing yet: the worker that prepares the job (and
        holds it) creates it, so the two senders never race to create it."""
        self._two_workers_scenario(with_mailing=False)

    def test_a_claim_that_meets_the_other_workers_commit_reads_again(self):
        """Worker A sends an alert and commits between worker B's read of the due alerts and its
        lock on them: B's lock meets a row changed after its snapshot (a serialization failure);
        B reads again on a fresh snapshot and sends the others."""
        marker = secrets.token_hex(4)
        ids = self._prepare(marker, with_mailing=False)
        try:
            self._check_job_claim(ids)
            Alert = type(self.env["talent.job.alert"])
            real_lock = Alert.try_lock_for_update
            seen = []

            def lock(alerts, **kwargs):
                seen.append(alerts.ids)
                if len(seen) == 1:
                    with self.registry.cursor() as cr_a:
                        first = self._env(cr_a)["talent.job.alert"].browse(alerts.ids[:1])
                        first._talent_send()
                        self.assertEqual(first.state, "sent")
                return real_lock(alerts, **kwargs)

            with patch.object(Alert, "try_lock_for_update", lock), self.registry.cursor() as cr_b:
                self._env(cr_b)["talent.job.alert"]._cron_talent_job_alerts()
            self.assertGreaterEqual(len(seen), 2, "B read the due alerts again")
            self.assertNotIn(seen[0][0], seen[1], "the alert A sent is no longer due for B")
            self._check_result(ids, {"A": [seen[0][:1]], "B": [seen[1]]})
        finally:
            self._cleanup(marker, ids["saved"])

    def _two_workers_scenario(self, with_mailing):
        marker = secrets.token_hex(4)
        ids = self._prepare(marker, with_mailing)
        try:
            self._check_job_claim(ids)
            batches = self._run_two_workers()
            self._check_result(ids, batches)
        finally:
            self._cleanup(marker, ids["saved"])

    def _check_job_claim(self, ids):
        """The job is prepared by one worker only: the other skips the locked job."""
        with self.registry.cursor() as cr_a, self.registry.cursor() as cr_b:
            env_a, env_b = self._env(cr_a), self._env(cr_b)
            cr_b.execute("SET LOCAL lock_timeout = '5s'")  # a failure, not a hang, if B waited for A's lock
            claimed_a = env_a["hr.job"]._talent_job_alert_claim_pending()
            self.assertIn(ids["job"], claimed_a.ids)
            claimed_a.filtered(lambda j: j.id == ids["job"])._talent_job_alert_prepare()
            env_a.flush_all()
            self.assertNotIn(ids["job"], env_b["hr.job"]._talent_job_alert_claim_pending().ids, "skipped: locked")
            self.assertFalse(
                env_b["talent.job.alert"].search([("job_id", "=", ids["job"])]), "the other's alerts are not committed"
            )
            cr_b.rollback()
            cr_a.commit()

    def _run_two_workers(self):
        """Worker A claims its first batch and waits, holding the locks, until worker B has claimed
        its own first batch; then both send. Each runs the whole cron function on its own cursor,
        with the real ``_commit_progress`` (outside a cron job it commits)."""
        a_claimed, b_claimed = threading.Event(), threading.Event()
        batches = {"A": [], "B": []}
        errors = []
        Alert = type(self.env["talent.job.alert"])
        real_send = Alert._talent_send

        def send(alerts):
            name = threading.current_thread().name
            batches[name].append(alerts.ids)
            if name == "A" and len(batches["A"]) == 1:
                a_claimed.set()
                b_claimed.wait(WAIT)
            elif name == "B" and len(batches["B"]) == 1:
                b_claimed.set()
            return real_send(alerts)

        def worker():
            try:
                if threading.current_thread().name == "B":
                    a_claimed.wait(WAIT)
                with self.registry.cursor() as cr:
                    self._env(cr)["talent.job.alert"]._cron_talent_job_alerts()
            except Exception as error:  # noqa: BLE001 - reported by the main thread
                errors.append(error)
            finally:
                a_claimed.set()
                b_claimed.set()

        threads = [threading.Thread(target=worker, name=name) for name in ("A", "B")]
        with (
            patch.object(Alert, "_talent_send", send),
            patch.object(talent_job_alert, "JOB_ALERT_BATCH_SIZE", 2),
        ):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(3 * WAIT)
        self.assertFalse([thread.name for thread in threads if thread.is_alive()], "a worker hangs")
        self.assertFalse(errors, errors)
        return batches

    def _check_result(self, ids, batches):
        claimed_a = sum(batches["A"], [])
        claimed_b = sum(batches["B"], [])
        self.assertTrue(claimed_a and claimed_b, "each worker processed a part: %s" % batches)
        self.assertFalse(set(claimed_a) & set(claimed_b), "no alert claimed by both: %s" % batches)
        with self.registry.cursor() as cr:
            env = self._env(cr)
            alerts = env["talent.job.alert"].search([("job_id", "=", ids["job"])])
            self.assertEqual(sorted(alerts.ids), sorted(claimed_a + claimed_b), "every alert claimed once")
            self.assertEqual(sorted(alerts.talent_id.ids), sorted(ids["talents"]), "one alert per talent")
            self.assertEqual(
                [(alert.talent_id.partner_name, alert.state, alert.cancel_reason) for alert in alerts],
                [(alert.talent_id.partner_name, "sent", False) for alert in alerts],
            )
            job = env["hr.job"].browse(ids["job"])
            mailings = env["mailing.mailing"].with_context(active_test=False).search([("talent_job_id", "=", job.id)])
            self.assertEqual(mailings, job.talent_job_alert_mailing_id, "one hidden mailing for the job")
            traces = env["mailing.trace"].search([("mass_mailing_id", "in", mailings.ids)])
            self.assertEqual(sorted(traces.mapped("res_id")), sorted(ids["talents"]), "everybody alerted once")
            mails = env["mail.mail"].search([("mailing_id", "in", mailings.ids)])
            self.assertEqual(sorted(mails.mapped("res_id")), sorted(ids["talents"]))
            touches = env["talent.touch"].search([("partner_id", "in", ids["partners"]), ("origin", "=", "job_alert")])
            self.assertEqual(sorted(touches.partner_id.ids), sorted(ids["partners"]))
            self.assertEqual(len(touches), TALENTS)


@tagged("post_install", "-at_install", "talent_crm")
class TestJobAlertConcurrencyError(TalentJobAlertCronCommon):
    """A batch that meets a concurrent transaction is sent again later, not cancelled."""

    def _run_cron(self):
        with self.enter_registry_test_mode():
            self.cron.method_direct_trigger()
        self.env.invalidate_all()

    def test_a_concurrency_error_requeues_the_batch_and_the_next_run_sends_it(self):
        job = self._open_job()
        Alert = type(self.env["talent.job.alert"])
        real_send_now = Alert._talent_send_now
        failed = []

        def conflict_once(alerts, job):
            if not failed:
                failed.append(alerts.ids)
                # what PostgreSQL raises when another transaction updated a row of the batch
                raise errors.SerializationFailure("could not serialize access due to concurrent update")
            return real_send_now(alerts, job)

        before = fields.Datetime.now()
        last_trigger = self.env["ir.cron.trigger"].sudo().search([], order="id desc", limit=1).id or 0
        with patch.object(Alert, "_talent_send_now", conflict_once):
            self._run_cron()
            alerts = job.talent_job_alert_ids
            self.assertEqual(sorted(failed[0]), sorted(alerts.ids), "the batch met the conflict")
            self.assertEqual(
                [(alert.state, alert.cancel_reason) for alert in alerts], [("queued", False)] * len(self.talents)
            )
            retry = alerts[0].next_date
            self.assertTrue(retry > before, "sent again a little later")
            self.assertEqual(set(alerts.mapped("next_date")), {retry})
            self.assertFalse(self._traces(job), "nothing of the batch was sent")
            triggers = self.env["ir.cron.trigger"].sudo().search(
                [("cron_id", "=", self.cron.id), ("id", ">", last_trigger)]
            )
            self.assertIn(retry, triggers.mapped("call_at"), "the cron comes back at the retry time")
            # a run before the retry time leaves them alone
            self._run_cron()
            self.assertEqual(set(alerts.mapped("state")), {"queued"})
            with freeze_time(retry + timedelta(minutes=1), tick=True):
                self._run_cron()
        self.assertEqual(len(failed), 1)
        self.assertEqual(set(alerts.mapped("state")), {"sent"})
        traces = self._traces(job)
        self.assertEqual(sorted(traces.mapped("res_id")), sorted(self.talents.ids), "everybody alerted once")
        self.assertEqual(
            self.env["mail.mail"].sudo().search_count([("mailing_id", "=", job.talent_job_alert_mailing_id.id)]), 5
        )
