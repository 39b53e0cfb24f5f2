# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Personal links are made when the email leaves, for its recipient: never kept in a readable
field, a rendered body, the chatter or a mailing's test email."""

import re
from unittest.mock import patch

from odoo import Command
from odoo.tests import tagged

from odoo.addons.base.tests.common import MockSmtplibCase

from .common import TalentNurtureCommon

# a signed link of talent_crm: preference centre or job apply, with its token
SIGNED_RE = re.compile(r"/talent/(?:preferences/|jobs/\d+/apply/)[A-Za-z0-9_\-]{20,}")


@tagged("post_install", "-at_install", "talent_crm")
class TestPersonalLinks(TalentNurtureCommon, MockSmtplibCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.talent = cls._create_nurture_talent("Petra Person")
        cls.job = cls.env["hr.job"].create({"name": "Data Engineer (links)", "company_id": cls.company.id})

    def _send_and_capture(self, mails):
        """Send ``mails`` and return what left: ``[(email_to, body)]``."""
        sent = []
        server_class = type(self.env["ir.mail_server"])
        original = server_class._build_email__

        def build_email(server, email_from, email_to, subject, body, *args, **kwargs):
            sent.append((email_to, body))
            return original(server, email_from, email_to, subject, body, *args, **kwargs)

        with self.mock_smtplib_connection(), patch.object(server_class, "_build_email__", build_email):
            mails.sudo().send(raise_exception=False)
        return sent

    def _assert_no_signed_link_kept(self, talent):
        messages = self.env["mail.message"].sudo().search([("model", "=", "hr.applicant"), ("res_id", "=", talent.id)])
        self.assertTrue(messages)
        for message in messages:
            self.assertFalse(SIGNED_RE.search(str(message.body or "")), "no signed link in the chatter")
        for mail in self.env["mail.mail"].sudo().search([("res_id", "=", talent.id), ("model", "=", "hr.applicant")]):
            self.assertFalse(SIGNED_RE.search(str(mail.body_html or "")), "no signed link in the mail queue")

    def _assert_valid_link(self, body, kind, job=None):
        match = SIGNED_RE.search(body)
        self.assertTrue(match, "the email that left carries the person's link")
        token = match.group(0).rsplit("/", 1)[1]
        partner, company = self.env["res.partner"]._talent_from_token(kind, token, job=job)
        self.assertEqual(partner, self.talent.partner_id)
        self.assertEqual(company, self.company)

    def test_no_readable_link_field(self):
        for model in ("hr.applicant", "res.partner"):
            for name in ("talent_job_apply_url", "talent_preference_url"):
                self.assertNotIn(name, self.env[model]._fields)
        # everything a recruiter can read of the talent and the person holds no signed link
        talent = self.talent.with_user(self.user_recruiter).with_context(talent_job_alert_job_id=self.job.id)
        for record in (talent, talent.partner_id):
            names = [
                name
                for name, field in record._fields.items()
                if field.type in ("char", "html", "text") and record._has_field_access(field, "read")
            ]
            values = record.read(names)
            self.assertFalse(SIGNED_RE.search(repr(values)))

    def test_nurture_email_link_made_at_send_time(self):
        self.step_email.mail_template_id = self.env.ref("talent_crm.mail_template_nurture_welcome")
        self.talent._talent_enroll(self.sequence)
        self.assertEqual(self._run_scheduler(), 1)
        mail = self._mails(self.talent, self.step_email)
        self.assertIn("/talent/my-preferences", mail.body_html)
        self._assert_no_signed_link_kept(self.talent)
        sent = self._send_and_capture(mail)
        [(_email_to, body)] = sent
        self.assertNotIn("/talent/my-preferences", body)
        self._assert_valid_link(body, "preferences")
        self._assert_no_signed_link_kept(self.talent)

    def test_job_alert_links_made_at_send_time(self):
        alert = self.env["talent.job.alert"].create(
            {
                "job_id": self.job.id,
                "partner_id": self.talent.partner_id.id,
                "talent_id": self.talent.id,
                "company_id": self.company.id,
                "state": "queued",
            }
        )
        alert._talent_send_now(self.job)
        self.assertEqual(alert.state, "sent")
        mail = self.env["mail.mail"].sudo().search(
            [("res_id", "=", self.talent.id), ("model", "=", "hr.applicant"), ("mailing_id", "!=", False)]
        )
        self.assertIn("/talent/my-job/%s" % self.job.id, mail.body_html)
        self._assert_no_signed_link_kept(self.talent)
        [(_email_to, body)] = self._send_and_capture(mail)
        self.assertIn("/talent/jobs/%s/apply/" % self.job.id, body)
        match = re.search(r"/talent/jobs/%s/apply/([A-Za-z0-9_\-]+)" % self.job.id, body)
        partner, _company = self.env["res.partner"]._talent_from_token("job_apply", match.group(1), job=self.job)
        self.assertEqual(partner, self.talent.partner_id)
        self.assertIn("/talent/preferences/", body)
        self._assert_no_signed_link_kept(self.talent)

    def test_retention_renewal_link_made_at_send_time(self):
        self.talent._talent_send_renewal_requests()
        mail = self.env["mail.mail"].sudo().search(
            [("res_id", "=", self.talent.id), ("model", "=", "hr.applicant"), ("subject", "like", "keep your profile")]
        )
        self.assertEqual(len(mail), 1)
        self._assert_no_signed_link_kept(self.talent)
        [(_email_to, body)] = self._send_and_capture(mail)
        self._assert_valid_link(body, "preferences")

    def test_copies_to_others_keep_the_placeholder(self):
        """A follower notified of a message carrying the placeholder gets no personal link."""
        self.talent.message_subscribe(partner_ids=self.user_manager.partner_id.ids)
        self.talent.message_post(
            body='<p>See <a href="/talent/my-preferences">your preferences</a></p>',
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=(self.talent.partner_id | self.user_manager.partner_id).ids,
            body_is_html=True,
        )
        mails = self.env["mail.mail"].sudo().search([("res_id", "=", self.talent.id), ("model", "=", "hr.applicant")])
        sent = self._send_and_capture(mails)
        by_recipient = {tuple(email_to): body for email_to, body in sent}
        self.assertGreaterEqual(len(by_recipient), 2)
        to_person = [key for key in by_recipient if any("petra.person@example.com" in address for address in key)]
        self.assertEqual(len(to_person), 1)
        for email_to, body in by_recipient.items():
            if email_to in to_person:
                self._assert_valid_link(body, "preferences")
            else:
                self.assertFalse(SIGNED_RE.search(body), "the manager gets no personal link of the talent")
        self._assert_no_signed_link_kept(self.talent)

    def test_mailing_test_email_gets_the_placeholder(self):
        mailing = self.env["mailing.mailing"].create(
            {
                "subject": "Newsletter",
                "mailing_model_id": self.env["ir.model"]._get_id("hr.applicant"),
                "mailing_domain": repr([("id", "=", self.talent.id)]),
                "body_html": '<p>Hi <a href="/talent/my-preferences">Manage your preferences</a> '
                '<a href="/talent/my-job/%s">Apply</a></p>' % self.job.id,
                "talent_pool_ids": [Command.set(self.pool.ids)],
            }
        )
        sent = []
        server_class = type(self.env["ir.mail_server"])
        original = server_class._build_email__

        def build_email(server, email_from, email_to, subject, body, *args, **kwargs):
            sent.append(body)
            return original(server, email_from, email_to, subject, body, *args, **kwargs)

        wizard = self.env["mailing.mailing.test"].create({"mass_mailing_id": mailing.id, "email_to": "qa@example.com"})
        with self.mock_smtplib_connection(), patch.object(server_class, "_build_email__", build_email):
            wizard.send_mail_test()
        self.assertTrue(sent)
        for body in sent:
            self.assertFalse(SIGNED_RE.search(body), "a test email never carries a real person's link")
            self.assertIn("/talent/my-preferences", body)

    def test_existing_templates_switch_to_placeholders(self):
        """Templates of existing databases (noupdate) and their copies stop rendering links."""
        template = self.env["mail.template"].create(
            {"name": "Copied alert", "model_id": self.env["ir.model"]._get_id("hr.applicant"), "body_html": "<p/>"}
        )
        old_body = (
            '<p><a t-att-href="object.talent_job_apply_url">Apply</a>'
            '<a t-att-href="object._talent_preference_url()">Preferences</a></p>'
        )
        # as a database of the previous version holds it (a removed field cannot be saved today)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE mail_template SET body_html = jsonb_build_object('en_US', %s::text, 'de_DE', %s::text) "
            "WHERE id = %s",
            (old_body, old_body, template.id),
        )
        template.invalidate_recordset()
        confirm = self.env.ref("talent_crm.talent_signup_mail_template_confirm")
        confirm_body = confirm.body_html
        self.env["mail.template"]._talent_use_link_placeholders()
        self.assertIn('href="/talent/my-preferences"', template.body_html)
        self.assertIn('href="/talent/my-job/{{ object.talent_alert_job_id.id }}"', template.body_html)
        self.assertNotIn("_talent_preference_url", template.body_html)
        self.env.cr.execute("SELECT body_html->>'de_DE' FROM mail_template WHERE id = %s", (template.id,))
        self.assertIn('href="/talent/my-preferences"', self.env.cr.fetchone()[0], "every language")
        self.assertEqual(confirm.body_html, confirm_body, "the sign-up confirmation is left alone")
