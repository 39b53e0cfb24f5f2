# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import json
from datetime import datetime

import openpyxl

from odoo import Command, http
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import SQL


@tagged("post_install", "-at_install", "talent_crm")
class TestReportingUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.ref("base.main_company")
        cls.manager = new_test_user(
            cls.env,
            login="tour_report_manager",
            password="tour_report_manager",
            name="Rhea Reports",
            email="rhea.reports@example.com",
            groups="talent_crm.group_talent_crm_manager",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        cls.source = cls.env["utm.source"].create({"name": "Tour Report Source"})
        cls.pool = cls.env["hr.talent.pool"].create({"name": "Tour Report Pool", "company_id": company.id})
        cls.talent = cls.env["hr.applicant"].create(
            {
                "partner_name": "Tour Hired",
                "email_from": "tour.hired@example.com",
                "talent_pool_ids": [Command.set(cls.pool.ids)],
                "source_id": cls.source.id,
            }
        )
        cls.env["talent.touch"].search([("partner_id", "=", cls.talent.partner_id.id)]).unlink()
        job = cls.env["hr.job"].create({"name": "Tour Report Job", "company_id": company.id})
        hired_stage = cls.env["hr.recruitment.stage"].create({"name": "Tour hired", "hired_stage": True})
        cls.application = cls.env["hr.applicant"].create(
            {
                "partner_id": cls.talent.partner_id.id,
                "job_id": job.id,
                "pool_applicant_id": cls.talent.id,
                "stage_id": hired_stage.id,
            }
        )
        mailing = cls.env["mailing.mailing"].create(
            {
                "subject": "Tour news",
                "body_html": "<p>News</p>",
                "mailing_model_id": cls.env["ir.model"]._get_id("hr.applicant"),
            }
        )
        cls.env["mailing.trace"].create(
            {
                "model": "hr.applicant",
                "res_id": cls.talent.id,
                "mass_mailing_id": mailing.id,
                "email": "tour.hired@example.com",
                "trace_status": "open",
                "sent_datetime": datetime(2026, 1, 15, 9, 0),
            }
        )
        cls.env.flush_all()
        cls.env.cr.execute(
            SQL("UPDATE hr_applicant SET create_date = %s WHERE id = %s", datetime(2026, 1, 1), cls.talent.id)
        )
        cls.env.cr.execute(
            SQL("UPDATE hr_applicant SET create_date = %s WHERE id = %s", datetime(2026, 1, 10), cls.application.id)
        )
        cls.env.invalidate_all()

    def test_reporting_tour(self):
        """A talent manager (not admin) opens every report and drills down into hires."""
        self.start_tour("/odoo", "talent_crm_reporting_tour", login=self.manager.login)
        # the figures behind what the tour showed, read with the manager's rights
        env = self.env(user=self.manager)
        hires = env["talent.hire.report"].search([("applicant_id", "=", self.application.id)])
        self.assertEqual((len(hires), hires.origin, hires.hired), (1, "pool", True))
        self.assertEqual(hires.talent_id, self.talent)
        health = env["talent.pool.health.report"].search([("pool_id", "=", self.pool.id)])
        self.assertEqual((health.talent_count, health.touched_count, health.is_stale), (1, 0, True))
        source = env["talent.source.report"]._read_group(
            [("source_id", "=", self.source.id)], [], ["__count", "converted_count:sum", "hired_count:sum"]
        )
        self.assertEqual(source, [(1, 1, 1)], "one talent of the source, converted and hired")
        engagement = env["talent.engagement.report"]._read_group(
            [("talent_id", "=", self.talent.id)], [], ["sent_count:sum", "opened_count:sum"]
        )
        self.assertEqual(engagement, [(1, 1)], "the opened pool mailing counts as sent and opened")

    def test_xlsx_export(self):
        """The standard XLSX export works on a report model (SQL view without an id column to export)."""
        self.authenticate(self.manager.login, self.manager.login)
        fields = [
            {"name": "applicant_id", "label": "Application", "type": "many2one"},
            {"name": "origin", "label": "Origin", "type": "selection"},
            {"name": "time_to_fill_avg", "label": "Days to Hire", "type": "float"},
        ]
        response = self.url_open(
            "/web/export/xlsx",
            data={
                "data": json.dumps(
                    {
                        "model": "talent.hire.report",
                        "fields": fields,
                        "ids": False,
                        "domain": [("applicant_id", "=", self.application.id)],
                        "groupby": [],
                        "context": {"lang": "en_US"},
                        "import_compat": False,
                    }
                ),
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
        self.assertEqual(rows[0], ["Application", "Origin", "Days to Hire"])
        self.assertEqual(rows[1][1], "From a pool")
        self.assertAlmostEqual(float(rows[1][2]), (datetime.now() - datetime(2026, 1, 10)).total_seconds() / 86400, 0)
