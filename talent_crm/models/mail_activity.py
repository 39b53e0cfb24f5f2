# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MailActivity(models.Model):
    """Recruiter tasks of nurture steps: marking one done logs the touch it stands for."""

    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        executions = (
            self.env["talent.sequence.execution"]
            .sudo()
            .search([("activity_id", "in", self.ids), ("state", "=", "task")])
        )
        if executions:
            now = fields.Datetime.now()
            touches = (
                self.env["talent.touch"]
                .sudo()
                .create(
                    [
                        {
                            "partner_id": execution.partner_id.id,
                            "talent_id": execution.talent_id.id,
                            "company_id": execution.company_id.id,
                            "date": now,
                            "direction": "outbound",
                            "channel": execution.channel,
                            "summary": self.env._(
                                "%(sequence)s: %(step)s",
                                sequence=execution.sequence_id.name,
                                step=execution.activity_id.summary or execution.step_id.name,
                            ),
                            "origin": "sequence",
                            "res_model": "talent.sequence.enrollment",
                            "res_id": execution.enrollment_id.id,
                            "user_id": self.env.user.id,
                        }
                        for execution in executions
                    ]
                )
            )
            for execution, touch in zip(executions, touches, strict=True):
                execution.write({"state": "task_done", "touch_id": touch.id})
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)

    def unlink(self):
        self.env["talent.sequence.execution"].sudo().search(
            [("activity_id", "in", self.ids), ("state", "=", "task")]
        ).write({"state": "skipped", "skip_reason": "task_cancelled"})
        return super().unlink()
