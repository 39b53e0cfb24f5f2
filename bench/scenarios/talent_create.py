# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command

from bench.generator.fakedata import ROLE_FAMILIES, PeopleFactory

from . import Scenario, bench_scale


class TalentCreate(Scenario):
    name = "talent_create"
    title = "Talent creation (batched create)"
    description = (
        "Create N new talents (1000 at 10k; person, email, phone, profile URLs, role family, seniority, "
        "source, owner, 4-9 skills, one pool) with one hr.applicant.create(vals_list) call, as an "
        "import does, with the default context (chatter, tracking). Baseline: one create() per talent."
    )
    baseline_label = "one create() per talent"
    sequence = 10
    max_runs = 3  # about a minute per run (both ways) at 10k
    warm_up_differs = True  # the warm-up creates 100 talents, the measured runs all of them

    def setup(self, env):
        count = min(1000, max(50, bench_scale(env) // 10))
        if self.warming_up:
            count = min(count, 100)  # warms the caches and proves both ways agree, in a few seconds
        factory = PeopleFactory(seed=4242)
        skills = {}
        for line in env["hr.skill"].search([]):
            levels = line.skill_type_id.skill_level_ids.sorted("level_progress")
            skills[line.name] = (line.id, line.skill_type_id.id, levels[-4:].ids if len(levels) >= 4 else levels.ids)
        pool = env["hr.talent.pool"].search([], limit=1, order="id desc")
        countries = {c.code: c.id for c in env["res.country"].search([])}
        family_ids = {xmlid: env.ref(xmlid).id for xmlid in ROLE_FAMILIES}
        source = env.ref("talent_crm.utm_source_sourcing").id
        vals_list = []
        for index in range(count):
            family = list(ROLE_FAMILIES)[index % len(ROLE_FAMILIES)]
            person = factory.person(family)
            # a fresh address: the bench database already knows the factory's usual ones
            email = person["email"] and "new.%d.%s" % (index, person["email"])
            vals_list.append({
                "partner_name": person["name"],
                "email_from": email or False,
                "partner_phone": person["phone"] or False,
                "linkedin_profile": person["linkedin"] and person["linkedin"] + "-new",
                "talent_github_url": person["github"],
                "talent_role_family_id": family_ids[family],
                "talent_seniority_id": env.ref(person["seniority"]).id,
                "talent_current_title": person["title"],
                "talent_current_company": person["company"],
                "talent_country_id": countries[person["country"]],
                "talent_city": person["city"],
                "source_id": source,
                "user_id": env.uid,
                "talent_pool_ids": [Command.set(pool.ids)],
                "applicant_skill_ids": [
                    Command.create({
                        "skill_id": skills[name][0],
                        "skill_type_id": skills[name][1],
                        "skill_level_id": skills[name][2][min(level, len(skills[name][2]) - 1)],
                    })
                    for name, level in dict(person["skills"]).items()
                    if name in skills
                ],
            })
        return vals_list

    def records(self, env, state):
        return len(state)

    def result_key(self, env, result):
        return sorted(
            (t.partner_name, t.email_normalized or "", t.partner_id.name, len(t.skill_ids), t.talent_pool_ids.ids)
            for t in result
        )

    def fast(self, env, state):
        return env["hr.applicant"].create(state)

    def baseline(self, env, state):
        talents = env["hr.applicant"]
        for vals in state:
            talents |= env["hr.applicant"].create(vals)
        return talents
