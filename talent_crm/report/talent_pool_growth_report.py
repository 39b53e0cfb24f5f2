# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL, LazyTranslate

from ..models.talent_pool_membership import JOIN_METHODS

# Labels of empty groups ("No source"): translated lazily, in this module (pylint-odoo's
# translation-field does not know falsy_value_label, which Odoo does not translate by itself)
_lt = LazyTranslate(__name__)


class TalentPoolGrowthReport(models.Model):
    """Pool growth: one row per member joining or leaving a pool, from the membership log.

    Grouped by month (and pool, source or way of joining) it gives the members joined, the
    members who left and the net growth; summed from the first day it gives the pool's size.
    """

    _name = "talent.pool.growth.report"
    _inherit = ["talent.report.mixin"]
    _description = "Talent Pool Growth"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "talent_id"

    date = fields.Datetime(readonly=True)
    event = fields.Selection([("joined", "Joined"), ("left", "Left")], readonly=True)
    pool_id = fields.Many2one("hr.talent.pool", readonly=True)
    talent_id = fields.Many2one("hr.applicant", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    source_id = fields.Many2one(
        "utm.source",
        readonly=True,
        falsy_value_label=_lt("No source"),  # pylint: disable=translation-field
    )
    join_method = fields.Selection(JOIN_METHODS, string="Joined Through", readonly=True)
    joined_count = fields.Integer(string="Joined", readonly=True)
    left_count = fields.Integer(string="Left", readonly=True)
    net_count = fields.Integer(string="Net Growth", readonly=True)

    def _query(self):
        return SQL(
            """
            SELECT membership.id * 2 AS id,
                   membership.date_joined AS date,
                   'joined' AS event,
                   membership.pool_id,
                   membership.talent_id,
                   membership.company_id,
                   talent.source_id,
                   membership.join_method,
                   1 AS joined_count,
                   0 AS left_count,
                   1 AS net_count
              FROM talent_pool_membership membership
              JOIN hr_applicant talent ON talent.id = membership.talent_id
            UNION ALL
            SELECT membership.id * 2 + 1 AS id,
                   membership.date_left AS date,
                   'left' AS event,
                   membership.pool_id,
                   membership.talent_id,
                   membership.company_id,
                   talent.source_id,
                   membership.join_method,
                   0 AS joined_count,
                   1 AS left_count,
                   -1 AS net_count
              FROM talent_pool_membership membership
              JOIN hr_applicant talent ON talent.id = membership.talent_id
             WHERE membership.date_left IS NOT NULL
            """
        )
