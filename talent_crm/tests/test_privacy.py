# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged, users, warmup

from .common import TalentCrmCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestTalentConsentConfirmation(TalentCrmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"talent_retention_months": 24, "talent_retention_notice_days": 30})
        cls.talent = cls._create_talent("Dora Optin")
        cls.partner = cls.talent.partner_id

    def _web_consent(self, purpose="communication", **values):
        vals = {
            "partner_id": self.partner.id,
            "talent_id": self.talent.id,
            "purpose": purpose,
            "source": "signup",
            "confirmation_required": True,
        }
        vals.update(values)
        return self.env["talent.consent"].create(vals)

    def test_web_consent_is_pending_until_confirmed(self):
        consent = self._web_consent()
        self.assertEqual(consent.state, "pending")
        Consent = self.env["talent.consent"]
        self.assertIn(consent, Consent.search([("state", "in", ["pending"])]))
        self.assertNotIn(consent, Consent.search([("state", "in", ["valid"])]))
        self.assertEqual(consent._talent_confirm(), consent)
        self.assertEqual(consent.state, "valid")
        self.assertTrue(consent.date_confirmed)
        self.assertIn(consent, Consent.search([("state", "in", ["valid"])]))
        self.assertFalse(consent._talent_confirm(), "confirming twice does nothing")
        consent.action_withdraw()
        self.assertEqual(consent.state, "withdrawn")

    def test_pool_consent_lasts_the_retention_period(self):
        consent = self._web_consent(purpose="talent_pool", confirmation_required=False)
        self.assertEqual(consent.date_expiry, consent.date_given.date() + relativedelta(months=24))
        communication = self._web_consent(confirmation_required=False)
        self.assertFalse(communication.date_expiry, "communication consents last until withdrawn")
        self.company.talent_retention_months = 0
        self.assertFalse(self._web_consent(purpose="talent_pool").date_expiry)

    def test_retention_settings_are_checked(self):
        with self.assertRaises(ValidationError):
            self.company.talent_retention_months = -1
        with self.assertRaises(ValidationError):
            self.company.write({"talent_retention_months": 2, "talent_retention_notice_days": 40})

    def test_unconfirmed_blocks_every_channel(self):
        self._web_consent()
        for channel in ("email", "sms", "call", "linkedin"):
            blockers = self.partner._talent_contact_blockers(channel, company=self.company)
            self.assertIn("unconfirmed", blockers[self.partner.id], channel)
        labels = self.env["res.partner"]._talent_blocker_labels()
        self.assertEqual(labels["unconfirmed"], "Sign-up not confirmed yet")
        self.assertIn("erasure_requested", labels)
        # another company's pending sign-up does not block this company's messages
        self.assertNotIn(
            "unconfirmed",
            self.partner._talent_contact_blockers("email", company=self.other_company).get(self.partner.id, []),
        )
        # a known person with a valid basis stays reachable while a new sign-up waits
        self.env["talent.consent"].create({"partner_id": self.partner.id, "purpose": "communication"})
        self.assertNotIn(self.partner.id, self.partner._talent_contact_blockers("email", company=self.company))

    @warmup
    def test_blockers_query_count_is_bounded(self):
        partners_small = self.env["res.partner"].create(
            [{"name": "Small %s" % index, "email": "small%s@example.com" % index} for index in range(3)]
        )
        partners_large = self.env["res.partner"].create(
            [{"name": "Large %s" % index, "email": "large%s@example.com" % index} for index in range(40)]
        )
        for partners in (partners_small, partners_large):
            self.env["talent.consent"].create(
                [
                    {
                        "partner_id": partner.id,
                        "purpose": "communication",
                        "source": "signup",
                        "confirmation_required": True,
                    }
                    for partner in partners
                ]
            )
        self.env.invalidate_all()
        with self.assertQueryCount(8):
            small = partners_small._talent_contact_blockers("email", company=self.company)
        self.env.invalidate_all()
        with self.assertQueryCount(8):
            large = partners_large._talent_contact_blockers("email", company=self.company)
        self.assertEqual(len(small), 3)
        self.assertEqual(len(large), 40)
        self.assertTrue(all("unconfirmed" in reasons for reasons in large.values()))


