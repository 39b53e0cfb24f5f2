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

    def _talent_add_to_pools(self):
        """Bring every selected applicant's person into the pools; ``{applicant id: talent}``."""
        Applicant = self.env["hr.applicant"]
        talent_of = {}
        # in rounds of a fixed cost; a person met in an earlier round is found again in the next
        for batch_ids in split_every(ADD_BATCH_SIZE, self.applicant_ids.ids):
            talent_of.update(
                Applicant.browse(batch_ids)._talent_crm_ensure_talents(
                    pools=self.talent_pool_ids or None, categories=self.categ_ids
                )
            )
        return talent_of

    def _add_applicants_to_pool(self):
        """Odoo's contract: the talents of the selection, without those of applications that were
        already linked to a talent (Odoo's domain hides them; here their talent joins the pools too,
        but is not reported as the wizard's result)."""
        linked_before = self.applicant_ids.filtered(lambda a: not a.talent_pool_ids and a.pool_applicant_id)
        talent_of = self._talent_add_to_pools()
        talents = self.env["hr.applicant"]
        for applicant in self.applicant_ids - linked_before:
            talents |= talent_of[applicant.id]
        return talents

    def action_add_applicants_to_pool(self):
        talent_of = self.sudo()._talent_add_to_pools()
        talents = self.env["hr.applicant"].browse({talent.id for talent in talent_of.values()})
        if len(talents) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "hr.applicant",
                "view_mode": "form",
                "views": [(self.env.ref("hr_recruitment.hr_applicant_view_form").id, "form")],
                "target": "current",
                "res_id": talents.id,
            }
        return {"type": "ir.actions.client", "tag": "soft_reload"}
