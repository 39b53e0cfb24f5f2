# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Fast loading into the real tables: id blocks reserved from the sequences and COPY.

The ORM is bypassed here on purpose (one ``create`` per record would take hours at 100k);
the generator fills in what the ORM would have computed and checks the result against
ORM-created twins (see :mod:`bench.generator.check`).
"""

import datetime
import io
import json

from psycopg2 import sql


def reserve_ids(cr, table, count):
    """Reserve ``count`` consecutive ids of ``table``'s sequence and return them as a list.

    ``setval`` moves the sequence past the block in one statement, so nothing else can get
    an id inside it, and the sequence stays consistent with ``max(id)``.
    """
    if count <= 0:
        return []
    seq = "%s_id_seq" % table
    cr.execute(
        sql.SQL("SELECT setval({seq}, nextval({seq}) + %s - 1)").format(seq=sql.Literal(seq)),
        [count],
    )
    last = cr.fetchone()[0]
    return list(range(last - count + 1, last + 1))


def _escape(value):
    if value is None:
        return r"\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False)
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
    )


def copy_rows(cr, table, columns, rows, chunk=50000):
    """COPY ``rows`` (sequences of values in ``columns`` order) into ``table``.

    Booleans, numbers, dates, JSON (dicts) and text are encoded in COPY's text format;
    ``None`` is NULL. Returns the number of rows written.
    """
    statement = sql.SQL("COPY {table} ({columns}) FROM STDIN").format(
        table=sql.Identifier(table),
        columns=sql.SQL(", ").join(sql.Identifier(c) for c in columns),
    ).as_string(cr.connection)
    total = 0
    buffer = io.StringIO()
    pending = 0
    for row in rows:
        buffer.write("\t".join(_escape(value) for value in row))
        buffer.write("\n")
        pending += 1
        if pending >= chunk:
            buffer.seek(0)
            cr.copy_expert(statement, buffer)
            total += pending
            buffer = io.StringIO()
            pending = 0
    if pending:
        buffer.seek(0)
        cr.copy_expert(statement, buffer)
        total += pending
    return total


def copy_dicts(cr, table, dict_rows, columns=None):
    """COPY rows given as dicts; columns are taken from the first row unless given."""
    dict_rows = list(dict_rows)
    if not dict_rows:
        return 0
    columns = columns or list(dict_rows[0])
    return copy_rows(cr, table, columns, ([row.get(c) for c in columns] for row in dict_rows))
