# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""One person (one email address) in the talent pools of two companies: the preference centre
opened from company A's link shows and changes company A's data only; company B's talent,
topics, consents and contact frequency (company-dependent) stay as they are, and nothing of
company B is rendered on A's page."""

import re
from datetime import timedelta

from lxml import html

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
EMAIL = "pat.two@example.com"


@tagged("post_install", "-at_install", "talent_crm")
class TestPreferenceCentreTwoCompanies(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.ref("base.main_company")
        cls.company_a.country_id = cls.env.ref("base.de")
        cls.company_b = cls.env["res.company"].create(
            {"name": "Beta Recruiting GmbH", "country_id": cls.env.ref("base.at").id, "email": "jobs@beta.example.com"}
        )
        cls.pool_a = cls.env["hr.talent.pool"].create({"name": "Alpha members (test)", "company_id": cls.company_a.id})
        cls.pool_b = cls.env["hr.talent.pool"].create({"name": "Beta members (test)", "company_id": cls.company_b.id})
        for company, pool in ((cls.company_a, cls.pool_a), (cls.company_b, cls.pool_b)):
            company.write(
                {
                    "talent_community_page": True,
                    "talent_signup_pool_ids": [Command.set(pool.ids)],
                    "talent_consent_text": "I agree that %s keeps my profile (test text)." % company.name,
                    "talent_consent_version": "2026-test",
                    "talent_retention_months": 24,
                }
            )
        cls.topic_a = cls.env["talent.topic"].create(
            {"name": "Alpha tech talks", "kind": "event", "company_id": cls.company_a.id}
        )
        cls.topic_b = cls.env["talent.topic"].create(
            {"name": "Beta hiring days", "kind": "event", "company_id": cls.company_b.id}
        )
        cls.talent_a = cls.env["hr.applicant"].create(
            {
                "partner_name": "Pat Two",
                "email_from": EMAIL,
                "partner_phone": "+49 30 5550100",
                "company_id": cls.company_a.id,
                "talent_pool_ids": [Command.set(cls.pool_a.ids)],
                "talent_city": "Köln",
                "linkedin_profile": "https://www.linkedin.com/in/pat-alpha",
            }
        )
        cls.talent_b = (
            cls.env["hr.applicant"]
            .with_company(cls.company_b)
            .create(
                {
                    "partner_name": "Pat Two",
                    "email_from": EMAIL,
                    "partner_phone": "+43 1 5550200",
                    "company_id": cls.company_b.id,
                    "talent_pool_ids": [Command.set(cls.pool_b.ids)],
                    "talent_city": "Wien",
                    "talent_github_url": "https://github.com/pat-beta",
                    "talent_availability": "open",
                }
            )
        )
        (cls.talent_a | cls.talent_b).partner_id.write(
            {"talent_topic_ids": [Command.set((cls.topic_a | cls.topic_b).ids)]}
        )
        cls.consent_a, cls.consent_b = cls.env["talent.consent"].create(
            [
                {
                    "partner_id": talent.partner_id.id,
                    "talent_id": talent.id,
                    "company_id": talent.company_id.id,
                    "purpose": "communication",
                    "source": "signup",
                }
                for talent in (cls.talent_a, cls.talent_b)
            ]
        )

    def _path(self, talent):
        return "/talent/preferences/%s" % talent.partner_id._talent_access_token("preferences", talent.company_id)

    def _post(self, path, suffix="", **data):
        page = self.url_open(path)
        self.assertEqual(page.status_code, 200)
        data["csrf_token"] = CSRF_RE.search(page.text).group(1)
        return self.url_open(path + suffix, data=data)

    def _snapshot_b(self, person_wide=True):
        """What company B holds about the person. ``person_wide``: also what lives on the contact
        both companies share (B's topics, B's contact blockers, name) and B's contact frequency."""
        self.env.invalidate_all()
        talent = self.talent_b
        snapshot = {
            "talent": talent.read(
                ["partner_name", "partner_phone", "talent_city", "talent_github_url", "talent_availability", "active"]
            ),
            "consent": self.consent_b.read(["state", "date_withdrawn", "date_expiry"]),
            "messages": talent.message_ids.ids,
            "touches": self.env["talent.touch"].search([("company_id", "=", self.company_b.id)]).ids,
        }
        if person_wide:
            snapshot.update(
                topics=talent.partner_id.talent_topic_ids & self.topic_b,
                blockers=talent.partner_id._talent_contact_blockers("email", self.company_b),
                partner=talent.partner_id.read(["name"]),
                frequency=talent.partner_id.with_company(self.company_b).talent_contact_frequency,
            )
        return snapshot

    def test_each_link_opens_its_own_company(self):
        self.assertEqual(self.talent_a.email_normalized, self.talent_b.email_normalized)
        Partner = self.env["res.partner"]
        token_a, token_b = (self._path(talent).rsplit("/", 1)[1] for talent in (self.talent_a, self.talent_b))
        self.assertNotEqual(token_a, token_b)
        self.assertEqual(Partner._talent_from_token("preferences", token_a), (self.talent_a.partner_id, self.company_a))
        self.assertEqual(Partner._talent_from_token("preferences", token_b), (self.talent_b.partner_id, self.company_b))

    def test_page_of_company_a_shows_nothing_of_company_b(self):
        page_a = self.url_open(self._path(self.talent_a))
        self.assertEqual(page_a.status_code, 200)
        for shown in ("Köln", "pat-alpha", "Alpha tech talks", "5550100"):
            self.assertIn(shown, page_a.text)
        for hidden in ("Wien", "pat-beta", "Beta hiring days", "5550200", "Beta Recruiting"):
            self.assertNotIn(hidden, page_a.text)
        page_b = self.url_open(self._path(self.talent_b))
        self.assertEqual(page_b.status_code, 200)
        for shown in ("Wien", "pat-beta", "Beta hiring days", "5550200"):
            self.assertIn(shown, page_b.text)
        for hidden in ("Köln", "pat-alpha", "Alpha tech talks", "5550100"):
            self.assertNotIn(hidden, page_b.text)

    def test_changes_on_company_a_leave_company_b_untouched(self):
        before_b = self._snapshot_b()
        response = self._post(
            self._path(self.talent_a),
            name="Pat Two",
            phone="+49 30 5550199",
            city="Düsseldorf",
            profile_url="https://www.linkedin.com/in/pat-alpha",
            github_url="github.com/pat-alpha",
            topic_ids=[],
            frequency="",
            availability="not_now",
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Your preferences are saved", response.text)
        self.env.invalidate_all()
        self.assertRecordValues(
            self.talent_a,
            [
                {
                    "partner_phone": "+49 30 5550199",
                    "talent_city": "Düsseldorf",
                    "talent_github_url": "https://github.com/pat-alpha",
                    "talent_availability": "not_now",
                }
            ],
        )
        self.assertFalse(self.talent_a.partner_id.talent_topic_ids & self.topic_a, "A's topic unsubscribed")
        self.assertIn("Updated their preferences", self.talent_a.message_ids[0].body)
        self.assertEqual(self._snapshot_b(), before_b)

    def test_unsubscribe_and_renew_on_company_a_leave_company_b_untouched(self):
        Consent = self.env["talent.consent"]
        before_b = self._snapshot_b()
        consents_before = Consent.search([("partner_id", "=", self.talent_a.partner_id.id)])
        response = self._post(self._path(self.talent_a), "/renew")
        self.assertEqual(response.status_code, 200)
        renewed = Consent.search([("partner_id", "=", self.talent_a.partner_id.id)]) - consents_before
        self.assertRecordValues(
            renewed,
            [{"company_id": self.company_a.id, "talent_id": self.talent_a.id, "source": "renewal", "state": "valid"}],
        )
        self.assertEqual(self._snapshot_b(), before_b)
        before_b = self._snapshot_b()
        response = self._post(self._path(self.talent_a), "/unsubscribe")
        self.assertEqual(response.status_code, 200)
        self.env.invalidate_all()
        self.assertEqual((self.consent_a.state, self.consent_b.state), ("withdrawn", "valid"))
        self.assertEqual(self._snapshot_b(), before_b)

    def _page_frequency(self, talent):
        """The contact frequency ticked on the preference page of ``talent``'s company."""
        page = self.url_open(self._path(talent))
        self.assertEqual(page.status_code, 200)
        return html.fromstring(page.content).xpath("//input[@name='frequency'][@checked]/@value")

    def _post_frequency(self, talent, frequency, **changes):
        """Send ``talent``'s company's preference form with ``frequency`` and ``changes``, the
        other fields as the person's page of that company shows them."""
        form = {
            "name": talent.partner_name,
            "phone": talent.partner_phone,
            "city": talent.talent_city,
            "profile_url": talent.linkedin_profile or "",
            "github_url": talent.talent_github_url or "",
            "topic_ids": (talent.partner_id.talent_topic_ids & (self.topic_a | self.topic_b))
            .filtered(lambda topic: topic.company_id == talent.company_id)
            .ids,
            "availability": talent.talent_availability or "unknown",
        }
        form.update(changes, frequency=frequency)
        response = self._post(self._path(talent), **form)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Your preferences are saved", response.text)
        self.env.invalidate_all()
        return response

    def test_frequency_chosen_on_company_a_is_company_a_only(self):
        """The contact frequency is company-dependent: the one chosen on company A's page is A's
        (A's caps and page follow it), company B's value, caps and page stay as they were. A new
        name and number given there go to A's talent; the contact both share keeps its own."""
        self.company_a.talent_cap_passive_days = 30
        self.company_b.talent_cap_passive_days = 30
        partner = self.talent_a.partner_id
        partner.with_company(self.company_b).talent_contact_frequency = "monthly"
        partner.phone = "+43 1 5550200"
        before_b = self._snapshot_b()
        self.assertEqual(partner._talent_cap_intervals(self.company_a), {partner.id: timedelta(days=30)})
        self.assertEqual(partner._talent_cap_intervals(self.company_b), {partner.id: timedelta(days=30)})
        self.assertEqual(self._page_frequency(self.talent_a), [""])
        self.assertEqual(self._page_frequency(self.talent_b), ["monthly"])

        self._post_frequency(self.talent_a, "quarterly", name="Patricia Two", phone="+49 30 5550199")
        self.assertRecordValues(self.talent_a, [{"partner_name": "Patricia Two", "partner_phone": "+49 30 5550199"}])
        self.assertRecordValues(partner, [{"name": "Pat Two", "phone": "+43 1 5550200"}])
        self.assertEqual(partner.with_company(self.company_a).talent_contact_frequency, "quarterly")
        self.assertEqual(partner.with_company(self.company_b).talent_contact_frequency, "monthly")
        self.assertEqual(partner._talent_cap_intervals(self.company_a), {partner.id: timedelta(days=91)})
        self.assertEqual(partner._talent_cap_intervals(self.company_b), {partner.id: timedelta(days=30)})
        note = self.talent_a.message_ids[0].body
        self.assertIn("Contact frequency: Quarterly", note)
        self.assertNotIn("not applied", note)
        self.assertEqual(self._page_frequency(self.talent_a), ["quarterly"])
        self.assertEqual(self._page_frequency(self.talent_b), ["monthly"])
        self.assertEqual(self._snapshot_b(), before_b)

        # and the other way round: B's choice is B's, A keeps its own
        messages_a = self.talent_a.message_ids
        self._post_frequency(self.talent_b, "")
        self.assertEqual(partner.with_company(self.company_b).talent_contact_frequency, False)
        self.assertEqual(partner.with_company(self.company_a).talent_contact_frequency, "quarterly")
        self.assertEqual(partner._talent_cap_intervals(self.company_b), {partner.id: timedelta(days=30)})
        self.assertEqual(partner._talent_cap_intervals(self.company_a), {partner.id: timedelta(days=91)})
        self.assertIn("Contact frequency: no preference", self.talent_b.message_ids[0].body)
        self.assertEqual(self.talent_a.message_ids, messages_a, "nothing logged on A's talent")
        self.assertEqual(self._page_frequency(self.talent_a), ["quarterly"])
        self.assertEqual(self._page_frequency(self.talent_b), [""])

    def test_mailing_of_company_b_ignores_frequency_chosen_on_company_a(self):
        """A talent mailing follows the frequency the person chose for the mailing's company."""
        self.company_a.talent_cap_passive_days = 30
        self.company_b.talent_cap_passive_days = 30
        partner = self.talent_a.partner_id
        now = fields.Datetime.now()
        last_touch = now - timedelta(days=60)
        for company in (self.company_a, self.company_b):
            partner._talent_log_touch("Call", channel="call", company_id=company.id, date=last_touch)
        mailing_a, mailing_b = self.env["mailing.mailing"].create(
            [
                {
                    "subject": "News of %s" % company.name,
                    "mailing_type": "mail",
                    "mailing_model_id": self.env["ir.model"]._get_id("hr.applicant"),
                    "mailing_domain": repr([("id", "in", (self.talent_a | self.talent_b).ids)]),
                    "body_html": "<p>Hello</p>",
                    "talent_company_id": company.id,
                }
                for company in (self.company_a, self.company_b)
            ]
        )
        self.assertEqual(mailing_a._talent_audience(now=now)["recipient_ids"], self.talent_a.ids)
        self.assertEqual(mailing_b._talent_audience(now=now)["recipient_ids"], self.talent_b.ids)

        self._post_frequency(self.talent_a, "quarterly")
        audience_a = mailing_a._talent_audience(now=now)
        self.assertEqual(audience_a["recipient_ids"], [])
        self.assertEqual(audience_a["capped"], {partner.id: (self.talent_a.id, last_touch + timedelta(days=91))})
        audience_b = mailing_b._talent_audience(now=now)
        self.assertEqual((audience_b["recipient_ids"], audience_b["capped"]), (self.talent_b.ids, {}))
        self.assertEqual(mailing_b._talent_audience_row(now)[0], self.talent_b.ids)

        # B's own choice caps B's mailing
        self._post_frequency(self.talent_b, "quarterly")
        audience_b = mailing_b._talent_audience(now=now)
        self.assertEqual(audience_b["recipient_ids"], [])
        self.assertEqual(audience_b["capped"], {partner.id: (self.talent_b.id, last_touch + timedelta(days=91))})

    def test_export_and_erasure_of_each_company_frequency(self):
        """The data export of a company names the frequency asked of that company; erasing the
        person clears it for every company, not only for the company of the erasing user."""
        partner = self.talent_a.partner_id
        partner.with_company(self.company_a).talent_contact_frequency = "quarterly"
        partner.with_company(self.company_b).talent_contact_frequency = "monthly"
        self.assertEqual(partner._talent_export_data(self.company_a)["person"]["contact_frequency"], "quarterly")
        self.assertEqual(partner._talent_export_data(self.company_b)["person"]["contact_frequency"], "monthly")
        erased = partner._talent_anonymize(applicants=self.talent_a | self.talent_b)
        self.assertEqual(erased, partner)
        self.env.invalidate_all()
        self.assertEqual(
            [partner.with_company(company).talent_contact_frequency for company in (self.company_a, self.company_b)],
            [False, False],
        )
        self.env.cr.execute("SELECT talent_contact_frequency FROM res_partner WHERE id = %s", [partner.id])
        self.assertEqual(self.env.cr.fetchone(), (None,))

    def test_unsubscribe_on_company_a_keeps_company_b_topics_and_contact(self):
        partner = self.talent_a.partner_id
        topic_shared = self.env["talent.topic"].create({"name": "Shared newsletter", "kind": "news"})
        partner.talent_topic_ids = [Command.link(topic_shared.id)]
        enrollment_a, enrollment_b = (
            talent._talent_enroll(
                self.env["talent.sequence"].create(
                    {
                        "name": "Nurture of %s (test)" % talent.company_id.name,
                        "company_id": talent.company_id.id,
                        "step_ids": [Command.create({"name": "Call", "channel": "call", "delay_days": 7})],
                    }
                )
            )
            for talent in (self.talent_a, self.talent_b)
        )
        before_b = self._snapshot_b()
        number = partner.phone_sanitized
        self.assertTrue(number)
        response = self._post(self._path(self.talent_a), "/unsubscribe")
        self.assertEqual(response.status_code, 200)
        self.assertIn("You are unsubscribed", response.text)
        self.env.invalidate_all()
        # company A: its consent withdrawn, its topic dropped, no message of A reaches the person
        self.assertEqual((self.consent_a.state, self.consent_b.state), ("withdrawn", "valid"))
        self.assertEqual(partner.talent_topic_ids, self.topic_b | topic_shared)
        self.assertIn("no_consent", partner._talent_contact_blockers("email", self.company_a)[partner.id])
        self.assertIn("no_consent", partner._talent_contact_blockers("sms", self.company_a)[partner.id])
        self.assertRecordValues(enrollment_a, [{"state": "stopped", "stop_reason": "unsubscribed"}])
        self.assertIn("Unsubscribed from everything", self.talent_a.message_ids[0].body)
        self.assertIn("unsubscribed from all messages", self.url_open(self._path(self.talent_a)).text)
        # company B: nothing changed, the address and number are not blacklisted for the database
        self.assertFalse(partner.is_blacklisted)
        self.assertFalse(self.env["mail.blacklist"].sudo().search([("email", "=", EMAIL)]))
        self.assertFalse(self.env["phone.blacklist"].sudo().search([("number", "=", number)]))
        self.assertNotIn(partner.id, partner._talent_contact_blockers("email", self.company_b))
        self.assertNotIn(partner.id, partner._talent_contact_blockers("sms", self.company_b))
        self.assertEqual(self._snapshot_b(), before_b)
        self.assertEqual(enrollment_b.state, "running")
        self.assertNotIn("unsubscribed from all messages", self.url_open(self._path(self.talent_b)).text)

    def test_unsubscribe_on_company_a_without_consent_rule_uses_the_blacklists(self):
        """A company that contacts people without their consent cannot stop its messages by
        withdrawing one: an unsubscribe there still blacklists the address, whoever else knows
        the person (a message too many is worse than one too few)."""
        self.company_a.talent_require_consent = False
        partner = self.talent_a.partner_id
        response = self._post(self._path(self.talent_a), "/unsubscribe")
        self.assertEqual(response.status_code, 200)
        self.env.invalidate_all()
        self.assertTrue(partner.is_blacklisted)
        entry = self.env["mail.blacklist"].sudo().search([("email", "=", EMAIL)])
        self.assertEqual(entry.talent_company_id, self.company_a, "lifted by a new opt-in of company A only")
        self.assertIn("blacklisted", partner._talent_contact_blockers("email", self.company_a)[partner.id])
        self.assertEqual(self.consent_b.state, "valid")

    def test_person_known_to_one_company_only(self):
        partner = self.talent_a.partner_id
        self.assertTrue(partner._talent_known_to_other_companies(self.company_a))
        self.assertTrue(partner._talent_known_to_other_companies(self.company_b))
        alone = self.env["hr.applicant"].create(
            {
                "partner_name": "Alex Alone",
                "email_from": "alex.alone@example.com",
                "company_id": self.company_a.id,
                "talent_pool_ids": [Command.set(self.pool_a.ids)],
            }
        )
        self.assertFalse(alone.partner_id._talent_known_to_other_companies(self.company_a))
        # an application in company B that kept the address only: B knows the person too
        self.env["hr.applicant"].with_company(self.company_b).create(
            {"partner_name": "Alex Alone", "email_from": "Alex.Alone@example.com", "company_id": self.company_b.id}
        ).partner_id = False
        self.assertTrue(alone.partner_id._talent_known_to_other_companies(self.company_a))
