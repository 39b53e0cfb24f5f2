# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A nurture step whose message is empty is refused: when its sequence is activated, when it is
saved on an active sequence, and when the template of a running step loses its text. Empty
messages never leave (issue 18, point 6)."""

from contextlib import contextmanager

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import TalentNurtureCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestNurtureEmptyBody(TalentNurtureCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.empty_mail_template = cls.env["mail.template"].create(
            {
                "name": "Forgotten draft",
                "model_id": cls.env["ir.model"]._get_id("hr.applicant"),
                "subject": "News",
                "use_default_to": True,
                "body_html": '<p style="margin: 0px;"><br></p>\n<div>  </div>',
            }
        )
        cls.empty_sms_template = cls.env["sms.template"].create(
            {"name": "Blank SMS", "model_id": cls.env["ir.model"]._get_id("hr.applicant"), "body": "   "}
        )
        cls.erna = cls._create_nurture_talent("Erna Empty")

    @contextmanager
    def _refused(self, exception, pattern):
        """Like ``assertRaisesRegex``, in a savepoint (``assertRaises`` rolls the refused write back)."""
        with self.assertRaises(exception) as catcher:
            yield
        self.assertRegex(str(catcher.exception), pattern)

    def _sequence_values(self, step_values, **values):
        return dict(
            {
                "name": "Empty keep-warm",
                "company_id": self.company.id,
                "user_id": self.user_manager.id,
                "step_ids": [Command.create(step_values)],
            },
            **values,
        )

    def test_activating_a_sequence_with_an_empty_email_step_is_refused(self):
        # a draft kept archived may hold a step still being written
        sequence = self.env["talent.sequence"].create(
            self._sequence_values(
                {"name": "Autumn news", "channel": "email", "mail_template_id": self.empty_mail_template.id},
                active=False,
            )
        )
        with self._refused(ValidationError, "Autumn news.*Forgotten draft.*is empty"):
            sequence.action_unarchive()
        self.assertFalse(sequence.active)
        with self._refused(UserError, "archived"):
            self.erna._talent_enroll(sequence)
        # an active sequence cannot be created with it either
        with self._refused(ValidationError, "Autumn news"):
            self.env["talent.sequence"].create(
                self._sequence_values(
                    {"name": "Autumn news", "channel": "email", "mail_template_id": self.empty_mail_template.id}
                )
            )
        # once the text is written, the sequence runs
        self.empty_mail_template.body_html = '<p>Hello <t t-out="object.talent_nurture_first_name"/></p>'
        sequence.action_unarchive()
        self.assertTrue(sequence.active)

    def test_sms_step_with_an_empty_body_is_refused(self):
        with self._refused(ValidationError, "Quick text.*Blank SMS.*is empty"):
            self.env["talent.sequence"].create(
                self._sequence_values(
                    {"name": "Quick text", "channel": "sms", "sms_template_id": self.empty_sms_template.id}
                )
            )

    def test_step_emptied_while_the_sequence_runs_is_refused_and_nothing_empty_is_sent(self):
        enrollment = self.erna._talent_enroll(self.sequence)
        self.assertEqual(enrollment.next_step_id, self.step_email)
        # the step switched to an empty template
        with self._refused(ValidationError, "Welcome.*Forgotten draft"):
            self.step_email.mail_template_id = self.empty_mail_template
        # the template of the running step loses its text
        with self._refused(ValidationError, "Welcome.*Nurture test email"):
            self.mail_template.body_html = "<p><br></p>"
        with self._refused(ValidationError, "SMS check-in"):
            self.step_sms.sms_template_id = self.empty_sms_template
        self.assertEqual(self.step_email.mail_template_id, self.mail_template)
        self.assertTrue(self.step_email._talent_has_body())
        self.assertTrue(self.step_sms._talent_has_body())
        self.assertTrue(self.step_linkedin._talent_has_body(), "a task has no message to write")

        self._run_scheduler()
        mail = self._mails(self.erna, self.step_email)
        self.assertEqual(len(mail), 1)
        self.assertIn("Hello Erna", mail.body_html, "what leaves is the text the step was saved with")

    def test_archived_sequence_may_hold_an_empty_step(self):
        self.sequence.action_archive()
        self.step_email.mail_template_id = self.empty_mail_template
        self.assertFalse(self.step_email._talent_has_body())
        with self._refused(ValidationError, "Welcome"):
            self.sequence.action_unarchive()

    def test_what_counts_as_a_message(self):
        has_text = self.env["talent.sequence.step"]._talent_html_has_text
        for html in (False, "", "<p><br></p>", "<div>\n  <p> </p></div>", "<table><tr><td>&nbsp;</td></tr></table>"):
            self.assertFalse(has_text(html), html)
        for html in ("<p>Hi</p>", '<p><t t-out="object.partner_name"/></p>', '<p><img src="/logo.png"/></p>'):
            self.assertTrue(has_text(html), html)

    def test_a_message_emptied_behind_the_checks_is_skipped_when_due(self):
        """A template emptied where no check runs (an import, a module update writing SQL) is
        caught when the step is due: the step is skipped with its reason and nothing is sent."""
        enrollment = self.erna._talent_enroll(self.sequence)
        self.assertEqual(enrollment.next_step_id, self.step_email)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE mail_template SET body_html = %s WHERE id = %s",
            ['{"en_US": "<p><br></p>"}', self.mail_template.id],
        )
        self.env.invalidate_all()
        self._run_scheduler()
        self.assertFalse(self._mails(self.erna, self.step_email), "no empty email leaves")
        self.assertRecordValues(
            self._executions(enrollment, self.step_email), [{"state": "skipped", "skip_reason": "empty_body"}]
        )
        self.assertNotEqual(enrollment.next_step_id, self.step_email, "the enrollment moves on")
