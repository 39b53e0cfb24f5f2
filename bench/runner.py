# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Run scenarios: warm up, then alternate fast and baseline runs, each in a rolled-back
transaction, counting time and SQL queries."""

import logging
import time
import traceback

from . import stats
from .database import vacuum_database

_logger = logging.getLogger(__name__)


def _environment(cr, scenario):
    from odoo import SUPERUSER_ID, api

    env = api.Environment(cr, SUPERUSER_ID, {})
    uid = SUPERUSER_ID
    if scenario.user:
        user = env["res.users"].search([("login", "=", scenario.user)], limit=1)
        if not user:
            raise RuntimeError("user %s is missing from the bench database" % scenario.user)
        uid = user.id
    context = env["res.users"].browse(uid).context_get()
    return api.Environment(cr, uid, dict(context))


def measure_once(cr, scenario, variant):
    """One run of ``variant`` ("fast" or "baseline") in a fresh transaction, rolled back.

    Returns ``(seconds, queries, records, result_key)``; the time and query count cover
    the call and the flush of what it left pending, not ``setup``.
    """
    cr.rollback()
    env = _environment(cr, scenario)
    try:
        state = scenario.setup(env)
        env.flush_all()
        env.invalidate_all()
        function = getattr(scenario, variant)
        queries_before = cr.sql_log_count
        start = time.perf_counter()
        result = function(env, state)
        env.flush_all()
        elapsed = time.perf_counter() - start
        queries = cr.sql_log_count - queries_before
        records = scenario.records(env, state)
        key = scenario.result_key(env, result)
        scenario.teardown(env, state)
    finally:
        cr.rollback()
    return elapsed, queries, records, key


def _skip_reason(scenario, env):
    missing = scenario.missing_requirements(env)
    if missing:
        feature = scenario.feature and " (%s)" % scenario.feature or ""
        return "feature not on this branch%s: %s missing" % (feature, ", ".join(missing))
    if getattr(scenario, "pending", False):
        return "not written yet: the feature is here, fill in bench/scenarios/%s.py" % scenario.name
    return None


def _series(label, times, queries, records):
    summary = stats.summarize(times)
    query_median = stats.median(queries)
    return {
        "label": label,
        "times": [round(t, 6) for t in times],
        "queries": queries,
        "time": {k: (round(v, 6) if isinstance(v, float) else v) for k, v in summary.items()},
        "queries_median": query_median,
        "queries_per_record": stats.per_record(query_median, records),
        "ms_per_record": stats.per_record(summary["median"] * 1000, records),
    }


def run_scenario(cr, scenario_cls, runs, log=print):
    """Measure one scenario; returns its result dict (status ok, skipped or error)."""
    scenario = scenario_cls()
    result = {
        "name": scenario.name,
        "title": scenario.title,
        "description": scenario.description,
        "baseline_label": scenario.baseline_label,
        "status": "ok",
    }
    cr.rollback()
    reason = _skip_reason(scenario, _environment(cr, scenario))
    if reason:
        result.update(status="skipped", reason=reason)
        log("%-24s skipped: %s" % (scenario.name, reason))
        return result
    if scenario.max_runs:
        runs = min(runs, scenario.max_runs)
    result["runs"] = runs
    try:
        # Every scenario starts from the database as built: the runs of an earlier one are
        # rolled back, but leave dead rows (the pool rule refresh's baseline rewrites every
        # talent, doubling hr_applicant) and row estimates autovacuum took meanwhile (151,684
        # pool memberships counted as 36,776), which the next scenario's plans would follow.
        cr.rollback()
        vacuum_database(cr.dbname)
        start = time.perf_counter()
        # warm-up: registry caches, PostgreSQL buffers; also proves both ways agree
        scenario.warming_up = True
        _t, _q, _r, fast_key = measure_once(cr, scenario, "fast")
        _t, _q, _r, baseline_key = measure_once(cr, scenario, "baseline")
        scenario.warming_up = False
        if fast_key != baseline_key:
            raise AssertionError("the fast path and its baseline give different results")
        samples = {"fast": ([], []), "baseline": ([], [])}
        records = None
        for run in range(runs):
            for variant in ("fast", "baseline"):
                elapsed, queries, records, key = measure_once(cr, scenario, variant)
                # every measured run is checked, not only the warm-up (which may work on less data)
                if key != fast_key and not scenario.warm_up_differs:
                    raise AssertionError("run %d: the %s result differs from the warm-up's" % (run + 1, variant))
                if variant == "fast":
                    run_key = key
                elif key != run_key:
                    raise AssertionError("run %d: the fast path and its baseline give different results" % (run + 1))
                samples[variant][0].append(elapsed)
                samples[variant][1].append(queries)
        fast = _series("fast", *samples["fast"], records)
        baseline = _series(scenario.baseline_label, *samples["baseline"], records)
        result.update(
            records=records,
            fast=fast,
            baseline=baseline,
            speedup=stats.ratio(baseline["time"]["median"], fast["time"]["median"]),
            query_ratio=stats.ratio(baseline["queries_median"], fast["queries_median"]),
            seconds=round(time.perf_counter() - start, 2),
        )
        log(format_line(result))
    except Exception as error:  # noqa: BLE001 - one broken scenario must not hide the others
        cr.rollback()
        result.update(status="error", reason="%s: %s" % (type(error).__name__, error),
                      traceback=traceback.format_exc())
        log("%-24s ERROR %s" % (scenario.name, result["reason"]))
        _logger.debug(result["traceback"])
    return result


def format_line(result):
    """One progress line for a measured scenario."""
    from .report import fmt_ratio, fmt_time

    return "%-24s fast %s, baseline %s, %s faster; %d records, %s vs %s queries (%.1f s)" % (
        result["name"],
        fmt_time(result["fast"]["time"]["median"]),
        fmt_time(result["baseline"]["time"]["median"]),
        fmt_ratio(result["speedup"]),
        result["records"],
        result["fast"]["queries_median"],
        result["baseline"]["queries_median"],
        result["seconds"],
    )
