# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Candidate self-service on the signed link of the preference centre (issue 19).

``/talent/preferences/<token>/stay``: the one-click answer to the "stay in our talent pool?"
request sent with a refusal. The link shows a page with a button (mail scanners that open links
must not answer for the person); the button confirms the pending pool consent.

``/talent/preferences/<token>/consent/<id>/withdraw``: the person withdraws one of their consents
listed on the preference centre (with its history: see ``res.partner._talent_self_service_*``).
The preference centre itself shows the person's applications and takes their profile and CV.
"""

from odoo import tools
from odoo.http import request

from .main import TalentCommunityController, preference_route


class TalentSelfServiceController(TalentCommunityController):
    @preference_route("stay", methods=("GET", "POST"))
    def talent_stay_in_pool(self, partner, company, token, **post):
        if request.httprequest.method != "POST":
            return self._talent_render("talent_crm.talent_community_stay", company, {"token": token})
        consents = request.env["talent.consent"]._talent_confirm_pool_request(
            partner, company, ip_address=self._talent_ip()
        )
        if not consents:
            return self._talent_message(
                company,
                request.env._("Nothing to confirm"),
                request.env._("This request was already answered or has ended."),
                link="/talent/preferences/%s" % token,
                link_label=request.env._("Back to my preferences"),
            )
        dates = [consent.date_expiry for consent in consents if consent.date_expiry]
        return self._talent_message(
            company,
            request.env._("Thank you, we keep your profile"),
            request.env._(
                "You are in our talent pool until %(date)s. You can change your mind at any time.",
                date=tools.format_date(request.env, max(dates)),
            )
            if dates
            else request.env._("You are in our talent pool. You can change your mind at any time."),
            link="/talent/preferences/%s" % token,
            link_label=request.env._("Back to my preferences"),
        )

    @preference_route("consent/<int:consent_id>/withdraw")
    def talent_withdraw_consent(self, partner, company, token, consent_id=0, **post):
        consent = partner._talent_self_service_withdraw(company, consent_id)
        if not consent:
            return self._talent_message(
                company,
                request.env._("Nothing to withdraw"),
                request.env._("This consent is not yours or is already withdrawn."),
                status=404,
                link="/talent/preferences/%s" % token,
                link_label=request.env._("Back to my preferences"),
            )
        return request.redirect("/talent/preferences/%s?withdrawn=1#talent_consents" % token)
