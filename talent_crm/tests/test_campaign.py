# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta
from unittest.mock import patch

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged, users

from .common import TalentCampaignCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestCampaignAudience(TalentCampaignCommon):
    def test_pool_filter_and_exclusions(self):
        mailing = self._mailing()
        self.assertTrue(mailing.talent_audience, "a talent mailing: the talent audience rules apply")
        partner_mailing = self._mailing(
            mailing_model_id=self.env["ir.model"]._get_id("res.partner"), talent_pool_ids=False
        )
        self.assertFalse(partner_mailing.talent_audience, "a contact mailing keeps Odoo's audience")
        self.assertEqual(mailing._get_recipients(), [self.anna.id])
        self.assertEqual(mailing.total, 1, "the count shown on the mailing leaves out who may not be contacted")
        mailing.talent_pool_ids = [Command.set((self.pool | self.other_pool).ids)]
        self.assertEqual(mailing._get_recipients(), sorted([self.anna.id, self.sam.id]))

    def test_marketer_audience_checks_the_person_not_the_contact_rules(self):
        """A marketer's audience applies the person's wishes (do-not-contact, consent) even
        when the contact belongs to a company the marketer cannot read, and such a contact
        does not hide a talent the marketer may mail."""
        other = self.env["res.company"].create({"name": "Holding (audience test)"})
        (self.anna | self.dora).partner_id.write({"company_id": other.id})
        env = self.env(user=self.user_marketer)
        readable = env["res.partner"].search([("id", "=", self.anna.partner_id.id)])
        self.assertFalse(readable, "contact not readable")
        mailing = self._mailing(env=env)
        self.assertEqual(mailing._get_recipients(), [self.anna.id], "Dora asked not to be contacted")
        self.company.talent_require_consent = True
        self.assertEqual(mailing._get_recipients(), [], "no communication consent yet")

    def test_talent_criteria_and_applications_left_out(self):
        self.anna.talent_city = "Bremen"
        job = self.env["hr.job"].create({"name": "Backend dev (test)", "no_of_recruitment": 0})
        application = self.env["hr.applicant"].create(
            {"partner_name": "Appl Only", "email_from": "appl@example.com", "job_id": job.id}
        )
        mailing = self._mailing(talent_pool_ids=False, mailing_domain="[('talent_city', '=', 'Bremen')]")
        self.assertEqual(mailing._get_recipients(), [self.anna.id])
        mailing.mailing_domain = "[]"
        self.assertNotIn(application.id, mailing._get_recipients(), "applications are not talents")

    def test_topics(self):
        self.anna.partner_id.talent_topic_ids = [Command.set((self.topic_news | self.topic_events).ids)]
        mailing = self._mailing(talent_pool_ids=False, talent_topic_ids=[Command.set(self.topic_news.ids)])
        self.assertEqual(mailing._get_recipients(), [self.anna.id])
        partner, removed = mailing._talent_unsubscribe_topics(self.anna.id, self.anna.email_normalized)
        self.assertEqual(partner, self.anna.partner_id)
        self.assertEqual(removed, self.topic_news)
        self.assertEqual(self.anna.partner_id.talent_topic_ids, self.topic_events, "the other topic is kept")
        self.assertFalse(self.anna.partner_id.is_blacklisted, "a topic unsubscribe is no blacklist")
        self.assertEqual(mailing._get_recipients(), [])

    def test_dedup_per_person(self):
        twin = self._create_talent(
            "Anna Twin", partner_id=self.anna.partner_id.id, talent_pool_ids=[Command.set(self.pool.ids)]
        )
        self.assertEqual(twin.partner_id, self.anna.partner_id)
        audience = self._mailing()._talent_audience()
        self.assertEqual(audience["recipient_ids"], [self.anna.id])
        self.assertEqual(audience["duplicates"], 1)

    def test_consent_bounce_erasure(self):
        self.company.talent_require_consent = True
        mailing = self._mailing()
        self.assertEqual(mailing._get_recipients(), [], "no valid communication consent")
        self.env["talent.consent"].create(
            {
                "partner_id": self.anna.partner_id.id,
                "company_id": self.company.id,
                "purpose": "communication",
                "legal_basis": "consent",
                "source": "recruiter",
            }
        )
        self.assertEqual(mailing._get_recipients(), [self.anna.id])
        self.anna.partner_id.write({"talent_bounced_email": self.anna.email_normalized})
        self.assertEqual(mailing._get_recipients(), [])

    def test_domain_agrees_with_contact_blockers(self):
        """The audience domain and the central contactability API say the same."""
        talents = self.anna | self.bert | self.dora
        self.anna.partner_id.write({"talent_bounced_email": "old@example.com"})
        blocked = self.env["res.partner"].browse(list(talents.partner_id._talent_contact_blockers("email")))
        mailing = self._mailing()
        self.assertEqual(
            set(mailing._get_recipients()), set(talents.filtered(lambda t: t.partner_id not in blocked).ids)
        )

    def test_caps_hold_back_and_list(self):
        self.company.talent_cap_passive_days = 30
        self.anna.partner_id._talent_log_touch("Call", channel="call", company_id=self.company.id)
        mailing = self._mailing()
        audience = mailing._talent_audience()
        self.assertEqual(audience["recipient_ids"], [])
        self.assertIn(self.anna.partner_id.id, audience["capped"])
        with self.assertRaisesRegex(UserError, "There are no recipients selected"):
            mailing.action_send_mail()
        self.assertFalse(self.env["mailing.trace"].search([("mass_mailing_id", "=", mailing.id)]))
        mailing.action_talent_check_audience()
        self.assertEqual(mailing.talent_held_count, 1)
        self.assertEqual(mailing.talent_held_ids.partner_id, self.anna.partner_id)
        self.assertGreater(mailing.talent_held_ids.next_allowed_date, fields.Datetime.now() + timedelta(days=29))

    def test_send_logs_touches_that_count_toward_caps(self):
        self.company.talent_cap_passive_days = 30
        mailing = self._mailing()
        mailing.action_send_mail()
        traces = self.env["mailing.trace"].search([("mass_mailing_id", "=", mailing.id)])
        self.assertEqual(traces.mapped("res_id"), [self.anna.id])
        touch = self.env["talent.touch"].search([("mailing_trace_id", "in", traces.ids)])
        self.assertEqual(touch.origin, "campaign")
        self.assertTrue(touch.counts_toward_cap)
        self.assertEqual(self.anna.partner_id.talent_last_touch_date, touch.date)
        second = self._mailing(subject="Next news")
        self.assertEqual(second._get_recipients(), [], "the campaign counted toward the cap")

    def test_sms_audience(self):
        self.anna.partner_phone = "+49 30 1234567"
        mailing = self._mailing(mailing_type="sms", body_plaintext="Hi")
        self.assertEqual(mailing._get_recipients(), [self.anna.id])

    def test_query_count_independent_of_size(self):
        mailing = self._mailing()
        mailing._talent_audience()
        with self.assertQueryCount(3):
            mailing._talent_audience()
        for index in range(20):
            self._create_talent("Extra %s" % index)
        self.env.invalidate_all()
        mailing._talent_audience()
        with self.assertQueryCount(3):
            self.assertEqual(len(mailing._talent_audience()["recipient_ids"]), 21)

    def test_pool_send_a_mailing_prefilled(self):
        action = self.pool.with_user(self.user_recruiter).action_talent_send_mailing()
        form = Form(self.env["mailing.mailing"].with_user(self.user_recruiter).with_context(**action["context"]))
        mailing = form.save()
        self.assertEqual(mailing.talent_pool_ids, self.pool)
        self.assertEqual(mailing.mailing_model_real, "hr.applicant")
        self.assertIn("/unsubscribe_from_list", mailing.body_html)
        self.assertIn("/talent/my-preferences", mailing.body_html)
        self.assertEqual(mailing._get_recipients(), [self.anna.id])
        mailing.with_user(self.user_recruiter).action_send_mail()
        mail = self.env["mail.mail"].sudo().search([("mailing_id", "=", mailing.id)])
        self.assertIn("Hello Anna", mail.body_html)
        body = mail._prepare_outgoing_list()[0]["body"]
        self.assertIn("/talent/preferences/", body, "each person gets their own preference link")
        self.assertIn("/mailing/%s/confirm_unsubscribe" % mailing.id, body)
        self.assertNotIn("/talent/my-preferences", body)

    @users("talent_marketer")
    def test_marketer_sends(self):
        mailing = self._mailing(env=self.env)
        mailing.action_send_mail()
        traces = self.env["mailing.trace"].sudo().search([("mass_mailing_id", "=", mailing.id)])
        self.assertEqual(traces.mapped("res_id"), [self.anna.id])

    def test_multi_company(self):
        self.other_company.talent_require_consent = False
        other_pool = self.env["hr.talent.pool"].create({"name": "AT pool", "company_id": self.other_company.id})
        otto = self._create_talent(
            "Otto Other", company_id=self.other_company.id, talent_pool_ids=[Command.set(other_pool.ids)]
        )
        mailing = self._mailing(env=self.env(user=self.user_recruiter), talent_pool_ids=False)
        self.assertEqual(mailing._get_recipients(), [self.anna.id, self.sam.id], "other company's talents stay out")
        other_mailing = self._mailing(env=self.env(user=self.user_other_company), talent_pool_ids=False)
        self.assertEqual(other_mailing._get_recipients(), otto.ids)
        with self.assertRaisesRegex(AccessError, r"\(talent\.mailing\.held\)"):
            self.env["talent.mailing.held"].with_user(self.user_employee).search([])


