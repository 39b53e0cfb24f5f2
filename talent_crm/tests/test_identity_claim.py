# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from psycopg2.errors import SerializationFailure

from odoo import api
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL, mute_logger


@tagged("post_install", "-at_install", "talent_crm")
class TestIdentityClaim(TransactionCase):
    """Two real transactions (separate cursors, REPEATABLE READ as Odoo runs them) claiming the
    same address: the one whose snapshot predates the other's commit is refused, so it is
    retried and sees the person the other created."""

    EMAIL = "Claim.Test@Example.com"

    def _env(self, cr):
        return api.Environment(cr, api.SUPERUSER_ID, {})

    def _cleanup(self):
        with self.registry.cursor() as cr:
            cr.execute(SQL("DELETE FROM talent_identity_claim"))

    def test_claim_normalises_and_is_idempotent(self):
        Claim = self.env["talent.identity.claim"]
        self.assertEqual(Claim._talent_claim([self.EMAIL, "claim.test@example.com", False]), ["claim.test@example.com"])
        Claim._talent_claim([self.EMAIL])
        self.assertEqual(Claim.search_count([]), 1, "one row per address, whatever its spelling")
        self.assertNotIn("claim.test", Claim.search([]).key, "the address itself is not stored")
        self.assertEqual(Claim._talent_claim([]), [])

    def test_stale_snapshot_is_refused(self):
        self.addCleanup(self._cleanup)
        with self.registry.cursor() as late, self.registry.cursor() as early_writer:
            # the late transaction takes its snapshot first (as an HTTP request does)
            late.execute("SELECT 1")
            self._env(early_writer)["talent.identity.claim"]._talent_claim([self.EMAIL])
            early_writer.commit()
            with self.assertRaises(SerializationFailure), mute_logger("odoo.sql_db"):
                self._env(late)["talent.identity.claim"]._talent_claim([self.EMAIL])
            late.rollback()
            # retried with a fresh snapshot, the claim goes through
            self._env(late)["talent.identity.claim"]._talent_claim([self.EMAIL])
            late.rollback()

    def test_fresh_snapshot_claims_without_error(self):
        self.addCleanup(self._cleanup)
        with self.registry.cursor() as first:
            self._env(first)["talent.identity.claim"]._talent_claim([self.EMAIL])
            first.commit()
        with self.registry.cursor() as second:
            self._env(second)["talent.identity.claim"]._talent_claim([self.EMAIL, "other.claim@example.com"])
            second.commit()
            second.execute(SQL("SELECT count(*) FROM talent_identity_claim"))
            self.assertEqual(second.fetchone()[0], 2)
