# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged, users

from .common import TalentNurtureCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestNurtureAccess(TalentNurtureCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.talent = cls._create_nurture_talent("Ida Access")
        cls.enrollment = cls.talent._talent_enroll(cls.sequence)
        cls.other_pool = cls.env["hr.talent.pool"].create({"name": "Vienna pool", "company_id": cls.other_company.id})
        cls.other_talent = (
            cls.env["hr.applicant"]
            .with_company(cls.other_company)
            .create(
                {
                    "partner_name": "Otto Other",
                    "email_from": "otto.other@example.at",
                    "company_id": cls.other_company.id,
                    "talent_pool_ids": [Command.set(cls.other_pool.ids)],
                }
            )
        )
        cls.shared_sequence = cls.env["talent.sequence"].create(
            {
                "name": "Shared sequence",
                "company_id": False,
                "step_ids": [Command.create({"name": "Call", "channel": "call"})],
            }
        )

    @users("talent_recruiter")
    def test_recruiter_builds_a_sequence_and_enrolls(self):
        sequence = self.env["talent.sequence"].create(
            {
                "name": "Event follow-up",
                "step_ids": [
                    Command.create(
                        {"name": "Thanks for coming", "channel": "email", "mail_template_id": self.mail_template.id}
                    ),
                    Command.create({"name": "Connect", "channel": "linkedin", "delay_days": 3}),
                ],
            }
        )
        email_step = sequence.step_ids.filtered(lambda s: s.channel == "email")
        # the tracking mailing is created without Email Marketing rights
        self.assertRecordValues(
            email_step.sudo().mailing_id,
            [{"talent_sequence_step_id": email_step.id, "mailing_type": "mail", "active": False, "state": "done"}],
        )
        self.assertFalse(sequence.step_ids.filtered(lambda s: s.channel == "linkedin").sudo().mailing_id)
        self.assertEqual(
            sequence.step_ids.filtered(lambda s: s.channel == "linkedin").activity_type_id,
            self.env.ref("talent_crm.mail_activity_type_talent_linkedin"),
        )
        talent = self.env["hr.applicant"].browse(self.talent.id)
        wizard = Form(
            self.env["talent.sequence.enroll"].with_context(active_model="hr.applicant", active_ids=talent.ids)
        )
        wizard.sequence_id = sequence
        action = wizard.save().action_enroll()
        enrollment = self.env["talent.sequence.enrollment"].search(action["domain"])
        self.assertRecordValues(enrollment, [{"talent_id": talent.id, "state": "running", "origin": "manual"}])
        self.assertEqual(email_step.stat_scheduled, 1)
        enrollment.action_pause()
        self.assertEqual(enrollment.state, "paused")
        enrollment.action_resume()
        self.assertEqual(enrollment.state, "running")
        enrollment.action_stop()
        self.assertEqual((enrollment.state, enrollment.stop_reason), ("stopped", "manual"))
        with self.assertRaisesRegex(AccessError, r"not allowed to delete.*\(talent\.sequence\)"):
            sequence.unlink()

    @users("talent_recruiter")
    def test_recruiter_cannot_forge_history(self):
        self.assertEqual(self.env["talent.sequence.enrollment"].browse(self.enrollment.id).sequence_id, self.sequence)
        with self.assertRaisesRegex(AccessError, r"not allowed to create.*\(talent\.sequence\.execution\)"):
            self.env["talent.sequence.execution"].create(
                {
                    "enrollment_id": self.enrollment.id,
                    "step_id": self.step_email.id,
                    "channel": "email",
                    "state": "sent",
                    "company_id": self.company.id,
                }
            )
        with self.assertRaisesRegex(AccessError, r"not allowed to delete.*\(talent\.sequence\.enrollment\)"):
            self.env["talent.sequence.enrollment"].browse(self.enrollment.id).unlink()
        with self.assertRaisesRegex(AccessError, r"not allowed to create.*\(sms\.template\)"):
            self.env["sms.template"].create({"name": "Not allowed", "body": "x"})
        self.assertEqual(self._executions(self.enrollment).sudo().mapped("state"), [], "nothing was forged")

    @users("talent_manager")
    def test_manager_cleans_up(self):
        with self.assertRaisesRegex(UserError, "People are enrolled in this sequence"):
            self.env["talent.sequence"].browse(self.sequence.id).unlink()
        self.assertTrue(self.sequence.exists(), "kept while someone is enrolled")
        self.env["talent.sequence.enrollment"].browse(self.enrollment.id).unlink()
        self.env["talent.sequence"].browse(self.sequence.id).unlink()
        self.assertFalse(self.sequence.exists())
        template = self.env["sms.template"].create(
            {"name": "Manager SMS", "body": "Hi", "model_id": self.env["ir.model"]._get_id("hr.applicant")}
        )
        self.assertEqual(
            self.env["sms.template"].search([("id", "=", template.id)]).mapped("body"), ["Hi"], "and reads it back"
        )
        template.unlink()
        self.assertFalse(template.exists())

    @users("talent_employee")
    def test_employee_sees_no_nurture(self):
        for model, record in (
            ("talent.sequence", self.sequence),
            ("talent.sequence.step", self.step_email),
            ("talent.sequence.enrollment", self.enrollment),
        ):
            with self.subTest(model=model), self.assertRaisesRegex(
                AccessError, r"not allowed to access .*\(%s\)" % re.escape(model)
            ):
                self.env[model].browse(record.id).read(["display_name"])

    @users("talent_other_recruiter")
    def test_other_company_is_isolated(self):
        self.assertFalse(self.env["talent.sequence"].search([("id", "=", self.sequence.id)]))
        self.assertFalse(self.env["talent.sequence.enrollment"].search([]))
        with self.assertRaisesRegex(
            AccessError, r"doesn't have 'read' access to:\n- .*\(talent\.sequence\.enrollment\)"
        ):
            self.env["talent.sequence.enrollment"].browse(self.enrollment.id).read(["state"])
        # shared sequences are usable by every company
        other_talent = self.env["hr.applicant"].browse(self.other_talent.id)
        enrollment = other_talent._talent_enroll(self.env["talent.sequence"].browse(self.shared_sequence.id))
        self.assertRecordValues(
            enrollment,
            [
                {
                    "talent_id": other_talent.id,
                    "sequence_id": self.shared_sequence.id,
                    "company_id": self.other_company.id,
                }
            ],
        )
        with self.assertRaisesRegex(UserError, "belongs to %s; these talents do not: Otto Other" % self.company.name):
            other_talent._talent_enroll(self.sequence.sudo())

    def test_enroll_api(self):
        again = self.talent._talent_enroll(self.sequence)
        self.assertEqual(again, self.enrollment, "idempotent: the existing enrollment is returned")
        self.enrollment.action_stop()
        self.assertEqual(self.talent._talent_enroll(self.sequence).state, "stopped", "left as it is")
        application = self.env["hr.applicant"].create({"partner_name": "Not a talent", "email_from": "nat@example.com"})
        with self.assertRaisesRegex(UserError, "Only talents"):
            application._talent_enroll(self.sequence)
        empty = self.env["talent.sequence"].create({"name": "Empty"})
        with self.assertRaisesRegex(UserError, "no step"):
            self.talent._talent_enroll(empty)
        self.shared_sequence.active = False
        with self.assertRaisesRegex(UserError, "archived"):
            self.talent._talent_enroll(self.shared_sequence)

    def test_pool_auto_enrollment(self):
        pool = self.env["hr.talent.pool"].create({"name": "Auto pool", "talent_sequence_id": self.sequence.id})
        before = self._create_nurture_talent("Already There")
        pool.talent_ids = [Command.link(before.id)]
        created = self._create_nurture_talent("New Member", talent_pool_ids=[Command.set(pool.ids)])
        moved = self._create_nurture_talent("Moved Member")
        moved.talent_pool_ids = [Command.link(pool.id)]
        for talent in (before, created, moved):
            with self.subTest(talent=talent.partner_name):
                self.assertRecordValues(
                    talent.talent_sequence_enrollment_ids,
                    [{"sequence_id": self.sequence.id, "origin": "pool", "pool_id": pool.id}],
                )
        stranger = self._create_nurture_talent("Member Before Sequence", talent_pool_ids=[Command.set(self.pool.ids)])
        self.pool.talent_sequence_id = self.sequence
        self.assertFalse(
            stranger.talent_sequence_enrollment_ids, "setting the sequence does not enroll current members"
        )
        self.pool.action_talent_enroll_members()
        self.assertEqual(stranger.talent_sequence_enrollment_ids.sequence_id, self.sequence)
