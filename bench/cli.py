# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""``python3 -m bench run|generate|list``: see README.rst, "Benchmarks"."""

import argparse
import datetime
import os
import sys
import time

from .database import REPO_DIR, default_db_name

DEFAULT_CONFIG = REPO_DIR / ".odoo" / "odoo.conf"
DEFAULT_RESULTS = REPO_DIR / "bench" / "results"
README_SCALE = 10000  # the scale whose results README.rst shows


def log(message):
    print(message, flush=True)


def _common(parser):
    parser.add_argument("--config", default=str(DEFAULT_CONFIG), help="Odoo configuration file (%(default)s)")
    parser.add_argument("--scale", type=int, default=10000, help="number of talents (%(default)s)")
    parser.add_argument("--db", help="bench database (default: talent_crm_bench_<scale>)")
    parser.add_argument("--seed", type=int, default=42, help="random seed of the generator (%(default)s)")
    parser.add_argument("--rebuild", action="store_true", help="build the database again even if it is current")
    parser.add_argument(
        "--anchor", type=datetime.date.fromisoformat,
        help="date the generated history ends on (YYYY-MM-DD; default: today); with the seed it fixes "
             "every generated value",
    )
    parser.add_argument(
        "--pg-jit", choices=["off", "server"], default="off",
        help="PostgreSQL JIT for the bench's connections: off (default, as for OLTP workloads) or the "
             "server's own setting. With JIT on, PostgreSQL compiles the huge OR-domains of some ORM "
             "queries (e.g. hr_skills' overlap check on a batch of 1000 talents) for many minutes.",
    )


def build_parser():
    parser = argparse.ArgumentParser(prog="python3 -m bench", description="talent_crm benchmarks")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="build or reuse the bench database, run the scenarios")
    _common(run)
    run.add_argument("--runs", type=int, default=5, help="measured runs per scenario and way (%(default)s)")
    run.add_argument("--scenario", action="append", help="run only this scenario (repeatable)")
    run.add_argument("--results-dir", default=str(DEFAULT_RESULTS), help="where results go (%(default)s)")
    run.add_argument("--no-write", action="store_true", help="print only, write no result files")
    run.add_argument(
        "--update-readme", choices=["auto", "yes", "no"], default="auto",
        help="copy the results table into README.rst; auto: after a full run at scale 10000 (%(default)s)",
    )
    generate = commands.add_parser("generate", help="build or reuse the bench database only")
    _common(generate)
    commands.add_parser("list", help="list the scenarios")
    render = commands.add_parser("render", help="write the PNG and RST (and README table) again from a JSON result")
    render.add_argument("json", help="a bench/results/bench-<scale>.json file")
    render.add_argument("--update-readme", action="store_true", help="also copy the table into README.rst")
    return parser


def _prepare(args):
    from .database import init_odoo, prepare

    if args.pg_jit == "off":
        # libpq applies PGOPTIONS to every connection of this process and of its subprocesses
        os.environ["PGOPTIONS"] = (os.environ.get("PGOPTIONS", "") + " -c jit=off").strip()

    init_odoo(args.config)
    db_name = args.db or default_db_name(args.scale)
    start = time.perf_counter()
    anchor = args.anchor and datetime.datetime.combine(args.anchor, datetime.time())
    marker = prepare(
        args.config, db_name, args.scale, seed=args.seed, anchor=anchor, rebuild=args.rebuild, log=log
    )
    elapsed = time.perf_counter() - start
    return db_name, marker, elapsed


def command_generate(args):
    db_name, marker, elapsed = _prepare(args)
    log("%s ready in %.1f s (steps: %s)" % (
        db_name, elapsed, ", ".join("%s %.1f s" % item for item in marker.get("timings", {}).items())))
    return 0


def command_list(_args):
    from .scenarios import all_scenarios

    for scenario in all_scenarios():
        pending = " (slot: %s)" % scenario.feature if getattr(scenario, "pending", False) else ""
        log("%-24s %s%s" % (scenario.name, scenario.title, pending))
    return 0


def command_render(args):
    import json
    from pathlib import Path

    from . import report

    bench_report = json.loads(Path(args.json).read_text())
    paths = report.write_results(bench_report, Path(args.json).parent)
    log("results: %s" % ", ".join(str(p) for p in paths))
    if args.update_readme:
        report.update_readme(REPO_DIR / "README.rst", bench_report)
        log("README.rst updated")
    return 0


def command_run(args):
    from . import report, runner
    from .scenarios import all_scenarios

    started = time.perf_counter()
    build_stamp = datetime.datetime.now().isoformat()
    db_name, marker, prepare_seconds = _prepare(args)
    selected = all_scenarios()
    if args.scenario:
        unknown = set(args.scenario) - {s.name for s in selected}
        if unknown:
            log("unknown scenario(s): %s" % ", ".join(sorted(unknown)))
            return 2
        selected = [s for s in selected if s.name in args.scenario]

    from odoo.modules.registry import Registry

    registry = Registry(db_name)
    results = []
    with registry.cursor() as cr:
        machine = report.machine_description(cr, REPO_DIR)
        log("running %d scenario(s), %d runs each after a warm-up" % (len(selected), args.runs))
        for scenario in selected:
            results.append(runner.run_scenario(cr, scenario, args.runs, log=log))
        cr.rollback()
    generation_seconds = sum(marker.get("timings", {}).values())
    bench_report = {
        "machine": machine,
        "database": {
            "name": db_name,
            "scale": args.scale,
            "seed": args.seed,
            "anchor": marker.get("anchor"),
            "core_version": marker.get("core_version"),
            "steps": marker.get("steps"),
            "generation": {
                "install": marker.get("install_seconds"),
                "generate": round(generation_seconds, 1),
                "step_seconds": marker.get("timings"),
                "check": marker.get("check_seconds"),
                "total": round((marker.get("install_seconds") or 0) + generation_seconds
                               + (marker.get("check_seconds") or 0), 1),
            },
            "prepare_seconds_this_run": round(prepare_seconds, 1),
            "built_this_run": marker.get("built_at", "") >= build_stamp,
        },
        "runs": args.runs,
        "scenarios": results,
        "duration_seconds": round(time.perf_counter() - started, 1),
    }
    log("")
    log(report.text_table(results))
    log("")
    log("total %.1f s (database %.1f s)" % (bench_report["duration_seconds"], prepare_seconds))
    if not args.no_write:
        paths = report.write_results(bench_report, args.results_dir)
        log("results: %s" % ", ".join(str(p) for p in paths))
        full_run = not args.scenario and args.scale == README_SCALE
        if args.update_readme == "yes" or (args.update_readme == "auto" and full_run):
            report.update_readme(REPO_DIR / "README.rst", bench_report)
            log("README.rst updated")
    return 1 if any(r["status"] == "error" for r in results) else 0


def main(argv=None):
    args = build_parser().parse_args(argv)
    commands = {"run": command_run, "generate": command_generate, "list": command_list, "render": command_render}
    return commands[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
