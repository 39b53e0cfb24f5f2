# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
from datetime import date, timedelta

from freezegun import freeze_time
from lxml import html

from odoo import Command, fields
from odoo.tests import tagged

from .common import CSRF_RE, TalentCommunityHttpCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestPreferenceCentre(TalentCommunityHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.talent = cls.env["hr.applicant"].create(
            {
                "partner_name": "Paula Prefs",
                "email_from": "paula.prefs@example.com",
                "partner_phone": "+49 30 5550100",
                "talent_pool_ids": [Command.set(cls.signup_pool.ids)],
                "talent_city": "Köln",
                "linkedin_profile": "https://www.linkedin.com/in/paula-prefs",
            }
        )
        cls.partner = cls.talent.partner_id
        cls.partner.talent_topic_ids = [Command.set(cls.topic_jobs.ids)]
        cls.consent = cls.env["talent.consent"].create(
            {"partner_id": cls.partner.id, "talent_id": cls.talent.id, "purpose": "communication", "source": "signup"}
        )
        cls.other = cls.env["hr.applicant"].create(
            {
                "partner_name": "Otto Other",
                "email_from": "otto.other@example.com",
                "talent_pool_ids": [Command.set(cls.signup_pool.ids)],
            }
        )

    def setUp(self):
        super().setUp()
        self.path = "/talent/preferences/%s" % self.partner._talent_access_token("preferences", self.company)

    def _post(self, suffix="", **data):
        page = self.url_open(self.path)
        self.assertEqual(page.status_code, 200)
        data["csrf_token"] = CSRF_RE.search(page.text).group(1)
        return self.url_open(self.path + suffix, data=data)

    def _form(self, **values):
        data = {
            "name": "Paula Prefs",
            "phone": "+49 30 5550100",
            "city": "Köln",
            "profile_url": "https://www.linkedin.com/in/paula-prefs",
            "topic_ids": [str(self.topic_jobs.id)],
            "frequency": "",
            "availability": "unknown",
        }
        data.update(values)
        return {key: value for key, value in data.items() if value is not None}

    def test_preference_url_api(self):
        url = self.talent._talent_preference_url()
        self.assertTrue(url.startswith(self.talent.get_base_url() + "/talent/preferences/"))
        partner, company = self.env["res.partner"]._talent_from_token("preferences", url.rsplit("/", 1)[1])
        self.assertEqual((partner, company), (self.partner, self.company))
        # a job apply link cannot open the preference centre
        job = self.env["hr.job"].create({"name": "Prefs job (test)"})
        job_link = self.partner._talent_access_token("job_apply", self.company, job=job)
        self.assertFalse(self.env["res.partner"]._talent_from_token("preferences", job_link)[0])
        self.assertEqual(self.env["res.partner"]._talent_from_token("job_apply", job_link, job=job)[0], self.partner)

    def test_page_shows_current_preferences(self):
        response = self.url_open(self.path)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Paula Prefs", response.text)
        self.assertIn("paula.prefs@example.com", response.text)
        page = html.fromstring(response.content)
        ticked = {int(box.get("value")) for box in page.xpath("//input[@name='topic_ids'][@checked]")}
        self.assertEqual(ticked, {self.topic_jobs.id}, "the person's topics, and only they, are ticked")
        self.assertNotIn("Otto Other", response.text)

    def test_change_preferences_is_logged(self):
        response = self._post(
            **self._form(
                topic_ids=[str(self.topic_events.id)],
                frequency="quarterly",
                availability="open",
                availability_date="2031-09-01",
                phone="+49 30 5550199",
                city="Düsseldorf",
                github_url="github.com/paula-prefs",
            )
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Your preferences are saved", response.text)
        self.assertEqual(self.partner.talent_topic_ids, self.topic_events)
        self.assertEqual(self.partner.with_company(self.company).talent_contact_frequency, "quarterly")
        self.assertEqual(self.talent.talent_availability, "open")
        self.assertEqual(self.talent.availability, date(2031, 9, 1))
        self.assertEqual(self.talent.partner_phone, "+49 30 5550199")
        self.assertEqual(self.partner.phone, "+49 30 5550199")
        self.assertEqual(self.talent.talent_city, "Düsseldorf")
        self.assertEqual(self.talent.talent_github_url, "https://github.com/paula-prefs")
        self.assertEqual(self.talent.linkedin_profile, "https://www.linkedin.com/in/paula-prefs", "untouched")
        note = self.talent.message_ids[0]
        self.assertIn("Updated their preferences", note.body)
        self.assertIn("Topics: Events", note.body)
        self.assertIn("Contact frequency: Quarterly", note.body)
        self.assertIn("Availability: Open to offers from", note.body)
        self.assertIn("Contact data updated: phone, city, GitHub profile", note.body)
        self.assertEqual(note.author_id, self.partner)
        touch = self.partner.talent_touch_ids[0]
        self.assertEqual((touch.engagement, touch.direction, touch.channel), ("preference", "inbound", "web"))
        # saving again without changes logs nothing
        self._post(
            **self._form(
                topic_ids=[str(self.topic_events.id)],
                frequency="quarterly",
                availability="open",
                availability_date="2031-09-01",
                phone="+49 30 5550199",
                city="Düsseldorf",
                github_url="https://github.com/paula-prefs",
            )
        )
        self.assertEqual(len(self.partner.talent_touch_ids), 1)

    def test_invalid_preferences_are_refused(self):
        for values in (
            {"frequency": "daily"},
            {"availability": "maybe"},
            {"availability": "open", "availability_date": "2031-02-31"},
            {"name": "<script>alert(1)</script>"},
            {"phone": "abc"},
        ):
            with self.subTest(values=values):
                response = self._post(**self._form(**values))
                self.assertEqual(response.status_code, 400)
                self.assertNotIn("<script>alert", response.text)
        self.assertEqual(self.partner.name, "Paula Prefs")
        self.assertFalse(self.partner.talent_touch_ids)

    def test_unsubscribe_from_everything(self):
        number = self.partner.phone_sanitized
        self.assertTrue(number)
        response = self._post("/unsubscribe")
        self.assertEqual(response.status_code, 200)
        self.assertIn("You are unsubscribed", response.text)
        self.assertEqual(self.consent.state, "withdrawn")
        self.assertFalse(self.partner.talent_topic_ids)
        self.assertTrue(self.partner.is_blacklisted, "mass mailing skips blacklisted addresses")
        self.assertTrue(self.env["phone.blacklist"].sudo().search([("number", "=", number)]))
        blockers = self.partner._talent_contact_blockers("email", company=self.company)
        self.assertIn("blacklisted", blockers[self.partner.id])
        self.assertIn("no_consent", blockers[self.partner.id])
        self.assertIn("Unsubscribed from everything", self.talent.message_ids[0].body)
        self.assertIn("unsubscribed from all messages", self.url_open(self.path).text)

    def test_download_data_as_json(self):
        self.env["talent.touch"].create(
            {"partner_id": self.partner.id, "talent_id": self.talent.id, "summary": "Coffee chat at the meetup"}
        )
        response = self._post("/export")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("application/json"))
        self.assertIn("attachment", response.headers["Content-Disposition"])
        data = json.loads(response.content)
        self.assertEqual(data["person"]["email"], "paula.prefs@example.com")
        self.assertEqual(data["person"]["topics"], [self.topic_jobs.name])
        self.assertEqual(data["profiles"][0]["city"], "Köln")
        self.assertEqual(data["profiles"][0]["pools"], [self.signup_pool.name])
        self.assertEqual(data["consents"][0]["purpose"], "communication")
        self.assertIn("Coffee chat at the meetup", [touch["summary"] for touch in data["contact_history"]])
        self.assertNotIn("otto.other@example.com", response.text)
        self.assertIn("Downloaded their personal data", self.talent.message_ids[0].body)

    def test_request_erasure(self):
        response = self._post("/erase")
        self.assertEqual(response.status_code, 200)
        self.assertIn("We received your request", response.text)
        request = self.env["talent.erasure.request"].search([("partner_id", "=", self.partner.id)])
        self.assertEqual(request.state, "requested")
        self.assertEqual(request.source, "preference_centre")
        self.assertEqual(request.talent_id, self.talent)
        self.assertEqual(self.consent.state, "withdrawn")
        self.assertIn(
            "erasure_requested", self.partner._talent_contact_blockers("call", company=self.company)[self.partner.id]
        )
        # asking twice files one request
        self._post("/erase")
        self.assertEqual(self.env["talent.erasure.request"].search_count([("partner_id", "=", self.partner.id)]), 1)
        self.assertIn("You asked us to delete your data", self.url_open(self.path).text)

    def test_renew_consent(self):
        self.assertIn("Keep my profile", self.url_open(self.path).text)
        response = self._post("/renew")
        self.assertEqual(response.status_code, 200)
        consent = self.partner.talent_consent_ids.filtered(lambda c: c.source == "renewal")
        self.assertEqual(consent.purpose, "talent_pool")
        self.assertEqual(consent.ip_address, "127.0.0.1")
        self.assertGreater(consent.date_expiry, fields.Date.today() + timedelta(days=700))
        self.assertEqual(self.talent.talent_retention_date, consent.date_expiry)

    def test_form_fields_cannot_name_another_person(self):
        """The person and company come from the token only: form fields called ``partner``,
        ``company`` or ``token`` naming someone else neither break the page nor redirect the action."""
        other_partner = self.other.partner_id
        foreign = {"partner": str(other_partner.id), "company": "999999", "token": "forged"}
        response = self._post("/erase", **foreign)
        self.assertEqual(response.status_code, 200)
        self.assertIn("We received your request", response.text)
        requests = self.env["talent.erasure.request"].search([("partner_id", "in", (self.partner | other_partner).ids)])
        self.assertEqual(requests.partner_id, self.partner)
        response = self._post("", **dict(self._form(city="Bonn"), **foreign))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.talent.talent_city, "Bonn")
        self.assertFalse(self.other.talent_city)

    def test_bad_tokens_give_a_clean_page(self):
        token = self.path.rsplit("/", 1)[1]
        other_token = self.other.partner_id._talent_access_token("preferences", self.company)
        for bad in (
            token[:-2] + "xx",
            token.replace("A", "B", 1),
            "",
            "%00",
            "a" * 1000,
            other_token[:60] + token[60:],
        ):
            with self.subTest(token=bad[:15]):
                for suffix in ("", "/unsubscribe", "/export", "/erase", "/renew"):
                    if suffix:
                        response = self.url_open(
                            "/talent/preferences/%s%s" % (bad, suffix), data={"csrf_token": self._csrf()}
                        )
                    else:
                        response = self.url_open("/talent/preferences/%s" % bad)
                    self.assertIn(response.status_code, (403, 404))
                    self.assertLess(response.status_code, 500)
                    self.assertNotIn("Paula", response.text)
        self.assertFalse(self.partner.is_blacklisted)
        # expired after the validity period
        with freeze_time(fields.Datetime.now() + timedelta(days=181)):
            response = self.url_open(self.path)
            self.assertEqual(response.status_code, 403)
            self.assertIn("This link is not valid", response.text)
        # revoked: a new key invalidates every link sent before
        self.partner._talent_revoke_links()
        self.assertEqual(self.url_open(self.path).status_code, 403)
