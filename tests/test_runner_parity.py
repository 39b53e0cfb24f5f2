# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Odoo's own runner (``odoo-bin --test-enable --test-tags /talent_crm``) and pytest run the same
tests of talent_crm: the same test ids, as many of them.

Both views are taken from the tools themselves, each in a fresh interpreter: Odoo's through
``odoo.tests.loader.make_suite``, which is what the runner executes at install and post-install
(it finds only the modules ``talent_crm/tests/__init__.py`` imports, and only the test methods a
class defines itself); pytest's through ``pytest --collect-only`` on ``talent_crm/tests``. The two
counts are printed in the summary of the run (see ``conftest.py``)."""

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from odoo.tools import config

REPO = Path(__file__).resolve().parent.parent

ODOO_RUNNER = """
import json, sys
from odoo.tools import config
config.parse_config(["-c", sys.argv[1], "--test-enable", "--test-tags", "/talent_crm"])
import odoo.addons  # noqa: the addons path is set up
from odoo.tests.loader import make_suite
print(json.dumps([
    "%s.%s.%s" % (test.__module__.rsplit(".", 1)[-1], type(test).__name__, test._testMethodName)
    for position in ("at_install", "post_install")
    for test in make_suite(["talent_crm"], position)
]))
"""


def _run(cmd):
    result = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, "%s failed:\n%s\n%s" % (cmd[:4], result.stdout[-3000:], result.stderr[-3000:])
    return result.stdout


def _odoo_view(conf):
    return json.loads(_run([sys.executable, "-c", ODOO_RUNNER, conf]).strip().splitlines()[-1])


def _pytest_view(conf):
    db_name = config["db_name"]
    db_name = db_name[0] if isinstance(db_name, (list, tuple)) else db_name
    out = _run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "--odoo-config=%s" % conf]
        + (["--odoo-database=%s" % db_name] if db_name else [])
        + ["talent_crm/tests"]
    )
    ids = []
    for line in out.splitlines():
        if "::" in line:  # talent_crm/tests/test_x.py::Class::method
            path, cls, method = line.strip().split("::")
            ids.append("%s.%s.%s" % (Path(path).stem, cls, method))
    return ids


def test_odoo_runner_and_pytest_run_the_same_tests(record_property):
    conf = config.rcfile or os.environ.get("ODOO_RC")
    assert conf, "the suite runs with --odoo-config"
    odoo_view, pytest_view = Counter(_odoo_view(conf)), Counter(_pytest_view(conf))
    record_property("runner_parity", {"odoo": sum(odoo_view.values()), "pytest": sum(pytest_view.values())})
    test_files = {path.stem for path in (REPO / "talent_crm" / "tests").glob("test_*.py")}
    assert len(test_files) > 30
    assert {test_id.split(".")[0] for test_id in pytest_view} == test_files, "pytest collects every test file"
    assert sum(pytest_view.values()) > 300, "the suite's tests are found"
    only_pytest, only_odoo = sorted(pytest_view - odoo_view), sorted(odoo_view - pytest_view)
    assert not only_pytest, "Odoo's runner would not run (import their module in tests/__init__.py): %s" % only_pytest
    assert not only_odoo, "pytest would not run: %s" % only_odoo
    assert odoo_view == pytest_view
