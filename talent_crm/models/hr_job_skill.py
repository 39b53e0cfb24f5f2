# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class HrJobSkill(models.Model):
    _inherit = "hr.job.skill"

    talent_required = fields.Boolean(
        string="Required",
        default=True,
        help="Required skills weigh in the required-skills factor of matching, the others in nice-to-have.",
    )
