# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    """Contacts merged with Odoo's own merge keep exact touch dates and one job alert per job.

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

    def _update_foreign_keys(self, src_partners, dst_partner):
        self._talent_merge_job_alerts(src_partners, dst_partner)
        return super()._update_foreign_keys(src_partners, dst_partner)

    @api.model
    def _talent_merge_job_alerts(self, src_partners, dst_partner):
        """Keep one job alert per job for the remaining contact, so that nobody is alerted
        about a job twice.

        Odoo's merge moves the rows of a table in one statement and, when a unique rule refuses
        it (the two contacts were alerted about the same job), deletes every row of the merged
        contacts in that table, alerts about other jobs included: the next preparation of those
        jobs would alert the person again. So the alerts move here first, job by job: the one
        that was sent stays (the person got that one), else the remaining contact's, else the
        oldest; the others are deleted.
        """
        Alert = self.env["talent.job.alert"].sudo()
        alerts = Alert.search([("partner_id", "in", (src_partners | dst_partner).ids)])
        if not alerts.filtered(lambda alert: alert.partner_id != dst_partner):
            return
        kept, dropped = Alert, Alert
        for group in alerts.grouped("job_id").values():
            best = max(group, key=lambda alert: (alert.state == "sent", alert.partner_id == dst_partner, -alert.id))
            kept |= best
            dropped |= group - best
        dropped.unlink()
        kept.filtered(lambda alert: alert.partner_id != dst_partner).write({"partner_id": dst_partner.id})

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
