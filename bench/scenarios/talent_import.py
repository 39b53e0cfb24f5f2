# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import csv
import io
import os

from odoo import Command, fields

from bench.generator.fakedata import ROLE_FAMILIES, PeopleFactory

from . import Scenario, bench_scale

COLUMNS = ["Name", "Email", "Phone", "LinkedIn", "GitHub", "City", "Title", "Company", "Skills", "Levels"]


class TalentImport(Scenario):
    name = "talent_import"
    title = "Talent import (background job)"
    description = (
        "Import N new talents (the bench scale, or BENCH_IMPORT_ROWS; name, email, phone, LinkedIn and "
        "GitHub URLs, city, title, company, 4-9 skills with levels) from a CSV file through the background "
        "import job (talent.import.job: Odoo's file reader, set-wise conversion, batches of 1000 "
        "through hr.applicant._load_records_create, duplicates found on the way, pool, source, owner "
        "and consent of the wizard, the report), without the commits. Baseline: the same talents "
        "through one hr.applicant.create per row (pool, source, owner, skills) and its consents."
    )
    baseline_label = "one hr.applicant.create per row"
    requires = ("talent.import.job",)
    sequence = 11
    max_runs = 1  # minutes per run at 10k rows
    warm_up_differs = True  # the warm-up imports 100 rows, the measured runs all of them

    def _rows(self, env, count):
        factory = PeopleFactory(seed=2222)
        skills = {skill.name: skill for skill in env["hr.skill"].search([])}
        rows = []
        for index in range(count):
            family = list(ROLE_FAMILIES)[index % len(ROLE_FAMILIES)]
            person = factory.person(family)
            email = "imp.%d.%s" % (index, (person["email"] or "person%d@example.com" % index).replace("'", ""))
            names, levels = [], []
            for name, level in dict(person["skills"]).items():
                if name in skills:
                    type_levels = skills[name].skill_type_id.skill_level_ids.sorted("level_progress")[-4:]
                    names.append(name)
                    levels.append(type_levels[min(level, len(type_levels) - 1)].name)
            # unique phone numbers: the factory repeats some (its near-duplicates), and the import
            # would rightly find those people again where the baseline creates them twice
            phone = "+49 30 %08d" % (90000000 + index) if person["phone"] else ""
            rows.append([
                person["name"], email, phone,
                person["linkedin"] and person["linkedin"] + "-imp%d" % index or "",
                person["github"] and person["github"] + "-imp%d" % index or "",
                person["city"], person["title"], person["company"], ", ".join(names), ", ".join(levels),
            ])
        return rows

    def setup(self, env):
        count = int(os.environ.get("BENCH_IMPORT_ROWS") or bench_scale(env))
        if self.warming_up:
            count = min(count, 100)
        rows = self._rows(env, count)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
        pool = env["hr.talent.pool"].search([], limit=1, order="id desc")
        source = env.ref("talent_crm.utm_source_sourcing")
        consent = {
            "purposes": ["talent_pool"],
            "legal_basis": "consent",
            "date_given": fields.Datetime.to_string(fields.Datetime.now()),
            "consent_text": "Bench import",
            "text_version": "bench",
        }
        wizard = env["talent.import.wizard"].create({
            "pool_ids": [Command.set(pool.ids)],
            "source_id": source.id,
            "consent_purpose": "talent_pool",
            "consent_text": "Bench import",
            "text_version": "bench",
        })
        context = dict(wizard._talent_import_context(), talent_crm_import_consent=consent)
        job = env["talent.import.job"].create({
            "name": "bench.csv",
            "file": base64.b64encode(buffer.getvalue().encode()),
            "file_type": "text/csv",
            "headers": COLUMNS,
            "column_fields": [
                "partner_name", "email_from", "partner_phone", "linkedin_profile", "talent_github_url",
                "talent_city", "talent_current_title", "talent_current_company",
                "applicant_skill_ids/skill_id", "applicant_skill_ids/skill_level_id",
            ],
            "read_options": {"has_headers": True, "quoting": '"', "separator": ",", "encoding": "utf-8"},
            "import_context": context,
            "row_count": count,
        })
        # the baseline's values: what the import makes of each row (converted untimed)
        lines = job._talent_read_rows(buffer.getvalue().encode(), "text/csv", "bench.csv", job.read_options)[1]
        converted, rejected = job._talent_convert_rows(lines, {})
        assert not rejected, rejected
        base_vals = [
            dict(vals, talent_pool_ids=[Command.set(pool.ids)], source_id=source.id, user_id=env.uid)
            for _line, vals in converted
        ]
        return {"job": job, "raw": buffer.getvalue().encode(), "vals": base_vals, "consent": consent}

    def records(self, env, state):
        return len(state["vals"])

    def result_key(self, env, result):
        return sorted(
            (t.partner_name, t.email_normalized or "", t.partner_id.name, len(t.skill_ids), t.talent_pool_ids.ids,
             t.source_id.id, len(env["talent.consent"].search([("partner_id", "=", t.partner_id.id)])))
            for t in result
        )

    def fast(self, env, state):
        job = state["job"]
        lines = job._talent_read_rows(state["raw"], job.file_type, job.name, job.read_options)[1]
        cache = {}
        while job.state != "done":
            job._talent_process(lines, cache)
        assert not job.rejected_count, job.rejected_rows
        return env["hr.applicant"].search([("email_from", "=like", "imp.%")])

    def baseline(self, env, state):
        Applicant = env["hr.applicant"].with_context(talent_crm_capture=True)
        Consent = env["talent.consent"]
        consent = state["consent"]
        talents = Applicant.browse()
        for vals in state["vals"]:
            talent = Applicant.create(dict(vals))
            Consent.create({
                "partner_id": talent.partner_id.id,
                "talent_id": talent.id,
                "company_id": talent.company_id.id,
                "purpose": "talent_pool",
                "legal_basis": consent["legal_basis"],
                "source": "import",
                "date_given": consent["date_given"],
                "consent_text": consent["consent_text"],
                "text_version": consent["text_version"],
            })
            talents |= talent
        return talents
