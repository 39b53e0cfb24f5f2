#!/usr/bin/env bash
# Odoo's own hr_recruitment and mass_mailing test suites, run on a fresh database with talent_crm
# and on a fresh database with the same dependencies (talent_crm's manifest `depends`) without it,
# then compared test by test. Some of Odoo's own tours fail on some Chromium builds either way:
# only the comparison counts. The tests that come out worse with talent_crm are run once more on
# both databases (a tour can time out on a busy machine); only a difference seen again counts.
# Logs and results go to .odoo/compare/ (without.log, with.log, retry-*.log, without.txt,
# with.txt, diff.txt). Exit status 1 if a test fails with talent_crm that passes without it (or
# the test counts differ), 2 if a run did not finish, 0 otherwise.
#   COMPARE_DB=talent_crm_cmp (databases <COMPARE_DB>_without and <COMPARE_DB>_with),
#   COMPARE_TAGS=/hr_recruitment,/mass_mailing (Odoo test tags), COMPARE_RETRY=1 (0: no retry),
#   WITH_DEMO=0 (1: demo data).
source "$(dirname "${BASH_SOURCE[0]}")/_env.sh"

COMPARE_DB="${COMPARE_DB:-talent_crm_cmp}"
COMPARE_TAGS="${COMPARE_TAGS:-/hr_recruitment,/mass_mailing}"
COMPARE_RETRY="${COMPARE_RETRY:-1}"
WITH_DEMO="${WITH_DEMO:-0}"
OUT_DIR="$STATE_DIR/compare"
# Odoo stops a test run after this many failures when it is set: never here.
unset ODOO_TEST_MAX_FAILED_TESTS

bash "$REPO_DIR/scripts/setup.sh"

DEPENDS="$("$PYTHON" -c 'import ast, sys; print(",".join(ast.literal_eval(open(sys.argv[1]).read())["depends"]))' \
    "$REPO_DIR/talent_crm/__manifest__.py")"
DEMO_ARGS=()
[ "$WITH_DEMO" = 1 ] && DEMO_ARGS=(--with-demo)

rm -rf "$OUT_DIR"
mkdir -p "$OUT_DIR"
START=$SECONDS

# run_tests LABEL TAGS LOG: Odoo's own runner on <COMPARE_DB>_<LABEL>, through `odoo shell` and
# odoo.tests.shell.run_tests, so that the at_install tests too run on the fully loaded registry.
# (`odoo --test-tags ... --stop-after-init` on an installed database runs them while the registry
# is loaded only up to their module: without talent_crm's Python code but against its NOT NULL
# columns, so every record they create fails, e.g. on res_company.talent_enrichment_provider.)
run_tests() {
    echo "from odoo.tests.shell import run_tests; run_tests(env, '$2')" \
        | "$PYTHON" -m odoo shell -c "$ODOO_CONF" -d "${COMPARE_DB}_$1" --http-port "$HTTP_PORT" \
            --log-level=info --screenshots="$OUT_DIR/screenshots" --logfile="$OUT_DIR/$3" || true
}

# run_suites LABEL MODULES: fresh database <COMPARE_DB>_<LABEL> with MODULES, then the test run.
run_suites() {
    local label="$1" modules="$2" db="${COMPARE_DB}_$1" t0=$SECONDS
    log "$label talent_crm: creating $db with $modules"
    dropdb --if-exists "$db"
    rm -rf "$STATE_DIR/data/filestore/$db"
    odoo_cmd -d "$db" -i "$modules" "${DEMO_ARGS[@]}" --stop-after-init --log-level=warn \
        --logfile="$OUT_DIR/install-$label.log" \
        || { tail -50 "$OUT_DIR/install-$label.log"; exit 2; }
    log "$label talent_crm: running $COMPARE_TAGS (log: $OUT_DIR/$label.log)"
    # Non-zero when a test fails: expected, the comparison decides.
    run_tests "$label" "$COMPARE_TAGS" "$label.log"
    log "$label talent_crm: done in $(( (SECONDS - t0) / 60 )) min $(( (SECONDS - t0) % 60 )) s"
}

run_suites without "$DEPENDS"
run_suites with talent_crm

COMPARE=("$PYTHON" "$REPO_DIR/scripts/compare_odoo_suites.py"
    --without "$OUT_DIR/without.log" --with "$OUT_DIR/with.log")
RETRY_TAGS=""
[ "$COMPARE_RETRY" = 1 ] && RETRY_TAGS="$("${COMPARE[@]}" --regression-tags)"
if [ -n "$RETRY_TAGS" ]; then
    log "retrying the tests that are worse with talent_crm, on both databases: $RETRY_TAGS"
    run_tests without "$RETRY_TAGS" retry-without.log
    run_tests with "$RETRY_TAGS" retry-with.log
    COMPARE+=(--retry-without "$OUT_DIR/retry-without.log" --retry-with "$OUT_DIR/retry-with.log")
fi

log "comparing (total $(( (SECONDS - START) / 60 )) min $(( (SECONDS - START) % 60 )) s)"
exec "${COMPARE[@]}" --out "$OUT_DIR"
