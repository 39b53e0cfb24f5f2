# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from odoo import Command
from odoo.tests import tagged, users, warmup
from odoo.tools import SQL

from .common import TalentNurtureCommon

AGGREGATES = [
    "sent_count:sum",
    "opened_count:sum",
    "clicked_count:sum",
    "replied_count:sum",
    "bounced_count:sum",
    "unsubscribed_count:sum",
    "opened_rate:avg",
    "clicked_rate:avg",
    "replied_rate:avg",
    "bounced_rate:avg",
    "unsubscribed_rate:avg",
]
REPORT_MODELS = [
    ("talent.engagement.report", ["date:month"]),
    ("talent.engagement.pool.report", ["pool_id"]),
    ("talent.source.report", ["source_id"]),
    ("talent.hire.report", ["origin"]),
    ("talent.pool.health.report", ["is_stale"]),
    ("talent.lead.funnel.report", ["state"]),
]


@tagged("post_install", "-at_install", "talent_crm")
class TestReportEngagement(TalentNurtureCommon):
    """Engagement from nurture emails (sent by the scheduler) and a pool mailing.

    Nurture "Welcome" email to Tina, Tom, Tara and Theo: Tina opens and clicks, Tom replies,
    Tara's bounces, Theo unsubscribes (his address is blacklisted after the email).
    Pool mailing on 2026-01-15: Tina opens, Tom receives it; Theo receives it as a contact
    (a trace on res.partner, linked to his talent by the outbound touch); Tara's was cancelled
    and Theo's test send does not count. Tina is also in a second pool.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pool_2 = cls.env["hr.talent.pool"].create({"name": "Engagement pool 2", "company_id": cls.company.id})
        cls.tina = cls._create_nurture_talent(
            "Tina Engage", talent_pool_ids=[Command.set((cls.pool | cls.pool_2).ids)]
        )
        cls.tom = cls._create_nurture_talent("Tom Engage")
        cls.tara = cls._create_nurture_talent("Tara Engage")
        cls.theo = cls._create_nurture_talent("Theo Engage")
        cls.talents = cls.tina | cls.tom | cls.tara | cls.theo
        enrollments = cls.talents._talent_enroll(cls.sequence)
        with cls._patch_commit_progress():
            cls.env["talent.sequence.enrollment"]._talent_process_due()
        executions = cls.env["talent.sequence.execution"].sudo().search([("enrollment_id", "in", enrollments.ids)])
        trace_of = {execution.talent_id: execution.mailing_trace_id for execution in executions}
        cls.seq_traces = executions.mailing_trace_id
        cls.seq_traces.set_sent()
        trace_of[cls.tina].set_opened()
        trace_of[cls.tina].set_clicked()
        trace_of[cls.tom].set_replied()
        trace_of[cls.tara].set_bounced()
        cls.theo_seq_trace = trace_of[cls.theo]
        cls.env["mail.blacklist"].sudo()._add(cls.theo.email_normalized)
        cls.env.flush_all()
        cls.env.cr.execute(
            SQL(
                "UPDATE mail_blacklist SET create_date = %s WHERE email = %s",
                cls.theo_seq_trace.sent_datetime + timedelta(hours=1),
                cls.theo.email_normalized,
            )
        )

        cls.campaign = cls.env["utm.campaign"].create({"name": "Engagement campaign (test)"})
        cls.mailing = cls.env["mailing.mailing"].create(
            {
                "subject": "Pool news",
                "body_html": "<p>News</p>",
                "mailing_model_id": cls.env["ir.model"]._get_id("hr.applicant"),
                "campaign_id": cls.campaign.id,
            }
        )
        cls.mailing_empty = cls.env["mailing.mailing"].create(
            {
                "subject": "Nothing sent",
                "body_html": "<p>-</p>",
                "mailing_model_id": cls.env["ir.model"]._get_id("hr.applicant"),
            }
        )
        sent = datetime(2026, 1, 15, 9, 0)
        outsider = cls.env["hr.applicant"].create(
            {
                "partner_name": "Olaf Outsider",
                "email_from": "olaf.outsider@example.com",
                "job_id": cls.env["hr.job"].create({"name": "Engagement job"}).id,
            }
        )
        Trace = cls.env["mailing.trace"]
        theo_partner = cls.theo.partner_id.id
        cls.mail_traces = Trace.create(
            [
                cls._trace_vals(cls.tina, sent, trace_status="open", open_datetime=sent + timedelta(hours=2)),
                cls._trace_vals(cls.tom, sent, trace_status="sent"),
                cls._trace_vals(cls.tara, sent, trace_status="cancel", sent_datetime=False, failure_type="mail_bl"),
                cls._trace_vals(cls.theo, sent, trace_status="sent", is_test_trace=True),
                cls._trace_vals(outsider, sent, trace_status="sent"),
                cls._trace_vals(cls.theo, sent, trace_status="sent", model="res.partner", res_id=theo_partner),
                cls._trace_vals(cls.theo, sent, trace_status="sent", model="res.partner", res_id=theo_partner),
            ]
        )
        cls.theo_partner_trace = cls.mail_traces[5]
        cls.env["talent.touch"].create(
            {
                "partner_id": cls.theo.partner_id.id,
                "talent_id": cls.theo.id,
                "company_id": cls.company.id,
                "date": sent,
                "summary": "Pool news",
                "origin": "campaign",
                "mailing_trace_id": cls.theo_partner_trace.id,
            }
        )
        # another company's talent and message
        cls.pool_other = cls.env["hr.talent.pool"].create(
            {"name": "Engagement other", "company_id": cls.other_company.id}
        )
        cls.olga = cls._create_talent(
            "Olga Engage", company_id=cls.other_company.id, talent_pool_ids=[Command.set(cls.pool_other.ids)]
        )
        Trace.create(cls._trace_vals(cls.olga, sent, trace_status="reply", reply_datetime=sent))
        cls.env.flush_all()

    @classmethod
    def _trace_vals(cls, talent, sent, **values):
        vals = {
            "trace_type": "mail",
            "model": "hr.applicant",
            "res_id": talent.id,
            "mass_mailing_id": cls.mailing.id,
            "email": talent.email_normalized,
            "sent_datetime": sent,
        }
        vals.update(values)
        return vals

    def _engagement(self, groupby, domain=None, model="talent.engagement.report"):
        return self._figures(model, [("talent_id", "in", self.talents.ids)] + (domain or []), groupby, AGGREGATES)

    def test_by_origin(self):
        figures = self._engagement(["origin"])
        # sent, opened, clicked, replied, bounced, unsubscribed, then the same as rates
        self.assertEqual(figures[("sequence",)], (4, 2, 1, 1, 1, 1, 50.0, 25.0, 25.0, 25.0, 25.0))
        self.assertEqual(figures[("mailing",)], (3, 1, 0, 0, 0, 0, 33.33, 0.0, 0.0, 0.0, 0.0))

    def test_by_sequence_step_mailing_campaign(self):
        by_step = self._engagement(["sequence_id", "step_id"], [("origin", "=", "sequence")])
        self.assertEqual(list(by_step), [(self.sequence.id, self.step_email.id)])
        self.assertEqual(by_step[(self.sequence.id, self.step_email.id)][:6], (4, 2, 1, 1, 1, 1))
        by_mailing = self._engagement(["mailing_id", "campaign_id"], [("origin", "=", "mailing")])
        self.assertEqual(
            by_mailing, {(self.mailing.id, self.campaign.id): (3, 1, 0, 0, 0, 0, 33.33, 0.0, 0.0, 0.0, 0.0)}
        )
        self.assertFalse(self._engagement(["mailing_id"], [("mailing_id", "=", self.mailing_empty.id)]))

    def test_by_month(self):
        figures = self._engagement(["date:month"])
        january = figures.pop((datetime(2026, 1, 1).date(),), None) or figures.pop((datetime(2026, 1, 1),), None)
        self.assertEqual(january[:2], (3, 1))
        [(this_month, values)] = figures.items()
        self.assertEqual(values[:6], (4, 2, 1, 1, 1, 1))

    def test_by_pool(self):
        figures = self._engagement(["pool_id"], model="talent.engagement.pool.report")
        self.assertEqual(figures[(self.pool.id,)][:6], (7, 3, 1, 1, 1, 1))
        self.assertEqual(figures[(self.pool_2.id,)], (2, 2, 1, 0, 0, 0, 100.0, 50.0, 0.0, 0.0, 0.0), "Tina only")

    def test_single_message_and_live_update(self):
        domain = [("mailing_trace_id", "=", self.theo_seq_trace.id)]
        self.assertEqual(self._engagement([], domain)[()], (1, 0, 0, 0, 0, 1, 0.0, 0.0, 0.0, 0.0, 100.0))
        self.theo_seq_trace.set_replied()
        self.env.flush_all()
        self.assertEqual(self._engagement([], domain)[()][:6], (1, 1, 0, 1, 0, 1))

    def test_unsubscribe_goes_to_the_last_message_before(self):
        """The partner trace of January came before the nurture email: that one carries the unsubscribe."""
        rows = self.env["talent.engagement.report"].search([("talent_id", "=", self.theo.id)])
        self.assertEqual(
            {row.mailing_trace_id: row.unsubscribed_count for row in rows},
            {self.theo_seq_trace: 1, self.theo_partner_trace: 0},
            "the test send and the partner trace without a touch are not counted",
        )

    @users("talent_manager")
    def test_manager_sees_own_company(self):
        rows = self.env["talent.engagement.report"].search([("talent_id", "in", (self.talents | self.olga).ids)])
        self.assertEqual(rows.talent_id, self.talents)
        self.assertFalse(self.env["talent.engagement.pool.report"].search([("pool_id", "=", self.pool_other.id)]))

    @users("talent_other_recruiter")
    def test_other_company_sees_its_message(self):
        figures = self._figures(
            "talent.engagement.report", [("talent_id", "in", (self.talents | self.olga).ids)], [], AGGREGATES
        )
        self.assertEqual(figures[()][:6], (1, 1, 0, 1, 0, 0))

    @users("talent_manager")
    @warmup
    def test_report_read_group_query_count(self):
        """Each dashboard's main read_group is one SQL query (plus the record-rule lookups)."""
        for model, groupby in REPORT_MODELS:
            with self.assertQueryCount(talent_manager=1):
                self.env[model]._read_group([], groupby, ["__count"])
