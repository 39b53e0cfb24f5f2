#!/usr/bin/env bash
# Odoo's own hr_recruitment and mass_mailing test suites, run on a fresh database with talent_crm
# and on a fresh database with the same dependencies (talent_crm's manifest `depends`) without it,
# then compared test by test. Some of Odoo's own tours fail on some Chromium builds either way:
# only the comparison counts. Logs and results go to .odoo/compare/ (without.log, with.log,
# without.txt, with.txt, diff.txt). Exit status 1 if a test fails with talent_crm that passes
# without it (or the test counts differ), 2 if a run did not finish, 0 otherwise.
#   COMPARE_DB=talent_crm_cmp (databases <COMPARE_DB>_without and <COMPARE_DB>_with),
#   COMPARE_TAGS=/hr_recruitment,/mass_mailing (Odoo --test-tags), WITH_DEMO=0 (1: demo data).
source "$(dirname "${BASH_SOURCE[0]}")/_env.sh"

COMPARE_DB="${COMPARE_DB:-talent_crm_cmp}"
COMPARE_TAGS="${COMPARE_TAGS:-/hr_recruitment,/mass_mailing}"
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
    odoo_cmd -d "$db" --test-tags "$COMPARE_TAGS" --stop-after-init --http-port "$HTTP_PORT" \
        --log-level=info --screenshots="$OUT_DIR/screenshots" --logfile="$OUT_DIR/$label.log" || true
    log "$label talent_crm: done in $(( (SECONDS - t0) / 60 )) min $(( (SECONDS - t0) % 60 )) s"
}

run_suites without "$DEPENDS"
run_suites with talent_crm

log "comparing (total $(( (SECONDS - START) / 60 )) min $(( (SECONDS - START) % 60 )) s)"
exec "$PYTHON" "$REPO_DIR/scripts/compare_odoo_suites.py" \
    --without "$OUT_DIR/without.log" --with "$OUT_DIR/with.log" --out "$OUT_DIR"
