# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "talent_crm")
class TestLeadFunnelTour(HttpCase):
    def test_lead_funnel_tour(self):
        """A recruiter (not admin) drags a lead across the funnel kanban and converts it."""
        company = self.env.ref("base.main_company")
        recruiter = new_test_user(
            self.env,
            login="tour_lead_recruiter",
            password="tour_lead_recruiter",
            name="Lea Lead",
            email="lea.lead@example.com",
            groups="talent_crm.group_talent_crm_user",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        company.write({"talent_qualify_require_contact": True, "talent_qualify_require_role_family": True})
        pool = self.env["hr.talent.pool"].create({"name": "Tour Funnel Pool"})
        role = self.env["talent.role.family"].create({"name": "Tour Backend"})
        job = self.env["hr.job"].create({"name": "Tour Backend Job", "company_id": company.id})
        talent = self.env["hr.applicant"].create(
            {
                "partner_name": "Kira Kanban",
                "email_from": "kira.kanban@example.com",
                "talent_pool_ids": [Command.set(pool.ids)],
                "talent_role_family_id": role.id,
            }
        )
        self.assertEqual(talent.talent_lead_state, "captured")
        self.start_tour("/odoo", "talent_crm_lead_funnel_tour", login=recruiter.login)
        self.assertEqual(talent.talent_lead_state, "converted")
        application = talent.talent_application_ids
        self.assertEqual(application.job_id, job)
        self.assertEqual(application.partner_id, talent.partner_id)
        history = talent.talent_lead_state_log_ids.sorted("id")
        self.assertEqual(history.mapped("to_state"), ["captured", "qualified", "activated", "converted"])
        self.assertEqual(history[1:].user_id, recruiter, "moved by the recruiter")
