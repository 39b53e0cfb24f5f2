# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The pool-rule refresh cron run the way Odoo's scheduler runs it: through ``ir.cron``, with the
real ``_commit_progress`` (a commit per batch, progress, time budget), not a stub.

In registry test mode the cron gets its own test cursor, on which a commit is a savepoint.
"""

from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged

from odoo.addons.base.models import ir_cron

from .common import TalentCrmCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestSmartPoolsCron(TalentCrmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cron = cls.env.ref("talent_crm.ir_cron_talent_pool_rules")
        # batches of two pools: five pools make three batches
        cls.cron.code = "model._cron_talent_refresh_rules(batch_size=2)"
        Pool = cls.env["hr.talent.pool"]
        Pool.search([("talent_rule_active", "=", True)]).write({"talent_rule_active": False})
        cls.pools = Pool
        cls.talents = cls.env["hr.applicant"]
        for index in range(5):
            role = cls.env["talent.role.family"].create({"name": "Cron role %d (test)" % index})
            cls.pools |= Pool.create(
                {
                    "name": "Cron rule pool %d (test)" % index,
                    "talent_rule_active": True,
                    "talent_rule_domain": "[('talent_role_family_id', '=', %d)]" % role.id,
                }
            )
            # joins after the pool was created: only a refresh brings the talent in
            cls.talents |= cls._create_talent("Cron Member %d" % index, talent_role_family_id=role.id)
        # due, oldest refresh first: pool 0 is the least recently applied
        now = fields.Datetime.now()
        for index, pool in enumerate(cls.pools):
            pool.talent_rule_refresh_date = now - timedelta(hours=10 - index)

    def _run_cron(self):
        with self.enter_registry_test_mode():
            self.cron.method_direct_trigger()
        self.env.invalidate_all()

    def _progress_rows(self, since_id):
        return self.env["ir.cron.progress"].sudo().search(
            [("cron_id", "=", self.cron.id), ("id", ">", since_id)], order="id"
        )

    def _last_progress_id(self):
        return self.env["ir.cron.progress"].sudo().search([], order="id desc", limit=1).id or 0

    def _memberships(self):
        return self.env["talent.pool.membership"].sudo().search([("pool_id", "in", self.pools.ids)])

    def _spy_refresh(self):
        Pool = type(self.env["hr.talent.pool"])
        real = Pool._talent_refresh_rule_members
        refreshed = []

        def spy(pools, *args, **kwargs):
            refreshed.extend(pools.ids)
            return real(pools, *args, **kwargs)

        return patch.object(Pool, "_talent_refresh_rule_members", spy), refreshed

    def test_cron_refreshes_every_batch_and_reports_progress(self):
        self.assertFalse(self._memberships(), "nobody joined before the refresh")
        last = self._last_progress_id()
        spy, refreshed = self._spy_refresh()
        with spy:
            self._run_cron()
        self.assertEqual(refreshed, self.pools.ids, "least recently applied first, each pool once")
        for pool, talent in zip(self.pools, self.talents, strict=True):
            self.assertEqual(pool.talent_ids, talent)
        memberships = self._memberships()
        self.assertEqual(sorted(memberships.mapped("talent_id").ids), sorted(self.talents.ids))
        self.assertEqual(set(memberships.mapped("join_method")), {"rule"})
        rows = self._progress_rows(last)
        self.assertEqual((rows.done, rows.remaining), (5, 0), "three batches committed by one call")
        # run again right after: nothing is due, nothing joins twice
        with spy:
            self._run_cron()
        self.assertEqual(refreshed, self.pools.ids)
        self.assertEqual(self._memberships(), memberships)

    def _new_triggers(self, since_id):
        return self.env["ir.cron.trigger"].sudo().search([("cron_id", "=", self.cron.id), ("id", ">", since_id)])

    def _last_trigger_id(self):
        return self.env["ir.cron.trigger"].sudo().search([], order="id desc", limit=1).id or 0

    def test_out_of_time_after_each_batch_one_run_refreshes_everything(self):
        """The function stops after each batch (no time left), reports what is left, and the
        scheduler calls it again within the same run until nothing is left."""
        last = self._last_progress_id()
        Cron = type(self.env["ir.cron"])
        real = Cron._commit_progress

        def out_of_time(cron, processed=0, **kwargs):
            real(cron, processed, **kwargs)
            return 0.0  # the time budget is spent after every commit

        spy, refreshed = self._spy_refresh()
        with patch.object(Cron, "_commit_progress", out_of_time), spy:
            self._run_cron()
        memberships = self._memberships()
        self.assertEqual(len(memberships), 5, "one scheduler run refreshed every pool")
        self.assertEqual(refreshed, self.pools.ids, "least recently applied first, no pool refreshed twice")
        rows = self._progress_rows(last)
        self.assertEqual(rows.mapped("done"), [2, 2, 1], "three calls of the cron function, one batch each")
        self.assertEqual(rows.mapped("remaining"), [3, 1, 0])
        for pool, talent in zip(self.pools, self.talents, strict=True):
            self.assertEqual(pool.talent_ids, talent)

    def test_run_budget_spent_the_cron_is_rescheduled_and_the_next_run_resumes(self):
        """One call per run and no time at all: each run refreshes one batch, reports what is
        left, and the scheduler reschedules the cron at once; the next run resumes."""
        last = self._last_progress_id()
        self.startPatcher(patch.object(ir_cron, "MIN_RUNS_PER_JOB", 1))
        self.startPatcher(patch.object(ir_cron, "MIN_TIME_PER_JOB", 0))
        spy, refreshed = self._spy_refresh()
        with spy:
            since = self._last_trigger_id()
            self._run_cron()
            self.assertEqual(refreshed, self.pools[:2].ids, "one batch, then the run stops")
            self.assertEqual(self._memberships().talent_id, self.talents[:2], "the batch is committed")
            rows = self._progress_rows(last)
            self.assertEqual((rows.done, rows.remaining), (2, 3))
            self.assertEqual(len(self._new_triggers(since)), 1, "pools left: the scheduler runs the cron again at once")
            since = self._last_trigger_id()
            self._run_cron()
            self.assertEqual(len(self._new_triggers(since)), 1)
            since = self._last_trigger_id()
            self._run_cron()
            self.assertFalse(self._new_triggers(since), "nothing left: back to the regular interval")
        self.assertEqual(refreshed, self.pools.ids, "resumed where it stopped, no pool refreshed twice")
        rows = self._progress_rows(last)
        self.assertEqual(rows.mapped("done"), [2, 2, 1])
        self.assertEqual(rows.mapped("remaining"), [3, 1, 0])
        memberships = self._memberships()
        self.assertEqual(len(memberships), 5)
        for pool, talent in zip(self.pools, self.talents, strict=True):
            self.assertEqual(pool.talent_ids, talent)
