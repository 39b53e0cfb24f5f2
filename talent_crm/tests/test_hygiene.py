# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import TalentCrmCommon

BOUNCE = """From: MAILER-DAEMON@mail.example.com (Mail Delivery System)
To: catchall@example.com
Subject: Undelivered Mail Returned to Sender
Message-Id: <{message_id}@mail.example.com>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY"

--BOUNDARY
Content-Type: text/plain; charset=us-ascii

Your message could not be delivered.

--BOUNDARY
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.example.com

Final-Recipient: rfc822; {email}
Action: {action}
Status: {status}

--BOUNDARY--
"""


@tagged("post_install", "-at_install", "talent_crm")
class TestTalentBounce(TalentCrmCommon):
    def _receive_bounce(self, email, status="5.1.1", action="failed"):
        message = BOUNCE.format(email=email, status=status, action=action, message_id="b-%s-%s" % (email, status))
        self.env["mail.thread"].message_process(False, message)

    def test_hard_bounce_flags_the_talent(self):
        talent = self._create_talent("Bruno Bounce")
        application = self.env["hr.applicant"].create(
            {"partner_name": "Bruno Bounce", "email_from": "bruno.bounce@example.com"}
        )
        other = self._create_talent("Olivia Okay")
        with patch.object(
            type(self.env["hr.applicant"]),
            "_talent_on_hard_bounce",
            autospec=True,
            side_effect=type(self.env["hr.applicant"])._talent_on_hard_bounce,
        ) as hook:
            self._receive_bounce("bruno.bounce@example.com")
        self.assertEqual(hook.call_count, 1, "the hook other features extend is called once")
        self.assertEqual(hook.call_args.args[0], talent, "on the talents of the address, not on applications")
        self.assertTrue(talent.talent_email_bounced)
        self.assertTrue(application.talent_email_bounced, "the person's flag shows on every application")
        self.assertFalse(other.talent_email_bounced)
        self.assertEqual(talent.partner_id.talent_bounced_email, "bruno.bounce@example.com")
        self.assertTrue(talent.partner_id.talent_email_bounce_date)
        self.assertIn(talent, self.env["hr.applicant"].search([("talent_email_bounced", "=", True)]))
        self.assertIn("bounced permanently", talent.message_ids[0].body)
        blockers = (talent | other).partner_id._talent_contact_blockers("email")
        self.assertIn("bounced", blockers[talent.partner_id.id])
        self.assertNotIn("bounced", blockers.get(other.partner_id.id, []))
        self.assertNotIn(
            "bounced", talent.partner_id._talent_contact_blockers("sms").get(talent.partner_id.id, []),
            "a bounced email does not block SMS",
        )
        self.assertEqual(talent.partner_id._talent_blocker_labels()["bounced"], "Email address bounced")

    def test_soft_bounce_is_ignored(self):
        talent = self._create_talent("Sara Soft")
        self._receive_bounce("sara.soft@example.com", status="4.2.2", action="delayed")
        self.assertFalse(talent.talent_email_bounced, "a full mailbox is not a dead address")
        self.assertGreaterEqual(talent.partner_id.message_bounce, 1, "Odoo still counts the bounce")

    def test_new_address_or_reply_clears_the_flag(self):
        talent = self._create_talent("Ned New")
        self._receive_bounce("ned.new@example.com")
        self.assertTrue(talent.talent_email_bounced)
        talent.email_from = "ned@new-employer.example.com"
        self.assertFalse(talent.talent_email_bounced, "the flag belongs to the old address")
        talent.email_from = "ned.new@example.com"
        self.assertTrue(talent.talent_email_bounced, "the old address still bounces")
        talent.partner_id._message_reset_bounce("ned.new@example.com")
        self.assertFalse(talent.talent_email_bounced, "a reply from the address proves it works")
        self.assertFalse(talent.partner_id.talent_bounced_email)


