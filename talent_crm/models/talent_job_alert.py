# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from datetime import timedelta

from psycopg2 import errors

from odoo import api, fields, models
from odoo.exceptions import ConcurrencyError, LockError, UserError
from odoo.fields import Domain

_logger = logging.getLogger(__name__)

# alerts sent per cron batch (each batch is one mass-mail rendering and one commit)
JOB_ALERT_BATCH_SIZE = 500
# a batch that met a concurrent transaction is sent again this much later
JOB_ALERT_RETRY_DELAY = timedelta(minutes=2)
# claims in a row that may meet another worker's commit before the cron gives up
JOB_ALERT_CLAIM_RETRIES = 3
# a claim reads the due alerts of this many batches at a time (not the whole queue)
JOB_ALERT_CLAIM_WINDOW = 4
# errors that only say another transaction got there first: the ones odoo.service.model retries
# in a request, the unique violation of two racing creates, and a row lock not obtained
CONCURRENCY_ERRORS = (
    errors.SerializationFailure,
    errors.DeadlockDetected,
    errors.LockNotAvailable,
    errors.UniqueViolation,
    ConcurrencyError,
    LockError,
)


class TalentJobAlert(models.Model):
    """One job alert: a job, a person, and whether the alert went out.

    Unique per job and person, so nobody ever gets the same job twice. In review mode a
    recruiter approves the alerts (``to_review`` → ``queued``); the cron sends the queued
    ones through the job's hidden mailing, respecting the person's frequency cap.
    """

    _name = "talent.job.alert"
    _description = "Talent Job Alert"
    _order = "score desc, id"
    _rec_name = "partner_id"

    job_id = fields.Many2one("hr.job", required=True, index=True, ondelete="cascade")
    partner_id = fields.Many2one("res.partner", string="Person", required=True, index=True, ondelete="cascade")
    talent_id = fields.Many2one("hr.applicant", ondelete="set null")
    company_id = fields.Many2one("res.company", required=True, index=True)
    score = fields.Float(digits=(5, 1), aggregator="avg", help="How well the profile matches the job (0-100).")
    state = fields.Selection(
        [("to_review", "To Review"), ("queued", "Approved"), ("sent", "Sent"), ("cancelled", "Cancelled")],
        required=True,
        default="to_review",
        index=True,
    )
    next_date = fields.Datetime(
        string="Send From", help="Set when the person's frequency cap holds the alert back."
    )
    date_sent = fields.Datetime(string="Sent On", readonly=True)
    cancel_reason = fields.Char(readonly=True)
    mailing_trace_id = fields.Many2one("mailing.trace", readonly=True, ondelete="set null")
    trace_status = fields.Selection(related="mailing_trace_id.trace_status", string="Delivery")

    _job_partner_uniq = models.Constraint(
        "UNIQUE(job_id, partner_id)", "A person gets at most one alert per job."
    )

    def action_approve(self):
        to_approve = self.filtered(lambda a: a.state == "to_review")
        to_approve.write({"state": "queued"})
        if to_approve:
            self.env.ref("talent_crm.ir_cron_talent_job_alerts").sudo()._trigger()
        return True

    def action_cancel(self):
        if any(alert.state == "sent" for alert in self):
            raise UserError(self.env._("An alert that was sent cannot be cancelled."))
        reason = self.env._("Cancelled by %(user)s", user=self.env.user.name)
        self.write({"state": "cancelled", "cancel_reason": reason})
        return True

    # ------------------------------------------------------------
    # Sending
    # ------------------------------------------------------------

    @api.model
    def _cron_talent_job_alerts(self):
        """Prepare the alerts of newly opened jobs, then send the approved ones in batches.

        Safe with two workers: jobs and alerts are claimed with ``try_lock_for_update`` (locked rows are skipped).

        The alerts due are reported as ``remaining`` before the first batch: when the time budget
        stops the function with alerts left, Odoo's scheduler calls it again in the same run (and,
        once the run's budget is spent, reschedules it at once) instead of leaving them to the next
        hourly run.
        """
        cron = self.env["ir.cron"]
        jobs = self.env["hr.job"].sudo()._talent_job_alert_claim_pending()
        for job in jobs:
            job._talent_job_alert_prepare()
        cron._commit_progress(len(jobs), remaining=self.sudo().search_count(self._talent_due_domain()))
        conflicts = 0
        while True:
            try:
                alerts = self._talent_claim_due(JOB_ALERT_BATCH_SIZE)
            except errors.SerializationFailure:
                # another worker committed alerts between our read and our lock: read again on a
                # fresh snapshot (the last batch is committed, nothing is lost)
                conflicts += 1
                if conflicts > JOB_ALERT_CLAIM_RETRIES:
                    raise
                self.env.cr.rollback()
                continue
            conflicts = 0
            if not alerts:
                # the due alerts left, if any, are held by another worker, which sends them
                cron._commit_progress(remaining=0)
                break
            alerts._talent_send()
            if not cron._commit_progress(len(alerts)):
                break

    @api.model
    def _talent_due_domain(self):
        """The approved alerts that may go now."""
        return Domain("state", "=", "queued") & (
            Domain("next_date", "=", False) | Domain("next_date", "<=", fields.Datetime.now())
        )

    @api.model
    def _talent_claim_due(self, limit):
        """Lock up to ``limit`` due alerts that no other worker holds (those are skipped).

        The queue is read in windows of ``JOB_ALERT_CLAIM_WINDOW`` batches, in id order, never
        whole: a window whose alerts another worker holds moves the claim on to the next one.
        """
        window = limit * JOB_ALERT_CLAIM_WINDOW
        domain = self._talent_due_domain()
        last_id = 0
        while True:
            due = self.sudo().search(domain & Domain("id", ">", last_id), order="id", limit=window)
            claimed = due.try_lock_for_update(limit=limit)
            if claimed or len(due) < window:
                return claimed
            last_id = due[-1].id

    def _talent_send(self):
        """Send the alerts of ``self`` that may go now; cancel the ones that may not go at all."""
        now = fields.Datetime.now()
        for job, alerts in self.grouped("job_id").items():
            if not job._talent_job_is_open():
                alerts.write({"state": "cancelled", "cancel_reason": self.env._("The job is no longer open.")})
                continue
            company = alerts.company_id[:1]
            blockers = alerts.partner_id._talent_contact_blockers("email", company)
            labels = self.env["res.partner"]._talent_blocker_labels()
            blocked = alerts.filtered(lambda a, blockers=blockers: a.partner_id.id in blockers)
            for alert in blocked:
                alert.write(
                    {
                        "state": "cancelled",
                        "cancel_reason": ", ".join(labels.get(r, r) for r in blockers[alert.partner_id.id]),
                    }
                )
            alerts -= blocked
            gone = alerts.filtered(lambda a: not a.talent_id.active)
            gone.write({"state": "cancelled", "cancel_reason": self.env._("The talent was archived.")})
            alerts -= gone
            if not alerts:
                continue
            partners = alerts.partner_id._talent_cap_lock()
            next_allowed = partners._talent_cap_next_allowed(company, now)
            ready = self.browse()
            for alert in alerts:
                moment = next_allowed.get(alert.partner_id.id, now)
                if alert.partner_id not in partners:
                    # another worker is touching the person: try again on a later run
                    alert.next_date = now + timedelta(minutes=5)
                elif moment > now:
                    alert.next_date = moment
                else:
                    ready |= alert
            if ready:
                try:
                    with self.env.cr.savepoint():
                        ready._talent_send_now(job)
                except CONCURRENCY_ERRORS as error:
                    # another transaction touched the same rows (the job, its mailing, a person):
                    # nothing of the batch was sent; try it again a little later
                    _logger.info("Job alerts of job %s met a concurrent update, retried later: %s", job.id, error)
                    retry = fields.Datetime.now() + JOB_ALERT_RETRY_DELAY
                    ready.write({"next_date": retry})
                    self.env.ref("talent_crm.ir_cron_talent_job_alerts").sudo()._trigger(retry)
                except Exception as error:  # noqa: BLE001 - a broken template must not block the other jobs
                    _logger.exception("Job alerts of job %s failed", job.id)
                    ready.write({"state": "cancelled", "cancel_reason": str(error)[:200]})

    def _talent_send_now(self, job):
        mailing = job._talent_job_alert_mailing()
        template = self.env.ref("talent_crm.mail_template_talent_job_alert")
        traces = (
            self.env["mail.compose.message"]
            .with_context(talent_job_alert_job_id=job.id)
            ._talent_send_mass_mail(mailing, template, self.talent_id, author=job.user_id.partner_id)
        )
        now = fields.Datetime.now()
        for alert in self:
            trace = traces.get(alert.talent_id.id)
            if trace and trace.trace_status not in ("cancel", "error", "bounce"):
                alert.write({"state": "sent", "date_sent": now, "mailing_trace_id": trace.id})
            else:
                alert.write(
                    {
                        "state": "cancelled",
                        "mailing_trace_id": trace.id if trace else False,
                        "cancel_reason": (trace.failure_type if trace else False) or self.env._("Not sent"),
                    }
                )
