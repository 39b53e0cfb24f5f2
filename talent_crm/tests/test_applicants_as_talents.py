# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import Form, tagged, users

from .common import TalentLeadCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestApplicantsAsTalents(TalentLeadCommon):
    def _add_to_crm(self, applicants, pools=None, env=None):
        """The "Add to Talent CRM" action of the applicant list, then Odoo's pool wizard."""
        env = env or self.env
        action = env["hr.applicant"].browse(applicants.ids).action_talent_crm_add_to_crm()
        self.assertEqual(action["res_model"], "talent.pool.add.applicants")
        form = Form(env[action["res_model"]].with_context(**action["context"]))
        for pool in pools or ():
            form.talent_pool_ids.add(pool)
        wizard = form.save()
        self.assertEqual(wizard.applicant_ids, applicants, "refused and archived applicants included")
        wizard.action_add_applicants_to_pool()
        return applicants.with_context(active_test=False).pool_applicant_id

    def _talents_of(self, partner):
        return (
            self.env["hr.applicant"]
            .with_context(active_test=False)
            .search([("partner_id", "=", partner.id), ("talent_pool_ids", "!=", False)])
        )

    def test_server_action_is_in_the_action_menu(self):
        action = self.env.ref("talent_crm.hr_applicant_action_server_add_to_crm")
        self.assertEqual(action.binding_model_id.model, "hr.applicant")
        self.assertIn("list", action.binding_view_types)
        application = self._application("Menu Max")
        result = action.with_context(active_model="hr.applicant", active_ids=application.ids).run()
        self.assertEqual(result["res_model"], "talent.pool.add.applicants")
        self.assertEqual(result["context"]["default_applicant_ids"], application.ids)

    def test_refused_applicant_becomes_a_qualified_talent(self):
        application = self._application(
            "Ruth Refused",
            partner_phone="+49 40 1234567",
            linkedin_profile="https://de.linkedin.com/in/ruth-refused/",
            categ_ids=[Command.set(self.tag.ids)],
            source_id=self.source.id,
            applicant_skill_ids=[
                Command.create(
                    {
                        "skill_id": self.skill_python.id,
                        "skill_type_id": self.skill_type.id,
                        "skill_level_id": self.level_advanced.id,
                    }
                )
            ],
        )
        self.env["ir.attachment"].create(
            {
                "name": "Ruth CV.pdf",
                "raw": b"%PDF-1.4 Ruth",
                "mimetype": "application/pdf",
                "res_model": "hr.applicant",
                "res_id": application.id,
            }
        )
        self._refuse(application, send_mail=False)
        self.assertFalse(application.active)
        talent = self._add_to_crm(application, pools=self.pool)
        self.assertTrue(talent.is_pool_applicant)
        self.assertNotEqual(talent, application, "Odoo's way: the talent is a copy, the application stays")
        self.assertEqual(talent.talent_pool_ids, self.pool)
        self.assertTrue(talent.active)
        self.assertFalse(talent.refuse_reason_id)
        self.assertFalse(talent.job_id)
        self.assertEqual(talent.partner_id, application.partner_id)
        self.assertEqual(talent.partner_name, "Ruth Refused", "no '(copy)'")
        self.assertEqual(talent.linkedin_profile, "https://www.linkedin.com/in/ruth-refused")
        self.assertEqual(talent.skill_ids, self.skill_python)
        self.assertEqual(talent.categ_ids, self.tag)
        self.assertEqual(talent.source_id, self.source)
        self.assertEqual(talent.talent_lead_state, "qualified")
        self.assertEqual(talent.talent_lead_state_log_ids.origin, "ats")
        self.assertEqual(talent.message_main_attachment_id.name, "Ruth CV.pdf")
        self.assertIn("Brought into the talent CRM", talent.message_ids[0].body)
        self.assertIn("In the talent CRM as", application.message_ids[0].body)

    def test_known_person_reuses_the_talent(self):
        by_email = self._create_lead("Emil Email")
        by_phone = self._create_lead("Phil Phone", email_from=False, partner_phone="+49 30 5550101")
        by_linkedin = self._create_lead(
            "Lina Linked", email_from=False, partner_phone=False, linkedin_profile="linkedin.com/in/lina-linked"
        )
        by_linkedin.action_archive()
        applications = (
            self._application("E. Email", email_from="EMIL.EMAIL@example.com")
            | self._application("P. Phone", email_from="phil.other@example.org", partner_phone="030 5550101")
            | self._application(
                "L. Linked",
                email_from="lina.other@example.org",
                linkedin_profile="https://www.linkedin.com/in/Lina-Linked/",
            )
        )
        talents = self._add_to_crm(applications)
        self.assertEqual(talents, by_email | by_phone | by_linkedin)
        self.assertEqual(applications.mapped("pool_applicant_id"), by_email | by_phone | by_linkedin)
        self.assertTrue(by_linkedin.active, "an archived talent comes back")
        self.assertEqual(
            self.env["hr.applicant"].search_count(
                [("talent_pool_ids", "!=", False), ("partner_name", "in", ["E. Email", "P. Phone", "L. Linked"])]
            ),
            0,
        )
        self.assertEqual(by_email.talent_lead_state, "captured", "an existing talent keeps its state")
        default_pool = self.company._talent_get_default_pool()
        self.assertIn(default_pool, by_email.talent_pool_ids, "without a pool: the default pool")

    def test_several_applications_of_one_person_make_one_talent(self):
        first = self._application("Hanna Twice", job=self.job)
        second = self._application("Hanna Twice", job=self.job_2)
        second.action_archive()
        self.assertEqual(first.partner_id, second.partner_id)
        self._add_to_crm(first | second)
        talents = self._talents_of(first.partner_id)
        self.assertEqual(len(talents), 1)
        self.assertEqual((first | second).with_context(active_test=False).pool_applicant_id, talents)
        self.assertEqual(talents.talent_lead_state, "converted", "the person is in an ongoing process")
        # again: nothing new
        self._add_to_crm(first | second)
        self.assertEqual(self._talents_of(first.partner_id), talents)

    def test_hired_applicant_is_a_hired_talent(self):
        application = self._application("Heidi Hired", stage=self.stage_hired)
        talent = self._add_to_crm(application)
        self.assertEqual(talent.talent_lead_state, "hired")

    def test_invalid_contact_data_stays_on_the_application(self):
        application = self._application("Ivo Invalid", partner_phone="12", linkedin_profile="see my CV")
        talent = self._add_to_crm(application)
        self.assertTrue(talent.is_pool_applicant)
        self.assertFalse(talent.partner_phone)
        self.assertFalse(talent.linkedin_profile)
        self.assertEqual(application.partner_phone, "12", "nothing lost: the application keeps it")

    @users("talent_recruiter")
    def test_bulk_query_count_does_not_grow(self):
        def make(count, prefix):
            applications = self.env["hr.applicant"]
            for index in range(count):
                applications |= self.env["hr.applicant"].create(
                    {
                        "partner_name": "%s %02d" % (prefix, index),
                        "email_from": "%s.%02d@example.net" % (prefix.lower(), index),
                        "job_id": self.job.id,
                        "applicant_skill_ids": [
                            Command.create(
                                {
                                    "skill_id": self.skill_python.id,
                                    "skill_type_id": self.skill_type.id,
                                    "skill_level_id": self.level_advanced.id,
                                }
                            )
                        ],
                    }
                )
            return applications

        def add(applications):
            wizard = self.env["talent.pool.add.applicants"].create(
                {"applicant_ids": [Command.set(applications.ids)], "talent_pool_ids": [Command.set(self.pool.ids)]}
            )
            self.env.invalidate_all()
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            wizard.action_add_applicants_to_pool()
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        warm, small_set, large_set = make(2, "Warm"), make(3, "Small"), make(25, "Large")
        add(warm)
        small = add(small_set)
        large = add(large_set)
        self.assertEqual(large, small, "no query per applicant")
        bounded = make(12, "Bounded")
        wizard = self.env["talent.pool.add.applicants"].create(
            {"applicant_ids": [Command.set(bounded.ids)], "talent_pool_ids": [Command.set(self.pool.ids)]}
        )
        self.env.invalidate_all()
        with self.assertQueryCount(35):
            wizard.action_add_applicants_to_pool()
        self.assertEqual(len(bounded.pool_applicant_id), 12)
        self.assertEqual(len(large_set.pool_applicant_id), 25)
        self.assertEqual(set(large_set.pool_applicant_id.mapped("talent_lead_state")), {"converted"})
