# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Bench databases: create one with talent_crm, fill it, reuse it while it is current."""

import hashlib
import logging
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

_logger = logging.getLogger(__name__)

REPO_DIR = Path(__file__).resolve().parent.parent
ADDON_DIR = REPO_DIR / "talent_crm"


def default_db_name(scale):
    return "talent_crm_bench_%d" % scale


def init_odoo(config_path, log_level="warn"):
    """Load Odoo's configuration in this process (once, before any registry is opened)."""
    import odoo.init  # noqa: F401  (core set-up, as odoo's own command line does)
    from odoo.tools import config

    config.parse_config(["-c", str(config_path), "--log-level=%s" % log_level], setup_logging=True)


def odoo_command(config_path, *args):
    """Run ``python -m odoo`` in a subprocess (module install and update)."""
    cmd = [sys.executable, "-m", "odoo", "-c", str(config_path), *args, "--log-level=warn", "--stop-after-init"]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode:
        raise RuntimeError("%s failed:\n%s" % (" ".join(cmd), result.stderr[-4000:]))


def addon_version():
    """Hash of the addon's source: when it changes, the bench database gets ``-u talent_crm``."""
    digest = hashlib.sha256()
    for path in sorted(ADDON_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".po", ".pot", ".pyc"):
            digest.update(str(path.relative_to(ADDON_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _server_connection(dbname="postgres"):
    """An autocommit connection to ``dbname`` (the server's maintenance database by default)."""
    import psycopg2

    from odoo.tools import config

    conn = psycopg2.connect(
        dbname=dbname,
        host=config["db_host"] or None,
        port=config["db_port"] or None,
        user=config["db_user"] or None,
        password=config["db_password"] or None,
    )
    conn.autocommit = True
    return conn


def vacuum_database(db_name, full=False, log=None):
    """``VACUUM (ANALYZE)`` (``full``: ``VACUUM (FULL, ANALYZE)``) every table of ``db_name``
    that the database user owns, from a connection of its own (VACUUM runs outside a
    transaction).

    ``full`` after a build: the generator writes most rows twice (COPY, then bulk UPDATEs of
    dates and copies of partner values), which leaves the large tables about 2.7 times their
    size in dead row versions; a production database under autovacuum does not carry every
    row twice, so the bench measures compact tables. A plain VACUUM before each scenario:
    the rolled-back runs of the one before leave dead rows (the pool rule refresh's baseline
    rewrites every talent) and wrong row estimates behind.
    """
    from psycopg2 import sql

    start = time.perf_counter()
    conn = _server_connection(db_name)
    command = sql.SQL("VACUUM (FULL, ANALYZE) {}" if full else "VACUUM (ANALYZE) {}")
    try:
        with conn.cursor() as cr:
            cr.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user"
                " ORDER BY tablename"
            )
            for (table,) in cr.fetchall():
                cr.execute(command.format(sql.Identifier(table)))
    finally:
        conn.close()
    if log:
        log("database %s in %.1f s" % ("compacted (VACUUM FULL ANALYZE)" if full else "vacuumed",
                                      time.perf_counter() - start))


def database_exists(db_name):
    conn = _server_connection()
    try:
        with conn.cursor() as cr:
            cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db_name])
            return bool(cr.fetchone())
    finally:
        conn.close()


def drop_database(db_name):
    from psycopg2 import sql

    import odoo.sql_db
    from odoo.modules.registry import Registry

    Registry.delete(db_name)
    odoo.sql_db.close_db(db_name)
    conn = _server_connection()
    try:
        with conn.cursor() as cr:
            cr.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(db_name)))
    finally:
        conn.close()


def copy_database(source, target):
    """Create ``target`` as a copy of ``source`` (PostgreSQL template copy, no filestore).

    This process's pooled connections to ``source`` are closed first: PostgreSQL copies
    only a database nobody is connected to.
    """
    from psycopg2 import errors, sql

    import odoo.sql_db

    odoo.sql_db.close_db(source)
    conn = _server_connection()
    try:
        with conn.cursor() as cr:
            for attempt in range(5):
                try:
                    cr.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                        sql.Identifier(target), sql.Identifier(source)))
                    break
                except errors.ObjectInUse:
                    if attempt == 4:
                        raise
                    time.sleep(1)
    finally:
        conn.close()


@contextmanager
def environment(db_name, uid=None, context=None):
    """An environment on ``db_name`` (superuser by default); commits nothing by itself."""
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    registry = Registry(db_name)
    with registry.cursor() as cr:
        env = api.Environment(cr, uid or SUPERUSER_ID, context or {})
        try:
            yield env
        finally:
            cr.rollback()


