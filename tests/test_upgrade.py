# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Upgrade a database installed from the last 19.0.1.0.0 commit to the working tree's addon.

19.0.1.0.0 filled stored data while updating the schema: ``res.partner._auto_init`` filled the
last counted touch (``talent_cap_touch_date`` / ``_company_id``) when the column was new, and
``talent.pool.membership.init`` opened a membership for every pool member without one, at every
update. Those one-off backfills now live in ``talent_crm/migrations/``. The old database is left
in the state they fixed (a database from before the columns existed: dropped here; a member
without an open membership), then ``-u talent_crm`` must leave the data as the old code did.

Runs Odoo in subprocesses, in a scratch database of its own.
"""

import ast
import os
import subprocess
import sys
import tarfile
from io import BytesIO
from pathlib import Path

import psycopg2
import pytest

from odoo.tools import config
from odoo.tools.parse_version import parse_version

REPO = Path(__file__).resolve().parent.parent
OLD_COMMIT = "2b93a4a"  # main before the one-model-one-home reshape (19.0.1.0.0)

# run by `odoo shell` on the old code: a person with two counted touches in a pool, committed
SETUP_SCRIPT = """
from odoo import Command
company = env.ref("base.main_company")
pool = env["hr.talent.pool"].create({"name": "Upgrade pool", "company_id": company.id})
talent = env["hr.applicant"].create({
    "partner_name": "Upgrade Person",
    "email_from": "upgrade.person@example.com",
    "company_id": company.id,
    "talent_pool_ids": [Command.set(pool.ids)],
})
partner = talent.partner_id
touches = env["talent.touch"].sudo().create([
    {"partner_id": partner.id, "company_id": company.id, "summary": "older", "date": "2026-01-05 10:00:00"},
    {"partner_id": partner.id, "company_id": company.id, "summary": "newer", "date": "2026-02-07 11:00:00"},
    {"partner_id": partner.id, "company_id": company.id, "summary": "reply", "direction": "inbound",
     "date": "2026-03-01 09:00:00"},
])
# one contact frequency for every company (19.0.1.2.0 makes it company-dependent)
partner.talent_contact_frequency = "quarterly"
company_b = env["res.company"].create({"name": "Upgrade company B"})
talent_b = env["hr.applicant"].with_company(company_b).create({
    "partner_name": "Upgrade Person B", "email_from": "upgrade.b@example.com", "company_id": company_b.id,
})
talent_b.partner_id.talent_contact_frequency = "monthly"
env.cr.commit()
print("IDS", partner.id, talent.id, pool.id, company.id)
print("FREQ", talent_b.partner_id.id, company_b.id)
"""


def _connect(dbname):
    return psycopg2.connect(
        dbname=dbname,
        host=config["db_host"] or None,
        port=config["db_port"] or None,
        user=config["db_user"] or None,
        password=config["db_password"] or None,
    )


def _scratch_name():
    db_name = config["db_name"]
    if isinstance(db_name, (list, tuple)):
        db_name = db_name[0]
    return "%s_upgrade_check" % db_name


def _drop_scratch():
    conn = _connect("postgres")
    conn.autocommit = True
    with conn.cursor() as cr:
        cr.execute('DROP DATABASE IF EXISTS "%s"' % _scratch_name())
    conn.close()


def _execute(sql, params=None):
    with _connect(_scratch_name()) as conn, conn.cursor() as cr:
        cr.execute(sql, params)
        return cr.fetchall() if cr.description else None


def _odoo(*args, stdin=None):
    cmd = [sys.executable, "-m", "odoo", *args]
    result = subprocess.run(cmd, capture_output=True, text=True, input=stdin, timeout=900, check=False)
    assert result.returncode == 0, "%s failed:\n%s" % (" ".join(cmd), result.stderr[-4000:])
    return result


def _addons_path(talent_crm_parent):
    """The configured addons path with ``talent_crm`` taken from ``talent_crm_parent``."""
    paths = config["addons_path"]
    if isinstance(paths, str):
        paths = paths.split(",")
    paths = [str(p) for p in paths if not (Path(p) / "talent_crm" / "__manifest__.py").exists()]
    return ",".join([*paths, str(talent_crm_parent)])


def _manifest_version(addon_dir):
    return ast.literal_eval((addon_dir / "__manifest__.py").read_text())["version"]


@pytest.fixture
def scratch_db():
    _drop_scratch()
    yield _scratch_name()
    _drop_scratch()


def test_upgrade_from_19_0_1_0_0(scratch_db, tmp_path):
    conf = config.rcfile or os.environ.get("ODOO_RC")
    assert conf, "the suite runs with --odoo-config"
    migrations = sorted((REPO / "talent_crm" / "migrations").iterdir(), key=lambda p: parse_version(p.name))
    assert parse_version(_manifest_version(REPO / "talent_crm")) >= parse_version(migrations[-1].name), (
        "the manifest's version must reach the newest migration (%s), or Odoo skips it" % migrations[-1].name
    )

    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", OLD_COMMIT, "talent_crm"], capture_output=True, check=True
    ).stdout
    old = tmp_path / "old"
    old.mkdir()
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(old, filter="data")
    assert _manifest_version(old / "talent_crm") == "19.0.1.0.0"
    old_path = _addons_path(old)

    odoo_args = ["-c", conf, "-d", scratch_db, "--stop-after-init", "--log-level=warn"]
    _odoo(*odoo_args, "--addons-path", old_path, "-i", "talent_crm")
    shell = _odoo("shell", "-c", conf, "-d", scratch_db, "--addons-path", old_path, "--no-http",
                  "--log-level=warn", stdin=SETUP_SCRIPT)
    ids_line = next(line for line in shell.stdout.splitlines() if line.startswith("IDS "))
    partner_id, talent_id, pool_id, company_id = (int(x) for x in ids_line.split()[1:])
    freq_line = next(line for line in shell.stdout.splitlines() if line.startswith("FREQ "))
    partner_b_id, company_b_id = (int(x) for x in freq_line.split()[1:])

    # what the old code filled, as it left it
    [(cap_date, cap_company, last_touch, last_engagement)] = _execute(
        "SELECT talent_cap_touch_date, talent_cap_touch_company_id, talent_last_touch_date, "
        "talent_last_engagement_date FROM res_partner WHERE id = %s",
        [partner_id],
    )
    assert (str(cap_date), cap_company) == ("2026-02-07 11:00:00", company_id)
    [(memberships,)] = _execute(
        "SELECT count(*) FROM talent_pool_membership WHERE talent_id = %s AND pool_id = %s AND date_left IS NULL",
        [talent_id, pool_id],
    )
    assert memberships == 1

    # the state both backfills fix: a database from before the last counted touch existed, and a
    # pool member without an open membership
    _execute(
        "ALTER TABLE res_partner DROP COLUMN talent_cap_touch_date, DROP COLUMN talent_cap_touch_company_id;"
        "DELETE FROM talent_pool_membership WHERE talent_id = %s",
        [talent_id],
    )

    _odoo(*odoo_args, "--addons-path", _addons_path(REPO), "-u", "talent_crm")

    [(version,)] = _execute("SELECT latest_version FROM ir_module_module WHERE name = 'talent_crm'")
    assert version == _manifest_version(REPO / "talent_crm")
    [(cap_date, cap_company, touch_date, engagement_date)] = _execute(
        "SELECT talent_cap_touch_date, talent_cap_touch_company_id, talent_last_touch_date, "
        "talent_last_engagement_date FROM res_partner WHERE id = %s",
        [partner_id],
    )
    assert (str(cap_date), cap_company) == ("2026-02-07 11:00:00", company_id), "newest counted touch backfilled"
    assert (touch_date, engagement_date) == (last_touch, last_engagement), "the other dates are untouched"
    assert str(touch_date) == "2026-02-07 11:00:00" and str(engagement_date) == "2026-03-01 09:00:00"
    rows = _execute(
        "SELECT join_method, date_joined = a.create_date FROM talent_pool_membership m "
        "JOIN hr_applicant a ON a.id = m.talent_id WHERE m.talent_id = %s AND m.pool_id = %s AND m.date_left IS NULL",
        [talent_id, pool_id],
    )
    assert rows == [("other", True)], "the member's membership is open again, from when the talent was created"
    # the contact frequency, now company-dependent: for the companies of each person's talents
    rows = _execute(
        "SELECT id, talent_contact_frequency FROM res_partner WHERE id IN %s ORDER BY id",
        [(partner_id, partner_b_id)],
    )
    assert rows == sorted(
        [(partner_id, {str(company_id): "quarterly"}), (partner_b_id, {str(company_b_id): "monthly"})]
    ), "the contact frequency is kept, per company"
