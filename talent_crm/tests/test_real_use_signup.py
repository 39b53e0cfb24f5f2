# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The sign-up as a person and a recruiter first meet it (issue 18, points 9 and 12)."""

import re

from odoo.tests import TransactionCase, tagged

from .common import CSRF_RE, TalentCommunityHttpCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestRealUseSignup(TalentCommunityHttpCommon):
    def _confirm(self, email):
        """Confirm the newest sign-up of ``email`` from its email, as the person does; return the talent."""
        path = self._confirm_path(email)
        page = self.url_open(path)
        response = self.url_open(path, data={"csrf_token": CSRF_RE.search(page.text).group(1)})
        self.assertEqual(response.status_code, 200)
        self.assertIn("your subscription is confirmed", response.text)
        self.env.invalidate_all()
        talent = self._talents(email)
        self.assertEqual(len(talent), 1)
        return talent

    def test_profile_addresses_without_scheme_are_accepted(self):
        """People type profile addresses as they see them, without https://: the sign-up keeps
        the normalised address; an address that is no profile still gets the clean error."""
        cases = [
            ("linkedin.com/in/jane-doe", None, {"linkedin_profile": "https://www.linkedin.com/in/jane-doe"}),
            ("www.linkedin.com/in/Jane-Doe/", None, {"linkedin_profile": "https://www.linkedin.com/in/jane-doe"}),
            ("xing.com/profile/Jane_Doe", None, {"talent_xing_url": "https://www.xing.com/profile/Jane_Doe"}),
            ("jane-doe.dev/portfolio", None, {"talent_website_url": "https://jane-doe.dev/portfolio"}),
            (None, "github.com/Jane-Doe", {"talent_github_url": "https://github.com/jane-doe"}),
            (None, "@jane-doe", {"talent_github_url": "https://github.com/jane-doe"}),
            (None, "jane-doe", {"talent_github_url": "https://github.com/jane-doe"}),
        ]
        for index, (profile_url, github_url, expected) in enumerate(cases):
            email = "jane.doe%s@example.com" % index
            with self.subTest(profile_url=profile_url, github_url=github_url):
                response = self._signup(email=email, profile_url=profile_url, github_url=github_url)
                self.assertEqual(response.status_code, 200, response.text[-2000:])
                self.assertTrue(response.url.endswith("/talent/join/thanks"), response.url)
                signup = self._signups(email)
                self.assertEqual(len(signup), 1)
                for fname, url in expected.items():
                    self.assertEqual(signup[fname], url)
        # once confirmed, the talent carries the normalised address
        talent = self._confirm("jane.doe0@example.com")
        self.assertEqual(talent.linkedin_profile, "https://www.linkedin.com/in/jane-doe")
        # really bad input: the same clean error, with or without https://, and nothing kept
        for key, value, reason in (
            ("profile_url", "linkedin.com/company/acme", "a LinkedIn profile looks like"),
            ("profile_url", "https://www.linkedin.com/company/acme", "a LinkedIn profile looks like"),
            ("github_url", "gitlab.com/jane", "this is not a github.com address"),
            ("github_url", "jane doe", "an address cannot contain spaces"),
            ("profile_url", "javascript:alert(1)", "the host name is not valid"),
        ):
            with self.subTest(key=key, value=value):
                response = self._signup(email="bad.url@example.com", **{key: value})
                self.assertEqual(response.status_code, 400)
                self.assertIn("This profile address is not valid: %s" % reason, response.text)
        self.assertFalse(self._signups("bad.url@example.com"))

    def test_signup_lead_history_is_the_persons_own(self):
        """A web sign-up's lead history says it came from the sign-up, moved by no recruiter."""
        self._signup()
        talent = self._confirm("jana.community@example.com")
        logs = talent.talent_lead_state_log_ids
        self.assertTrue(logs, "the sign-up starts the talent's lead history")
        self.assertEqual(logs.mapped("origin"), ["signup"] * len(logs))
        self.assertFalse(logs.user_id, "no user of the database (nor the public user) moved the lead")
        labels = dict(logs._fields["origin"]._description_selection(self.env))
        self.assertEqual(labels[logs[-1].origin], "Web Sign-up")


@tagged("post_install", "-at_install", "talent_crm")
class TestRealUseEmptyLists(TransactionCase):
    def test_talent_lists_explain_how_to_add_talents(self):
        """The empty talent lists speak of talents and say how to add them, not of applications."""
        for xmlid in (
            "talent_crm.hr_applicant_action_talent",
            "talent_crm.hr_applicant_action_talent_lead",
            "talent_crm.hr_talent_pool_action_talent_crm",
        ):
            with self.subTest(action=xmlid):
                help_html = str(self.env.ref(xmlid).help)
                self.assertIn('class="o_view_nocontent_smiling_face"', help_html)
                self.assertIn("Import Talents", help_html)
                self.assertIn("sign-up page", help_html)
                self.assertNotIn("No applications found", help_html)
        talents_help = str(self.env.ref("talent_crm.hr_applicant_action_talent").help)
        self.assertIn("No talents here yet", talents_help)
        self.assertIn("capture a person with New", talents_help)


@tagged("post_install", "-at_install", "talent_crm")
class TestRealUseSettingsAndLists(TalentCommunityHttpCommon):
    def test_settings_show_the_signup_url_as_a_link_to_copy(self):
        """Settings show the company's sign-up page as a link (new tab) with a copy button."""
        arch = self.env["res.config.settings"].with_user(self.env.ref("base.user_admin")).get_views(
            [(False, "form")]
        )["views"]["form"]["arch"]
        self.assertRegex(arch, r'<field name="talent_signup_url"[^>]*widget="CopyClipboardURL"')
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.talent_signup_url, self.company.get_base_url() + "/talent/join")
        # the URL opens the company's own page
        path = settings.talent_signup_url.removeprefix(self.company.get_base_url())
        self.assertIn("Join our talent community", self.url_open(path).text)
        other = self.env["res.company"].create({"name": "Other Co (test)", "talent_community_page": True})
        other_settings = self.env["res.config.settings"].with_company(other).create({})
        self.assertTrue(other_settings.talent_signup_url.endswith("/talent/join?company=%s" % other.id))

    def test_empty_talent_lists_show_the_talent_help(self):
        """The web client gets the talent wording, not hr_recruitment's "No applications found."."""
        pool = self.signup_pool
        for action in (
            self.env["ir.actions.actions"]._for_xml_id("talent_crm.hr_applicant_action_talent"),
            self.env["ir.actions.actions"]._for_xml_id("talent_crm.hr_applicant_action_talent_lead"),
            pool.action_talent_crm_open_talents(),
        ):
            with self.subTest(action=action["name"]):
                self.assertIn("Import Talents", action["help"])
                self.assertNotIn("No applications found", action["help"])
        # Odoo's own applicant lists keep Odoo's help
        odoo_action = self.env["ir.actions.actions"]._for_xml_id("hr_recruitment.crm_case_categ0_act_job")
        self.assertIn("No applications found", odoo_action["help"])

    def test_profile_fields_let_the_browser_send_addresses_without_scheme(self):
        """A type="url" input makes the browser refuse "linkedin.com/in/..." before the server
        sees it: the profile fields are text fields with the URL keyboard."""
        for url in ("/talent/join",):
            page = self.url_open(url).text
            for name in ("profile_url", "github_url"):
                with self.subTest(page=url, field=name):
                    tag = re.search(r'<input[^>]*name="%s"[^>]*>' % name, page).group(0)
                    self.assertNotIn('type="url"', tag)
                    self.assertIn('type="text"', tag)
                    self.assertIn('inputmode="url"', tag)
