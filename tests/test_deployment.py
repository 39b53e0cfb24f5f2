# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A multi-worker deployment serves live notifications (issue 22, point 4).

Odoo's gevent process (websocket and bus) starts with ``gevent.monkey.patch_all()``, which
failed with the zope.interface / zope.event releases pinned before (their dist-info names are
invisible to the interpreter's pkg_resources): every multi-worker start lost live notifications.
The server is started here as ``make run`` starts it with WORKERS set (odoo-bin, web workers,
the gevent port), on the suite's database with no cron worker (crons must not run on it).
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket

import odoo
from odoo.tools import config


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _db_name():
    name = config["db_name"]
    return name[0] if isinstance(name, (list, tuple)) else name


def test_gevent_patches_the_interpreter():
    result = subprocess.run(
        [sys.executable, "-c", "import gevent.monkey; gevent.monkey.patch_all(); print('patched')"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0 and "patched" in result.stdout, result.stderr[-2000:]


def test_multi_worker_server_serves_the_websocket():
    odoo_bin = os.path.join(os.path.dirname(list(odoo.__path__)[0]), "odoo-bin")
    http_port, gevent_port = _free_port(), _free_port()
    db = _db_name()
    with tempfile.NamedTemporaryFile("r", suffix=".log") as logfile:
        server = subprocess.Popen(
            [
                sys.executable,
                odoo_bin,
                "-c",
                config.rcfile,
                "-d",
                db,
                "--db-filter=^%s$" % db,
                "--workers=2",
                "--max-cron-threads=0",
                "--http-port=%s" % http_port,
                "--gevent-port=%s" % gevent_port,
                "--logfile=%s" % logfile.name,
                "--log-level=info",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 120
            health = None
            while time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen("http://127.0.0.1:%s/web/health" % http_port, timeout=5) as response:
                        health = response.status
                    ws = websocket.create_connection(
                        "ws://127.0.0.1:%s/websocket?version=19.0" % gevent_port,
                        origin="http://127.0.0.1:%s" % http_port,
                        timeout=10,
                    )
                    break
                except OSError:
                    time.sleep(1)
            else:
                raise AssertionError("no websocket after two minutes:\n%s" % logfile.read()[-4000:])
            assert health == 200
            assert ws.connected
            ws.close()
            log = logfile.read()
            assert "Evented Service (longpolling) running" in log
            assert "Traceback" not in log, log[-4000:]
        finally:
            server.terminate()
            server.wait(timeout=60)
