# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "talent_crm")
class TestErasureTour(HttpCase):
    def test_manager_processes_erasure_request(self):
        """A talent manager (not admin) anonymises a person from the erasure request form."""
        company = self.env.ref("base.main_company")
        manager = new_test_user(
            self.env,
            login="tour_talent_manager",
            password="tour_talent_manager",
            name="Theo Tour",
            groups="talent_crm.group_talent_crm_manager",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        pool = self.env["hr.talent.pool"].create({"name": "Tour Erasure Pool"})
        talent = self.env["hr.applicant"].create(
            {
                "partner_name": "Tessa Tour-Erase",
                "email_from": "tessa.tour@example.com",
                "talent_pool_ids": [Command.set(pool.ids)],
            }
        )
        request = self.env["talent.erasure.request"]._talent_request_from_partner(talent.partner_id, company)
        self.start_tour("/odoo", "talent_crm_erasure_tour", login=manager.login)
        self.assertEqual(request.state, "done")
        self.assertEqual(request.user_id, manager)
        self.assertFalse(talent.active)
        self.assertFalse(talent.email_from)
        self.assertNotIn("Tessa", talent.partner_id.name)
