#!/usr/bin/env bash
# Benchmarks: build (or reuse) the bench database talent_crm_bench_<SCALE> with talent_crm and
# generated data, run every scenario of bench/scenarios/, print the results table and write
# bench/results/bench-<SCALE>.{json,png,rst} (and README.rst's table after a full run at 10000).
#   SCALE=10000 (talents; 100000 for the large bench), RUNS=5 (measured runs per way),
#   BENCH_DB=talent_crm_bench_<SCALE>; extra arguments go to `python3 -m bench run`
#   (e.g. --scenario pool_counts, --rebuild, --no-write).
source "$(dirname "${BASH_SOURCE[0]}")/_env.sh"

SCALE="${SCALE:-10000}"
RUNS="${RUNS:-5}"
BENCH_DB="${BENCH_DB:-talent_crm_bench_$SCALE}"

bash "$REPO_DIR/scripts/setup.sh"

cd "$REPO_DIR"
exec "$PYTHON" -m bench run --config "$ODOO_CONF" --scale "$SCALE" --runs "$RUNS" --db "$BENCH_DB" "$@"
