#!/usr/bin/env bash
# The whole check, as CI runs it: set-up, lint (OCA's pre-commit hooks, ruff, pylint-odoo), the
# wheel build, then the test suite on a fresh database with pytest-odoo (HttpCase tours in
# headless Chromium included). Stops at the first step that fails. Ends on pytest's summary,
# which also gives the number of tests Odoo's runner and pytest find (tests/test_runner_parity.py);
# the exit status is pytest's.
source "$(dirname "${BASH_SOURCE[0]}")/_env.sh"

TEST_DB="${TEST_DB:-talent_crm_test}"

bash "$REPO_DIR/scripts/setup.sh"
bash "$REPO_DIR/scripts/lint.sh"
bash "$REPO_DIR/scripts/wheel.sh"

log "creating a fresh test database $TEST_DB"
dropdb --if-exists "$TEST_DB"
rm -rf "$STATE_DIR/data/filestore/$TEST_DB"
odoo_cmd -d "$TEST_DB" -i talent_crm --stop-after-init --log-level=warn --logfile="$STATE_DIR/install-$TEST_DB.log" \
    || { tail -50 "$STATE_DIR/install-$TEST_DB.log"; exit 1; }

log "running the test suite"
cd "$REPO_DIR"
exec "$PYTHON" -m pytest \
    --odoo-config="$ODOO_CONF" \
    --odoo-database="$TEST_DB" \
    --odoo-http \
    --odoo-log-level=warn \
    "$@"
