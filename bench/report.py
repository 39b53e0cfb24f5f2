# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Results: machine description, console and reStructuredText tables, JSON, PNG chart."""

import datetime
import json
import os
import platform
import re
import subprocess
import warnings
from pathlib import Path

README_BEGIN = ".. bench-results-begin"
README_END = ".. bench-results-end"


def _cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gb():
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _git_revision(repo_dir):
    try:
        revision = subprocess.run(
            ["git", "-C", str(repo_dir), "rev-parse", "--short", "HEAD"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(repo_dir), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        return revision + ("+changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return None


def machine_description(cr, repo_dir):
    """What the numbers were measured on."""
    import odoo.release

    cr.execute("SHOW server_version")
    pg_version = cr.fetchone()[0]
    cr.execute("SELECT name, setting FROM pg_settings WHERE name IN ('jit', 'shared_buffers', 'work_mem')")
    pg_settings = dict(cr.fetchall())
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "memory_gb": _memory_gb(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "os": platform.platform(),
        "python": platform.python_version(),
        "postgresql": pg_version,
        "postgresql_settings": pg_settings,
        "odoo": odoo.release.version,
        "git_revision": _git_revision(repo_dir),
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
    }


def fmt_time(seconds):
    if seconds is None:
        return "-"
    if seconds >= 10:
        return "%.1f s" % seconds
    if seconds >= 1:
        return "%.2f s" % seconds
    if seconds >= 0.01:
        return "%.0f ms" % (seconds * 1000)
    return "%.1f ms" % (seconds * 1000)


def fmt_ratio(value):
    if value is None:
        return "-"
    if value == float("inf"):
        return "inf"
    return "%.1fx" % value if value < 100 else "%.0fx" % value


def _fmt_queries(series):
    per_record = series["queries_per_record"]
    median = series["queries_median"]
    median = int(median) if float(median).is_integer() else median
    if per_record is None:
        return "%s" % median
    return "%s (%s/rec)" % (median, ("%.2f" % per_record) if per_record < 10 else ("%.0f" % per_record))


def table_rows(results):
    """Rows of the results table: header first, then one row per scenario."""
    rows = [[
        "Scenario", "Records", "Runs", "Fast: median (min-max)", "Queries", "Baseline", "Baseline: median (min-max)",
        "Queries", "Speed-up",
    ]]
    for result in results:
        if result["status"] != "ok":
            label = "skipped" if result["status"] == "skipped" else "ERROR"
            rows.append([result["name"], "-", "-", "%s: %s" % (label, result["reason"]), "",
                         result["baseline_label"], "", "", "-"])
            continue
        fast, baseline = result["fast"], result["baseline"]
        rows.append([
            result["name"],
            str(result["records"]),
            str(result.get("runs", len(fast["times"]))),
            "%s (%s-%s)" % (fmt_time(fast["time"]["median"]), fmt_time(fast["time"]["min"]),
                            fmt_time(fast["time"]["max"])),
            _fmt_queries(fast),
            result["baseline_label"],
            "%s (%s-%s)" % (fmt_time(baseline["time"]["median"]), fmt_time(baseline["time"]["min"]),
                            fmt_time(baseline["time"]["max"])),
            _fmt_queries(baseline),
            fmt_ratio(result["speedup"]),
        ])
    return rows


def text_table(results):
    rows = table_rows(results)
    measured = [row for row in rows if not row[3].startswith(("skipped", "ERROR"))]
    widths = [max(len(row[i]) for row in measured) for i in range(len(rows[0]))]
    widths[0] = max(len(row[0]) for row in rows)
    lines = []
    for index, row in enumerate(rows):
        if row[3].startswith(("skipped", "ERROR")):
            lines.append("  ".join([row[0].ljust(widths[0]), row[1].rjust(widths[1]), row[2].rjust(widths[2]),
                                    row[3]]))
        else:
            cells = [cell.rjust(widths[i]) if i in (1, 2, 8) else cell.ljust(widths[i])
                     for i, cell in enumerate(row)]
            lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("-" * len(lines[0]))
    return "\n".join(lines)


def _machine_line(report):
    machine = report["machine"]
    jit = machine.get("postgresql_settings", {}).get("jit")
    return "%s, %s cores, %s GB RAM (load average %s at the start); PostgreSQL %s%s, Python %s, Odoo %s; %s" % (
        machine["cpu"], machine["cores"], machine["memory_gb"], machine["load_average"][0],
        machine["postgresql"].split(" ")[0], " (jit %s)" % jit if jit else "", machine["python"], machine["odoo"],
        machine["date"][:10],
    )


def rst_table(report):
    """The results as reStructuredText, for README.rst and bench/results/."""
    rows = table_rows(report["scenarios"])
    database = report["database"]
    lines = [
        "Scale %d talents (seed %s); after one warm-up, %d measured runs per scenario "
        "and way (fewer where a slow scenario caps them); times are medians with (min-max), queries "
        "are SQL queries per run, speed-up is baseline median / fast median."
        % (database["scale"], database["seed"], report["runs"]),
        "Machine: %s." % _machine_line(report),
        "",
        ".. list-table::",
        "   :header-rows: 1",
        "",
    ]
    for row in rows:
        for index, cell in enumerate(row):
            cell = cell.replace("*", "\\*") or " "
            if index == 0 and row is not rows[0]:
                cell = "``%s``" % cell
            lines.append("   %s %s" % ("* -" if index == 0 else "  -", cell))
    generation = database.get("generation") or {}
    if generation:
        lines += ["", "Bench database built in %s (talent_crm installed in %s, data generated in %s, "
                      "checked in %s); the whole command took %s%s." % (
                          fmt_time(generation.get("total")), fmt_time(generation.get("install")),
                          fmt_time(generation.get("generate")), fmt_time(generation.get("check")),
                          fmt_time(report.get("duration_seconds")),
                          ", building the database" if database.get("built_this_run") else "")]
    lines.append("")
    return "\n".join(lines)


def write_chart(report, path):
    """A small horizontal bar chart: median time of fast path and baseline per scenario."""
    with warnings.catch_warnings():
        # matplotlib's own dependencies warn about deprecations; Odoo would log them
        warnings.simplefilter("ignore")
        _write_chart(report, path)


def _write_chart(report, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    results = report["scenarios"]
    fig, ax = plt.subplots(figsize=(8, 0.55 * len(results) + 1.4), dpi=100)
    labels, y = [], []
    for index, result in enumerate(reversed(results)):
        labels.append(result["name"])
        y.append(index)
        if result["status"] != "ok":
            ax.text(1e-3, index, "  %s" % ("skipped: feature not on this branch"
                                          if result["status"] == "skipped" else "error"),
                    va="center", fontsize=8, color="#777777")
            continue
        for offset, key, color in ((0.18, "fast", "#2a7ab0"), (-0.18, "baseline", "#d08c30")):
            series = result[key]["time"]
            ax.barh(index + offset, series["median"], height=0.34, color=color,
                    xerr=[[series["median"] - series["min"]], [series["max"] - series["median"]]],
                    error_kw={"elinewidth": 0.8, "capsize": 2})
        ax.text(result["baseline"]["time"]["max"] * 1.15, index, fmt_ratio(result["speedup"]),
                va="center", fontsize=8)
    ax.set_xscale("log")
    slowest = max((r["baseline"]["time"]["max"] for r in results if r["status"] == "ok"), default=1.0)
    ax.set_xlim(1e-3, max(slowest * 4, 1e-2))
    ax.set_ylim(-0.7, len(results) - 0.3)
    ax.set_yticks(y)
    ax.set_yticklabels(labels, fontsize=8)
    ax.set_xlabel("seconds (median, min-max; log scale)")
    ax.set_title("talent_crm bench, %d talents" % report["database"]["scale"], fontsize=10)
    from matplotlib.patches import Patch

    fig.legend(handles=[Patch(color="#2a7ab0", label="fast path"), Patch(color="#d08c30", label="baseline")],
               fontsize=8, loc="lower center", ncol=2, frameon=False)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    fig.savefig(path)
    plt.close(fig)


def write_results(report, results_dir):
    """Write bench-<scale>.json, .png and .rst under ``results_dir``; return their paths."""
    results_dir = Path(results_dir)
    results_dir.mkdir(parents=True, exist_ok=True)
    stem = "bench-%d" % report["database"]["scale"]
    json_path = results_dir / (stem + ".json")
    json_path.write_text(json.dumps(report, indent=2, sort_keys=False, default=str) + "\n")
    png_path = results_dir / (stem + ".png")
    write_chart(report, png_path)
    rst_path = results_dir / (stem + ".rst")
    rst_path.write_text(rst_table(report))
    return json_path, png_path, rst_path


def update_readme(readme_path, report):
    """Replace the results block of README.rst with this report's table."""
    text = Path(readme_path).read_text()
    pattern = re.compile(re.escape(README_BEGIN) + r"\n.*?" + re.escape(README_END), re.S)
    if not pattern.search(text):
        raise RuntimeError("%s has no %s ... %s block" % (readme_path, README_BEGIN, README_END))
    block = "%s\n\n%s\n%s" % (README_BEGIN, rst_table(report), README_END)
    Path(readme_path).write_text(pattern.sub(lambda _m: block, text))
