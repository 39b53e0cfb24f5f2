# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Talents as an Email Marketing audience: found as "Talents" in Recipients, counted as people."""

from odoo import Command
from odoo.tests import tagged, users

from .common import TalentCampaignCommon

RECIPIENTS_CONTEXT = {"talent_crm_mailing_recipients": True}


@tagged("post_install", "-at_install", "talent_crm")
class TestCampaignTalentAudience(TalentCampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.applicant_model = cls.env["ir.model"]._get("hr.applicant")
        cls.eva = cls._create_talent("Eva Reachable", talent_topic_ids=[Command.set(cls.topic_news.ids)])
        cls.anna.partner_id.talent_topic_ids = [Command.set(cls.topic_news.ids)]
        cls.anna_twin = cls._create_talent("Anna Twin", partner_id=cls.anna.partner_id.id)
        cls.carl = cls._create_talent("Carl Capped")
        cls.company.talent_cap_passive_days = 30
        cls.carl.partner_id._talent_log_touch("Call", channel="call", company_id=cls.company.id)
        # applications (not talents) of the same people: Odoo's applicant audience counts them
        job = cls.env["hr.job"].create({"name": "Backend Engineer (audience test)"})
        cls.application = cls.env["hr.applicant"].create({"partner_id": cls.eva.partner_id.id, "job_id": job.id})

    def _recipients_search(self, text, env=None):
        IrModel = (env or self.env)["ir.model"]
        return [model_id for model_id, _name in IrModel.name_search(text, [("is_mailing_enabled", "=", True)])]

    @users("talent_marketer")
    def test_talents_found_in_recipients(self):
        in_mailing = self.env(context=dict(self.env.context, **RECIPIENTS_CONTEXT))
        self.assertIn(self.applicant_model.id, self._recipients_search("Talent", in_mailing))
        self.assertIn(self.applicant_model.id, self._recipients_search("talents", in_mailing))
        self.assertIn(self.applicant_model.id, self._recipients_search("Applicant", in_mailing))
        self.assertEqual(
            in_mailing["ir.model"].browse(self.applicant_model.id).display_name, "Talents (Applicant)"
        )
        # elsewhere, nothing changes
        self.assertNotIn(self.applicant_model.id, self._recipients_search("Talent"))
        self.assertEqual(self.env["ir.model"].browse(self.applicant_model.id).display_name, "Applicant")

    def test_marketer_without_talent_rights_sees_odoo_recipients(self):
        self.user_marketer.group_ids = [Command.unlink(self.env.ref("talent_crm.group_talent_crm_user").id)]
        self.user_marketer.group_ids = [Command.unlink(self.env.ref("talent_crm.group_talent_crm_manager").id)]
        self.assertFalse(self.user_marketer.has_group("talent_crm.group_talent_crm_user"))
        env = self.env(user=self.user_marketer, context=RECIPIENTS_CONTEXT)
        self.assertNotIn(self.applicant_model.id, self._recipients_search("Talent", env))
        self.assertEqual(env["ir.model"].browse(self.applicant_model.id).display_name, "Applicant")

    @users("talent_marketer")
    def test_counter_counts_people_like_check_audience(self):
        mailing = self._mailing(talent_topic_ids=[Command.set(self.topic_news.ids)])
        values = {
            "mailing_domain": "[]",
            "mailing_type": "mail",
            "talent_pool_ids": self.pool.ids,
            "talent_topic_ids": self.topic_news.ids,
            "talent_company_id": self.company.id,
        }
        preview = self.env["mailing.mailing"].talent_preview_audience(values, with_ids=True)
        self.assertEqual(preview, {"count": 2, "held": 0, "ids": sorted([self.anna.id, self.eva.id])})
        notification = mailing.action_talent_check_audience()
        self.assertIn("2 people receive this mailing now", notification["params"]["message"])
        self.assertEqual(mailing.total, 2)
        self.assertEqual(mailing._get_recipients(), preview["ids"])
        # without topics: Carl is capped, Bert and Dora blocked, Anna's twin is the same person
        values["talent_topic_ids"] = []
        preview = self.env["mailing.mailing"].talent_preview_audience(values)
        self.assertEqual(preview, {"count": 2, "held": 1})
        mailing.talent_topic_ids = False
        mailing.invalidate_recordset(["total"])
        self.assertEqual(mailing.total, 2)
        self.assertEqual(len(mailing._talent_audience()["recipient_ids"]), 2)
        # what Odoo's domain counter would count: every applicant of the domain
        self.assertGreater(self.env["hr.applicant"].search_count([]), 2)

    @users("talent_marketer")
    def test_odoo_applicant_mailing_unchanged(self):
        mailing = self._mailing(talent_pool_ids=False)
        mailing.talent_audience = False
        domain = [("partner_id", "=", self.eva.partner_id.id)]
        mailing.mailing_domain = repr(domain)
        applicants = self.env["hr.applicant"].search(domain)
        mailing.invalidate_recordset(["total"])
        self.assertIn(self.application, applicants)
        self.assertEqual(mailing.total, len(applicants), "every applicant of the domain, as in Odoo")
        self.assertEqual(sorted(mailing._get_recipients()), sorted(applicants.ids))
