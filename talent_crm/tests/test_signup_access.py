# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import PDF_BYTES, TalentCrmCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestSignupAccess(TalentCrmCommon):
    """Pending sign-ups hold what strangers typed: only Talent CRM managers of the company read
    them, nobody edits them through RPC, and their CV follows the same rights."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.signup = cls.env["talent.signup"].sudo().create(
            {
                "email": "pending.person@example.com",
                "name": "Pending Person",
                "phone": "+49 30 5550111",
                "company_id": cls.company.id,
                "date_expiry": fields.Datetime.now() + timedelta(days=3),
            }
        )
        cls.cv = cls.env["ir.attachment"].sudo().create(
            {"name": "cv.pdf", "raw": PDF_BYTES, "res_model": "talent.signup", "res_id": cls.signup.id}
        )
        cls.user_other_manager = new_test_user(
            cls.env,
            login="talent_other_manager",
            groups="talent_crm.group_talent_crm_manager",
            company_id=cls.other_company.id,
            company_ids=[Command.set(cls.other_company.ids)],
        )
        cls.user_marketer = new_test_user(
            cls.env, login="talent_marketer", groups="base.group_user,mass_mailing.group_mass_mailing_user"
        )

    def test_recruiters_employees_and_marketers_cannot_read_signups_or_their_cv(self):
        for user in (self.user_recruiter, self.user_employee, self.user_marketer, self.user_other_company):
            with self.subTest(user=user.login):
                signup = self.signup.with_user(user)
                with self.assertRaises(AccessError):
                    signup.read(["email", "name"])
                with self.assertRaises(AccessError):
                    self.env["talent.signup"].with_user(user).search([])
                with self.assertRaises(AccessError):
                    self.cv.with_user(user).read(["datas"])

    def test_managers_read_only_their_companys_signups(self):
        signup = self.signup.with_user(self.user_manager)
        self.assertEqual(signup.read(["email"])[0]["email"], "pending.person@example.com")
        self.assertTrue(self.cv.with_user(self.user_manager).read(["name"]))
        with self.assertRaises(AccessError):
            signup.write({"name": "Changed"})
        with self.assertRaises(AccessError):
            signup.unlink()
        with self.assertRaises(AccessError):
            self.env["talent.signup"].with_user(self.user_manager).create(
                {"email": "forged@example.com", "company_id": self.company.id, "date_expiry": fields.Datetime.now()}
            )
        self.assertFalse(self.env["talent.signup"].with_user(self.user_other_manager).search([]))
        with self.assertRaises(AccessError):
            self.signup.with_user(self.user_other_manager).read(["email"])

    def test_marketer_cannot_forge_the_blacklist_marker(self):
        Blacklist = self.env["mail.blacklist"].with_user(self.user_marketer)
        entry = Blacklist.create({"email": "forged.marker@example.com", "talent_company_id": self.company.id})
        self.assertFalse(entry.talent_company_id)
        entry.write({"talent_company_id": self.company.id})
        self.assertFalse(entry.talent_company_id)
        entry.sudo().invalidate_recordset()
        self.assertFalse(entry.sudo().talent_company_id)