def installed_marker(db_name):
    """The generator marker of ``db_name``, or None when it has none (or no talent_crm)."""
    from .generator import MARKER_KEY

    if not database_exists(db_name):
        return None
    import psycopg2

    from odoo.tools import config

    conn = psycopg2.connect(
        dbname=db_name,
        host=config["db_host"] or None,
        port=config["db_port"] or None,
        user=config["db_user"] or None,
        password=config["db_password"] or None,
    )
    try:
        with conn.cursor() as cr:
            cr.execute("SELECT to_regclass('ir_config_parameter')")
            if not cr.fetchone()[0]:
                return None
            cr.execute("SELECT value FROM ir_config_parameter WHERE key = %s", [MARKER_KEY])
            row = cr.fetchone()
    finally:
        conn.close()
    if not row:
        return None
    import json

    return json.loads(row[0])


def prepare(config_path, db_name, scale, seed=42, anchor=None, rebuild=False, log=print):
    """Make ``db_name`` a current bench database at ``scale``; return its marker.

    Reused when it was built at the same scale and seed by the same core generator and
    its steps are still at their versions; then only the missing steps run, and
    talent_crm is updated when its source changed. Otherwise it is dropped and built
    again: talent_crm installed without demo data, then every data step, then the
    consistency check.
    """
    from . import scenarios  # noqa: F401  (scenario files register their data steps)
    from .generator import Generator, core_version, registered_steps, write_marker
    from .generator.check import check_generated

    marker = None if rebuild else installed_marker(db_name)
    versions = {step.name: step.version for step in registered_steps()}
    reason = None
    if marker is None:
        reason = "no bench database %s yet" % db_name if not rebuild else "rebuild asked"
    elif "check_seconds" not in marker or any(
        step.core and step.name not in marker.get("steps", {}) for step in registered_steps()
    ):
        reason = "an earlier build did not finish"
    elif marker.get("core_version") != core_version():
        reason = "the generator changed"
    elif (marker.get("scale"), marker.get("seed")) != (scale, seed):
        reason = "built at another scale or seed"
    elif anchor and marker.get("anchor") != anchor.isoformat():
        reason = "built for another anchor date"
    elif any(versions.get(name) != version for name, version in marker.get("steps", {}).items()):
        reason = "a data step changed"
    if reason:
        log("building %s (%s)" % (db_name, reason))
        drop_database(db_name)
        start = time.perf_counter()
        odoo_command(config_path, "-d", db_name, "-i", "talent_crm")
        install_time = time.perf_counter() - start
        log("talent_crm installed in %.1f s" % install_time)
        with environment(db_name) as env:
            generator = Generator(env, scale, seed=seed, anchor=anchor, log=log)
            marker = generator.build()
            marker["addon_version"] = addon_version()
            marker["install_seconds"] = round(install_time, 1)
            marker["built_at"] = datetime.now().isoformat()
            marker["compacted"] = True
            start = time.perf_counter()
            counts = check_generated(env, seed=seed)
            marker["check_seconds"] = round(time.perf_counter() - start, 2)
            log("consistency check passed in %.1f s (%s)" % (
                marker["check_seconds"], ", ".join("%d %s" % (v, k) for k, v in counts.items())))
            write_marker(env, marker)
            env.cr.commit()
        vacuum_database(db_name, full=True, log=log)
        return marker
    if marker.get("addon_version") != addon_version():
        log("updating talent_crm in %s (its source changed)" % db_name)
        from odoo.modules.registry import Registry

        Registry.delete(db_name)
        odoo_command(config_path, "-d", db_name, "-u", "talent_crm")
        marker["addon_version"] = addon_version()
        with environment(db_name) as env:
            write_marker(env, marker)
            env.cr.commit()
    with environment(db_name) as env:
        generator = Generator(env, scale, seed=seed, anchor=datetime.fromisoformat(marker["anchor"]), log=log)
        pending = [s for s in registered_steps() if s.name not in marker["steps"]]
        compact = not marker.get("compacted")
        if pending:
            marker = generator.run_steps(marker)
            if any(s.name in marker["steps"] for s in pending):
                check_generated(env, seed=seed)
                compact = True
        if compact:
            marker["compacted"] = True
            write_marker(env, marker)
        env.cr.commit()
    if compact:
        vacuum_database(db_name, full=True, log=log)
    return marker
