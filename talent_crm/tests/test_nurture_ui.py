# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "talent_crm")
class TestNurtureUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("base.main_company")
        cls.recruiter = new_test_user(
            cls.env,
            login="nurture_tour_recruiter",
            password="nurture_tour_recruiter",
            name="Nadia Nurture",
            email="nadia@example.com",
            groups="talent_crm.group_talent_crm_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
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
