# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Campaigns follow their company's consent and caps whoever sends them, and lock the people
they reach as nurture does."""

from unittest.mock import patch

from odoo import Command, fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import TalentCampaignCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestCampaignCompanyAndLock(TalentCampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company.write({"email": "jobs@other.example.com", "talent_require_consent": True})
        cls.pool_b = cls.env["hr.talent.pool"].create({"name": "B pool (lock)", "company_id": cls.other_company.id})
        # a person known to both companies, who gave consent to company A only
        cls.bea = cls._create_talent(
            "Bea Both", company_id=cls.other_company.id, talent_pool_ids=[Command.set(cls.pool_b.ids)]
        )
        cls.env["talent.consent"].create(
            {
                "partner_id": cls.bea.partner_id.id,
                "company_id": cls.company.id,
                "purpose": "communication",
                "legal_basis": "consent",
                "source": "recruiter",
            }
        )

    def _run_mailing_cron(self):
        """The mailing scheduler, as its cron runs it: superuser, main company."""
        self.assertEqual(self.env.company, self.company)
        with self._patch_commit_progress():
            self.env["mailing.mailing"]._process_mass_mailing_queue()

    def test_cron_checks_consent_of_the_mailings_company(self):
        mailing = self._mailing(
            env=self.env(user=self.user_other_company),
            talent_pool_ids=[Command.set(self.pool_b.ids)],
        )
        self.assertEqual(mailing.talent_company_id, self.other_company)
        mailing.action_put_in_queue()
        self._run_mailing_cron()
        self.assertEqual(mailing.state, "done")
        self.assertFalse(
            mailing.mailing_trace_ids.filtered(lambda t: t.res_id == self.bea.id and t.trace_status != "cancel"),
            "company B's mailing needs company B's consent, even when the scheduler of company A sends it",
        )

    def test_mailing_of_company_a_never_reaches_company_b_talents(self):
        mailing = self._mailing(talent_pool_ids=False, mailing_domain="[]")
        self.assertEqual(mailing.talent_company_id, self.company)
        self.assertNotIn(self.bea.id, mailing._get_recipients())
        self.assertIn(self.anna.id, mailing._get_recipients())

    def test_touches_count_for_the_mailings_company(self):
        self.other_company.talent_require_consent = False
        mailing = self._mailing(talent_pool_ids=[Command.set(self.pool_b.ids)])
        mailing.talent_company_id = self.other_company
        mailing.action_put_in_queue()
        self._run_mailing_cron()
        touch = self.env["talent.touch"].search(
            [("partner_id", "=", self.bea.partner_id.id), ("origin", "=", "campaign")]
        )
        self.assertEqual(touch.company_id, self.other_company)
        self.assertTrue(touch.counts_toward_cap)

    def test_send_locks_the_people_and_reads_their_caps_again(self):
        """A nurture touch committed after the audience was computed (another worker, between
        two batches) holds the person back: the campaign locks and reads the cap at send time."""
        self.company.talent_cap_passive_days = 30
        mailing = self._mailing()
        Mailing = type(mailing)
        original = Mailing._talent_audience
        locked = []

        def audience_then_nurture_touch(record, *args, **kwargs):
            result = original(record, *args, **kwargs)
            # a nurture step reaches Anna right after the audience was read
            self.anna.partner_id._talent_log_touch(
                "Nurture email", channel="email", company_id=self.company.id, date=fields.Datetime.now()
            )
            return result

        cr_execute = type(self.env.cr).execute

        def spy_execute(cr, query, *args, **kwargs):
            if "FOR NO KEY UPDATE" in str(query) and "res_partner" in str(query):
                locked.append(str(query))
            return cr_execute(cr, query, *args, **kwargs)

        with patch.object(Mailing, "_talent_audience", audience_then_nurture_touch), patch.object(
            type(self.env.cr), "execute", spy_execute
        ):
            mailing.action_send_mail()
        trace = mailing.mailing_trace_ids.filtered(lambda t: t.res_id == self.anna.id)
        self.assertEqual(trace.trace_status, "cancel", "held back at send time")
        self.assertEqual(trace.failure_type, "talent_capped")
        self.assertTrue(locked, "the people were locked before their caps were read")
        self.assertIn(self.anna.partner_id, mailing.talent_held_ids.partner_id)
        campaign_touches = self.env["talent.touch"].search(
            [("partner_id", "=", self.anna.partner_id.id), ("origin", "=", "campaign")]
        )
        self.assertFalse(campaign_touches, "no second counted touch inside the cap")
        mails = self.env["mail.mail"].sudo().search(
            [("mailing_id", "=", mailing.id), ("res_id", "=", self.anna.id), ("state", "!=", "cancel")]
        )
        self.assertFalse(mails, "nothing leaves for Anna")

    def test_send_waits_for_a_person_locked_elsewhere(self):
        """While another transaction holds a person (a nurture batch), the campaign does not
        read their cap: its lock is the same row lock nurture takes (no SKIP LOCKED)."""
        mailing = self._mailing()
        statements = []
        cr_execute = type(self.env.cr).execute

        def spy_execute(cr, query, *args, **kwargs):
            statements.append(str(query))
            return cr_execute(cr, query, *args, **kwargs)

        with patch.object(type(self.env.cr), "execute", spy_execute):
            mailing.action_send_mail()
        lock = [q for q in statements if "FOR NO KEY UPDATE" in q and "res_partner" in q]
        self.assertTrue(lock)
        self.assertNotIn("SKIP LOCKED", lock[0], "a campaign waits: it must reach everyone or be retried")
        first_lock = statements.index(lock[0])
        cap_reads = [i for i, q in enumerate(statements) if "talent_touch" in q and "SELECT" in q]
        self.assertTrue(cap_reads)
        self.assertGreater(cap_reads[-1], first_lock, "caps are read again once the people are locked")
        self.assertTrue(mailing.mailing_trace_ids)

    def test_held_back_list_belongs_to_the_mailings_company(self):
        self.other_company.talent_require_consent = False
        self.other_company.talent_cap_passive_days = 30
        # a talent shared by every company (no company of its own)
        cara = self._create_talent("Cara Companyless", company_id=False, talent_pool_ids=[Command.set(self.pool_b.ids)])
        cara.partner_id._talent_log_touch(
            "Call", channel="call", company_id=self.other_company.id, date=fields.Datetime.now()
        )
        mailing = self._mailing(talent_pool_ids=[Command.set(self.pool_b.ids)])
        mailing.talent_company_id = self.other_company
        mailing.action_talent_check_audience()
        self.assertEqual(mailing.talent_held_ids.partner_id, cara.partner_id)
        self.assertEqual(mailing.talent_held_ids.company_id, self.other_company)
        # the recruiter of company A does not see company B's held-back people
        self.assertFalse(
            self.env["talent.mailing.held"].with_user(self.user_recruiter).search([("mailing_id", "=", mailing.id)])
        )

    def test_nobody_mails_another_companys_talents(self):
        """The scheduler sends as superuser: a recruiter of company A cannot queue a mailing of B."""
        with self.assertRaises(ValidationError):
            self._mailing(env=self.env(user=self.user_marketer), talent_company_id=self.other_company.id)
        mailing = self._mailing(env=self.env(user=self.user_marketer))
        with self.assertRaises(ValidationError):
            mailing.talent_company_id = self.other_company
