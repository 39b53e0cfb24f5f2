# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue 19, point 5: the candidate's self-service on the preference centre's signed link, over
HTTP as the candidate and as an attacker, and in the browser in English and German
(talent_crm_self_service_tour.js); and the Art. 14 information before the first nurture or
campaign message."""

from datetime import datetime, timedelta

import lxml.html
from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import CSRF_ANY_RE, PDF_BYTES, TalentCommunityHttpCommon, TalentNurtureCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestSelfServicePage(TalentCommunityHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Stage = cls.env["hr.recruitment.stage"]
        cls.stage_first, cls.stage_second, cls.stage_talk, cls.stage_fourth = Stage.create(
            [{"name": "Self-service internal %s" % index, "sequence": -1000 + index} for index in range(4)]
        )
        cls.stage_talk.talent_candidate_name = "Technical talk"
        cls.stage_hired = Stage.create({"name": "Self-service hired", "sequence": -900, "hired_stage": True})
        cls.other_company = cls.env["res.company"].create({"name": "Foreign Company GmbH"})
        Job = cls.env["hr.job"]
        cls.job_open = Job.create({"name": "Tour Backend Developer", "company_id": cls.company.id})
        cls.job_new = Job.create({"name": "Tour Frontend Developer", "company_id": cls.company.id})
        cls.job_refused = Job.create({"name": "Tour Data Engineer", "company_id": cls.company.id})
        cls.job_foreign = Job.create({"name": "Tour Foreign Job", "company_id": cls.other_company.id})
        cls.job_mallory = Job.create({"name": "Tour Mallory Job", "company_id": cls.company.id})
        cls.paula = cls.env["res.partner"].create({"name": "Paula Person", "email": "paula@example.com"})
        cls.mallory = cls.env["res.partner"].create({"name": "Mallory Other", "email": "mallory@example.com"})
        Applicant = cls.env["hr.applicant"]
        cls.talent = Applicant.create(
            {
                "partner_id": cls.paula.id,
                "talent_pool_ids": [Command.set(cls.signup_pool.ids)],
                "talent_city": "Berlin",
                "company_id": cls.company.id,
            }
        )
        cls.refuse_reason = cls.env["hr.applicant.refuse.reason"].create({"name": "Salary far too high (internal)"})
        applications = Applicant.create(
            [
                {
                    "partner_id": cls.paula.id,
                    "job_id": cls.job_open.id,
                    "stage_id": cls.stage_talk.id,
                    "applicant_notes": "<p>Internal note: weak on SQL</p>",
                    "interviewer_ids": [Command.set(cls.env.ref("base.user_admin").ids)],
                },
                {"partner_id": cls.paula.id, "job_id": cls.job_new.id, "stage_id": cls.stage_first.id},
                {"partner_id": cls.paula.id, "job_id": cls.job_refused.id, "stage_id": cls.stage_talk.id},
                {"partner_id": cls.paula.id, "job_id": cls.job_foreign.id, "stage_id": cls.stage_second.id},
                {"partner_id": cls.mallory.id, "job_id": cls.job_mallory.id, "stage_id": cls.stage_first.id},
            ]
        )
        cls.application_refused = applications[2]
        cls.application_refused.write({"refuse_reason_id": cls.refuse_reason.id, "active": False})
        Consent = cls.env["talent.consent"]
        cls.consent = Consent.create(
            {
                "partner_id": cls.paula.id,
                "talent_id": cls.talent.id,
                "company_id": cls.company.id,
                "purpose": "communication",
                "source": "signup",
                "consent_text": "Paula agrees to news (test text)",
                "text_version": "2026-test",
            }
        )
        cls.mallory_consent = Consent.create(
            {
                "partner_id": cls.mallory.id,
                "company_id": cls.company.id,
                "purpose": "communication",
                "source": "signup",
                "consent_text": "Mallory agrees to news (test text)",
            }
        )
        cls.path = "/talent/preferences/%s" % cls.paula._talent_access_token("preferences", cls.company)

    def _statuses(self, response):
        self.assertEqual(response.status_code, 200, response.text[:300])
        root = lxml.html.fromstring(response.text)

        def text(node, css_class):
            found = node.xpath(".//*[contains(concat(' ', @class, ' '), ' %s ')]" % css_class)
            return found[0].text_content().strip()

        return {
            text(item, "o_talent_application_job"): text(item, "o_talent_application_status")
            for item in root.xpath("//li[contains(concat(' ', @class, ' '), ' o_talent_application ')]")
        }

    def _post(self, path=None, csrf=True, files=None, **values):
        data = {"name": "Paula Person", "city": "Berlin", "availability": "unknown"}
        data.update(values)
        if csrf:
            data["csrf_token"] = self._csrf(self.path)
        return self.url_open(path or self.path, data=data, files=files)

    def test_own_applications_with_candidate_names_only(self):
        page = self.url_open(self.path)
        self.assertEqual(
            self._statuses(page),
            {
                "Tour Backend Developer": "Technical talk",
                "Tour Frontend Developer": "Received",
                "Tour Data Engineer": "Closed",
            },
            "this company's applications of the person only, each with its stage's name for candidates",
        )
        for hidden in (
            "Self-service internal",  # the stage's internal name
            "weak on SQL",  # internal notes
            "Salary far too high",  # the refuse reason
            "Mitchell Admin",  # the interviewer
            "Tour Foreign Job",  # another company's application
            "Tour Mallory Job",  # another person's application
            "Mallory agrees",  # another person's consent
        ):
            self.assertNotIn(hidden, page.text)
        # the consent with its history and evidence
        self.assertIn("Paula agrees to news (test text)", page.text)
        self.assertIn("2026-test", page.text)
        # the link of the other company shows that company's application only
        foreign = "/talent/preferences/%s" % self.paula._talent_access_token("preferences", self.other_company)
        self.assertEqual(self._statuses(self.url_open(foreign)), {"Tour Foreign Job": "In Review"})

    def test_default_candidate_names_follow_the_stages(self):
        stages = self.stage_first | self.stage_second | self.stage_talk | self.stage_fourth | self.stage_hired
        last_open = self.env["hr.recruitment.stage"].search([("hired_stage", "=", False)])[-1]
        defaults = (stages | last_open)._talent_default_candidate_status()
        self.assertEqual(
            [defaults[stage.id] for stage in stages], ["received", "in_review", "interview", "interview", "closed"]
        )
        self.assertEqual(defaults[last_open.id], "decision")
        self.assertEqual(self.stage_fourth.talent_candidate_default_name, "Interview")
        self.assertEqual(self.stage_talk._talent_candidate_names()[self.stage_talk.id], "Technical talk")
        # a hired application shows its (hired) stage's name: Closed by default
        self.env["hr.applicant"].search([("job_id", "=", self.job_new.id)]).stage_id = self.stage_hired
        self.assertEqual(
            self._statuses(self.url_open(self.path))["Tour Frontend Developer"], "Closed"
        )

    def test_bad_links_get_the_same_invalid_page(self):
        token = self.paula._talent_access_token("preferences", self.company)
        with freeze_time(datetime.now() - timedelta(days=400)):
            expired = self.paula._talent_access_token("preferences", self.company)
        job_token = self.paula._talent_access_token("job_apply", self.company, job=self.job_open)
        pages = []
        for bad in ("not-a-token", token[:-3] + "xyz", expired, job_token):
            response = self.url_open("/talent/preferences/%s" % bad)
            self.assertEqual(response.status_code, 403, bad)
            pages.append(CSRF_ANY_RE.sub("", response.text))
        self.paula._talent_revoke_links()
        response = self.url_open(self.path)
        self.assertEqual(response.status_code, 403, "a revoked link opens nothing")
        pages.append(CSRF_ANY_RE.sub("", response.text))
        self.assertEqual(len(set(pages)), 1, "nothing tells a forged link from an expired or revoked one")
        self.assertNotIn("Tour Backend Developer", pages[0])

    def test_person_updates_profile_and_cv(self):
        response = self._post(
            city="Hamburg",
            profile_url="linkedin.com/in/paula-person",
            availability="open",
            availability_date="2026-09-01",
            files={"cv": ("Paula CV.pdf", PDF_BYTES, "application/pdf")},
        )
        self.assertEqual(response.status_code, 200, response.text[:300])
        self.assertIn("Your preferences are saved.", response.text)
        self.assertRecordValues(
            self.talent,
            [
                {
                    "talent_city": "Hamburg",
                    "linkedin_profile": "https://www.linkedin.com/in/paula-person",
                    "talent_availability": "open",
                    "availability": datetime(2026, 9, 1).date(),
                }
            ],
        )
        cv = self.talent.message_main_attachment_id
        self.assertEqual((cv.name, cv.res_model, cv.res_id), ("Paula CV.pdf", "hr.applicant", self.talent.id))
        self.assertEqual(cv.raw, PDF_BYTES)
        notes = self.talent.message_ids.filtered(lambda m: m.author_id == self.paula)
        self.assertTrue(any("Uploaded a new CV" in note.body for note in notes), "logged as done by the person")
        self.assertTrue(any("Hamburg" in note.body or "city" in note.body for note in notes))
        self.assertIn("Paula CV.pdf", self.url_open(self.path).text, "the page names the current CV")

    def test_person_without_talent_updates_their_application(self):
        """Mallory only applied: her page shows her application, her changes and CV go to it."""
        path = "/talent/preferences/%s" % self.mallory._talent_access_token("preferences", self.company)
        self.assertEqual(self._statuses(self.url_open(path)), {"Tour Mallory Job": "Received"})
        response = self.url_open(
            path,
            data={"name": "Mallory Other", "city": "Köln", "availability": "not_now", "csrf_token": self._csrf(path)},
            files={"cv": ("Mallory.pdf", PDF_BYTES, "application/pdf")},
        )
        self.assertEqual(response.status_code, 200, response.text[:300])
        application = self.env["hr.applicant"].search([("partner_id", "=", self.mallory.id)])
        self.assertRecordValues(application, [{"talent_city": "Köln", "talent_availability": "not_now"}])
        self.assertEqual(application.message_main_attachment_id.name, "Mallory.pdf")
        self.assertEqual(application.message_ids[0].author_id, self.mallory)
        self.assertEqual(self.talent.talent_city, "Berlin", "nobody else's record changes")
        self.assertFalse(self.talent.message_main_attachment_id)

    def test_bad_input_and_missing_csrf_write_nothing(self):
        attachments = self.env["ir.attachment"].search_count([("res_model", "=", "hr.applicant")])
        not_a_pdf = ("cv.pdf", b"MZ\x90\x00 not a pdf at all", "application/pdf")
        response = self._post(city="Hamburg", files={"cv": not_a_pdf})
        self.assertEqual(response.status_code, 400)
        self.assertIn("Please upload your CV as a PDF or Word (.docx) file.", response.text)
        response = self._post(city="Hamburg", profile_url="javascript:alert(1)")
        self.assertEqual(response.status_code, 400)
        self.assertIn("This profile address is not valid", response.text)
        response = self._post(csrf=False, city="Hamburg")
        self.assertEqual(response.status_code, 400, "no CSRF token, no change")
        response = self.url_open(self.path + "/consent/%s/withdraw" % self.consent.id, data={"x": "1"})
        self.assertEqual(response.status_code, 400)
        self.talent.invalidate_recordset()
        self.consent.invalidate_recordset()
        self.assertEqual(self.talent.talent_city, "Berlin")
        self.assertEqual(self.consent.state, "valid")
        self.assertEqual(self.env["ir.attachment"].search_count([("res_model", "=", "hr.applicant")]), attachments)

    def test_person_withdraws_own_consent_only(self):
        csrf = self._csrf(self.path)
        response = self.url_open(
            self.path + "/consent/%s/withdraw" % self.mallory_consent.id, data={"csrf_token": csrf}
        )
        self.assertEqual(response.status_code, 404)
        self.mallory_consent.invalidate_recordset()
        self.assertEqual(self.mallory_consent.state, "valid", "another person's consent stays")
        response = self.url_open(self.path + "/consent/%s/withdraw" % self.consent.id, data={"csrf_token": csrf})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Your consent is withdrawn.", response.text)
        self.consent.invalidate_recordset()
        self.assertEqual(self.consent.state, "withdrawn")
        self.assertIn("Withdrawn", response.text, "the history shows the withdrawal")
        note = self.talent.message_ids[0]
        self.assertEqual(note.author_id, self.paula)
        self.assertIn("Withdrew their consent", note.body)

    def test_every_email_to_people_links_to_the_page(self):
        data = self.env["ir.model.data"].search([("module", "=", "talent_crm"), ("model", "=", "mail.template")])
        templates = self.env["mail.template"].browse(data.mapped("res_id"))
        # the double opt-in email goes to an address that is nobody's yet: its link is the confirmation
        templates -= self.env.ref("talent_crm.talent_signup_mail_template_confirm")
        self.assertGreater(len(templates), 10)
        for template in templates:
            self.assertIn("/talent/my-preferences", template.body_html, template.name)

    def _tour(self, lang):
        cookies = {}
        if lang != "en_US":
            self.env["res.lang"]._activate_lang(lang)
            self.env["ir.module.module"]._load_module_terms(["talent_crm"], [lang], overwrite=True)
            self.stage_talk.with_context(lang=lang).talent_candidate_name = "Fachgespräch"
            cookies["frontend_lang"] = lang
        self.start_tour(self.path, "talent_crm_self_service_tour_%s" % lang[:2], cookies=cookies)
        self.talent.invalidate_recordset()
        self.consent.invalidate_recordset()
        self.assertEqual(self.talent.talent_city, "Hamburg")
        self.assertEqual(self.consent.state, "withdrawn")

    def test_tour_english(self):
        self._tour("en_US")

    def test_tour_german(self):
        self._tour("de_DE")


@tagged("post_install", "-at_install", "talent_crm")
class TestInformationBeforeFirstMessage(TalentNurtureCommon):
    """Art. 14 GDPR: a person kept on legitimate interest is told at the latest with the first
    message; a nurture step or a campaign never reaches them first."""

    talent_informed = False  # the notice before the first message is what is tested

    T0 = datetime(2026, 3, 2, 9, 0)

    def _notices(self, talents):
        return self.env["mail.mail"].sudo().search(
            [("model", "=", "hr.applicant"), ("res_id", "in", talents.ids), ("subject", "ilike", "keeps your profile")]
        )

    def test_nurture_step_goes_after_the_notice(self):
        with freeze_time(self.T0):
            lena = self._create_nurture_talent("Lena Legitimate")
            told = self._create_nurture_talent("Tom Told")
            told.sudo().talent_information_date = self.T0 - timedelta(days=3)
            self.assertEqual(lena.talent_legal_basis, "legitimate_interest")
            self.assertFalse(lena.talent_information_date)
            (lena | told)._talent_enroll(self.sequence)
            self._run_scheduler()
        nurture = self._mails(lena, self.step_email)
        notice = self._notices(lena)
        self.assertEqual(len(nurture), 1)
        self.assertEqual(len(notice), 1, "told with the first message, before the daily run")
        self.assertLess(notice.id, nurture.id, "the notice leaves first")
        self.assertEqual(lena.talent_information_date, self.T0)
        self.assertFalse(self._notices(told), "a person told before is not told again")
        self.assertEqual(len(self._mails(told, self.step_email)), 1)

    def test_campaign_goes_after_the_notice(self):
        with freeze_time(self.T0):
            lena = self._create_nurture_talent("Lena Legitimate")
            mailing = self.env["mailing.mailing"].create(
                {
                    "subject": "Campaign news",
                    "mailing_type": "mail",
                    "mailing_model_id": self.env["ir.model"]._get_id("hr.applicant"),
                    "mailing_domain": "[]",
                    "body_html": "<p>Hello</p>",
                    "talent_pool_ids": [Command.set(self.pool.ids)],
                }
            )
            mailing.action_send_mail()
        campaign = self.env["mail.mail"].sudo().search([("mailing_id", "=", mailing.id), ("res_id", "=", lena.id)])
        notice = self._notices(lena)
        self.assertEqual(len(campaign), 1)
        self.assertEqual(len(notice), 1)
        self.assertLess(notice.id, campaign.id, "the notice leaves first")
        self.assertEqual(lena.talent_information_date, self.T0)
