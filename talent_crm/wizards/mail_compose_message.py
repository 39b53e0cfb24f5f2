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
        sequence = step.sudo().sequence_id
        return self._talent_send_mass_mail(
            step.sudo().mailing_id,
            step.mail_template_id,
            talents,
            author=sequence.user_id.partner_id,
            render_user=sequence._talent_render_user(),
        )

    @api.model
    def _talent_send_mass_mail(self, mailing, template, talents, author=None, render_user=None):
        """Queue ``template`` for ``talents`` as messages of ``mailing`` (see above); shared by
        nurture steps and job alerts. Returns ``{talent_id: mailing.trace}``.

        ``render_user``: the template is rendered with this user's access rights (a nurture
        sequence's owner), not as superuser; a field or record the user may not read makes the
        rendering fail rather than leak."""
        mailing = mailing.sudo()
        # the personal links the templates render need each person's key: made in one query
        talents.partner_id._talent_ensure_access_keys()
        composer = (
            self.sudo()
            .with_context(
                talent_nurture_link_tracker=mailing._get_link_tracker_values(),
                talent_render_user_id=render_user.id if render_user and not render_user._is_superuser() else False,
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

    def _render_field(self, field, res_ids, *args, **kwargs):
        render_user_id = self.env.context.get("talent_render_user_id")
        if not render_user_id or not self.template_id:
            return super()._render_field(field, res_ids, *args, **kwargs)
        return self._talent_render_as(render_user_id, field, res_ids, *args, **kwargs)

    def _talent_render_as(self, render_user_id, field, res_ids, *args, **kwargs):
        """Render ``field`` from the template as user ``render_user_id``: the records are read
        with that user's rights (record rules, field groups)."""
        template_field = {"body": "body_html"}.get(field, field)
        user = self.env["res.users"].sudo().browse(render_user_id)
        template = self.template_id.with_user(user).with_context(
            talent_render_user_id=False, allowed_company_ids=user.company_ids.ids
        )
        # record rules are checked when records are fetched, not on values other code already
        # read in this transaction: check them for the rendered records explicitly
        template.env[self.model].browse(res_ids).check_access("read")
        return template._render_field(template_field, res_ids, *args, **kwargs)
