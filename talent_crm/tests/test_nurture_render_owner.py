# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Nurture messages render with the rights of the sequence's owner, never as superuser."""

from odoo import Command
from odoo.tests import tagged

from .common import TalentNurtureCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestNurtureRenderOwner(TalentNurtureCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.talent = cls._create_nurture_talent("Olli Owner")
        cls.talent.partner_id._talent_ensure_access_keys()
        cls.secret = cls.talent.partner_id.sudo().talent_access_key
        cls.leaky_template = cls.env["mail.template"].create(
            {
                "name": "Leaky nurture email",
                "model_id": cls.env["ir.model"]._get_id("hr.applicant"),
                "subject": "Hello {{ object.talent_nurture_first_name }}",
                "use_default_to": True,
                "body_html": '<p>Hello <t t-out="object.talent_nurture_first_name"/>, '
                'key <t t-out="object.partner_id.talent_access_key"/></p>',
            }
        )
        cls.plain_template = cls.env["mail.template"].create(
            {
                "name": "Plain nurture email",
                "model_id": cls.env["ir.model"]._get_id("hr.applicant"),
                "subject": "Hello {{ object.talent_nurture_first_name }}",
                "use_default_to": True,
                "body_html": '<p>Hello <t t-out="object.talent_nurture_first_name"/></p>',
            }
        )

    def _sequence_by(self, user, template):
        sequence = self.env["talent.sequence"].with_user(user).create(
            {
                "name": "Owned sequence (test)",
                "company_id": self.company.id,
                "step_ids": [
                    Command.create(
                        {"sequence": 1, "name": "Hello", "channel": "email", "mail_template_id": template.id}
                    )
                ],
            }
        )
        return sequence.sudo()

    def test_owner_is_who_changed_it(self):
        sequence = self._sequence_by(self.user_recruiter, self.plain_template)
        self.assertEqual(sequence.owner_id, self.user_recruiter)
        sequence.step_ids.with_user(self.user_manager).write({"name": "Hello again"})
        self.assertEqual(sequence.owner_id, self.user_manager, "whoever changes a step owns the sequence")
        self.assertEqual(sequence._talent_render_user(), self.user_manager)

    def test_field_the_owner_cannot_read_never_leaks(self):
        sequence = self._sequence_by(self.user_recruiter, self.leaky_template)
        self.talent._talent_enroll(sequence)
        self._run_scheduler()
        step = sequence.step_ids
        mails = self._mails(self.talent, step)
        for mail in mails:
            self.assertNotIn(self.secret, mail.body_html or "")
        messages = self.env["mail.message"].sudo().search(
            [("model", "=", "hr.applicant"), ("res_id", "=", self.talent.id)]
        )
        for message in messages:
            self.assertNotIn(self.secret, str(message.body or ""))
        enrollment = self.env["talent.sequence.enrollment"].search([("talent_id", "=", self.talent.id)])
        execution = self._executions(enrollment, step)
        self.assertEqual(execution.state, "failed", "the rendering fails rather than leak")

    def test_owner_renders_what_they_may_read(self):
        sequence = self._sequence_by(self.user_recruiter, self.plain_template)
        self.talent._talent_enroll(sequence)
        self._run_scheduler()
        mail = self._mails(self.talent, sequence.step_ids)
        self.assertEqual(len(mail), 1)
        self.assertIn("Hello Olli", mail.body_html)

    def test_owner_of_another_company_cannot_render_this_talent(self):
        sequence = self._sequence_by(self.user_manager, self.plain_template)
        sequence.owner_id = self.user_other_company
        self.talent._talent_enroll(sequence)
        self._run_scheduler()
        self.assertFalse(self._mails(self.talent, sequence.step_ids), "a talent the owner cannot read is not rendered")

    def test_sms_field_the_owner_cannot_read_never_leaks(self):
        sms_template = self.env["sms.template"].create(
            {
                "name": "Leaky SMS",
                "model_id": self.env["ir.model"]._get_id("hr.applicant"),
                "body": "Hi {{ object.talent_nurture_first_name }} {{ object.partner_id.talent_access_key }}",
            }
        )
        sequence = self.env["talent.sequence"].with_user(self.user_recruiter).create(
            {
                "name": "Owned SMS sequence (test)",
                "company_id": self.company.id,
                "step_ids": [
                    Command.create({"sequence": 1, "name": "SMS", "channel": "sms", "sms_template_id": sms_template.id})
                ],
            }
        )
        self.talent._talent_enroll(sequence.sudo())
        self._run_scheduler()
        self.assertFalse(self.env["sms.sms"].sudo().search([("body", "like", self.secret)]))
        self.assertFalse(
            self.env["mail.message"].sudo().search([("body", "like", self.secret)]), "nor in the chatter"
        )
