# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class HrApplicant(models.Model):
    """Merge fields of the job alert email."""

    _inherit = "hr.applicant"

    talent_alert_job_id = fields.Many2one(
        "hr.job", compute="_compute_talent_alert_job_id", string="Job of the Alert (merge field)"
    )
    # No field holds a personal link: templates write the placeholders of
    # mail_render_mixin_campaign (/talent/my-preferences, /talent/my-job/<id>), replaced
    # for each recipient when the email leaves (mail_mail).

    @api.depends_context("talent_job_alert_job_id")
    def _compute_talent_alert_job_id(self):
        job = self.env["hr.job"].sudo().browse(self.env.context.get("talent_job_alert_job_id") or []).exists()
        for applicant in self:
            applicant.talent_alert_job_id = job

    def mail_allowed_qweb_expressions(self):
        # merge fields of the talent newsletter that marketers (not template editors) may keep
        return super().mail_allowed_qweb_expressions() + (
            "object.talent_nurture_first_name",
            "object.partner_name",
            "object.company_id.name",
        )

    def _talent_job_apply_url(self, job=None):
        """Signed link of the person to say "I am interested" in ``job`` (one click, no account)."""
        self.ensure_one()
        job = job or self.talent_alert_job_id
        token = self.partner_id._talent_access_token("job_apply", self.company_id or None, job=job)
        return "%s/talent/jobs/%s/apply/%s" % (self.get_base_url(), job.id, token)

    def _talent_job_alert_clicked(self, job):
        """The person opened the apply link of the alert for ``job``: a click on the alert's
        trace (once), which the engagement hooks turn into a touch."""
        self.ensure_one()
        alert = self.env["talent.job.alert"].sudo().search(
            [("job_id", "=", job.id), ("partner_id", "=", self.partner_id.id), ("mailing_trace_id", "!=", False)],
            limit=1,
        )
        trace = alert.mailing_trace_id
        if trace and not trace.links_click_datetime:
            trace.set_clicked()
        return trace

    def _talent_job_alert_apply(self, job):
        """The person answered a job alert with "I am interested": an application for ``job``
        (or the ongoing one), logged on the talent. Returns the application."""
        self.ensure_one()
        wizard = self.env["job.add.applicants"].sudo().create(
            {"applicant_ids": [fields.Command.set(self.ids)], "job_ids": [fields.Command.set(job.ids)]}
        )
        created, reused = wizard._talent_convert()
        company = self.company_id or job.company_id or self.env.company
        self.partner_id._talent_log_community_event(
            company,
            self.env._("Answered the job alert for %(job)s: interested.", job=job.name),
            engagement="other",
        )
        return created | reused
