# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import TalentCrmCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestMatchingQuality(TalentCrmCommon):
    """What a recruiter reads in the best matches: titles compared word for word, explanations
    whose numbers add up on screen, best matches reachable from the job's card and pipeline."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.job = cls.env["hr.job"].create(
            {
                "name": "Experienced Developer (quality test)",
                "company_id": cls.company.id,
                "description": "<p>We build our products with a small team.</p>",
                "user_id": cls.user_recruiter.id,
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

    def _talent(self, name, title):
        return self._create_talent(
            name,
            talent_current_title=title,
            applicant_skill_ids=[
                Command.create(
                    {
                        "skill_id": self.skill_python.id,
                        "skill_level_id": self.level_advanced.id,
                        "skill_type_id": self.skill_type.id,
                    }
                )
            ],
        )

    def _factor(self, result, key):
        return next(factor for factor in result["factors"] if factor["key"] == key)

    def test_title_words_are_compared_unstemmed(self):
        """"Developer" and "Development" share the English stem "develop": the talent whose title
        has the job's word as it is written ranks above the one whose title only shares the stem."""
        developer = self._talent("Dora Developer", "Senior Developer")
        representative = self._talent("Rudi Representative", "Senior Development Representative")
        results = {r["talent"]: r for r in self.job._talent_match_talents(limit=10)}
        text_developer = self._factor(results[developer], "text")["contribution"]
        text_representative = self._factor(results[representative], "text")["contribution"]
        self.assertGreater(text_developer, text_representative)
        self.assertLess(results[developer]["rank"], results[representative]["rank"])
        self.assertEqual(
            self.job._talent_match_inputs()["title_words"], ["developer", "experienced", "quality", "test"],
            "the title's words as written, without stop words",
        )

    def test_explanation_shows_the_rescaling(self):
        """Factors without data for the job count for nothing: the others' weights are rescaled,
        and the explanation shows each share, so that share x fit = points, and the points add up
        to the score the list shows."""
        self.company.write(
            {
                "talent_match_weight_skills_required": 40,
                "talent_match_weight_skills_nice": 10,
                "talent_match_weight_text": 20,
                "talent_match_weight_location": 10,
                "talent_match_weight_seniority": 10,
                "talent_match_weight_availability": 10,
                "talent_match_weight_engagement": 10,
                "talent_match_penalty_dnc": 0,
                "talent_match_penalty_recent": 0,
                "country_id": self.env.ref("base.de").id,
            }
        )
        talent = self._talent("Eva Explained", "Developer")
        result = next(r for r in self.job._talent_match_talents(limit=10) if r["talent"] == talent)
        # no nice-to-have skills, no seniority sought: 20 of 110 weight points do not apply
        shares = {f["key"]: f["share"] for f in result["factors"] if f["applicable"]}
        self.assertNotIn("skills_nice", shares)
        self.assertNotIn("seniority", shares)
        self.assertAlmostEqual(sum(shares.values()), 100.0, places=6)
        self.assertAlmostEqual(shares["skills_required"], 100.0 * 40 / 90)
        for factor in result["factors"]:
            if factor["applicable"] and not factor["key"].startswith("penalty"):
                self.assertAlmostEqual(
                    factor["contribution"], factor["share"] * factor["value"] * factor["counts"], delta=0.01
                )
        match = self.env["talent.match.result"].browse(self.job.action_talent_open_matches()["domain"][0][2])
        match = match.filtered(lambda m: m.talent_id == talent)
        html = str(match.explanation)
        # the required-skills row: weight 40, share 44.44 % (40 / 90), fit 100 %, counts fully, points +44.44
        row = re.search(r"<tr data-factor='skills_required'>(.*?)</tr>", html).group(1)
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
        self.assertEqual(cells[1:], ["40", "44.44 %", "100 %", "100 %", "+44.44"])
        self.assertIn("divided by 90", html, "the note says what the weights are rescaled over")
        nice = re.search(r"<tr data-factor='skills_nice'>(.*?)</tr>", html).group(1)
        self.assertIn("n/a", nice)
        self.assertIn("+0.00", nice)
        # the list and the form show the same figure
        self.assertIn(">%.2f<" % match.score, html)
        self.assertAlmostEqual(match.score, result["score"], places=2)

    def test_explanation_in_german_number_format(self):
        self.env["res.lang"]._activate_lang("de_DE")
        talent = self._talent("Gerd German", "Developer")
        result = next(r for r in self.job._talent_match_talents(limit=10) if r["talent"] == talent)
        html = str(self.env["talent.match.result"].with_context(lang="de_DE")._talent_explanation(result))
        self.assertRegex(html, r"<tr data-factor='skills_required'>.*?\+\d+,\d\d</td>")

    def test_best_matches_from_the_pipeline(self):
        """The pipeline of a job (its applications) names the job in its context: the "Best
        Matches" button there opens the job's best matches; elsewhere it explains what to do."""
        talent = self._talent("Pia Pipeline", "Developer")
        action = (
            self.env["hr.job"]
            .with_user(self.user_recruiter)
            .with_context(default_job_id=self.job.id)
            ._talent_open_matches_of_pipeline()
        )
        matches = self.env["talent.match.result"].browse(action["domain"][0][2])
        self.assertIn(talent, matches.talent_id)
        self.assertEqual(matches.job_id, self.job)
        with self.assertRaises(UserError):
            self.env["hr.job"].with_user(self.user_recruiter)._talent_open_matches_of_pipeline()
        result = (
            self.env["hr.applicant"]
            .with_user(self.user_recruiter)
            .with_context(default_job_id=self.job.id)
            .action_talent_open_job_matches()
        )
        self.assertEqual(result["res_model"], "talent.match.result")
        self.assertEqual(result["domain"], [("id", "in", self.env["talent.match.result"].search(
            [("job_id", "=", self.job.id), ("create_uid", "=", self.user_recruiter.id)]).ids)])
        # the job card's menu and the pipeline's control panel show the entry
        job_kanban = self.env.ref("hr_recruitment.view_hr_job_kanban").id
        kanban = self.env["hr.job"].with_user(self.user_recruiter).get_views([(job_kanban, "kanban")])
        self.assertIn("o_talent_best_matches", kanban["views"]["kanban"]["arch"])
        pipeline_kanban = self.env.ref("hr_recruitment.hr_kanban_view_applicant").id
        pipeline = self.env["hr.applicant"].with_user(self.user_recruiter).get_views([(pipeline_kanban, "kanban")])
        self.assertIn('name="action_talent_open_job_matches"', pipeline["views"]["kanban"]["arch"])

    def test_demo_skills_map_onto_existing_skills(self):
        """The demo's skills are Odoo's skills of the same name (any case, any type): no second
        "Python"; the missing ones go to one skill type of their own; running it again creates
        nothing."""
        Skill = self.env["hr.skill"]
        # on a demo database, hr_skills' "Python" is there too: the test's is the one named alike
        self.skill_python.name = "Pythonesque (test)"
        specs = [("test_skill_python_demo", "PYTHONESQUE (TEST)"), ("test_skill_brandnew_demo", "Brandnew (test)")]
        Skill._talent_demo_catalogue(specs, "Fallback skills (test)")
        self.assertEqual(self.env.ref("talent_crm.test_skill_python_demo"), self.skill_python)
        self.assertEqual(self.env.ref("talent_crm.test_skill_python_demo_type"), self.skill_type)
        self.assertEqual(
            self.env.ref("talent_crm.test_skill_python_demo_advanced"),
            self.level_advanced,
            "the level of the skill's own type nearest to 75 %",
        )
        self.assertEqual(self.env.ref("talent_crm.test_skill_python_demo_expert").level_progress, 100)
        brandnew = self.env.ref("talent_crm.test_skill_brandnew_demo")
        self.assertEqual(brandnew.skill_type_id.name, "Fallback skills (test)")
        self.assertEqual(len(brandnew.skill_type_id.skill_level_ids), 4)
        count = Skill.search_count([])
        Skill._talent_demo_catalogue(specs, "Fallback skills (test)")
        self.assertEqual(Skill.search_count([]), count, "nothing created twice")
        self.assertEqual(self.env.ref("talent_crm.test_skill_brandnew_demo"), brandnew)

    def test_demo_merges_its_earlier_duplicates(self):
        """A database of an earlier demo had the demo's own "Python" beside Odoo's: updating the
        demo moves the talents' and jobs' lines to Odoo's skill and deletes the duplicate."""
        fallback = self.env["hr.skill.type"].create(
            {
                "name": "Fallback merge (test)",
                "skill_ids": [Command.create({"name": "pythonesque (test)"})],
                "skill_level_ids": [
                    Command.create({"name": "Good", "level_progress": 70}),
                    Command.create({"name": "Some", "level_progress": 20}),
                ],
            }
        )
        old = fallback.skill_ids
        good = fallback.skill_level_ids.filtered(lambda level: level.level_progress == 70)
        self.skill_python.name = "Pythonesque (test)"
        line = {"skill_id": old.id, "skill_level_id": good.id, "skill_type_id": fallback.id}
        talent = self._create_talent("Olga Old", applicant_skill_ids=[Command.create(dict(line))])
        both = self._create_talent(
            "Bert Both",
            applicant_skill_ids=[
                Command.create(dict(line)),
                Command.create(
                    {"skill_id": self.skill_python.id, "skill_level_id": self.level_advanced.id,
                     "skill_type_id": self.skill_type.id}
                ),
            ],
        )
        job = self.env["hr.job"].create({"name": "Old demo job (test)", "job_skill_ids": [Command.create(dict(line))]})
        self.env["hr.skill"]._talent_demo_catalogue([("test_merge_demo", "Pythonesque (test)")], fallback.name)
        self.assertFalse(old.exists(), "the duplicate is merged")
        self.assertEqual(self.env.ref("talent_crm.test_merge_demo"), self.skill_python)
        self.assertRecordValues(
            talent.applicant_skill_ids,
            [{"skill_id": self.skill_python.id, "skill_type_id": self.skill_type.id,
              "skill_level_id": self.level_advanced.id}],
        )
        self.assertEqual(both.applicant_skill_ids.skill_id, self.skill_python, "one line left, the kept one")
        self.assertEqual(job.job_skill_ids.skill_id, self.skill_python)
