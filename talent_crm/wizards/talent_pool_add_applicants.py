# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import split_every

# Applicants brought into the CRM per round: each round costs a fixed number of queries.
ADD_BATCH_SIZE = 500


class TalentPoolAddApplicants(models.TransientModel):
    """Odoo's applicant-to-pool path, without second talents.

    Odoo copies every selected application into a new talent. Here a person gets one talent:
    their existing talent is reused (Odoo's duplicate keys), several applications of one
    person make one talent, documents come along, and the whole selection is processed in a
    fixed number of queries. Without a pool, talents land in the company's default pool.
    """

    _inherit = "talent.pool.add.applicants"

    # Odoo hides applicants whose person is already in a pool; here they get linked to that talent.
    applicant_ids = fields.Many2many(domain=[])

    def _add_applicants_to_pool(self):
        Applicant = self.env["hr.applicant"]
        talent_of = {}
        # in rounds of a fixed cost; a person met in an earlier round is found again in the next
        for batch_ids in split_every(ADD_BATCH_SIZE, self.applicant_ids.ids):
            talent_of.update(
                Applicant.browse(batch_ids)._talent_crm_ensure_talents(
                    pools=self.talent_pool_ids or None, categories=self.categ_ids
                )
            )
        talents = Applicant
        for applicant in self.applicant_ids:
            talents |= talent_of[applicant.id]
        return talents
