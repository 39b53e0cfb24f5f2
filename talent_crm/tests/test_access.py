# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from .common import TalentCrmCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestTalentAccess(TalentCrmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.talent = cls._create_talent("Clara Access")
        cls.touch = cls.talent.partner_id._talent_log_touch("Welcome email", talent_id=cls.talent.id)
        cls.consent = cls.env["talent.consent"].create(
            {"partner_id": cls.talent.partner_id.id, "talent_id": cls.talent.id, "purpose": "communication"}
        )
        cls.other_pool = cls.env["hr.talent.pool"].create(
            {"name": "Vienna pool", "company_id": cls.other_company.id}
        )
        cls.other_talent = cls.env["hr.applicant"].with_company(cls.other_company).create(
            {
                "partner_name": "Otto Other",
                "email_from": "otto@example.at",
                "company_id": cls.other_company.id,
                "talent_pool_ids": [Command.set(cls.other_pool.ids)],
            }
        )
        cls.other_touch = cls.env["talent.touch"].create(
            {
                "partner_id": cls.other_talent.partner_id.id,
                "summary": "Vienna call",
                "company_id": cls.other_company.id,
            }
        )

    @users("talent_recruiter")
    def test_recruiter_works_with_talents_and_pools(self):
        pool = self.env["hr.talent.pool"].create({"name": "Event contacts 2026"})
        talent = self._create_talent(
            "Rico Recruited",
            env=self.env,
            talent_pool_ids=[Command.set(pool.ids)],
            talent_role_family_id=self.role_backend.id,
        )
        self.assertEqual(talent.talent_pool_ids, pool)
        talent.talent_availability = "open"
        self.assertEqual(pool.talent_open_count, 1)
        touch = talent.partner_id._talent_log_touch("LinkedIn message", channel="linkedin")
        self.assertEqual(touch.user_id, self.env.user)
        consent = self.env["talent.consent"].create({"partner_id": talent.partner_id.id})
        consent.action_withdraw()
        self.assertEqual(consent.state, "withdrawn")
        # reads of the fixtures
        self.assertEqual(self.env["talent.touch"].browse(self.touch.id).summary, "Welcome email")
        self.assertIn(self.role_backend, self.env["talent.role.family"].search([]))
        self.assertEqual(self.env["talent.consent"].browse(self.consent.id).purpose, "communication")

    @users("talent_recruiter")
    def test_recruiter_cannot_configure_or_delete_history(self):
        for model, values in (
            ("talent.role.family", {"name": "Not allowed"}),
            ("talent.topic", {"name": "Not allowed"}),
            ("talent.seniority", {"name": "Not allowed", "rank": 99}),
        ):
            with self.subTest(model=model), self.assertRaisesRegex(
                AccessError, r"not allowed to create.*\(%s\)" % re.escape(model)
            ):
                self.env[model].create(values)
        with self.assertRaisesRegex(AccessError, r"not allowed to delete.*\(talent\.touch\)"):
            self.env["talent.touch"].browse(self.touch.id).unlink()
        with self.assertRaisesRegex(AccessError, r"not allowed to delete.*\(talent\.consent\)"):
            self.env["talent.consent"].browse(self.consent.id).unlink()
        self.assertTrue(self.touch.exists() and self.consent.exists(), "the history is kept")

    @users("talent_manager")
    def test_manager_configures(self):
        family = self.env["talent.role.family"].create({"name": "Customer Success"})
        topic = self.env["talent.topic"].create({"name": "Tech talks", "kind": "event"})
        family.name = "Customer Success & Support"
        self.assertEqual(
            self.env["talent.role.family"].search([("id", "=", family.id)]).name, "Customer Success & Support"
        )
        self.assertEqual(self.env["talent.topic"].search([("id", "=", topic.id)]).kind, "event")
        topic.unlink()
        self.assertFalse(topic.exists())
        self.env["talent.touch"].browse(self.touch.id).unlink()
        self.assertFalse(self.touch.exists())

    @users("talent_employee")
    def test_employee_sees_nothing(self):
        for model, record in (
            ("hr.applicant", self.talent),
            ("talent.touch", self.touch),
            ("talent.consent", self.consent),
        ):
            with self.subTest(model=model), self.assertRaisesRegex(
                AccessError, r"not allowed to access .*\(%s\)" % re.escape(model)
            ):
                self.env[model].browse(record.id).read(["id"])
        self.assertFalse(self.env.user.has_group("talent_crm.group_talent_crm_user"))
        menu = self.env.ref("talent_crm.talent_crm_menu_root")
        self.assertNotIn(menu.id, self.env["ir.ui.menu"]._visible_menu_ids())

    @users("talent_other_recruiter")
    def test_other_company_isolated(self):
        Applicant = self.env["hr.applicant"]
        visible = Applicant.search([("talent_pool_ids", "!=", False)])
        self.assertIn(self.other_talent, visible)
        self.assertNotIn(self.talent, visible)
        with self.assertRaisesRegex(AccessError, r"doesn't have 'read' access to:\n- .*\(hr\.applicant\)"):
            Applicant.browse(self.talent.id).read(["partner_name"])
        touches = self.env["talent.touch"].search([])
        self.assertIn(self.other_touch, touches)
        self.assertNotIn(self.touch, touches)
        self.assertFalse(self.env["talent.consent"].search([("id", "=", self.consent.id)]))

    def test_groups_imply_recruitment_rights(self):
        self.assertTrue(self.user_recruiter.has_group("hr_recruitment.group_hr_recruitment_user"))
        self.assertTrue(self.user_manager.has_group("talent_crm.group_talent_crm_user"))
        self.assertFalse(self.user_recruiter.has_group("talent_crm.group_talent_crm_manager"))

    def test_interviewer_reads_the_applications_of_their_job_as_in_odoo(self):
        """An interviewer (no Talent CRM right) reads every field of an application they interview
        for, as in Odoo: no field talent_crm adds on hr.applicant fails with an access error."""
        interviewer = self.env["res.users"].create(
            {
                "name": "Ivo Interviewer",
                "login": "talent_interviewer",
                "group_ids": [Command.set([self.env.ref("hr_recruitment.group_hr_recruitment_interviewer").id])],
            }
        )
        job = self.env["hr.job"].create(
            {"name": "Interview job (test)", "interviewer_ids": [Command.set(interviewer.ids)]}
        )
        talent = self._create_talent("Inge Interview")
        application = self.env["hr.applicant"].create(
            {"partner_id": talent.partner_id.id, "job_id": job.id, "pool_applicant_id": talent.id}
        )
        self.env.flush_all()
        as_interviewer = application.with_user(interviewer)
        values = as_interviewer.read()[0]  # every field the interviewer's groups allow
        self.assertEqual(values["partner_id"][0], talent.partner_id.id)
        self.assertNotIn("talent_lead_state_log_ids", values, "the lead history is for recruitment officers")
        # the form Odoo shows them loads too
        readable = as_interviewer.fields_get(attributes=["type"])
        as_interviewer.web_read({fname: {} for fname, attrs in readable.items() if attrs["type"] != "one2many"})
        with self.assertRaisesRegex(AccessError, r"\(hr\.applicant\)"):
            talent.with_user(interviewer).read(["partner_name"])
