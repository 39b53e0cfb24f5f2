# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "talent_crm")
class TestMatchingTour(HttpCase):
    def test_matching_tour(self):
        """A recruiter (not admin) opens the best matches of a job and schedules a task."""
        company = self.env.ref("base.main_company")
        recruiter = new_test_user(
            self.env,
            login="tour_match_recruiter",
            password="tour_match_recruiter",
            name="Mona Match",
            groups="talent_crm.group_talent_crm_user,hr_recruitment.group_hr_recruitment_user",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        skill_type = self.env["hr.skill.type"].create(
            {
                "name": "Tour languages",
                "skill_ids": [Command.create({"name": "Tour Rust"})],
                "skill_level_ids": [Command.create({"name": "Good", "level_progress": 80, "default_level": True})],
            }
        )
        skill, level = skill_type.skill_ids, skill_type.skill_level_ids
        pool = self.env["hr.talent.pool"].create({"name": "Tour Match Pool"})
        self.env["hr.applicant"].create(
            [
                {
                    "partner_name": name,
                    "email_from": "%s@example.com" % name.lower().replace(" ", "."),
                    "talent_pool_ids": [Command.set(pool.ids)],
                    "applicant_skill_ids": [
                        Command.create({"skill_id": skill.id, "skill_level_id": level.id, "skill_type_id": skill_type.id})
                    ]
                    if name == "Tina Top"
                    else [],
                }
                for name in ("Tina Top", "Bodo Bottom")
            ]
        )
        job = self.env["hr.job"].create(
            {
                "name": "Tour Matching Job",
                "user_id": recruiter.id,
                "job_skill_ids": [
                    Command.create({"skill_id": skill.id, "skill_level_id": level.id, "skill_type_id": skill_type.id})
                ],
            }
        )
        self.start_tour("/odoo/recruitment/%s" % job.id, "talent_crm_matching_tour", login=recruiter.login)
        tina, bodo = (self.env["hr.applicant"].search([("partner_name", "=", name)]) for name in ("Tina Top", "Bodo Bottom"))
        self.assertEqual(len(tina), 1, "the tour created no talent")
        task = tina.activity_ids
        self.assertEqual(len(task), 1, "one task, on the match the recruiter opened")
        self.assertIn("Tour Matching Job", task.summary)
        self.assertEqual(task.user_id, recruiter)
        self.assertEqual(task.res_model, "hr.applicant")
        self.assertFalse(bodo.activity_ids, "nothing scheduled for the talent the recruiter did not pick")