@tagged("post_install", "-at_install", "talent_crm")
class TestTalentRetention(TalentCrmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"talent_retention_months": 24, "talent_retention_notice_days": 30})
        cls.start = datetime(2024, 1, 10, 9, 0)
        with freeze_time(cls.start):
            cls.old = cls._create_talent(
                "Olga Old", talent_city="Bonn", source_id=cls.env.ref("talent_crm.utm_source_event").id
            )
            cls.renewed = cls._create_talent("Rudi Renewed")
            cls.busy = cls._create_talent("Bea Busy")
            cls.env["talent.consent"].create(
                {"partner_id": cls.old.partner_id.id, "purpose": "communication", "ip_address": "203.0.113.7"}
            )
        cls._backdate(cls.old | cls.renewed | cls.busy, cls.start)
        cls.old.partner_id._talent_log_touch("Call about the Bonn office", talent_id=cls.old.id)
        with freeze_time(cls.start + relativedelta(months=12)):
            cls.env["talent.consent"].create(
                {"partner_id": cls.renewed.partner_id.id, "purpose": "talent_pool", "source": "renewal"}
            )
        job = cls.env["hr.job"].create({"name": "Backend Engineer (retention test)"})
        cls.application = cls.env["hr.applicant"].create(
            {"partner_id": cls.busy.partner_id.id, "job_id": job.id, "pool_applicant_id": cls.busy.id}
        )
        cls.cron = cls.env.ref("talent_crm.ir_cron_talent_crm_retention")

    @classmethod
    def _backdate(cls, talents, when):
        """create_date comes from the database clock, which freezegun does not move."""
        cls.env.flush_all()
        cls.env.cr.execute("UPDATE hr_applicant SET create_date = %s WHERE id IN %s", (when, tuple(talents.ids)))
        talents.invalidate_recordset(["create_date"])
        talents.modified(["create_date"])
        talents.flush_recordset()

    def _run_cron(self):
        with self.enter_registry_test_mode():
            result = self.cron.sudo().method_direct_trigger()
        self.assertIs(result, True, "the cron ran without error: %s" % (result,))

    def _renewal_mails(self, talent):
        return (
            self.env["mail.mail"]
            .sudo()
            .search(
                [("recipient_ids", "in", talent.partner_id.ids), ("subject", "ilike", "Shall we keep your profile")]
            )
        )

    def test_retention_date(self):
        self.assertEqual(self.old.talent_retention_date, self.start.date() + relativedelta(months=24))
        self.assertEqual(self.renewed.talent_retention_date, self.start.date() + relativedelta(months=36))
        pending = self.env["talent.consent"].create(
            {
                "partner_id": self.old.partner_id.id,
                "purpose": "talent_pool",
                "source": "signup",
                "confirmation_required": True,
            }
        )
        self.assertEqual(
            self.old.talent_retention_date,
            self.start.date() + relativedelta(months=24),
            "an unconfirmed consent extends nothing",
        )
        pending._talent_confirm()
        self.assertGreater(self.old.talent_retention_date, self.start.date() + relativedelta(months=30))
        self.company.talent_retention_months = 0
        self.assertFalse(self.old.talent_retention_date)

    def test_renewal_request_then_anonymisation(self):
        pool_size = (
            self.env["hr.applicant"]
            .with_context(active_test=False)
            .search_count([("talent_pool_ids", "in", self.pool.ids)])
        )
        with freeze_time(self.start + relativedelta(months=24) - timedelta(days=20)):
            self._run_cron()
            self.assertEqual(len(self._renewal_mails(self.old)), 1)
            mail = self._renewal_mails(self.old)
            self.assertIn("/talent/my-preferences", mail.body_html)  # signed when it leaves
            self.assertEqual(self.old.talent_retention_notice_date, fields.Date.today())
            touch = self.old.partner_id.talent_touch_ids.filtered(lambda t: t.origin == "community")
            self.assertEqual((touch.direction, touch.counts_toward_cap), ("outbound", False))
            self.assertFalse(self._renewal_mails(self.renewed), "renewed a year ago: nothing to ask yet")
            self._run_cron()
            self.assertEqual(len(self._renewal_mails(self.old)), 1, "asked once per period")
        with freeze_time(self.start + relativedelta(months=24) + timedelta(days=1)):
            self._run_cron()
        partner = self.old.partner_id
        self.assertFalse(self.old.active)
        self.assertTrue(self.old.talent_anonymized_date)
        self.assertEqual(self.old.partner_name, "Anonymised talent %s" % self.old.id)
        self.assertFalse(self.old.email_from)
        self.assertFalse(self.old.talent_city)
        self.assertFalse(partner.active)
        self.assertFalse(partner.email)
        self.assertNotIn("Olga", partner.name)
        self.assertEqual(set(partner.talent_touch_ids.mapped("summary")), {"Anonymised"})
        self.assertFalse(partner.talent_consent_ids.ip_address)
        self.assertEqual(partner.talent_consent_ids.state, "withdrawn")
        self.assertFalse(any("Olga" in (body or "") for body in self.old.message_ids.mapped("body")))
        self.assertIn("end of the retention period", self.old.message_ids[0].body)
        # statistics survive: pool membership, source, dates
        self.assertEqual(self.old.talent_pool_ids, self.pool)
        self.assertEqual(self.old.source_id, self.env.ref("talent_crm.utm_source_event"))
        self.assertEqual(
            self.env["hr.applicant"]
            .with_context(active_test=False)
            .search_count([("talent_pool_ids", "in", self.pool.ids)]),
            pool_size,
        )
        # an ongoing application keeps the person; a renewed consent too
        self.assertTrue(self.busy.active)
        self.assertFalse(self.busy.talent_anonymized_date)
        self.assertTrue(self.renewed.active)
        # running again changes nothing
        date = self.old.talent_anonymized_date
        with freeze_time(self.start + relativedelta(months=24) + timedelta(days=2)):
            self._run_cron()
        self.assertEqual(self.old.talent_anonymized_date, date)
        # once the application is closed, the busy talent goes as well, after the retention of
        # applications (issue 19: 6 months for claims under the AGG)
        closed = self.start + relativedelta(months=24) + timedelta(days=3)
        with freeze_time(closed):
            self.application.action_archive()
            self._run_cron()
        self.assertFalse(self.busy.talent_anonymized_date)
        with freeze_time(closed + relativedelta(months=6) + timedelta(days=1)):
            self._run_cron()
        self.assertTrue(self.busy.talent_anonymized_date)
        self.assertFalse(self.application.email_from)

    def test_unconfirmed_signup_on_an_existing_contact_is_not_anonymised(self):
        """Issue 16, reproduction 1: a sign-up with the company's own address, never
        confirmed, left for the retention cron: the contact stays as it is (the clean-up of
        unconfirmed sign-ups belongs to the pending sign-ups, not to the retention cron)."""
        source = self.env.ref("talent_crm.utm_source_talent_community")
        own = self.company.partner_id
        own.write({"email": "info@yourcompany.example.com", "phone": "+49 30 1234567"})
        before = (own.name, own.email, own.phone, own.active)
        with freeze_time(datetime(2026, 3, 1, 12, 0)):
            signup = self.env["hr.applicant"].create(
                {
                    "partner_name": "Mallory Signup",
                    "partner_id": own.id,
                    "source_id": source.id,
                    "talent_pool_ids": [Command.set(self.pool.ids)],
                }
            )
            self._backdate(signup, datetime(2026, 3, 1, 12, 0))
            self.env["talent.consent"].create(
                {"partner_id": own.id, "purpose": "talent_pool", "source": "signup", "confirmation_required": True}
            )
        with freeze_time(datetime(2026, 4, 5, 12, 0)):
            self._run_cron()
        self.assertEqual((own.name, own.email, own.phone, own.active), before)
        self.assertTrue(signup.active, "no retention step for unconfirmed sign-ups any more")
        self.assertFalse(hasattr(self.env["hr.applicant"], "_talent_unconfirmed_expire"))


