# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Every campaign and nurture email leaves with the person's preference and unsubscribe links,
whatever its body holds."""

import re

from odoo import Command
from odoo.tests import tagged

from odoo.addons.mail.tests.common import MockEmail

from .common import TalentCampaignCommon, TalentNurtureCommon

PREFERENCES_RE = re.compile(r'href="https?://[^"]+/talent/preferences/[^"/]+"')
UNSUBSCRIBE_RE = re.compile(r'href="https?://[^"]+/mailing/\d+/confirm_unsubscribe\?[^"]+"')


class FooterAssertions:
    def _sent_body(self, email):
        sent = [mail for mail in self._mails if email in mail["email_to"][0]]
        self.assertEqual(len(sent), 1, "one email sent to %s" % email)
        return sent[0]["body"]

    def _assert_footer(self, body, unsubscribe=True):
        self.assertIn("o_talent_footer", body)
        self.assertRegex(body, PREFERENCES_RE, "the person's own preference centre link")
        self.assertNotIn("/talent/my-preferences", body, "no placeholder is left")
        if unsubscribe:
            self.assertRegex(body, UNSUBSCRIBE_RE, "the person's own unsubscribe link")
            self.assertNotIn("/unsubscribe_from_list", body)


@tagged("post_install", "-at_install", "talent_crm")
class TestCampaignFooter(FooterAssertions, TalentCampaignCommon, MockEmail):
    def test_campaign_email_gets_the_footer(self):
        mailing = self._mailing(body_html="<p>Hello from the team</p>", body_arch="<p>Hello from the team</p>")
        with self.mock_mail_gateway():
            mailing.action_send_mail()
            self._new_mails.filtered(lambda m: m.state == "outgoing").send()
        body = self._sent_body("anna.audience@example.com")
        self.assertIn("Hello from the team", body)
        self._assert_footer(body)

    def test_body_with_its_own_links_gets_no_second_one(self):
        html = '<p>Hi</p><a href="/talent/my-preferences">Prefs</a> <a href="/unsubscribe_from_list">Bye</a>'
        mailing = self._mailing(body_html=html, body_arch=html)
        with self.mock_mail_gateway():
            mailing.action_send_mail()
            self._new_mails.filtered(lambda m: m.state == "outgoing").send()
        body = self._sent_body("anna.audience@example.com")
        self.assertNotIn("o_talent_footer", body)
        self.assertRegex(body, PREFERENCES_RE)
        self.assertRegex(body, UNSUBSCRIBE_RE)

    def test_contact_mailing_unchanged(self):
        """Odoo's own mailings (here to contacts) get no talent footer."""
        mailing = self._mailing(
            mailing_model_id=self.env["ir.model"]._get_id("res.partner"),
            mailing_domain=repr([("id", "=", self.anna.partner_id.id)]),
            talent_pool_ids=False,
        )
        with self.mock_mail_gateway():
            mailing.action_send_mail()
            self._new_mails.filtered(lambda m: m.state == "outgoing").send()
        body = self._sent_body("anna.audience@example.com")
        self.assertNotIn("o_talent_footer", body)


@tagged("post_install", "-at_install", "talent_crm")
class TestNurtureFooter(FooterAssertions, TalentNurtureCommon, MockEmail):
    def test_nurture_email_gets_the_footer(self):
        self.mail_template.body_html = "<p>Just a short hello</p>"
        sequence = self.env["talent.sequence"].create(
            {
                "name": "Plain hello",
                "company_id": self.company.id,
                "user_id": self.user_manager.id,
                "step_ids": [
                    Command.create({"name": "Hello", "channel": "email", "mail_template_id": self.mail_template.id})
                ],
            }
        )
        talent = self._create_nurture_talent("Nora Nurtured")
        talent._talent_enroll(sequence)
        with self.mock_mail_gateway():
            self._run_scheduler()
            self._new_mails.filtered(lambda m: m.state == "outgoing").send()
        body = self._sent_body("nora.nurtured@example.com")
        self.assertIn("Just a short hello", body)
        self._assert_footer(body)
