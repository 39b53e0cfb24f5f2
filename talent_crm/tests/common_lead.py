# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import Form

from .common import TalentCrmCommon


class TalentLeadCommon(TalentCrmCommon):
    """Jobs, stages, a refuse reason and UTM for the lead funnel and its hand-over to Recruitment."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "talent_qualify_require_contact": True,
                "talent_qualify_require_role_family": True,
                "talent_qualify_require_skills": False,
                "talent_qualify_require_consent": False,
            }
        )
        cls.stage_new = cls.env["hr.recruitment.stage"].create({"name": "Lead test: New", "sequence": -10})
        cls.stage_interview = cls.env["hr.recruitment.stage"].create({"name": "Lead test: Interview", "sequence": 2})
        cls.stage_final = cls.env["hr.recruitment.stage"].create({"name": "Lead test: Final interview", "sequence": 3})
        cls.stage_hired = cls.env["hr.recruitment.stage"].create(
            {"name": "Lead test: Hired", "sequence": 9, "hired_stage": True, "fold": True}
        )
        cls.company.talent_runners_up_stage_id = cls.stage_final
        cls.job = cls.env["hr.job"].create(
            {"name": "Backend Developer (lead test)", "company_id": cls.company.id, "user_id": cls.user_recruiter.id}
        )
        cls.job_2 = cls.env["hr.job"].create({"name": "Platform Engineer (lead test)", "company_id": cls.company.id})
        cls.refuse_reason = cls.env["hr.applicant.refuse.reason"].create({"name": "Another candidate was a better fit"})
        cls.tag = cls.env["hr.applicant.category"].create({"name": "Kotlin meetup (test)"})
        cls.source = cls.env["utm.source"].create({"name": "Meetup Berlin (test)"})
        cls.medium = cls.env["utm.medium"].create({"name": "In person (test)"})
        cls.campaign = cls.env["utm.campaign"].create({"name": "Backend hiring 2026 (test)"})

    @classmethod
    def _create_lead(cls, name, env=None, **values):
        values.setdefault("talent_role_family_id", cls.role_backend.id)
        return cls._create_talent(name, env=env, **values)

    def _convert(self, talents, jobs, env=None):
        """Run Odoo's "Create Applications" wizard on ``talents``; return its action."""
        env = env or self.env
        form = Form(env["job.add.applicants"].with_context(default_applicant_ids=talents.ids))
        for job in jobs:
            form.job_ids.add(job)
        return form.save().action_add_applicants_to_job()

    def _refuse(self, applications, reason=None, env=None, **values):
        """Run Odoo's refuse wizard on ``applications``; return the wizard."""
        env = env or self.env
        wizard = (
            env["applicant.get.refuse.reason"]
            .with_context(active_test=False)
            .create(
                dict(
                    {
                        "applicant_ids": [Command.set(applications.ids)],
                        "refuse_reason_id": (reason or self.refuse_reason).id,
                    },
                    **values,
                )
            )
        )
        wizard.action_refuse_reason_apply()
        return wizard

    def _application(self, name, job=None, stage=None, **values):
        vals = {
            "partner_name": name,
            "email_from": "%s@example.org" % name.lower().replace(" ", "."),
            "job_id": (job or self.job).id,
        }
        if stage:
            vals["stage_id"] = stage.id
        vals.update(values)
        return self.env["hr.applicant"].create(vals)
