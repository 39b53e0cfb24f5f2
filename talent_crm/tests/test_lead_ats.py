# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import Form, tagged, users

from .common import TalentLeadCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestLeadBackFromRecruitment(TalentLeadCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_recruiter.email = "rita.recruiter@example.com"
        cls.talent = cls._create_lead("Rolf Returner", partner_phone="+49 89 1234567")
        cls.talent.action_talent_lead_activate()

    def _convert_one(self, talent=None, job=None):
        action = self._convert(talent or self.talent, job or self.job)
        return self.env["hr.applicant"].browse(action["res_id"])

    def test_refusal_brings_the_talent_back_qualified(self):
        application = self._convert_one()
        application.stage_id = self.stage_interview
        self._refuse(application)
        self.assertEqual(application.application_status, "refused")
        self.assertEqual(self.talent.talent_lead_state, "qualified")
        self.assertEqual(self.talent.talent_refuse_reason_id, self.refuse_reason)
        self.assertTrue(self.talent.talent_refuse_date)
        last = self.talent.talent_lead_state_log_ids.sorted("id")[-1]
        self.assertEqual(
            (last.from_state, last.to_state, last.origin, last.reason),
            ("converted", "qualified", "ats", self.refuse_reason.name),
        )
        self.assertIn("refused", self.talent.message_ids[0].body)
        self.assertNotIn("Runners-up", self.talent.talent_pool_ids.mapped("name"), "refused early: no runner-up")
        self.assertFalse(self.company.talent_runners_up_pool_id)

    def test_talent_with_another_open_application_stays_converted(self):
        first = self._convert_one()
        self._convert_one(job=self.job_2)
        self._refuse(first)
        self.assertEqual(self.talent.talent_lead_state, "converted")
        self.assertEqual(self.talent.talent_refuse_reason_id, self.refuse_reason, "the refusal is still recorded")

    def test_runner_up_joins_the_runners_up_pool(self):
        application = self._convert_one()
        application.stage_id = self.stage_final
        self._refuse(application, send_mail=False)
        pool = self.company.talent_runners_up_pool_id
        self.assertTrue(pool, "created on demand")
        self.assertEqual(pool.name, "Runners-up")
        self.assertIn(pool, self.talent.talent_pool_ids)
        self.assertEqual(self.talent.talent_lead_state, "qualified")
        self.assertIn("runner-up", self.talent.message_ids[0].body)
        # the next runner-up joins the same pool
        later = self._application("Lena Later", stage=self.stage_final)
        self._refuse(later, send_mail=False)
        self.assertEqual(self.company.talent_runners_up_pool_id, pool)
        new_talent = later.pool_applicant_id
        self.assertTrue(new_talent.is_pool_applicant, "a runner-up without a talent gets one")
        self.assertEqual(new_talent.talent_pool_ids, pool)
        self.assertEqual(new_talent.partner_id, later.partner_id)
        self.assertEqual(new_talent.talent_lead_state, "qualified")
        self.assertTrue(new_talent.active, "the talent is active even though the application is refused")

    def test_runner_up_of_a_known_person_reuses_the_talent(self):
        application = self._application("Rolf R.", stage=self.stage_final, email_from="rolf.returner@example.com")
        self.assertFalse(application.pool_applicant_id)
        self._refuse(application, send_mail=False)
        self.assertEqual(application.pool_applicant_id, self.talent, "linked to the existing talent")
        self.assertEqual(
            self.env["hr.applicant"].search_count(
                [("partner_id", "=", self.talent.partner_id.id), ("talent_pool_ids", "!=", False)]
            ),
            1,
            "never a second talent",
        )
        self.assertIn(self.company.talent_runners_up_pool_id, self.talent.talent_pool_ids)

    def test_no_runners_up_without_a_stage(self):
        self.company.talent_runners_up_stage_id = False
        application = self._convert_one()
        application.stage_id = self.stage_final
        self._refuse(application, send_mail=False)
        self.assertFalse(self.company.talent_runners_up_pool_id)
        self.assertEqual(self.talent.talent_lead_state, "qualified")

    @users("talent_recruiter")
    def test_refusal_invites_to_the_talent_community(self):
        talent = self.talent.with_env(self.env)
        application = self._convert_one(talent)
        application.stage_id = self.stage_final
        action = application.archive_applicant()
        form = Form(self.env[action["res_model"]].with_context(**action["context"]))
        form.refuse_reason_id = self.refuse_reason
        self.assertTrue(form.talent_invite_community, "on by default for a runner-up")
        self.assertTrue(form.send_mail)
        # issue 19: a runner-up is asked to stay in the talent pool (one click), not pooled unasked
        template = self.env.ref("talent_crm.mail_template_talent_pool_request")
        self.assertEqual(form.template_id, template)
        wizard = form.save()
        wizard.action_refuse_reason_apply()
        mail = self.env["mail.mail"].sudo().search([("email_to", "=", talent.email_from)], order="id desc", limit=1)
        self.assertTrue(mail)
        self.assertIn("talent pool", mail.subject + mail.body_html)
        self.assertIn("/talent/my-preferences/stay", mail.body_html)
        self.assertIn(self.job.name, mail.body_html)
        self.assertEqual(self.company._talent_signup_url(), self.company.get_base_url() + "/talent/join")
        touch = talent.partner_id.talent_touch_ids.filtered(lambda t: t.origin == "ats")
        self.assertEqual(len(touch), 1, "the invitation is a touch")
        self.assertEqual(touch.talent_id, talent)
        self.assertEqual(talent.talent_lead_state, "qualified")

    def test_invitation_is_optional(self):
        application = self._convert_one()
        form = Form(self.env["applicant.get.refuse.reason"].with_context(default_applicant_ids=application.ids))
        form.refuse_reason_id = self.refuse_reason
        self.assertFalse(form.talent_invite_community, "not a runner-up: off by default")
        form.talent_invite_community = True
        self.assertEqual(form.template_id, self.env.ref("talent_crm.mail_template_talent_community_invitation"))
        form.talent_invite_community = False
        self.assertEqual(form.template_id, self.refuse_reason.template_id)

    def test_template_speaks_the_person_language(self):
        template = self.env.ref("talent_crm.mail_template_talent_community_invitation")
        self.assertEqual(template.lang, "{{ object.partner_id.lang }}")
        self.assertTrue(template._fields["body_html"].translate)

    def test_hired_and_back(self):
        application = self._convert_one()
        application.stage_id = self.stage_hired
        self.assertEqual(self.talent.talent_lead_state, "hired")
        last = self.talent.talent_lead_state_log_ids.sorted("id")[-1]
        self.assertEqual((last.to_state, last.origin, last.reason), ("hired", "ats", self.job.name))
        application.stage_id = self.stage_interview
        self.assertEqual(self.talent.talent_lead_state, "converted", "moved back out of the hired stage")

    def test_hire_of_an_unlinked_application_finds_the_talent(self):
        application = self._application("Rolf", email_from="rolf.returner@example.com")
        application.stage_id = self.stage_hired
        self.assertEqual(application.pool_applicant_id, self.talent)
        self.assertEqual(self.talent.talent_lead_state, "hired")

    def test_restored_application_converts_again(self):
        application = self._convert_one()
        self._refuse(application)
        self.assertEqual(self.talent.talent_lead_state, "qualified")
        application.action_unarchive()
        self.assertEqual(application.application_status, "ongoing")
        self.assertEqual(self.talent.talent_lead_state, "converted")

    def test_do_not_contact_stays_closed(self):
        application = self._convert_one()
        self.talent.partner_id.talent_do_not_contact = True
        self.assertEqual(self.talent.talent_lead_state, "do_not_contact")
        self._refuse(application)
        self.assertEqual(self.talent.talent_lead_state, "do_not_contact", "a refusal never reopens the person")

    def test_refusing_several_applications_at_once(self):
        other = self._create_lead("Olga Otherone")
        applications = self._convert_one() | self._convert_one(other)
        applications.stage_id = self.stage_final
        wizard = self.env["applicant.get.refuse.reason"].create(
            {
                "applicant_ids": [Command.set(applications.ids)],
                "refuse_reason_id": self.refuse_reason.id,
                "send_mail": False,
            }
        )
        wizard.action_refuse_reason_apply()
        pool = self.company.talent_runners_up_pool_id
        self.assertEqual(set((self.talent | other).mapped("talent_lead_state")), {"qualified"})
        self.assertIn(pool, self.talent.talent_pool_ids)
        self.assertIn(pool, other.talent_pool_ids)
