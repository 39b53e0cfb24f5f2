# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A works-council member in the browser, in English and German (issue 21): the agreed version's
document, the stored ranking without names, the outcomes by factor (talent_crm_council_tour.js)."""

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import tour_user


@tagged("post_install", "-at_install", "talent_crm")
class TestCouncilTour(HttpCase):
    def _setup(self, lang="en_US"):
        company = self.env.ref("base.main_company")
        if lang != "en_US":
            self.env["res.lang"]._activate_lang(lang)
            self.env["ir.module.module"]._load_module_terms(["talent_crm"], [lang], overwrite=True)
        recruiter = tour_user(self.env, "tour_council_recruiter", "Rita Recruiter", "talent_crm.group_talent_crm_user")
        self.council = tour_user(
            self.env, "tour_council", "Wiebke Council", "talent_crm.group_talent_crm_works_council", lang=lang
        )
        Version = self.env["talent.matching.version"]
        current = Version._talent_current(company)
        version = Version._talent_make(company, current.config, "Works agreement 2026", previous=current)
        version.write({"agreed": True, "agreement_reference": "BV-2026-11"})
        skill_type = self.env["hr.skill.type"].create(
            {
                "name": "Council Tour Skills",
                "skill_ids": [Command.create({"name": "Rust"})],
                "skill_level_ids": [Command.create({"name": "Good", "level_progress": 80, "default_level": True})],
            }
        )
        skill, level = skill_type.skill_ids, skill_type.skill_level_ids
        job = self.env["hr.job"].create(
            {
                "name": "Council Tour Developer",
                "company_id": company.id,
                "description": "<p>Rust systems development</p>",
                "job_skill_ids": [
                    Command.create({"skill_id": skill.id, "skill_level_id": level.id, "skill_type_id": skill_type.id})
                ],
            }
        )
        pool = self.env["hr.talent.pool"].create({"name": "Council Tour Pool", "company_id": company.id})
        self.hanna = self.env["hr.applicant"].create(
            {
                "partner_name": "Hidden Hanna",
                "email_from": "hanna@example.com",
                "talent_current_title": "Rust Developer",
                "talent_pool_ids": [Command.set(pool.ids)],
                "applicant_skill_ids": [
                    Command.create({"skill_id": skill.id, "skill_level_id": level.id, "skill_type_id": skill_type.id})
                ],
            }
        )
        job.with_user(recruiter).action_talent_open_matches()
        ranking = self.env["talent.match.ranking"].search([("job_id", "=", job.id)])
        self.assertIn(self.hanna, ranking.talent_id, "the recruiter's list was stored for the council")
        return job

    def _walk(self, tour):
        log = self.env["talent.audit.log"]
        before = log.search_count([])
        self.start_tour("/odoo", tour, login=self.council.login)
        self.assertEqual(log.search_count([]), before, "reading as the council changes nothing")

    def test_council_tour_en(self):
        self._setup()
        self._walk("talent_crm_council_tour_en")

    def test_council_tour_de(self):
        self._setup("de_DE")
        self._walk("talent_crm_council_tour_de")
