# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged, users

from odoo.addons.hr_recruitment.wizard.job_add_applicants import (
    JobAddApplicants as OdooJobAddApplicants,
)

from .common import TalentLeadCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestLeadConversion(TalentLeadCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.talent = cls._create_lead(
            "Svenja Source",
            partner_phone="+49 30 7654321",
            linkedin_profile="linkedin.com/in/svenja-source",
            talent_current_title="Senior Kotlin Developer",
            categ_ids=[Command.set(cls.tag.ids)],
            source_id=cls.source.id,
            medium_id=cls.medium.id,
            campaign_id=cls.campaign.id,
            applicant_skill_ids=[
                Command.create(
                    {
                        "skill_id": cls.skill_python.id,
                        "skill_type_id": cls.skill_type.id,
                        "skill_level_id": cls.level_advanced.id,
                    }
                )
            ],
        )
        cls.talent.action_talent_lead_activate()
        cls.cv = cls.env["ir.attachment"].create(
            {
                "name": "Svenja Source CV.pdf",
                "raw": b"%PDF-1.4 Svenja's CV",
                "mimetype": "application/pdf",
                "res_model": "hr.applicant",
                "res_id": cls.talent.id,
            }
        )
        cls.certificate = cls.env["ir.attachment"].create(
            {
                "name": "certificate.png",
                "raw": b"\x89PNG certificate",
                "mimetype": "image/png",
                "res_model": "hr.applicant",
                "res_id": cls.talent.id,
            }
        )
        cls.talent.message_main_attachment_id = cls.cv

    @users("talent_recruiter")
    def test_convert_carries_everything(self):
        talent = self.talent.with_env(self.env)
        action = self._convert(talent, self.job)
        application = self.env["hr.applicant"].browse(action["res_id"])
        self.assertEqual(action["res_model"], "hr.applicant", "a single conversion opens the application")
        self.assertEqual(application.job_id, self.job)
        self.assertEqual(application.pool_applicant_id, talent, "linked the way Odoo links applications to talents")
        self.assertEqual(application.partner_id, talent.partner_id, "same person, same contact")
        self.assertEqual(application.partner_name, "Svenja Source")
        self.assertEqual(application.email_from, talent.email_from)
        self.assertEqual(application.partner_phone, "+49 30 7654321")
        self.assertEqual(application.linkedin_profile, "https://www.linkedin.com/in/svenja-source")
        self.assertEqual(application.skill_ids, self.skill_python)
        self.assertEqual(application.categ_ids, self.tag)
        self.assertEqual(
            (application.source_id, application.medium_id, application.campaign_id),
            (self.source, self.medium, self.campaign),
        )
        self.assertFalse(application.talent_pool_ids)
        self.assertFalse(application.talent_lead_state, "an application is not a lead")
        self.assertEqual(application.stage_id, self.stage_new, "Odoo's first stage")
        documents = self.env["ir.attachment"].search(
            [("res_model", "=", "hr.applicant"), ("res_id", "=", application.id)]
        )
        self.assertEqual(sorted(documents.mapped("name")), ["Svenja Source CV.pdf", "certificate.png"])
        self.assertEqual(application.message_main_attachment_id.name, "Svenja Source CV.pdf", "the CV is the CV")
        self.assertEqual(application.message_main_attachment_id.raw, b"%PDF-1.4 Svenja's CV")
        self.assertEqual(self.cv.res_id, talent.id, "the talent keeps its documents")
        # both sides say what happened
        self.assertIn("Created from the talent", application.message_ids[0].body)
        self.assertIn(talent.partner_name, application.message_ids[0].body)
        self.assertIn("Converted: applications", talent.message_ids[0].body)
        self.assertIn(self.job.name, talent.message_ids[0].body)
        self.assertIn("Activated → Converted", talent.message_ids[0].body)
        # the funnel moved
        self.assertEqual(talent.talent_lead_state, "converted")
        last = talent.talent_lead_state_log_ids.sorted("id")[-1]
        self.assertEqual(
            (last.from_state, last.to_state, last.origin, last.user_id),
            ("activated", "converted", "conversion", self.user_recruiter),
        )
        self.assertEqual(last.reason, self.job.name)
        # Odoo's followers: the creator and the job's recruiter
        self.assertIn(self.user_recruiter.partner_id, application.message_partner_ids)
        self.assertEqual(talent.talent_application_ids, application)

    def test_reconversion_opens_the_open_application(self):
        first = self.env["hr.applicant"].browse(self._convert(self.talent, self.job)["res_id"])
        again = self._convert(self.talent, self.job)
        self.assertEqual(again["res_id"], first.id, "the ongoing application opens, no second one")
        self.assertEqual(
            self.env["hr.applicant"].search_count(
                [("job_id", "=", self.job.id), ("partner_id", "=", self.talent.partner_id.id)]
            ),
            1,
        )
        self.assertEqual(
            self.env["ir.attachment"].search_count([("res_model", "=", "hr.applicant"), ("res_id", "=", first.id)]),
            2,
            "documents not copied twice",
        )
        # two jobs at once: the known one is kept, the other is created
        action = self._convert(self.talent, self.job | self.job_2)
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("Created 1 applications", action["params"]["message"])
        self.assertIn("1 already had an ongoing application", action["params"]["message"])
        self.assertEqual(self.talent.talent_application_ids.job_id, self.job | self.job_2)

    def test_application_by_email_is_reused_and_linked(self):
        """The person applied by email before the recruiter converted the lead: same person, same job."""
        applied = self.env["hr.applicant"].create(
            {"partner_name": "Svenja S.", "email_from": "SVENJA.SOURCE@example.com", "job_id": self.job.id}
        )
        self.assertEqual(applied.partner_id, self.talent.partner_id)
        self.assertFalse(applied.pool_applicant_id)
        action = self._convert(self.talent, self.job)
        self.assertEqual(action["res_id"], applied.id)
        self.assertEqual(applied.pool_applicant_id, self.talent, "linked to the talent, nothing lost")
        self.assertEqual(self.talent.talent_lead_state, "converted")

    def test_refused_application_does_not_block_a_new_one(self):
        first = self.env["hr.applicant"].browse(self._convert(self.talent, self.job)["res_id"])
        self._refuse(first)
        self.assertEqual(self.talent.talent_lead_state, "qualified")
        second = self.env["hr.applicant"].browse(self._convert(self.talent, self.job)["res_id"])
        self.assertNotEqual(first, second)
        self.assertEqual(second.application_status, "ongoing")
        self.assertEqual(self.talent.talent_lead_state, "converted")

    def test_same_person_selected_twice_gets_one_application(self):
        twin = self.env["hr.applicant"].create(
            {
                "partner_name": "Svenja Source",
                "partner_id": self.talent.partner_id.id,
                "talent_pool_ids": [Command.set(self.pool.ids)],
            }
        )
        self._convert(self.talent | twin, self.job)
        applications = self.env["hr.applicant"].search([("job_id", "=", self.job.id)])
        self.assertEqual(len(applications), 1)

    def test_conversion_says_what_is_missing(self):
        # as in Odoo, a talent without email or phone can become an application (Odoo's own
        # hr_recruitment tests convert such talents)
        silent = self._create_lead("Stella Silent", email_from=False)
        self.assertFalse(silent.partner_phone)
        self._convert(silent, self.job)
        application = self.env["hr.applicant"].search([("job_id", "=", self.job.id)])
        self.assertEqual(application.pool_applicant_id, silent)
        wizard = self.env["job.add.applicants"].create({"applicant_ids": [Command.set(self.talent.ids)]})
        with self.assertRaisesRegex(UserError, "Choose the job position"):
            wizard.action_add_applicants_to_job()
        form = Form(self.env["job.add.applicants"].with_context(default_applicant_ids=self.talent.ids))
        with self.assertRaisesRegex(UserError, "Choose the job position"):
            form.save().action_add_applicants_to_job()

    def test_do_not_contact_is_not_converted(self):
        self.talent.partner_id.talent_do_not_contact = True
        with self.assertRaisesRegex(UserError, "asked not to be contacted: Svenja Source"):
            self._convert(self.talent, self.job)

    def test_phone_only_talent_keeps_its_contact(self):
        caller = self._create_lead("Paul Phone", email_from=False, partner_phone="+49 171 5550000")
        application = self.env["hr.applicant"].browse(self._convert(caller, self.job)["res_id"])
        self.assertEqual(application.partner_id, caller.partner_id)
        self.assertEqual(application.partner_phone, "+49 171 5550000")

    def test_bulk_conversion_query_count_does_not_grow(self):
        """Converting 3 or 30 talents costs the same number of queries (batches of fixed cost)."""

        def make(count, prefix):
            talents = self.env["hr.applicant"]
            self.env.invalidate_all()
            for index in range(count):
                talent = self._create_lead(
                    "%s %02d" % (prefix, index),
                    categ_ids=[Command.set(self.tag.ids)],
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
                        "name": "cv.pdf",
                        "raw": b"%PDF-1.4 " + talent.partner_name.encode(),
                        "mimetype": "application/pdf",
                        "res_model": "hr.applicant",
                        "res_id": talent.id,
                    }
                )
                talents |= talent
            return talents

        def convert(talents, job, odoo_only=False):
            wizard = self.env["job.add.applicants"].create(
                {"applicant_ids": [Command.set(talents.ids)], "job_ids": [Command.set(job.ids)]}
            )
            self.env.invalidate_all()
            self.env.flush_all()
            count_before = self.env.cr.sql_log_count
            with freeze_time("2026-02-02 10:00:00"):
                if odoo_only:  # hr_recruitment's own wizard, without talent_crm's conversion
                    OdooJobAddApplicants._add_applicants_to_job(wizard)
                else:
                    wizard.action_add_applicants_to_job()
                self.env.flush_all()
                self.env.cr.precommit.run()  # tracking: the stage's email template, as at commit
                self.env.flush_all()
            return self.env.cr.sql_log_count - count_before

        with freeze_time("2026-02-01 10:00:00"):
            warm_up, small_batch, large_batch = make(2, "Warm Up"), make(3, "Small Batch"), make(30, "Large Batch")
            odoo_small, odoo_large = make(3, "Odoo Small"), make(30, "Odoo Large")
            talents = make(12, "Bounded")
        convert(warm_up, self.job)
        small = convert(small_batch, self.job)
        large = convert(large_batch, self.job_2)
        # Odoo's own creation costs something per application (tracking, the stage's email):
        # talent_crm's conversion adds nothing per talent on top of it
        job_3 = self.env["hr.job"].create({"name": "Odoo's own conversion (test)"})
        odoo_small_count = convert(odoo_small, job_3, odoo_only=True)
        odoo_growth = convert(odoo_large, job_3, odoo_only=True) - odoo_small_count
        self.assertLessEqual(large - small, odoo_growth, "no query per talent beyond Odoo's own")
        self.assertEqual(self.env["hr.applicant"].search_count([("job_id", "=", self.job_2.id)]), 30)
        wizard = self.env["job.add.applicants"].create(
            {"applicant_ids": [Command.set(talents.ids)], "job_ids": [Command.set(self.job.ids)]}
        )
        self.env.invalidate_all()
        # 12 talents, with Odoo's tracking of the new applications (see above); one query finds
        # the employee referrals whose stored status follows the talents' lead state, 3 read what
        # the data lifecycle (legal basis, retention) needs: each once for the whole batch
        with self.assertQueryCount(112), freeze_time("2026-02-03 10:00:00"):
            wizard.action_add_applicants_to_job()
        self.assertEqual(set(talents.mapped("talent_lead_state")), {"converted"})
        self.assertEqual(len(talents.talent_application_ids), 12)

    def test_conversion_sends_the_first_stages_email_as_odoo_does(self):
        """The application is created in its first stage with Odoo's tracking on: the stage's
        email template reaches the candidate, as with Odoo's own "Create Applications"."""
        template = self.env["mail.template"].create(
            {
                "name": "Application received (test)",
                "model_id": self.env["ir.model"]._get_id("hr.applicant"),
                "subject": "We received your application",
                "body_html": "<p>Thank you.</p>",
            }
        )
        # the first stage of the job, as Odoo picks it
        stages = self.env["hr.recruitment.stage"].search(
            [("job_ids", "in", [self.job.id, False]), ("fold", "=", False)]
        )
        stage = min(stages, key=lambda s: s.sequence)
        stage.template_id = template
        application = self.env["hr.applicant"].browse(self._convert(self.talent, self.job)["res_id"])
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking runs at commit
        self.assertEqual(application.stage_id, stage)
        self.assertEqual(application.message_ids[0].subject, "We received your application")
        self.assertEqual(application.message_ids[0].partner_ids, self.talent.partner_id)
