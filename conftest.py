# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Suite-wide rules.

- A skipped test is a failed test. Odoo skips browser tours silently when Chromium or
  websocket-client is missing. In this project nothing is meant to be skipped, so any skip turns
  the run red.
- Tests Odoo's runner leaves out of ``--test-tags /talent_crm`` (tagged ``-standard``: the
  ``talent_crm_demo`` tests, which read the demo data and run on the demo database of
  ``tests/test_install.py``) are left out by pytest too.
- The summary says how many tests Odoo's runner and pytest find (``tests/test_runner_parity.py``
  proves they are the same tests), so a reader of the run sees both counts.
"""

import pytest


def pytest_collection_modifyitems(config, items):
    kept, deselected = [], []
    for item in items:
        tags = getattr(getattr(item, "cls", None), "test_tags", None)
        (deselected if tags is not None and "standard" not in tags else kept).append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and exitstatus == pytest.ExitCode.OK:
        reporter.write_line(
            "%d test(s) were skipped: this suite allows no skips (missing Chromium?)" % len(skipped),
            red=True,
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter):
    for reports in terminalreporter.stats.values():
        for report in reports:
            counts = dict(getattr(report, "user_properties", ())).get("runner_parity")
            if counts and getattr(report, "when", None) == "call":
                terminalreporter.write_line(
                    "talent_crm tests: Odoo's runner (--test-tags /talent_crm) finds %(odoo)d, "
                    "pytest collects %(pytest)d" % counts,
                    green=counts["odoo"] == counts["pytest"],
                    red=counts["odoo"] != counts["pytest"],
                )
