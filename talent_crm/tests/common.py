# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from odoo import Command
from odoo.tests import TransactionCase, new_test_user


class TalentCrmCommon(TransactionCase):
    """Users of every role, two companies, a pool and a few talents built in the test."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False, mail_create_nolog=True))
        cls.company = cls.env.ref("base.main_company")
        cls.company.country_id = cls.env.ref("base.de")
        cls.other_company = cls.env["res.company"].create(
            {"name": "Other Company GmbH", "country_id": cls.env.ref("base.at").id}
        )
        cls.user_recruiter = new_test_user(
            cls.env,
            login="talent_recruiter",
            name="Rita Recruiter",
            email="rita.recruiter@example.com",
            groups="talent_crm.group_talent_crm_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.user_manager = new_test_user(
            cls.env,
            login="talent_manager",
            name="Max Manager",
            email="max.manager@example.com",
            groups="talent_crm.group_talent_crm_manager",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.user_employee = new_test_user(
            cls.env,
            login="talent_employee",
            name="Emil Employee",
            groups="base.group_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.user_other_company = new_test_user(
            cls.env,
            login="talent_other_recruiter",
            name="Olga Other",
            groups="talent_crm.group_talent_crm_user",
            company_id=cls.other_company.id,
            company_ids=[Command.set(cls.other_company.ids)],
        )
        cls.role_backend = cls.env["talent.role.family"].create({"name": "Backend Engineering (test)"})
        cls.seniority_senior = cls.env.ref("talent_crm.talent_seniority_senior")
        cls.pool = cls.env["hr.talent.pool"].create(
            {"name": "Backend engineers – Europe (test)", "company_id": cls.company.id}
        )
        cls.skill_type = cls.env["hr.skill.type"].create(
            {
                "name": "Programming (test)",
                "skill_ids": [Command.create({"name": "Python"}), Command.create({"name": "Go"})],
                "skill_level_ids": [
                    Command.create({"name": "Beginner", "level_progress": 25}),
                    Command.create({"name": "Advanced", "level_progress": 75, "default_level": True}),
                    Command.create({"name": "Expert", "level_progress": 100}),
                ],
            }
        )
        cls.skill_python = cls.skill_type.skill_ids.filtered(lambda s: s.name == "Python")
        cls.level_advanced = cls.skill_type.skill_level_ids.filtered(lambda lvl: lvl.name == "Advanced")

    @classmethod
    def _create_talent(cls, name, env=None, **values):
        vals = {
            "partner_name": name,
            "email_from": "%s@example.com" % name.lower().replace(" ", "."),
            "talent_pool_ids": [Command.set(cls.pool.ids)],
        }
        vals.update(values)
        return (env or cls.env)["hr.applicant"].create(vals)


class TalentNurtureCommon(TalentCrmCommon):
    """A three-step nurture sequence (email, LinkedIn task, SMS) and a helper running the scheduler."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"email": "jobs@example.com", "talent_require_consent": False})
        cls.user_recruiter.write({"tz": "Europe/Berlin", "signature": "<p>Rita, Talent Team</p>"})
        cls.mail_template = cls.env["mail.template"].create(
            {
                "name": "Nurture test email",
                "model_id": cls.env["ir.model"]._get_id("hr.applicant"),
                "subject": "Hello {{ object.talent_nurture_first_name }}",
                "email_from": "{{ (object.user_id.email_formatted or object.company_id.email_formatted) }}",
                "use_default_to": True,
                "lang": "{{ object.partner_id.lang }}",
                "body_html": """<div>
                    <p>Hello <t t-out="object.talent_nurture_first_name"/> from <t t-out="object.company_id.name"/>,</p>
                    <p t-if="object.talent_role_family_id">
                        Role family: <t t-out="object.talent_role_family_id.name"/></p>
                    <p>Skills: <t t-out="', '.join(object.skill_ids.mapped('name'))"/></p>
                    <ul><li t-foreach="object.talent_nurture_job_ids" t-as="job"><t t-out="job.name"/></li></ul>
                    <p><a href="https://jobs.example.com/culture">Our culture</a></p>
                    <p>-- <t t-out="object.user_id.name"/></p><div t-out="object.user_id.signature"/>
                    <a href="/unsubscribe_from_list">Unsubscribe</a>
                    <a href="/talent/my-preferences">Your preferences</a>
                </div>""",
            }
        )
        cls.sms_template = cls.env["sms.template"].create(
            {
                "name": "Nurture test SMS",
                "model_id": cls.env["ir.model"]._get_id("hr.applicant"),
                "body": "Hi {{ object.talent_nurture_first_name }}, news from {{ object.company_id.name }}",
            }
        )
        cls.sequence = cls.env["talent.sequence"].create(
            {
                "name": "Test keep-warm",
                "company_id": cls.company.id,
                "user_id": cls.user_manager.id,
                "step_ids": [
                    Command.create(
                        {"sequence": 1, "name": "Welcome", "channel": "email", "mail_template_id": cls.mail_template.id}
                    ),
                    Command.create(
                        {
                            "sequence": 2,
                            "name": "LinkedIn hello",
                            "channel": "linkedin",
                            "delay_days": 7,
                            "activity_summary": "Say hello on LinkedIn",
                        }
                    ),
                    Command.create(
                        {
                            "sequence": 3,
                            "name": "SMS check-in",
                            "channel": "sms",
                            "delay_days": 7,
                            "sms_template_id": cls.sms_template.id,
                        }
                    ),
                ],
            }
        )
        cls.step_email, cls.step_linkedin, cls.step_sms = cls.sequence.step_ids.sorted("sequence")

    @classmethod
    def _create_nurture_talent(cls, name, **values):
        vals = {"user_id": cls.user_recruiter.id, "partner_phone": "+49 30 1234567"}
        vals.update(values)
        return cls._create_talent(name, **vals)

    def _run_scheduler(self, **kwargs):
        """Run the cron's batch loop in the test transaction (commits become no-ops)."""
        with patch.object(type(self.env["ir.cron"]), "_commit_progress", lambda *args, **kw: float("inf")):
            return self.env["talent.sequence.enrollment"]._talent_process_due(**kwargs)

    def _executions(self, enrollments, step=None):
        domain = [("enrollment_id", "in", enrollments.ids)]
        if step:
            domain.append(("step_id", "=", step.id))
        return self.env["talent.sequence.execution"].sudo().search(domain)

    def _mails(self, talents, step):
        return self.env["mail.mail"].sudo().search(
            [("mailing_id", "=", step.mailing_id.id), ("res_id", "in", talents.ids), ("model", "=", "hr.applicant")]
        )
