# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain


class TalentRetentionHold(models.Model):
    """A hold keeps a person's data past the end of its retention (litigation hold, an ongoing
    dispute, a request of an authority): the retention cron anonymises nobody while a hold of
    their company is in force on the person (their contact) or on one of their records."""

    _name = "talent.retention.hold"
    _description = "Retention Hold"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"
    _rec_name = "applicant_id"

    applicant_id = fields.Many2one(
        "hr.applicant",
        string="Talent or Application",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        domain="[('company_id', 'in', [company_id, False])]",
    )
    partner_id = fields.Many2one(
        "res.partner", string="Person", related="applicant_id.partner_id", store=True, index="btree_not_null"
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    reason = fields.Selection(
        [
            ("litigation", "Litigation hold"),
            ("dispute", "Ongoing dispute"),
            ("authority", "Request of an authority"),
            ("other", "Other"),
        ],
        required=True,
        default="dispute",
        tracking=True,
    )
    note = fields.Text(help="Why the data must be kept: file number, court, deadline.")
    date_start = fields.Date(string="Held Since", required=True, default=fields.Date.context_today, tracking=True)
    date_end = fields.Date(
        string="Held Until",
        tracking=True,
        help="Leave empty to hold until the hold is archived. After this date the normal retention applies again.",
    )
    user_id = fields.Many2one("res.users", string="Placed By", default=lambda self: self.env.user, readonly=True)
    active = fields.Boolean(default=True, tracking=True)
    in_force = fields.Boolean(compute="_compute_in_force", search="_search_in_force")

    @api.depends("applicant_id")
    def _compute_company_id(self):
        for hold in self:
            hold.company_id = hold.applicant_id.company_id or hold.company_id or self.env.company

    @api.depends("active", "date_start", "date_end")
    def _compute_in_force(self):
        today = fields.Date.context_today(self)
        for hold in self:
            hold.in_force = hold.active and hold.date_start <= today and (not hold.date_end or hold.date_end >= today)

    def _search_in_force(self, operator, value):
        if operator != "in":
            return NotImplemented
        today = fields.Date.context_today(self)
        domain = (
            Domain("active", "=", True)
            & Domain("date_start", "<=", today)
            & (Domain("date_end", "=", False) | Domain("date_end", ">=", today))
        )
        return domain if True in value else ~domain

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for hold in self:
            if hold.date_end and hold.date_end < hold.date_start:
                raise ValidationError(self.env._("A hold cannot end before it starts."))

    @api.constrains("applicant_id", "company_id")
    def _check_company(self):
        for hold in self:
            if hold.applicant_id.company_id and hold.applicant_id.company_id != hold.company_id:
                raise ValidationError(self.env._("A hold belongs to the company of the talent or application."))

    @api.model
    def _talent_held(self, applicants):
        """The records of ``applicants`` a hold in force keeps: held themselves, or a record of a
        held person (contact) in the hold's company."""
        if not applicants:
            return applicants
        holds = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                Domain("in_force", "in", [True])
                & (
                    Domain("applicant_id", "in", applicants.ids)
                    | Domain("partner_id", "in", applicants.partner_id.ids)
                )
            )
        )
        held_pairs = {(hold.partner_id.id, hold.company_id.id) for hold in holds if hold.partner_id}
        return applicants.filtered(
            lambda a: a in holds.applicant_id or (a.partner_id and (a.partner_id.id, a.company_id.id) in held_pairs)
        )
