# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue 16, point 8: talent_crm's fields on contacts belong to Talent CRM users; Contacts
work as without talent_crm for everybody else (employees, Email Marketing users)."""
from odoo import Command
from odoo.tests import new_test_user, tagged

from .common import TalentCrmCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestPartnerTalentFieldsAccess(TalentCrmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_marketer_only = new_test_user(
            cls.env,
            login="plain_marketer",
            name="Mia Marketer",
            groups="base.group_user,base.group_partner_manager,mass_mailing.group_mass_mailing_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.user_plain = new_test_user(
            cls.env,
            login="plain_employee",
            name="Paul Plain",
            groups="base.group_user,base.group_partner_manager",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.talent = cls._create_talent("Tina Talent", partner_phone="+49 30 5550100")
        cls.contact = cls.talent.partner_id
        cls.contact._talent_log_touch("Coffee chat", talent_id=cls.talent.id)
        cls.env["talent.consent"].create({"partner_id": cls.contact.id, "purpose": "communication"})

    def _assert_contacts_work(self, user):
        Partner = self.env["res.partner"].with_user(user)
        talent_fields = [fname for fname in Partner.fields_get() if fname.startswith("talent_")]
        self.assertFalse(talent_fields, "talent fields listed for %s" % user.login)
        views = Partner.get_views([(False, "form"), (False, "list")])
        form = views["views"]["form"]["arch"]
        self.assertNotIn("talent_", form)
        spec = {fname: {} for fname in views["models"]["res.partner"]["fields"]}
        for fname, field in views["models"]["res.partner"]["fields"].items():
            if field["type"] in ("one2many", "many2many"):
                spec[fname] = {"fields": {"display_name": {}}}
            elif field["type"] == "many2one":
                spec[fname] = {"fields": {"display_name": {}}}
        contact = Partner.browse(self.contact.id)
        values = contact.web_read(spec)[0]
        self.assertEqual(values["name"], "Tina Talent")
        contact.web_save({"function": "Engineer", "phone": "+49 30 5550101"}, spec)
        self.assertEqual(self.contact.phone, "+49 30 5550101")
        new = Partner.web_save({"name": "New Customer", "email": "new@customer.example.com"}, spec)
        self.assertEqual(new[0]["name"], "New Customer")

    def test_plain_employee_uses_contacts(self):
        self._assert_contacts_work(self.user_plain)

    def test_marketer_without_recruitment_uses_contacts(self):
        self._assert_contacts_work(self.user_marketer_only)

    def test_talent_users_see_the_fields(self):
        fields = self.env["res.partner"].with_user(self.user_recruiter).fields_get()
        self.assertIn("talent_consent_ids", fields)
        self.assertIn("talent_do_not_contact", fields)
        form = self.env["res.partner"].with_user(self.user_recruiter).get_views([(False, "form")])
        self.assertIn("talent_consent_ids", form["views"]["form"]["arch"])
