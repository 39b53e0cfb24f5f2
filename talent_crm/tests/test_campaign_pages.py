# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.urls import url_parse

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import CSRF_RE


@tagged("post_install", "-at_install", "talent_crm")
class TestCampaignPages(HttpCase):
    """The public side: the unsubscribe link of a topic mailing and the job alert's "I am interested"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("base.main_company")
        cls.company.talent_require_consent = False
        cls.pool = cls.env["hr.talent.pool"].create({"name": "Pages pool", "company_id": cls.company.id})
        cls.news = cls.env["talent.topic"].create({"name": "Newsletter (pages)", "kind": "news"})
        cls.events = cls.env["talent.topic"].create({"name": "Meetups (pages)", "kind": "event"})
        cls.talent = cls.env["hr.applicant"].create(
            {
                "partner_name": "Ulla Unsub",
                "email_from": "ulla.unsub@example.com",
                "talent_pool_ids": [Command.set(cls.pool.ids)],
                "company_id": cls.company.id,
            }
        )
        cls.talent.partner_id.talent_topic_ids = [Command.set((cls.news | cls.events).ids)]

    def test_topic_unsubscribe_keeps_other_topics(self):
        mailing = self.env["mailing.mailing"].create(
            {
                "subject": "Newsletter",
                "mailing_model_id": self.env["ir.model"]._get_id("hr.applicant"),
                "mailing_domain": "[]",
                "talent_topic_ids": [Command.set(self.news.ids)],
                "body_html": "<p>Hi</p>",
            }
        )
        url = mailing._get_unsubscribe_url(self.talent.email_normalized, self.talent.id)
        parsed = url_parse(url)
        page = self.url_open("%s?%s" % (parsed.path, parsed.query))
        self.assertEqual(page.status_code, 200)
        data = dict(parsed.decode_query())
        data.update(mailing_id=mailing.id, csrf_token=CSRF_RE.search(page.text).group(1))
        response = self.url_open("/mailing/confirm_unsubscribe", data=data)
        self.assertEqual(response.status_code, 200)
        partner = self.talent.partner_id
        self.assertEqual(partner.talent_topic_ids, self.events)
        # the one-click link (and "manage subscriptions") shows what is kept
        response = self.url_open("/mailing/%s/unsubscribe?%s" % (mailing.id, parsed.query))
        self.assertIn("Meetups (pages)", response.text, "the page tells which topics are kept")
        self.assertIn("/talent/preferences/", response.text)
        self.assertEqual(partner.talent_topic_ids, self.events)
        self.assertFalse(partner.is_blacklisted)
        self.assertTrue(partner.talent_touch_ids.filtered(lambda t: t.engagement == "preference"))

    def test_job_alert_interest(self):
        job = self.env["hr.job"].create(
            {"name": "Data Engineer (pages)", "no_of_recruitment": 1, "company_id": self.company.id}
        )
        url = url_parse(self.talent._talent_job_apply_url(job))
        page = self.url_open(url.path)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Data Engineer (pages)", page.text)
        response = self.url_open(url.path, data={"csrf_token": CSRF_RE.search(page.text).group(1)})
        self.assertEqual(response.status_code, 200)
        application = self.env["hr.applicant"].search([("job_id", "=", job.id)])
        self.assertEqual(application.pool_applicant_id, self.talent)
        self.assertEqual(self.url_open(url.path.replace("/apply/", "/apply/x")).status_code, 403)

    def test_job_apply_link_opens_its_job_only(self):
        """A job alert's link is signed for its purpose, person, company and job: it opens no
        other job, and a preference-centre token opens no job at all."""
        job_a = self.env["hr.job"].create({"name": "Job A (scope)", "company_id": self.company.id})
        job_b = self.env["hr.job"].create({"name": "Job B (scope)", "company_id": self.company.id})
        url_a = url_parse(self.talent._talent_job_apply_url(job_a))
        self.assertEqual(self.url_open(url_a.path).status_code, 200)
        token_a = url_a.path.rsplit("/", 1)[1]
        forged_b = self.url_open("/talent/jobs/%s/apply/%s" % (job_b.id, token_a))
        self.assertEqual(forged_b.status_code, 403, "job A's link does not open job B")
        self.assertNotIn("Job B (scope)", forged_b.text)
        preferences = self.talent.partner_id._talent_access_token("preferences", self.company)
        self.assertEqual(self.url_open("/talent/jobs/%s/apply/%s" % (job_a.id, preferences)).status_code, 403)
        # and the job apply token opens no preference centre
        self.assertEqual(self.url_open("/talent/preferences/%s" % token_a).status_code, 403)
        self.assertFalse(self.env["hr.applicant"].search([("job_id", "in", (job_a | job_b).ids)]))