@tagged("post_install", "-at_install", "talent_crm")
class TestTalentErasure(TalentCrmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.talent = cls._create_talent(
            "Erika Erase",
            partner_phone="+49 30 5550177",
            linkedin_profile="https://www.linkedin.com/in/erika-erase",
            talent_city="Leipzig",
        )
        cls.partner = cls.talent.partner_id
        job = cls.env["hr.job"].create({"name": "Data Engineer (erasure test)"})
        cls.application = cls.env["hr.applicant"].create(
            {"partner_id": cls.partner.id, "job_id": job.id, "pool_applicant_id": cls.talent.id}
        )
        cls.cv = cls.env["ir.attachment"].create(
            {
                "name": "Erika CV.pdf",
                "raw": b"%PDF-1.4 Erika",
                "res_model": "hr.applicant",
                "res_id": cls.talent.id,
            }
        )
        cls.talent.message_post(
            body="Hi, I am Erika, reach me on +49 30 5550177", author_id=cls.partner.id, message_type="email"
        )
        cls.partner._talent_log_touch("Erika replied from Leipzig", talent_id=cls.talent.id, direction="inbound")
        cls.consent = cls.env["talent.consent"].create(
            {"partner_id": cls.partner.id, "purpose": "communication", "source": "signup", "ip_address": "198.51.100.4"}
        )
        cls.trace = cls.env["mailing.trace"].create(
            {"model": "hr.applicant", "res_id": cls.talent.id, "email": "erika.erase@example.com"}
        )

    def _assert_erased(self):
        partner = self.partner.with_context(active_test=False)
        for applicant in (self.talent, self.application):
            self.assertFalse(applicant.active)
            self.assertNotIn("Erika", applicant.partner_name)
            self.assertFalse(applicant.email_from)
            self.assertFalse(applicant.partner_phone)
            self.assertFalse(applicant.linkedin_profile)
            self.assertFalse(applicant.talent_city)
        self.assertFalse(partner.email)
        self.assertFalse(partner.phone)
        self.assertNotIn("Erika", partner.name)
        self.assertFalse(self.cv.exists())
        messages = self.env["mail.message"].search(
            [("model", "=", "hr.applicant"), ("res_id", "in", (self.talent | self.application).ids)]
        )
        self.assertFalse(any("Erika" in (message.body or "") for message in messages))
        self.assertFalse(any("5550177" in (message.body or "") for message in messages))
        self.assertEqual(self.consent.ip_address, False)
        self.assertEqual(self.consent.state, "withdrawn")
        self.assertEqual(set(partner.talent_touch_ids.mapped("summary")), {"Anonymised"})
        self.assertFalse(self.trace.email)
        # the talent stays in its pool for the statistics
        self.assertEqual(self.talent.talent_pool_ids, self.pool)

    @users("talent_manager")
    def test_manager_erases_from_the_talent(self):
        talent = self.talent.with_env(self.env)
        talent.action_talent_crm_erase()
        request = self.env["talent.erasure.request"].search([("partner_id", "=", self.partner.id)])
        self.assertEqual(request.state, "done")
        self.assertEqual(request.user_id, self.env.user)
        log = request.sudo().privacy_log_id
        self.assertTrue(log)
        self.assertEqual(log.anonymized_email, "e****.e****@e******.com")
        self.assertNotIn("Erika", log.anonymized_name)
        self.assertIn("hr.applicant #%s" % self.talent.id, request.records_description)
        self.assertIn("Anonymised by talent_crm", log.execution_details)
        self._assert_erased()

    @users("talent_manager")
    def test_manager_processes_a_request_from_the_preference_centre(self):
        request = self.env["talent.erasure.request"].sudo()._talent_request_from_partner(self.partner, self.company)
        request = request.with_env(self.env)
        self.assertIn(request, self.env["talent.erasure.request"].search([("state", "=", "requested")]))
        request.action_erase()
        self.assertEqual(request.state, "done")
        self._assert_erased()
        with self.assertRaises(UserError):
            request.action_erase()

    @users("talent_recruiter")
    def test_recruiter_records_but_cannot_erase(self):
        request = self.env["talent.erasure.request"].create(
            {"partner_id": self.partner.id, "talent_id": self.talent.id, "note": "Asked by phone"}
        )
        with self.assertRaises(AccessError):
            request.action_erase()
        with self.assertRaises(AccessError):
            self.talent.with_env(self.env).action_talent_crm_erase()
        with self.assertRaises(AccessError):
            request.write({"state": "done"})
        with self.assertRaises(AccessError):
            request.unlink()
        self.assertTrue(self.talent.active)
        self.assertEqual(self.talent.email_from, "erika.erase@example.com")

    @users("talent_employee")
    def test_employee_sees_no_request(self):
        request = self.env["talent.erasure.request"].sudo().create({"partner_id": self.partner.id})
        with self.assertRaises(AccessError):
            self.env["talent.erasure.request"].browse(request.id).read(["state"])

    @users("talent_other_recruiter")
    def test_other_company_does_not_see_requests(self):
        request = (
            self.env["talent.erasure.request"]
            .sudo()
            .create({"partner_id": self.partner.id, "company_id": self.company.id})
        )
        self.assertFalse(self.env["talent.erasure.request"].search([("id", "=", request.id)]))

    def test_privacy_lookup_anonymises_talent_data(self):
        wizard = self.env["privacy.lookup.wizard"].create({"name": "Erika Erase", "email": "erika.erase@example.com"})
        wizard.action_lookup()
        found = {(line.res_model, line.res_id) for line in wizard.line_ids}
        self.assertIn(("hr.applicant", self.talent.id), found)
        self.assertIn(("res.partner", self.partner.id), found)
        wizard.action_talent_crm_anonymize()
        self._assert_erased()
        line = wizard.line_ids.filtered(lambda line: line.res_model == "hr.applicant" and line.res_id == self.talent.id)
        self.assertIn("Anonymised by talent_crm", line.execution_details)
        self.assertTrue(wizard.log_id)
        request = self.env["talent.erasure.request"].search([("partner_id", "=", self.partner.id)])
        self.assertEqual(
            (request.source, request.state, request.privacy_log_id), ("privacy_lookup", "done", wizard.log_id)
        )
        # the administrator may then delete the contact: the proof of the erasure stays
        wizard.line_ids.filtered(lambda line: line.res_model == "res.partner").action_unlink()
        self.assertFalse(self.partner.exists())
        self.assertEqual((request.state, request.partner_id), ("done", self.env["res.partner"]))

    def test_users_are_not_anonymised_here(self):
        """A user's contact stays as it is; the talent on it is erased."""
        talent = self._create_talent("Ursula User")
        self.env["res.users"].create({"login": "ursula", "name": "Ursula User", "partner_id": talent.partner_id.id})
        talent.action_talent_crm_erase()
        self.assertTrue(talent.talent_anonymized_date)
        self.assertNotIn("Ursula", talent.partner_name)
        partner = talent.partner_id
        self.assertEqual(
            (partner.name, partner.email, partner.active), ("Ursula User", "ursula.user@example.com", True)
        )

    def test_erasure_request_form(self):
        form = Form(self.env["talent.erasure.request"])
        form.partner_id = self.partner
        form.note = "Letter of 2 March"
        request = form.save()
        self.assertEqual(request.state, "requested")
        self.assertIn("erasure_requested", self.partner._talent_contact_blockers("email")[self.partner.id])
        request.action_cancel()
        self.assertEqual(request.state, "cancelled")
        self.assertNotIn("erasure_requested", self.partner._talent_contact_blockers("email").get(self.partner.id, []))
