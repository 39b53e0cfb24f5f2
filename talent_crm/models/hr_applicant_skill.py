# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class HrApplicantSkill(models.Model):
    _inherit = "hr.applicant.skill"

    # matching: the skill lines of a job's skills, read from the index alone
    _talent_skill_applicant_idx = models.Index("(skill_id, applicant_id) INCLUDE (skill_level_id)")
