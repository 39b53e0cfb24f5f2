# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Suite-wide rule: a skipped test is a failed test.

Odoo skips browser tours silently when Chromium or websocket-client is missing. In this
project nothing is meant to be skipped, so any skip turns the run red.
"""

import pytest


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and exitstatus == pytest.ExitCode.OK:
        reporter.write_line(
            "%d test(s) were skipped: this suite allows no skips (missing Chromium?)" % len(skipped),
            red=True,
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
