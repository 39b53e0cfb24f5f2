# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models, tools
from odoo.tools import SQL
from odoo.tools.misc import hmac

# A claim older than this cannot belong to a transaction still running.
CLAIM_KEEP = timedelta(hours=1)


class TalentIdentityClaim(models.Model):
    """Serialises "find or create the person" per normalised email address, across workers.

    Odoo runs every transaction in REPEATABLE READ: its snapshot is taken at its first query,
    so an advisory lock taken later cannot make a row committed meanwhile by another worker
    visible, and both would create the same person. A claim is an upsert of one row per
    address (a keyed hash, not the address). A second transaction claiming the same address
    waits for the first; when the first commits, PostgreSQL refuses the second with a
    serialization failure, and Odoo retries it (HTTP requests, RPC) with a fresh snapshot
    that sees the person the first one created. Rows are purged after an hour.
    """

    _name = "talent.identity.claim"
    _description = "Talent Identity Claim"
    _log_access = False

    key = fields.Char(required=True, readonly=True)
    date = fields.Datetime(required=True, readonly=True)

    _key_uniq = models.UniqueIndex("(key)")

    @api.model
    def _talent_claim(self, emails):
        """Claim the people of ``emails`` for the current transaction.

        Call it before looking a person up by address when the lookup may end in a create.
        Addresses are normalised; claims are taken in a fixed order, so that two transactions
        claiming several addresses cannot deadlock. Returns the normalised addresses claimed.
        """
        normalized = sorted({tools.email_normalize(email) for email in emails or [] if email} - {False})
        if not normalized:
            return normalized
        keys = sorted({hmac(self.env(su=True), "talent_crm.identity", email) for email in normalized})
        self.env.execute_query(
            SQL(
                """
                INSERT INTO talent_identity_claim (key, date)
                     SELECT key, %(now)s FROM unnest(%(keys)s::varchar[]) AS key ORDER BY key
                ON CONFLICT (key) DO UPDATE SET date = EXCLUDED.date
                """,
                now=fields.Datetime.now(),
                keys=keys,
            )
        )
        return normalized

    @api.model
    def _cron_purge(self):
        """Delete the claims of transactions that ended long ago."""
        self.env.execute_query(
            SQL("DELETE FROM talent_identity_claim WHERE date < %s", fields.Datetime.now() - CLAIM_KEEP)
        )
