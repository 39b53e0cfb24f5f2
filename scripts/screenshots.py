#!/usr/bin/env python3
# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Take the README's screenshots from a running demo database (``make run``).

    python3 scripts/screenshots.py [--url http://localhost:8069] [--db talent_crm_demo]
                                   [--lang en_US|de_DE] [--out docs/screenshots] [--only NAME ...]

Headless Chromium is driven over its DevTools protocol with ``websocket-client`` (the same
pieces Odoo's own tours use), logged in as admin. Each shot opens a page of the web client,
optionally runs a click, waits for a selector and captures the viewport. With ``--lang de_DE``
the admin's language is switched for the run (and put back afterwards) and the files are written
to ``<out>/de``.
"""

import argparse
import base64
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.request import urlopen

import requests
import websocket

# name, path (or "job:<xmlid>" for the job's form), steps, the viewport height. A step is
# ("wait", selector), ("click", selector) or ("until", JS expression); the shot is taken after the last.
PYTHON_JOB = "job:talent_crm.hr_job_python_developer_demo"
OPEN_MATCHES = ("click", "button[name=action_talent_open_matches]")
MATCH_ROWS = ("wait", ".o_list_renderer .o_data_row")
CHART = ("wait", ".o_graph_renderer canvas")
SHOTS = [
    ("talents", "/odoo/action-talent_crm.hr_applicant_action_talent", [("wait", ".o_list_renderer .o_data_row")], 900),
    ("pools", "/odoo/action-talent_crm.hr_talent_pool_action_talent_crm", [("wait", ".o_kanban_record")], 900),
    ("lead-funnel", "/odoo/action-talent_crm.hr_applicant_action_talent_lead", [("wait", ".o_kanban_group")], 900),
    ("best-matches", PYTHON_JOB, [("wait", OPEN_MATCHES[1]), OPEN_MATCHES, MATCH_ROWS], 900),
    (
        "match-explained",
        PYTHON_JOB,
        [
            ("wait", OPEN_MATCHES[1]),
            OPEN_MATCHES,
            MATCH_ROWS,
            ("click", ".o_list_renderer .o_data_row td.o_data_cell"),
            ("until", "!document.querySelector('.o_list_renderer') && !!document.querySelector('.o_form_sheet')"),
        ],
        1000,
    ),
    ("pool-growth", "/odoo/action-talent_crm.talent_pool_growth_report_action", [CHART], 800),
    ("pool-health", "/odoo/action-talent_crm.talent_pool_health_report_action", [("wait", ".o_data_row")], 700),
    ("signup", "/talent/join", [("wait", "form")], 1100),
]


class Browser:
    def __init__(self, width=1440):
        self.width = width
        binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if not binary:
            sys.exit("Chromium is not installed (make setup installs it)")
        self.profile = tempfile.mkdtemp(prefix="talent_crm_shots_")
        self.port = 9333
        self.process = subprocess.Popen(
            [
                binary,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--remote-debugging-port={self.port}",
                f"--user-data-dir={self.profile}",
                f"--window-size={width},900",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _attempt in range(50):
            try:
                targets = json.load(urlopen(f"http://127.0.0.1:{self.port}/json"))
                page = next(t for t in targets if t["type"] == "page")
                break
            except (OSError, StopIteration):
                time.sleep(0.2)
        else:
            sys.exit("Chromium did not start")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60, suppress_origin=True)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def wait_until(self, expression, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.evaluate(expression):
                # let charts animate and the last RPCs settle
                time.sleep(1.5)
                return
            time.sleep(0.3)
        raise TimeoutError(f"{expression} did not hold")

    def shot(self, url, path, steps, height=900):
        self.call(
            "Emulation.setDeviceMetricsOverride", width=self.width, height=height, deviceScaleFactor=1, mobile=False
        )
        self.call("Page.navigate", url=url)
        time.sleep(1)
        for kind, target in steps:
            if kind == "click":
                self.evaluate(f"document.querySelector({json.dumps(target)}).click()")
                time.sleep(0.5)
            elif kind == "wait":
                self.wait_until(f"!!document.querySelector({json.dumps(target)})")
            else:
                self.wait_until(target)
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self):
        self.ws.close()
        self.process.terminate()
        self.process.wait(10)
        shutil.rmtree(self.profile, ignore_errors=True)


def rpc(session, url, model, method, args, kwargs=None):
    response = session.post(
        f"{url}/web/dataset/call_kw/{model}/{method}",
        json={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        },
        timeout=120,
    ).json()
    if "error" in response:
        raise RuntimeError(response["error"]["data"]["message"])
    return response["result"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default="talent_crm_demo")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--lang", default="en_US")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "docs" / "screenshots"))
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args()

    session = requests.Session()
    login = session.post(
        f"{args.url}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": args.db, "login": args.login, "password": args.password}},
        timeout=60,
    ).json()
    if "error" in login or not login.get("result", {}).get("uid"):
        sys.exit(f"cannot log in to {args.db} at {args.url}")
    uid = login["result"]["uid"]
    old_lang = rpc(session, args.url, "res.users", "read", [[uid], ["lang"]])[0]["lang"]
    out = Path(args.out) / ("de" if args.lang.startswith("de") else "")
    out.mkdir(parents=True, exist_ok=True)
    if args.lang != old_lang:
        if args.lang != "en_US":
            lang_ids = rpc(
                session, args.url, "res.lang", "search", [[("code", "=", args.lang), ("active", "in", [True, False])]]
            )
            wizard = rpc(session, args.url, "base.language.install", "create", [{"lang_ids": [(6, 0, lang_ids)]}])
            rpc(session, args.url, "base.language.install", "lang_install", [[wizard]])
        rpc(session, args.url, "res.users", "write", [[uid], {"lang": args.lang}])

    browser = Browser()
    try:
        host = args.url.split("//", 1)[1].split("/", 1)[0].split(":")[0]
        browser.call(
            "Network.setCookie", name="session_id", value=session.cookies["session_id"], domain=host, path="/"
        )
        for name, path, steps, height in SHOTS:
            if args.only and name not in args.only:
                continue
            if path.startswith("job:"):
                module, xmlid = path[4:].split(".")
                job_id = rpc(
                    session,
                    args.url,
                    "ir.model.data",
                    "search_read",
                    [[("module", "=", module), ("name", "=", xmlid)], ["res_id"]],
                )[0]["res_id"]
                path = f"/odoo/action-hr_recruitment.action_hr_job_config/{job_id}"
            target = out / f"{name}.png"
            try:
                browser.shot(args.url + path, target, steps, height)
                print(f"{target}")
            except (TimeoutError, RuntimeError) as error:
                print(f"{name}: not taken ({error})", file=sys.stderr)
    finally:
        browser.close()
        if args.lang != old_lang:
            rpc(session, args.url, "res.users", "write", [[uid], {"lang": old_lang}])


if __name__ == "__main__":
    main()
