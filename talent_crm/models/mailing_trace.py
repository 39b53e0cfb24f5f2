# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MailingTrace(models.Model):
    """Nurture reacts to what happens to its messages: engagement becomes inbound touches,
    a reply or a hard bounce ends the enrollment."""

    _inherit = "mailing.trace"

    # engagement report: "was this the last message before the address was blacklisted?"
    _talent_email_sent_idx = models.Index("(email, sent_datetime)")

    def write(self, vals):
        watched = "trace_status" in vals or vals.get("links_click_datetime")
        before = {}
        if watched:
            before = {trace.id: (trace.trace_status, trace.links_click_datetime) for trace in self}
        result = super().write(vals)
        if watched:
            self._talent_nurture_on_update(before)
        return result

    def _talent_nurture_on_update(self, before):
        executions = self.env["talent.sequence.execution"].sudo().search([("mailing_trace_id", "in", self.ids)])
        if not executions:
            return
        per_trace = {execution.mailing_trace_id.id: execution for execution in executions}
        touch_values = []
        replied, bounced, undelivered = self.browse(), self.browse(), self.browse()
        now = fields.Datetime.now()
        for trace in self.filtered(lambda t: t.id in per_trace):
            old_status, old_click = before.get(trace.id, (False, False))
            execution = per_trace[trace.id]
            events = []
            if trace.trace_status == "reply" and old_status != "reply":
                events.append("reply")
                replied |= trace
            elif trace.trace_status == "open" and old_status not in ("open", "reply"):
                events.append("open")
            if trace.links_click_datetime and not old_click:
                events.append("click")
            if trace.trace_status == "bounce" and old_status != "bounce":
                bounced |= trace
            if trace.trace_status in ("error", "cancel") and old_status not in ("error", "cancel"):
                undelivered |= trace
            for event in events:
                touch_values.append(
                    {
                        "partner_id": execution.partner_id.id,
                        "talent_id": execution.talent_id.id,
                        "company_id": execution.company_id.id,
                        "date": now,
                        "direction": "inbound",
                        "channel": execution.channel,
                        "engagement": event,
                        "summary": self.env._(
                            "%(event)s: %(step)s",
                            event=self._talent_engagement_label(event),
                            step=execution.step_id.name,
                        ),
                        "origin": "sequence",
                        "res_model": "talent.sequence.enrollment",
                        "res_id": execution.enrollment_id.id,
                        "mailing_trace_id": trace.id,
                        "counts_toward_cap": False,
                    }
                )
        if touch_values:
            self.env["talent.touch"].sudo().create(touch_values)
        if undelivered:
            executions.filtered(lambda x: x.mailing_trace_id in undelivered)._talent_mark_undelivered()
        enrollments = executions.enrollment_id
        if replied:
            enrollments.filtered(
                lambda e: e in executions.filtered(lambda x: x.mailing_trace_id in replied).enrollment_id
            )._talent_stop("reply")
        if bounced:
            enrollments.filtered(
                lambda e: e in executions.filtered(lambda x: x.mailing_trace_id in bounced).enrollment_id
            )._talent_stop("bounce")

    def _talent_engagement_label(self, event):
        return {
            "open": self.env._("Opened"),
            "click": self.env._("Clicked"),
            "reply": self.env._("Replied"),
        }[event]
