# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The sign-up as a person and a recruiter first meet it (issue 18, points 9 and 12)."""

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
