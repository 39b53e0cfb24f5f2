# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

AUDIT_ACTIONS = [
    ("rank", "Ranked talents for a job"),
    ("view", "Viewed a blind list"),
    ("reveal", "Revealed a person in a blind list"),
    ("config_change", "Changed the matching configuration"),
    ("config_agreement", "Recorded a works agreement"),
    ("export", "Exported talents"),
    ("bulk_action", "Bulk action on talents"),
]
AUDIT_PURGE_BATCH = 5000


class TalentAuditLog(models.Model):
    """The audit trail of what was done with talents' data and with the matching: who ranked a
    job, viewed a blind list or revealed a person in it, changed or agreed the matching configuration,
    exported talents or ran a bulk action on them.

    Append-only: entries are written by the code (as superuser) and never changed; they are
    removed only by the retention cron once the company's audit retention has passed. Managers,
    the works council and the data-protection officer read them.
    """

    _name = "talent.audit.log"
    _description = "Talent CRM Audit Trail"
    _order = "date desc, id desc"
    _rec_name = "action"

    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now, index=True)
    user_id = fields.Many2one("res.users", readonly=True, index=True, ondelete="set null")
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True, ondelete="cascade")
    action = fields.Selection(AUDIT_ACTIONS, required=True, readonly=True, index=True)
    res_model = fields.Char(string="Model", readonly=True)
    res_ids = fields.Json(string="Records", readonly=True)
    record_count = fields.Integer(string="Records Concerned", readonly=True)
    job_id = fields.Many2one(
        "hr.job", string="Job Position", readonly=True, index="btree_not_null", ondelete="set null"
    )
    summary = fields.Text(readonly=True)
    reason = fields.Char(readonly=True)

    # ------------------------------------------------------------
    # ORM: append-only
    # ------------------------------------------------------------

    def write(self, vals):
        if vals:
            raise UserError(self.env._("The audit trail cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_by_retention(self):
        if not self.env.context.get("talent_audit_retention"):
            raise UserError(self.env._("Audit trail entries are removed only when their retention period ends."))

    # ------------------------------------------------------------
    # Writing the trail
    # ------------------------------------------------------------

    @api.model
    def _talent_log(self, action, records=None, summary=None, reason=None, job=None, company=None):
        """Append one entry: ``action`` done by the current user on ``records``."""
        records = records if records is not None else self.env["res.partner"]
        if not company and job:
            company = job.company_id
        if not company and records and "company_id" in records._fields:
            company = records[:1].company_id
        return self.sudo().create(
            {
                "user_id": self.env.uid,
                "company_id": (company or self.env.company).id,
                "action": action,
                "res_model": records._name if records else False,
                "res_ids": records.ids if records else False,
                "record_count": len(records),
                "job_id": job.id if job else False,
                "summary": summary or False,
                "reason": reason or False,
            }
        )

    # ------------------------------------------------------------
    # Retention
    # ------------------------------------------------------------

    @api.model
    def _cron_purge(self):
        """Remove the entries older than their company's audit retention (batches, committed)."""
        now = fields.Datetime.now()
        Log = self.sudo().with_context(talent_audit_retention=True)
        for company in self.env["res.company"].sudo().search([("talent_audit_retention_months", ">", 0)]):
            cutoff = now - relativedelta(months=company.talent_audit_retention_months)
            domain = Domain("company_id", "=", company.id) & Domain("date", "<", cutoff)
            while True:
                old = Log.search(domain, limit=AUDIT_PURGE_BATCH, order="id")
                if not old:
                    break
                old.unlink()
                if not self.env["ir.cron"]._commit_progress(len(old)):
                    return
