# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The refuse dialog previews the email as the (first) selected person gets it: their name and
their job, not the template's sample text "Jane" and "Backend Engineer" (issue 18, point 7)."""

from odoo import Command
from odoo.tests import Form, HttpCase, new_test_user, tagged

from .common import TalentLeadCommon

SAMPLE_TEXTS = ("Jane", "Backend Engineer")


@tagged("post_install", "-at_install", "talent_crm")
class TestRefusePreview(TalentLeadCommon):
    def setUp(self):
        super().setUp()
        self.greta = self._application("Greta Gruenwald")
        self.hugo = self._application("Hugo Hahnemann")
        self.invitation = self.env.ref("talent_crm.mail_template_talent_community_invitation")

    def _open(self, applications, env=None):
        form = Form(
            (env or self.env(user=self.user_recruiter))["applicant.get.refuse.reason"].with_context(
                default_applicant_ids=applications.ids
            )
        )
        form.refuse_reason_id = self.refuse_reason
        form.talent_invite_community = True
        self.assertEqual(form.template_id, self.invitation)
        return form

    def test_preview_shows_the_first_of_two_applicants_and_their_job(self):
        form = self._open(self.greta | self.hugo)
        preview = form.talent_preview_body
        self.assertIn("Greta Gruenwald", preview)
        self.assertIn("Backend Developer (lead test)", preview)
        for sample in SAMPLE_TEXTS:
            self.assertNotIn(sample, preview, "no sample text of the template")
        self.assertNotIn("Hugo", preview)
        self.assertEqual(form.talent_preview_applicant_id, self.greta)
        self.assertIn("Greta Gruenwald", form.talent_preview_note)
        self.assertIn("2", form.talent_preview_note, "says it is one of two")
        self.assertEqual(form.talent_preview_subject, "Thank you for applying: let's stay in touch")

    def test_preview_follows_the_edited_text(self):
        # a template editor may change the text: the preview shows the change for the first person
        form = self._open(self.greta | self.hugo, env=self.env)
        self.assertIn("Greta Gruenwald", form.talent_preview_body)
        form.body = '<p>Dear <t t-out="object.partner_name"/>, about <t t-out="object.job_id.name"/>.</p>'
        self.assertIn("Dear Greta Gruenwald, about Backend Developer (lead test).", form.talent_preview_body)

        # the saved wizard shows it too, and the emails go to each person with their own name
        wizard = form.save()
        self.assertIn("Greta Gruenwald", wizard.talent_preview_body)
        self.assertIn("Dear Hugo Hahnemann", wizard._prepare_mail_values(self.hugo)["body_html"])

    def test_preview_of_one_applicant_names_them(self):
        form = self._open(self.hugo)
        self.assertIn("Hugo Hahnemann", form.talent_preview_body)
        self.assertIn("Backend Developer (lead test)", form.talent_preview_body)
        self.assertNotIn("Jane", form.talent_preview_body)
        self.assertIn("Hugo Hahnemann", form.talent_preview_note)
        self.assertNotIn("first", form.talent_preview_note)


@tagged("post_install", "-at_install", "talent_crm")
class TestRefusePreviewTour(HttpCase):
    def test_refuse_preview_tour(self):
        """A recruiter (not admin) opens the refuse dialog: the preview shows the person and the job."""
        company = self.env.ref("base.main_company")
        recruiter = new_test_user(
            self.env,
            login="preview_recruiter",
            password="preview_recruiter",
            name="Petra Preview",
            email="petra@example.com",
            groups="talent_crm.group_talent_crm_user,hr_recruitment.group_hr_recruitment_user",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        self.env["hr.applicant.refuse.reason"].create({"name": "Preview tour reason", "sequence": 1})
        job = self.env["hr.job"].create({"name": "Tour Engineer Job", "company_id": company.id})
        application = self.env["hr.applicant"].create(
            {"partner_name": "Paula Preview", "email_from": "paula.preview@example.com", "job_id": job.id}
        )
        self.start_tour(
            "/odoo/hr.applicant/%s" % application.id, "talent_crm_refuse_preview_tour", login=recruiter.login
        )
        self.assertTrue(application.active, "the dialog was only looked at")
