# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class TalentSeniority(models.Model):
    """Seniority levels, ordered by rank so that matching can measure a distance."""

    _name = "talent.seniority"
    _description = "Seniority Level"
    _order = "rank, id"

    name = fields.Char(required=True, translate=True)
    rank = fields.Integer(
        required=True,
        default=lambda self: self._default_rank(),
        help="Position on the career ladder: 1 for the most junior level, higher is more senior.",
    )
    active = fields.Boolean(default=True)

    _rank_positive = models.Constraint("CHECK(rank > 0)", "The rank of a seniority level must be positive.")

    @api.model
    def _default_rank(self):
        last = self.search([], order="rank desc", limit=1)
        return (last.rank or 0) + 1
