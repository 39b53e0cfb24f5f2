# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Which reads go to the read-only cursor (``tools/replica.py``), in the test's transaction.

In tests Odoo's registry hands out read-only cursors on the test's own transaction (``SET
TRANSACTION READ ONLY`` in a savepoint): a read sent there sees the test's data and may not
write. ``tests/test_replica.py`` shows the same reads on a real standby.
"""

from unittest.mock import patch

from odoo.tests import tagged

from ..tools.replica import read_on_replica
from .common import TalentCrmCommon


@tagged("post_install", "-at_install")
class TestReplicaReads(TalentCrmCommon):
    def setUp(self):
        super().setUp()
        # a replica is configured (Odoo's runner opens the registry's read-only connection in
        # tests, pytest-odoo loads the registry before enabling tests): the primary stands in
        # for it; in test mode its cursors wrap the test's (above)
        self.patch(self.registry, "_db_readonly", self.registry._db_readonly or self.registry._db)
        self.registry_enter_test_mode()

    def test_read_after_own_writes_stays_on_the_primary(self):
        self._create_talent("Written Just Now")
        # the replica cannot see what this transaction wrote: the read runs on its own cursor
        self.assertIs(read_on_replica(self.env, lambda env: env.cr), self.env.cr)
        # a read that does not depend on it goes to the read-only cursor
        self.assertTrue(read_on_replica(self.env, lambda env: env.cr.readonly, own_writes=False))

    def test_read_that_writes_runs_again_on_the_primary(self):
        def read(env):
            pool = env["hr.talent.pool"].create({"name": "Written by a read (test)"})
            env.flush_all()
            return pool.id, env.cr.readonly

        with self.assertLogs("odoo.addons.talent_crm.tools.replica", "WARNING") as logs:
            pool_id, readonly = read_on_replica(self.env, read, own_writes=False)
        self.assertIn("runs again on the primary", logs.output[0])
        self.assertFalse(readonly)
        self.assertTrue(self.env["hr.talent.pool"].browse(pool_id).exists())

    def test_digest_figures_on_the_read_only_cursor(self):
        digest = self.env.ref("talent_crm.digest_digest_talent_crm")
        Digest = type(digest)
        calculate = Digest._calculate_company_based_kpi
        cursors = []

        def spy(records, *args, **kwargs):
            cursors.append(records.env.cr.readonly)
            return calculate(records, *args, **kwargs)

        with patch.object(Digest, "_calculate_company_based_kpi", spy):
            kpis = digest._compute_kpis(self.company, self.user_manager)
        self.assertIn("kpi_talent_crm_new_talents", [kpi["kpi_name"] for kpi in kpis])
        self.assertTrue(cursors)
        self.assertTrue(all(cursors), "every figure is read on the read-only cursor")
