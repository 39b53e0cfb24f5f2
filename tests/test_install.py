# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Install with demo data, then uninstall, in a scratch database of its own.

Runs Odoo in subprocesses so that the suite's own test database is not touched.
"""

import os
import re
import socket
import subprocess
import sys

import psycopg2
import pytest

from odoo.tools import config

# tests tagged talent_crm_demo (they read the demo data): run on the demo database below
# (test_report_history's demo test and the three of test_matching_golden)
DEMO_TESTS = 4


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _connect(dbname):
    return psycopg2.connect(
        dbname=dbname,
        host=config["db_host"] or None,
        port=config["db_port"] or None,
        user=config["db_user"] or None,
        password=config["db_password"] or None,
    )


def _odoo(*args):
    cmd = [sys.executable, "-m", "odoo", *args]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=1200, check=False)
    assert result.returncode == 0, "%s failed:\n%s" % (" ".join(cmd), result.stderr[-4000:])
    return result


def _scratch_name():
    # one scratch database per test database, so that parallel checkouts do not collide
    db_name = config["db_name"]
    if isinstance(db_name, (list, tuple)):
        db_name = db_name[0]
    return "%s_install_check" % db_name


def _query(sql):
    with _connect(_scratch_name()) as conn, conn.cursor() as cr:
        cr.execute(sql)
        return cr.fetchall()


def _drop_scratch():
    conn = _connect("postgres")
    conn.autocommit = True
    with conn.cursor() as cr:
        cr.execute('DROP DATABASE IF EXISTS "%s"' % _scratch_name())
    conn.close()


@pytest.fixture
def scratch_db():
    _drop_scratch()
    yield _scratch_name()
    _drop_scratch()


def test_install_with_demo_then_uninstall(scratch_db):
    conf = config.rcfile or os.environ.get("ODOO_RC")
    assert conf, "the suite runs with --odoo-config"
    _odoo("-c", conf, "-d", scratch_db, "-i", "talent_crm", "--with-demo", "--stop-after-init", "--log-level=warn")

    [(state,)] = _query("SELECT state FROM ir_module_module WHERE name = 'talent_crm'")
    assert state == "installed"
    [(demo_talents,)] = _query(
        "SELECT count(*) FROM ir_model_data WHERE module = 'talent_crm' AND model = 'hr.applicant'"
    )
    assert demo_talents == 62, "60 foundation talents and 2 duplicates (hygiene demo)"
    [(pools,)] = _query(
        "SELECT count(*) FROM ir_model_data WHERE module = 'talent_crm' AND model = 'hr.talent.pool'"
    )
    assert pools == 6, "five demo pools and the default pool"
    [(without_partner,)] = _query(
        "SELECT count(*) FROM hr_applicant a JOIN hr_applicant_hr_talent_pool_rel r ON r.hr_applicant_id = a.id "
        "WHERE a.partner_id IS NULL"
    )
    assert without_partner == 0, "every talent has a partner"

    own_models = [
        model
        for (model,) in _query(
            # models only talent_crm declares (not the ones it extends)
            "SELECT m.model FROM ir_model m JOIN ir_model_data d ON d.model = 'ir.model' AND d.res_id = m.id "
            "GROUP BY m.model HAVING array_agg(DISTINCT d.module) = ARRAY['talent_crm'::varchar]"
        )
    ]
    assert "talent.touch" in own_models and "talent.consent" in own_models

    # the tests that need the demo data (tagged talent_crm_demo; skipped on the suite's database)
    # run here, by Odoo's own runner, on the demo database
    result = _odoo(
        "-c", conf, "-d", scratch_db, "--test-tags", "talent_crm_demo", "--stop-after-init",
        "--log-level=test", "--http-port=%s" % _free_port(),
    )  # fmt: skip
    ran = re.search(r"(\d+) post-tests in", result.stderr)
    assert ran and int(ran.group(1)) >= DEMO_TESTS, "the demo tests did not run:\n%s" % result.stderr[-4000:]
    failures = re.findall(r"^\S+ \S+ \d+ (?:ERROR|CRITICAL) .*$", result.stderr, re.MULTILINE)
    assert not failures, "demo tests failed:\n%s\n%s" % ("\n".join(failures), result.stderr[-6000:])
    skipped = re.findall(r"odoo\.addons\.talent_crm\.tests\.\S+: skipped .*$", result.stderr, re.MULTILINE)
    assert not skipped, "demo tests skipped on the demo database:\n%s" % "\n".join(skipped)

    _odoo("module", "uninstall", "-c", conf, "-d", scratch_db, "talent_crm")
    [(state,)] = _query("SELECT state FROM ir_module_module WHERE name = 'talent_crm'")
    assert state == "uninstalled"
    left = _query("SELECT model FROM ir_model WHERE model IN %s" % str(tuple(own_models)))
    assert not left, "models of talent_crm left after uninstall: %s" % left
    assert not _query("SELECT 1 FROM ir_model_data WHERE module = 'talent_crm'")
    columns = _query(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = 'hr_applicant' AND column_name LIKE 'talent\\_%'"
    )
    assert not columns, "talent_crm's columns are gone: %s" % columns
    [(applicants,)] = _query("SELECT count(*) FROM hr_applicant")
    assert applicants > 0, "Odoo's own recruitment data survives the uninstall"
