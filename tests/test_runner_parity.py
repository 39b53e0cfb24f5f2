# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Odoo's own runner (``odoo-bin --test-enable --test-tags /talent_crm``) runs the same tests as
this pytest suite: every ``test_*.py`` file pytest collects is imported by
``talent_crm/tests/__init__.py``, which is all Odoo's loader looks at."""

import json
import os
import subprocess
import sys
from pathlib import Path

from odoo.tools import config

TESTS = Path(__file__).resolve().parent.parent / "talent_crm" / "tests"

# run in a fresh interpreter: in this process pytest has imported every test file already
LIST_TESTS = """
import importlib, json, sys
import odoo
from odoo.tools import config
config.parse_config(["-c", sys.argv[1]])
import odoo.addons  # noqa: the addons path is set up
from odoo.tests.loader import get_module_test_cases, get_test_modules
from odoo.tests.tag_selector import TagsSelector
selector = TagsSelector("/talent_crm")

def ids(modules):
    return sorted(
        "%s.%s.%s" % (test.__module__.rsplit(".", 1)[-1], type(test).__name__, test._testMethodName)
        for module in modules for test in get_module_test_cases(module) if selector.check(test)
    )

odoo_view = ids(get_test_modules("talent_crm"))  # what Odoo's runner finds: first, before any import
files = sys.argv[2:]
pytest_view = ids(importlib.import_module("odoo.addons.talent_crm.tests." + name) for name in files)
print(json.dumps({"odoo": odoo_view, "pytest": pytest_view}))
"""


def test_odoo_runner_and_pytest_run_the_same_tests():
    conf = config.rcfile or os.environ.get("ODOO_RC")
    files = sorted(path.stem for path in TESTS.glob("test_*.py"))
    assert len(files) > 30
    result = subprocess.run(
        [sys.executable, "-c", LIST_TESTS, conf, *files], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    views = json.loads(result.stdout.strip().splitlines()[-1])
    odoo_view, pytest_view = set(views["odoo"]), set(views["pytest"])
    assert len(pytest_view) > 300, "the suite's tests are found"
    assert pytest_view - odoo_view == set(), "tests Odoo's runner would not run: import them in tests/__init__.py"
    assert odoo_view == pytest_view
