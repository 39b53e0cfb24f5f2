# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from odoo import Command
from odoo.tests import tagged
from odoo.tools import SQL

from .common import TalentCrmCommon

AGGREGATES = ["joined_count:sum", "left_count:sum", "net_count:sum"]


@tagged("post_install", "-at_install", "talent_crm")
class TestReportPoolGrowth(TalentCrmCommon):
    """Pool growth per month from the membership log, on hand-dated memberships.

    Pool "Growth A": Anna joined by hand in January 2026, Ben by rule in January and left in
    March, Cleo signed up in February. Pool "Growth B": Anna joined in March. In the other
    company, pool "Growth X" got Xaver in January.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.source = cls.env["utm.source"].create({"name": "Growth source"})
        cls.pool_a = cls.env["hr.talent.pool"].create({"name": "Growth A"})
        cls.pool_b = cls.env["hr.talent.pool"].create({"name": "Growth B"})
        cls.pool_x = cls.env["hr.talent.pool"].create({"name": "Growth X", "company_id": cls.other_company.id})
        pools = Command.set(cls.pool_a.ids)
        cls.anna = cls._create_talent("Anna Growth", talent_pool_ids=[pools], source_id=cls.source.id)
        cls.ben = cls._create_talent("Ben Growth", talent_pool_ids=[pools])
        cls.cleo = cls._create_talent("Cleo Growth", talent_pool_ids=[pools])
        cls.xaver = cls._create_talent(
            "Xaver Growth", talent_pool_ids=[Command.set(cls.pool_x.ids)], company_id=cls.other_company.id
        )
        cls.anna.talent_pool_ids = [Command.link(cls.pool_b.id)]
        new_leads = cls.env.ref("talent_crm.hr_talent_pool_new_leads")
        cls.ben.talent_pool_ids = [Command.unlink(cls.pool_a.id), Command.link(new_leads.id)]
        cls.env.flush_all()
        cls._date(cls.anna, cls.pool_a, "manual", datetime(2026, 1, 10))
        cls._date(cls.ben, cls.pool_a, "rule", datetime(2026, 1, 20), left=datetime(2026, 3, 5))
        cls._date(cls.cleo, cls.pool_a, "signup", datetime(2026, 2, 3))
        cls._date(cls.anna, cls.pool_b, "manual", datetime(2026, 3, 15))
        cls._date(cls.xaver, cls.pool_x, "manual", datetime(2026, 1, 12))

    @classmethod
    def _date(cls, talent, pool, method, joined, left=None):
        cls.env.cr.execute(
            SQL(
                "UPDATE talent_pool_membership SET join_method = %s, date_joined = %s, date_left = %s "
                "WHERE talent_id = %s AND pool_id = %s",
                method, joined, left, talent.id, pool.id,
            )
        )
        cls.env["talent.pool.membership"].invalidate_model()

    def test_growth_per_month_and_pool(self):
        pools = (self.pool_a | self.pool_b).ids
        figures = self._figures(
            "talent.pool.growth.report", [("pool_id", "in", pools)], ["date:month", "pool_id"], AGGREGATES
        )
        self.assertEqual(
            {(month.strftime("%Y-%m") if month else None, pool): values for (month, pool), values in figures.items()},
            {
                ("2026-01", self.pool_a.id): (2, 0, 2),
                ("2026-02", self.pool_a.id): (1, 0, 1),
                ("2026-03", self.pool_a.id): (0, 1, -1),
                ("2026-03", self.pool_b.id): (1, 0, 1),
            },
        )
        # summed from the start, the net growth is the pool's size today
        totals = self._figures("talent.pool.growth.report", [("pool_id", "in", pools)], ["pool_id"], ["net_count:sum"])
        self.assertEqual(totals, {(self.pool_a.id,): (2,), (self.pool_b.id,): (1,)})
        self.assertEqual(len(self.pool_a.talent_ids), 2)

    def test_by_join_method_and_source(self):
        domain = [("pool_id", "=", self.pool_a.id), ("event", "=", "joined")]
        self.assertEqual(
            self._figures("talent.pool.growth.report", domain, ["join_method"], ["joined_count:sum"]),
            {("manual",): (1,), ("rule",): (1,), ("signup",): (1,)},
        )
        self.assertEqual(
            self._figures("talent.pool.growth.report", domain, ["source_id"], ["joined_count:sum"]),
            {(self.source.id,): (1,), (False,): (2,)},
        )

    def test_empty_and_single(self):
        empty = self.env["hr.talent.pool"].create({"name": "Growth empty"})
        figures = self._figures("talent.pool.growth.report", [("pool_id", "=", empty.id)], [], AGGREGATES)
        self.assertEqual(figures, {(): (0, 0, 0)})
        self.assertEqual(
            self._figures("talent.pool.growth.report", [("pool_id", "=", self.pool_b.id)], [], AGGREGATES),
            {(): (1, 0, 1)},
        )

    def test_multi_company_and_recruiter(self):
        report = self.env["talent.pool.growth.report"].with_user(self.user_recruiter)
        rows = report.search([("pool_id", "in", (self.pool_a | self.pool_x).ids)])
        self.assertTrue(rows)
        self.assertEqual(rows.pool_id, self.pool_a, "the other company's pool is not shown")
        other = self.env["talent.pool.growth.report"].with_user(self.user_other_company)
        self.assertEqual(other.search([]).pool_id, self.pool_x)

    def test_changes_show_at_once(self):
        self.cleo.talent_pool_ids = [Command.unlink(self.pool_a.id), Command.link(self.pool_b.id)]
        self.env.flush_all()
        figures = self._figures("talent.pool.growth.report", [("pool_id", "=", self.pool_a.id)], [], AGGREGATES)
        self.assertEqual(figures, {(): (3, 2, 1)})
