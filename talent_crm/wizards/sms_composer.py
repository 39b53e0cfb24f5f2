# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class SmsComposer(models.TransientModel):
    _inherit = "sms.composer"

    @api.model
    def _talent_nurture_send_mass_sms(self, step, talents):
        """Queue ``step``'s SMS for ``talents`` through SMS Marketing's composer (traces, opt-out link).

        The SMS wait in the SMS queue until the scheduler's transaction commits. Returns
        ``{talent_id: mailing.trace}``.
        """
        mailing = step.sudo().mailing_id
        composer = (
            self.sudo()
            .with_context(active_id=False, lang=None)
            .create(
                {
                    "composition_mode": "mass",
                    "res_model": "hr.applicant",
                    "res_ids": repr(talents.ids),
                    "template_id": step.sms_template_id.id,
                    "mailing_id": mailing.id,
                    "mass_keep_log": True,
                    "mass_force_send": False,
                    "mass_sms_allow_unsubscribe": True,
                    "use_exclusion_list": True,
                }
            )
        )
        composer._action_send_sms_mass(talents.browse(talents.ids))
        return mailing._talent_traces_per_record(talents.ids)
