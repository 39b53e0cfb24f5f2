# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import csv
import io
from unittest.mock import patch

import openpyxl

from odoo import Command
from odoo.tests import Form, tagged

from .common import TalentCrmCommon

COLUMNS = ["Name", "Email", "LinkedIn", "City", "Current Title"]
FIELDS = ["partner_name", "email_from", "linkedin_profile", "talent_city", "talent_current_title"]
ROWS = [
    ["Ida Import", "IDA@example.com", "", "Leipzig", "Data Analyst"],
    ["Lars Link", "lars@new.example.com", "linkedin.com/in/lars-link/", "Köln", "Engineer"],
    ["Nina Neu", "nina@example.com", "", "Berlin", "Designer"],
    ["Nina N.", "NINA@example.com", "", "", "Product Designer"],
]
OPTIONS = {
    "import_skip_records": [],
    "import_set_empty_fields": [],
    "fallback_values": {},
    "name_create_enabled_fields": {},
    "encoding": "utf-8",
    "separator": ",",
    "quoting": '"',
    "date_format": "",
    "datetime_format": "",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "advanced": False,
    "has_headers": True,
    "keep_matches": False,
    "limit": 2000,
    "skip": 0,
}


def make_csv(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return buffer.getvalue().encode()


def make_xlsx(rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@tagged("post_install", "-at_install", "talent_crm")
class TestTalentImport(TalentCrmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.source_fair = cls.env["utm.source"].create({"name": "Job fair Leipzig (test)"})
        cls.import_pool = cls.env["hr.talent.pool"].create({"name": "Job fair 2026 (test)"})

    def _wizard_context(self, user):
        form = Form(self.env["talent.import.wizard"].with_user(user))
        form.pool_ids.clear()
        form.pool_ids.add(self.import_pool)
        form.source_id = self.source_fair
        form.consent_purpose = "communication"
        form.legal_basis = "consent"
        form.consent_text = "I agree that my profile is kept and that I receive job alerts."
        form.text_version = "2026-03"
        action = form.save().action_import()
        self.assertEqual((action["tag"], action["params"]["model"]), ("import", "hr.applicant"))
        return action["params"]["context"]

    def _import(self, content, file_type, file_name, user, dryrun=False):
        context = self._wizard_context(user)
        importer = self.env["base_import.import"].with_user(user).create(
            {"res_model": "hr.applicant", "file": content, "file_type": file_type, "file_name": file_name}
        )
        return importer.with_context(**context).execute_import(FIELDS, COLUMNS, dict(OPTIONS), dryrun=dryrun)

    def _talents(self, email):
        return self.env["hr.applicant"].search([("email_normalized", "=", email), ("talent_pool_ids", "!=", False)])

    def test_csv_import_completes_existing_talents_and_creates_new_ones(self):
        ida = self._create_talent("Ida Import", email_from="ida@example.com", talent_current_title="BI Lead")
        lars = self._create_talent(
            "Lars L.", email_from="lars@old.example.com", linkedin_profile="https://www.linkedin.com/in/lars-link"
        )
        self.env["talent.consent"].create(
            {"partner_id": ida.partner_id.id, "talent_id": ida.id, "purpose": "talent_pool"}
        )
        result = self._import(make_csv(ROWS), "text/csv", "talents.csv", self.user_recruiter)
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(len(result["ids"]), 4)

        # Ida: found by email, completed without overwriting
        self.assertEqual(self._talents("ida@example.com"), ida)
        self.assertEqual(ida.talent_city, "Leipzig")
        self.assertEqual(ida.talent_current_title, "BI Lead", "what the recruiter entered stays")
        self.assertEqual(ida.talent_pool_ids, self.pool | self.import_pool)
        self.assertEqual(ida.source_id, self.source_fair)
        note = ida.message_ids.filtered(lambda m: "found this talent again" in (m.body or ""))
        self.assertEqual(len(note), 1)
        self.assertIn("City", note.body)
        # Lars: found by his LinkedIn profile
        self.assertFalse(self._talents("lars@new.example.com"))
        self.assertEqual(lars.email_from, "lars@old.example.com")
        self.assertEqual(lars.talent_city, "Köln")
        self.assertIn(self.import_pool, lars.talent_pool_ids)
        # Nina: new, once, although the file lists her twice
        nina = self._talents("nina@example.com")
        self.assertEqual(len(nina), 1)
        self.assertEqual(nina.partner_name, "Nina Neu")
        self.assertEqual(nina.talent_current_title, "Designer")
        self.assertEqual(nina.talent_pool_ids, self.import_pool)
        self.assertEqual(nina.source_id, self.source_fair)
        self.assertEqual(nina.user_id, self.user_recruiter)

        # consent from the wizard, without doubling a valid one
        consents = self.env["talent.consent"].search([("partner_id", "in", (ida | lars | nina).partner_id.ids)])
        imported = consents.filtered(lambda c: c.source == "import")
        self.assertEqual(
            sorted(imported.mapped(lambda c: (c.partner_id.name, c.purpose))),
            sorted(
                [
                    (ida.partner_id.name, "communication"),
                    (lars.partner_id.name, "talent_pool"),
                    (lars.partner_id.name, "communication"),
                    (nina.partner_id.name, "talent_pool"),
                    (nina.partner_id.name, "communication"),
                ]
            ),
        )
        self.assertEqual(set(imported.mapped("legal_basis")), {"consent"})
        self.assertEqual(set(imported.mapped("text_version")), {"2026-03"})
        self.assertEqual(set(imported.mapped("state")), {"valid"})

    def test_xlsx_import_twice_creates_nothing_twice(self):
        xlsx = make_xlsx(ROWS)
        xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        result = self._import(xlsx, xlsx_type, "talents.xlsx", self.user_recruiter)
        self.assertFalse(result["messages"], result["messages"])
        talents = self.env["hr.applicant"].search([("talent_pool_ids", "in", self.import_pool.ids)])
        self.assertEqual(len(talents), 3, "Ida, Lars, Nina")
        lars = talents.filtered(lambda t: t.partner_name == "Lars Link")
        self.assertEqual(lars.linkedin_profile, "https://www.linkedin.com/in/lars-link")
        consents = self.env["talent.consent"].search_count([("partner_id", "in", talents.partner_id.ids)])
        self.assertEqual(consents, 6)
        result = self._import(xlsx, xlsx_type, "talents.xlsx", self.user_manager)
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(self.env["hr.applicant"].search([("talent_pool_ids", "in", self.import_pool.ids)]), talents)
        self.assertEqual(
            self.env["talent.consent"].search_count([("partner_id", "in", talents.partner_id.ids)]), 6,
            "valid consents are not recorded twice",
        )

    def test_import_test_run_changes_nothing(self):
        existing = self._create_talent("Ida Import", email_from="ida@example.com")
        result = self._import(make_csv(ROWS), "text/csv", "talents.csv", self.user_recruiter, dryrun=True)
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(len(result["ids"]), 4, "the test run reports what it would import")
        self.env.invalidate_all()
        self.assertFalse(self._talents("nina@example.com"))
        self.assertFalse(self._talents("lars@new.example.com"))
        self.assertFalse(existing.talent_city)
        self.assertEqual(existing.talent_pool_ids, self.pool)
        self.assertFalse(self.env["talent.consent"].search([("source", "=", "import")]))

    def test_find_existing_api(self):
        """The API sign-up and integrations call before creating a talent."""
        Applicant = self.env["hr.applicant"].with_user(self.user_recruiter)
        talent = self._create_talent(
            "Api Person",
            email_from="api.person@example.com",
            partner_phone="+49 30 4445556",
            talent_github_url="github.com/apiperson",
        )
        self.assertEqual(Applicant._talent_find_existing({"email_from": "Api.Person@Example.com"}), talent)
        self.assertEqual(Applicant._talent_find_existing({"partner_phone": "030 4445556"}), talent)
        self.assertEqual(
            Applicant._talent_find_existing({"talent_github_url": "https://github.com/APIperson/x"}), talent
        )
        self.assertFalse(Applicant._talent_find_existing({"email_from": "someone.else@example.com"}))
        self.assertFalse(Applicant._talent_find_existing({"linkedin_profile": "not a profile"}))
        self.assertFalse(
            Applicant._talent_find_existing({"email_from": "api.person@example.com"}, company=self.other_company),
            "another company's talents are never matched",
        )
        application = self.env["hr.applicant"].create(
            {"partner_name": "Applied Only", "email_from": "applied.only@example.com"}
        )
        self.assertFalse(application.talent_pool_ids, "an application, in no pool: not a talent")
        self.assertFalse(Applicant._talent_find_existing({"email_from": "applied.only@example.com"}))
        batch = Applicant._talent_find_existing_batch(
            [{"email_from": "x@example.com"}, {"talent_github_url": "github.com/apiperson"}]
        )
        self.assertEqual([record.ids for record in batch], [[], talent.ids])

    def test_form_warns_about_an_existing_talent(self):
        talent = self._create_talent("Wanda Warn", email_from="wanda@example.com")
        typing = self.env["hr.applicant"].new(
            {
                "partner_name": "Wanda W.",
                "email_from": "wanda@example.com",
                "talent_pool_ids": [Command.set(self.pool.ids)],
            }
        )
        result = typing._onchange_talent_warn_existing()
        self.assertIn("Wanda Warn", result["warning"]["message"])
        self.assertIsNone(talent._onchange_talent_warn_existing(), "a talent is not its own duplicate")

    def test_import_claims_the_addresses_before_looking_people_up(self):
        """Issue 16, point 9: the import serialises per address with sign-ups and other imports
        (talent.identity.claim) before its first read of who exists."""
        calls = []
        Claim = type(self.env["talent.identity.claim"])
        Applicant = type(self.env["hr.applicant"])
        claim, find = Claim._talent_claim, Applicant._talent_find_existing_batch

        def spy_claim(model, emails):
            calls.append(("claim", sorted(e.lower() for e in emails if e)))
            return claim(model, emails)

        def spy_find(model, vals_list, company=None):
            calls.append(("find", len(vals_list)))
            return find(model, vals_list, company=company)

        with (
            patch.object(Claim, "_talent_claim", spy_claim),
            patch.object(Applicant, "_talent_find_existing_batch", spy_find),
        ):
            result = self._import(make_csv(ROWS), "text/csv", "talents.csv", self.user_recruiter)
        self.assertFalse(result["messages"], result["messages"])
        emails = sorted(["ida@example.com", "lars@new.example.com", "nina@example.com", "nina@example.com"])
        self.assertEqual(calls, [("claim", emails), ("find", 4)], "claimed once, before the only lookup")

    def test_import_maps_skills_onto_the_catalogue(self):
        """One skill catalogue: an imported skill name ("elixir (test)", any case) is the existing
        skill, in its own type, with the level of that type of the same name; no skill is created."""
        languages, soft = self.env["hr.skill.type"].create(
            [
                {
                    "name": "Import languages (test)",
                    "skill_ids": [Command.create({"name": "Elixir (test)"})],
                    "skill_level_ids": [
                        Command.create({"name": "Junior", "level_progress": 30, "default_level": True}),
                        Command.create({"name": "Senior", "level_progress": 90}),
                    ],
                },
                {
                    # the level "Senior" is found here first (created first would win otherwise)
                    "name": "Import soft skills (test)",
                    "skill_ids": [Command.create({"name": "Patience (test)"})],
                    "skill_level_ids": [Command.create({"name": "Senior", "level_progress": 60})],
                },
            ]
        )
        elixir = languages.skill_ids
        senior = languages.skill_level_ids.filtered(lambda level: level.name == "Senior")
        skills_before = self.env["hr.skill"].search_count([])
        columns = ["Name", "Email", "Skill", "Level"]
        fields = ["partner_name", "email_from", "applicant_skill_ids/skill_id", "applicant_skill_ids/skill_level_id"]
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        writer.writerow(["Sven Skill", "sven.skill@example.com", "ELIXIR (TEST)", "Senior"])
        context = self._wizard_context(self.user_recruiter)
        options = dict(OPTIONS)
        importer = self.env["base_import.import"].with_user(self.user_recruiter).create(
            {"res_model": "hr.applicant", "file": buffer.getvalue().encode(), "file_type": "text/csv",
             "file_name": "skills.csv"}
        )
        result = importer.with_context(**context).execute_import(fields, columns, options)
        self.assertFalse([m for m in result["messages"] if m["type"] == "error"], result["messages"])
        talent = self._talents("sven.skill@example.com")
        self.assertRecordValues(
            talent.applicant_skill_ids,
            [{"skill_id": elixir.id, "skill_type_id": languages.id, "skill_level_id": senior.id}],
        )
        self.assertEqual(self.env["hr.skill"].search_count([]), skills_before, "no skill created twice")
        self.assertNotIn(soft, talent.applicant_skill_ids.skill_type_id)
        # "create if missing" on import: the existing skill again, not a second one
        skill_id, _name = self.env["hr.skill"].with_context(import_file=True).name_create("elixir (TEST)")
        self.assertEqual(skill_id, elixir.id)
        self.assertEqual(self.env["hr.skill"].search_count([]), skills_before)

    def test_duplicate_skill_names_are_reported(self):
        """A data check: skills of the same name in two types (any case) are flagged, on the skill
        and on its type, and found by the "Duplicate names" filter."""
        first, second = self.env["hr.skill.type"].create(
            [
                {
                    "name": name,
                    "skill_ids": [Command.create({"name": skill}), Command.create({"name": "Unique %s" % name})],
                    "skill_level_ids": [Command.create({"name": "Good", "level_progress": 50})],
                }
                for name, skill in (("Dup type A (test)", "Rust (dup test)"), ("Dup type B (test)", "RUST (dup test)"))
            ]
        )
        duplicates = self.env["hr.skill"].search([("talent_duplicate_name", "=", True)])
        rust = (first | second).skill_ids.filtered(lambda s: s.name.lower() == "rust (dup test)")
        self.assertEqual(len(rust), 2)
        self.assertEqual(duplicates & (first | second).skill_ids, rust)
        self.assertEqual(rust.mapped("talent_duplicate_name"), [True, True])
        self.assertEqual(first.talent_duplicate_skill_names, "Rust (dup test)")
        self.assertEqual(second.talent_duplicate_skill_names, "RUST (dup test)")
        rust[1].name = "Rust 2 (dup test)"
        self.env.invalidate_all()
        self.assertFalse(first.talent_duplicate_skill_names, "renamed: no duplicate left")
