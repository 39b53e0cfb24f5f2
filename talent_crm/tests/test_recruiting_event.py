# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Recruiting events: registrations become talents (found again, never duplicated) with the
event as consent evidence, figures per event, and a kiosk page that is safe to leave on a
tablet at a booth."""

import base64
import io
import re
from datetime import timedelta
from unittest.mock import patch

from PIL import Image

from odoo import Command, fields
from odoo.tests import tagged

from .common import CSRF_ANY_RE, CSRF_RE, PDF_BYTES, TalentCommunityHttpCommon, TalentNurtureCommon, tour_user


@tagged("post_install", "-at_install", "talent_crm")
class TestRecruitingEvent(TalentNurtureCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls.env["utm.campaign"].create({"name": "Career fair 2026 (test)"})
        cls.event = cls.env["event.event"].create(
            {
                "name": "Career Fair Berlin (test)",
                "company_id": cls.company.id,
                "talent_recruiting": True,
                "talent_pool_id": cls.pool.id,
                "talent_campaign_id": cls.campaign.id,
                "talent_consent_text": "Keep my contact for jobs (fair text).",
            }
        )

    def _register(self, event=None, **values):
        vals = {"event_id": (event or self.event).id, "name": "Fiona Fair", "email": "fiona.fair@example.com"}
        vals.update(values)
        return self.env["event.registration"].create(vals)

    def _talents(self, email):
        return (
            self.env["hr.applicant"]
            .with_context(active_test=False)
            .search([("email_normalized", "=", email), ("talent_pool_ids", "!=", False)])
        )

    def test_registration_becomes_talent_with_event_as_evidence(self):
        registration = self._register(phone="+49 30 7654321")
        talent = self._talents("fiona.fair@example.com")
        self.assertEqual(len(talent), 1)
        self.assertEqual(registration.talent_id, talent)
        self.assertEqual(talent.talent_pool_ids, self.pool)
        self.assertEqual(talent.source_id, self.env.ref("talent_crm.utm_source_event"))
        self.assertEqual(talent.campaign_id, self.campaign)
        consent = self.env["talent.consent"].search([("talent_id", "=", talent.id)])
        self.assertEqual(consent.source, "event")
        self.assertEqual(consent.legal_basis, "consent")
        self.assertEqual(consent.consent_text, "Keep my contact for jobs (fair text).")
        self.assertEqual(consent.text_version, "event-%s" % self.event.id)

    def test_known_person_is_matched_and_joins_the_pool(self):
        other_pool = self.env["hr.talent.pool"].create({"name": "Other (test)", "company_id": self.company.id})
        known = self._create_talent("Fiona Fair", talent_pool_ids=[Command.set(other_pool.ids)])
        registration = self._register(email="Fiona.Fair@Example.com")
        self.assertEqual(self._talents("fiona.fair@example.com"), known)
        self.assertEqual(registration.talent_id, known)
        self.assertEqual(known.talent_pool_ids, other_pool | self.pool)

    def test_other_events_and_blocked_people_create_nothing(self):
        plain = self.env["event.event"].create({"name": "Summer party (test)", "company_id": self.company.id})
        self._register(event=plain, email="party.guest@example.com")
        self.assertFalse(self._talents("party.guest@example.com"))
        self.env["mail.blacklist"].sudo()._add("blocked.guest@example.com")
        registration = self._register(email="blocked.guest@example.com")
        self.assertFalse(self._talents("blocked.guest@example.com"))
        self.assertFalse(registration.talent_id)

    def test_sequence_enrollment(self):
        self.event.talent_sequence_id = self.sequence
        registration = self._register()
        enrollments = self.env["talent.sequence.enrollment"].search([("talent_id", "=", registration.talent_id.id)])
        self.assertEqual(enrollments.sequence_id, self.sequence)

    def test_figures(self):
        first = self._register()
        second = self._register(name="Gustav Guest", email="gustav.guest@example.com")
        self._register(name="Hanna Hesitant", email="hanna.hesitant@example.com").action_cancel()
        second.talent_id.with_context(talent_lead_system=True).talent_lead_state = "hired"
        first.action_set_draft()
        # a kiosk visitor who has not confirmed the address yet is captured, not confirmed
        self.env["event.registration"].with_context(talent_event_defer_capture=True).create(
            {"event_id": self.event.id, "name": "Ida Unconfirmed", "email": "ida.unconfirmed@example.com"}
        )
        self.event.invalidate_recordset()
        self.assertEqual(
            (
                self.event.talent_captured_count,
                self.event.talent_confirmed_count,
                self.event.talent_in_pool_count,
                self.event.talent_converted_count,
                self.event.talent_hired_count,
            ),
            (3, 2, 2, 1, 1),
        )

    def test_cost_per_hire(self):
        self._register().talent_id.with_context(talent_lead_system=True).talent_lead_state = "hired"
        self._register(name="Gustav Guest", email="gustav.guest@example.com")
        self.event.invalidate_recordset()
        self.assertEqual(self.event.talent_cost_per_hire, 0.0, "no cost, no cost per hire")
        self.event.talent_cost = 1500.0
        self.assertEqual((self.event.talent_hired_count, self.event.talent_cost_per_hire), (1, 1500.0))

    def _thanks(self):
        return self.env["mail.mail"].sudo().search(
            [("model", "=", "hr.applicant"), ("subject", "like", "Thank you for meeting")]
        )

    def test_follow_up_enrolls_and_thanks_the_people_met_only(self):
        Registration = self.env["event.registration"].with_context(talent_event_defer_capture=True)
        anna = self._register(name="Anna Attendee", email="anna.attendee@example.com").talent_id
        carl = self._register(name="Carl Capped", email="carl.capped@example.com").talent_id
        # a counted touch a week ago: Carl's cap holds the sequence's first email
        self.env["talent.touch"].create(
            {
                "partner_id": carl.partner_id.id,
                "talent_id": carl.id,
                "company_id": self.company.id,
                "summary": "Call",
                "channel": "email",
                "counts_toward_cap": True,
                "date": fields.Datetime.now() - timedelta(days=7),
            }
        )
        dora = self._register(name="Dora Donotcontact", email="dora.dnc@example.com").talent_id
        dora.partner_id.talent_do_not_contact = True
        # a kiosk visitor who did not confirm the address, a booth contact not informed yet
        Registration.create(
            {"event_id": self.event.id, "name": "Ida Unconfirmed", "email": "ida.unconfirmed@example.com"}
        ).talent_capture_method = "web"
        bob = (
            Registration.create({"event_id": self.event.id, "name": "Bob Booth", "email": "bob.booth@example.com"})
            .with_user(self.user_recruiter)
            ._talent_capture_booth(note="Likes Go")
        )
        # in the event's pool, but did not register: never written to through the event
        outsider = self._create_talent("Otto Outsider")
        self.event.talent_sequence_id = self.sequence
        self.assertEqual(self.event._talent_follow_up(), {"enrolled": 3, "thanked": 2, "waiting": 2})
        self.assertEqual(sorted(self._thanks().mapped("res_id")), sorted((anna | carl).ids))
        enrollments = self.env["talent.sequence.enrollment"].search([("sequence_id", "=", self.sequence.id)])
        self.assertEqual(enrollments.talent_id, anna | carl | dora)
        self.assertNotIn(outsider, enrollments.talent_id)
        self.assertEqual(enrollments.filtered(lambda e: e.talent_id == dora).state, "stopped")
        self._run_scheduler()
        self.assertEqual(len(self._mails(anna, self.step_email)), 1, "the thank-you does not use up the cap")
        self.assertFalse(self._mails(carl, self.step_email))
        self.assertEqual(enrollments.filtered(lambda e: e.talent_id == carl).postpone_reason, "cap")
        # again after the booth contact was informed: only the booth contact is new
        bob._talent_send_information_notices()
        self.assertEqual(self.event._talent_follow_up(), {"enrolled": 1, "thanked": 1, "waiting": 1})
        self.assertEqual(len(self._thanks()), 3)
        self.assertFalse(self._thanks().filtered(lambda m: m.res_id in (outsider | dora).ids))

    def test_daily_follow_up_of_ended_events(self):
        anna = self._register(name="Anna Attendee", email="anna.attendee@example.com").talent_id
        self.event.talent_sequence_id = self.sequence
        other = self.event.copy({"name": "Meetup that has not ended", "talent_sequence_id": False})
        self._register(event=other, name="Fred Future", email="fred.future@example.com")
        other.talent_sequence_id = self.sequence
        now = fields.Datetime.now()
        self.event.write({"date_begin": now - timedelta(days=2), "date_end": now - timedelta(days=1)})
        other.write({"date_begin": now - timedelta(hours=1), "date_end": now + timedelta(days=1)})
        with self._patch_commit_progress():
            self.env["event.event"]._cron_talent_follow_up()
            self.env["event.event"]._cron_talent_follow_up()
        self.assertEqual(self._thanks().mapped("res_id"), anna.ids, "once, and only for the ended event")
        enrollments = self.env["talent.sequence.enrollment"].search([("sequence_id", "=", self.sequence.id)])
        self.assertEqual(enrollments.talent_id, anna)
        # an event that ended long ago is left alone
        self.event.write({"date_begin": now - timedelta(days=90), "date_end": now - timedelta(days=89)})
        late = self._register(name="Lara Late", email="lara.late@example.com")
        with self._patch_commit_progress():
            self.env["event.event"]._cron_talent_follow_up()
        self.assertFalse(late.talent_followup_date)

    def test_booth_capture_of_a_known_person_keeps_the_talent_and_its_basis(self):
        known = self._register().talent_id  # registered with the event's consent
        registration = (
            self.env["event.registration"]
            .with_context(talent_event_defer_capture=True)
            .create({"event_id": self.event.id, "name": "Fiona F.", "email": "FIONA.FAIR@example.com"})
        )
        talent = registration.with_user(self.user_recruiter)._talent_capture_booth(note="Second chat")
        self.assertEqual(talent, known)
        self.assertEqual(self._talents("fiona.fair@example.com"), known)
        self.assertEqual(known.talent_legal_basis, "consent")
        self.assertEqual(
            self.env["talent.consent"].search([("talent_id", "=", known.id)]).mapped("legal_basis"), ["consent"]
        )
        self.assertIn("Second chat", known.message_ids[0].body)

    def test_kiosk_token(self):
        Event = self.env["event.event"]
        token = self.event._talent_kiosk_token()
        self.assertEqual(Event._talent_from_kiosk_token(self.event.id, token), self.event)
        self.assertFalse(Event._talent_from_kiosk_token(self.event.id, token[:-1] + "x"))
        other = Event.create({"name": "Other fair (test)", "company_id": self.company.id, "talent_recruiting": True})
        self.assertFalse(Event._talent_from_kiosk_token(other.id, token), "a token opens its own event only")
        self.event.action_talent_renew_kiosk_link()
        self.assertFalse(Event._talent_from_kiosk_token(self.event.id, token), "a renewed link replaces the old one")


@tagged("post_install", "-at_install", "talent_crm")
class TestRecruitingEventKiosk(TalentCommunityHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event_pool = cls.env["hr.talent.pool"].create({"name": "Fair visitors (test)"})
        cls.event = cls.env["event.event"].create(
            {
                "name": "Career Fair Kiosk (test)",
                "company_id": cls.company.id,
                "talent_recruiting": True,
                "talent_pool_id": cls.event_pool.id,
            }
        )
        cls.path = "/talent/event/%s/kiosk/%s" % (cls.event.id, cls.event._talent_kiosk_token())

    def _form(self):
        page = self.url_open(self.path)
        self.assertEqual(page.status_code, 200, page.text[:300])
        key = re.search(r'name="submission_key" value="([^"]+)"', page.text).group(1)
        return {"csrf_token": CSRF_RE.search(page.text).group(1), "submission_key": key}

    def _post(self, form, **values):
        data = dict(form, name="Kai Kiosk", email="kai.kiosk@example.com", consent="1")
        data.update(values)
        return self.url_open(self.path, data=data)

    def _registrations(self):
        return self.env["event.registration"].search([("event_id", "=", self.event.id)])

    def test_wrong_tokens_and_events_get_the_same_404(self):
        token = self.event._talent_kiosk_token()
        plain = self.env["event.event"].create({"name": "Party (test)", "company_id": self.company.id})
        for path in (
            "/talent/event/%s/kiosk/%s" % (self.event.id, token[:-2] + "xx"),
            "/talent/event/%s/kiosk/%s" % (plain.id, token),
            "/talent/event/999999/kiosk/%s" % token,
        ):
            with self.subTest(path=path):
                response = self.url_open(path)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn(self.event.name, response.text)

    def test_submission_waits_for_the_address_and_is_recorded_once(self):
        form = self._form()
        first = self._post(form, role_family_id=str(self.role_family.id))
        self.assertEqual(first.status_code, 200, first.text[:300])
        again = self._post(form, role_family_id=str(self.role_family.id))
        self.assertEqual(again.status_code, 200)
        self.assertEqual(len(self._registrations()), 1, "the same form sent twice is recorded once")
        self.assertEqual(len(self._signups("kai.kiosk@example.com")), 1)
        self.assertEqual(len(self._confirm_mails("kai.kiosk@example.com")), 1)
        # unconfirmed: nobody is created until the person confirms the address
        self.assertFalse(self._talents("kai.kiosk@example.com"))
        self.assertEqual((self.event.talent_captured_count, self.event.talent_confirmed_count), (1, 0))
        self._confirm(self._confirm_path("kai.kiosk@example.com"))
        talent = self._talents("kai.kiosk@example.com")
        self.assertEqual(len(talent), 1)
        self.assertEqual(talent.talent_pool_ids, self.event_pool)
        self.assertEqual(talent.source_id, self.env.ref("talent_crm.utm_source_event"))
        self.assertEqual(talent.talent_role_family_id, self.role_family)
        consents = self.env["talent.consent"].search([("talent_id", "=", talent.id)])
        self.assertEqual(set(consents.mapped("text_version")), {"event-%s" % self.event.id})
        self.event.invalidate_recordset()
        self.assertEqual((self.event.talent_captured_count, self.event.talent_confirmed_count), (1, 1))
        # a new form (next visitor) is a new registration
        self._post(self._form(), name="Lea Later", email="lea.later@example.com")
        self.assertEqual(len(self._registrations()), 2)

    def test_known_and_new_people_get_the_same_answer(self):
        self.env["hr.applicant"].create(
            {
                "partner_name": "Known Person",
                "email_from": "known.person@example.com",
                "talent_pool_ids": [Command.set(self.signup_pool.ids)],
            }
        )
        known = self._post(self._form(), name="Known Person", email="known.person@example.com")
        new = self._post(self._form(), name="New Person", email="new.person@example.com")
        self.assertEqual(known.status_code, new.status_code)
        self.assertEqual(CSRF_ANY_RE.sub("", known.text), CSRF_ANY_RE.sub("", new.text))
        self.assertEqual(len(self._talents("known.person@example.com")), 1)

    def test_bad_input_and_forged_requests_record_nothing(self):
        form = self._form()
        for values in (
            {"email": "not-an-address"},
            {"consent": ""},
            {"name": "<script>alert(1)</script>"},
            {"submission_key": "short"},
            {"csrf_token": "forged"},
        ):
            with self.subTest(values=values):
                response = self._post(form, **values)
                self.assertEqual(response.status_code, 400)
        self.assertFalse(self._registrations())


@tagged("post_install", "-at_install", "talent_crm")
class TestRecruitingEventKioskModes(TalentCommunityHttpCommon):
    """Staff mode, QR code, CV, rate limit and the website's registrations."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event_pool = cls.env["hr.talent.pool"].create({"name": "Booth contacts (test)"})
        cls.event = cls.env["event.event"].create(
            {
                "name": "Career Fair Staff (test)",
                "company_id": cls.company.id,
                "talent_recruiting": True,
                "talent_pool_id": cls.event_pool.id,
            }
        )
        cls.path = "/talent/event/%s/kiosk/%s" % (cls.event.id, cls.event._talent_kiosk_token())
        cls.recruiter = tour_user(cls.env, "kiosk_recruiter", "Kim Kiosk", "talent_crm.group_talent_crm_user")
        cls.employee = tour_user(cls.env, "kiosk_employee", "Eddi Employee", "base.group_user")

    def _form(self, path):
        page = self.url_open(path)
        self.assertEqual(page.status_code, 200, page.text[:300])
        key = re.search(r'name="submission_key" value="([^"]+)"', page.text).group(1)
        return page, {"csrf_token": CSRF_RE.search(page.text).group(1), "submission_key": key}

    def _registrations(self):
        return self.env["event.registration"].search([("event_id", "=", self.event.id)])

    def test_staff_capture_on_legitimate_interest_with_notice(self):
        self.authenticate(self.recruiter.login, self.recruiter.login)
        page, form = self._form(self.path + "/staff")
        self.assertNotIn('name="consent"', page.text)
        self.assertIn('id="kiosk_note"', page.text)
        data = dict(form, name="Bea Booth", email="bea.booth@example.com", note="Wants remote Kotlin work")
        files = {"cv": ("bea-cv.pdf", PDF_BYTES, "application/pdf")}
        self.assertEqual(self.url_open(self.path + "/staff", data=data, files=files).status_code, 200)
        # the same form again (a dropped answer, a double tap): one registration, one talent
        self.assertEqual(self.url_open(self.path + "/staff", data=data).status_code, 200)
        registration = self._registrations()
        self.assertEqual(len(registration), 1)
        talent = self._talents("bea.booth@example.com")
        self.assertEqual(len(talent), 1)
        self.assertEqual(registration.talent_id, talent)
        self.assertEqual(registration.talent_capture_method, "booth")
        self.assertEqual(talent.talent_pool_ids, self.event_pool)
        self.assertEqual(talent.user_id, self.recruiter)
        self.assertEqual(talent.talent_legal_basis, "legitimate_interest")
        consent = self.env["talent.consent"].search([("talent_id", "=", talent.id)])
        self.assertEqual((consent.legal_basis, consent.source), ("legitimate_interest", "event"))
        note = talent.message_ids.filtered(lambda m: "Wants remote Kotlin work" in (m.body or ""))
        self.assertEqual(note.author_id, self.recruiter.partner_id)
        cv = self.env["ir.attachment"].search([("res_model", "=", "hr.applicant"), ("res_id", "=", talent.id)])
        self.assertEqual(cv.name, "bea-cv.pdf")
        # no double opt-in for a contact met by staff: the Art. 14 information follows instead
        self.assertFalse(self._signups("bea.booth@example.com"))
        Applicant = self.env["hr.applicant"].with_context(active_test=False)
        self.assertIn(talent, Applicant.search(Applicant._talent_information_due_domain()))
        talent._talent_send_information_notices()
        notice = self.env.ref("talent_crm.mail_template_talent_information_notice")
        mails = self.env["mail.mail"].sudo().search([("model", "=", "hr.applicant"), ("res_id", "=", talent.id)])
        self.assertIn(talent.company_id.name, mails.subject)
        self.assertTrue(notice.subject.startswith("{{ object.company_id.name }}"))
        self.assertTrue(talent.talent_information_date)

    def test_staff_mode_is_for_recruiters_only(self):
        response = self.url_open(self.path + "/staff", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303), "the public is sent to the login page")
        self.authenticate(self.employee.login, self.employee.login)
        self.assertEqual(self.url_open(self.path + "/staff").status_code, 404)
        self.authenticate(self.recruiter.login, self.recruiter.login)
        forged = "/talent/event/%s/kiosk/%s/staff" % (self.event.id, "0" * 64)
        self.assertEqual(self.url_open(forged).status_code, 404)

    def test_qr_code_and_cv_of_a_visitor(self):
        Report = type(self.env["ir.actions.report"])
        drawn = []
        barcode = Report.barcode

        def record(report, barcode_type, value, **kwargs):
            drawn.append((barcode_type, value))
            return barcode(report, barcode_type, value, **kwargs)

        with patch.object(Report, "barcode", record):
            page, form = self._form(self.path)
        # Odoo's renderer drew the kiosk link as a QR code, inline in the page
        self.assertEqual(drawn, [("QR", self.event._talent_kiosk_url())])
        qr = re.search(r'src="data:image/png;base64,([^"]+)"', page.text).group(1)
        self.assertEqual(Image.open(io.BytesIO(base64.b64decode(qr))).size, (220, 220))
        self.assertNotIn("/report/barcode", page.text, "the token does not travel in an image URL")
        bad = self.url_open(
            self.path,
            data=dict(form, name="Vic Visitor", email="vic.visitor@example.com", consent="1"),
            files={"cv": ("cv.pdf", b"MZ not a pdf", "application/pdf")},
        )
        self.assertEqual(bad.status_code, 400)
        self.assertFalse(self._registrations())
        good = self.url_open(
            self.path,
            data=dict(form, name="Vic Visitor", email="vic.visitor@example.com", consent="1"),
            files={"cv": ("cv.pdf", PDF_BYTES, "application/pdf")},
        )
        self.assertEqual(good.status_code, 200)
        self.assertEqual(self._signups("vic.visitor@example.com").cv_attachment_id.raw, PDF_BYTES)
        # a photo of a paper CV is welcome at the kiosk (not on the sign-up page), as what it is
        photo = io.BytesIO()
        Image.new("RGB", (40, 60), "white").save(photo, "JPEG")
        _page, form = self._form(self.path)
        pretended = self.url_open(
            self.path,
            data=dict(form, name="Pia Photo", email="pia.photo@example.com", consent="1"),
            files={"cv": ("cv.png", photo.getvalue(), "image/png")},
        )
        self.assertEqual(pretended.status_code, 400, "a JPEG named .png is refused")
        _page, form = self._form(self.path)
        taken = self.url_open(
            self.path,
            data=dict(form, name="Pia Photo", email="pia.photo@example.com", consent="1"),
            files={"cv": ("Lebenslauf.JPEG", photo.getvalue(), "image/jpeg")},
        )
        self.assertEqual(taken.status_code, 200)
        attachment = self._signups("pia.photo@example.com").cv_attachment_id
        self.assertEqual((attachment.name, attachment.mimetype), ("Lebenslauf.jpeg", "image/jpeg"))

    def test_rate_limit_per_address(self):
        self.env["ir.config_parameter"].sudo().set_param("talent_crm.signup_rate_limit", "2")
        for number in range(3):
            _page, form = self._form(self.path)
            response = self.url_open(
                self.path,
                data=dict(form, name="Flo Flood", email="flo%s@example.com" % number, consent="1"),
            )
        self.assertEqual(response.status_code, 429)
        self.assertEqual(len(self._registrations()), 2)
        # a recruiter at the same booth is not held by the visitors' limit
        self.authenticate(self.recruiter.login, self.recruiter.login)
        _page, form = self._form(self.path + "/staff")
        staff = self.url_open(self.path + "/staff", data=dict(form, name="Sam Staff", email="sam.staff@example.com"))
        self.assertEqual(staff.status_code, 200)
        self.assertEqual(len(self._registrations()), 3)

    def test_website_registration_takes_the_double_opt_in(self):
        """A registration the person makes (website_event runs as the public user, sudo) waits for
        the address: a forged one with someone else's address creates no talent and mails nothing
        but the one confirmation request."""
        public = self.env.ref("base.public_user")
        registration = (
            self.env["event.registration"]
            .with_user(public)
            .sudo()
            .create({"event_id": self.event.id, "name": "Wanda Web", "email": "wanda.web@example.com"})
        )
        self.assertEqual(registration.talent_capture_method, "web")
        self.assertFalse(registration.talent_id)
        self.assertFalse(self._talents("wanda.web@example.com"))
        signup = self._signups("wanda.web@example.com")
        self.assertEqual(signup.pool_ids, self.event_pool)
        self.assertEqual(len(self._confirm_mails("wanda.web@example.com")), 1)
        registration.action_confirm()
        self.assertFalse(self._talents("wanda.web@example.com"), "confirming the seat proves no address")
        self._confirm(self._confirm_path("wanda.web@example.com"))
        self.assertEqual(self._talents("wanda.web@example.com").talent_pool_ids, self.event_pool)
