# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Public pages of campaigns and job alerts: topic unsubscribe, "I am interested" in a job."""

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools import consteq

from odoo.addons.mass_mailing.controllers.main import MassMailController

from .main import TalentCommunityController


class TalentMassMailController(MassMailController):
    def _mailing_unsubscribe_from_document(self, mailing, document_id, email, hash_token):
        """A talent mailing on topics: the unsubscribe link of the email removes these topics only.

        Only the link of the email (its hash token, signed for the document and the address)
        acts on a person. Without it (a logged-in user opening the page) Odoo's own page answers
        for the user's own address: nobody else's topics change and no personal link is shown.
        """
        if (
            not hash_token
            or not document_id
            or not mailing.sudo().talent_topic_ids
            or not mailing._talent_is_campaign()
            or not self._talent_valid_mailing_token(mailing, document_id, email, hash_token)
        ):
            return super()._mailing_unsubscribe_from_document(mailing, document_id, email, hash_token)
        partner, removed = mailing._talent_unsubscribe_topics(document_id, email)
        document = request.env["hr.applicant"].sudo().with_context(active_test=False).browse(int(document_id))
        company = (document.exists().company_id or mailing._talent_company()).sudo()
        talent = partner._talent_get_company_talent(company) if partner else partner
        link = talent._talent_preference_url() if talent else None
        kept = partner.talent_topic_ids if partner else partner
        message = request.env._(
            "You will no longer receive: %(topics)s.",
            topics=", ".join((removed or mailing.sudo().talent_topic_ids).mapped("name")),
        )
        if kept:
            message += " " + request.env._(
                "You still receive: %(topics)s.", topics=", ".join(kept.mapped("name"))
            )
        return TalentCommunityController()._talent_message(
            company,
            request.env._("You are unsubscribed"),
            message,
            link=link,
            link_label=request.env._("Manage all my preferences"),
        )

    @staticmethod
    def _talent_valid_mailing_token(mailing, document_id, email, hash_token):
        """Whether ``hash_token`` is the mailing's token of ``document_id`` and ``email`` (Odoo's
        routes check it before calling us; checked again here, never trusted from the caller)."""
        try:
            document_id = int(document_id)
        except (TypeError, ValueError):
            return False
        if not email or not isinstance(hash_token, str):
            return False
        return consteq(mailing.sudo()._generate_mailing_recipient_token(document_id, email), hash_token)


class TalentJobAlertController(TalentCommunityController):
    @http.route(
        "/talent/jobs/<int:job_id>/apply/<string:token>",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        website=True,
        sitemap=False,
    )
    def talent_job_apply(self, job_id, token, **post):
        job = request.env["hr.job"].sudo().browse(job_id).exists()
        partner, company = request.env["res.partner"]._talent_from_token("job_apply", token, job=job)
        talent = partner._talent_get_company_talent(company) if partner else partner
        if not talent or not job or job.company_id not in (company, request.env["res.company"]):
            return self._talent_invalid_link()
        if not job._talent_job_is_open():
            return self._talent_message(
                company,
                request.env._("This job is no longer open"),
                request.env._("Thank you for your interest: we will let you know about the next matching job."),
            )
        if request.httprequest.method != "POST":
            # the personal link is not tracked (see mail_render_mixin): opening it is the click
            talent._talent_job_alert_clicked(job)
            return self._talent_render(
                "talent_crm.talent_job_alert_apply", company, {"job": job, "token": token, "talent": talent}
            )
        try:
            talent._talent_job_alert_apply(job)
        except UserError as error:
            return self._talent_message(company, request.env._("We could not register your interest"), str(error))
        return self._talent_message(
            company,
            request.env._("Thank you for your interest"),
            request.env._(
                "Your application for %(job)s is registered: our recruiting team will get back to you soon.",
                job=job.name,
            ),
        )
