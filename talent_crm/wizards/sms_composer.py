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
        render_user = step.sudo().sequence_id._talent_render_user()
        composer = (
            self.sudo()
            .with_context(
                active_id=False,
                lang=None,
                talent_render_user_id=False if render_user._is_superuser() else render_user.id,
            )
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

    def _prepare_body_values(self, records):
        """Nurture SMS render with the rights of the sequence's owner (see mail.compose.message)."""
        render_user_id = self.env.context.get("talent_render_user_id")
        if not render_user_id:
            return super()._prepare_body_values(records)
        user = self.env["res.users"].sudo().browse(render_user_id)
        owner_env = self.with_user(user).with_context(
            talent_render_user_id=False, allowed_company_ids=user.company_ids.ids
        ).env
        # record rules are checked on fetch only: check them for the rendered records explicitly
        records.with_env(owner_env).check_access("read")
        composer = self.sudo()
        additional_context = composer._get_additional_render_context().get("body", {})
        if composer.template_id and composer.body == composer.template_id.body:
            return composer.template_id.with_env(owner_env)._render_field(
                "body", records.ids, compute_lang=True, add_context=additional_context
            )
        return owner_env["mail.render.mixin"]._render_template(
            composer.body, records._name, records.ids, add_context=additional_context
        )
