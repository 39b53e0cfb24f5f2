# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Heavy reads on Odoo's read-only cursor (the PostgreSQL replica of ``--db_replica_host``).

Odoo 19 serves read-only routes and ``@api.readonly`` methods called over RPC from the replica.
Matching and the digest run inside requests and crons that also write (the ranking is stored,
the digest mail is queued): :func:`read_on_replica` runs their read on a read-only cursor of the
registry when that cursor gives the answer the request's own cursor would, and on the request's
own cursor otherwise:

- no replica configured, or the request's cursor already is the read-only one: the read runs
  on the request's cursor;
- the transaction wrote to a table (other than Odoo's log of the session's device) and the
  read may depend on it (``own_writes``): the replica cannot see uncommitted writes, so the
  read runs on the primary;
- the replica lags: it is given ``wait`` seconds to replay everything the primary had flushed
  when the read started, then the read runs on the primary (slower, never stale);
- the replica is down: Odoo's registry hands out a primary cursor instead (and keeps doing so
  for 20 minutes); a read that writes (``ReadOnlySqlTransaction``) is run again on the primary.
"""

import logging
import time

import psycopg2.errors

from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# tables of Odoo's session bookkeeping, which no read of talent_crm reads
BOOKKEEPING = ("res_device_log", "res_users_log")
# how long a read waits for a lagging replica before it runs on the primary
REPLICA_WAIT = 0.2
REPLICA_POLL = 0.02


def read_on_replica(env, read, own_writes=True, wait=REPLICA_WAIT):
    """Return ``read(reading_env)``, ``reading_env`` being ``env`` on the replica when it gives
    the same answer, else ``env`` itself (see the module's documentation).

    ``read`` must only read, and return plain values or ids (never records of
    ``reading_env``: its cursor is closed on return). ``own_writes=False``: the read does not
    depend on what the current transaction wrote (no figure of the digest counts the mails
    the digest queues), so the replica serves it even after the transaction wrote. The pending changes of ``env`` are
    flushed first.
    """
    cr = env.cr
    registry = env.registry
    env.flush_all()
    # the registry opens read-only cursors with a replica configured (and in tests, on the test's
    # transaction); otherwise its read-only cursor would be a second connection to the primary
    if cr.readonly or registry._db_readonly is None:
        return read(env)
    cr.execute(SQL("SELECT pg_current_xact_id_if_assigned() IS NULL, pg_current_wal_flush_lsn()"))
    clean, primary_lsn = cr.fetchone()
    if own_writes and not clean:
        # which tables the transaction wrote (Odoo logs the session's device at its first request)
        cr.execute(
            SQL(
                "SELECT array_agg(relname::text) FROM pg_stat_xact_user_tables"
                " WHERE n_tup_ins + n_tup_upd + n_tup_del > 0 AND NOT relname::text = ANY(%s)",
                list(BOOKKEEPING),
            )
        )
        written = cr.fetchone()[0]
        if written:
            _logger.debug("The transaction wrote %s: reading from the primary", ", ".join(sorted(written)))
            return read(env)
    with registry.cursor(readonly=True) as replica_cr:
        if not replica_cr.readonly or _replica_caught_up(replica_cr, primary_lsn, wait):
            _logger.debug("Reading from the replica")
            try:
                return read(env(cr=replica_cr))
            except psycopg2.errors.ReadOnlySqlTransaction:
                _logger.warning("A read on the replica wrote; it runs again on the primary", exc_info=True)
                # forget what the read meant to write, so that closing the cursor does not retry it
                replica_cr.rollback()
    return read(env)


def _replica_caught_up(cr, lsn, wait):
    """Whether the replica of ``cr`` replayed the primary's WAL up to ``lsn`` (within ``wait``
    seconds); a read-only cursor on the primary itself (no recovery) always is."""
    deadline = time.monotonic() + wait
    while True:
        cr.execute(SQL("SELECT NOT pg_is_in_recovery() OR pg_last_wal_replay_lsn() >= %s::pg_lsn", lsn))
        caught_up = cr.fetchone()[0]
        # the read takes its snapshot in a new transaction, after the replay reached ``lsn``
        cr.rollback()
        if caught_up:
            return True
        if time.monotonic() >= deadline:
            _logger.info("The replica lags behind %s: reading from the primary", lsn)
            return False
        time.sleep(REPLICA_POLL)
