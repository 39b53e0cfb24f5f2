# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import html2plaintext, is_html_empty

MESSAGE_CHANNELS = ("email", "sms")
TASK_CHANNELS = ("linkedin", "call")
WEEKDAY_FIELDS = ("window_mon", "window_tue", "window_wed", "window_thu", "window_fri", "window_sat", "window_sun")
DELIVERED_STATUSES = ("pending", "sent", "open", "reply")
# markup that shows something although it holds no literal text: dynamic output and images
DYNAMIC_CONTENT_RE = re.compile(r"<img\b|\bt-(?:out|esc|raw|call)\b|\{\{")


class TalentSequenceStep(models.Model):
    """One touch of a sequence: when (delay, send window), how (channel, content) and for whom (condition).

    Email and SMS steps own a hidden ``mailing.mailing`` that serves as the tracking
    container: every message the step sends is a ``mailing.trace`` of that mailing, so opens,
    clicks, replies, bounces and unsubscribe links work exactly as in Email Marketing.
    """

    _name = "talent.sequence.step"
    _description = "Nurture Sequence Step"
    _order = "sequence_id, sequence, id"

    sequence_id = fields.Many2one(
        "talent.sequence", string="Nurture Sequence", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    company_id = fields.Many2one(related="sequence_id.company_id", store=True, index="btree_not_null")
    channel = fields.Selection(
        [
            ("email", "Email"),
            ("sms", "SMS"),
            ("linkedin", "LinkedIn touch (task)"),
            ("call", "Call (task)"),
        ],
        required=True,
        default="email",
    )
    delay_days = fields.Integer(string="Delay (days)", default=0)
    delay_from = fields.Selection(
        [("previous", "after the previous step"), ("enrollment", "after enrollment")],
        string="Counted",
        required=True,
        default="previous",
    )
    mail_template_id = fields.Many2one(
        "mail.template",
        string="Email Template",
        domain="[('model', '=', 'hr.applicant')]",
        ondelete="restrict",
    )
    sms_template_id = fields.Many2one(
        "sms.template",
        string="SMS Template",
        domain="[('model', '=', 'hr.applicant')]",
        ondelete="restrict",
    )
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        string="Task Type",
        compute="_compute_activity_type_id",
        store=True,
        readonly=False,
        ondelete="restrict",
    )
    activity_summary = fields.Char(string="Task Summary", translate=True)
    activity_note = fields.Html(string="Task Instructions", translate=True)
    activity_deadline_days = fields.Integer(string="Task Deadline (days)", default=2)
    condition = fields.Selection(
        [
            ("always", "Always"),
            ("opened", "Previous email opened"),
            ("not_opened", "Previous email not opened"),
            ("clicked", "Previous email clicked"),
            ("not_clicked", "Previous email not clicked"),
        ],
        required=True,
        default="always",
        help="Run this step only for people who did (not) open or click the previous email of the sequence; "
        "the others skip it.",
    )
    window_enabled = fields.Boolean(
        string="Send Window", help="Only send or create the task on these days and hours, in the person's time zone."
    )
    window_mon = fields.Boolean(string="Mon", default=True)
    window_tue = fields.Boolean(string="Tue", default=True)
    window_wed = fields.Boolean(string="Wed", default=True)
    window_thu = fields.Boolean(string="Thu", default=True)
    window_fri = fields.Boolean(string="Fri", default=True)
    window_sat = fields.Boolean(string="Sat")
    window_sun = fields.Boolean(string="Sun")
    window_hour_from = fields.Float(string="From", default=9.0)
    window_hour_to = fields.Float(string="To", default=17.0)
    mailing_id = fields.Many2one(
        "mailing.mailing",
        string="Tracking Mailing",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="Hidden mailing that holds the traces (opens, clicks, replies, bounces) of this step.",
    )
    # live statistics
    stat_scheduled = fields.Integer(string="Waiting", compute="_compute_statistics")
    stat_sent = fields.Integer(
        string="Sent", compute="_compute_statistics", help="Messages delivered, or tasks done for task steps."
    )
    stat_opened = fields.Integer(string="Opened", compute="_compute_statistics")
    stat_clicked = fields.Integer(string="Clicked", compute="_compute_statistics")
    stat_replied = fields.Integer(string="Replied", compute="_compute_statistics")
    stat_bounced = fields.Integer(string="Bounced", compute="_compute_statistics")
    stat_skipped = fields.Integer(string="Skipped", compute="_compute_statistics")
    stat_stopped = fields.Integer(
        string="Stopped",
        compute="_compute_statistics",
        help="Enrollments that ended (reply, unsubscribe, ...) after this step.",
    )

    _delay_positive = models.Constraint("CHECK(delay_days >= 0)", "A delay cannot be negative.")

    @api.depends("channel")
    def _compute_activity_type_id(self):
        types = {
            "linkedin": self.env.ref("talent_crm.mail_activity_type_talent_linkedin", raise_if_not_found=False),
            "call": self.env.ref("talent_crm.mail_activity_type_talent_call", raise_if_not_found=False),
        }
        for step in self:
            if step.channel in TASK_CHANNELS:
                if not step.activity_type_id:
                    step.activity_type_id = types[step.channel]
            else:
                step.activity_type_id = False

    def _compute_statistics(self):
        steps = self.filtered("id")
        mailings = steps.sudo().mailing_id
        traces = self.env["mailing.trace"].sudo()
        per_status = {}
        clicks = {}
        if mailings:
            for mailing, status, count in traces._read_group(
                [("mass_mailing_id", "in", mailings.ids)], ["mass_mailing_id", "trace_status"], ["__count"]
            ):
                per_status.setdefault(mailing.id, {})[status] = count
            clicks = {
                mailing.id: count
                for mailing, count in traces._read_group(
                    [("mass_mailing_id", "in", mailings.ids), ("links_click_datetime", "!=", False)],
                    ["mass_mailing_id"],
                    ["__count"],
                )
            }
        executions = {}
        for step, state, count in (
            self.env["talent.sequence.execution"]
            .sudo()
            ._read_group([("step_id", "in", steps.ids)], ["step_id", "state"], ["__count"])
        ):
            executions.setdefault(step.id, {})[state] = count
        enrollments = self.env["talent.sequence.enrollment"].sudo()
        waiting = {
            step.id: count
            for step, count in enrollments._read_group(
                [("next_step_id", "in", steps.ids), ("state", "in", ["running", "paused"])],
                ["next_step_id"],
                ["__count"],
            )
        }
        stopped = {
            step.id: count
            for step, count in enrollments._read_group(
                [("last_step_id", "in", steps.ids), ("state", "=", "stopped")], ["last_step_id"], ["__count"]
            )
        }
        for step in self:
            statuses = per_status.get(step.sudo().mailing_id.id, {})
            step_executions = executions.get(step.id, {})
            step.stat_scheduled = waiting.get(step.id, 0)
            if step.channel in TASK_CHANNELS:
                step.stat_sent = step_executions.get("task_done", 0)
            else:
                step.stat_sent = sum(statuses.get(status, 0) for status in DELIVERED_STATUSES)
            step.stat_opened = statuses.get("open", 0) + statuses.get("reply", 0)
            step.stat_clicked = clicks.get(step.sudo().mailing_id.id, 0)
            step.stat_replied = statuses.get("reply", 0)
            step.stat_bounced = statuses.get("bounce", 0)
            step.stat_skipped = step_executions.get("skipped", 0)
            step.stat_stopped = stopped.get(step.id, 0)

    @api.constrains("channel", "mail_template_id", "sms_template_id", "activity_type_id")
    def _check_content(self):
        for step in self:
            if step.channel == "email" and not step.mail_template_id:
                raise ValidationError(self.env._("Step %(name)s: choose the email template to send.", name=step.name))
            if step.channel == "sms" and not step.sms_template_id:
                raise ValidationError(self.env._("Step %(name)s: choose the SMS template to send.", name=step.name))
            if step.channel in TASK_CHANNELS and not step.activity_type_id:
                raise ValidationError(self.env._("Step %(name)s: choose the type of task to create.", name=step.name))
            if step.mail_template_id and step.mail_template_id.model != "hr.applicant":
                raise ValidationError(
                    self.env._("Step %(name)s: the email template must be made for talents.", name=step.name)
                )
            if step.sms_template_id and step.sms_template_id.model != "hr.applicant":
                raise ValidationError(
                    self.env._("Step %(name)s: the SMS template must be made for talents.", name=step.name)
                )

    @api.constrains("channel", "mail_template_id", "sms_template_id", "sequence_id")
    def _check_body(self):
        self.filtered(lambda step: step.sequence_id.active)._talent_check_body()

    @api.constrains("window_enabled", "window_hour_from", "window_hour_to", *WEEKDAY_FIELDS)
    def _check_window(self):
        for step in self.filtered("window_enabled"):
            if not 0 <= step.window_hour_from < step.window_hour_to <= 24:
                raise ValidationError(
                    self.env._(
                        "Step %(name)s: the send window must start before it ends, within the day.", name=step.name
                    )
                )
            if not any(step[fname] for fname in WEEKDAY_FIELDS):
                raise ValidationError(self.env._("Step %(name)s: choose at least one day to send on.", name=step.name))

    @api.model_create_multi
    def create(self, vals_list):
        steps = super().create(vals_list)
        steps._talent_ensure_mailing()
        steps._talent_take_ownership()
        return steps

    def write(self, vals):
        result = super().write(vals)
        if {"channel", "mail_template_id", "sms_template_id", "name"} & set(vals):
            self._talent_ensure_mailing()
        self._talent_take_ownership()
        return result

    def _talent_take_ownership(self):
        """Whoever changes a step owns its sequence: the messages render with their rights."""
        if not self.env.su:
            self.sequence_id.sudo().write({"owner_id": self.env.uid})

    def unlink(self):
        # enrollments waiting for a removed step go on with the step after it
        enrollments = (
            self.env["talent.sequence.enrollment"]
            .sudo()
            .search([("next_step_id", "in", self.ids), ("state", "in", ["running", "paused"])])
        )
        following_steps = {step.id: step._talent_following_step(exclude=self) for step in enrollments.next_step_id}
        following_ids = {enrollment.id: following_steps[enrollment.next_step_id.id].id for enrollment in enrollments}
        result = super().unlink()
        for enrollment in enrollments:
            following = self.browse(following_ids[enrollment.id])
            if following:
                enrollment.next_step_id = following
            else:
                enrollment.write({"state": "completed", "next_date": False, "date_done": fields.Datetime.now()})
        return result

    # ------------------------------------------------------------
    # Message body
    # ------------------------------------------------------------

    @api.model
    def _talent_html_has_text(self, html):
        """Whether ``html`` shows something: text once tags and whitespace are stripped,
        dynamic output (``t-out``, ``{{ }}``) or an image."""
        if is_html_empty(html):
            return False
        return bool(html2plaintext(html).strip() or DYNAMIC_CONTENT_RE.search(html))

    def _talent_empty_body_languages(self):
        """Names of the installed languages in which the message of ``self`` (an email or SMS
        step) is empty; empty list when it has text in every language, or is a task."""
        self.ensure_one()
        if self.channel == "email":
            template, fname, has_text = self.sudo().mail_template_id, "body_html", self._talent_html_has_text
        elif self.channel == "sms":
            template, fname, has_text = self.sudo().sms_template_id, "body", lambda body: bool((body or "").strip())
        else:
            return []
        if not template:
            return [self.env._("all languages")]
        return [
            name
            for code, name in self.env["res.lang"].get_installed()
            if not has_text(template.with_context(lang=code)[fname])
        ]

    def _talent_has_body(self):
        """Whether the message of ``self`` has text in every language (always true for tasks):
        a step without one is never sent."""
        self.ensure_one()
        return not self._talent_empty_body_languages()

    def _talent_check_body(self):
        """Refuse email and SMS steps whose message is empty (the sequence would send empty messages)."""
        for step in self:
            languages = step._talent_empty_body_languages()
            if not languages:
                continue
            template = step.mail_template_id if step.channel == "email" else step.sms_template_id
            raise ValidationError(
                self.env._(
                    "Step %(step)s of the sequence %(sequence)s: the message of the template %(template)s is empty "
                    "(%(languages)s). Write the text of the message before the sequence runs: empty messages "
                    "are never sent.",
                    step=step.name,
                    sequence=step.sequence_id.name,
                    template=template.sudo().name or "-",
                    languages=", ".join(languages),
                )
            )

    # ------------------------------------------------------------
    # Tracking mailing
    # ------------------------------------------------------------

    def _talent_mailing_values(self):
        self.ensure_one()
        name = self.env._("Nurture: %(sequence)s / %(step)s", sequence=self.sequence_id.name, step=self.name)
        values = {
            "subject": self.mail_template_id.subject or self.name,
            "name": name,
            "mailing_type": "mail" if self.channel == "email" else "sms",
            "mailing_model_id": self.env["ir.model"]._get_id("hr.applicant"),
            "mailing_domain": "[('id', '=', 0)]",
            "state": "done",
            "active": False,
            "keep_archives": False,
            "talent_sequence_step_id": self.id,
        }
        if self.channel == "sms":
            values.update(sms_template_id=self.sms_template_id.id, body_plaintext=self.sms_template_id.body)
        return values

    def _talent_ensure_mailing(self):
        """Give email and SMS steps their hidden tracking mailing (created in sudo: recruiters need no
        Email Marketing rights to run sequences)."""
        for step in self.sudo().filtered(lambda s: s.channel in MESSAGE_CHANNELS):
            values = step._talent_mailing_values()
            if step.mailing_id:
                step.mailing_id.write({key: values[key] for key in ("subject", "mailing_type")})
            else:
                step.mailing_id = self.env["mailing.mailing"].sudo().create(values)

    # ------------------------------------------------------------
    # Navigation and scheduling helpers
    # ------------------------------------------------------------

    def _talent_following_step(self, exclude=None):
        """The step after ``self`` in its sequence (ignoring ``exclude``), or an empty recordset."""
        self.ensure_one()
        steps = self.sequence_id.step_ids - (exclude or self.browse())
        ordered = steps.sorted(lambda s: (s.sequence, s.id))
        later = ordered.filtered(lambda s: (s.sequence, s.id) > (self.sequence, self.id))
        return later[:1]

    def _talent_previous_email_step(self):
        """The closest email step before ``self`` in its sequence (the one conditions look at)."""
        self.ensure_one()
        earlier = self.sequence_id.step_ids.filtered(
            lambda s: s.channel == "email" and (s.sequence, s.id) < (self.sequence, self.id)
        )
        return earlier.sorted(lambda s: (s.sequence, s.id))[-1:]

    def _talent_window_next_open(self, when, tz_name):
        """First moment at or after ``when`` (naive UTC) inside the send window, as naive UTC.

        Returns ``when`` itself when it already falls inside the window.
        """
        self.ensure_one()
        if not self.window_enabled:
            return when
        try:
            tz = pytz.timezone(tz_name or "UTC")
        except pytz.UnknownTimeZoneError:
            tz = pytz.utc
        local = pytz.utc.localize(when).astimezone(tz)
        allowed_days = {index for index, fname in enumerate(WEEKDAY_FIELDS) if self[fname]}
        hour_from, hour_to = self.window_hour_from, self.window_hour_to
        for offset in range(8):
            day = local.date() + timedelta(days=offset)
            if day.weekday() not in allowed_days:
                continue
            start = tz.localize(datetime.combine(day, time()) + timedelta(hours=hour_from))
            end = tz.localize(datetime.combine(day, time()) + timedelta(hours=hour_to))
            if local < start:
                return start.astimezone(pytz.utc).replace(tzinfo=None)
            if local < end:
                return when
        return when  # unreachable with at least one allowed day
