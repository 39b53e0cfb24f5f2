# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class TalentRoleFamily(models.Model):
    """A family of roles recruiters segment people by (Backend engineering, Enterprise sales, ...)."""

    _name = "talent.role.family"
    _description = "Role Family"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty to share this role family between all companies.",
    )
    color = fields.Integer()
