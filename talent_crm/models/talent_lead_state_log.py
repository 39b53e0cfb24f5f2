# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

LEAD_STATES = [
    ("captured", "Captured"),
    ("qualified", "Qualified"),
    ("activated", "Activated"),
    ("converted", "Converted"),
    ("hired", "Hired"),
    ("not_interested", "Not Interested"),
    ("do_not_contact", "Do Not Contact"),
]
# Position in the funnel; closed outcomes are off the funnel.
LEAD_FUNNEL_RANK = {"captured": 1, "qualified": 2, "activated": 3, "converted": 4, "hired": 5}
LEAD_CLOSED_STATES = ("not_interested", "do_not_contact")
# States that only the hand-over to Recruitment sets (conversion, hire).
LEAD_SYSTEM_STATES = ("converted", "hired")

LEAD_ORIGINS = [
    ("manual", "Recruiter"),
    ("conversion", "Conversion to applicant"),
    ("ats", "Recruitment"),
    ("system", "Automatic"),
    ("signup", "Web Sign-up"),
]
# Origins of moves the person made themselves: no user of the database moved them.
LEAD_PERSON_ORIGINS = ("signup",)


class TalentLeadStateLog(models.Model):
    """One move of a talent through the lead funnel: from, to, when, by whom and why.

    The log is what pipeline velocity (days per state) and conversion rates are computed
    from (see ``talent.lead.funnel.report``). It is written by the talent's ``write``,
    never by hand.
    """

    _name = "talent.lead.state.log"
    _description = "Lead State Change"
    _order = "date desc, id desc"
    _rec_name = "to_state"

    talent_id = fields.Many2one("hr.applicant", required=True, ondelete="cascade", readonly=True)
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    from_state = fields.Selection(LEAD_STATES, string="From", readonly=True)
    to_state = fields.Selection(LEAD_STATES, string="To", required=True, readonly=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    user_id = fields.Many2one("res.users", string="Moved By", default=lambda self: self.env.user, readonly=True)
    origin = fields.Selection(LEAD_ORIGINS, required=True, default="manual", readonly=True)
    reason = fields.Char(readonly=True)

    _talent_date_idx = models.Index("(talent_id, date, id)")

    @api.model_create_multi
    def create(self, vals_list):
        talents = self.env["hr.applicant"].browse(
            {vals["talent_id"] for vals in vals_list if not vals.get("company_id")}
        )
        company_of = {talent.id: talent.company_id.id or self.env.company.id for talent in talents}
        for vals in vals_list:
            if not vals.get("company_id"):
                vals["company_id"] = company_of[vals["talent_id"]]
            if vals.get("origin") in LEAD_PERSON_ORIGINS:
                # the person moved themselves (over the public page, as the public user)
                vals["user_id"] = False
        return super().create(vals_list)
