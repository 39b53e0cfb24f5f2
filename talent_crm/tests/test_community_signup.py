# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import Command, fields
from odoo.tests import tagged
from odoo.tools.misc import hash_sign

from .common import CSRF_ANY_RE, CSRF_RE, PDF_BYTES, TalentCommunityHttpCommon, make_docx


@tagged("post_install", "-at_install", "talent_crm")
class TestCommunitySignup(TalentCommunityHttpCommon):
    def _partners(self, email):
        return self.env["res.partner"].with_context(active_test=False).search([("email_normalized", "=", email)])

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

    def test_signup_waits_on_its_own_record(self):
        """Until the double opt-in, a sign-up creates its own record, its CV and the email: no
        contact, no talent, no consent, no touch."""
        partners_before = self.env["res.partner"].with_context(active_test=False).search_count([])
        response = self._signup(files={"cv": ("My CV.pdf", PDF_BYTES, "application/pdf")})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.endswith("/talent/join/thanks"), response.url)
        self.assertIn("please check your inbox", response.text)
        self.assertFalse(self._talents("jana.community@example.com"))
        self.assertFalse(self._partners("jana.community@example.com"))
        self.assertEqual(self.env["res.partner"].with_context(active_test=False).search_count([]), partners_before)
        signup = self._signups("jana.community@example.com")
        self.assertEqual(len(signup), 1)
        self.assertEqual(signup.state, "pending")
        self.assertEqual(signup.name, "Jana Community")
        self.assertEqual(signup.phone, "+49 30 1234567")
        self.assertEqual(signup.linkedin_profile, "https://www.linkedin.com/in/jana-community")
        self.assertEqual(signup.talent_role_family_id, self.role_family)
        self.assertEqual(signup.topic_ids, self.topic_jobs | self.topic_events)
        self.assertEqual(signup.pool_ids, self.signup_pool)
        self.assertEqual(signup.company_id, self.company)
        self.assertEqual(signup.ip_address, "127.0.0.1")
        self.assertEqual(signup.source_id, self.source)
        cv = signup.cv_attachment_id
        self.assertEqual((cv.res_model, cv.res_id, cv.name), ("talent.signup", signup.id, "My CV.pdf"))
        self.assertFalse(self.env["talent.consent"].search([("ip_address", "=", "127.0.0.1")]))
        mails = self._confirm_mails("jana.community@example.com")
        self.assertEqual(len(mails), 1)
        self.assertIn("Please confirm your subscription", mails.subject)
        self.assertFalse(mails.recipient_ids, "no contact is looked up or created to send it")
        self.assertNotIn("Jana", mails.body_html, "the typed name is not echoed into the email")
        self.assertNotIn("/talent/preferences/", mails.body_html)

    def test_double_optin_confirm_creates_the_person(self):
        self._signup(files={"cv": ("My CV.pdf", PDF_BYTES, "application/pdf")})
        signup = self._signups("jana.community@example.com")
        path = self._confirm_path("jana.community@example.com")
        # opening the link (or a mail scanner doing it) does not confirm yet
        page = self.url_open(path)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Confirm your subscription", page.text)
        self.assertFalse(self._talents("jana.community@example.com"))
        response = self.url_open(path, data={"csrf_token": CSRF_RE.search(page.text).group(1)})
        self.assertEqual(response.status_code, 200)
        self.assertIn("your subscription is confirmed", response.text)
        self.assertIn("/talent/preferences/", response.text)
        self.env.invalidate_all()
        talent = self._talents("jana.community@example.com")
        self.assertEqual(len(talent), 1)
        partner = talent.partner_id
        self.assertEqual(partner.name, "Jana Community")
        self.assertEqual(partner.phone, "+49 30 1234567")
        self.assertEqual(talent.partner_name, "Jana Community")
        self.assertEqual(talent.source_id, self.source)
        self.assertEqual(talent.talent_pool_ids, self.signup_pool)
        self.assertEqual(talent.company_id, self.company)
        self.assertEqual(talent.linkedin_profile, "https://www.linkedin.com/in/jana-community")
        self.assertEqual(talent.talent_role_family_id, self.role_family)
        self.assertEqual(talent.talent_city, "Berlin")
        self.assertEqual(talent.talent_country_id, self.env.ref("base.de"))
        self.assertEqual(partner.talent_topic_ids, self.topic_jobs | self.topic_events)
        cv = self.env["ir.attachment"].search([("res_model", "=", "hr.applicant"), ("res_id", "=", talent.id)])
        self.assertEqual(cv.name, "My CV.pdf", "the CV moved to the talent")
        self.assertFalse(self.env["ir.attachment"].search([("res_model", "=", "talent.signup")]))
        consents = partner.talent_consent_ids
        self.assertEqual(sorted(consents.mapped("purpose")), ["communication", "talent_pool"])
        for consent in consents:
            self.assertEqual(consent.state, "valid")
            self.assertEqual(consent.source, "signup")
            self.assertEqual(consent.consent_text, "I agree that Test Company keeps my profile (test text).")
            self.assertEqual(consent.text_version, "2026-test")
            self.assertEqual(consent.ip_address, "127.0.0.1")
            self.assertEqual(
                consent.date_given, signup.create_date.replace(microsecond=0), "given when the form was sent"
            )
            self.assertTrue(consent.date_confirmed)
        pool_consent = consents.filtered(lambda c: c.purpose == "talent_pool")
        self.assertEqual(pool_consent.date_expiry, pool_consent.date_given.date() + relativedelta(months=24))
        self.assertNotIn(partner.id, partner._talent_contact_blockers("email", company=self.company))
        self.assertEqual(partner.talent_touch_ids.mapped("engagement"), ["signup"])
        # the sign-up stays as the evidence of the opt-in, its other personal data cleared
        self.assertEqual(signup.state, "confirmed")
        self.assertEqual((signup.partner_id, signup.talent_id, signup.consent_ids), (partner, talent, consents))
        self.assertFalse(signup.name or signup.phone or signup.linkedin_profile or signup.cv_attachment_id)
        # a second click is a used-up link: the neutral page, and nothing changes
        self.assertEqual(self.url_open(path).status_code, 403, "a used link does not even show its button")
        replay = self._confirm_replay(path)
        self.assertEqual(replay.status_code, 403)
        self.assertIn("This link is not valid", replay.text)
        self.env.invalidate_all()
        self.assertEqual(len(partner.talent_touch_ids), 1)
        self.assertEqual(len(partner.talent_consent_ids), 2)

    def _confirm_replay(self, path):
        return self.url_open(path, data={"csrf_token": self._csrf()})

    def test_signup_with_a_known_talents_address_touches_nothing_until_confirmed(self):
        """An attacker signs up with the address of an archived talent: no reactivation, no
        phone, no file, no pool, no name, no chatter until the mailbox owner confirms."""
        old_pool = self.env["hr.talent.pool"].create({"name": "Old pool"})
        existing = self.env["hr.applicant"].create(
            {
                "partner_name": "Jana Known",
                "email_from": "jana.community@example.com",
                "talent_pool_ids": [Command.set(old_pool.ids)],
                "talent_city": "Hamburg",
            }
        )
        existing.source_id = False
        existing.action_archive()
        partner = existing.partner_id
        messages = existing.message_ids | partner.message_ids
        unknown = self._signup(email="nobody.else@example.com", name="Nobody Else")
        known = self._signup(
            email="Jana.Community@Example.com",
            name="Someone Pretending",
            files={"cv": ("evil.pdf", PDF_BYTES, "application/pdf")},
        )
        # the answer never tells whether the address was known
        self.assertEqual(known.status_code, unknown.status_code)
        self.assertEqual(known.url, unknown.url)
        self.assertEqual(CSRF_ANY_RE.sub("", known.text), CSRF_ANY_RE.sub("", unknown.text))
        self.env.invalidate_all()
        self.assertFalse(existing.active, "not reactivated")
        self.assertFalse(existing.source_id, "not re-sourced")
        self.assertFalse(existing.partner_phone or partner.phone, "no phone written")
        self.assertEqual(existing.talent_pool_ids, old_pool)
        self.assertFalse(existing.linkedin_profile)
        self.assertEqual((existing.partner_name, partner.name), ("Jana Known", "Jana Known"))
        self.assertFalse(partner.talent_topic_ids or partner.talent_consent_ids or partner.talent_touch_ids)
        self.assertEqual(existing.message_ids | partner.message_ids, messages, "no chatter")
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "in", ["hr.applicant", "res.partner"]), ("name", "=", "evil.pdf")]
            ),
            "no attachment on anyone's record",
        )
        self.assertEqual(self._talents("jana.community@example.com"), existing, "no second talent")
        # the owner of the mailbox confirms: empty fields are filled, nothing known is overwritten
        self._confirm(self._confirm_path("jana.community@example.com"))
        self.env.invalidate_all()
        self.assertEqual(self._talents("jana.community@example.com"), existing)
        self.assertTrue(existing.active)
        self.assertEqual(existing.source_id, self.source)
        self.assertEqual((existing.partner_name, partner.name), ("Jana Known", "Jana Known"))
        self.assertEqual(existing.talent_city, "Hamburg")
        self.assertEqual(existing.linkedin_profile, "https://www.linkedin.com/in/jana-community")
        self.assertEqual(existing.partner_phone, "+49 30 1234567")
        self.assertEqual(existing.talent_pool_ids, old_pool | self.signup_pool)
        self.assertEqual(partner.talent_topic_ids, self.topic_jobs | self.topic_events)
        self.assertTrue(
            self.env["ir.attachment"].search(
                [("res_model", "=", "hr.applicant"), ("res_id", "=", existing.id), ("name", "=", "evil.pdf")]
            )
        )

    def _snapshot(self, partner):
        partner.invalidate_recordset()
        return (
            partner.name,
            partner.email,
            partner.phone,
            partner.active,
            partner.message_ids.ids,
            partner.talent_topic_ids.ids,
            partner.talent_consent_ids.ids,
            partner.talent_touch_ids.ids,
            self.env["hr.applicant"].with_context(active_test=False).search_count([("partner_id", "=", partner.id)]),
        )

    def test_unconfirmed_signup_and_cleanup_leave_contacts_alone(self):
        """Reproduction 1: sign up with the company's own address and with a customer's, never
        confirm, let the clean-up run: both contacts are exactly as before; only what the
        sign-ups created is gone."""
        own = self.company.partner_id
        own.write({"email": "info@yourcompany.com", "phone": "+49 30 9999999"})
        customer = self.env["res.partner"].create(
            {"name": "Customer Ltd", "email": "buyer@customer.example.com", "phone": "+49 89 123456"}
        )
        customer.message_post(body="Order discussed")
        keeper = self._signup(email="keeper@example.com")
        self.assertEqual(keeper.status_code, 200)
        # (after a first request: the tracking of the writes above is logged when it commits)
        before = {partner: self._snapshot(partner) for partner in (own, customer)}
        for partner in (own, customer):
            response = self._signup(
                email=partner.email, name="Anonymised person", files={"cv": ("cv.pdf", PDF_BYTES, "application/pdf")}
            )
            self.assertEqual(response.status_code, 200)
            self.assertEqual(self._snapshot(partner), before[partner], "nothing changes at sign-up")
        signups = self._signups("info@yourcompany.com") | self._signups("buyer@customer.example.com")
        self.assertEqual(len(signups), 2)
        cvs = signups.cv_attachment_id
        self.assertEqual(len(cvs), 2)
        cron = self.env.ref("talent_crm.ir_cron_talent_signup_purge_expired")
        # before expiry the clean-up deletes nothing
        cron.method_direct_trigger()
        self.assertEqual(len(signups.exists()), 2)
        with freeze_time(fields.Datetime.now() + timedelta(days=15)):
            cron.method_direct_trigger()
            cron.method_direct_trigger()  # idempotent
        self.assertFalse(signups.exists(), "the expired sign-ups are deleted")
        self.assertFalse(cvs.exists(), "with their CVs")
        self.assertFalse(self._signups("keeper@example.com"), "every expired pending sign-up goes")
        for partner in (own, customer):
            self.assertEqual(self._snapshot(partner), before[partner], "the contact is untouched")
            self.assertTrue(partner.exists())

    def test_cleanup_keeps_confirmed_and_fresh_signups(self):
        self._signup(email="fresh@example.com")
        self._signup(email="confirmed@example.com")
        self._confirm(self._confirm_path("confirmed@example.com"))
        with freeze_time(fields.Datetime.now() + timedelta(days=10)):
            self._signup(email="late@example.com")
        with freeze_time(fields.Datetime.now() + timedelta(days=15)):
            self.env["talent.signup"]._cron_purge_expired()
        self.assertFalse(self._signups("fresh@example.com"))
        self.assertEqual(self._signups("confirmed@example.com").state, "confirmed")
        self.assertEqual(self._signups("late@example.com").state, "pending")
        self.assertEqual(len(self._talents("confirmed@example.com")), 1)

    def test_confirmation_never_renames_a_known_contact(self):
        customer = self.env["res.partner"].create(
            {"name": "Customer Ltd", "email": "buyer@customer.example.com", "phone": "+49 89 123456"}
        )
        self._signup(email="buyer@customer.example.com", name="Someone Else", phone="+49 30 5550000")
        self._confirm(self._confirm_path("buyer@customer.example.com"))
        self.env.invalidate_all()
        talent = self._talents("buyer@customer.example.com")
        self.assertEqual(talent.partner_id, customer, "the proven address links the existing contact")
        self.assertEqual((customer.name, customer.phone), ("Customer Ltd", "+49 89 123456"))
        self.assertEqual(talent.partner_name, "Customer Ltd")
        self.assertEqual(len(self._partners("buyer@customer.example.com")), 1)

    def test_confirmation_lifts_only_talent_crms_own_blacklisting(self):
        Blacklist = self.env["mail.blacklist"].sudo()
        # blacklisted by Email Marketing (or by hand): stays, whatever the person confirms
        Blacklist._add("marketing.optout@example.com")
        self._signup(email="marketing.optout@example.com")
        self._confirm(self._confirm_path("marketing.optout@example.com"))
        self.assertTrue(self._talents("marketing.optout@example.com"))
        self.assertTrue(Blacklist.search([("email", "=", "marketing.optout@example.com")]).active)
        # blacklisted by talent_crm's preference centre for another company: stays too
        other = self.env["res.company"].create({"name": "Other Co (test)"})
        Blacklist.with_context(talent_blacklist_company_id=other.id)._add("other.optout@example.com")
        self._signup(email="other.optout@example.com")
        self._confirm(self._confirm_path("other.optout@example.com"))
        entry = Blacklist.search([("email", "=", "other.optout@example.com")])
        self.assertEqual((entry.active, entry.talent_company_id), (True, other))
        # the marker cannot be forged by a write
        entry.write({"talent_company_id": self.company.id})
        self.assertEqual(entry.talent_company_id, other)
        # unsubscribed on this company's preference centre, then joining again: lifted
        talent = self._talents("marketing.optout@example.com")
        token = talent.partner_id._talent_access_token("preferences", self.company)
        Blacklist.search([("email", "=", "marketing.optout@example.com")]).action_archive()
        response = self.url_open(
            "/talent/preferences/%s/unsubscribe" % token, data={"csrf_token": self._csrf()}
        )
        self.assertEqual(response.status_code, 200, response.text[response.text.find("Error message"):][:1500])
        entry = Blacklist.with_context(active_test=False).search([("email", "=", "marketing.optout@example.com")])
        self.assertEqual((entry.active, entry.talent_company_id), (True, self.company))
        self._signup(email="marketing.optout@example.com")
        self._confirm(self._confirm_path("marketing.optout@example.com"))
        entry.invalidate_recordset()
        self.assertFalse(entry.active, "talent_crm's own entry for this company is lifted by the new opt-in")

    def test_bad_confirm_tokens_give_the_same_page_and_change_nothing(self):
        self._signup()
        signup = self._signups("jana.community@example.com")
        path = self._confirm_path("jana.community@example.com")
        token = path.rsplit("/", 1)[1]
        other = self.env["res.company"].create({"name": "Other Co (test)", "talent_community_page": True})
        env_su = self.env(su=True)
        foreign = hash_sign(
            env_su,
            "talent_crm.signup_record_confirm",
            {"s": signup.id, "c": other.id, "k": signup.sudo().access_key},
            expiration=timedelta(days=1),
        )
        wrong_key = hash_sign(
            env_su, "talent_crm.signup_record_confirm", {"s": signup.id, "c": self.company.id, "k": "x"}
        )
        other_scope = hash_sign(
            env_su,
            "talent_crm.signup_confirm",
            {"s": signup.id, "c": self.company.id, "k": signup.sudo().access_key},
        )
        partner = self.env["res.partner"].create({"name": "Someone", "email": "someone@example.com"})
        bad_tokens = [
            token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB"),
            "garbage",
            "A" * 600,
            "AQ",
            token[:40],
            foreign,
            wrong_key,
            other_scope,
            partner._talent_access_token("preferences", self.company),
            partner._talent_access_token("job_apply", self.company, job=self.env["hr.job"].create({"name": "J"})),
        ]
        answers = set()
        for bad in bad_tokens:
            for method in ("GET", "POST"):
                with self.subTest(token=bad[:20], method=method):
                    data = {"csrf_token": self._csrf()} if method == "POST" else None
                    response = self.url_open("/talent/confirm/%s" % bad, data=data)
                    self.assertEqual(response.status_code, 403)
                    self.assertIn("This link is not valid", response.text)
                    self.assertNotIn("Traceback", response.text)
                    answers.add(CSRF_ANY_RE.sub("", response.text))
        # the right token on another company's page
        response = self.url_open(
            "/talent/confirm/%s?company=%s" % (token, other.id), data={"csrf_token": self._csrf()}
        )
        self.assertEqual(response.status_code, 403)
        answers.add(CSRF_ANY_RE.sub("", response.text))
        # an expired link is refused the same way
        with freeze_time(fields.Datetime.now() + timedelta(days=15)):
            response = self.url_open(path, data={"csrf_token": self._csrf()})
            self.assertEqual(response.status_code, 403)
            answers.add(CSRF_ANY_RE.sub("", response.text))
        self.assertEqual(len(answers), 1, "one neutral page for every bad token")
        self.assertEqual(signup.state, "pending")
        self.assertFalse(self._talents("jana.community@example.com"))
        self.assertFalse(self._partners("jana.community@example.com"))
        # the genuine link still works afterwards, once
        self.assertIn("your subscription is confirmed", self._confirm(path).text)
        self.assertEqual(self._confirm_replay(path).status_code, 403)

    def test_company_without_community_page_answers_not_found(self):
        closed = self.env["res.company"].create({"name": "Closed Co (test)"})
        opened = self.env["res.company"].create({"name": "Open Co (test)", "talent_community_page": True})
        self.assertEqual(self.url_open("/talent/join?company=%s" % opened.id).status_code, 200)
        answers = set()
        for query in ("company=%s" % closed.id, "company=999999", "company=abc", "company=", "company=-1"):
            for path in ("/talent/join", "/talent/join/thanks"):
                with self.subTest(path=path, query=query):
                    response = self.url_open("%s?%s" % (path, query))
                    self.assertEqual(response.status_code, 404)
                    self.assertNotIn("Closed Co", response.text)
                    answers.add(CSRF_ANY_RE.sub("", response.text))
            response = self.url_open(
                "/talent/join?%s" % query, data=self._signup_data(csrf_token=self._csrf()), allow_redirects=False
            )
            self.assertEqual(response.status_code, 404)
        self.assertEqual(len(answers), 1, "the same page whatever the reason")
        self.assertFalse(self._signups("jana.community@example.com"))
        self.assertFalse(self._confirm_mails("jana.community@example.com"))
        # the default page follows its company's choice too
        self.company.talent_community_page = False
        self.assertEqual(self.url_open("/talent/join").status_code, 404)

    def test_address_daily_cap_across_companies(self):
        self.env["ir.config_parameter"].sudo().set_param("talent_crm.signup_address_daily_limit", "3")
        other = self.env["res.company"].create({"name": "Other Co (test)", "talent_community_page": True})
        answers = set()
        for company in (self.company, other, self.company, other, other):
            response = self.url_open(
                "/talent/join?company=%s" % company.id,
                data=self._signup_data(email="Capped.Person@Example.com", csrf_token=self._csrf()),
                allow_redirects=False,
            )
            answers.add((response.status_code, response.headers.get("Location", "").split("?")[0]))
        self.assertEqual(answers, {(303, "/talent/join/thanks")}, "capped or not, the same answer")
        self.assertEqual(len(self._signups("capped.person@example.com")), 3)
        self.assertEqual(len(self._confirm_mails("capped.person@example.com")), 3, "no mail over the cap")
        self._signup(email="someone.else@example.com")
        self.assertEqual(len(self._signups("someone.else@example.com")), 1, "other addresses are not capped")
        with freeze_time(fields.Datetime.now() + timedelta(hours=25)):
            self._signup(email="capped.person@example.com")
        self.assertEqual(len(self._signups("capped.person@example.com")), 4, "a day later it may sign up again")
    def test_signup_with_word_cv(self):
        response = self._signup(files={"cv": ("lebenslauf.docx", make_docx(), "application/octet-stream")})
        self.assertEqual(response.status_code, 200)
        cv = self._signups("jana.community@example.com").cv_attachment_id
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
        self.assertFalse(self._signups("jana.community@example.com"), "nothing is half-written")
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("name", "=like", "cv.%"), ("res_model", "in", ["hr.applicant", "talent.signup"])]
            )
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
        self.assertFalse(self._signups("jana.community@example.com"))

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
        self.assertFalse(self.env["talent.signup"].sudo().search([("name", "ilike", "script")]))
        # accepted punctuation is stored as text and escaped in pages and mails
        self.company.talent_consent_text = "I agree <b>bold</b> & more"
        page = self.url_open("/talent/join").text
        self.assertIn("I agree &lt;b&gt;bold&lt;/b&gt; &amp; more", page)
        response = self._signup(name='Jana "Jo" O\'Neil & Co')
        self.assertEqual(response.status_code, 200)
        signup = self._signups("jana.community@example.com")
        self.assertEqual(signup.name, 'Jana "Jo" O\'Neil & Co')
        mail = self._confirm_mails("jana.community@example.com")
        self.assertNotIn("Jana", mail.body_html, "the typed name never reaches the email")
        self.assertNotIn("Neil", mail.body_html)
        self.assertEqual(signup.consent_text, "I agree <b>bold</b> & more")
        self._confirm(self._confirm_path("jana.community@example.com"))
        talent = self._talents("jana.community@example.com")
        self.assertEqual(talent.partner_name, 'Jana "Jo" O\'Neil & Co')
        self.assertEqual(talent.partner_id.talent_consent_ids[0].consent_text, "I agree <b>bold</b> & more")

    def test_honeypot_answers_like_success_and_keeps_nothing(self):
        response = self._signup(fax_number="+1 555 0100")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.endswith("/talent/join/thanks"))
        self.assertFalse(self._signups("jana.community@example.com"))
        self.assertFalse(self.env["mail.mail"].search([("email_to", "ilike", "jana.community")]))

    def test_csrf_is_required(self):
        response = self._signup(csrf=False)
        self.assertEqual(response.status_code, 400)
        response = self._signup(csrf=False, csrf_token="forged")
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._signups("jana.community@example.com"))

    def test_rate_limit_per_address(self):
        self.env["ir.config_parameter"].sudo().set_param("talent_crm.signup_rate_limit", "3")
        statuses = [self._signup(email="rate%s@example.com" % index).status_code for index in range(5)]
        self.assertEqual(statuses, [200, 200, 200, 429, 429])
        self.assertEqual(self.env["talent.signup.attempt"].sudo().search_count([]), 3, "blocked tries are not stored")
        self.assertFalse(self._signups("rate3@example.com"))
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
        for method_path in ("/talent/join?company=abc", "/talent/join?company=999999"):
            self.assertEqual(self.url_open(method_path).status_code, 404)
        self.assertEqual(self.url_open("/talent/join/thanks?x=1").status_code, 200)
        response = self.url_open("/talent/join", data={"csrf_token": csrf}, files={"cv": ("", b"", "")})
        self.assertEqual(response.status_code, 400)
