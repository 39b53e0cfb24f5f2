# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class MailComposeMessage(models.TransientModel):
    _inherit = "mail.compose.message"

    @api.model
    def _talent_nurture_send_mass_mail(self, step, talents):
        """Queue ``step``'s email for ``talents`` through Odoo's mass-mail composer, in one pass.

        The step's hidden mailing makes every email a ``mailing.trace`` (opens, clicks, replies,
        bounces, unsubscribe link). Nothing is sent here: the emails wait in the mail queue
        until the scheduler's transaction commits, so a crash before the commit sends nothing.
        Unlike ``_action_send_mail`` this renders the whole batch at once (no sub-batches, no
        forced sending, no intermediate commit). Returns ``{talent_id: mailing.trace}``.
        """
        return self._talent_send_mass_mail(
            step.sudo().mailing_id, step.mail_template_id, talents, author=step.sequence_id.user_id.partner_id
        )

    @api.model
    def _talent_send_mass_mail(self, mailing, template, talents, author=None):
        """Queue ``template`` for ``talents`` as messages of ``mailing`` (see above); shared by
        nurture steps and job alerts. Returns ``{talent_id: mailing.trace}``."""
        mailing = mailing.sudo()
        # the personal links the templates render need each person's key: made in one query
        talents.partner_id._talent_ensure_access_keys()
        composer = (
            self.sudo()
            .with_context(
                talent_nurture_link_tracker=mailing._get_link_tracker_values(),
                lang=None,
            )
            .create(
                {
                    "composition_mode": "mass_mail",
                    "model": "hr.applicant",
                    "res_ids": repr(talents.ids),
                    "template_id": template.id,
                    "mass_mailing_id": mailing.id,
                    "auto_delete": True,
                    # keep the message in the talent's chatter: replies are routed back to it
                    "auto_delete_keep_log": True,
                    "force_send": False,
                    "reply_to_force_new": False,
                    "use_exclusion_list": True,
                }
            )
        )
        # set after creation: giving it to create() would reset the template's sender
        composer.author_id = author or composer.author_id
        mail_values = composer._manage_mail_values(composer._prepare_mail_values(talents.ids))
        mails = self.env["mail.mail"].sudo().create(list(mail_values.values()))
        self.env["mail.notification"].sudo().create(composer._generate_mail_notification_values(mails))
        talents.browse(list(mail_values))._message_mail_after_hook(mails)
        return mailing._talent_traces_per_record(talents.ids)
