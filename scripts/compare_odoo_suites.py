# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Compare two logs of Odoo's own test runner (``--test-tags ...``): one on a database with
talent_crm, one on a database with the same dependencies without it.

Each log is read into one status per test: ``pass``, ``fail``, ``error`` or ``skip``. Odoo logs
``Starting <Class>.<method> ...`` when a test starts (INFO, logger = the test's Python module),
``FAIL: <description>`` / ``ERROR: <description>`` when it fails, ``skipped <description> : ...``
when it is skipped, and at the end ``<x> failed, <y> error(s) of <z> tests`` (odoo/tests/result.py,
odoo/tests/shell.py). A test that started and neither failed nor
erred passed. A failing subtest counts against its test. Browser console lines (logger
``<test module>.<Class>.<method>.browser``) are not results.

Writes ``without.txt``, ``with.txt`` (one ``status test`` per line, sorted) and ``diff.txt`` to the
output directory and prints a summary. Exit status: 1 if a test fails (or erred, or was skipped, or
did not run) with talent_crm and passes without it, or if the number of tests differs; 2 if a log
has no summary line (the run crashed); 0 otherwise. With ``--retry-without``/``--retry-with`` (logs
of a second run of only the differing tests, selected by ``--regression-tags``), a test counts as
worse only if the retry shows it worse again; the others are listed as not confirmed.
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
# odoo.tests.shell: "Tests failed: 1 failed, 0 error(s) of 97 tests" (or "Tests passed: ...");
# odoo.service.server: "... of 97 tests when loading database 'x'".
SUMMARY = re.compile(r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<total>\d+) tests")
ADDONS = "odoo.addons."
RANK = {"pass": 0, "skip": 1, "fail": 2, "error": 2, "missing": 3}
# Class and module hooks are logged only when they fail: absent means they passed.
HOOKS = ("setUpClass", "tearDownClass", "setUpModule", "tearDownModule")


def _status(statuses, test):
    return statuses.get(test, "pass" if test.rsplit(".", 1)[-1] in HOOKS else "missing")


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


def _differences(without, with_):
    """Return (worse, better, changed) lists of (test, status without, status with)."""
    worse, better, changed = [], [], []
    for test in sorted(set(without) | set(with_)):
        before, after = _status(without, test), _status(with_, test)
        if before == after:
            continue
        if RANK[after] > RANK[before]:
            worse.append((test, before, after))
        elif RANK[after] < RANK[before]:
            better.append((test, before, after))
        else:
            changed.append((test, before, after))
    return worse, better, changed


def regression_tags(log_without, log_with):
    """Return Odoo test tags that select the tests worse with talent_crm, for a retry."""
    worse, _better, _changed = _differences(parse_log(log_without)[0], parse_log(log_with)[0])
    tags = set()
    for test, _before, _after in worse:
        parts = test.split(".")
        # <module>.tests.<file>.<Class>.<method or hook>
        module, klass, method = parts[0], parts[-2], parts[-1]
        tags.add(f"/{module}:{klass}" if method in HOOKS else f"/{module}:{klass}.{method}")
    return ",".join(sorted(tags))


def compare(log_without, log_with, out_dir, retry_without=None, retry_with=None):
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    without, reasons_without, sum_without = parse_log(log_without)
    with_, reasons_with, sum_with = parse_log(log_with)
    _write_list(out_dir / "without.txt", without, reasons_without)
    _write_list(out_dir / "with.txt", with_, reasons_with)

    regressions, improvements, changed = _differences(without, with_)
    # A regression is confirmed when the retry of the differing tests shows it again.
    unconfirmed = []
    if retry_without and retry_with:
        again_without, _reasons, _summary = parse_log(retry_without)
        again_with, _reasons, _summary = parse_log(retry_with)
        confirmed = []
        for test, before, after in regressions:
            retried = (_status(again_without, test), _status(again_with, test))
            if RANK[retried[1]] > RANK[retried[0]]:
                confirmed.append((test, before, after))
            else:
                unconfirmed.append((test, before, after, retried))
        regressions = confirmed

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
    if retry_without and retry_with:
        retried = len(regressions) + len(unconfirmed)
        lines.append(f"retry on both databases of the {retried} tests worse with talent_crm: "
                     f"{len(regressions)} worse again")
    if unconfirmed:
        lines.append(f"worse with talent_crm once, not on the retry: {len(unconfirmed)}")
        lines += [f"  {test}: {before} -> {after}; retry: {retried[0]} -> {retried[1]}"
                  for test, before, after, retried in unconfirmed]
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
    parser.add_argument("--out", help="directory for without.txt, with.txt and diff.txt")
    parser.add_argument("--retry-without", help="log of the retry of the differing tests without talent_crm")
    parser.add_argument("--retry-with", help="log of the retry of the differing tests with talent_crm")
    parser.add_argument("--regression-tags", action="store_true",
                        help="only print the Odoo test tags of the tests worse with talent_crm")
    args = parser.parse_args(argv)
    if args.regression_tags:
        print(regression_tags(args.without, args.with_))
        return 0
    if not args.out:
        parser.error("--out is required")
    text, code = compare(args.without, args.with_, args.out, args.retry_without, args.retry_with)
    sys.stdout.write(text)
    return code


if __name__ == "__main__":
    sys.exit(main())
