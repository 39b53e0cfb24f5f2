# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""PostgreSQL settings of talent_crm's large set-based queries.

Pure helpers on a database cursor, without any model.
"""

from contextlib import contextmanager

from odoo.tools import SQL


@contextmanager
def jit_disabled(cr, *also):
    """Run the block without PostgreSQL's JIT compilation, then set the transaction's setting back.

    The one way talent_crm switches JIT off. The estimated cost of the ranking of matching and
    of the duplicate detection passes ``jit_above_cost``, and compiling them takes longer than
    running them (about 140 ms for a ranking that runs in 160 ms at 100,000 talents; about 2 s
    for the duplicate detection). The setting is local to the transaction: should the block
    fail, the transaction is rolled back and the setting with it.

    :param cr: database cursor
    :param also: ``SQL`` expressions evaluated in the same query as switching JIT off (an
        advisory lock, another ``set_config``), so that they cost no query of their own
    :return: (as the value of the ``with``) the tuple of the values of ``also``
    """
    cr.execute(
        SQL(
            "SELECT %s",
            SQL(", ").join([SQL("current_setting('jit')"), SQL("set_config('jit', 'off', true)"), *also]),
        )
    )
    row = cr.fetchone()
    yield tuple(row[2:])
    cr.execute(SQL("SELECT set_config('jit', %s, true)", row[0]))
