# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged, users

from .common import TalentLeadCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestLeadAccess(TalentLeadCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_officer = new_test_user(
            cls.env,
            login="recruitment_officer",
            name="Otto Officer",
            email="otto.officer@example.com",
            groups="hr_recruitment.group_hr_recruitment_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.user_interviewer = new_test_user(
            cls.env,
            login="recruitment_interviewer",
            name="Ines Interviewer",
            email="ines.interviewer@example.com",
            groups="hr_recruitment.group_hr_recruitment_interviewer",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.lead = cls._create_lead("Alex Access")
        cls.log = cls.lead.talent_lead_state_log_ids
        cls.other_lead = (
            cls.env["hr.applicant"]
            .with_company(cls.other_company)
            .create(
                {
                    "partner_name": "Vera Vienna",
                    "email_from": "vera@example.at",
                    "company_id": cls.other_company.id,
                    "talent_pool_ids": [Command.set(cls.other_company._talent_get_default_pool().ids)],
                }
            )
        )
        cls.other_log = cls.other_lead.talent_lead_state_log_ids

    @users("talent_recruiter")
    def test_recruiter_moves_leads_but_cannot_rewrite_history(self):
        lead = self.env["hr.applicant"].browse(self.lead.id)
        lead.action_talent_lead_qualify()
        self.assertEqual(len(lead.talent_lead_state_log_ids), 2)
        close = self.env["talent.lead.close"].create(
            {"talent_ids": [Command.set(lead.ids)], "outcome": "not_interested", "reason": "No time"}
        )
        close.action_close()
        self.assertEqual(lead.talent_lead_state, "not_interested")
        log = self.env["talent.lead.state.log"].browse(self.log.id)
        self.assertEqual(log.to_state, "captured")
        with self.assertRaises(AccessError):
            log.write({"to_state": "hired"})
        with self.assertRaises(AccessError):
            log.unlink()
        with self.assertRaises(AccessError):
            self.env["talent.lead.state.log"].create({"talent_id": lead.id, "to_state": "hired"})
        self.assertTrue(self.env["talent.lead.funnel.report"].search_count([("talent_id", "=", lead.id)]))

    @users("talent_manager")
    def test_manager_can_delete_history(self):
        self.env["talent.lead.state.log"].browse(self.log.id).unlink()
        self.assertFalse(self.log.exists())

    @users("talent_employee")
    def test_employee_sees_no_funnel(self):
        for model, record_id in (("talent.lead.state.log", self.log.id), ("talent.lead.funnel.report", 1)):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].browse(record_id).read(["id"])
        with self.assertRaises(AccessError):
            self.env["talent.lead.close"].create({"talent_ids": [Command.set(self.lead.ids)], "reason": "x"})

    @users("talent_other_recruiter")
    def test_other_company_isolated(self):
        logs = self.env["talent.lead.state.log"].search([])
        self.assertIn(self.other_log, logs)
        self.assertNotIn(self.log, logs)
        report = self.env["talent.lead.funnel.report"].search([])
        self.assertEqual(set(report.mapped("company_id").ids), {self.other_company.id})
        with self.assertRaises(AccessError):
            self.env["hr.applicant"].browse(self.lead.id).write({"talent_lead_state": "qualified"})
        self.assertEqual(self.lead.talent_lead_state, "captured")

    @users("recruitment_officer")
    def test_recruitment_officer_refuses_and_the_person_comes_back(self):
        """Recruitment without Talent CRM rights: the refusal still brings the talent back."""
        talent = self.env["hr.applicant"].browse(self.lead.id)
        self.assertEqual(talent.talent_lead_state_log_ids.to_state, "captured", "the talent form shows the history")
        application = self.env["hr.applicant"].create(
            {
                "partner_name": "Alex Access",
                "email_from": "alex.access@example.com",
                "job_id": self.job.id,
                "stage_id": self.stage_final.id,
                "pool_applicant_id": talent.id,
            }
        )
        self._refuse(application, env=self.env, send_mail=False)
        self.assertEqual(talent.talent_lead_state, "qualified")
        self.assertIn(self.company.sudo().talent_runners_up_pool_id, talent.talent_pool_ids)
        last = talent.talent_lead_state_log_ids.sorted("id")[-1]
        self.assertEqual(last.user_id, self.user_officer)
        with self.assertRaises(AccessError):
            self.env["talent.lead.funnel.report"].search([])

    def test_interviewer_refuses_without_seeing_talents(self):
        """Interviewers cannot read talents; refusing their candidate still brings the talent back."""
        applications = self.env["hr.applicant"].create(
            [
                {
                    "partner_name": "Alex Access",
                    "email_from": "alex.access@example.com",
                    "job_id": job.id,
                    "stage_id": self.stage_interview.id,
                    "pool_applicant_id": self.lead.id,
                    "interviewer_ids": [Command.set(self.user_interviewer.ids)],
                }
                for job in (self.job, self.job_2)
            ]
        )
        self.lead.with_context(talent_lead_system=True).talent_lead_state = "converted"
        interviewer_env = self.env(user=self.user_interviewer)
        with self.assertRaises(AccessError):
            interviewer_env["hr.applicant"].browse(self.lead.id).read(["talent_lead_state"])
        self._refuse(applications[0], env=interviewer_env, send_mail=False)
        self.assertEqual(self.lead.talent_lead_state, "converted", "still in process for the other job")
        self._refuse(applications[1], env=interviewer_env, send_mail=False)
        self.assertEqual(self.lead.talent_lead_state, "qualified")
        self.assertEqual(self.lead.talent_lead_state_log_ids.sorted("id")[-1].user_id, self.user_interviewer)
