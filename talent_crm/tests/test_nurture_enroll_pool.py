# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A sequence enrolls whole pools: each contactable person once, the others skipped with a reason."""

from odoo import Command
from odoo.tests import Form, tagged, users

from .common import TalentNurtureCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestNurtureEnrollPool(TalentNurtureCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clara = cls._create_nurture_talent("Clara Contactable")
        cls.clara_twin = cls._create_nurture_talent("Clara Twin", partner_id=cls.clara.partner_id.id)
        cls.david = cls._create_nurture_talent("David Enrolled")
        cls.dora = cls._create_nurture_talent("Dora Donotcontact")
        cls.dora.partner_id.talent_do_not_contact = True
        cls.bert = cls._create_nurture_talent("Bert Blacklisted")
        cls.env["mail.blacklist"]._add("bert.blacklisted@example.com")
        cls.other_pool = cls.env["hr.talent.pool"].create({"name": "Data people (test)", "company_id": cls.company.id})
        cls.erik = cls._create_nurture_talent("Erik Elsewhere", talent_pool_ids=[Command.set(cls.other_pool.ids)])
        cls.david._talent_enroll(cls.sequence)

    def _wizard(self, **values):
        action = self.env["talent.sequence"].browse(self.sequence.id).action_open_enroll_pool_wizard()
        wizard = Form(self.env["talent.sequence.enroll"].with_context(**action["context"]))
        for name, value in values.items():
            setattr(wizard, name, value)
        return wizard

    @users("talent_recruiter")
    def test_enroll_pools_from_the_sequence(self):
        wizard = self._wizard()
        self.assertEqual(wizard.sequence_id, self.sequence)
        wizard.pool_ids.add(self.env["hr.talent.pool"].browse(self.pool.id))
        wizard.pool_ids.add(self.env["hr.talent.pool"].browse(self.other_pool.id))
        self.assertEqual(wizard.talent_count, 2, "Clara (once) and Erik")
        self.assertEqual(wizard.already_count, 1)
        self.assertEqual(wizard.skipped_count, 4, "David enrolled, Clara's twin, Dora and Bert")
        self.assertIn("2 people will be enrolled.", wizard.preview)
        self.assertIn("1 skipped: already enrolled", wizard.preview)
        self.assertIn("1 skipped: another profile of the same person", wizard.preview)
        self.assertIn("1 skipped, cannot be contacted: Do not contact", wizard.preview)
        self.assertIn("1 skipped, cannot be contacted: Blacklisted", wizard.preview)
        action = wizard.save().action_enroll()

        Enrollment = self.env["talent.sequence.enrollment"]
        enrollments = Enrollment.search(action["domain"])
        self.assertRecordValues(
            enrollments.sorted(lambda e: e.talent_id.id),
            [
                {"talent_id": self.clara.id, "state": "running", "origin": "manual", "pool_id": self.pool.id},
                {"talent_id": self.erik.id, "state": "running", "origin": "manual", "pool_id": self.other_pool.id},
            ],
        )
        all_enrollments = Enrollment.sudo().search([("sequence_id", "=", self.sequence.id)])
        self.assertEqual(all_enrollments.talent_id, self.clara | self.david | self.erik, "nobody blocked, nobody twice")

        again = self._wizard()
        again.pool_ids.add(self.env["hr.talent.pool"].browse(self.pool.id))
        self.assertEqual(again.talent_count, 0)
        self.assertIn("3 skipped: already enrolled", again.preview, "Clara, her twin and David")
        again.save().action_enroll()
        self.assertEqual(Enrollment.sudo().search_count([("sequence_id", "=", self.sequence.id)]), 3)

    def test_consent_follows_the_channels_of_the_sequence(self):
        """Without consent nobody can be mailed: an email-only sequence skips them; a sequence
        with a LinkedIn task still enrolls them (the email steps are skipped when due, as for
        any enrollment)."""
        self.company.talent_require_consent = True
        email_only = self.sequence.copy({"name": "Email only"})
        email_only.step_ids.filtered(lambda s: s.channel != "email").unlink()
        wizard = self._wizard(sequence_id=email_only)
        wizard.pool_ids.add(self.pool)
        self.assertEqual(wizard.talent_count, 0)
        self.assertIn("cannot be contacted: No valid consent", wizard.preview)
        wizard = self._wizard()
        wizard.pool_ids.add(self.pool)
        self.assertEqual(wizard.talent_count, 1, "Clara: the LinkedIn task reaches her")

    def test_single_talents_still_enroll(self):
        wizard = Form(
            self.env["talent.sequence.enroll"].with_context(
                active_model="hr.applicant", active_ids=(self.clara | self.dora).ids
            )
        )
        wizard.sequence_id = self.sequence
        self.assertEqual(wizard.talent_count, 1)
        action = wizard.save().action_enroll()
        self.assertEqual(self.env["talent.sequence.enrollment"].search(action["domain"]).talent_id, self.clara)
