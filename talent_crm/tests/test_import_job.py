# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The background talent import (issue 22, part 2): a job run by the cron in batches, resumable,
never importing a row twice, rejecting bad rows into a report, finding people already known."""

import base64
import csv
import io
from unittest.mock import patch

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import AccessError, ValidationError
from odoo.sql_db import db_connect
from odoo.tests import Form, tagged

from .common import TalentCrmCommon
from .test_import import make_xlsx

COLUMNS = ["Name", "Email", "Phone", "LinkedIn", "City", "Current Title", "Skills"]


def make_csv(rows, columns=None):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns or COLUMNS)
    writer.writerows(rows)
    return buffer.getvalue().encode()


@tagged("post_install", "-at_install", "talent_crm")
class TestTalentImportJob(TalentCrmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.source_fair = cls.env["utm.source"].create({"name": "Job fair Köln (job test)"})
        cls.import_pool = cls.env["hr.talent.pool"].create({"name": "Import job pool (test)"})
        cls.cron = cls.env.ref("talent_crm.ir_cron_talent_import")
        cls.env["ir.config_parameter"].sudo().set_param("talent_crm.import_batch_size", "2")

    def _start(self, content, file_name="talents.csv", user=None):
        wizard = self.env["talent.import.wizard"].with_user(user or self.user_recruiter)
        form = Form(wizard.with_context(default_file_name=file_name))
        form.pool_ids.clear()
        form.pool_ids.add(self.import_pool)
        form.source_id = self.source_fair
        form.consent_purpose = "talent_pool"
        form.file = base64.b64encode(content)
        action = form.save().action_import_background()
        return self.env["talent.import.job"].browse(action["res_id"])

    def _run_cron(self):
        with self.enter_registry_test_mode():
            self.cron.method_direct_trigger()
        self.env.invalidate_all()

    def _talents(self, email):
        return self.env["hr.applicant"].search([("email_normalized", "=", email), ("talent_pool_ids", "!=", False)])

    def _report(self, job):
        return list(csv.reader(io.StringIO(job.report_id.raw.decode())))

    def test_import_in_batches_with_report(self):
        known = self._create_talent("Kai Known", email_from="kai@example.com")
        person = self.env["res.partner"].create({"name": "Petra Person", "email": "petra@example.com"})
        rows = [
            ["Kai K.", "KAI@example.com", "", "", "Bonn", "Engineer", "Python"],  # known talent
            ["Petra Person", "petra@example.com", "", "", "Köln", "Analyst", "Python, Go"],  # known contact
            ["Nora Neu", "nora@example.com", "+49 221 1234567", "linkedin.com/in/nora-neu", "", "", "go"],
            ["Nora N.", "NORA@example.com", "", "", "Berlin", "", ""],  # twice in the file
            ["Bad Mail", "not-an-email", "", "", "", "", ""],
            ["Unknown Skill", "skill@example.com", "", "", "", "", "Cobol (none)"],
            ["", "nameless@example.com", "", "", "Nowhere", "", ""],  # no name
            ["Bad Link", "link@example.com", "", "https://example.com/me", "", "", ""],
        ]
        job = self._start(make_csv(rows))
        self.assertEqual((job.state, job.row_count, job.row_done), ("queued", 8, 0))
        self.assertIn("Skills →", job.columns)
        self._run_cron()
        self.assertEqual(job.state, "done")
        self.assertEqual((job.row_done, job.progress), (8, 100.0))
        self.assertEqual((job.created_count, job.matched_count, job.rejected_count), (2, 2, 4), job.rejected_rows)
        # found again, completed, never duplicated
        self.assertEqual(self._talents("kai@example.com"), known)
        self.assertEqual(known.talent_city, "Bonn")
        self.assertIn(self.import_pool, known.talent_pool_ids)
        petra = self._talents("petra@example.com")
        self.assertEqual(petra.partner_id, person, "the known contact is the talent's contact")
        self.assertEqual(self.env["res.partner"].search_count([("email_normalized", "=", "petra@example.com")]), 1)
        self.assertEqual(sorted(petra.skill_ids.mapped("name")), ["Go", "Python"])
        nora = self._talents("nora@example.com")
        self.assertEqual(len(nora), 1)
        self.assertEqual((nora.partner_name, nora.talent_city), ("Nora Neu", "Berlin"))
        self.assertEqual(nora.linkedin_profile, "https://www.linkedin.com/in/nora-neu")
        self.assertEqual(nora.applicant_skill_ids.skill_level_id, self.level_advanced, "the type's default level")
        self.assertEqual((nora.source_id, nora.talent_pool_ids, nora.user_id), (self.source_fair, self.import_pool,
                                                                                self.user_recruiter))
        self.assertEqual(
            self.env["talent.consent"].search([("partner_id", "=", nora.partner_id.id)]).mapped("source"), ["import"]
        )
        for email in ("skill@example.com", "link@example.com"):
            self.assertFalse(self.env["hr.applicant"].search([("email_from", "=", email)]), "nothing half-created")
        self.assertFalse(self.env["res.partner"].search([("email", "in", ["skill@example.com", "link@example.com"])]))
        # the report: line of the file, result, reason, the row as it was
        report = self._report(job)
        self.assertEqual(report[0][:3], ["Line", "Result", "Reason"])
        self.assertEqual(report[0][3:], COLUMNS)
        by_line = {int(row[0]): row for row in report[1:]}
        self.assertEqual(sorted(by_line), [2, 5, 6, 7, 8, 9], "Petra's new talent (line 3) joins her contact")
        self.assertEqual(by_line[2][1], "Found again")
        self.assertIn("not a valid email address", by_line[6][2])
        self.assertIn("Cobol (none)", by_line[7][2])
        self.assertIn("name is missing", by_line[8][2])
        self.assertIn("LinkedIn", by_line[9][2])
        self.assertEqual(by_line[6][3:5], ["Bad Mail", "not-an-email"])
        action = job.with_user(self.user_recruiter).action_download_report()
        self.assertIn("/web/content/%s" % job.report_id.id, action["url"])
        # run again: nothing to do, nothing twice
        self._run_cron()
        self.assertEqual(len(self._talents("nora@example.com")), 1)

    def test_xlsx_file(self):
        xlsx = make_xlsx([["Xena Excel", "xena@example.com", "", "Graz", "Engineer"]])
        # make_xlsx writes test_import's columns: Name, Email, LinkedIn, City, Current Title
        job = self._start(xlsx, "talents.xlsx")
        self._run_cron()
        self.assertEqual((job.state, job.created_count), ("done", 1))
        xena = self._talents("xena@example.com")
        self.assertEqual((xena.partner_name, xena.talent_current_title), ("Xena Excel", "Engineer"))

    def test_interrupted_import_resumes_without_duplicates(self):
        """A crash in the middle of a batch loses the batch's talents and its progress together;
        the next run starts again at that batch."""
        rows = [["Resume %d" % i, "resume%d@example.com" % i, "", "", "", "", ""] for i in range(5)]
        job = self._start(make_csv(rows))
        Job = type(job)
        real_write = Job.write
        writes = []

        def crash_on_second_batch(records, vals):
            if "row_done" in vals:
                writes.append(vals["row_done"])
                if len(writes) == 2:
                    raise RuntimeError("worker killed")
            return real_write(records, vals)

        with patch.object(Job, "write", crash_on_second_batch), self.assertLogs("odoo.addons.base.models.ir_cron"):
            self._run_cron()
        # batch 2 (rows 3-4) crashed before its commit: its talents went with its progress, and
        # the scheduler ran the job again from the last committed row (2), not from the crash
        self.assertEqual(writes, [2, 4, 4, 5])
        self.assertEqual((job.state, job.row_done, job.created_count), ("done", 5, 5))
        talents = self.env["hr.applicant"].search([("email_from", "like", "resume%@example.com")])
        self.assertEqual(sorted(talents.mapped("email_from")), ["resume%d@example.com" % i for i in range(5)])
        self.assertEqual(len(talents.partner_id), 5)

    def test_one_bad_row_does_not_stop_its_batch(self):
        """A row that only fails in the database (here a phone number the talent check refuses) is
        rejected alone; the other rows of its batch are imported."""
        self.env["ir.config_parameter"].sudo().set_param("talent_crm.import_batch_size", "10")
        rows = [
            ["Good One", "good1@example.com", "", "", "", "", ""],
            ["Bad Phone", "badphone@example.com", "call me maybe", "", "", "", ""],
            ["Good Two", "good2@example.com", "", "", "", "", ""],
        ]
        job = self._start(make_csv(rows))
        self._run_cron()
        self.assertEqual((job.state, job.created_count, job.rejected_count), ("done", 2, 1))
        self.assertFalse(self.env["hr.applicant"].search([("email_from", "=", "badphone@example.com")]))
        self.assertFalse(self.env["res.partner"].search([("email", "=", "badphone@example.com")]))
        self.assertEqual([row[0] for row in self._report(job)[1:]], ["3"])

    def test_access_to_import_jobs(self):
        job = self._start(make_csv([["Ann Access", "ann@example.com", "", "", "", "", ""]]))
        other = self._start(make_csv([["Bob Access", "bob@example.com", "", "", "", "", ""]]), user=self.user_manager)
        Job = self.env["talent.import.job"]
        self.assertEqual(Job.with_user(self.user_recruiter).search([("id", "in", (job | other).ids)]), job)
        self.assertEqual(Job.with_user(self.user_manager).search([("id", "in", (job | other).ids)]), job | other)
        with self.assertRaises(AccessError):
            other.with_user(self.user_recruiter).read(["file"])
        with self.assertRaises(AccessError):
            job.with_user(self.user_employee).read(["name"])
        with self.assertRaises(AccessError):
            job.with_user(self.user_other_company).read(["name"])
        # the talents are created as the recruiter who started the import
        self._run_cron()
        self.assertEqual(self._talents("ann@example.com").create_uid, self.user_recruiter)

    def test_names_are_looked_up_as_the_importer(self):
        """A pool named in the file is found among the pools the importer may see only."""
        self.env["hr.talent.pool"].create({"name": "Foreign pool (test)", "company_id": self.other_company.id})
        columns = ["Name", "Email", "Pools"]
        rows = [
            ["Paula Pool", "paula@example.com", "import job pool (TEST)"],
            ["Fritz Foreign", "fritz@example.com", "Foreign pool (test)"],
        ]
        job = self._start(make_csv(rows, columns))
        self._run_cron()
        self.assertEqual((job.created_count, job.rejected_count), (1, 1))
        self.assertEqual(self._talents("paula@example.com").talent_pool_ids, self.import_pool)
        self.assertIn("Foreign pool (test) not found", self._report(job)[1][2])

    def test_skill_overlap_still_found_in_large_batches(self):
        """Above 20 skill lines the overlap check first selects the lines that can overlap: a
        talent given the same skill twice is still refused, the others pass."""
        go = self.skill_type.skill_ids - self.skill_python

        def vals(index, skills):
            return {
                "partner_name": "Batch Skill %d" % index,
                "talent_pool_ids": [Command.set(self.pool.ids)],
                "applicant_skill_ids": [
                    Command.create({"skill_id": skill.id, "skill_type_id": self.skill_type.id,
                                    "skill_level_id": self.level_advanced.id})
                    for skill in skills
                ],
            }

        Applicant = self.env["hr.applicant"]
        talents = Applicant.create([vals(index, self.skill_python | go) for index in range(12)])
        self.assertEqual(len(talents.applicant_skill_ids), 24)
        with self.assertRaises(ValidationError):
            Applicant.create([vals(index, self.skill_python | go) for index in range(11)]
                             + [vals(99, [self.skill_python, go, self.skill_python])])

    def test_two_workers_never_work_on_the_same_job(self):
        """The cron claims a job with SKIP LOCKED: a job held by one worker is invisible to another."""
        registry = self.env.registry
        with db_connect(self.env.cr.dbname).cursor() as setup_cr:
            env = api.Environment(setup_cr, SUPERUSER_ID, {})
            job_id = env["talent.import.job"].create(
                {"name": "two-workers.csv", "company_id": self.company.id, "user_id": env.ref("base.user_admin").id}
            ).id
            setup_cr.commit()
        try:
            with db_connect(self.env.cr.dbname).cursor() as cr1, db_connect(self.env.cr.dbname).cursor() as cr2:
                env1 = api.Environment(cr1, SUPERUSER_ID, {})
                env2 = api.Environment(cr2, SUPERUSER_ID, {})
                self.assertEqual(env1["talent.import.job"]._talent_claim().id, job_id)
                self.assertNotEqual(env2["talent.import.job"]._talent_claim().id, job_id, "held: skipped")
                cr1.rollback()
                self.assertEqual(env2["talent.import.job"]._talent_claim().id, job_id, "released: claimed")
                cr2.rollback()
        finally:
            with db_connect(self.env.cr.dbname).cursor() as cleanup_cr:
                api.Environment(cleanup_cr, SUPERUSER_ID, {})["talent.import.job"].browse(job_id).unlink()
                cleanup_cr.commit()
            registry.clear_cache()
