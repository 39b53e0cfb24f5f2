# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from collections import defaultdict
from datetime import timedelta

from psycopg2.errors import SerializationFailure

from odoo import api, fields, models
from odoo.fields import Domain

from .talent_sequence_step import MESSAGE_CHANNELS

_logger = logging.getLogger(__name__)

STOP_REASONS = [
    ("reply", "Replied"),
    ("unsubscribed", "Unsubscribed or blacklisted"),
    ("bounce", "Hard bounce"),
    ("converted", "Applied for a job"),
    ("do_not_contact", "Do not contact"),
    ("archived", "Talent archived"),
    ("manual", "Stopped by a recruiter"),
]
# contactability reasons (res.partner._talent_contact_blockers) that end the enrollment;
# the other reasons (no address, no consent) only skip the step at hand
# a batch that meets a concurrent update is rolled back and run again, at most this many times in a row
MAX_SERIALIZATION_RETRIES = 5
BLOCKERS_STOPPING = {"do_not_contact": "do_not_contact", "blacklisted": "unsubscribed"}


class TalentSequenceEnrollment(models.Model):
    """One talent in one sequence: where they are (next step, due date) and how it ended.

    The scheduler claims due enrollments with ``try_lock_for_update`` and
    processes them in set-based batches (:meth:`_talent_process_batch`), committing after
    each batch: each step's message, task, touch and execution record are created in the
    same transaction as the enrollment moves on, so a crash or a second worker never sends a
    touch twice.
    """

    _name = "talent.sequence.enrollment"
    _description = "Nurture Enrollment"
    _order = "date_enrolled desc, id desc"
    _rec_names_search = ["talent_id", "sequence_id"]

    sequence_id = fields.Many2one(
        "talent.sequence", string="Nurture Sequence", required=True, index=True, ondelete="cascade"
    )
    talent_id = fields.Many2one(
        "hr.applicant",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('talent_pool_ids', '!=', False)]",
    )
    partner_id = fields.Many2one(related="talent_id.partner_id", store=True, index=True, string="Contact")
    user_id = fields.Many2one(related="talent_id.user_id", store=True, string="Owner")
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    state = fields.Selection(
        [
            ("running", "Running"),
            ("paused", "Paused"),
            ("completed", "Completed"),
            ("stopped", "Stopped"),
        ],
        required=True,
        default="running",
        index=True,
    )
    stop_reason = fields.Selection(STOP_REASONS, readonly=True)
    stop_note = fields.Char(readonly=True)
    origin = fields.Selection(
        [("manual", "Recruiter"), ("pool", "Pool auto-enrollment"), ("other", "Other feature")],
        required=True,
        default="manual",
        readonly=True,
    )
    pool_id = fields.Many2one("hr.talent.pool", string="Enrolled from Pool", ondelete="set null", readonly=True)
    date_enrolled = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    date_done = fields.Datetime(string="Ended On", readonly=True)
    cycle = fields.Integer(default=0, readonly=True, help="How many times a repeating last step has run again.")
    next_step_id = fields.Many2one("talent.sequence.step", ondelete="set null", readonly=True)
    next_date = fields.Datetime(string="Next Due", readonly=True)
    step_due_date = fields.Datetime(
        string="Step Due Since",
        readonly=True,
        help="When the next step was due before any postponement: the longest waiting step goes first.",
    )
    last_step_id = fields.Many2one("talent.sequence.step", ondelete="set null", readonly=True)
    last_date = fields.Datetime(string="Last Step On", readonly=True)
    postpone_reason = fields.Selection(
        [("cap", "Frequency cap"), ("window", "Send window")],
        string="Postponed By",
        readonly=True,
        help="Why the next step waits past its own delay. Cleared once the step runs.",
    )
    postponed_date = fields.Datetime(string="Postponed On", readonly=True)
    postpone_count = fields.Integer(string="Postponements", readonly=True)
    paused_date = fields.Datetime(readonly=True)
    execution_ids = fields.One2many("talent.sequence.execution", "enrollment_id", string="Step History")
    execution_count = fields.Integer(compute="_compute_execution_count")

    _talent_sequence_uniq = models.Constraint(
        "UNIQUE(talent_id, sequence_id)", "A talent is enrolled at most once in each sequence."
    )
    _due_idx = models.Index("(next_date, id) WHERE state = 'running'")

    @api.depends("talent_id", "sequence_id")
    def _compute_display_name(self):
        for enrollment in self:
            enrollment.display_name = self.env._(
                "%(talent)s in %(sequence)s",
                talent=enrollment.talent_id.partner_name or enrollment.talent_id.display_name or "",
                sequence=enrollment.sequence_id.name or "",
            )

    def _compute_execution_count(self):
        counts = {
            enrollment.id: count
            for enrollment, count in self.env["talent.sequence.execution"]._read_group(
                [("enrollment_id", "in", self.ids)], ["enrollment_id"], ["__count"]
            )
        }
        for enrollment in self:
            enrollment.execution_count = counts.get(enrollment.id, 0)

    @api.model_create_multi
    def create(self, vals_list):
        enrollments = super().create(vals_list)
        for enrollment in enrollments.filtered(lambda e: e.state == "running" and not e.next_step_id):
            first = enrollment.sequence_id.step_ids.sorted(lambda s: (s.sequence, s.id))[:1]
            due = enrollment._talent_due_date(first, enrollment.date_enrolled)
            enrollment.write({"next_step_id": first.id, "next_date": due, "step_due_date": due})
        enrollments._talent_trigger_scheduler()
        return enrollments

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_pause(self):
        running = self.filtered(lambda e: e.state == "running")
        running.write({"state": "paused", "paused_date": fields.Datetime.now()})
        return True

    def action_resume(self):
        """Continue where the enrollment stopped: same next step, due now at the earliest."""
        now = fields.Datetime.now()
        for enrollment in self.filtered(lambda e: e.state == "paused"):
            values = {"state": "running", "paused_date": False}
            if enrollment.next_date and enrollment.next_date < now:
                values["next_date"] = now
            if not enrollment.next_step_id:
                values.update(state="completed", next_date=False, date_done=now)
            enrollment.write(values)
        self._talent_trigger_scheduler()
        return True

    def action_stop(self):
        self.filtered(lambda e: e.state in ("running", "paused"))._talent_stop("manual")
        return True

    # ------------------------------------------------------------
    # Enrollment and stop rules (called by other models' hooks)
    # ------------------------------------------------------------

    @api.model
    def _talent_due_date(self, step, start, now=None):
        """When ``step`` is due for an enrollment that started at ``start`` and whose previous step ran ``now``."""
        if not step:
            return False
        now = now or fields.Datetime.now()
        base = start if step.delay_from == "enrollment" else now
        return max(base + timedelta(days=step.delay_days), now)

    def _talent_stop(self, reason, note=False):
        """End the enrollments of ``self`` (running or paused) with ``reason`` (a key of ``STOP_REASONS``)."""
        active = self.filtered(lambda e: e.state in ("running", "paused"))
        if active:
            active.sudo().write(
                {
                    "state": "stopped",
                    "stop_reason": reason,
                    "stop_note": note,
                    "next_date": False,
                    "date_done": fields.Datetime.now(),
                }
            )
        return active

    @api.model
    def _talent_stop_for_partners(self, partners, reason, note=False):
        """Stop every running or paused enrollment of the people ``partners`` (one search, one write)."""
        if not partners:
            return self.browse()
        enrollments = self.sudo().search([("partner_id", "in", partners.ids), ("state", "in", ["running", "paused"])])
        return enrollments._talent_stop(reason, note)

    @api.model
    def _talent_stop_for_talents(self, talents, reason, note=False):
        if not talents:
            return self.browse()
        enrollments = self.sudo().search([("talent_id", "in", talents.ids), ("state", "in", ["running", "paused"])])
        return enrollments._talent_stop(reason, note)

    def _talent_trigger_scheduler(self):
        """Wake the scheduler up for the earliest due date among ``self``."""
        dates = [e.next_date for e in self if e.state == "running" and e.next_date]
        cron = self.env.ref("talent_crm.ir_cron_talent_sequence_process", raise_if_not_found=False)
        if dates and cron:
            cron.sudo()._trigger(at=max(min(dates), fields.Datetime.now()))

    # ------------------------------------------------------------
    # Scheduler: claim, process in batches, commit per batch
    # ------------------------------------------------------------

    @api.model
    def _cron_process_due_steps(self):
        """Cron entry point: process every due enrollment, batch by batch."""
        return self._talent_process_due()

    @api.model
    def _talent_batch_size(self):
        param = self.env["ir.config_parameter"].sudo().get_param("talent_crm.nurture_batch_size")
        return int(param or 0) or 500

    @api.model
    def _talent_due_domain(self, now):
        return Domain("state", "=", "running") & Domain("next_date", "<=", now)

    @api.model
    def _talent_process_due(self, batch_size=None, limit=None):
        """Fast path: claim due enrollments in batches, process each batch set-based, commit per batch.

        Safe with several workers at once: rows are claimed with ``try_lock_for_update`` and
        the people of a batch are locked too (see ``res.partner._talent_cap_lock``). Returns the
        number of enrollments processed. ``limit`` stops after that many (benchmarks).
        """
        self = self.sudo()
        cron = self.env["ir.cron"]
        batch_size = batch_size or self._talent_batch_size()
        remaining = self.search_count(self._talent_due_domain(fields.Datetime.now()))
        cron._commit_progress(remaining=remaining)
        processed = 0
        passed_ids = []
        conflicts = 0
        while limit is None or processed < limit:
            self.env.invalidate_all()
            size = batch_size if limit is None else min(batch_size, limit - processed)
            busy_ids = []
            try:
                batch = self._talent_claim_due(size, exclude_ids=passed_ids, busy_ids=busy_ids)
                if not batch and not busy_ids:
                    break
                done = batch._talent_process_batch()
                self.env.flush_all()
            except SerializationFailure:
                # someone changed a person of this batch after our snapshot: nothing of the
                # batch is kept; run it again on fresh data (earlier batches are committed)
                conflicts += 1
                if conflicts > MAX_SERIALIZATION_RETRIES:
                    raise
                _logger.info("Nurture batch met a concurrent update, retrying (%s)", conflicts)
                self.env.cr.rollback()
                continue
            conflicts = 0
            # enrollments left (their person is being touched by another worker) wait for the next run
            passed_ids += busy_ids + (batch - done).ids
            processed += len(done)
            if not cron._commit_progress(len(done)):
                break
        return processed

    @api.model
    def _talent_claim_due(self, limit, exclude_ids=(), only_ids=None, busy_ids=None):
        """Lock up to ``limit`` due enrollments that no other transaction holds, and their people.

        Returns the enrollments whose person could be locked as well; the ids of the others
        (their person is locked by another worker) are appended to ``busy_ids`` when given.
        """
        domain = Domain("state", "=", "running") & Domain("next_date", "<=", fields.Datetime.now())
        if exclude_ids:
            domain &= Domain("id", "not in", list(exclude_ids))
        if only_ids is not None:
            domain &= Domain("id", "in", list(only_ids))
        due = self.sudo().with_context(active_test=False).search(domain, order="next_date, id")
        enrollments = self.browse(due.try_lock_for_update(limit=limit).ids)
        if not enrollments:
            return enrollments
        locked = enrollments.partner_id._talent_cap_lock()
        busy = enrollments.filtered(lambda e: e.partner_id not in locked)
        if busy_ids is not None:
            busy_ids += busy.ids
        return enrollments - busy

    def _talent_process_batch(self, now=None):
        """Run the due step of every enrollment of ``self`` (claimed and locked by the caller).

        Set-based: the number of queries depends on the number of distinct steps, companies and
        channels in the batch, not on its size. Returns the enrollments handled (run, skipped,
        postponed, stopped or completed).
        """
        now = now or fields.Datetime.now()
        enrollments = self.sudo().filtered(lambda e: e.state == "running" and e.next_date and e.next_date <= now)
        handled = self.browse(enrollments.ids)
        finished = enrollments.filtered(lambda e: not e.next_step_id)
        finished.write({"state": "completed", "next_date": False, "date_done": now})
        enrollments -= finished

        # a step that already ran (e.g. data fixed by hand) only moves the enrollment on
        already = enrollments._talent_already_executed()
        enrollments._talent_advance(now, only=already)
        enrollments -= already

        # stop rules, as a safety net for hooks that could not see the change
        archived = enrollments.filtered(lambda e: not e.talent_id.active)
        archived._talent_stop("archived")
        enrollments -= archived
        converted = enrollments.talent_id._talent_converted_talents()
        enrollments.filtered(lambda e: e.talent_id in converted)._talent_stop("converted")
        enrollments = enrollments.filtered(lambda e: e.talent_id not in converted)

        skipped = {}  # enrollment id -> skip reason
        for (channel, company), group in enrollments.grouped(lambda e: (e.next_step_id.channel, e.company_id)).items():
            blockers = group.partner_id._talent_contact_blockers(channel, company)
            for enrollment in group:
                reasons = blockers.get(enrollment.partner_id.id)
                if not reasons:
                    continue
                stopping = [BLOCKERS_STOPPING[r] for r in reasons if r in BLOCKERS_STOPPING]
                if stopping:
                    enrollment._talent_stop(stopping[0])
                else:
                    skipped[enrollment.id] = reasons[0]
        enrollments = enrollments.filtered(lambda e: e.state == "running")
        for enrollment_id in enrollments._talent_failing_condition():
            skipped.setdefault(enrollment_id, "condition")
        empty_step_ids = {step.id for step in enrollments.next_step_id if not step._talent_has_body()}
        skipped.update({e.id: "empty_body" for e in enrollments if e.next_step_id.id in empty_step_ids})

        to_run = enrollments.filtered(lambda e: e.id not in skipped)
        to_run = to_run._talent_apply_window_and_caps(now)

        executions = []
        for step, group in to_run.grouped("next_step_id").items():
            executions += group._talent_run_step(step, now)
        for enrollment in enrollments.filtered(lambda e: e.id in skipped):
            executions.append(
                enrollment._talent_execution_values(now, state="skipped", skip_reason=skipped[enrollment.id])
            )
        if executions:
            self.env["talent.sequence.execution"].sudo().create(executions)
        (to_run | enrollments.filtered(lambda e: e.id in skipped))._talent_advance(now)
        return handled

    def _talent_already_executed(self):
        if not self:
            return self
        groups = (
            self.env["talent.sequence.execution"]
            .sudo()
            ._read_group(
                [("enrollment_id", "in", self.ids), ("step_id", "in", self.next_step_id.ids)],
                ["enrollment_id", "step_id", "cycle"],
            )
        )
        keys = {(enrollment.id, step.id, cycle) for enrollment, step, cycle in groups}
        return self.filtered(lambda e: (e.id, e.next_step_id.id, e.cycle) in keys)

    def _talent_failing_condition(self):
        """Ids of enrollments whose next step has a condition on the previous email that fails."""
        conditional = self.filtered(lambda e: e.next_step_id.condition != "always")
        if not conditional:
            return set()
        previous = {step.id: step._talent_previous_email_step() for step in conditional.next_step_id}
        executions = (
            self.env["talent.sequence.execution"]
            .sudo()
            .search(
                [
                    ("enrollment_id", "in", conditional.ids),
                    ("step_id", "in", [step.id for step in previous.values() if step]),
                ],
                order="id",
            )
        )
        trace_per_key = {}
        for execution in executions:
            trace_per_key[(execution.enrollment_id.id, execution.step_id.id)] = execution.mailing_trace_id
        failing = set()
        for enrollment in conditional:
            step = enrollment.next_step_id
            trace = trace_per_key.get((enrollment.id, previous[step.id].id)) if previous[step.id] else False
            opened = bool(trace) and trace.trace_status in ("open", "reply")
            clicked = bool(trace) and bool(trace.links_click_datetime)
            met = {
                "opened": opened,
                "not_opened": not opened,
                "clicked": clicked,
                "not_clicked": not clicked,
            }[step.condition]
            if not met:
                failing.add(enrollment.id)
        return failing

    def _talent_timezones(self):
        """Time zone of each enrollment's person: their own, else the owner's, else the company's."""
        return {
            enrollment.id: enrollment.partner_id.tz
            or enrollment.talent_id.user_id.tz
            or enrollment.company_id.partner_id.tz
            or "UTC"
            for enrollment in self
        }

    def _talent_apply_window_and_caps(self, now):
        """Postpone what falls outside its send window or over the person's frequency cap.

        Returns the enrollments that may run now. Caps hold within the batch too: a person due
        in two sequences gets one touch, the other is postponed by the cap interval.
        """
        timezones = self._talent_timezones()
        postponed = defaultdict(list)  # (reason, date) -> enrollment ids
        in_window_ids = []
        for enrollment in self:
            step = enrollment.next_step_id
            opening = step._talent_window_next_open(now, timezones[enrollment.id])
            if opening > now:
                postponed[("window", opening)].append(enrollment.id)
            else:
                in_window_ids.append(enrollment.id)
        allowed_ids = []
        for company, group in self.browse(in_window_ids).grouped("company_id").items():
            partners = group.partner_id
            intervals = partners._talent_cap_intervals(company)
            next_allowed = partners._talent_cap_next_allowed(company, now, intervals=intervals)
            touched = set()
            for enrollment in group.sorted(lambda e: (e.step_due_date or e.next_date, e.id)):
                partner_id = enrollment.partner_id.id
                moment = next_allowed[partner_id]
                if partner_id in touched:
                    moment = max(moment, now + intervals[partner_id]) if intervals[partner_id] else moment
                if moment > now:
                    step = enrollment.next_step_id
                    moment = step._talent_window_next_open(moment, timezones[enrollment.id])
                    postponed[("cap", moment)].append(enrollment.id)
                else:
                    touched.add(partner_id)
                    allowed_ids.append(enrollment.id)
        for (reason, moment), enrollment_ids in postponed.items():
            for enrollment in self.browse(enrollment_ids):
                enrollment.write(
                    {
                        "next_date": moment,
                        "postpone_reason": reason,
                        "postponed_date": now,
                        "postpone_count": enrollment.postpone_count + 1,
                    }
                )
        return self.browse(allowed_ids)

    def _talent_execution_values(self, now, **values):
        self.ensure_one()
        return dict(
            {
                "enrollment_id": self.id,
                "sequence_id": self.sequence_id.id,
                "talent_id": self.talent_id.id,
                "partner_id": self.partner_id.id,
                "company_id": self.company_id.id,
                "step_id": self.next_step_id.id,
                "cycle": self.cycle,
                "channel": self.next_step_id.channel,
                "date": now,
            },
            **values,
        )

    def _talent_run_step(self, step, now):
        """Send or create what ``step`` does for the enrollments of ``self``; returns execution values."""
        try:
            with self.env.cr.savepoint():
                if step.channel in MESSAGE_CHANNELS:
                    return self._talent_send_messages(step, now)
                return self._talent_create_tasks(step, now)
        except Exception as error:  # noqa: BLE001 - a broken template must not block the whole queue
            _logger.exception("Nurture step %s failed for %s enrollments", step.id, len(self))
            return [e._talent_execution_values(now, state="failed", error=str(error)) for e in self]

    def _talent_inform_before_first_message(self):
        """Art. 14 GDPR: a person kept on legitimate interest is told what is kept about them at
        the latest with the first message. Send the information to the people of ``self`` who
        were not told yet, before their nurture message is made (same transaction: both or
        neither). Returns the talents told now."""
        Applicant = self.env["hr.applicant"].sudo().with_context(active_test=False)
        if not self:
            return Applicant
        due = Applicant.search(Applicant._talent_information_due_domain() & Domain("id", "in", self.talent_id.ids))
        if due:
            due._talent_send_information_notices()
        return due

    def _talent_send_messages(self, step, now):
        talents = self.talent_id
        self._talent_inform_before_first_message()
        if step.channel == "email":
            traces = self.env["mail.compose.message"]._talent_nurture_send_mass_mail(step, talents)
        else:
            traces = self.env["sms.composer"]._talent_nurture_send_mass_sms(step, talents)
        summary = self.env._("%(sequence)s: %(step)s", sequence=step.sequence_id.name, step=step.name)
        touch_values, sent_ids = [], []
        for enrollment in self:
            trace = traces.get(enrollment.talent_id.id)
            if trace and trace.trace_status not in ("cancel", "error", "bounce"):
                sent_ids.append(enrollment.id)
                touch_values.append(
                    {
                        "partner_id": enrollment.partner_id.id,
                        "talent_id": enrollment.talent_id.id,
                        "company_id": enrollment.company_id.id,
                        "date": now,
                        "direction": "outbound",
                        "channel": step.channel,
                        "summary": summary,
                        "origin": "sequence",
                        "res_model": self._name,
                        "res_id": enrollment.id,
                        "mailing_trace_id": trace.id,
                        "counts_toward_cap": True,
                        "user_id": enrollment.talent_id.user_id.id or step.sequence_id.user_id.id,
                    }
                )
        touches = self.env["talent.touch"].sudo().create(touch_values)
        touch_per_enrollment = dict(zip(sent_ids, touches, strict=True))
        executions = []
        for enrollment in self:
            trace = traces.get(enrollment.talent_id.id)
            touch = touch_per_enrollment.get(enrollment.id)
            if touch:
                executions.append(
                    enrollment._talent_execution_values(now, state="sent", touch_id=touch.id, mailing_trace_id=trace.id)
                )
            else:
                executions.append(
                    enrollment._talent_execution_values(
                        now,
                        state="skipped",
                        skip_reason="cancelled",
                        mailing_trace_id=trace.id if trace else False,
                        error=trace.failure_type if trace else False,
                    )
                )
        return executions

    def _talent_create_tasks(self, step, now):
        """One ``mail.activity`` per talent, for its owner (or the sequence's responsible)."""
        model_id = self.env["ir.model"]._get_id("hr.applicant")
        deadline = fields.Date.context_today(self, now) + timedelta(days=step.activity_deadline_days)
        summary = step.activity_summary or step.name
        activity_values = [
            {
                "res_model_id": model_id,
                "res_id": enrollment.talent_id.id,
                "activity_type_id": step.activity_type_id.id,
                "summary": summary,
                "note": step.activity_note,
                "user_id": (
                    enrollment.talent_id.user_id
                    or enrollment.talent_id.talent_pool_ids.pool_manager[:1]
                    or step.sequence_id.user_id
                    or self.env.user
                ).id,
                "date_deadline": deadline,
            }
            for enrollment in self
        ]
        activities = (
            self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(activity_values)
        )
        return [
            enrollment._talent_execution_values(now, state="task", activity_id=activity.id)
            for enrollment, activity in zip(self, activities, strict=True)
        ]

    def _talent_advance(self, now, only=None):
        """Move ``only`` (default: all of ``self``) past their current step, or complete them."""
        enrollments = self if only is None else only
        following = {step.id: step._talent_following_step() for step in enrollments.next_step_id}
        for enrollment in enrollments:
            step = enrollment.next_step_id
            values = {"last_step_id": step.id, "last_date": now, "postpone_reason": False}
            nxt = following[step.id]
            if nxt:
                due = self._talent_due_date(nxt, enrollment.date_enrolled, now)
                values.update(next_step_id=nxt.id, next_date=due, step_due_date=due)
            elif enrollment.sequence_id.repeat_last_step:
                due = now + timedelta(days=max(step.delay_days, 1))
                values.update(cycle=enrollment.cycle + 1, next_date=due, step_due_date=due)
            else:
                values.update(
                    state="completed", next_step_id=False, next_date=False, step_due_date=False, date_done=now
                )
            enrollment.write(values)
