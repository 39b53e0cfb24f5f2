# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "talent_crm")
class TestTalentCrmTour(HttpCase):
    def test_capture_tour(self):
        """A recruiter (not admin) captures a talent and adds it to a pool in the web client."""
        recruiter = new_test_user(
            self.env,
            login="tour_recruiter",
            password="tour_recruiter",
            name="Tom Tour",
            groups="talent_crm.group_talent_crm_user",
            company_id=self.env.ref("base.main_company").id,
            company_ids=[Command.set(self.env.ref("base.main_company").ids)],
        )
        pool = self.env["hr.talent.pool"].create({"name": "Tour Pool"})
        self.start_tour("/odoo", "talent_crm_capture_tour", login=recruiter.login)
        talent = self.env["hr.applicant"].search([("email_from", "=", "tilda.tour@example.com")])
        self.assertEqual(len(talent), 1)
        self.assertIn(pool, talent.talent_pool_ids)
        self.assertIn(self.env.ref("talent_crm.hr_talent_pool_new_leads"), talent.talent_pool_ids)
        self.assertEqual(talent.linkedin_profile, "https://www.linkedin.com/in/tilda-tour")
        self.assertEqual(talent.user_id, recruiter)
        self.assertEqual(talent.partner_id.email, "tilda.tour@example.com")


@tagged("post_install", "-at_install", "talent_crm")
class TestTalentMergeTour(HttpCase):
    def test_merge_tour(self):
        """A head of talent (not admin) merges a pair of duplicates from the review list."""
        company = self.env.ref("base.main_company")
        manager = new_test_user(
            self.env,
            login="tour_manager",
            password="tour_manager",
            name="Mia Manager",
            groups="talent_crm.group_talent_crm_manager",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        pool = self.env["hr.talent.pool"].create({"name": "Merge Tour Pool"})
        Talent = self.env["hr.applicant"]
        kept = Talent.create(
            {"partner_name": "Mona Merge", "email_from": "mona@example.com", "talent_pool_ids": [Command.set(pool.ids)]}
        )
        other_partner = self.env["res.partner"].create({"name": "Mona M.", "email": "mona@example.com"})
        merged = Talent.create(
            {
                "partner_name": "Mona M.",
                "email_from": "mona@example.com",
                "partner_id": other_partner.id,
                "talent_city": "Bremen",
                "talent_pool_ids": [Command.set(pool.ids)],
            }
        )
        self.env["talent.duplicate"]._talent_refresh(kept | merged)
        self.start_tour("/odoo", "talent_crm_merge_tour", login=manager.login)
        self.assertTrue(kept.exists())
        self.assertFalse(merged.exists())
        self.assertFalse(other_partner.exists())
        self.assertEqual(kept.talent_city, "Bremen")
