# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from markupsafe import escape

from odoo import Command, fields
from odoo.tests import tagged

from .common_community import CSRF_ANY_RE, CSRF_RE, PDF_BYTES, TalentCommunityHttpCommon, make_docx

CONFIRM_LINK_RE = re.compile(r'href="https?://[^/"]+(/talent/confirm/[A-Za-z0-9_-]+)"')
PREFERENCE_LINK_RE = re.compile(r'href="https?://[^/"]+(/talent/preferences/[A-Za-z0-9_-]+)"')


@tagged("post_install", "-at_install", "talent_crm")
class TestCommunitySignup(TalentCommunityHttpCommon):
    def _confirm_path(self, partner):
        mail = self._mails_to(partner).filtered(lambda m: "/talent/confirm/" in (m.body_html or ""))[-1:]
        self.assertTrue(mail, "a double opt-in email was sent")
        return CONFIRM_LINK_RE.search(mail.body_html).group(1)

    def test_signup_page_is_branded_and_protected(self):
        self.company.email_secondary_color = "#123456"
        response = self.url_open("/talent/join")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("I agree that Test Company keeps my profile (test text).", page)
        if "website" not in self.env:
            # with the Website app, the website's own header shows the logo
            self.assertIn("/web/binary/company_logo?company=%s" % self.company.id, page)
        self.assertIn("#123456", page, "buttons use the company's colour")
        self.assertRegex(page, CSRF_RE)
        self.assertIn('name="fax_number"', page, "the honeypot is there, hidden from people")
        self.assertIn(self.topic_jobs.name, page)
        self.assertIn(self.role_family.name, page)
        # an unsafe colour never reaches a style attribute
        self.company.email_secondary_color = "red;background:url(//evil)"
        self.assertNotIn("evil", self.url_open("/talent/join").text)

    def test_signup_creates_talent_consents_and_double_optin(self):
        response = self._signup(files={"cv": ("My CV.pdf", PDF_BYTES, "application/pdf")})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.endswith("/talent/join/thanks"), response.url)
        self.assertIn("please check your inbox", response.text)
        talent = self._talents("jana.community@example.com")
        self.assertEqual(len(talent), 1)
        partner = talent.partner_id
        self.assertEqual(talent.partner_name, "Jana Community")
        self.assertEqual(talent.source_id, self.source)
        self.assertEqual(talent.talent_pool_ids, self.signup_pool)
        self.assertEqual(talent.company_id, self.company)
        self.assertEqual(talent.linkedin_profile, "https://www.linkedin.com/in/jana-community")
        self.assertEqual(talent.talent_role_family_id, self.role_family)
        self.assertEqual(talent.talent_city, "Berlin")
        self.assertEqual(talent.talent_country_id, self.env.ref("base.de"))
        self.assertEqual(talent.partner_phone, "+49 30 1234567")
        self.assertEqual(partner.talent_topic_ids, self.topic_jobs | self.topic_events)
        cv = self.env["ir.attachment"].search([("res_model", "=", "hr.applicant"), ("res_id", "=", talent.id)])
        self.assertEqual(cv.name, "My CV.pdf")
        self.assertEqual(cv.mimetype, "application/pdf")
        # consents: both purposes, exact text and version, IP, awaiting the double opt-in
        consents = partner.talent_consent_ids
        self.assertEqual(sorted(consents.mapped("purpose")), ["communication", "talent_pool"])
        for consent in consents:
            self.assertEqual(consent.state, "pending")
            self.assertEqual(consent.source, "signup")
            self.assertEqual(consent.legal_basis, "consent")
            self.assertEqual(consent.consent_text, "I agree that Test Company keeps my profile (test text).")
            self.assertEqual(consent.text_version, "2026-test")
            self.assertEqual(consent.ip_address, "127.0.0.1")
        pool_consent = consents.filtered(lambda c: c.purpose == "talent_pool")
        self.assertEqual(
            pool_consent.date_expiry,
            pool_consent.date_given.date() + relativedelta(months=24),
            "the retention period is 24 months",
        )
        touch = partner.talent_touch_ids
        self.assertEqual(touch.mapped("engagement"), ["signup"])
        self.assertEqual(touch.direction, "inbound")
        self.assertEqual(touch.origin, "community")
        # nothing but the confirmation email until the person confirms
        blockers = partner._talent_contact_blockers("email", company=self.company)
        self.assertIn("unconfirmed", blockers[partner.id])
        self.assertIn("unconfirmed", partner._talent_contact_blockers("call", company=self.company)[partner.id])
        mails = self._mails_to(partner)
        self.assertEqual(len(mails), 1)
        self.assertIn("Please confirm your subscription", mails.subject)
        self.assertIn("/talent/preferences/", mails.body_html, "every message carries the preference link")
        self.assertIn("Signed up on the talent community page", talent.message_ids.mapped("body")[0])

    def test_double_optin_confirm(self):
        self._signup()
        talent = self._talents("jana.community@example.com")
        partner = talent.partner_id
        path = self._confirm_path(partner)
        # opening the link (or a mail scanner doing it) does not confirm yet
        page = self.url_open(path)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Confirm your subscription", page.text)
        self.assertEqual(set(partner.talent_consent_ids.mapped("state")), {"pending"})
        csrf = CSRF_RE.search(page.text).group(1)
        response = self.url_open(path, data={"csrf_token": csrf})
        self.assertEqual(response.status_code, 200)
        self.assertIn("your subscription is confirmed", response.text)
        self.assertIn("/talent/preferences/", response.text)
        self.assertEqual(set(partner.talent_consent_ids.mapped("state")), {"valid"})
        self.assertTrue(all(partner.talent_consent_ids.mapped("date_confirmed")))
        self.assertNotIn(partner.id, partner._talent_contact_blockers("email", company=self.company))
        self.assertEqual(partner.talent_touch_ids.mapped("engagement"), ["signup", "signup"])
        # a second click changes nothing
        self.url_open(path, data={"csrf_token": csrf})
        self.assertEqual(len(partner.talent_touch_ids), 2)

    def test_duplicate_signup_updates_without_second_talent(self):
        existing = self.env["hr.applicant"].create(
            {
                "partner_name": "Jana Known",
                "email_from": "jana.community@example.com",
                "talent_pool_ids": [Command.set(self.env["hr.talent.pool"].create({"name": "Old pool"}).ids)],
                "talent_city": "Hamburg",
            }
        )
        self.env["talent.consent"].create(
            {"partner_id": existing.partner_id.id, "purpose": "communication", "source": "recruiter"}
        )
        unknown = self._signup(email="nobody.else@example.com", name="Nobody Else")
        known = self._signup(email="Jana.Community@Example.com", name="Someone Pretending")
        # the answer never tells whether the address was known
        self.assertEqual(known.status_code, unknown.status_code)
        self.assertEqual(known.url, unknown.url)
        # the pages differ only by their CSRF tokens (a time-based HMAC, in the form and the page script)
        self.assertEqual(CSRF_ANY_RE.sub("", known.text), CSRF_ANY_RE.sub("", unknown.text))
        talents = self._talents("jana.community@example.com")
        self.assertEqual(talents, existing, "no duplicate talent")
        self.assertEqual(existing.partner_name, "Jana Known", "a web form never overwrites a known name")
        self.assertEqual(existing.talent_city, "Hamburg")
        self.assertEqual(
            existing.linkedin_profile, "https://www.linkedin.com/in/jana-community", "empty fields are filled"
        )
        self.assertIn(self.signup_pool, existing.talent_pool_ids)
        self.assertEqual(len(existing.talent_pool_ids), 2)
        # topics wait for the confirmation from the mailbox; the valid basis stays valid meanwhile
        self.assertFalse(existing.partner_id.talent_topic_ids)
        self.assertNotIn(
            existing.partner_id.id, existing.partner_id._talent_contact_blockers("email", company=self.company)
        )
        self.url_open(self._confirm_path(existing.partner_id), data={"csrf_token": self._csrf()})
        self.assertEqual(existing.partner_id.talent_topic_ids, self.topic_jobs | self.topic_events)
        # a repeated sign-up within the hour sends no second email
        self._signup(email="jana.community@example.com")
        self._signup(email="nobody.else@example.com")
        self.assertEqual(len(self._talents("nobody.else@example.com")), 1)
        self.assertEqual(len(self._mails_to(self._talents("nobody.else@example.com").partner_id)), 1)

    def test_signup_with_word_cv(self):
        response = self._signup(files={"cv": ("lebenslauf.docx", make_docx(), "application/octet-stream")})
        self.assertEqual(response.status_code, 200)
        talent = self._talents("jana.community@example.com")
        cv = self.env["ir.attachment"].search([("res_model", "=", "hr.applicant"), ("res_id", "=", talent.id)])
        self.assertEqual(cv.mimetype, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")

    def test_wrong_type_and_oversized_uploads(self):
        cases = [
            ("cv.pdf", b"MZ\x90\x00\x03 not a pdf but an executable", "application/pdf"),
            ("cv.pdf", b"<html><script>alert(1)</script></html>", "application/pdf"),
            ("cv.exe", PDF_BYTES, "application/pdf"),
            ("cv.docx", PDF_BYTES, "application/pdf"),
            ("cv.png", b"\x89PNG\r\n\x1a\n" + b"0" * 64, "image/png"),
        ]
        for filename, content, mimetype in cases:
            with self.subTest(filename=filename, content=content[:10]):
                response = self._signup(files={"cv": (filename, content, mimetype)})
                self.assertEqual(response.status_code, 400)
                self.assertIn("PDF or Word", response.text)
        self.env["ir.config_parameter"].sudo().set_param("talent_crm.signup_max_upload_mb", "0.001")
        response = self._signup(files={"cv": ("cv.pdf", PDF_BYTES + b"%" * 2000, "application/pdf")})
        self.assertEqual(response.status_code, 400)
        self.assertIn("too large", response.text)
        self.assertFalse(self._talents("jana.community@example.com"), "nothing is half-written")
        self.assertFalse(
            self.env["ir.attachment"].search([("name", "=like", "cv.%"), ("res_model", "=", "hr.applicant")])
        )

    def test_validation_errors_keep_nothing(self):
        cases = {
            "email": {"email": "not-an-email"},
            "email2": {"email": "a@b"},
            "email3": {"email": "jana@example.com, other@example.com"},
            "name": {"name": ""},
            "name2": {"name": "x" * 101},
            "phone": {"phone": "12"},
            "profile_url": {"profile_url": "javascript:alert(1)"},
            "profile_url2": {"profile_url": "https://www.linkedin.com/company/acme"},
            "github_url": {"github_url": "https://gitlab.com/jana"},
            "role_family_id": {"role_family_id": "999999"},
            "consent": {"consent": None},
            "city": {"city": "c" * 150},
        }
        for key, values in cases.items():
            with self.subTest(case=key):
                response = self._signup(**values)
                self.assertEqual(response.status_code, 400)
                self.assertIn("is-invalid", response.text)
        self.assertFalse(self._talents("jana.community@example.com"))

    def test_script_injection_is_escaped(self):
        payload = '"><script>alert("x")</script><img src=x onerror=alert(1)>'
        for field in ("name", "city", "email", "phone", "profile_url"):
            with self.subTest(field=field):
                response = self._signup(**{field: payload})
                self.assertEqual(response.status_code, 400)
                self.assertNotIn("<script>alert", response.text)
                self.assertNotIn("<img src=x", response.text)
                if field in ("name", "city", "email", "phone", "profile_url"):
                    self.assertIn("&lt;script&gt;", response.text, "the value is shown back escaped")
        self.assertFalse(self.env["hr.applicant"].search([("partner_name", "ilike", "script")]))
        # accepted punctuation is stored as text and escaped in pages and mails
        self.company.talent_consent_text = "I agree <b>bold</b> & more"
        page = self.url_open("/talent/join").text
        self.assertIn("I agree &lt;b&gt;bold&lt;/b&gt; &amp; more", page)
        response = self._signup(name='Jana "Jo" O\'Neil & Co')
        self.assertEqual(response.status_code, 200)
        talent = self._talents("jana.community@example.com")
        self.assertEqual(talent.partner_name, 'Jana "Jo" O\'Neil & Co')
        mail = self._mails_to(talent.partner_id)
        self.assertIn(str(escape('Jana "Jo" O\'Neil & Co')), mail.body_html)
        self.assertNotIn('Jana "Jo', mail.body_html)
        self.assertEqual(talent.partner_id.talent_consent_ids[0].consent_text, "I agree <b>bold</b> & more")

    def test_honeypot_answers_like_success_and_keeps_nothing(self):
        response = self._signup(fax_number="+1 555 0100")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.endswith("/talent/join/thanks"))
        self.assertFalse(self._talents("jana.community@example.com"))
        self.assertFalse(self.env["mail.mail"].search([("email_to", "ilike", "jana.community")]))

    def test_csrf_is_required(self):
        response = self._signup(csrf=False)
        self.assertEqual(response.status_code, 400)
        response = self._signup(csrf=False, csrf_token="forged")
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._talents("jana.community@example.com"))

    def test_rate_limit_per_address(self):
        self.env["ir.config_parameter"].sudo().set_param("talent_crm.signup_rate_limit", "3")
        statuses = [self._signup(email="rate%s@example.com" % index).status_code for index in range(5)]
        self.assertEqual(statuses, [200, 200, 200, 429, 429])
        self.assertEqual(self.env["talent.signup.attempt"].sudo().search_count([]), 3, "blocked tries are not stored")
        self.assertFalse(self._talents("rate3@example.com"))
        # the window passes: the purge cron forgets the counters and the address may sign up again
        with freeze_time(fields.Datetime.now() + timedelta(hours=2)):
            self.env["talent.signup.attempt"]._cron_purge()
            self.assertFalse(self.env["talent.signup.attempt"].sudo().search_count([]))
            self.assertEqual(self._signup(email="rate9@example.com").status_code, 200)

    def test_malformed_input_never_fails_with_5xx(self):
        csrf = self._csrf()
        payloads = [
            {},
            {"name": "A", "email": "a@example.com", "consent": "yes"},
            {"role_family_id": "abc", "country_id": "-1", "topic_ids": ["x", "99999999999", "-3"]},
            {"email": "x" * 10000, "name": "\x00\x01", "phone": "☎" * 40},
            {"name": "Ünïcödé Ñame", "email": "ünï@exämple.com", "consent": "1"},
            {"availability": "open", "frequency": "weekly"},
        ]
        for payload in payloads:
            with self.subTest(payload=str(payload)[:60]):
                response = self.url_open("/talent/join", data=dict(payload, csrf_token=csrf))
                self.assertLess(response.status_code, 500)
        for method_path in ("/talent/join?company=abc", "/talent/join?company=999999", "/talent/join/thanks?x=1"):
            self.assertEqual(self.url_open(method_path).status_code, 200)
        response = self.url_open("/talent/join", data={"csrf_token": csrf}, files={"cv": ("", b"", "")})
        self.assertEqual(response.status_code, 400)

    def test_invalid_confirm_tokens_give_a_clean_page(self):
        self._signup()
        partner = self._talents("jana.community@example.com").partner_id
        path = self._confirm_path(partner)
        token = path.rsplit("/", 1)[1]
        tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
        preference_token = partner._talent_access_token("preferences", self.company)
        for bad in (tampered, "garbage", "A" * 600, "AQ", preference_token, token[:40]):
            with self.subTest(token=bad[:20]):
                response = self.url_open("/talent/confirm/%s" % bad)
                self.assertEqual(response.status_code, 403)
                self.assertIn("This link is not valid", response.text)
                self.assertNotIn("Traceback", response.text)
                self.assertNotIn(partner.name, response.text)
        # an expired link is refused the same way
        with freeze_time(fields.Datetime.now() + timedelta(days=15)):
            response = self.url_open(path)
            self.assertEqual(response.status_code, 403)
            self.assertIn("This link is not valid", response.text)
        self.assertEqual(set(partner.talent_consent_ids.mapped("state")), {"pending"})