@tagged("post_install", "-at_install", "talent_crm")
class TestCampaignEngagement(TalentCampaignCommon):
    def test_open_click_reply_bounce(self):
        mailing = self._mailing()
        mailing.action_send_mail()
        trace = self.env["mailing.trace"].search([("mass_mailing_id", "=", mailing.id)])
        trace.set_opened()
        opened = self.env["talent.touch"].search([("mailing_trace_id", "=", trace.id), ("engagement", "=", "open")])
        self.assertEqual(len(opened), 1)
        self.assertEqual(self.anna.partner_id.talent_last_engagement_date, opened.date)
        trace.set_clicked()
        trace.set_replied()
        engagements = self.env["talent.touch"].search(
            [("mailing_trace_id", "=", trace.id), ("direction", "=", "inbound")]
        ).mapped("engagement")
        self.assertEqual(sorted(engagements), ["click", "open", "reply"])
        self.anna.partner_id.talent_last_engagement_date = False
        trace.set_bounced()
        bounce = self.env["talent.touch"].search([("mailing_trace_id", "=", trace.id), ("engagement", "=", "bounce")])
        self.assertRecordValues(
            bounce, [{"partner_id": self.anna.partner_id.id, "direction": "inbound"}]
        )  # the bounce is in the history
        self.assertFalse(self.anna.partner_id.talent_last_engagement_date, "a bounce is no engagement")

    def test_partner_mailing_reply_lands_on_talent(self):
        mailing = self.env["mailing.mailing"].create(
            {
                "subject": "Partner news",
                "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                "mailing_domain": repr([("id", "=", self.anna.partner_id.id)]),
                "body_html": "<p>Hi</p>",
            }
        )
        mailing.action_send_mail()
        trace = self.env["mailing.trace"].search([("mass_mailing_id", "=", mailing.id)])
        self.assertEqual(trace.res_id, self.anna.partner_id.id)
        self.assertFalse(
            self.env["talent.touch"].search([("mailing_trace_id", "=", trace.id)]),
            "a plain partner mailing is no talent campaign: no outbound touch",
        )
        trace.set_replied()
        touch = self.env["talent.touch"].search([("mailing_trace_id", "=", trace.id)])
        self.assertEqual((touch.talent_id, touch.engagement), (self.anna, "reply"))
        self.assertIn("Replied to the mailing", self.anna.message_ids[0].body)


