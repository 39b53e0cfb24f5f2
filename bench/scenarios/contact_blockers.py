# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import fields
from odoo.fields import Domain

from . import Scenario

# every reason the email channel knows, each given to a slice of the partners before the run
CASES = ("do_not_contact", "no_email", "blacklisted", "bounced", "no_consent", "unconfirmed", "erasure_requested")


class ContactBlockers(Scenario):
    name = "contact_blockers"
    title = "Contactability of 10k partners (email)"
    description = (
        "res.partner._talent_contact_blockers('email') on the partners of up to 10,000 talents, every reason "
        "present in the data (do-not-contact, no email, blacklisted, bounced, no consent, unconfirmed sign-up, "
        "erasure requested; set up before each run). Baseline: what a competent developer writes with the "
        "ORM, one set-wise search per reason over the same partners."
    )
    baseline_label = "one ORM search per reason"
    sequence = 30
    requires = ("res.partner:_talent_contact_blockers",)

    def setup(self, env):
        talents = env["hr.applicant"].search([("pool_applicant_id", "!=", False)], limit=10000, order="id")
        partners = talents.partner_id.sudo()
        company = env.company
        company.sudo().talent_require_consent = True
        ids = partners.ids
        # one partner in 50 per case, disjoint slices, so each reason shows on its own
        slices = {case: ids[index::50][:200] for index, case in enumerate(CASES)}
        browse = partners.browse
        browse(slices["do_not_contact"]).write({"talent_do_not_contact": True})
        browse(slices["no_email"]).write({"email": False})
        env["mail.blacklist"].sudo().create(
            [{"email": email} for email in set(browse(slices["blacklisted"]).mapped("email_normalized")) if email]
        )
        for partner in browse(slices["bounced"]):
            partner.talent_bounced_email = partner.email_normalized
        consent = env["talent.consent"].sudo().with_context(tracking_disable=True)
        communication = [("partner_id", "in", ids), ("company_id", "=", company.id), ("purpose", "=", "communication")]
        # the two consent cases start from no consent at all; everyone else gets a valid one
        consent.search(
            communication + [("partner_id", "in", slices["no_consent"] + slices["unconfirmed"]),
                             ("date_withdrawn", "=", False)]
        ).write({"date_withdrawn": fields.Datetime.now()})
        has_basis = set(consent.search(communication + [("state", "=", "valid")]).partner_id.ids)
        consent.create([
            {"partner_id": partner_id, "company_id": company.id, "purpose": "communication"}
            for partner_id in set(ids) - set(slices["no_consent"]) - set(slices["unconfirmed"]) - has_basis
        ])
        consent.create([
            {"partner_id": partner_id, "company_id": company.id, "purpose": "communication",
             "confirmation_required": True}
            for partner_id in slices["unconfirmed"]
        ])
        env["talent.erasure.request"].sudo().with_context(tracking_disable=True).create([
            {"partner_id": partner_id, "company_id": company.id, "state": "requested"}
            for partner_id in slices["erasure_requested"]
        ])
        env.flush_all()
        return ids

    def records(self, env, state):
        return len(state)

    def result_key(self, env, result):
        present = {reason for reasons in result.values() for reason in reasons}
        if missing := set(CASES) - present:
            raise AssertionError("the bench data lacks the blocker(s) %s" % ", ".join(sorted(missing)))
        return {partner_id: sorted(reasons) for partner_id, reasons in result.items()}

    def fast(self, env, state):
        return env["res.partner"].browse(state)._talent_contact_blockers("email")

    def baseline(self, env, state):
        company = env.company
        partners = env["res.partner"].sudo().with_context(active_test=False)
        consents = env["talent.consent"].sudo()
        mine = Domain("id", "in", state)
        blockers = defaultdict(list)

        def add(reason, ids):
            for partner_id in ids:
                blockers[partner_id].append(reason)

        add("do_not_contact", partners.search(mine & Domain("talent_do_not_contact", "=", True)).ids)
        add("no_email", partners.search(mine & Domain("email_normalized", "=", False)).ids)
        with_email = mine & Domain("email_normalized", "!=", False)
        blacklisted = partners.search(with_email & Domain("is_blacklisted", "=", True))
        add("blacklisted", blacklisted.ids)
        bounced = partners.search(with_email & Domain("id", "not in", blacklisted.ids)).filtered(
            lambda p: p.talent_bounced_email == p.email_normalized
        )
        add("bounced", bounced.ids)
        communication = (
            Domain("partner_id", "in", state)
            & Domain("company_id", "=", company.id)
            & Domain("purpose", "=", "communication")
        )
        with_basis = set(consents.search(communication & Domain("state", "=", "valid")).partner_id.ids)
        if company.talent_require_consent:
            add("no_consent", [partner_id for partner_id in state if partner_id not in with_basis])
        pending = set(consents.search(
            Domain("partner_id", "in", state) & Domain("company_id", "=", company.id) & Domain("state", "=", "pending")
        ).partner_id.ids)
        add("unconfirmed", sorted(pending - with_basis))
        requests = env["talent.erasure.request"].sudo().search(
            [("partner_id", "in", state), ("state", "=", "requested")]
        )
        add("erasure_requested", requests.partner_id.ids)
        return dict(blockers)
