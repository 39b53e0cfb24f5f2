# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import re
import zipfile

from odoo import Command
from odoo.tests import HttpCase

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
CONFIRM_LINK_RE = re.compile(r'href="https?://[^/"]+(/talent/confirm/[A-Za-z0-9_-]+)"')
# any CSRF token of Odoo (HMAC + "o" + expiry timestamp), wherever the page carries it
CSRF_ANY_RE = re.compile(r"\b[0-9a-f]{40}o\d*\b")
# a tiny but real PDF and Word document, as browsers upload them
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def make_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
            'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main'
            '+xml"/></Types>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>CV</w:t></w:r></w:p></w:body></w:document>',
        )
    return buffer.getvalue()


class TalentCommunityHttpCommon(HttpCase):
    """A company ready for its talent community: pools, topics, consent text, a permissive
    rate limit (tests that need the limit lower it)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("base.main_company")
        cls.company.country_id = cls.env.ref("base.de")
        cls.signup_pool = cls.env["hr.talent.pool"].create({"name": "Community members (test)"})
        cls.company.write(
            {
                "talent_community_page": True,
                "talent_signup_pool_ids": [Command.set(cls.signup_pool.ids)],
                "talent_consent_text": "I agree that Test Company keeps my profile (test text).",
                "talent_consent_version": "2026-test",
                "talent_retention_months": 24,
                "talent_retention_notice_days": 30,
            }
        )
        cls.topic_jobs = cls.env.ref("talent_crm.talent_topic_job_alerts")
        cls.topic_events = cls.env.ref("talent_crm.talent_topic_events")
        cls.role_family = cls.env["talent.role.family"].create({"name": "Backend (test)"})
        cls.env["ir.config_parameter"].sudo().set_param("talent_crm.signup_rate_limit", "100000")
        cls.source = cls.env.ref("talent_crm.utm_source_talent_community")

    def _csrf(self, url="/talent/join"):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, response.text[:500])
        match = CSRF_RE.search(response.text)
        self.assertTrue(match, "the page carries a CSRF token")
        return match.group(1)

    def _signup_data(self, **values):
        data = {
            "name": "Jana Community",
            "email": "jana.community@example.com",
            "phone": "+49 30 1234567",
            "profile_url": "linkedin.com/in/Jana-Community/",
            "role_family_id": str(self.role_family.id),
            "city": "Berlin",
            "country_id": str(self.env.ref("base.de").id),
            "topic_ids": [str(self.topic_jobs.id), str(self.topic_events.id)],
            "consent": "1",
        }
        data.update(values)
        return {key: value for key, value in data.items() if value is not None}

    def _signup(self, files=None, csrf=True, **values):
        data = self._signup_data(**values)
        if csrf:
            data["csrf_token"] = self._csrf()
        return self.url_open("/talent/join", data=data, files=files)

    def _talents(self, email):
        return (
            self.env["hr.applicant"]
            .with_context(active_test=False)
            .search([("email_normalized", "=", email), ("talent_pool_ids", "!=", False)])
        )

    def _mails_to(self, partner):
        return self.env["mail.mail"].sudo().search([("recipient_ids", "in", partner.ids)], order="id")

    def _signups(self, email):
        """The sign-ups (pending or confirmed) of a normalised address."""
        return self.env["talent.signup"].sudo().search([("email", "=", email)], order="id")

    def _confirm_mails(self, email):
        """The double opt-in emails sent to ``email`` (rendered from its sign-ups)."""
        return self.env["mail.mail"].sudo().search(
            [("model", "=", "talent.signup"), ("email_to", "ilike", email)], order="id"
        )

    def _confirm_path(self, email):
        """The path of the confirmation link of the newest email sent to ``email``."""
        mail = self._confirm_mails(email)[-1:]
        self.assertTrue(mail, "a double opt-in email was sent to %s" % email)
        match = CONFIRM_LINK_RE.search(mail.body_html)
        self.assertTrue(match, "the email carries the confirmation link")
        return match.group(1)

    def _confirm(self, path):
        """Open the confirmation page and press its button, as a person does."""
        page = self.url_open(path)
        self.assertEqual(page.status_code, 200, page.text[:300])
        return self.url_open(path, data={"csrf_token": CSRF_RE.search(page.text).group(1)})
