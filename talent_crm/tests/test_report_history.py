# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import tagged

from .common import TalentCrmCommon

# Each report, with its date field: each must show data in at least 6 of the last 18 months
REPORTS = [
    ("talent.pool.growth.report", "date"),
    ("talent.engagement.report", "date"),
    ("talent.hire.report", "date"),
    ("talent.lead.funnel.report", "date"),
    ("talent.source.report", "date"),
    # pool health is one row per pool: its history are the touches it is computed from
    ("talent.touch", "date"),
]


@tagged("post_install", "-at_install", "talent_crm")
class TestReportHistory(TalentCrmCommon):
    """The demo history is spread over the last 18 months, so that every report shows a trend."""

    def _months(self, model, date_field, domain=()):
        since = fields.Datetime.now() - relativedelta(months=18)
        groups = self.env[model].sudo()._read_group(
            [(date_field, ">=", since), *domain], ["%s:month" % date_field], ["__count"]
        )
        return {month for month, count in groups if count}

    def test_spread_history(self):
        """The spreading, on talents of the test: captured over 18 months, their history after."""
        pool = self.env["hr.talent.pool"].create({"name": "History (test)"})
        talents = self.env["hr.applicant"]
        for index in range(12):
            talents |= self._create_talent("History %s" % index, talent_pool_ids=[Command.set(pool.ids)])
        talents[0].talent_pool_ids = [Command.link(self.pool.id)]
        talents[0].talent_pool_ids = [Command.unlink(self.pool.id)]
        for talent in talents:
            talent.partner_id._talent_log_touch("Call", channel="call")
            talent.partner_id._talent_log_touch("Reply", channel="email", direction="inbound")
        self.env["talent.lead.state.log"].create(
            [{"talent_id": talent.id, "from_state": "captured", "to_state": "qualified"} for talent in talents]
        )
        now = fields.Datetime.now()
        self.assertGreaterEqual(self.env["talent.demo.history"]._spread_demo_history(), len(talents))

        captured = {talent: talent.create_date for talent in talents}
        self.assertGreaterEqual(len({(date.year, date.month) for date in captured.values()}), 6)
        for talent, date in captured.items():
            self.assertGreaterEqual(date, now - timedelta(days=541))
            self.assertLessEqual(date, now - timedelta(days=19))
            memberships = self.env["talent.pool.membership"].search([("talent_id", "=", talent.id)])
            for membership in memberships:
                self.assertGreaterEqual(membership.date_joined, date)
                if membership.date_left:
                    self.assertGreater(membership.date_left, membership.date_joined)
            logs = self.env["talent.lead.state.log"].search([("talent_id", "=", talent.id)], order="date, id")
            self.assertEqual(logs.mapped("to_state")[-2:], ["captured", "qualified"], "the order is kept")
            self.assertEqual(logs[0].date, date, "the capture is logged when the talent was captured")
            touches = self.env["talent.touch"].search([("partner_id", "=", talent.partner_id.id)])
            self.assertEqual(len(touches), 2)
            for touch in touches:
                self.assertGreater(touch.date, date)
                self.assertLess(touch.date, now)
            outbound = touches.filtered(lambda t: t.direction == "outbound")
            self.assertEqual(talent.partner_id.talent_last_touch_date, outbound.date, "the person's dates follow")
        left = self.env["talent.pool.membership"].search(
            [("talent_id", "=", talents[0].id), ("date_left", "!=", False)]
        )
        self.assertEqual(len(left), 1, "the stay in the other pool is back-dated too")
        growth = self._months("talent.pool.growth.report", "date", [("talent_id", "in", talents.ids)])
        self.assertGreaterEqual(len(growth), 6)
        funnel = self._months("talent.lead.funnel.report", "date", [("talent_id", "in", talents.ids)])
        self.assertGreaterEqual(len(funnel), 6)



@tagged("post_install", "-at_install", "-standard", "talent_crm", "talent_crm_demo")
class TestReportHistoryDemo(TalentCrmCommon):
    """On the demo database: ``tests/test_install.py`` runs the ``talent_crm_demo`` tests there
    (they are not standard tests: neither Odoo's ``--test-tags /talent_crm`` nor pytest runs them on
    the suite's database without demo data)."""

    _months = TestReportHistory._months

    def test_demo_reports_have_history(self):
        """On the demo database: each report has data in at least 6 of the last 18 months."""
        if not self.env["ir.module.module"].search([("name", "=", "talent_crm")]).demo:
            self.fail("The demo data of talent_crm is not installed: tests/test_install.py runs this test on it.")
        for model, date_field in REPORTS:
            with self.subTest(report=model):
                months = self._months(model, date_field)
                self.assertGreaterEqual(len(months), 6, "%s: data in %s months only" % (model, len(months)))
        states = set(self.env["hr.talent.pool"].search([]).mapped("talent_health_state"))
        self.assertGreaterEqual(len(states), 2, "the demo pools are not all in the same health")
