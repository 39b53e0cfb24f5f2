# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from pathlib import Path

import polib

from odoo import Command
from odoo.tests import TransactionCase, tagged

from .common import TalentCommunityHttpCommon

GERMAN = {entry.msgid: entry.msgstr for entry in polib.pofile(str(Path(__file__).resolve().parents[1] / "i18n/de.po"))}

JOINED = "Joined the talent community and confirmed the address (double opt-in)."
UPDATED = "Updated their preferences on the preference centre."
UNSUBSCRIBED = "Unsubscribed from everything on the talent preference centre."
ERASURE = "Asked for the erasure of their personal data."


@tagged("post_install", "-at_install", "talent_crm")
class TestRecordLanguage(TransactionCase):
    """What people do on the public pages (which run as the public user, in the page's
    language) is written into chatter and touches in the person's language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("de_DE")
        cls.company = cls.env.ref("base.main_company")
        cls.company.partner_id.lang = "en_US"
        cls.pool = cls.env["hr.talent.pool"].create({"name": "Community (lang test)"})
        cls.company.write(
            {
                "talent_community_page": True,
                "talent_signup_pool_ids": [Command.set(cls.pool.ids)],
                "talent_consent_text": "I agree (test text).",
                "talent_consent_version": "2026-lang",
            }
        )
        # the page's environment: public user, English
        cls.public_env = cls.env(user=cls.env.ref("base.public_user"), context={"lang": "en_US"}, su=False)

    def _german(self, msgid):
        german = GERMAN.get(msgid)
        self.assertTrue(german and german != msgid, "de.po translates %r" % msgid)
        return german

    def _sign_up(self, email, lang):
        signup = (
            self.public_env["talent.signup"]
            .sudo()
            ._talent_register({"name": "Lang Person", "email": email, "lang": lang}, self.company)
        )
        self.assertTrue(signup)
        partner = signup._talent_confirm()
        self.assertTrue(partner)
        return partner, self.env["hr.applicant"].search([("partner_id", "=", partner.id)])

    def _notes(self, talent):
        return " ".join(talent.message_ids.mapped("body"))

    def test_signup_writes_chatter_and_touch_in_the_persons_language(self):
        partner_de, talent_de = self._sign_up("lang.de@example.com", "de_DE")
        partner_en, talent_en = self._sign_up("lang.en@example.com", "en_US")
        self.assertEqual(partner_de.lang, "de_DE")
        self.assertIn(self._german(JOINED), self._notes(talent_de))
        self.assertNotIn(JOINED, self._notes(talent_de))
        self.assertEqual(partner_de.talent_touch_ids.mapped("summary"), [self._german(JOINED)])
        self.assertIn(JOINED, self._notes(talent_en))
        self.assertEqual(partner_en.talent_touch_ids.mapped("summary"), [JOINED])

    def test_preference_centre_writes_in_the_persons_language(self):
        partner, talent = self._sign_up("prefs.de@example.com", "de_DE")
        public_partner = partner.with_env(self.public_env).sudo()
        topic = self.env.ref("talent_crm.talent_topic_job_alerts")
        changes = public_partner._talent_update_preferences(
            self.company,
            {
                "name": "Lang Person",
                "phone": "",
                "profile": {},
                "topics": topic,
                "offered_topics": topic,
                "frequency": False,
                "availability": talent.talent_availability or "unknown",
                "availability_date": False,
            },
        )
        german_topics = self._german("Topics: %(topics)s") % {"topics": topic.with_context(lang="de_DE").name}
        self.assertEqual(changes, [german_topics])
        self.assertIn(self._german(UPDATED), self._notes(talent))
        public_partner._talent_request_erasure(self.company)
        self.assertIn(self._german(ERASURE), self._notes(talent))
        public_partner._talent_unsubscribe_all(self.company)
        self.assertIn(self._german(UNSUBSCRIBED), self._notes(talent))
        self.assertEqual(
            self.env["mail.blacklist"].with_context(active_test=False).search([("email", "=", partner.email)]).active,
            True,
        )
        summaries = partner.talent_touch_ids.mapped("summary")
        self.assertNotIn(UPDATED, summaries)
        self.assertIn(self._german(UNSUBSCRIBED), summaries)

    def test_person_without_language_gets_the_companys(self):
        partner, talent = self._sign_up("nolang@example.com", False)
        self.assertIn(JOINED, self._notes(talent), "company language: English")
        self.company.partner_id.lang = "de_DE"
        partner.lang = False
        partner.with_env(self.public_env).sudo()._talent_request_erasure(self.company)
        self.assertIn(self._german(ERASURE), self._notes(talent))

    def test_topic_unsubscribe_and_job_alert_answer_in_the_persons_language(self):
        partner, talent = self._sign_up("topics.de@example.com", "de_DE")
        topic = self.env["talent.topic"].create({"name": "Backend news (lang test)", "kind": "news"})
        partner.talent_topic_ids = [Command.link(topic.id)]
        mailing = self.env["mailing.mailing"].create(
            {
                "subject": "News",
                "mailing_model_id": self.env["ir.model"]._get_id("hr.applicant"),
                "talent_audience": True,
                "talent_topic_ids": [Command.set(topic.ids)],
            }
        )
        mailing.with_env(self.public_env).sudo()._talent_unsubscribe_topics(talent.id, partner.email)
        self.assertIn("Von Backend news (lang test) abgemeldet.", talent.talent_touch_ids.mapped("summary"))
        job = self.env["hr.job"].create({"name": "Backend Developer (lang test)", "no_of_recruitment": 1})
        talent.with_env(self.public_env).sudo()._talent_job_alert_apply(job)
        self.assertIn(
            "Hat auf den Job-Alert für Backend Developer (lang test) geantwortet: interessiert.",
            talent.talent_touch_ids.mapped("summary"),
        )


@tagged("post_install", "-at_install", "talent_crm")
class TestPageNumbers(TalentCommunityHttpCommon):
    def test_upload_limit_in_the_pages_number_format(self):
        self.env["res.lang"]._activate_lang("de_DE")
        self.env["ir.config_parameter"].sudo().set_param("talent_crm.signup_max_upload_mb", "2.5")
        self.opener.cookies.set("frontend_lang", "de_DE")
        page = self.url_open("/talent/join")
        self.assertEqual(page.status_code, 200)
        self.assertIn("höchstens 2,5 MB", page.text)
        self.opener.cookies.set("frontend_lang", "en_US")
        self.assertIn("at most 2.5 MB", self.url_open("/talent/join").text)