@tagged("post_install", "-at_install", "talent_crm")
class TestTalentStale(TalentCrmCommon):
    def test_stale_flag_follows_updates_and_engagement(self):
        self.company.talent_stale_months = 12
        Applicant = self.env["hr.applicant"]
        with freeze_time("2025-01-10 09:00:00"):
            talent = self._create_talent("Stella Stale")
            fresh = self._create_talent("Fred Fresh")
            application = Applicant.create({"partner_name": "Only Applied", "email_from": "oa@example.com"})
            self.assertEqual(talent.talent_profile_date, datetime(2025, 1, 10, 9, 0))
            self.assertFalse(talent.talent_is_stale)
        with freeze_time("2025-12-01"):
            fresh.talent_current_title = "Data Engineer"
            self.assertEqual(fresh.talent_profile_date, datetime(2025, 12, 1))
            Applicant._cron_talent_flag_stale()
            self.assertFalse(talent.talent_is_stale, "not a year yet")
        with freeze_time("2026-02-01"):
            self.assertGreaterEqual(Applicant._cron_talent_flag_stale(), 1)
            self.assertTrue(talent.talent_is_stale)
            self.assertFalse(fresh.talent_is_stale, "updated in December")
            self.assertFalse(application.talent_is_stale, "applications are not talents")
            self.assertEqual(
                Applicant.search([("talent_is_stale", "=", True), ("id", "in", (talent | fresh).ids)]), talent
            )
            self.assertEqual(Applicant._cron_talent_flag_stale(), 0, "idempotent")
            # the person engages: fresh again at once
            talent.partner_id._talent_log_touch("Replied to the newsletter", direction="inbound", engagement="reply")
            self.assertFalse(talent.talent_is_stale)
            Applicant._cron_talent_flag_stale()
            self.assertFalse(talent.talent_is_stale)
        with freeze_time("2027-03-01"):
            Applicant._cron_talent_flag_stale()
            self.assertTrue(talent.talent_is_stale)
            self.assertTrue(fresh.talent_is_stale)
            talent.write({"talent_city": "Leipzig"})
            self.assertFalse(talent.talent_is_stale, "a profile update is fresh")
            talent.write({"priority": "2"})
            self.assertEqual(talent.talent_profile_date, datetime(2027, 3, 1), "a rating is not a profile update")
            # a company that turns the check off
            self.company.talent_stale_months = 0
            Applicant._cron_talent_flag_stale()
            self.assertFalse(fresh.talent_is_stale)

    def test_stale_months_per_company(self):
        self.company.talent_stale_months = 6
        with freeze_time("2025-01-10"):
            talent = self._create_talent("Petra Period")
        with freeze_time("2025-08-01"):
            self.env["hr.applicant"]._cron_talent_flag_stale()
            self.assertTrue(talent.talent_is_stale)
            self.company.talent_stale_months = 12
            self.env["hr.applicant"]._cron_talent_flag_stale()
            self.assertFalse(talent.talent_is_stale)


@tagged("post_install", "-at_install", "talent_crm")
class TestTalentHygieneReview(TalentCrmCommon):
    def test_one_activity_per_pool_owner(self):
        self.company.talent_stale_months = 12
        owner_pools = self.env["hr.talent.pool"].create(
            [
                {"name": "Backend (hygiene)", "pool_manager": self.user_manager.id},
                {"name": "Frontend (hygiene)", "pool_manager": self.user_manager.id},
                {"name": "Clean pool (hygiene)", "pool_manager": self.user_manager.id},
                {"name": "Sales (hygiene)", "pool_manager": self.user_recruiter.id},
            ]
        )
        backend, frontend, clean, sales = owner_pools
        with freeze_time("2024-01-01"):
            stale = self._create_talent("Old Profile", talent_pool_ids=[Command.set(backend.ids)])
        self._create_talent("Fresh Clean", talent_pool_ids=[Command.set(clean.ids)])
        bounced = self._create_talent("Bounced Frontend", talent_pool_ids=[Command.set(frontend.ids)])
        self.env["res.partner"]._talent_register_hard_bounce(bounced.email_from)
        twin_a = self._create_talent(
            "Sam Sales", email_from="sam@example.com", talent_pool_ids=[Command.set(sales.ids)]
        )
        self._create_talent("Samuel Sales", email_from="sam@example.com", talent_pool_ids=[Command.set(sales.ids)])
        Pool = self.env["hr.talent.pool"]
        self.env["hr.applicant"]._cron_talent_flag_stale()
        self.env["talent.duplicate"]._cron_refresh_duplicates()
        self.assertTrue(stale.talent_is_stale)
        self.assertEqual(
            (backend.talent_stale_count, frontend.talent_bounced_count, sales.talent_duplicate_count), (1, 1, 2)
        )
        action = backend.with_context(talent_hygiene="stale").action_talent_open_hygiene()
        self.assertEqual(self.env["hr.applicant"].search(action["domain"]), stale)

        Pool._cron_talent_hygiene_review()
        activity_type = self.env.ref("talent_crm.mail_activity_type_talent_hygiene")
        activities = self.env["mail.activity"].search([("activity_type_id", "=", activity_type.id)])
        manager_activity = activities.filtered(lambda a: a.user_id == self.user_manager)
        recruiter_activity = activities.filtered(lambda a: a.user_id == self.user_recruiter)
        self.assertEqual(len(manager_activity), 1, "one activity per owner, not per pool or talent")
        self.assertEqual(len(recruiter_activity), 1)
        self.assertEqual(manager_activity.res_model, "hr.talent.pool")
        self.assertIn("Backend (hygiene)", manager_activity.note)
        self.assertIn("Frontend (hygiene)", manager_activity.note)
        self.assertNotIn("Clean pool", manager_activity.note)
        self.assertIn("Sales (hygiene)", recruiter_activity.note)

        # next quarter: updated, not duplicated; an owner with nothing left to do has no activity
        candidate = self.env["talent.duplicate"].search([("talent_id", "=", twin_a.id)])
        candidate.with_user(self.user_manager).action_dismiss()
        Pool._cron_talent_hygiene_review()
        activities = self.env["mail.activity"].search([("activity_type_id", "=", activity_type.id)])
        self.assertEqual(activities.filtered(lambda a: a.user_id == self.user_manager), manager_activity)
        self.assertFalse(activities.filtered(lambda a: a.user_id == self.user_recruiter))
