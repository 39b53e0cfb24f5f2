# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, fields

from . import Scenario


class PoolMailingRecipients(Scenario):
    """Recipients of a pool mailing (issue 6).

    ``setup`` makes a mailing on the talents of the largest pools (up to the whole base);
    ``fast`` = the talent mailing's recipient computation (one query: audience, one talent per
    person, frequency caps: ``_get_recipients``); ``baseline`` = the same recipients the way a
    competent developer writes them with the ORM: mass_mailing's own search of the mailing's
    domain (the audience rules), the first talent of each person, and the caps of the
    people from ``res.partner._talent_cap_next_allowed`` (one grouped read). Both must return
    the same talents. ``records`` = talents in the pools.
    """

    name = "pool_mailing_recipients"
    title = "Pool mailing recipients"
    description = (
        "mailing.mailing._get_recipients() of a talent mailing on the largest pools: one talent per person, "
        "no blacklisted, do-not-contact, bounced, unconsented or capped people, in one query. Baseline: the "
        "ORM way, mass_mailing's search of the same domain, the first talent per person in Python and the "
        "caps from res.partner._talent_cap_next_allowed; the same recipients."
    )
    baseline_label = "ORM search + caps per person"
    feature = "campaigns and job alerts (issue 6)"
    sequence = 80
    requires = ("hr.talent.pool:action_talent_send_mailing",)

    def setup(self, env):
        Pool = env["hr.talent.pool"].sudo()
        groups = env["hr.applicant"].sudo()._read_group(
            [("talent_pool_ids", "!=", False)], ["talent_pool_ids"], ["__count"], order="__count desc"
        )
        pools = Pool.browse([pool.id for pool, _count in groups])
        talents = env["hr.applicant"].sudo().search_count([("talent_pool_ids", "in", pools.ids)])
        partner_ids = env["res.partner"].sudo().search([], limit=talents, order="id").ids or [0]
        Mailing = env["mailing.mailing"]
        talent_mailing = Mailing.create(
            {
                "subject": "Bench pool mailing",
                "mailing_model_id": env["ir.model"]._get_id("hr.applicant"),
                "mailing_domain": "[]",
                "talent_pool_ids": [Command.set(pools.ids)],
                "body_html": "<p>Hi</p>",
            }
        )
        partner_mailing = Mailing.create(
            {
                "subject": "Bench partner mailing",
                "mailing_model_id": env["ir.model"]._get_id("res.partner"),
                "mailing_domain": repr([("id", ">=", partner_ids[0]), ("id", "<=", partner_ids[-1])]),
                "body_html": "<p>Hi</p>",
            }
        )
        return {"talents": talents, "talent_mailing": talent_mailing, "partner_mailing": partner_mailing}

    def records(self, env, state):
        return state["talents"]

    def fast(self, env, state):
        return sorted(state["talent_mailing"]._get_recipients())

    def baseline(self, env, state):
        mailing = state["talent_mailing"]
        company = mailing.sudo().talent_company_id or env.company
        now = fields.Datetime.now()
        rows = env["hr.applicant"].search_read(mailing._get_recipients_domain(), ["partner_id"], order="id", load=None)
        first = {}
        for row in rows:
            first.setdefault(row["partner_id"], row["id"])
        next_allowed = env["res.partner"].browse(list(first))._talent_cap_next_allowed(company=company, now=now)
        return sorted(talent_id for partner_id, talent_id in first.items() if next_allowed[partner_id] <= now)

class PoolMailingSendRecipients(PoolMailingRecipients):
    """The recipient computation mass_mailing runs when it sends (issue 6), same audience on both sides.

    ``action_send_mail`` takes ``_get_remaining_recipients()`` (the recipients minus those the
    mailing already reached) and its composer de-duplicates with ``_get_seen_list()`` and
    ``_get_opt_out_list()``. ``setup`` lets the mailing reach a tenth of its audience first (the
    traces of a send that stopped half-way), so that "remaining" has something to remove.
    ``fast`` runs the three calls on the talent mailing. ``baseline`` computes the same with the
    ORM: the recipients as ``pool_mailing_recipients``' baseline does, minus the documents with
    a trace of this mailing (one search), then mass_mailing's own seen and opt-out lists (which
    talent_crm leaves to Odoo for campaigns). Both must return the same three results.
    """

    name = "pool_mailing_send_recipients"
    title = "Pool mailing recipients at send time"
    description = (
        "_get_remaining_recipients(), _get_seen_list() and _get_opt_out_list() of the talent mailing on the "
        "largest pools, a tenth of the audience already reached, as mass_mailing runs them when sending. "
        "Baseline: the same recipients the ORM way (search, first talent per person, caps per person) minus "
        "the traced documents, then mass_mailing's own seen and opt-out lists; the same three results."
    )
    sequence = 81
    baseline_label = "ORM recipients - traced + Odoo's seen/opt-out lists"

    def setup(self, env):
        state = super().setup(env)
        mailing = state["talent_mailing"]
        reached = sorted(mailing._get_recipients())[::10]
        env["mailing.trace"].sudo().create(
            [
                {
                    "mass_mailing_id": mailing.id,
                    "model": "hr.applicant",
                    "res_id": res_id,
                    "trace_status": "sent",
                    "email": "reached-%s@bench.example.com" % res_id,
                }
                for res_id in reached
            ]
        )
        state["reached"] = len(reached)
        return state

    @staticmethod
    def _lists(mailing):
        return sorted(mailing._get_seen_list()), sorted(mailing._get_opt_out_list())

    def fast(self, env, state):
        mailing = state["talent_mailing"]
        return (sorted(mailing._get_remaining_recipients()), *self._lists(mailing))

    def baseline(self, env, state):
        mailing = state["talent_mailing"]
        recipients = PoolMailingRecipients.baseline(self, env, state)
        traced = set(
            env["mailing.trace"]
            .sudo()
            .search([("mass_mailing_id", "=", mailing.id), ("model", "=", "hr.applicant")])
            .mapped("res_id")
        )
        return ([res_id for res_id in recipients if res_id not in traced], *self._lists(mailing))

    def result_key(self, env, result):
        remaining, _seen, _opt_out = result
        if not remaining:
            raise AssertionError("no recipients left: the bench data has nobody to mail")
        return result
