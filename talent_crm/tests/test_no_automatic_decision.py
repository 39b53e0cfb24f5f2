# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""No automatic decision (Art. 22 GDPR, §95 BetrVG): talent_crm's automations rank, suggest,
remind and send, but never refuse, archive, move or otherwise decide on an application.

Every scheduled action of talent_crm runs, through ``ir.cron`` as the scheduler runs it, today
and again two months later, next to the automations that react to events (a job opens, a pool
rule changes, best matches are ranked), on a database where nobody is refused. Afterwards every
application and every talent still has its stage, status, refuse reason, job and active flag.
The automations must have done their work meanwhile (alerts, enrollments, stale flags, smart
pool changes), so the comparison is not with a run that did nothing.
"""

from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.tests import tagged

from .common import TalentNurtureCommon

# what an automatic decision would change on an applicant
DECISION_FIELDS = ("stage_id", "application_status", "refuse_reason_id", "job_id", "active", "date_closed")


@tagged("post_install", "-at_install", "talent_crm")
class TestNoAutomaticDecision(TalentNurtureCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "talent_job_alert_mode": "auto",
                "talent_job_alert_min_score": 0,
                "talent_cap_passive_days": 0,
                "talent_cap_warm_days": 0,
                "talent_stale_months": 1,
            }
        )
        cls.stage_new = cls.env["hr.recruitment.stage"].create({"name": "No decision: New", "sequence": -5})
        cls.stage_interview = cls.env["hr.recruitment.stage"].create({"name": "No decision: Interview", "sequence": 4})
        cls.job = cls.env["hr.job"].create(
            {
                "name": "Python Backend Developer (no decision)",
                "company_id": cls.company.id,
                "user_id": cls.user_recruiter.id,
                "talent_role_family_id": cls.role_backend.id,
                "no_of_recruitment": 0,
                "description": "<p>We build our backend in Python.</p>",
                "job_skill_ids": [
                    Command.create(
                        {
                            "skill_id": cls.skill_python.id,
                            "skill_level_id": cls.level_advanced.id,
                            "skill_type_id": cls.skill_type.id,
                            "talent_required": True,
                        }
                    )
                ],
            }
        )
        cls.topic_alerts = cls.env["talent.topic"].create(
            {"name": "Backend jobs (no decision)", "kind": "job_alert", "role_family_id": cls.role_backend.id}
        )
        skill = [
            Command.create(
                {
                    "skill_id": cls.skill_python.id,
                    "skill_level_id": cls.level_advanced.id,
                    "skill_type_id": cls.skill_type.id,
                }
            )
        ]
        cls.talents = cls.env["hr.applicant"]
        for index in range(6):
            cls.talents |= cls._create_nurture_talent(
                "Nadia Nodecision %d" % index,
                talent_role_family_id=cls.role_backend.id if index % 2 == 0 else False,
                applicant_skill_ids=skill if index < 3 else [],
            )
        cls.talents.partner_id.write({"talent_topic_ids": [Command.set(cls.topic_alerts.ids)]})
        # applications in progress: two of the talents applied, one person applied without being a talent,
        # and one application shares its email with a talent (a duplicate to detect)
        cls.applications = cls.env["hr.applicant"].create(
            [
                {
                    "partner_id": cls.talents[0].partner_id.id,
                    "job_id": cls.job.id,
                    "stage_id": cls.stage_interview.id,
                },
                {"partner_id": cls.talents[3].partner_id.id, "job_id": cls.job.id, "stage_id": cls.stage_new.id},
                {
                    "partner_name": "Anton Applicant",
                    "email_from": "anton.applicant@example.com",
                    "job_id": cls.job.id,
                    "stage_id": cls.stage_new.id,
                },
                {
                    "partner_name": "Nadia N.",
                    "email_from": cls.talents[5].email_from.upper(),
                    "job_id": cls.job.id,
                    "stage_id": cls.stage_interview.id,
                },
            ]
        )
        cls.smart_pool = cls.env["hr.talent.pool"].create(
            {
                "name": "Backend rule pool (no decision)",
                "company_id": cls.company.id,
                "talent_rule_active": True,
                "talent_rule_domain": "[('talent_role_family_id', '=', %s)]" % cls.role_backend.id,
            }
        )
        cls.talents[:4]._talent_enroll(cls.sequence)

    def _decisions(self):
        applicants = self.env["hr.applicant"].with_context(active_test=False).search(
            [("id", "in", (self.talents | self.applications).ids)]
        )
        self.assertEqual(len(applicants), 10)
        return {
            applicant.id: {
                fname: applicant[fname].id if hasattr(applicant[fname], "_name") else applicant[fname]
                for fname in DECISION_FIELDS
            }
            for applicant in applicants
        }

    def _run_every_cron(self):
        xmlids = self.env["ir.model.data"].sudo().search([("module", "=", "talent_crm"), ("model", "=", "ir.cron")])
        crons = self.env["ir.cron"].sudo().browse(xmlids.mapped("res_id"))
        self.assertGreaterEqual(len(crons), 10, "every scheduled action of talent_crm runs")
        for cron in crons:
            with self.enter_registry_test_mode():
                cron.method_direct_trigger()
        self.env.invalidate_all()
        return crons

    def test_automations_never_decide_on_an_application(self):
        before = self._decisions()
        # event-driven automations: the job opens (job alerts, the recruiter's top matches), best matches
        self.job.no_of_recruitment = 2
        ranked = self.job._talent_match_talents(limit=50)
        self.assertTrue(ranked, "the ranking ran on the talents")
        self.env["talent.match.result"]._talent_store(self.job, ranked)
        self._run_every_cron()
        with freeze_time(fields.Datetime.now() + timedelta(days=60)):
            self._run_every_cron()
        # the automations did their work ...
        alerts = self.env["talent.job.alert"].sudo().search([("job_id", "=", self.job.id)])
        self.assertTrue(alerts, "job alerts were prepared")
        self.assertTrue(self._executions(self.sequence.enrollment_ids), "the sequence ran its steps")
        self.assertTrue(self.smart_pool.talent_rule_refresh_date, "the pool rule ran")
        self.assertEqual(
            set(self.smart_pool.with_context(active_test=False).talent_ids.ids) & set(self.talents.ids),
            set(self.talents.filtered("talent_role_family_id").ids),
            "the pool rule took in the backend talents",
        )
        # ... and decided nothing on anyone
        self.assertEqual(self._decisions(), before)
