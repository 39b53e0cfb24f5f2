# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import TalentCrmCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestPoolHealth(TalentCrmCommon):
    """One health status per pool (healthy, needs attention, at risk) with its reasons in words."""

    def _pool(self, name, count=4, days_ago=0, without_email=0):
        """A pool with ``count`` members who joined ``days_ago`` days ago, the first
        ``without_email`` of them without an email address."""
        pool = self.env["hr.talent.pool"].create({"name": name})
        talents = self.env["hr.applicant"]
        with freeze_time(datetime.now() - timedelta(days=days_ago)):
            for index in range(count):
                values = {"talent_pool_ids": [Command.set(pool.ids)]}
                if index < without_email:
                    values.update(email_from=False, partner_phone="+49 170 000 %04d" % index)
                talents |= self._create_talent("%s member %s" % (name, index), **values)
        return pool, talents

    def _touch(self, talent, days_ago=0):
        with freeze_time(datetime.now() - timedelta(days=days_ago)):
            return talent.partner_id._talent_log_touch("Checked in", channel="call")

    def _health(self, pool):
        pool.invalidate_recordset()
        return pool.talent_health_state, pool.talent_health_reasons.split("\n")

    def test_healthy(self):
        pool, talents = self._pool("Healthy (test)")
        self._touch(talents[0], days_ago=3)
        state, reasons = self._health(pool)
        self.assertEqual(state, "healthy")
        self.assertEqual(reasons, ["Members can be contacted, were touched recently and new people join."])
        self.assertEqual(pool.talent_last_touch_days, 3)
        self.assertEqual(pool.talent_last_touch_text, "3 days ago")

    def test_never_touched_is_at_risk(self):
        pool, _talents = self._pool("Never touched (test)")
        state, reasons = self._health(pool)
        self.assertEqual(state, "at_risk")
        self.assertEqual(reasons, ["Never touched"])
        self.assertEqual(pool.talent_last_touch_text, "Never touched", "not '0 days'")
        self.assertFalse(pool.talent_last_touch_days)
        row = self.env["talent.pool.health.report"].search([("pool_id", "=", pool.id)])
        self.assertEqual(
            (row.health_state, row.last_touch_text, row.last_touch_date), ("at_risk", "Never touched", False)
        )

    def test_touch_age(self):
        pool, talents = self._pool("Going cold (test)")
        self._touch(talents[0], days_ago=120)
        self.assertEqual(self._health(pool), ("attention", ["No one touched for 120 days"]))
        self._touch(talents[1], days_ago=200)
        self.assertEqual(self._health(pool), ("attention", ["No one touched for 120 days"]), "the last touch counts")
        pool_cold, cold_talents = self._pool("Cold (test)")
        self._touch(cold_talents[0], days_ago=200)
        self.assertEqual(self._health(pool_cold), ("at_risk", ["No one touched for 200 days"]))

    def test_contactable_share(self):
        pool, talents = self._pool("Quarter unreachable (test)", without_email=1)
        self._touch(talents[0])
        self.assertEqual(self._health(pool), ("attention", ["25% of members cannot be contacted"]))
        pool, talents = self._pool("Half unreachable (test)", without_email=2)
        self._touch(talents[0])
        self.assertEqual(self._health(pool), ("at_risk", ["50% of members cannot be contacted"]))
        self.env["mail.blacklist"]._add(talents[2].email_from)
        self.assertEqual(self._health(pool), ("at_risk", ["75% of members cannot be contacted"]))

    def test_no_recent_joins_and_shrinking(self):
        pool, talents = self._pool("Nobody joins (test)", days_ago=120)
        self._touch(talents[0])
        self.assertEqual(self._health(pool), ("attention", ["No one joined in the last 90 days"]))
        talents[1].talent_pool_ids = [Command.link(self.pool.id), Command.unlink(pool.id)]
        self.assertEqual(self._health(pool), ("attention", ["Lost 1 member in the last 90 days"]))

    def test_several_reasons_worst_wins(self):
        pool, _talents = self._pool("Everything wrong (test)", days_ago=120, without_email=1)
        state, reasons = self._health(pool)
        self.assertEqual(state, "at_risk")
        self.assertEqual(
            reasons,
            ["25% of members cannot be contacted", "Never touched", "No one joined in the last 90 days"],
        )
        empty = self.env["hr.talent.pool"].create({"name": "Empty (test)"})
        self.assertEqual(self._health(empty), ("attention", ["No members yet"]))

    def test_health_computed_for_many_pools_at_once(self):
        """The health of many pools costs the queries of one pool (no query per pool)."""

        def queries(pools):
            self.env.flush_all()
            pools.invalidate_recordset()
            pools.mapped("name")
            before = self.env.cr.sql_log_count
            self.assertEqual(set(pools.mapped("talent_health_state")), {"at_risk"})
            return self.env.cr.sql_log_count - before

        pools = self.env["hr.talent.pool"]
        for index in range(3):
            pools |= self._pool("Batch %s (test)" % index, count=2)[0]
        self.assertEqual(queries(pools), queries(pools[0]))
