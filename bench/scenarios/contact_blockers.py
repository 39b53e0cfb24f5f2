# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo.fields import Domain

from . import Scenario


class ContactBlockers(Scenario):
    name = "contact_blockers"
    title = "Contactability of 10k partners (email)"
    description = (
        "res.partner._talent_contact_blockers('email') on the partners of up to 10,000 talents: "
        "do-not-contact, missing email, blacklist and communication consent, batched. Baseline: the "
        "same checks written per partner (a consent search_count for each)."
    )
    baseline_label = "checks per partner"
    sequence = 30
    requires = ("res.partner:_talent_contact_blockers",)

    def setup(self, env):
        talents = env["hr.applicant"].search([("pool_applicant_id", "!=", False)], limit=10000, order="id")
        return talents.partner_id.ids

    def records(self, env, state):
        return len(state)

    def fast(self, env, state):
        return env["res.partner"].browse(state)._talent_contact_blockers("email")

    def baseline(self, env, state):
        company = env.company
        consent = env["talent.consent"].sudo()
        blockers = defaultdict(list)
        for partner in env["res.partner"].sudo().browse(state):
            if partner.talent_do_not_contact:
                blockers[partner.id].append("do_not_contact")
            if not partner.email_normalized:
                blockers[partner.id].append("no_email")
            elif partner.is_blacklisted:
                blockers[partner.id].append("blacklisted")
            if company.talent_require_consent and not consent.search_count(
                Domain("partner_id", "=", partner.id)
                & Domain("company_id", "=", company.id)
                & Domain("purpose", "=", "communication")
                & Domain("state", "in", ["valid"]),
                limit=1,
            ):
                blockers[partner.id].append("no_consent")
        return dict(blockers)
