# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Golden test of matching on the demo data: the best matches a recruiter sees for each demo job.

The demo jobs (``demo/hr_applicant_demo.xml``) ask for Odoo's skills ("Python" of the skill type
"Programming Languages" when hr_skills' demo is there) and the demo talents have the same skills.
On a database without demo data (as the CI's), the test loads talent_crm's talent demo file in its
transaction.
"""

from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import convert_file

# For each demo job: who may be among its 5 best matches (and why a recruiter would call them),
# who must be, and who must be first.
GOLDEN = {
    "hr_job_python_developer_demo": {
        "first": "talent_24_demo",
        "must": {"talent_24_demo", "talent_60_demo"},
        "acceptable": {
            "talent_24_demo": "Senior Python Developer: Python expert, PostgreSQL advanced, AWS; the job's title",
            "talent_60_demo": "Python Developer: Python advanced, PostgreSQL, Kubernetes",
            "talent_22_demo": "Senior Backend Developer: Python advanced, PostgreSQL and Kubernetes expert",
            "talent_13_demo": "Junior Python Developer: Python, PostgreSQL",
            "talent_45_demo": "Senior SRE: Python expert, PostgreSQL advanced, Kubernetes expert",
            "talent_09_demo": "Senior SRE: Python expert, PostgreSQL",
            "talent_19_demo": "Senior SRE: Python, Kubernetes expert",
            "talent_34_demo": "Senior BI Analyst who codes: Python, PostgreSQL expert, AWS",
            "talent_10_demo": "Senior Data Scientist: Python advanced, PostgreSQL advanced, AWS expert",
            "talent_50_demo": "Senior Data Scientist: Python advanced, PostgreSQL expert",
        },
    },
    "hr_job_account_executive_demo": {
        "first": "talent_18_demo",
        "must": {"talent_18_demo"},
        "acceptable": {
            "talent_18_demo": "Senior Account Executive: Salesforce expert, negotiation advanced, in Germany",
            "talent_37_demo": "Senior Enterprise Sales Manager: negotiation expert, Salesforce advanced",
            "talent_21_demo": "Senior Enterprise Sales Manager: negotiation expert, Salesforce advanced",
            "talent_29_demo": "Lead Executive (sales): negotiation expert, Salesforce advanced",
            "talent_58_demo": "Lead Executive (sales): Salesforce expert, negotiation advanced",
            "talent_42_demo": "Senior Enterprise Sales Manager: Salesforce advanced",
            "talent_35_demo": "Lead Development Representative (sales): Salesforce and negotiation expert",
            "talent_28_demo": "Account Executive: Salesforce and negotiation advanced",
            "talent_01_demo": "Enterprise Sales Manager: negotiation advanced, Salesforce",
            "talent_44_demo": "Sales Development Representative: Salesforce and negotiation advanced",
        },
    },
    "hr_job_frontend_developer_demo": {
        "first": None,
        "must": {"talent_49_demo", "talent_51_demo"},
        "acceptable": {
            "talent_49_demo": "Frontend Developer: TypeScript and React advanced; the job's title",
            "talent_51_demo": "Frontend Developer: TypeScript and React advanced, Figma; the job's title",
            "talent_02_demo": "Frontend Engineer: TypeScript, React, Figma",
            "talent_43_demo": "Frontend Engineer: React advanced, TypeScript",
            "talent_08_demo": "Senior Software Architect: TypeScript and React expert",
            "talent_30_demo": "Lead Engineer: React advanced, TypeScript expert",
            "talent_07_demo": "Senior Full-Stack Developer: TypeScript advanced, React",
            "talent_59_demo": "Lead Developer: React advanced",
            "talent_19_demo": "Senior SRE: TypeScript expert",
            "talent_09_demo": "Senior SRE: TypeScript expert",
        },
    },
    "hr_job_data_scientist_demo": {
        "first": None,
        "must": {"talent_10_demo", "talent_50_demo"},
        "acceptable": {
            "talent_10_demo": "Senior Data Scientist: machine learning expert, Python advanced, SQL; the job's title",
            "talent_50_demo": "Senior Data Scientist: machine learning and Python advanced, SQL; the job's title",
            "talent_34_demo": "Senior BI Analyst: machine learning expert, Python, PostgreSQL expert",
            "talent_47_demo": "Data Engineer: machine learning advanced, Python, SQL",
            "talent_40_demo": "BI Analyst: machine learning advanced, SQL",
            "talent_24_demo": "Senior Python Developer: Python expert, PostgreSQL (no machine learning)",
            "talent_45_demo": "Senior SRE: Python expert, PostgreSQL (no machine learning)",
            "talent_09_demo": "Senior SRE: Python expert, PostgreSQL (no machine learning)",
        },
    },
}
# Jobs for developers: no sales profile outranks a developer (a talent titled "...Developer"
# with at least one of the job's required skills). Odoo's demo "Experienced Developer" is
# checked too when hr's demo data is there.
DEVELOPER_JOBS = [
    "talent_crm.hr_job_python_developer_demo",
    "talent_crm.hr_job_frontend_developer_demo",
    "hr.job_developer",
]


# standard (on the suite's database, with the talent demo loaded in the transaction) and
# talent_crm_demo: tests/test_install.py runs it on a demo database too, with the 18 months of history
@tagged("post_install", "-at_install", "talent_crm", "talent_crm_demo")
class TestMatchingGolden(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref("talent_crm.hr_job_python_developer_demo", raise_if_not_found=False):
            if not cls.env.ref("base.user_demo", raise_if_not_found=False):
                # the one record of Odoo's demo data the talent demo names (their owner)
                demo_user = new_test_user(cls.env, login="golden_demo", name="Marc Demo (test)")
                cls.env["ir.model.data"]._update_xmlids([{"xml_id": "base.user_demo", "record": demo_user}])
            convert_file(cls.env, "talent_crm", "demo/hr_applicant_demo.xml", {}, mode="init", noupdate=True)
        cls.env.flush_all()
        data = cls.env["ir.model.data"].search([("module", "=", "talent_crm"), ("model", "=", "hr.applicant")])
        cls.xmlid_of = {record.res_id: record.name for record in data}

    def _ranking(self, job, limit):
        return [
            (self.xmlid_of.get(result["talent"].id, result["talent"].partner_name), result)
            for result in job._talent_match_talents(limit=limit)
        ]

    def _describe(self, ranking):
        return "\n".join(
            "%s. %s (%s, %s): %.2f"
            % (
                result["rank"],
                name,
                result["talent"].talent_current_title,
                result["talent"].talent_role_family_id.name,
                result["score"],
            )
            for name, result in ranking
        )

    def test_top_five_of_each_demo_job(self):
        for job_xmlid, golden in GOLDEN.items():
            job = self.env.ref("talent_crm.%s" % job_xmlid)
            with self.subTest(job=job.name):
                self.assertTrue(job.job_skill_ids.skill_id, "the demo job asks for skills")
                ranking = self._ranking(job, 5)
                top = [name for name, _result in ranking]
                message = "best matches of %s:\n%s" % (job.name, self._describe(ranking))
                self.assertEqual(len(top), 5, message)
                unexpected = set(top) - set(golden["acceptable"])
                self.assertFalse(unexpected, "a recruiter would not pick %s; %s" % (unexpected, message))
                self.assertLessEqual(golden["must"], set(top), message)
                if golden["first"]:
                    self.assertEqual(top[0], golden["first"], "%s first: %s; %s" % (
                        golden["first"], golden["acceptable"][golden["first"]], message))
                for _name, result in ranking:
                    self.assertGreater(
                        next(f["contribution"] for f in result["factors"] if f["key"] == "skills_required"),
                        0,
                        "required skills score (one skill catalogue): %s" % message,
                    )
                    self.assertFalse(
                        set(result["missing_skills"].ids) & set(result["matching_skills"].ids), message
                    )

    def test_python_developers_lack_no_python(self):
        """The explanation never says "Missing skills: Python" to a Python developer: the demo
        talents and jobs share one "Python" skill."""
        job = self.env.ref("talent_crm.hr_job_python_developer_demo")
        python = job.job_skill_ids.skill_id.filtered(lambda s: s.name == "Python")
        self.assertEqual(self.env["hr.skill"].search_count([("name", "=ilike", "python")]), 1, "one Python")
        for name, result in self._ranking(job, 5):
            if "Python" in (result["talent"].talent_current_title or ""):
                self.assertIn(python, result["matching_skills"], name)
                self.assertNotIn(python, result["missing_skills"], name)

    def test_no_sales_profile_outranks_a_developer(self):
        for job_xmlid in DEVELOPER_JOBS:
            job = self.env.ref(job_xmlid, raise_if_not_found=False)
            if not job or not job.job_skill_ids:
                continue
            with self.subTest(job=job.name):
                ranking = self._ranking(job, None)
                required = set(job.job_skill_ids.filtered("talent_required").skill_id.ids)
                sales = self.env.ref("talent_crm.talent_role_family_sales")

                def fit(result):
                    # the score before the penalties (do not contact, contacted recently), which
                    # demote anyone by design: a developer called last week waits
                    return result["score"] - sum(
                        f["contribution"] for f in result["factors"] if f["key"].startswith("penalty")
                    )

                developers = [
                    fit(result)
                    for _name, result in ranking
                    if "developer" in (result["talent"].talent_current_title or "").lower()
                    and required & set(result["talent"].skill_ids.ids)
                ]
                salespeople = [
                    fit(result) for _name, result in ranking if result["talent"].talent_role_family_id == sales
                ]
                self.assertTrue(developers and salespeople)
                self.assertGreater(
                    min(developers),
                    max(salespeople),
                    "a sales profile outranks a developer for %s:\n%s" % (job.name, self._describe(ranking)),
                )
