# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The unsubscribe page of a topic mailing acts on a person only with the email's hash token."""

from urllib.parse import urlencode

from werkzeug.urls import url_parse

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CSRF_RE


@tagged("post_install", "-at_install", "talent_crm")
class TestCampaignUnsubscribeToken(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("base.main_company")
        cls.company.talent_require_consent = False
        cls.pool = cls.env["hr.talent.pool"].create({"name": "Token pool", "company_id": cls.company.id})
        cls.news = cls.env["talent.topic"].create({"name": "Newsletter (token)", "kind": "news"})
        cls.events = cls.env["talent.topic"].create({"name": "Meetups (token)", "kind": "event"})
        cls.victim, cls.other = cls.env["hr.applicant"].create(
            [
                {
                    "partner_name": name,
                    "email_from": email,
                    "talent_pool_ids": [Command.set(cls.pool.ids)],
                    "company_id": cls.company.id,
                }
                for name, email in (("Vera Victim", "vera.victim@example.com"), ("Otto Other", "otto@example.com"))
            ]
        )
        (cls.victim | cls.other).partner_id.talent_topic_ids = [Command.set((cls.news | cls.events).ids)]
        cls.mailing = cls.env["mailing.mailing"].create(
            {
                "subject": "Newsletter",
                "mailing_model_id": cls.env["ir.model"]._get_id("hr.applicant"),
                "mailing_domain": "[]",
                "talent_topic_ids": [Command.set(cls.news.ids)],
                "body_html": "<p>Hi</p>",
            }
        )
        cls.marketer = new_test_user(
            cls.env,
            login="token_marketer",
            password="token_marketer_pw",
            name="Mia Marketer",
            email="mia.marketer@example.com",
            groups="base.group_user,mass_mailing.group_mass_mailing_user",
        )

    def _assert_untouched(self, response):
        self.assertNotIn("/talent/preferences/", response.text, "no personal link on the page")
        self.assertNotIn("Vera", response.text)
        self.assertEqual(self.victim.partner_id.talent_topic_ids, self.news | self.events, "no topic removed")
        self.assertFalse(self.victim.partner_id.is_blacklisted)

    def _attempts(self):
        token_other = self.mailing._generate_mailing_recipient_token(self.other.id, self.other.email_normalized)
        victim = {"document_id": self.victim.id, "email": self.victim.email_normalized}
        return {
            "no token": victim,
            "wrong token": dict(victim, hash_token="0" * 64),
            "token of another document": dict(victim, hash_token=token_other),
            "token of another document, its address": dict(
                document_id=self.victim.id, email=self.other.email_normalized, hash_token=token_other
            ),
        }

    def _try_all(self):
        for label, params in self._attempts().items():
            with self.subTest(label):
                response = self.url_open("/mailing/%s/unsubscribe?%s" % (self.mailing.id, urlencode(params)))
                self._assert_untouched(response)
                response = self.url_open(
                    "/mailing/%s/confirm_unsubscribe?%s" % (self.mailing.id, urlencode(params))
                )
                self._assert_untouched(response)
                csrf = CSRF_RE.search(self.url_open("/talent/join").text)
                data = dict(params, mailing_id=self.mailing.id)
                if csrf:
                    data["csrf_token"] = csrf.group(1)
                response = self.url_open("/mailing/confirm_unsubscribe", data=data)
                self._assert_untouched(response)
                response = self.url_open(
                    "/mailing/%s/unsubscribe_oneclick?%s" % (self.mailing.id, urlencode(params)), data={}
                )
                self._assert_untouched(response)

    def test_anonymous(self):
        self._try_all()

    def test_email_marketing_user(self):
        self.authenticate("token_marketer", "token_marketer_pw")
        self._try_all()
        # Odoo's own page without a token: the logged-in user's own address, nobody else's
        self.assertFalse(self.other.partner_id.is_blacklisted)
        self.assertEqual(self.other.partner_id.talent_topic_ids, self.news | self.events)

    def test_valid_token_still_works(self):
        url = url_parse(self.mailing._get_unsubscribe_url(self.victim.email_normalized, self.victim.id))
        response = self.url_open("/mailing/%s/unsubscribe?%s" % (self.mailing.id, url.query))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.victim.partner_id.talent_topic_ids, self.events)
        self.assertIn("/talent/preferences/", response.text, "the person's own link, from the person's email")
        self.assertEqual(self.other.partner_id.talent_topic_ids, self.news | self.events)
