# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Compare two logs of Odoo's own test runner (``--test-tags ...``): one on a database with
talent_crm, one on a database with the same dependencies without it.

Each log is read into one status per test: ``pass``, ``fail``, ``error`` or ``skip``. Odoo logs
``Starting <Class>.<method> ...`` when a test starts (INFO, logger = the test's Python module),
``FAIL: <description>`` / ``ERROR: <description>`` when it fails, ``skipped <description> : ...``
when it is skipped, and at the end ``<x> failed, <y> error(s) of <z> tests when loading database
'<db>'`` (odoo/tests/result.py, odoo/service/server.py). A test that started and neither failed nor
erred passed. A failing subtest counts against its test. Browser console lines (logger
``<test module>.<Class>.<method>.browser``) are not results.

Writes ``without.txt``, ``with.txt`` (one ``status test`` per line, sorted) and ``diff.txt`` to the
output directory and prints a summary. Exit status: 1 if a test fails (or erred, or was skipped, or
did not run) with talent_crm and passes without it, or if the number of tests differs; 2 if a log
has no summary line (the run crashed); 0 otherwise.
"""

import argparse
import re
import sys
from pathlib import Path

LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) (?P<db>\S+) (?P<logger>\S+): (?P<msg>.*)$"
)
STARTING = re.compile(r"^Starting (?P<desc>.+?) \.\.\.")
FAILURE = re.compile(r"^(?P<kind>FAIL|ERROR): (?P<desc>.+?)\s*$")
SKIPPED = re.compile(r"^skipped (?P<desc>.+?) : ")
SUBTEST = re.compile(r"^Subtest (?P<test>\S+)")
# unittest's _ErrorHolder: "setUpClass (odoo.addons.x.tests.test_y.TestZ)"
HOLDER = re.compile(r"^(?P<hook>\w+) \((?P<where>[\w.]+)\)$")
SUMMARY = re.compile(
    r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<total>\d+) tests when loading database"
)
ADDONS = "odoo.addons."
RANK = {"pass": 0, "skip": 1, "fail": 2, "error": 2, "missing": 3}


def _test_id(logger, desc):
    """Return the dotted id of a test: <module>.tests.<file>.<Class>.<method>."""
    holder = HOLDER.match(desc)
    if holder:
        where = holder["where"].removeprefix(ADDONS)
        return f"{where}.{holder['hook']}"
    subtest = SUBTEST.match(desc)
    if subtest:
        desc = subtest["test"]
    return f"{logger.removeprefix(ADDONS)}.{desc}"


def _entries(path):
    """Yield (level, logger, first message line, continuation lines) for each log entry."""
    current = None
    with open(path, encoding="utf-8", errors="replace") as log:
        for raw in log:
            line = raw.rstrip("\n")
            match = LINE.match(line)
            if match:
                if current:
                    yield current
                current = (match["level"], match["logger"], match["msg"], [])
            elif current:
                current[3].append(line)
    if current:
        yield current


def parse_log(path):
    """Return ({test id: status}, {test id: reason}, summary dict or None)."""
    status, reasons, summary = {}, {}, None
    for level, logger, msg, rest in _entries(path):
        if match := STARTING.match(msg):
            status.setdefault(_test_id(logger, match["desc"]), "pass")
        elif level == "ERROR" and not logger.endswith(".browser") and (match := FAILURE.match(msg)):
            test = _test_id(logger, match["desc"])
            kind = "fail" if match["kind"] == "FAIL" else "error"
            if status.get(test) != "error":
                status[test] = kind
            lines = [line.strip() for line in rest if line.strip()]
            reason = lines[-1] if lines else ""
            reasons.setdefault(test, f"{match['desc']}: {reason}"[:300])
        elif match := SKIPPED.match(msg):
            test = _test_id(logger, match["desc"])
            if status.get(test, "pass") == "pass":
                status[test] = "skip"
        elif match := SUMMARY.search(msg):
            summary = {key: int(value) for key, value in match.groupdict().items()}
    return status, reasons, summary


def _write_list(path, status, reasons):
    with open(path, "w", encoding="utf-8") as out:
        for test in sorted(status):
            line = f"{status[test]:5} {test}"
            if test in reasons:
                line += f"    # {reasons[test]}"
            out.write(line + "\n")


def _summary_text(summary):
    if not summary:
        return "no summary line (the run did not finish)"
    return f"{summary['failed']} failed, {summary['errors']} error(s) of {summary['total']} tests"


def compare(log_without, log_with, out_dir):
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    without, reasons_without, sum_without = parse_log(log_without)
    with_, reasons_with, sum_with = parse_log(log_with)
    _write_list(out_dir / "without.txt", without, reasons_without)
    _write_list(out_dir / "with.txt", with_, reasons_with)

    regressions, improvements, changed = [], [], []
    for test in sorted(set(without) | set(with_)):
        before, after = without.get(test, "missing"), with_.get(test, "missing")
        if before == after:
            continue
        if RANK[after] > RANK[before]:
            regressions.append((test, before, after))
        elif RANK[after] < RANK[before]:
            improvements.append((test, before, after))
        else:
            changed.append((test, before, after))

    counts_differ = bool(sum_without and sum_with and sum_without["total"] != sum_with["total"])
    lines = [
        f"without talent_crm: {_summary_text(sum_without)} ({len(without)} tests in the log)",
        f"with talent_crm:    {_summary_text(sum_with)} ({len(with_)} tests in the log)",
    ]
    for label, status, reasons in (("without", without, reasons_without), ("with", with_, reasons_with)):
        bad = [test for test in sorted(status) if status[test] != "pass"]
        lines.append(f"not passing {label} talent_crm: {len(bad)}")
        lines += [f"  {status[test]:5} {test}    # {reasons.get(test, '')}".rstrip(" #") for test in bad]
    if counts_differ:
        lines.append(f"TEST COUNTS DIFFER: {sum_without['total']} without, {sum_with['total']} with talent_crm")
    lines.append(f"worse with talent_crm: {len(regressions)}")
    lines += [f"  {test}: {before} -> {after}    # {reasons_with.get(test, '')}".rstrip(" #")
              for test, before, after in regressions]
    lines.append(f"better with talent_crm: {len(improvements)}")
    lines += [f"  {test}: {before} -> {after}" for test, before, after in improvements]
    if changed:
        lines.append(f"failing differently: {len(changed)}")
        lines += [f"  {test}: {before} -> {after}" for test, before, after in changed]

    if not (sum_without and sum_with):
        verdict, code = "INCOMPLETE: a run has no summary line, see its log", 2
    elif regressions or counts_differ:
        verdict, code = "DIFFERENCE: talent_crm changes the result of Odoo's own tests", 1
    else:
        verdict, code = "NO DIFFERENCE: every test that passes without talent_crm passes with it", 0
    lines.append(verdict)
    text = "\n".join(lines) + "\n"
    (out_dir / "diff.txt").write_text(text, encoding="utf-8")
    return text, code


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--without", required=True, help="test log of the database without talent_crm")
    parser.add_argument("--with", dest="with_", required=True, help="test log of the database with talent_crm")
    parser.add_argument("--out", required=True, help="directory for without.txt, with.txt and diff.txt")
    args = parser.parse_args(argv)
    text, code = compare(args.without, args.with_, args.out)
    sys.stdout.write(text)
    return code


if __name__ == "__main__":
    sys.exit(main())
