# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class HrSkill(models.Model):
    _inherit = "hr.skill"

    talent_cv_keywords = fields.Char(
        string="Other Spellings",
        help="Comma-separated words that mean this skill in CVs, e.g. \"Projektleitung, PM\". "
        "Translations of the skill name and common German and English spellings are found anyway.",
    )