@tagged("post_install", "-at_install", "talent_crm")
class TestJobAlerts(TalentCampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.anna.write({"talent_role_family_id": cls.role_backend.id})
        cls.anna.partner_id.talent_topic_ids = [Command.set(cls.topic_alerts.ids)]
        cls.sales_family = cls.env["talent.role.family"].create({"name": "Sales (test)"})
        cls.sam.write({"talent_role_family_id": cls.sales_family.id})
        cls.sam.partner_id.talent_topic_ids = [Command.set(cls.topic_alerts.ids)]
        cls.dora.partner_id.talent_topic_ids = [Command.set(cls.topic_alerts.ids)]

    def _run_cron(self):
        """The job-alert cron through ir.cron, with the real _commit_progress (see test_job_alert_cron)."""
        with self.enter_registry_test_mode():
            self.env.ref("talent_crm.ir_cron_talent_job_alerts").method_direct_trigger()
        self.env.invalidate_all()

    def _open_job(self, **values):
        vals = {
            "name": "Python Backend Developer",
            "no_of_recruitment": 1,
            "talent_role_family_id": self.role_backend.id,
            "company_id": self.company.id,
            "user_id": self.user_recruiter.id,
        }
        vals.update(values)
        return self.env["hr.job"].create(vals)

    def test_candidates_and_review(self):
        job = self._open_job()
        self.assertTrue(job.talent_job_alert_pending)
        candidates = job._talent_job_alert_candidates()
        self.assertEqual([talent for talent, _score in candidates], [self.anna], "role family, do-not-contact")
        self._run_cron()
        alert = job.talent_job_alert_ids
        self.assertEqual((alert.partner_id, alert.state), (self.anna.partner_id, "to_review"))
        self.assertEqual(job.activity_ids.user_id, self.user_recruiter, "the recruiter is asked to review")
        self.assertFalse(self.env["mailing.trace"].search([("mass_mailing_id.talent_job_id", "=", job.id)]))
        alert.with_user(self.user_recruiter).action_approve()
        self._run_cron()
        self.assertEqual(alert.state, "sent")
        mail = self.env["mail.mail"].sudo().search([("mailing_id", "=", job.talent_job_alert_mailing_id.id)])
        self.assertIn("Python Backend Developer", mail.subject)
        body = mail._prepare_outgoing_list()[0]["body"]
        self.assertIn("/talent/jobs/%s/apply/" % job.id, body, "the personal apply link is in the alert")
        self.assertFalse(
            self.env["link.tracker"].search([("url", "like", "/talent/")]),
            "personal links (signed tokens) are never stored as link trackers",
        )
        self.assertFalse(alert.mailing_trace_id.links_click_datetime)
        self.anna._talent_job_alert_clicked(job)
        self.assertTrue(alert.mailing_trace_id.links_click_datetime, "opening the apply link counts as the click")
        click = self.env["talent.touch"].search(
            [("mailing_trace_id", "=", alert.mailing_trace_id.id), ("direction", "=", "inbound")]
        )
        self.assertEqual(click.mapped("engagement"), ["click"], "the click is in the person's engagement history")
        touch = self.env["talent.touch"].search(
            [("mailing_trace_id", "=", alert.mailing_trace_id.id), ("direction", "=", "outbound")]
        )
        self.assertEqual(touch.origin, "job_alert")
        # nobody gets the same job twice
        job.action_talent_prepare_job_alerts()
        self._run_cron()
        self.assertEqual(len(job.talent_job_alert_ids), 1)
        self.assertEqual(
            self.env["mailing.trace"].search_count([("mass_mailing_id", "=", job.talent_job_alert_mailing_id.id)]), 1
        )

    def test_automatic_mode_and_threshold(self):
        self.company.talent_job_alert_mode = "auto"
        self.company.talent_job_alert_min_score = 80
        other = self._create_talent("Nina Nofamily", talent_pool_ids=[Command.set(self.pool.ids)])
        other.partner_id.talent_topic_ids = [Command.set(self.topic_alerts.ids)]
        job = self._open_job()
        self._run_cron()
        self.assertEqual(job.talent_job_alert_ids.partner_id, self.anna.partner_id, "50/100 is below the threshold")
        self.assertEqual(job.talent_job_alert_ids.state, "sent", "automatic: no review")

    def test_matching_engine_plugged_in(self):
        """With the matching engine installed, alerts use its explainable score, not the built-in one."""
        job = self._open_job(no_of_recruitment=0)
        job.description = "<p>Python backend developer for our platform team</p>"
        talents = self.anna | self.sam
        engine = {r["talent"].id: r["score"] for r in job._talent_match_talents(limit=None, talent_ids=talents.ids)}
        self.assertIn(self.anna.id, engine)
        with patch.object(type(job), "_talent_job_alert_builtin_scores", side_effect=AssertionError("not used")):
            self.assertEqual(job._talent_job_alert_scores(talents), engine)
            self.company.talent_job_alert_min_score = int(engine[self.anna.id]) + 1
            self.assertEqual(job._talent_job_alert_candidates(), [], "the engine's score is below the threshold")
            self.company.talent_job_alert_min_score = int(engine[self.anna.id])
            self.assertEqual(job._talent_job_alert_candidates(), [(self.anna, engine[self.anna.id])])

    def test_job_opening_later_and_closed_job(self):
        job = self._open_job(no_of_recruitment=0)
        self.assertFalse(job.talent_job_alert_pending)
        job.no_of_recruitment = 2
        self.assertTrue(job.talent_job_alert_pending, "starts recruiting")
        self._run_cron()
        job.talent_job_alert_ids.action_approve()
        job.no_of_recruitment = 0
        self._run_cron()
        self.assertRecordValues(
            job.talent_job_alert_ids, [{"state": "cancelled", "cancel_reason": "The job is no longer open."}]
        )

    def test_cap_holds_alert(self):
        self.company.talent_job_alert_mode = "auto"
        self.anna.partner_id._talent_log_touch("Call", channel="call", company_id=self.company.id)
        job = self._open_job()
        self._run_cron()
        alert = job.talent_job_alert_ids
        self.assertEqual(alert.state, "queued")
        touch = self.env["talent.touch"].search([("partner_id", "=", self.anna.partner_id.id)])
        self.assertEqual(alert.next_date, touch.date + timedelta(days=self.company.talent_cap_passive_days))
        self.assertFalse(self.env["mailing.trace"].search([("mass_mailing_id.talent_job_id", "=", job.id)]))

    def test_archived_talent_alert_cancelled(self):
        job = self._open_job()
        self._run_cron()
        alert = job.talent_job_alert_ids
        self.anna.action_archive()
        alert.action_approve()
        self._run_cron()
        self.assertEqual((alert.state, alert.cancel_reason), ("cancelled", "The talent was archived."))

    def test_apply_from_alert(self):
        job = self._open_job()
        applications = self.anna._talent_job_alert_apply(job)
        self.assertEqual(applications.job_id, job)
        self.assertEqual(applications.pool_applicant_id, self.anna)

    def test_other_company_recruiter_sees_no_alert(self):
        job = self._open_job()
        self._run_cron()
        self.assertFalse(self.env["talent.job.alert"].with_user(self.user_other_company).search([]))
        self.assertEqual(
            self.env["talent.job.alert"].with_user(self.user_recruiter).search([]), job.talent_job_alert_ids
        )


@tagged("post_install", "-at_install", "talent_crm")
class TestCampaignCapsAgree(TalentCampaignCommon):
    def test_caps_agree_with_central_api(self):
        """The set-based caps of a mailing say what res.partner._talent_cap_next_allowed says."""
        self.company.write({"talent_cap_passive_days": 30, "talent_cap_warm_days": 7})
        now = fields.Datetime.now()
        warm = self._create_talent("Wanda Warm")
        job = self.env["hr.job"].create({"name": "Warm job (test)", "no_of_recruitment": 0})
        self.env["hr.applicant"].create(
            {"partner_id": warm.partner_id.id, "job_id": job.id, "pool_applicant_id": warm.id}
        )
        quarterly = self._create_talent("Quinn Quarterly")
        quarterly.partner_id.with_company(self.company).talent_contact_frequency = "quarterly"
        talents = self.anna | warm | quarterly | self.sam
        for talent, days_ago in ((self.anna, 10), (warm, 10), (quarterly, 60), (self.sam, 40)):
            talent.partner_id._talent_log_touch(
                "Call", channel="call", company_id=self.company.id, date=now - timedelta(days=days_ago)
            )
        mailing = self._mailing(
            talent_pool_ids=False, mailing_domain=repr([("id", "in", talents.ids)])
        )
        capped = mailing._talent_audience(now=now)["capped"]
        central = talents.partner_id._talent_cap_next_allowed(self.company, now)
        expected = {pid: moment for pid, moment in central.items() if moment > now}
        self.assertEqual({pid: moment for pid, (_tid, moment) in capped.items()}, expected)
        self.assertEqual(set(expected), {self.anna.partner_id.id, quarterly.partner_id.id})

    def test_caps_follow_edited_and_inbound_touches(self):
        """The audience looks up caps only for people touched lately: edited touch dates and
        counted inbound touches are not missed."""
        self.company.write({"talent_cap_passive_days": 30})
        now = fields.Datetime.now()
        touch = self.anna.partner_id._talent_log_touch(
            "Call", channel="call", company_id=self.company.id, date=now - timedelta(days=200)
        )
        mailing = self._mailing()
        self.assertNotIn(self.anna.partner_id.id, mailing._talent_audience(now=now)["capped"])
        touch.date = now - timedelta(days=2)
        self.assertIn(self.anna.partner_id.id, mailing._talent_audience(now=now)["capped"])
        inbound = self._create_talent("Ines Inbound")
        self.env["talent.touch"].create(
            {
                "partner_id": inbound.partner_id.id,
                "company_id": self.company.id,
                "direction": "inbound",
                "counts_toward_cap": True,
                "summary": "Met at a fair, counted by hand",
                "date": now - timedelta(days=1),
            }
        )
        self.assertIn(inbound.partner_id.id, mailing._talent_audience(now=now)["capped"])

    def test_caps_follow_deleted_and_backdated_touches(self):
        """The person's last counted touch kept on the partner is exact: deleting a touch or
        moving it back in time lifts the cap, and a newer touch elsewhere never hides it."""
        self.company.write({"talent_cap_passive_days": 30})
        now = fields.Datetime.now()
        partner = self.anna.partner_id
        older = partner._talent_log_touch(
            "Call", channel="call", company_id=self.company.id, date=now - timedelta(days=50)
        )
        newer = partner._talent_log_touch(
            "Call", channel="call", company_id=self.company.id, date=now - timedelta(days=3)
        )
        self.assertEqual(
            (partner.talent_cap_touch_date, partner.talent_cap_touch_company_id), (newer.date, self.company)
        )
        mailing = self._mailing()
        self.assertIn(partner.id, mailing._talent_audience(now=now)["capped"])
        newer.unlink()
        self.assertEqual(partner.talent_cap_touch_date, older.date, "back to the remaining touch")
        self.assertNotIn(partner.id, mailing._talent_audience(now=now)["capped"])
        older.date = now - timedelta(days=5)
        self.assertIn(partner.id, mailing._talent_audience(now=now)["capped"])
        older.counts_toward_cap = False
        self.assertFalse(partner.talent_cap_touch_date)
        self.assertEqual(mailing._talent_audience(now=now)["recipient_ids"], [self.anna.id])

    def test_contacts_merge_moves_the_last_counted_touch(self):
        """Odoo's contact merge moves the touches in SQL: the remaining contact's dates follow."""
        now = fields.Datetime.now()
        kept, merged = self.env["res.partner"].create(
            [{"name": "Mona Merge", "email": "mona@example.com"}, {"name": "Mona M.", "email": "mona@example.com"}]
        )
        own = kept._talent_log_touch(
            "Call", channel="call", company_id=self.company.id, date=now - timedelta(days=60)
        )
        touch = merged._talent_log_touch(
            "Call", channel="call", company_id=self.company.id, date=now - timedelta(days=2)
        )
        self.assertEqual(kept.talent_cap_touch_date, own.date)
        self.env["base.partner.merge.automatic.wizard"]._merge((kept | merged).ids, dst_partner=kept)
        self.env.invalidate_all()
        self.assertEqual(touch.partner_id, kept)
        self.assertEqual((kept.talent_cap_touch_date, kept.talent_cap_touch_company_id), (touch.date, self.company))
        self.assertEqual(kept.talent_last_touch_date, touch.date)

    def test_caps_per_company_with_touches_of_another_company(self):
        """A newer touch of another company neither caps this company's mailing nor hides this
        company's own older touch."""
        self.company.write({"talent_cap_passive_days": 30})
        other = self.env["res.company"].create({"name": "Other Company (caps test)"})
        now = fields.Datetime.now()
        partner = self.anna.partner_id
        partner._talent_log_touch(
            "Call", channel="call", company_id=other.id, date=now - timedelta(days=1)
        )
        self.assertEqual(partner.talent_cap_touch_company_id, other)
        mailing = self._mailing()
        recipients = mailing._talent_audience(now=now)["recipient_ids"]
        self.assertEqual(recipients, [self.anna.id], "another company's touch")
        own = partner._talent_log_touch(
            "Call", channel="call", company_id=self.company.id, date=now - timedelta(days=4)
        )
        self.assertEqual(partner.talent_cap_touch_company_id, other, "the other company's touch is still newer")
        capped = mailing._talent_audience(now=now)["capped"]
        self.assertEqual(capped[partner.id], (self.anna.id, own.date + timedelta(days=30)))
