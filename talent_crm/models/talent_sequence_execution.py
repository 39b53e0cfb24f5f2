# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class TalentSequenceExecution(models.Model):
    """What one step did for one enrollment: the message sent (with its trace), the task created,
    or why the step was skipped.

    At most one execution exists per enrollment, step and cycle (a database constraint): it is
    created in the same transaction as the email, SMS or task, so a step can never run twice.
    """

    _name = "talent.sequence.execution"
    _description = "Nurture Step Execution"
    _order = "date desc, id desc"
    _rec_name = "step_id"

    enrollment_id = fields.Many2one(
        "talent.sequence.enrollment", required=True, index=True, ondelete="cascade", readonly=True
    )
    step_id = fields.Many2one("talent.sequence.step", required=True, index=True, ondelete="cascade", readonly=True)
    cycle = fields.Integer(
        default=0, readonly=True, help="0 for the first run of the sequence, then 1, 2, ... for repeats."
    )
    # copied from the enrollment at creation (history does not move): filters, grouping, record rules
    sequence_id = fields.Many2one(
        "talent.sequence", string="Nurture Sequence", index=True, ondelete="cascade", readonly=True
    )
    talent_id = fields.Many2one("hr.applicant", index=True, ondelete="cascade", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Contact", ondelete="cascade", readonly=True)
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    channel = fields.Selection(
        [("email", "Email"), ("sms", "SMS"), ("linkedin", "LinkedIn touch"), ("call", "Call")],
        required=True,
        readonly=True,
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    state = fields.Selection(
        [
            ("sent", "Sent"),
            ("task", "Task open"),
            ("task_done", "Task done"),
            ("skipped", "Skipped"),
            ("failed", "Failed"),
        ],
        required=True,
        readonly=True,
    )
    skip_reason = fields.Selection(
        [
            ("condition", "Condition not met"),
            ("no_email", "No valid email address"),
            ("no_phone", "No valid mobile number"),
            ("no_consent", "No valid consent"),
            ("cancelled", "Cancelled by the mailing engine"),
            ("task_cancelled", "Task cancelled"),
            ("empty_body", "Empty message"),
        ],
        readonly=True,
    )
    error = fields.Text(readonly=True)
    touch_id = fields.Many2one("talent.touch", index="btree_not_null", ondelete="set null", readonly=True)
    mailing_trace_id = fields.Many2one(
        "mailing.trace", string="Trace", index="btree_not_null", ondelete="set null", readonly=True
    )
    trace_status = fields.Selection(related="mailing_trace_id.trace_status", string="Delivery")
    trace_clicked = fields.Datetime(related="mailing_trace_id.links_click_datetime", string="Clicked On")
    activity_id = fields.Many2one(
        "mail.activity", string="Task", index="btree_not_null", ondelete="set null", readonly=True
    )

    _enrollment_step_cycle_uniq = models.Constraint(
        "UNIQUE(enrollment_id, step_id, cycle)", "A step runs only once per enrollment."
    )

    def _talent_mark_undelivered(self):
        """The queued message of these executions never left (mail server failure, cancelled
        at sending time): they are failed, and the touch they logged did not happen, so it
        no longer counts toward the caps nor dates the person's last contact."""
        executions = self.filtered(lambda execution: execution.state == "sent")
        if not executions:
            return
        for execution in executions:
            trace = execution.mailing_trace_id
            execution.write(
                {
                    "state": "failed",
                    "error": trace.failure_reason or trace.failure_type or self.env._("Not delivered"),
                }
            )
        touches = executions.touch_id
        partners = touches.partner_id
        dates = {touch.partner_id.id: touch.date for touch in touches}
        touches.unlink()
        partners._talent_recompute_touch_dates(
            forget={partner_id: date for partner_id, date in dates.items()}
        )
