# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from datetime import datetime, timedelta
from unittest.mock import patch

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from ..models.res_company import MATCH_WEIGHT_FIELDS
from .common import TalentCrmCommon

# queries of one ranking as a recruiter, steady state (inputs, bound, scoring, explanations,
# access rules): fixed here so that an added query shows
MATCH_QUERY_BUDGET = 16


@tagged("post_install", "-at_install", "talent_crm")
class TestMatching(TalentCrmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.skill_go = cls.skill_type.skill_ids.filtered(lambda s: s.name == "Go")
        levels = cls.skill_type.skill_level_ids
        cls.level_beginner = levels.filtered(lambda lvl: lvl.name == "Beginner")
        cls.level_expert = levels.filtered(lambda lvl: lvl.name == "Expert")
        cls.job = cls.env["hr.job"].create(
            {
                "name": "Python Backend Engineer (test)",
                "company_id": cls.company.id,
                "address_id": cls.company.partner_id.id,
                "description": "<p>Build Kubernetes platform services in Python.</p>",
                "user_id": cls.user_recruiter.id,
                "job_skill_ids": [cls._skill(cls.skill_python, cls.level_advanced)],
            }
        )

    @classmethod
    def _skill(cls, skill, level, **values):
        return Command.create(
            dict({"skill_id": skill.id, "skill_level_id": level.id, "skill_type_id": cls.skill_type.id}, **values)
        )

    def _weights(self, **weights):
        """Only the given factors count; no penalties unless given."""
        values = {field: weights.get(key, 0) for key, (field, _default) in MATCH_WEIGHT_FIELDS.items()}
        values["talent_match_penalty_dnc"] = weights.get("penalty_dnc", 0)
        values["talent_match_penalty_recent"] = weights.get("penalty_recent", 0)
        self.company.write(values)

    def _rank(self, job=None, user=None, limit=50):
        job = job or self.job
        if user:
            job = job.with_user(user)
        return job._talent_match_talents(limit=limit)

    def _by_talent(self, results):
        return {result["talent"]: result for result in results}

    def _factor(self, result, key):
        return next(factor for factor in result["factors"] if factor["key"] == key)

    def _invalidate_talents(self):
        self.env.flush_all()
        for model in ("hr.applicant", "hr.applicant.skill", "hr.skill", "hr.job", "hr.job.skill"):
            self.env[model].invalidate_model()

    def assertExplained(self, results):
        for result in results:
            self.assertAlmostEqual(sum(f["contribution"] for f in result["factors"]), result["score"], places=2)
            self.assertTrue(0 <= result["score"] <= 100)

    # ------------------------------------------------------------
    # Factors one by one
    # ------------------------------------------------------------

    def test_required_skills_extend_odoo_matching(self):
        self._weights(skills_required=1)
        expert = self._create_talent(
            "Eva Expert", applicant_skill_ids=[self._skill(self.skill_python, self.level_expert)]
        )
        beginner = self._create_talent(
            "Bert Beginner", applicant_skill_ids=[self._skill(self.skill_python, self.level_beginner)]
        )
        nobody = self._create_talent("Nils None")
        results = self._rank()
        self.assertEqual([r["talent"] for r in results][:3], [expert, beginner, nobody])
        by_talent = self._by_talent(results)
        self.assertEqual(by_talent[expert]["score"], 100.0, "an expert fills the requirement (capped at 100)")
        self.assertEqual(by_talent[beginner]["score"], 33.33, "25 of 75 level points")
        self.assertEqual(by_talent[nobody]["score"], 0.0)
        for talent in (expert, beginner, nobody):
            odoo_score = talent.with_context(matching_job_id=self.job.id).matching_score
            self.assertEqual(by_talent[talent]["skill_matching_score"], odoo_score, "hr_recruitment_skills' own score")
            self.assertAlmostEqual(
                self._factor(by_talent[talent], "skills_required")["value"], min(odoo_score, 100) / 100, delta=0.005
            )
        self.assertEqual(by_talent[beginner]["matching_skills"], self.skill_python)
        self.assertEqual(by_talent[nobody]["missing_skills"], self.skill_python)
        self.assertExplained(results)

    def test_nice_to_have_skills(self):
        self.job.write({"job_skill_ids": [self._skill(self.skill_go, self.level_advanced, talent_required=False)]})
        self._weights(skills_required=1, skills_nice=1)
        both = self._create_talent(
            "Bo Both",
            applicant_skill_ids=[
                self._skill(self.skill_python, self.level_advanced),
                self._skill(self.skill_go, self.level_advanced),
            ],
        )
        python = self._create_talent(
            "Py Only", applicant_skill_ids=[self._skill(self.skill_python, self.level_advanced)]
        )
        go = self._create_talent("Go Only", applicant_skill_ids=[self._skill(self.skill_go, self.level_advanced)])
        by_talent = self._by_talent(self._rank())
        self.assertEqual(by_talent[both]["score"], 100.0)
        self.assertEqual(by_talent[python]["score"], 50.0)
        self.assertEqual(by_talent[go]["score"], 50.0)
        self.assertEqual(self._factor(by_talent[go], "skills_nice")["value"], 1.0)
        self.assertEqual(self._factor(by_talent[go], "skills_required")["value"], 0.0)

    def test_text_relevance_profile_cv_and_german(self):
        self._weights(text=1)
        title = self._create_talent("Tia Title", talent_current_title="Kubernetes Platform Engineer")
        notes = self._create_talent("Nico Notes", applicant_notes="<p>Python services, some Kubernetes</p>")
        unrelated = self._create_talent("Ursula Unrelated", talent_current_title="Accountant")
        cv_only = self._create_talent("Cem CV")
        self.env["ir.attachment"].create(
            {
                "name": "cv.txt",
                "res_model": "hr.applicant",
                "res_id": cv_only.id,
                "mimetype": "text/plain",
                "datas": base64.b64encode(b"Five years building Kubernetes platform services in Python."),
            }
        )
        namesake = self._create_talent("Nora Namesake", talent_current_title="Python Backend Engineer (test)")
        by_talent = self._by_talent(self._rank())
        self.assertEqual(by_talent[unrelated]["score"], 0.0)
        self.assertEqual(by_talent[namesake]["score"], 100.0, "a profile titled like the job is the reference")
        for talent in (title, notes, cv_only):
            self.assertGreater(by_talent[talent]["score"], 0.0, talent.partner_name)
            self.assertLess(by_talent[talent]["score"], 100.0, talent.partner_name)
        self.assertGreater(
            by_talent[title]["score"], by_talent[notes]["score"], "a title word weighs more than one in the notes"
        )
        # German: "Datenbanken" in the job finds "Datenbank" only through the German stemmer
        german_job = self.env["hr.job"].create(
            {"name": "Entwickler (test)", "description": "<p>Erfahrung mit relationalen Datenbanken</p>"}
        )
        german = self._create_talent("Gerd German", applicant_notes="<p>Datenbank-Administration</p>")
        self.assertGreater(self._by_talent(self._rank(german_job))[german]["score"], 0.0)

    def test_location_and_remote_fit(self):
        self._weights(location=1)
        self.job.talent_remote_policy = "onsite"
        local = self._create_talent("Lea Local", talent_country_id=self.env.ref("base.de").id)
        abroad = self._create_talent("Anton Abroad", talent_country_id=self.env.ref("base.at").id)
        unknown = self._create_talent("Uli Unknown")
        remote_only = self._create_talent(
            "Rita Remote", talent_country_id=self.env.ref("base.de").id, talent_remote_preference="remote"
        )
        by_talent = self._by_talent(self._rank())
        self.assertEqual(by_talent[local]["score"], 100.0)
        self.assertEqual(by_talent[abroad]["score"], 0.0)
        self.assertEqual(by_talent[unknown]["score"], 50.0)
        self.assertEqual(by_talent[remote_only]["score"], 50.0, "on-site job, remote-only person")
        self.job.talent_remote_policy = "remote"
        by_talent = self._by_talent(self._rank())
        self.assertEqual(by_talent[abroad]["score"], 100.0, "a remote job fits anywhere")

    def test_seniority_fit(self):
        self._weights(seniority=1)
        Seniority = self.env["talent.seniority"]
        levels = Seniority.search([], order="rank")
        base_rank = levels[-1].rank + 10
        junior, mid, senior = Seniority.create(
            [{"name": "L%s (test)" % i, "rank": base_rank + i} for i in range(3)]
        )
        self.job.talent_seniority_id = senior
        exact = self._create_talent("Sam Senior", talent_seniority_id=senior.id)
        near = self._create_talent("Mia Mid", talent_seniority_id=mid.id)
        far = self._create_talent("Jo Junior", talent_seniority_id=junior.id)
        by_talent = self._by_talent(self._rank())
        self.assertEqual(
            [by_talent[t]["score"] for t in (exact, near, far)], [100.0, 50.0, 0.0]
        )

    def test_availability_and_engagement(self):
        self._weights(availability=1)
        open_ = self._create_talent("Otto Open", talent_availability="open")
        unknown = self._create_talent("Uwe Unknown")
        busy = self._create_talent("Bea Busy", talent_availability="not_now")
        later = self._create_talent(
            "Leo Later", talent_availability="open", availability=fields.Date.today() + timedelta(days=200)
        )
        by_talent = self._by_talent(self._rank())
        self.assertEqual([by_talent[t]["score"] for t in (open_, unknown, busy, later)], [100.0, 50.0, 0.0, 50.0])
        self._weights(engagement=1)
        open_.partner_id.talent_last_engagement_date = datetime.now()
        unknown.partner_id.talent_last_engagement_date = datetime.now() - timedelta(days=400)
        by_talent = self._by_talent(self._rank())
        self.assertAlmostEqual(by_talent[open_]["score"], 100.0, delta=0.5)
        self.assertEqual(by_talent[unknown]["score"], 0.0)
        self.assertEqual(by_talent[busy]["score"], 0.0, "never engaged")

    def test_penalties_and_explanation(self):
        self._weights(skills_required=1, penalty_dnc=50, penalty_recent=20)
        skills = [self._skill(self.skill_python, self.level_advanced)]
        fine = self._create_talent("Fine Fritz", applicant_skill_ids=skills)
        dnc = self._create_talent("Dino DNC", applicant_skill_ids=skills)
        dnc.partner_id.talent_do_not_contact = True
        recent = self._create_talent("Rex Recent", applicant_skill_ids=skills)
        recent.partner_id._talent_log_touch("Called yesterday", channel="call")
        both = self._create_talent("Bianca Both", applicant_skill_ids=skills)
        both.partner_id.talent_do_not_contact = True
        both.partner_id._talent_log_touch("Called yesterday", channel="call")
        results = self._rank()
        by_talent = self._by_talent(results)
        self.assertEqual([by_talent[t]["score"] for t in (fine, dnc, recent, both)], [100.0, 50.0, 80.0, 30.0])
        self.assertEqual(self._factor(by_talent[both], "penalty_dnc")["contribution"], -50.0)
        self.assertEqual(self._factor(by_talent[both], "penalty_recent")["contribution"], -20.0)
        self.assertEqual([r["talent"] for r in results][:4], [fine, recent, dnc, both])
        self.assertExplained(results)

    def test_context_counts_as_much_as_the_profile_fits(self):
        """Location, seniority, availability and engagement tell how reachable a person is, not
        whether the profile fits: their points are multiplied by the relevance (the weighted fit
        of the skills and the text), so a profile without the job's skills gets none of them."""
        self._weights(skills_required=50, location=25, availability=25)
        self.job.talent_remote_policy = "onsite"
        de = self.env.ref("base.de").id
        at = self.env.ref("base.at").id
        fits = self._create_talent(
            "Fiona Fits", talent_country_id=de, talent_availability="open",
            applicant_skill_ids=[self._skill(self.skill_python, self.level_advanced)],
        )
        nearby = self._create_talent("Nick Nearby (no skills)", talent_country_id=de, talent_availability="open")
        some = self._create_talent(
            "Sue Some", talent_country_id=de, talent_availability="open",
            applicant_skill_ids=[self._skill(self.skill_python, self.level_beginner)],
        )
        far = self._create_talent(
            "Fred Far", talent_country_id=at, talent_availability="not_now",
            applicant_skill_ids=[self._skill(self.skill_python, self.level_beginner)],
        )
        results = self._rank()
        by_talent = self._by_talent(results)
        self.assertExplained(results)
        self.assertEqual(by_talent[fits]["score"], 100.0)
        self.assertEqual(by_talent[fits]["relevance"], 1.0)
        # without the job's skills, being nearby and available counts for nothing (50 points ungated)
        self.assertEqual(by_talent[nearby]["relevance"], 0.0)
        self.assertEqual(by_talent[nearby]["score"], 0.0)
        # 25 of 75 level points: the profile fits 33.33 %, and so does the context count
        self.assertEqual(by_talent[some]["relevance"], 0.3333)
        self.assertEqual(self._factor(by_talent[some], "location")["counts"], 0.3333)
        self.assertEqual(self._factor(by_talent[some], "skills_required")["counts"], 1.0)
        self.assertEqual(self._factor(by_talent[some], "location")["contribution"], 8.33)
        self.assertEqual(by_talent[some]["score"], 33.33)
        # some of the skills, far and busy, still ranks above no skills, nearby and available
        self.assertGreater(by_talent[far]["score"], by_talent[nearby]["score"])
        html = str(self.env["talent.match.result"]._talent_explanation(by_talent[some]))
        self.assertIn("counts 33.33 % because the profile fits the job 33.33 %", html)
        self.assertIn("The profile fits the job 33.33 %", html)
        # the pruned ranking agrees with the full scan under the gate
        job = self.job.with_user(self.user_recruiter)
        for limit in (1, 2, 3):
            self.assertEqual(
                [(r["talent"], r["score"]) for r in job._talent_match_talents(limit=limit)],
                [
                    (r["talent"], r["score"])
                    for r in job.with_context(talent_match_full_scan=True)._talent_match_talents(limit=limit)
                ],
            )

    def test_default_weights_explained_and_stable(self):
        self._create_talent(
            "Ada All",
            talent_current_title="Python Kubernetes developer",
            talent_country_id=self.env.ref("base.de").id,
            talent_availability="open",
            applicant_skill_ids=[self._skill(self.skill_python, self.level_expert)],
        )
        twin_a = self._create_talent("Twin A")
        twin_b = self._create_talent("Twin B")
        first = self._rank()
        self.assertExplained(first)
        self.assertEqual(first[0]["talent"].partner_name, "Ada All")
        order = [r["talent"].id for r in first]
        self.assertEqual(order, [r["talent"].id for r in self._rank()], "same input, same ranking")
        self.assertLess(order.index(twin_a.id), order.index(twin_b.id), "ties broken by id")
        weights = {f["key"]: f["weight"] for f in first[0]["factors"]}
        self.assertEqual(weights["skills_required"], 35)
        self.assertEqual(weights["seniority"], 0, "the job asks for no seniority: not applicable")

    def test_pruned_ranking_equals_full_scan(self):
        """Talents whose bound cannot lift them into the list are not scored, with the same result.

        The bound reads each talent's own skills, availability and engagement; the talents left
        are then ranked by text, and those whose text cannot make up the difference drop out.
        """
        self.job.talent_remote_policy = "onsite"
        de = self.env.ref("base.de").id

        def python_talent(name, level, title="Python Backend Engineer", availability="open"):
            return self._create_talent(
                name,
                talent_current_title=title,
                talent_country_id=de,
                talent_availability=availability,
                applicant_skill_ids=[self._skill(self.skill_python, level)],
            )

        strong = self.env["hr.applicant"]
        for i in range(4):
            strong |= python_talent("Strong %s" % i, self.level_expert)
        weak = self.env["hr.applicant"]
        for i in range(6):
            weak |= python_talent("Weak %s" % i, self.level_beginner, title="Python developer")
            weak |= self._create_talent("Skill-less %s" % i, talent_availability="open")
        # the same skills as the strong ones, but not available and without the job's words
        closed = python_talent("Not-now Expert", self.level_expert, title=False, availability="not_now")
        wordless = python_talent("Wordless Expert", self.level_expert, title="Gardener")
        # as strong as the strong ones, but called yesterday: the recent-contact penalty applies
        called = python_talent("Called Expert", self.level_expert)
        called.partner_id._talent_log_touch("Called yesterday", channel="call")
        self.env.flush_all()
        inputs = self.job._talent_match_inputs()
        scope = self.job._talent_match_scope(inputs, 3)
        self.assertEqual(set(scope), set(strong.ids))
        self.assertNotIn(closed.id, scope, "its own availability keeps its bound below the third score")
        self.assertNotIn(wordless.id, scope, "its text cannot make up for the points the strong ones have")
        self.assertNotIn(called.id, scope, "the recent-contact penalty is part of the bound")
        job = self.job.with_user(self.user_recruiter)
        for limit in (1, 3, 5, 10, 30):
            pruned = job._talent_match_talents(limit=limit)
            full = job.with_context(talent_match_full_scan=True)._talent_match_talents(limit=limit)
            self.assertEqual(
                [(r["talent"], r["score"], r["factors"]) for r in pruned],
                [(r["talent"], r["score"], r["factors"]) for r in full],
                "limit %s" % limit,
            )
        self.assertTrue(set(r["talent"] for r in job._talent_match_talents(limit=3)) <= set(strong))
        # a limit beyond the strong talents: the next best enter the scope
        self.assertGreater(set(self.job._talent_match_scope(inputs, 6)), set(strong.ids))
        # when too many talents are left for the narrowing to pay, every candidate is scored
        module = "odoo.addons.talent_crm.models.hr_job"
        with patch("%s.MATCH_SCOPE_MIN" % module, 0), patch("%s.MATCH_SCOPE_SHARE" % module, 0):
            self.assertIsNone(self.job._talent_match_scope(inputs, 3))
        # when the skills weigh little or nothing, talents without them may make the list: all
        # are scored
        for weights in ({"skills_required": 1, "text": 10, "availability": 10}, {"text": 1, "availability": 1}):
            self._weights(**weights)
            self.assertIsNone(self.job._talent_match_scope(self.job._talent_match_inputs(), 3))
            full = job.with_context(talent_match_full_scan=True)._talent_match_talents(limit=3)
            self.assertEqual(
                [(r["talent"], r["score"]) for r in job._talent_match_talents(limit=3)],
                [(r["talent"], r["score"]) for r in full],
            )
        # nice-to-have skills only: the least points needed are computed on the nice column
        self.job.job_skill_ids.talent_required = False
        self._weights(
            skills_nice=35, text=20, location=10, availability=10, engagement=5, penalty_dnc=50, penalty_recent=20
        )
        inputs = self.job._talent_match_inputs()
        self.assertFalse(inputs["required_total"])
        self.assertEqual(set(self.job._talent_match_scope(inputs, 3)), set(strong.ids))
        for limit in (1, 3, 10):
            self.assertEqual(
                [(r["talent"], r["score"]) for r in job._talent_match_talents(limit=limit)],
                [
                    (r["talent"], r["score"])
                    for r in job.with_context(talent_match_full_scan=True)._talent_match_talents(limit=limit)
                ],
            )

    def test_ranking_sets_jit_back(self):
        """The ranking queries run without JIT compilation; the transaction's setting comes back."""
        self._create_talent("Jit Talent", applicant_skill_ids=[self._skill(self.skill_python, self.level_expert)])
        cursor_class = type(self.env.cr)
        execute = cursor_class.execute
        seen = []

        def spy(cr, query, params=None, log_exceptions=True):
            if "hr_applicant" in str(query) and "WITH" in str(query):
                cr._obj.execute("SHOW jit")
                seen.append(cr._obj.fetchone()[0])
            return execute(cr, query, params, log_exceptions)

        for setting in ("on", "off"):
            self.env.cr.execute("SELECT set_config('jit', %s, true)", [setting])
            seen.clear()
            with patch.object(cursor_class, "execute", spy):
                self.assertTrue(self._rank(limit=5))
            self.assertTrue(seen)
            self.assertEqual(set(seen), {"off"}, "ranked without JIT")
            self.env.cr.execute("SHOW jit")
            self.assertEqual(self.env.cr.fetchone()[0], setting)

    def test_pruning_reads_archived_and_other_company_talents_never(self):
        """The bound reads applicants directly; matching still ranks only the user's candidates."""
        self._weights(skills_required=1)
        archived = self._create_talent(
            "Archived Expert", applicant_skill_ids=[self._skill(self.skill_python, self.level_expert)]
        )
        archived.action_archive()
        other_pool = self.env["hr.talent.pool"].create({"name": "Other (test)", "company_id": self.other_company.id})
        other = self._create_talent(
            "Other Company Expert",
            company_id=self.other_company.id,
            talent_pool_ids=[Command.set(other_pool.ids)],
            applicant_skill_ids=[self._skill(self.skill_python, self.level_expert)],
        )
        # an applicant outside the pools is no talent, whatever its skills
        outsider = self._create_talent(
            "Pool-less Expert",
            talent_pool_ids=[Command.clear()],
            applicant_skill_ids=[self._skill(self.skill_python, self.level_expert)],
        )
        mine = self._create_talent(
            "My Beginner", applicant_skill_ids=[self._skill(self.skill_python, self.level_beginner)]
        )
        self.env.flush_all()
        for limit in (1, 3):
            results = self._rank(user=self.user_recruiter, limit=limit)
            self.assertEqual([r["talent"] for r in results][:1], [mine])
            self.assertFalse({archived, other, outsider} & {r["talent"] for r in results})
        scope = self.job._talent_match_scope(self.job._talent_match_inputs(), 1)
        self.assertNotIn(archived.id, scope)
        self.assertNotIn(other.id, scope)

    # ------------------------------------------------------------
    # Bad input
    # ------------------------------------------------------------

    def test_bad_input(self):
        empty_job = self.env["hr.job"].create({"name": "Empty job (test)"})
        with self.assertRaisesRegex(UserError, "neither skills nor a description"):
            empty_job._talent_match_talents()
        with self.assertRaisesRegex(UserError, "neither skills nor a description"):
            empty_job.with_user(self.user_recruiter).action_talent_open_matches()
        self._weights()
        with self.assertRaisesRegex(UserError, "weights .* are zero"):
            self.job._talent_match_talents()
        self._weights(seniority=5)
        with self.assertRaisesRegex(UserError, "weights .* are zero"):
            self.job._talent_match_talents()
        with self.assertRaisesRegex(UserError, "at least one"):
            self.job._talent_match_talents(limit=0)
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.company.talent_match_weight_text = -1

    # ------------------------------------------------------------
    # Multi-company, access, performance
    # ------------------------------------------------------------

    def test_multi_company_isolation(self):
        self._weights(skills_required=1)
        mine = self._create_talent(
            "Mara Mine", applicant_skill_ids=[self._skill(self.skill_python, self.level_advanced)]
        )
        other_pool = self.env["hr.talent.pool"].create({"name": "Other (test)", "company_id": self.other_company.id})
        theirs = self._create_talent(
            "Tom Theirs",
            company_id=self.other_company.id,
            talent_pool_ids=[Command.set(other_pool.ids)],
            applicant_skill_ids=[self._skill(self.skill_python, self.level_advanced)],
        )
        talents = [r["talent"] for r in self._rank(user=self.user_recruiter)]
        self.assertIn(mine, talents)
        self.assertNotIn(theirs, talents)
        other_job = self.env["hr.job"].create(
            {
                "name": "Other job (test)",
                "company_id": self.other_company.id,
                "job_skill_ids": [self._skill(self.skill_python, self.level_advanced)],
            }
        )
        self.other_company.write({"talent_match_weight_skills_required": 1})
        talents = [r["talent"] for r in self._rank(other_job, user=self.user_other_company)]
        self.assertEqual(talents, [theirs])

    def test_query_count_independent_of_pool_size(self):
        self._weights(skills_required=1, text=1, location=1, availability=1, engagement=1)
        counts = []
        for size in (3, 15):
            self.env["hr.applicant"].create(
                [
                    {
                        "partner_name": "Q%s-%s" % (size, i),
                        "email_from": "q.%s.%s@example.com" % (size, i),
                        "talent_current_title": "Python developer",
                        "talent_pool_ids": [Command.set(self.pool.ids)],
                        "applicant_skill_ids": [self._skill(self.skill_python, self.level_advanced)],
                    }
                    for i in range(size)
                ]
            )
            measured = []
            for _run in range(3):  # the first runs warm up access rules and registry caches
                self._invalidate_talents()
                before = self.cr.sql_log_count
                results = self._rank(user=self.user_recruiter)
                measured.append(self.cr.sql_log_count - before)
            self.assertEqual(measured[1], measured[2], "steady state")
            counts.append(measured[2])
            self.assertGreaterEqual(len(results), size)
        self.assertEqual(counts[0], counts[1], "matching queries do not depend on the number of talents")
        # a fixed budget, not the count just measured: a new per-talent query (N+1) or a new
        # query per call both break it
        self._invalidate_talents()
        with self.assertQueryCount(__system__=MATCH_QUERY_BUDGET):  # ranking runs as the recruiter
            self.job.with_user(self.user_recruiter)._talent_match_talents()

    # ------------------------------------------------------------
    # From the job: list and actions; a role opens
    # ------------------------------------------------------------

    def test_match_list_and_actions_as_recruiter(self):
        talent = self._create_talent(
            "Anja Action", applicant_skill_ids=[self._skill(self.skill_python, self.level_advanced)]
        )
        job = self.job.with_user(self.user_recruiter)
        action = job.action_talent_open_matches()
        matches = self.env["talent.match.result"].with_user(self.user_recruiter).search(action["domain"])
        match = matches.filtered(lambda m: m.talent_id == talent)
        self.assertEqual(match.rank, 1)
        self.assertIn("Required skills", match.explanation)
        self.assertAlmostEqual(
            match.contribution_skills_required + match.contribution_skills_nice + match.contribution_text
            + match.contribution_location + match.contribution_seniority + match.contribution_availability
            + match.contribution_engagement + match.contribution_penalty,
            match.score,
            places=2,
        )
        self.assertEqual(match.matching_skill_ids, self.skill_python)
        # a recruiter task on the talent, for the job's recruiter
        match.action_talent_schedule_task()
        activity = talent.activity_ids.filtered(lambda a: "Reach out" in (a.summary or ""))
        self.assertEqual(activity.user_id, self.user_recruiter)
        # convert through the CRM's conversion wizard
        convert = match.action_talent_convert()
        wizard = Form(self.env[convert["res_model"]].with_user(self.user_recruiter).with_context(**convert["context"]))
        wizard.save().action_add_applicants_to_job()
        self.assertEqual(talent.talent_application_ids.job_id, self.job)
        # the converted talent no longer shows among the job's matches
        self.assertNotIn(talent, [r["talent"] for r in job._talent_match_talents()])
        # add to pool and enroll open their wizards on the selection
        pool_action = match.action_talent_add_to_pool()
        self.assertEqual(pool_action["res_model"], "talent.pool.add.selection")
        enroll = match.action_talent_enroll()
        self.assertEqual(enroll["context"]["default_talent_ids"], [Command.set(talent.ids)])
        # another recruiter does not see these results
        self.assertFalse(self.env["talent.match.result"].with_user(self.user_manager).search(action["domain"]))

    def test_role_opening_activity(self):
        self._create_talent("Olli Opening", applicant_skill_ids=[self._skill(self.skill_python, self.level_advanced)])
        activity_type = self.env.ref("talent_crm.mail_activity_type_talent_matches")
        job = self.env["hr.job"].create(
            {
                "name": "Opening job (test)",
                "user_id": self.user_recruiter.id,
                "job_skill_ids": [self._skill(self.skill_python, self.level_advanced)],
            }
        )
        activity = job.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertEqual(activity.user_id, self.user_recruiter)
        self.assertIn("Olli Opening", str(activity.note))
        # the job stops, then recruits again: the same activity is updated
        job.no_of_recruitment = 0
        job.no_of_recruitment = 2
        self.assertEqual(job.activity_ids.filtered(lambda a: a.activity_type_id == activity_type), activity)
        # a job with nothing to match on gets no activity, and no error
        bare = self.env["hr.job"].create({"name": "Bare job (test)", "user_id": self.user_recruiter.id})
        self.assertFalse(bare.activity_ids.filtered(lambda a: a.activity_type_id == activity_type))
        # no mail to candidates
        self.assertFalse(
            self.env["mail.mail"].sudo().search([("model", "=", "hr.applicant"), ("subject", "ilike", "Opening job")])
        )
