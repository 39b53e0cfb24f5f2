# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class TalentMatchReveal(models.Model):
    """A person revealed in the blind shortlist of a job (issue 21): who revealed whom, for which
    job, when and why. The reveal holds for the user who made it: the others still see the person
    blind until they reveal them too, each with a reason.

    Append-only, written by the code (as superuser) when a recruiter reveals a person, and logged
    in the audit trail; read by the Talent CRM managers.
    """

    _name = "talent.match.reveal"
    _description = "Talent Revealed in a Blind Shortlist"
    _order = "date desc, id desc"
    _rec_name = "job_id"

    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    user_id = fields.Many2one("res.users", string="Revealed By", required=True, readonly=True, ondelete="cascade")
    job_id = fields.Many2one("hr.job", string="Job Position", required=True, readonly=True, ondelete="cascade")
    talent_id = fields.Many2one("hr.applicant", required=True, readonly=True, ondelete="cascade")
    company_id = fields.Many2one("res.company", required=True, readonly=True, ondelete="cascade")
    reason = fields.Text(required=True, readonly=True)

    _job_talent_user_idx = models.Index("(job_id, talent_id, user_id)")

    # ------------------------------------------------------------
    # ORM: append-only
    # ------------------------------------------------------------

    def write(self, vals):
        if vals:
            raise UserError(self.env._("A reveal cannot be changed."))
        return super().write(vals)

    # ------------------------------------------------------------
    # Business
    # ------------------------------------------------------------

    @api.model
    def _talent_revealed(self, jobs, talents):
        """``{(job_id, talent_id)}`` the current user revealed among ``jobs`` x ``talents``."""
        if not jobs or not talents:
            return set()
        rows = self.sudo()._read_group(
            [("job_id", "in", jobs.ids), ("talent_id", "in", talents.ids), ("user_id", "=", self.env.uid)],
            ["job_id", "talent_id"],
        )
        return {(job.id, talent.id) for job, talent in rows}

    @api.model
    def _talent_reveal(self, job, talent, reason, label):
        """Reveal ``talent`` in the blind shortlist of ``job`` to the current user, for ``reason``
        (required), and log it in the audit trail. ``label`` names the person as the list did
        ("Talent #3"): the trail says whom by that label and the talent's id, not by name."""
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Say why you reveal this person: the reason is recorded in the audit trail."))
        company = job.company_id or self.env.company
        reveal = self.sudo().create(
            {
                "user_id": self.env.uid,
                "job_id": job.id,
                "talent_id": talent.id,
                "company_id": company.id,
                "reason": reason,
            }
        )
        self.env["talent.audit.log"]._talent_log(
            "reveal",
            talent,
            summary=self.env._(
                "%(label)s of the blind shortlist of %(job)s revealed to %(user)s",
                label=label,
                job=job.name,
                user=self.env.user.name,
            ),
            reason=reason,
            job=job,
            company=company,
        )
        return reveal
