# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Recruiting events: registrations become talents (found again, never duplicated) with the
event as consent evidence, figures per event, and a kiosk page that is safe to leave on a
tablet at a booth."""

import re

from odoo import Command
from odoo.tests import tagged

from .common import CSRF_ANY_RE, CSRF_RE, TalentCommunityHttpCommon, TalentNurtureCommon


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
