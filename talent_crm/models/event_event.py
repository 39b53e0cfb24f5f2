# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import secrets
from datetime import timedelta

from odoo import Command, api, fields, models, tools
from odoo.fields import Domain
from odoo.tools import consteq
from odoo.tools.misc import hmac

# HMAC scope of the kiosk link of an event: it opens nothing else
KIOSK_TOKEN_SCOPE = "talent_crm.event_kiosk"
KIOSK_TOKEN_MAX_LENGTH = 128
# the daily follow-up looks at recruiting events that ended this many days ago at most: people
# who confirm their address or are informed later are still followed up, old events are left
FOLLOW_UP_DAYS = 30


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
    talent_currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    talent_cost = fields.Monetary(
        string="Event Cost",
        currency_field="talent_currency_id",
        help="What the event cost (booth, travel, material): gives the cost per hire.",
    )
    talent_cost_per_hire = fields.Monetary(
        string="Cost per Hire", currency_field="talent_currency_id", compute="_compute_talent_figures"
    )

    def _default_talent_source(self):
        return self.env.ref("talent_crm.utm_source_event", raise_if_not_found=False)

    @api.depends("talent_cost")
    def _compute_talent_figures(self):
        """Figures of the people met at each event, in a fixed number of queries: captured (the
        registrations, cancelled ones aside), confirmed (those who are a talent of the company
        now: registered by a recruiter, met at the booth, or confirmed their address after the
        kiosk or the website), in pools, converted (an application), hired, and the event's cost
        per hire."""
        for event in self:
            event.talent_captured_count = event.talent_confirmed_count = event.talent_in_pool_count = 0
            event.talent_converted_count = event.talent_hired_count = 0
            event.talent_cost_per_hire = 0.0
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
        talent_of = events._talent_registration_talents(registrations)
        for event in events:
            people = {}
            for registration in registrations.filtered(lambda r, e=event: r.event_id == e):
                people[tools.email_normalize(registration.email)] = talent_of[registration.id]
            found = [talent for talent in people.values() if talent]
            event.talent_captured_count = len(people)
            event.talent_confirmed_count = len(found)
            event.talent_in_pool_count = sum(1 for t in found if t.active)
            event.talent_converted_count = sum(1 for t in found if t.talent_lead_state in ("converted", "hired"))
            event.talent_hired_count = sum(1 for t in found if t.talent_lead_state == "hired")
            if event.talent_cost and event.talent_hired_count:
                event.talent_cost_per_hire = event.talent_cost / event.talent_hired_count

    def _talent_registration_talents(self, registrations):
        """``{registration id: talent}`` (an empty recordset while the person has not confirmed)
        for registrations of the events of ``self``, as superuser: the talent the registration
        made or found, else the company's talent with the registration's address (a visitor who
        confirmed the address later). Archived talents included; two queries."""
        Applicant = self.env["hr.applicant"].sudo().with_context(active_test=False)
        emails = {tools.email_normalize(r.email) for r in registrations} - {False}
        talents = Applicant.search_fetch(
            [
                ("email_normalized", "in", list(emails)),
                ("talent_pool_ids", "!=", False),
                ("company_id", "in", self.company_id.ids),
            ],
            ["email_normalized", "company_id", "active", "talent_lead_state"],
            order="id",
        )
        by_address = {}
        for talent in talents:
            by_address.setdefault((talent.company_id.id, talent.email_normalized), talent)
        return {
            registration.id: registration.sudo().talent_id.with_context(active_test=False)
            or by_address.get(
                (registration.event_id.company_id.id, tools.email_normalize(registration.email)), Applicant
            )
            for registration in registrations
        }

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_talent_open_talents(self):
        self.ensure_one()
        registrations = self.env["event.registration"].sudo().search(
            [("event_id", "=", self.id), ("state", "!=", "cancel")]
        )
        talents = self.env["hr.applicant"].union(*self._talent_registration_talents(registrations).values())
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

    def action_talent_follow_up(self):
        """After the event: enroll the people met in the event's sequence and thank them (see
        :meth:`_talent_follow_up`); tell the user how many."""
        counts = {"enrolled": 0, "thanked": 0, "waiting": 0}
        for event in self:
            for key, value in event._talent_follow_up().items():
                counts[key] += value
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(enrolled)s enrolled in the sequence, %(thanked)s thanked; %(waiting)s not confirmed or "
                    "not informed yet.",
                    **counts,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    @api.model
    def _cron_talent_follow_up(self):
        """Daily: follow up the recruiting events that ended in the last ``FOLLOW_UP_DAYS`` days
        (see :meth:`_talent_follow_up`): the people met are enrolled and thanked the day after,
        and the ones who confirm their address or are informed later on a following day. One
        commit per event; each registration is followed up once, so a second run, or a second
        worker, adds nothing."""
        now = fields.Datetime.now()
        events = self.sudo().search(
            [
                ("talent_recruiting", "=", True),
                ("date_end", "<=", now),
                ("date_end", ">=", now - timedelta(days=FOLLOW_UP_DAYS)),
            ],
            order="date_end, id",
        )
        cron = self.env["ir.cron"]
        cron._commit_progress(remaining=len(events))
        for event in events:
            event._talent_follow_up()
            if cron._commit_progress(1) <= 0:
                break

    def _talent_follow_up(self):
        """Enroll the people of this event's registrations in its nurture sequence and send them
        the thank-you email, once per registration (idempotent; two workers lock the
        registrations and skip the locked ones).

        Only registrations of this event: nobody else is written to. A person is followed up
        once they are a talent of the company: visitors of the kiosk and of the website after
        confirming their address; contacts met at the booth after the information email of
        Art. 14 GDPR, so that the thank-you does not come first. Enrollment goes through
        ``hr.applicant._talent_enroll`` (the scheduler applies consent, the unconfirmed state
        and the contact caps); the thank-you is a reply to the person's own registration, sent
        unless a contact blocker stops it (do not contact, blacklisted, no consent where
        required, unconfirmed, erasure requested) and logged as a touch that does not use up
        the cap. Returns ``{"enrolled", "thanked", "waiting"}``."""
        self.ensure_one()
        event = self.sudo()
        counts = {"enrolled": 0, "thanked": 0, "waiting": 0}
        if not event.talent_recruiting:
            return counts
        candidates = self.env["event.registration"].sudo().search(
            Domain("event_id", "=", event.id)
            & Domain("state", "!=", "cancel")
            & Domain("email", "!=", False)
            & Domain("talent_followup_date", "=", False)
        )
        registrations = candidates.try_lock_for_update()
        talent_of = event._talent_registration_talents(registrations)
        done = self.env["event.registration"].sudo()
        people = self.env["hr.applicant"].sudo()
        for registration in registrations:
            talent = talent_of[registration.id]
            if not talent or not talent.active or (
                registration.talent_capture_method == "booth" and not talent.talent_information_date
            ):
                counts["waiting"] += 1
                continue
            done |= registration
            people |= talent
        company = event.company_id or self.env.company
        sequence = event.talent_sequence_id
        if people and sequence.active and sequence.step_ids:
            enrollable = people.filtered(lambda t: not sequence.company_id or t.company_id == sequence.company_id)
            before = self.env["talent.sequence.enrollment"].sudo().search_count(
                [("sequence_id", "=", sequence.id), ("talent_id", "in", enrollable.ids)]
            )
            enrolled = enrollable._talent_enroll(sequence, origin="other", pool=event.talent_pool_id or None)
            counts["enrolled"] = len(enrolled) - before
        blockers = people.partner_id._talent_contact_blockers("email", company=company)
        reachable = people.filtered(lambda t: t.partner_id and not blockers.get(t.partner_id.id))
        template = self.env.ref("talent_crm.mail_template_talent_event_thanks", raise_if_not_found=False)
        if template and reachable:
            note = self.env._("Thanked for visiting %(event)s.", event=event.name)
            # a reply to the person's own registration: part of the history, outside the cap
            reachable._talent_send_uncapped_email(template, note, company, talent_event_name=event.name)
            counts["thanked"] = len(reachable)
        done.write({"talent_followup_date": fields.Datetime.now()})
        return counts

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

    def _talent_kiosk_qr(self):
        """The kiosk link as a QR code (a PNG data URI), drawn by Odoo's barcode renderer (the
        one behind ``/report/barcode``). Inline rather than through that route: the link carries
        the kiosk token, which should not travel in an image URL that route lets caches keep,
        and the code shows while the tablet is offline."""
        self.ensure_one()
        png = self.env["ir.actions.report"].barcode("QR", self._talent_kiosk_url(), width=220, height=220)
        return "data:image/png;base64,%s" % base64.b64encode(png).decode()

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
