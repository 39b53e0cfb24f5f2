# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# factor key -> (company weight field, default weight)
MATCH_WEIGHT_FIELDS = {
    "skills_required": ("talent_match_weight_skills_required", 35),
    "skills_nice": ("talent_match_weight_skills_nice", 10),
    "text": ("talent_match_weight_text", 20),
    "location": ("talent_match_weight_location", 10),
    "seniority": ("talent_match_weight_seniority", 10),
    "availability": ("talent_match_weight_availability", 10),
    "engagement": ("talent_match_weight_engagement", 5),
}


class ResCompany(models.Model):
    _inherit = "res.company"

    talent_match_weight_skills_required = fields.Integer(string="Required Skills Weight", default=35)
    talent_match_weight_skills_nice = fields.Integer(string="Nice-to-have Skills Weight", default=10)
    talent_match_weight_text = fields.Integer(string="Text Relevance Weight", default=20)
    talent_match_weight_location = fields.Integer(string="Location Weight", default=10)
    talent_match_weight_seniority = fields.Integer(string="Seniority Weight", default=10)
    talent_match_weight_availability = fields.Integer(string="Availability Weight", default=10)
    talent_match_weight_engagement = fields.Integer(string="Engagement Weight", default=5)
    talent_match_penalty_dnc = fields.Integer(
        string="Do-not-contact Penalty", default=50, help="Points taken off the score of people marked do-not-contact."
    )
    talent_match_penalty_recent = fields.Integer(
        string="Recently Contacted Penalty", default=20, help="Points taken off when the person was contacted lately."
    )
    talent_match_recent_days = fields.Integer(
        string="Recently Contacted (days)", default=14, help="A contact within this many days counts as recent."
    )

    @api.constrains(
        *[field for field, _default in MATCH_WEIGHT_FIELDS.values()],
        "talent_match_penalty_dnc",
        "talent_match_penalty_recent",
        "talent_match_recent_days",
    )
    def _check_talent_match_weights(self):
        fnames = [field for field, _default in MATCH_WEIGHT_FIELDS.values()]
        for company in self:
            values = [company[f] for f in fnames]
            penalties = [company.talent_match_penalty_dnc, company.talent_match_penalty_recent]
            if any(v < 0 for v in values + penalties) or company.talent_match_recent_days < 0:
                raise ValidationError(self.env._("Matching weights, penalties and days cannot be negative."))
            if any(v > 100 for v in penalties):
                raise ValidationError(self.env._("A matching penalty is at most 100 points."))

    def _talent_match_weights(self):
        self.ensure_one()
        return {key: self[field] for key, (field, _default) in MATCH_WEIGHT_FIELDS.items()}
