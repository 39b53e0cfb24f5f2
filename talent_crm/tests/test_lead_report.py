# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged, users

from .common import TalentLeadCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestLeadFunnelReport(TalentLeadCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.source_event = cls.env["utm.source"].create({"name": "Career fair (test)"})
        cls.pool_2 = cls.env["hr.talent.pool"].create({"name": "Data people (test)"})
        with freeze_time("2026-01-01 08:00:00"):
            cls.anna = cls._create_lead("Anna Funnel", source_id=cls.source.id)
            cls.ben = cls._create_lead(
                "Ben Funnel",
                source_id=cls.source_event.id,
                talent_pool_ids=[Command.set((cls.pool | cls.pool_2).ids)],
            )
            cls.cleo = cls._create_lead(
                "Cleo Funnel", source_id=cls.source.id, talent_pool_ids=[Command.set(cls.pool_2.ids)]
            )
        with freeze_time("2026-01-03 08:00:00"):
            cls.anna.action_talent_lead_qualify()
        with freeze_time("2026-01-05 08:00:00"):
            cls.ben.action_talent_lead_qualify()
        with freeze_time("2026-01-06 08:00:00"):
            cls.ben._talent_lead_move("not_interested", reason="Not now")
        with freeze_time("2026-01-07 08:00:00"):
            cls.anna.action_talent_lead_activate()
        with freeze_time("2026-01-11 08:00:00"):
            wizard = cls.env["job.add.applicants"].create(
                {"applicant_ids": [Command.set(cls.anna.ids)], "job_ids": [Command.set(cls.job.ids)]}
            )
            wizard.action_add_applicants_to_job()
        cls.Report = cls.env["talent.lead.funnel.report"]

    def _figures(self, domain, groupby):
        groups = self.Report._read_group(
            domain + [("talent_id", "in", (self.anna | self.ben | self.cleo).ids)],
            groupby,
            ["__count", "duration_days:median", "advanced_rate:avg", "closed_rate:avg", "converted_rate:avg"],
        )
        return {
            tuple(key.id if hasattr(key, "id") else key for key in group[: len(groupby)]): tuple(
                round(value, 2) if isinstance(value, float) else value for value in group[len(groupby) :]
            )
            for group in groups
        }

    def test_conversion_rates_and_median_days_by_state(self):
        figures = self._figures([("pool_id", "=", False)], ["state"])
        # count, median days (completed stays), moved forward %, closed %, became applicant %
        self.assertEqual(figures[("captured",)], (3, 3.0, 66.67, 0.0, 33.33))
        self.assertEqual(figures[("qualified",)], (2, 2.5, 50.0, 50.0, 50.0))
        self.assertEqual(figures[("activated",)], (1, 4.0, 100.0, 0.0, 100.0))
        self.assertEqual(figures[("converted",)][0], 1)
        self.assertFalse(figures[("converted",)][1], "still converted: no completed stay yet")
        self.assertEqual(figures[("not_interested",)][:1], (1,))

    def test_by_source(self):
        figures = self._figures([("pool_id", "=", False), ("state", "=", "captured")], ["source_id"])
        self.assertEqual(figures[(self.source.id,)], (2, 2.0, 50.0, 0.0, 50.0))
        self.assertEqual(figures[(self.source_event.id,)], (1, 4.0, 100.0, 0.0, 0.0))

    def test_by_pool(self):
        figures = self._figures([("pool_id", "!=", False), ("state", "=", "captured")], ["pool_id"])
        self.assertEqual(figures[(self.pool.id,)], (2, 3.0, 100.0, 0.0, 50.0), "Anna and Ben")
        self.assertEqual(figures[(self.pool_2.id,)], (2, 4.0, 50.0, 0.0, 0.0), "Ben and Cleo")

    def test_stays_follow_each_other(self):
        stays = self.Report.search([("talent_id", "=", self.anna.id), ("pool_id", "=", False)], order="date")
        self.assertEqual(stays.mapped("state"), ["captured", "qualified", "activated", "converted"])
        self.assertEqual(stays.mapped("next_state"), ["qualified", "activated", "converted", False])
        self.assertEqual([round(days, 1) for days in stays[:3].mapped("duration_days")], [2.0, 4.0, 4.0])
        self.assertEqual(stays.mapped("is_current"), [False, False, False, True])

    @users("talent_recruiter")
    def test_pivot_as_recruiter(self):
        """The web client asks for ``field:aggregator``; the median aggregator is served in SQL."""
        fields = self.env["talent.lead.funnel.report"].fields_get(["duration_days", "advanced_rate"], ["aggregator"])
        self.assertEqual(fields["duration_days"]["aggregator"], "median")
        groups = self.env["talent.lead.funnel.report"].formatted_read_group(
            [("pool_id", "=", False), ("talent_id", "in", (self.anna | self.ben | self.cleo).ids)],
            ["state"],
            ["duration_days:median", "advanced_rate:avg", "__count"],
        )
        captured = next(group for group in groups if group["state"] == "captured")
        self.assertEqual(captured["duration_days:median"], 3.0)
        self.assertEqual(captured["__count"], 3)
        action = self.env["ir.actions.act_window"]._for_xml_id("talent_crm.talent_lead_funnel_report_action")
        self.assertEqual(action["res_model"], "talent.lead.funnel.report")
