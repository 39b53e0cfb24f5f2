# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Stored rankings and the outcome report (issue 21, point 4): the works council reads how a job's
ranking was produced and what became of the ranked talents, by version and by factor band,
without reading who they are."""

from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import TalentCrmCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestMatchOutcome(TalentCrmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_council = new_test_user(
            cls.env,
            login="talent_council_outcome",
            name="Wiebke Council",
            groups="talent_crm.group_talent_crm_works_council",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.job = cls.env["hr.job"].create(
            {
                "name": "Python Developer (outcome)",
                "company_id": cls.company.id,
                "description": "<p>Python backend development</p>",
                "job_skill_ids": [
                    Command.create(
                        {
                            "skill_id": cls.skill_python.id,
                            "skill_level_id": cls.level_advanced.id,
                            "skill_type_id": cls.skill_type.id,
                        }
                    )
                ],
            }
        )
        python = [
            Command.create(
                {
                    "skill_id": cls.skill_python.id,
                    "skill_level_id": cls.level_advanced.id,
                    "skill_type_id": cls.skill_type.id,
                }
            )
        ]
        cls.pia = cls._create_talent("Pia Python", talent_current_title="Python Developer", applicant_skill_ids=python)
        cls.petra = cls._create_talent(
            "Petra Python", talent_current_title="Backend Developer", applicant_skill_ids=python
        )
        cls.sven = cls._create_talent("Sven Sales", talent_current_title="Sales Representative")
        cls.Ranking = cls.env["talent.match.ranking"]
        cls.Report = cls.env["talent.match.outcome.report"]

    def _rank(self, user=None):
        action = self.job.with_user(user or self.user_recruiter).action_talent_open_matches()
        return self.env["talent.match.result"].search(action["domain"])

    def _put_forward(self, matches, talent):
        """The recruiter's path: select the talent in the best matches, "Create Applications"."""
        match = matches.filtered(lambda result: result.talent_id == talent)
        action = match.with_user(self.user_recruiter).action_talent_convert()
        wizard = Form(self.env[action["res_model"]].with_user(self.user_recruiter).with_context(**action["context"]))
        wizard.save().action_add_applicants_to_job()
        return self.env["hr.applicant"].search([("pool_applicant_id", "=", talent.id), ("job_id", "=", self.job.id)])

    def _band(self, factor, band):
        self.env.flush_all()  # the report reads the tables (another request, in real use)
        aggregates = ["ranked_count:sum", "shortlisted_count:sum", "hired_count:sum", "shortlist_rate:avg"]
        groups = self.Report.with_user(self.user_council)._read_group(
            [("job_id", "=", self.job.id), ("factor", "=", factor), ("band", "=", band)], [], aggregates
        )
        return dict(zip(aggregates, groups[0], strict=True))

    def test_a_ranking_is_stored_as_shown(self):
        results = self._rank()
        rankings = self.Ranking.search([("job_id", "=", self.job.id)])
        self.assertEqual(len(rankings), len(results))
        by_talent = {ranking.talent_id: ranking for ranking in rankings}
        for result in results:
            ranking = by_talent[result.talent_id]
            self.assertEqual((ranking.rank, ranking.score), (result.rank, result.score))
            self.assertEqual(ranking.explanation, result.explanation)
            self.assertEqual(ranking.version_id, result.version_id)
            self.assertEqual(ranking.user_id, self.user_recruiter)
        pia = by_talent[self.pia]
        self.assertEqual(pia.fits["skills_required"], 1.0)
        self.assertIsNone(pia.fits["seniority"], "the job sets no seniority: the factor does not apply")
        self.assertEqual(by_talent[self.sven].fits["skills_required"], 0.0)

    def test_council_reads_rankings_blind_and_cannot_change_them(self):
        self._rank()
        rankings = self.Ranking.with_user(self.user_council).search([("job_id", "=", self.job.id)])
        self.assertEqual(len(rankings), 3)
        values = rankings.read(["rank", "score", "explanation", "version_id", "fits"])
        self.assertTrue(all(row["explanation"] for row in values))
        self.assertNotIn("Pia Python", str(values), "nothing read by the council names the person")
        with self.assertRaises(AccessError):
            rankings.read(["talent_id"])
        with self.assertRaises(AccessError):
            rankings.search([("talent_id.partner_name", "=", "Pia Python")])
        with self.assertRaises(AccessError):
            rankings[:1].write({"score": 99})
        with self.assertRaises(AccessError):
            rankings[:1].unlink()
        with self.assertRaises(UserError):
            rankings[:1].sudo().write({"score": 99})
        with self.assertRaises(UserError):
            rankings[:1].sudo().unlink()
        manager_rankings = self.Ranking.with_user(self.user_manager).search([("job_id", "=", self.job.id)])
        self.assertEqual(len(manager_rankings), 3)
        with self.assertRaises(AccessError):
            manager_rankings.read(["talent_id"])  # a blind list stays blind in what was stored
        with self.assertRaises(AccessError):
            self.Ranking.with_user(self.user_employee).search([])
        with self.assertRaises(AccessError):
            self.Report.with_user(self.user_employee).search([])

    def test_another_company_sees_nothing(self):
        self._rank()
        other = self.user_other_company
        other.group_ids = [Command.link(self.env.ref("talent_crm.group_talent_crm_manager").id)]
        self.assertFalse(self.Ranking.with_user(other).search([("job_id", "=", self.job.id)]))
        self.assertFalse(self.Report.with_user(other).search([("job_id", "=", self.job.id)]))

    def test_outcomes_by_factor_band(self):
        # the list was looked at two days ago and yesterday (each talent counts once per version)
        with freeze_time(fields.Datetime.now() - timedelta(days=2)):
            self._rank()
        with freeze_time(fields.Datetime.now() - timedelta(days=1)):
            matches = self._rank()
        self.assertEqual(self.Ranking.search_count([("job_id", "=", self.job.id)]), 6)
        self.assertEqual(self._band("skills_required", "75")["ranked_count:sum"], 2)
        self.assertEqual(self._band("skills_required", "0")["ranked_count:sum"], 1)
        self.assertEqual(self._band("skills_required", "75")["shortlisted_count:sum"], 0)
        # the recruiter puts Pia forward from the list, and she is hired
        application = self._put_forward(matches, self.pia)
        self.assertEqual(len(application), 1)
        band = self._band("skills_required", "75")
        self.assertEqual((band["ranked_count:sum"], band["shortlisted_count:sum"], band["hired_count:sum"]), (2, 1, 0))
        self.assertEqual(band["shortlist_rate:avg"], 50.0)
        self.assertEqual(self._band("skills_required", "0")["shortlisted_count:sum"], 0)
        application.date_closed = fields.Datetime.now()
        self.assertEqual(self._band("skills_required", "75")["hired_count:sum"], 1)
        na = self._band("seniority", "na")
        self.assertEqual((na["ranked_count:sum"], na["shortlisted_count:sum"]), (3, 1))

    def test_an_application_from_before_the_ranking_is_not_a_shortlist(self):
        with freeze_time(fields.Datetime.now() - timedelta(days=1)):
            matches = self._rank()
        application = self._put_forward(matches, self.petra)
        self.assertEqual(self._band("skills_required", "75")["shortlisted_count:sum"], 1)
        # an application older than the ranking did not come from it
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE hr_applicant SET create_date = %s WHERE id = %s",
            (fields.Datetime.now() - timedelta(days=3), application.id),
        )
        self.assertEqual(self._band("skills_required", "75")["shortlisted_count:sum"], 0)

    def test_retention_removes_old_rankings_only(self):
        self.company.talent_audit_retention_months = 12
        with freeze_time(fields.Datetime.now() - timedelta(days=400)):
            self._rank()
        self._rank()
        self.assertEqual(self.Ranking.search_count([("job_id", "=", self.job.id)]), 6)
        with self.enter_registry_test_mode():
            self.env.ref("talent_crm.ir_cron_talent_match_ranking_purge").method_direct_trigger()
        remaining = self.Ranking.search([("job_id", "=", self.job.id)])
        self.assertEqual(len(remaining), 3)
        self.assertTrue(all(r.ranking_date > fields.Datetime.now() - timedelta(days=30) for r in remaining))
