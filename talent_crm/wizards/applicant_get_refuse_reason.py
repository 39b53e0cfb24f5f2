# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class ApplicantGetRefuseReason(models.TransientModel):
    """Odoo's refuse wizard, with an invitation to stay in the talent community.

    Refusing itself (state back to qualified, runners-up pool) happens on the application's
    ``write``, whatever path refuses it; see ``hr.applicant._talent_lead_on_refusal``.
    """

    _inherit = "applicant.get.refuse.reason"

    talent_invite_community = fields.Boolean(
        string="Invite to the Talent Community",
        compute="_compute_talent_invite_community",
        store=True,
        readonly=False,
        precompute=True,
        help="Send an appreciative rejection that asks runners-up whether we may keep their profile in the "
        "talent pool (they stay there, pending, until they confirm with one click) and invites others to join "
        "the talent community. On by default for runners-up.",
    )
    talent_runner_up_count = fields.Integer(string="Runners-up Selected", compute="_compute_talent_runner_up_count")
    talent_preview_applicant_id = fields.Many2one(
        "hr.applicant", string="Previewed For", compute="_compute_talent_preview"
    )
    talent_preview_note = fields.Char(string="Preview Of", compute="_compute_talent_preview")
    talent_preview_subject = fields.Char(string="Preview Subject", compute="_compute_talent_preview")
    talent_preview_body = fields.Html(
        string="Preview", compute="_compute_talent_preview", sanitize="email_outgoing", sanitize_overridable=True
    )

    @api.depends("applicant_ids")
    def _compute_talent_invite_community(self):
        for wizard in self:
            wizard.talent_invite_community = bool(wizard.applicant_ids._talent_runners_up())

    @api.depends("applicant_ids")
    def _compute_talent_runner_up_count(self):
        for wizard in self:
            wizard.talent_runner_up_count = len(wizard.applicant_ids._talent_runners_up())

    @api.depends("applicant_ids", "template_id", "subject", "body", "lang")
    def _compute_talent_preview(self):
        """The email as the first selected person gets it: their name, their job, their language."""
        for wizard in self:
            applicant = wizard.applicant_ids[:1]
            wizard.talent_preview_applicant_id = applicant
            wizard.talent_preview_subject = False
            wizard.talent_preview_body = False
            if not applicant or not (wizard.subject or wizard.body):
                wizard.talent_preview_note = False
                continue
            name = applicant.partner_name or applicant.display_name
            if len(wizard.applicant_ids) > 1:
                wizard.talent_preview_note = self.env._(
                    "As %(name)s receives it (the first of the %(count)s selected applications; each person "
                    "gets their own).",
                    name=name,
                    count=len(wizard.applicant_ids),
                )
            else:
                wizard.talent_preview_note = self.env._("As %(name)s receives it.", name=name)
            # the ids of new records (the dialog not saved yet) are no database ids: render on the origin
            applicant = applicant._origin or applicant
            try:
                lang = wizard._render_lang(applicant.ids)[applicant.id]
                wizard.talent_preview_subject = wizard._render_field("subject", applicant.ids, set_lang=lang)[
                    applicant.id
                ]
                wizard.talent_preview_body = wizard._render_field("body", applicant.ids, set_lang=lang)[applicant.id]
            except UserError as error:
                wizard.talent_preview_note = self.env._(
                    "The email cannot be shown for %(name)s: %(error)s", name=name, error=error.args[0]
                )

    @api.depends("refuse_reason_id", "talent_invite_community")
    def _compute_template_id(self):
        """Runners-up wait in the Runners-up pool until they confirm: they are asked to stay in the
        talent pool (one click). Others are invited to join the talent community themselves."""
        result = super()._compute_template_id()
        invitation = self.env.ref("talent_crm.mail_template_talent_community_invitation", raise_if_not_found=False)
        request = self.env.ref("talent_crm.mail_template_talent_pool_request", raise_if_not_found=False)
        for wizard in self.filtered("talent_invite_community"):
            if request and wizard.applicant_ids._talent_runners_up():
                wizard.template_id = request
            elif invitation:
                wizard.template_id = invitation
        return result

    @api.depends("refuse_reason_id", "applicant_without_email", "talent_invite_community")
    def _compute_send_mail(self):
        result = super()._compute_send_mail()
        for wizard in self.filtered("talent_invite_community"):
            wizard.send_mail = not wizard.applicant_without_email
        return result

    def _prepare_mail_values(self, applicant):
        """The pool request carries the person's one-click link: its email is about the application,
        so that the link is made personal when it leaves (``mail.mail``), never kept in the chatter."""
        values = super()._prepare_mail_values(applicant)
        request = self.env.ref("talent_crm.mail_template_talent_pool_request", raise_if_not_found=False)
        if request and self.template_id == request and applicant.partner_id:
            values.update(model=applicant._name, res_id=applicant.id, message_type="email_outgoing")
        return values

    def _prepare_send_refusal_mails(self):
        request = self.env.ref("talent_crm.mail_template_talent_pool_request", raise_if_not_found=False)
        if request and self.template_id == request:
            # the request asks for the consent: it waits, pending, for the person's click
            self.applicant_ids._talent_ask_pool_consent()
        result = super()._prepare_send_refusal_mails()
        if self.talent_invite_community:
            self.env["talent.touch"].sudo().create(
                [
                    {
                        "partner_id": applicant.partner_id.id,
                        "talent_id": applicant.pool_applicant_id.id,
                        "company_id": applicant.company_id.id,
                        "summary": self.env._("Invited to the talent community (application refused)"),
                        "channel": "email",
                        "direction": "outbound",
                        "origin": "ats",
                        "res_model": "hr.applicant",
                        "res_id": applicant.id,
                    }
                    for applicant in self.applicant_ids
                    if applicant.partner_id
                ]
            )
        return result
