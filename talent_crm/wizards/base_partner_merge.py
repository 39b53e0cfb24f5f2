# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    """Contacts merged with Odoo's own merge keep exact touch dates.

    The merge moves the touches to the remaining contact in SQL: its last contact,
    engagement and counted-touch dates (which the frequency caps read) are set again from
    the touches it now has, whoever started the merge (Contacts, or a talent merge).
    """

    _inherit = "base.partner.merge.automatic.wizard"

    def _merge(self, partner_ids, dst_partner=None, extra_checks=True):
        """Every contact merged is changed or deleted: the user must be allowed to write each
        one (a talent merge calls this as the user who merges, see hr.applicant)."""
        if not self.env.su:
            self.env["res.partner"].browse(partner_ids).exists().check_access("write")
        return super()._merge(partner_ids, dst_partner=dst_partner, extra_checks=extra_checks)

    def _log_merge_operation(self, src_partners, dst_partner):
        result = super()._log_merge_operation(src_partners, dst_partner)
        self.env["talent.touch"].flush_model()
        self.env["talent.touch"].invalidate_model(["partner_id"])
        dst_partner._talent_recompute_touch_dates()
        return result

    def _update_values(self, src_partners, dst_partner):
        """Odoo fills the kept contact's empty fields from the merged ones with a plain write,
        which talent_crm's lifecycle markers (contact dates, bounces) refuse to users: the
        caller must be able to write the kept contact, then the values move as superuser."""
        dst_partner.check_access("write")
        return super()._update_values(src_partners.sudo(), dst_partner.sudo())
