# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import socket
from unittest.mock import patch

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged, users

from .common import TalentCrmCommon


def _no_network(*args, **kwargs):
    raise AssertionError("enrichment must not open a network connection")


@tagged("post_install", "-at_install", "talent_crm")
class TestTalentEnrichment(TalentCrmCommon):
    def setUp(self):
        super().setUp()
        patcher = patch.object(socket.socket, "connect", _no_network)
        patcher.start()
        self.addCleanup(patcher.stop)

    def test_paste_url_of_each_site(self):
        cases = [
            ("de.linkedin.com/in/Anna-Schmidt-4a2b93/?originalSubdomain=de", "linkedin_profile",
             "https://www.linkedin.com/in/anna-schmidt-4a2b93"),
            ("http://github.com/Octo-Cat/hello-world", "talent_github_url", "https://github.com/octo-cat"),
            ("xing.com/profile/Anna_Schmidt/cv", "talent_xing_url", "https://www.xing.com/profile/Anna_Schmidt"),
            ("anna-schmidt.example.org/about/#contact", "talent_website_url", "https://anna-schmidt.example.org/about"),
        ]
        talent = self._create_talent("Anna Paste")
        for url, fname, expected in cases:
            with self.subTest(url=url):
                talent.talent_profile_url = url
                self.assertEqual(talent[fname], expected)
                self.assertFalse(talent.talent_profile_url, "the paste field is only an entry point")
        self.assertEqual(talent.partner_name, "Anna Paste", "a name is never overwritten")
        created = self._create_talent("Created With Url", talent_profile_url="https://www.github.com/created")
        self.assertEqual(created.talent_github_url, "https://github.com/created")

    def test_form_fills_the_field_while_typing(self):
        form = Form(self.env["hr.applicant"].with_user(self.user_recruiter).with_context(talent_crm_capture=True))
        form.talent_profile_url = "https://www.linkedin.com/in/jonas-weber-9f8e7d"
        self.assertEqual(form.linkedin_profile, "https://www.linkedin.com/in/jonas-weber-9f8e7d")
        self.assertEqual(form.partner_name, "Jonas Weber", "the name spelled in the address fills an empty name")
        self.assertFalse(form.talent_profile_url)
        form.talent_profile_url = "github.com/jweber"
        self.assertEqual(form.talent_github_url, "https://github.com/jweber")
        self.assertEqual(form.linkedin_profile, "https://www.linkedin.com/in/jonas-weber-9f8e7d")
        talent = form.save()
        self.assertEqual(talent.partner_name, "Jonas Weber")
        self.assertEqual(talent.talent_github_url, "https://github.com/jweber")

    def test_bad_urls_are_refused_with_the_reason(self):
        talent = self._create_talent("Bad Url")
        for url, reason in (
            ("https://www.linkedin.com/company/odoo", "LinkedIn profile looks like"),
            ("https://github.com/settings", "GitHub profile looks like"),
            ("ftp://files.example.com/cv", "only http and https"),
            ("not a url", "cannot contain spaces"),
        ):
            with self.subTest(url=url), self.assertRaisesRegex(ValidationError, reason):
                talent.talent_profile_url = url
        self.assertFalse(talent.linkedin_profile or talent.talent_github_url or talent.talent_website_url)

    def test_provider_is_chosen_per_company_and_fills_empty_fields(self):
        Provider = self.env["talent.enrichment.provider"]
        self.assertIn("offline", dict(Provider._talent_provider_selection()))
        self.assertEqual(self.company.talent_enrichment_provider, "offline")
        # "acme" is a second, distinct provider model: the abstract interface stands in for a paid
        # service's module, so that a lookup falling back to "offline" shows as the wrong call
        providers = {"offline": "talent.enrichment.provider.offline", "acme": "talent.enrichment.provider"}
        paid_values = {
            "linkedin_profile": "https://www.linkedin.com/in/paid-profile",
            "talent_current_title": "Head of Data",
            "talent_city": "Hamburg",
        }
        offline = type(self.env["talent.enrichment.provider.offline"])
        acme = type(Provider)
        self.assertIsNot(offline._talent_enrich, acme._talent_enrich)
        with (
            patch.object(type(Provider), "_talent_providers", return_value=providers),
            patch.object(acme, "_talent_enrich", autospec=True, return_value=dict(paid_values)) as paid,
            patch.object(offline, "_talent_enrich", autospec=True, wraps=offline._talent_enrich) as free,
        ):
            self.other_company.talent_enrichment_provider = "acme"
            self.assertEqual(Provider._talent_get_provider(self.other_company)._name, "talent.enrichment.provider")
            self.assertEqual(Provider._talent_get_provider(self.company)._name, "talent.enrichment.provider.offline")
            talent = self._create_talent(
                "Paid Person", talent_city="Berlin", company_id=self.other_company.id, talent_pool_ids=[]
            )
            talent.talent_profile_url = "https://www.linkedin.com/in/paid-profile"
            paid.assert_called_once()
            free.assert_not_called()
            self.assertEqual(paid.call_args.args[1:], ("https://www.linkedin.com/in/paid-profile", talent))
            # the company that kept the offline provider never reaches the paid one
            local = self._create_talent("Local Person")
            local.talent_profile_url = "https://www.linkedin.com/in/local-person"
            paid.assert_called_once()
            free.assert_called_once()
        self.assertEqual(talent.linkedin_profile, "https://www.linkedin.com/in/paid-profile")
        self.assertEqual(talent.talent_current_title, "Head of Data", "empty field filled")
        self.assertEqual(talent.talent_city, "Berlin", "what the recruiter entered stays")
        self.assertFalse(local.talent_current_title, "the offline provider fills no paid data")

    @users("talent_recruiter")
    def test_recruiter_pastes_url(self):
        talent = self._create_talent("Rita Paste", env=self.env)
        talent.talent_profile_url = "www.xing.com/profile/Rita_Paste"
        self.assertEqual(talent.talent_xing_url, "https://www.xing.com/profile/Rita_Paste")
