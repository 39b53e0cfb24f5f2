# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import secrets

from odoo import Command, api, fields, models, tools
from odoo.tools import consteq
from odoo.tools.misc import hmac

# HMAC scope of the kiosk link of an event: it opens nothing else
KIOSK_TOKEN_SCOPE = "talent_crm.event_kiosk"
KIOSK_TOKEN_MAX_LENGTH = 128


class EventEvent(models.Model):
    """An event of Odoo Events marked as a recruiting event fills a talent pool.

    Its registrations (backend, website, import, the kiosk page) become talents through the
    sign-up's find-or-create path (``event.registration._talent_capture``), in the target pool,
    with the event's UTM source and campaign, and the event's consent text as evidence. A kiosk
    page (``/talent/event/<id>/kiosk/<token>``) lets visitors of a booth leave their contact on a
    tablet; its token is an HMAC over the event and a per-event key, so the URL is not guessable
    and can be revoked (:meth:`action_talent_renew_kiosk_link`).
    """

    _inherit = "event.event"

    talent_recruiting = fields.Boolean(
        string="Recruiting Event", help="Registrations become talents in the target pool."
    )
    talent_pool_id = fields.Many2one(
        "hr.talent.pool",
        string="Target Pool",
        ondelete="set null",
        domain="[('company_id', 'in', [company_id, False])]",
    )
    talent_source_id = fields.Many2one(
        "utm.source", ondelete="set null", default=lambda self: self._default_talent_source()
    )
    talent_campaign_id = fields.Many2one("utm.campaign", ondelete="set null")
    talent_sequence_id = fields.Many2one(
        "talent.sequence",
        string="Nurture Sequence",
        ondelete="set null",
        help="Talents captured at this event are enrolled in this sequence (consent and caps apply).",
    )
    talent_consent_text = fields.Text(
        string="Consent Text",
        translate=True,
        help="What attendees agree to when they register; kept with each talent's consent as evidence.",
    )
    talent_kiosk_key = fields.Char(copy=False, groups="base.group_system")
    talent_captured_count = fields.Integer(string="Captured", compute="_compute_talent_figures")
    talent_confirmed_count = fields.Integer(string="Confirmed", compute="_compute_talent_figures")
    talent_in_pool_count = fields.Integer(string="In Pools", compute="_compute_talent_figures")
    talent_converted_count = fields.Integer(string="Converted", compute="_compute_talent_figures")
    talent_hired_count = fields.Integer(string="Hired", compute="_compute_talent_figures")

    def _default_talent_source(self):
        return self.env.ref("talent_crm.utm_source_event", raise_if_not_found=False)

    def _compute_talent_figures(self):
        """Figures of the people met at each event, in a fixed number of queries: captured (the
        registrations, cancelled ones aside), confirmed (those who are a talent of the company
        now: registered by a recruiter, or confirmed their address after the kiosk), in pools,
        converted (an application) and hired."""
        for event in self:
            event.talent_captured_count = event.talent_confirmed_count = event.talent_in_pool_count = 0
            event.talent_converted_count = event.talent_hired_count = 0
        events = self.filtered(lambda e: e.talent_recruiting and e.id)
        if not events:
            return
        registrations = (
            self.env["event.registration"]
            .sudo()
            .search_fetch(
                [("event_id", "in", events.ids), ("state", "!=", "cancel"), ("email", "!=", False)],
                ["event_id", "email", "talent_id"],
            )
        )
        emails = {tools.email_normalize(r.email) for r in registrations} - {False}
        talents = (
            self.env["hr.applicant"]
            .sudo()
            .with_context(active_test=False)
            .search_fetch(
                [
                    ("email_normalized", "in", list(emails)),
                    ("talent_pool_ids", "!=", False),
                    ("company_id", "in", events.company_id.ids),
                ],
                ["email_normalized", "company_id", "active", "talent_lead_state"],
            )
        )
        talent_of = {(t.company_id.id, t.email_normalized): t for t in talents}
        for event in events:
            people = {}
            for registration in registrations.filtered(lambda r, e=event: r.event_id == e):
                email = tools.email_normalize(registration.email)
                people[email] = registration.talent_id or talent_of.get((event.company_id.id, email))
            found = [talent for talent in people.values() if talent]
            event.talent_captured_count = len(people)
            event.talent_confirmed_count = len(found)
            event.talent_in_pool_count = sum(1 for t in found if t.active)
            event.talent_converted_count = sum(1 for t in found if t.talent_lead_state in ("converted", "hired"))
            event.talent_hired_count = sum(1 for t in found if t.talent_lead_state == "hired")

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_talent_open_talents(self):
        self.ensure_one()
        registrations = self.env["event.registration"].sudo().search([("event_id", "=", self.id)])
        emails = [email for email in (tools.email_normalize(r.email) for r in registrations) if email]
        talents = registrations.talent_id | self.env["hr.applicant"].sudo().search(
            [
                ("email_normalized", "in", emails),
                ("talent_pool_ids", "!=", False),
                ("company_id", "=", self.company_id.id),
            ]
        )
        action = self.env["ir.actions.act_window"]._for_xml_id("talent_crm.hr_applicant_action_talent")
        action["domain"] = [("id", "in", talents.ids)]
        action["context"] = {"create": False}
        return action

    def action_talent_open_kiosk(self):
        self.ensure_one()
        return {"type": "ir.actions.act_url", "url": self._talent_kiosk_url(), "target": "new"}

    def action_talent_renew_kiosk_link(self):
        """A new key: the kiosk links given out so far stop working."""
        for event in self.sudo():
            event.talent_kiosk_key = secrets.token_urlsafe(18)

    def _talent_register_visitor(self, data):
        """A visitor of the kiosk page: the same double opt-in as the web sign-up
        (``talent.signup._talent_register``), into the event's pool with the event's source,
        the event's consent text and the event as the text's version. Nothing else is created
        until the person confirms the address."""
        self.ensure_one()
        event = self.sudo()
        company = event.company_id or self.env.company
        signup = self.env["talent.signup"]._talent_register(
            dict(data, consent_version="event-%s" % event.id), company
        )
        if signup:
            pool = event.talent_pool_id.filtered("active") or company._talent_get_default_pool()
            vals = {"pool_ids": [Command.set(pool.ids)]}
            if event.talent_source_id:
                vals["source_id"] = event.talent_source_id.id
            signup.sudo().write(vals)
        return signup

    # ------------------------------------------------------------
    # Kiosk link
    # ------------------------------------------------------------

    def _talent_kiosk_token(self):
        self.ensure_one()
        event = self.sudo()
        if not event.talent_kiosk_key:
            event.talent_kiosk_key = secrets.token_urlsafe(18)
        return hmac(self.env(su=True), KIOSK_TOKEN_SCOPE, (event.id, event.talent_kiosk_key))

    def _talent_kiosk_url(self):
        self.ensure_one()
        return "%s/talent/event/%s/kiosk/%s" % (self.get_base_url(), self.id, self._talent_kiosk_token())

    @api.model
    def _talent_from_kiosk_token(self, event_id, token):
        """The recruiting event of ``event_id`` if ``token`` is its kiosk token (as superuser),
        else an empty recordset, whatever is wrong."""
        nothing = self.sudo().browse()
        if not isinstance(token, str) or not token or len(token) > KIOSK_TOKEN_MAX_LENGTH:
            return nothing
        event = self.sudo().browse(event_id).exists()
        if not event or not event.talent_recruiting or not event.talent_kiosk_key:
            return nothing
        expected = hmac(self.env(su=True), KIOSK_TOKEN_SCOPE, (event.id, event.talent_kiosk_key))
        if not consteq(expected, token):
            return nothing
        return event
