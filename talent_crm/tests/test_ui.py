# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The web client, driven as its users drive it: one tour per area (the tours are in
``static/src/js/tours/``), each logged in as a role user, never as admin."""

import io
import json
from datetime import datetime

import openpyxl

from odoo import Command, http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import TalentCrmCase, tour_user


@tagged("post_install", "-at_install", "talent_crm")
class TestTalentCrmTour(HttpCase):
    def test_capture_tour(self):
        """A recruiter (not admin) captures a talent and adds it to a pool in the web client."""
        recruiter = tour_user(self.env, "tour_recruiter", "Tom Tour", "talent_crm.group_talent_crm_user")
        pool = self.env["hr.talent.pool"].create({"name": "Tour Pool"})
        self.start_tour("/odoo", "talent_crm_capture_tour", login=recruiter.login)
        talent = self.env["hr.applicant"].search([("email_from", "=", "tilda.tour@example.com")])
        self.assertEqual(len(talent), 1)
        self.assertIn(pool, talent.talent_pool_ids)
        self.assertIn(self.env.ref("talent_crm.hr_talent_pool_new_leads"), talent.talent_pool_ids)
        self.assertEqual(talent.linkedin_profile, "https://www.linkedin.com/in/tilda-tour")
        self.assertEqual(talent.user_id, recruiter)
        self.assertEqual(talent.partner_id.email, "tilda.tour@example.com")


@tagged("post_install", "-at_install", "talent_crm")
class TestTalentMergeTour(HttpCase):
    def test_merge_tour(self):
        """A head of talent (not admin) merges a pair of duplicates from the review list."""
        manager = tour_user(self.env, "tour_manager", "Mia Manager", "talent_crm.group_talent_crm_manager")
        pool = self.env["hr.talent.pool"].create({"name": "Merge Tour Pool"})
        Talent = self.env["hr.applicant"]
        kept = Talent.create(
            {"partner_name": "Mona Merge", "email_from": "mona@example.com", "talent_pool_ids": [Command.set(pool.ids)]}
        )
        other_partner = self.env["res.partner"].create({"name": "Mona M.", "email": "mona@example.com"})
        merged = Talent.create(
            {
                "partner_name": "Mona M.",
                "email_from": "mona@example.com",
                "partner_id": other_partner.id,
                "talent_city": "Bremen",
                "talent_pool_ids": [Command.set(pool.ids)],
            }
        )
        self.env["talent.duplicate"]._talent_refresh(kept | merged)
        self.start_tour("/odoo", "talent_crm_merge_tour", login=manager.login)
        self.assertTrue(kept.exists())
        self.assertFalse(merged.exists())
        self.assertFalse(other_partner.exists())
        self.assertEqual(kept.talent_city, "Bremen")


@tagged("post_install", "-at_install", "talent_crm")
class TestErasureTour(HttpCase):
    def test_manager_processes_erasure_request(self):
        """A talent manager (not admin) anonymises a person from the erasure request form."""
        manager = tour_user(self.env, "tour_talent_manager", "Theo Tour", "talent_crm.group_talent_crm_manager")
        company = self.env.ref("base.main_company")
        pool = self.env["hr.talent.pool"].create({"name": "Tour Erasure Pool"})
        talent = self.env["hr.applicant"].create(
            {
                "partner_name": "Tessa Tour-Erase",
                "email_from": "tessa.tour@example.com",
                "talent_pool_ids": [Command.set(pool.ids)],
            }
        )
        request = self.env["talent.erasure.request"]._talent_request_from_partner(talent.partner_id, company)
        self.start_tour("/odoo", "talent_crm_erasure_tour", login=manager.login)
        self.assertEqual(request.state, "done")
        self.assertEqual(request.user_id, manager)
        self.assertFalse(talent.active)
        self.assertFalse(talent.email_from)
        self.assertNotIn("Tessa", talent.partner_id.name)


@tagged("post_install", "-at_install", "talent_crm")
class TestLeadFunnelTour(HttpCase):
    def test_lead_funnel_tour(self):
        """A recruiter (not admin) drags a lead across the funnel kanban and converts it."""
        recruiter = tour_user(
            self.env,
            "tour_lead_recruiter",
            "Lea Lead",
            "talent_crm.group_talent_crm_user",
            email="lea.lead@example.com",
        )
        company = self.env.ref("base.main_company")
        company.write({"talent_qualify_require_contact": True, "talent_qualify_require_role_family": True})
        pool = self.env["hr.talent.pool"].create({"name": "Tour Funnel Pool"})
        role = self.env["talent.role.family"].create({"name": "Tour Backend"})
        job = self.env["hr.job"].create({"name": "Tour Backend Job", "company_id": company.id})
        talent = self.env["hr.applicant"].create(
            {
                "partner_name": "Kira Kanban",
                "email_from": "kira.kanban@example.com",
                "talent_pool_ids": [Command.set(pool.ids)],
                "talent_role_family_id": role.id,
            }
        )
        self.assertEqual(talent.talent_lead_state, "captured")
        self.start_tour("/odoo", "talent_crm_lead_funnel_tour", login=recruiter.login)
        self.assertEqual(talent.talent_lead_state, "converted")
        application = talent.talent_application_ids
        self.assertEqual(application.job_id, job)
        self.assertEqual(application.partner_id, talent.partner_id)
        history = talent.talent_lead_state_log_ids.sorted("id")
        self.assertEqual(history.mapped("to_state"), ["captured", "qualified", "activated", "converted"])
        self.assertEqual(history[1:].user_id, recruiter, "moved by the recruiter")


@tagged("post_install", "-at_install", "talent_crm")
class TestMatchingTour(HttpCase):
    def test_matching_tour(self):
        """A recruiter (not admin) opens the best matches of a job and schedules a task."""
        recruiter = tour_user(
            self.env,
            "tour_match_recruiter",
            "Mona Match",
            "talent_crm.group_talent_crm_user,hr_recruitment.group_hr_recruitment_user",
        )
        skill_type = self.env["hr.skill.type"].create(
            {
                "name": "Tour languages",
                "skill_ids": [Command.create({"name": "Tour Rust"})],
                "skill_level_ids": [Command.create({"name": "Good", "level_progress": 80, "default_level": True})],
            }
        )
        skill, level = skill_type.skill_ids, skill_type.skill_level_ids
        skill_vals = {"skill_id": skill.id, "skill_level_id": level.id, "skill_type_id": skill_type.id}
        pool = self.env["hr.talent.pool"].create({"name": "Tour Match Pool"})
        self.env["hr.applicant"].create(
            [
                {
                    "partner_name": name,
                    "email_from": "%s@example.com" % name.lower().replace(" ", "."),
                    "talent_pool_ids": [Command.set(pool.ids)],
                    "applicant_skill_ids": [Command.create(dict(skill_vals))] if name == "Tina Top" else [],
                }
                for name in ("Tina Top", "Bodo Bottom")
            ]
        )
        job = self.env["hr.job"].create(
            {"name": "Tour Matching Job", "user_id": recruiter.id, "job_skill_ids": [Command.create(dict(skill_vals))]}
        )
        self.start_tour("/odoo/recruitment/%s" % job.id, "talent_crm_matching_tour", login=recruiter.login)
        Talent = self.env["hr.applicant"]
        tina, bodo = (Talent.search([("partner_name", "=", name)]) for name in ("Tina Top", "Bodo Bottom"))
        self.assertEqual(len(tina), 1, "the tour created no talent")
        task = tina.activity_ids
        self.assertEqual(len(task), 1, "one task, on the match the recruiter opened")
        self.assertIn("Tour Matching Job", task.summary)
        self.assertEqual(task.user_id, recruiter)
        self.assertEqual(task.res_model, "hr.applicant")
        self.assertFalse(bodo.activity_ids, "nothing scheduled for the talent the recruiter did not pick")


@tagged("post_install", "-at_install", "talent_crm")
class TestNurtureUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("base.main_company")
        cls.recruiter = tour_user(
            cls.env,
            "nurture_tour_recruiter",
            "Nadia Nurture",
            "talent_crm.group_talent_crm_user",
            email="nadia@example.com",
        )
        cls.pool = cls.env["hr.talent.pool"].create({"name": "Nurture tour pool"})

    def _talent(self, name, email):
        return self.env["hr.applicant"].create(
            {"partner_name": name, "email_from": email, "talent_pool_ids": [Command.set(self.pool.ids)]}
        )

    def test_nurture_tour(self):
        """A recruiter (not admin) creates a sequence with steps and enrolls a talent in the web client."""
        talent = self._talent("Tina Tour", "tina.tour@example.com")
        self.start_tour("/odoo", "talent_crm_nurture_tour", login=self.recruiter.login)
        sequence = self.env["talent.sequence"].search([("name", "=", "Tour follow-up")])
        self.assertEqual(sequence.create_uid, self.recruiter)
        self.assertEqual(sequence.step_ids.sorted("sequence").mapped("channel"), ["email", "linkedin"])
        self.assertRecordValues(
            talent.talent_sequence_enrollment_ids,
            [
                {
                    "sequence_id": sequence.id,
                    "state": "running",
                    "next_step_id": sequence.step_ids.sorted("sequence")[0].id,
                }
            ],
        )

    def test_unsubscribe_link_ends_the_enrollment(self):
        self.company.write({"email": "jobs@example.com", "talent_require_consent": False})
        talent = self._talent("Ulla Unsubscribe", "ulla@example.com")
        sequence = self.env.ref("talent_crm.talent_sequence_keep_warm")
        sequence.step_ids.write({"window_enabled": False})
        enrollment = talent._talent_enroll(sequence)
        Enrollment = self.env["talent.sequence.enrollment"]
        Enrollment._talent_claim_due(10)._talent_process_batch()
        execution = enrollment.execution_ids
        self.assertEqual(execution.state, "sent")
        mail = execution.mailing_trace_id.mail_mail_id
        self.assertIn("/unsubscribe_from_list", mail.body_html)
        # the link the person gets in the email (personalised when the queue sends it)
        url = execution.step_id.mailing_id._get_unsubscribe_oneclick_url(talent.email_normalized, talent.id)
        response = self.url_open(url, method="POST")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(talent.partner_id.is_blacklisted)
        self.assertRecordValues(enrollment, [{"state": "stopped", "stop_reason": "unsubscribed"}])
        enrollment.sudo().write({"state": "running", "next_date": enrollment.date_enrolled})
        Enrollment._talent_claim_due(10)._talent_process_batch()
        self.assertEqual(len(enrollment.execution_ids), 1, "nothing more is sent to an unsubscribed person")
        self.assertEqual(enrollment.stop_reason, "unsubscribed")


@tagged("post_install", "-at_install", "talent_crm")
class TestReportingUi(TalentCrmCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.ref("base.main_company")
        cls.manager = tour_user(
            cls.env,
            "tour_report_manager",
            "Rhea Reports",
            "talent_crm.group_talent_crm_manager",
            email="rhea.reports@example.com",
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
        cls._set_create_date(cls.talent, datetime(2026, 1, 1))
        cls._set_create_date(cls.application, datetime(2026, 1, 10))
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


@tagged("post_install", "-at_install", "talent_crm")
class TestCampaignTour(HttpCase):
    def test_pool_mailing_tour(self):
        """A recruiter (not admin) opens a pool, sends a mailing; the talents get it once."""
        company = self.env.ref("base.main_company")
        company.talent_require_consent = False
        recruiter = new_test_user(
            self.env,
            login="campaign_recruiter",
            password="campaign_recruiter",
            name="Carla Campaign",
            email="carla@example.com",
            groups="talent_crm.group_talent_crm_user",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        pool = self.env["hr.talent.pool"].create({"name": "Campaign Tour Pool", "company_id": company.id})
        talent = self.env["hr.applicant"].create(
            {
                "partner_name": "Tina Tour",
                "email_from": "tina.tour@example.com",
                "talent_pool_ids": [Command.set(pool.ids)],
            }
        )
        self.start_tour("/odoo/talent-pool/%s" % pool.id, "talent_crm_campaign_tour", login=recruiter.login)
        mailing = self.env["mailing.mailing"].search([("subject", "=", "Our spring news")])
        self.assertEqual(mailing.state, "in_queue")
        self.assertEqual(mailing.talent_pool_ids, pool)
        mailing.action_send_mail()
        trace = self.env["mailing.trace"].search([("mass_mailing_id", "=", mailing.id)])
        self.assertEqual(trace.res_id, talent.id)
        touch = self.env["talent.touch"].search([("mailing_trace_id", "=", trace.id)])
        self.assertRecordValues(touch, [{"origin": "campaign", "partner_id": talent.partner_id.id}])


@tagged("post_install", "-at_install", "talent_crm")
class TestMarketerTour(HttpCase):
    """The marketer's path in English and German: a sequence enrolls a pool, a mailing to the
    talents counts the people who receive it (talent_crm_marketer_tour.js)."""

    def _setup_marketer(self, lang="en_US"):
        company = self.env.ref("base.main_company")
        company.write({"talent_require_consent": False, "email": "jobs@example.com"})
        if lang != "en_US":
            self.env["res.lang"]._activate_lang(lang)
            self.env["ir.module.module"]._load_module_terms(["talent_crm"], [lang], overwrite=True)
        marketer = tour_user(
            self.env,
            "tour_marketer",
            "Marta Marketer",
            "talent_crm.group_talent_crm_user,mass_mailing.group_mass_mailing_user",
            lang=lang,
            email="marta@example.com",
        )
        self.env["mail.template"].create(
            {
                "name": "Marketer Tour Template",
                "model_id": self.env["ir.model"]._get_id("hr.applicant"),
                "subject": "Hello",
                "body_html": "<p>Hello from us</p>",
            }
        )
        pool = self.env["hr.talent.pool"].create({"name": "Marketer Tour Pool", "company_id": company.id})
        Talent = self.env["hr.applicant"]
        talents = Talent.create(
            [
                {"partner_name": name, "email_from": email, "talent_pool_ids": [Command.set(pool.ids)]}
                for name, email in [
                    ("Mila Marketing", "mila@example.com"),
                    ("Nils Nurture", "nils@example.com"),
                    ("Olga Outreach", "olga@example.com"),
                    ("Paul Private", "paul@example.com"),
                ]
            ]
        )
        twin = Talent.create(
            {
                "partner_name": "Mila M.",
                "email_from": "mila@example.com",
                "partner_id": talents[0].partner_id.id,
                "talent_pool_ids": [Command.set(pool.ids)],
            }
        )
        talents[3].partner_id.talent_do_not_contact = True
        return marketer, pool, talents, twin

    def _run_marketer_path(self, lang):
        marketer, pool, talents, twin = self._setup_marketer(lang)
        self.start_tour("/odoo/talent-sequences/new", "talent_crm_marketer_sequence_tour", login=marketer.login)
        sequence = self.env["talent.sequence"].search([("name", "=", "Marketer Tour Sequence")])
        self.assertEqual(len(sequence), 1)
        self.assertRecordValues(
            sequence.enrollment_ids.sorted(lambda e: e.talent_id.id),
            [{"talent_id": talent.id, "state": "running", "pool_id": pool.id} for talent in talents[:3]],
        )
        self.assertNotIn(twin, sequence.enrollment_ids.talent_id)

        self.start_tour("/odoo/email-marketing/new", "talent_crm_marketer_mailing_tour", login=marketer.login)
        mailing = self.env["mailing.mailing"].search([("subject", "=", "Talent news")])
        self.assertEqual(len(mailing), 1)
        self.assertEqual(mailing.mailing_model_real, "hr.applicant")
        self.assertTrue(mailing.talent_audience)
        self.assertEqual(mailing.talent_pool_ids, pool)
        self.assertEqual(mailing.total, 3)
        self.assertEqual(sorted(mailing._get_recipients()), sorted(talents[:3].ids))
        message = mailing.action_talent_check_audience()["params"]["message"]
        self.assertIn("3 people receive this mailing now", message)

    def test_marketer_path_english(self):
        self._run_marketer_path("en_US")

    def test_marketer_path_german(self):
        self._run_marketer_path("de_DE")


class TestRecruiterPathTour(HttpCase):
    """The recruiter's path, in English and in German: search the talents, add one to a pool,
    open a job, its best matches (from the job card's menu, then from the pipeline), convert the
    best match into an application, refuse the application."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.recruiter = tour_user(
            cls.env,
            "tour_path_recruiter",
            "Rita Recruiter",
            "talent_crm.group_talent_crm_user,hr_recruitment.group_hr_recruitment_user",
        )
        skill_type = cls.env["hr.skill.type"].create(
            {
                "name": "Tour Technologies",
                "skill_ids": [Command.create({"name": "Tour Python"}), Command.create({"name": "Tour Salesforce"})],
                "skill_level_ids": [
                    Command.create({"name": "Intermediate", "level_progress": 50, "default_level": True}),
                    Command.create({"name": "Expert", "level_progress": 100}),
                ],
            }
        )
        python, salesforce = skill_type.skill_ids.sorted("name")
        expert = skill_type.skill_level_ids.filtered(lambda level: level.level_progress == 100)

        def skill(skill):
            return [Command.create({"skill_id": skill.id, "skill_level_id": expert.id, "skill_type_id": skill_type.id})]

        Talent = cls.env["hr.applicant"]
        community = cls.env["hr.talent.pool"].create({"name": "Tour Community"})
        cls.paula, cls.lena = Talent.with_context(default_talent_pool_ids=community.ids).create(
            [
                {
                    "partner_name": "Paula Python",
                    "email_from": "paula.python@example.com",
                    "talent_current_title": "Python Developer",
                    "applicant_skill_ids": skill(python),
                },
                {
                    # "Development" and "Developer" share a stem: the title must not win the job
                    "partner_name": "Lena Lead",
                    "email_from": "lena.lead@example.com",
                    "talent_current_title": "Lead Development Representative",
                    "applicant_skill_ids": skill(salesforce),
                },
            ]
        )
        cls.pool = cls.env["hr.talent.pool"].create({"name": "Tour Python Pool"})
        cls.job = cls.env["hr.job"].create(
            {
                "name": "Tour Python Developer",
                "user_id": cls.recruiter.id,
                "description": "<p>Develop our backend services in Python.</p>",
                "job_skill_ids": skill(python),
            }
        )

    def _walk_the_path(self):
        self.start_tour("/odoo", "talent_crm_recruiter_path_tour", login=self.recruiter.login)
        self.assertIn(self.pool, self.paula.talent_pool_ids, "the recruiter added the talent to the pool")
        application = self.env["hr.applicant"].with_context(active_test=False).search(
            [("pool_applicant_id", "=", self.paula.id), ("job_id", "=", self.job.id)]
        )
        self.assertEqual(len(application), 1, "the best match became one application for the job")
        self.assertEqual(application.application_status, "refused")
        self.assertTrue(application.refuse_reason_id)
        self.assertFalse(
            self.env["hr.applicant"].search([("pool_applicant_id", "=", self.lena.id), ("job_id", "=", self.job.id)]),
            "the sales profile was not converted",
        )

    def test_recruiter_path_tour_en(self):
        self._walk_the_path()

    def test_recruiter_path_tour_de(self):
        """The same path in German: no step depends on a translated text."""
        self.env["res.lang"]._activate_lang("de_DE")
        self.env["ir.module.module"]._load_module_terms(["talent_crm"], ["de_DE"], overwrite=True)
        self.recruiter.lang = "de_DE"
        menu = self.env.ref("talent_crm.talent_crm_menu_import")
        self.assertNotEqual(
            menu.with_context(lang="de_DE").name, menu.with_context(lang="en_US").name, "the German terms are loaded"
        )
        self._walk_the_path()
