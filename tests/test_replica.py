# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Heavy reads on a PostgreSQL replica (issue 22, point 3), with a real streaming standby.

The suite's test transactions are never committed, so a server process cannot see them: the
test copies the suite's database (its committed state: talent_crm installed, no test data) to
``<db>_replica``, starts a second PostgreSQL cluster on a free port as a streaming standby of
the local one (``pg_basebackup -R``, as the ``postgres`` user; statements logged), starts a real
Odoo server on the copy with ``--db_replica_host``/``--db_replica_port`` pointing at the
standby, builds a small recruiting world over JSON-RPC as the administrator, then reads as a
recruiter and a marketer. The standby's own log shows which statements it ran: the reads ran
there, no write ever did. A lagging standby (replay paused) and a stopped one give the same
answers. Everything is torn down in all cases (and leftovers of an interrupted run are removed
first), so the test can run twice.
"""

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

import psycopg2
import pytest
import requests

import odoo
from odoo import SUPERUSER_ID, api, sql_db
from odoo.modules.registry import Registry
from odoo.tools import config

# the statements that prove where each read ran (from the SQL talent_crm and Odoo send)
MARKERS = {
    "ranking of matching": "penalised AS (",
    "audience preview": "WITH matched AS MATERIALIZED",
    "pool health report": 'FROM "talent_pool_health_report"',
    "engagement report": 'FROM "talent_engagement_report"',
    "pool growth report": 'FROM "talent_pool_growth_report"',
    "match outcome report": 'FROM "talent_match_outcome_report"',
    "pool counts": 'GROUP BY "hr_applicant__talent_pool_ids"',
    "digest figures": 'FROM "talent_source_report"',
}
LOG_ENTRY = re.compile(r"\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ )")
WRITES = re.compile(r"\b(INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|TRUNCATE)\b")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _available_memory():
    with open("/proc/meminfo") as meminfo:
        return next(int(line.split()[1]) * 1024 for line in meminfo if line.startswith("MemAvailable:"))


def _db_name():
    name = config["db_name"]
    return name[0] if isinstance(name, (list, tuple)) else name


def _connect(dbname, **params):
    info = dict(sql_db.connection_info_for(dbname)[1], **params)
    cnx = psycopg2.connect(**info)
    cnx.autocommit = True
    return cnx


def _query(dbname, query, *args, **params):
    with contextlib.closing(_connect(dbname, **params)) as cnx, cnx.cursor() as cr:
        cr.execute(query, args)
        return cr.fetchall() if cr.description else None


class Standby:
    """A streaming standby of the local cluster in a directory of its own, run as ``postgres``."""

    def __init__(self, name):
        # the copy of the whole cluster goes to memory when there is room (a throwaway copy:
        # writing and deleting it on a busy disk took a minute each here), else to disk
        size = _query("postgres", "SELECT sum(pg_database_size(oid)) FROM pg_database")[0][0]
        memory = "/dev/shm"
        roomy = os.path.isdir(memory) and min(shutil.disk_usage(memory).free, _available_memory()) > 3 * size
        parent = memory if roomy else tempfile.gettempdir()
        self.dir = os.path.join(parent, "talent_crm_standby_%s" % name)
        # where an interrupted run may have left it
        self.places = [os.path.join(place, "talent_crm_standby_%s" % name) for place in (memory, tempfile.gettempdir())]
        self.cluster_mb = size / 2**20
        self.data = os.path.join(self.dir, "data")
        self.log = os.path.join(self.dir, "standby.log")
        self.port = None
        version = int(_query("postgres", "SHOW server_version_num")[0][0]) // 10000
        self.bin = "/usr/lib/postgresql/%s/bin" % version

    def run(self, *command, check=True):
        # as the postgres OS user, with none of the suite's PG* variables: through the local
        # socket, where Debian's pg_hba.conf lets postgres replicate (peer authentication)
        env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8"}
        return subprocess.run(
            ["runuser", "-u", "postgres", "--", *command],
            env=env, cwd="/", capture_output=True, text=True, timeout=600, check=check,
        )

    def remove(self):
        """Stop the standby if it runs (also one an interrupted run left) and delete it."""
        for place in self.places:
            data = os.path.join(place, "data")
            if os.path.exists(os.path.join(data, "postmaster.pid")):
                self.run(os.path.join(self.bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop", check=False)
            shutil.rmtree(place, ignore_errors=True)

    def create(self):
        os.makedirs(self.dir, mode=0o700)
        shutil.chown(self.dir, "postgres", "postgres")
        port = _query("postgres", "SHOW port")[0][0]
        started = time.monotonic()
        # -N: no fsync of a throwaway copy; -X stream: the WAL written meanwhile comes along
        self.run(
            os.path.join(self.bin, "pg_basebackup"), "-p", port,
            "-U", "postgres", "-D", self.data, "-R", "-X", "stream", "-c", "fast", "-N",
        )
        self.basebackup_seconds = time.monotonic() - started
        # a hot standby needs the primary's limits at least
        limits = _query(
            "postgres",
            "SELECT name, setting FROM pg_settings WHERE name IN ('max_connections', 'max_worker_processes',"
            " 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction')",
        )
        self.port = _free_port()
        settings = dict(
            limits,
            port=self.port,
            listen_addresses="'127.0.0.1'",
            unix_socket_directories="'%s'" % self.dir,
            hot_standby="on",
            logging_collector="off",
            log_statement="'all'",
            log_line_prefix="'%m [%p] db=%d user=%u '",
        )
        with open(os.path.join(self.data, "postgresql.conf"), "w") as conf:
            conf.writelines("%s = %s\n" % item for item in settings.items())
        with open(os.path.join(self.data, "pg_hba.conf"), "w") as hba:
            hba.write("local all postgres peer\nhost all all 127.0.0.1/32 scram-sha-256\n")
        open(os.path.join(self.data, "pg_ident.conf"), "w").close()
        for name in ("postgresql.conf", "pg_hba.conf", "pg_ident.conf"):
            shutil.chown(os.path.join(self.data, name), "postgres", "postgres")
        self.start()

    def start(self):
        self.run(os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-l", self.log, "-w", "-t", "120", "start")

    def stop(self):
        self.run(os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-m", "fast", "-w", "stop")

    def sql(self, query):
        """Run ``query`` on the standby as its superuser (through its socket)."""
        return self.run(os.path.join(self.bin, "psql"), "-h", self.dir, "-p", str(self.port), "-d", "postgres",
                        "-tAc", query).stdout.strip()

    def wait_caught_up(self, dbname, timeout=60):
        """Until the standby replayed everything the primary had flushed."""
        lsn = _query(dbname, "SELECT pg_current_wal_flush_lsn()")[0][0]
        deadline = time.monotonic() + timeout
        while self.sql("SELECT pg_last_wal_replay_lsn() >= '%s'::pg_lsn" % lsn) != "t":
            assert time.monotonic() < deadline, "the standby did not catch up"
            time.sleep(0.1)

    def log_size(self):
        return os.path.getsize(self.log)

    def statements(self, dbname, since):
        """The log entries (a statement spans several lines) of ``dbname`` after offset ``since``."""
        with open(self.log, encoding="utf-8", errors="replace") as log:
            log.seek(since)
            entries = LOG_ENTRY.split(log.read())
        return [entry for entry in entries if "db=%s " % dbname in entry.split("\n", 1)[0]]


class Rpc:
    """A JSON-RPC session of one user with the web client's routes."""

    def __init__(self, url, db, login, password):
        self.url, self.session = url, requests.Session()
        self.call_route("/web/session/authenticate", {"db": db, "login": login, "password": password})

    def call_route(self, route, params):
        response = self.session.post(
            self.url + route, json={"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}, timeout=120
        )
        response.raise_for_status()
        body = response.json()
        assert "error" not in body, body["error"]
        return body["result"]

    def call(self, model, method, *args, button=False, **kwargs):
        route = "/web/dataset/%s/%s/%s" % ("call_button" if button else "call_kw", model, method)
        return self.call_route(route, {"model": model, "method": method, "args": list(args), "kwargs": kwargs})


class ReplicaSite:
    """The suite's database copied, a standby, and a server using it as its replica."""

    def __init__(self):
        self.source = _db_name()
        self.db = "%s_replica" % self.source
        self.standby = Standby(self.db)
        self.server = None
        self.logfile = os.path.join(tempfile.gettempdir(), "talent_crm_replica_%s.log" % self.db)
        self.pidfile = os.path.join(tempfile.gettempdir(), "talent_crm_replica_%s.pid" % self.db)
        self.figures = {}

    def _kill_left_server(self):
        """The server of an interrupted run, if it still runs (its pid file names it)."""
        with contextlib.suppress(FileNotFoundError, ValueError):
            with open(self.pidfile) as pidfile:
                pid = int(pidfile.read())
            with contextlib.suppress(FileNotFoundError), open("/proc/%s/cmdline" % pid, "rb") as cmdline:
                if ("--db-filter=^%s$" % self.db).encode() in cmdline.read():
                    os.kill(pid, signal.SIGKILL)
            os.remove(self.pidfile)

    def _drop_db(self):
        _query("postgres", 'DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % self.db)
        shutil.rmtree(os.path.join(config["data_dir"], "filestore", self.db), ignore_errors=True)

    def start(self):
        self.stop()  # what an interrupted run left
        started = time.monotonic()
        with Registry(self.source).cursor() as cr:
            # hashed as Odoo hashes (a plain text password is hashed again at the first login: a
            # write that a read on the standby might not see yet)
            password = api.Environment(cr, SUPERUSER_ID, {})["res.users"]._crypt_context().hash("admin")
        # the suite's idle connections to its database would forbid copying it
        sql_db.close_db(self.source)
        _query("postgres", 'CREATE DATABASE "%s" TEMPLATE "%s"' % (self.db, self.source))
        _query(self.db, "UPDATE res_users SET password = %s WHERE id = 2", password)
        self.figures["database copy"] = time.monotonic() - started
        self.standby.create()
        self.figures["cluster (MB)"] = self.standby.cluster_mb
        self.figures["pg_basebackup"] = self.standby.basebackup_seconds
        server_started = time.monotonic()
        port = _free_port()
        self.url = "http://127.0.0.1:%s" % port
        odoo_bin = os.path.join(os.path.dirname(list(odoo.__path__)[0]), "odoo-bin")
        self.server = subprocess.Popen(
            [
                sys.executable, odoo_bin, "-c", config.rcfile, "-d", self.db, "--db-filter=^%s$" % self.db,
                "--http-port=%s" % port, "--max-cron-threads=0", "--workers=0",
                "--db_replica_host=127.0.0.1", "--db_replica_port=%s" % self.standby.port,
                "--logfile=%s" % self.logfile, "--log-level=info",
                "--log-handler=odoo.addons.talent_crm.tools.replica:DEBUG",
            ],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        with open(self.pidfile, "w") as pidfile:
            pidfile.write(str(self.server.pid))
        deadline = time.monotonic() + 120
        while True:
            try:
                requests.get(self.url + "/web/health", timeout=5).raise_for_status()
                break
            except requests.RequestException:
                assert self.server.poll() is None and time.monotonic() < deadline, self.server_log()[-3000:]
                time.sleep(0.5)
        self.figures["server start"] = time.monotonic() - server_started
        self.figures["set-up"] = time.monotonic() - started

    def server_log(self):
        with open(self.logfile, encoding="utf-8", errors="replace") as log:
            return log.read()

    def stop(self):
        started = time.monotonic()
        if self.server is not None:
            self.server.terminate()
            try:
                self.server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait()
            self.server = None
        self._kill_left_server()
        self.figures["server stop"] = time.monotonic() - started
        self.standby.remove()
        self.figures["standby removal"] = time.monotonic() - started - self.figures["server stop"]
        self._drop_db()
        with contextlib.suppress(FileNotFoundError):
            os.remove(self.logfile)
        self.figures["tear-down"] = time.monotonic() - started


@pytest.fixture(scope="module")
def site():
    site = ReplicaSite()
    try:
        site.start()
        yield site
    finally:
        standby_port = site.standby.port
        site.stop()
        if standby_port:
            with socket.socket() as sock:
                assert sock.connect_ex(("127.0.0.1", standby_port)), "the standby still listens"
        print("\nreplica figures (s): %s" % ", ".join("%s %.1f" % item for item in site.figures.items()))
        assert not os.path.exists(site.standby.dir)
    assert not _query("postgres", "SELECT 1 FROM pg_database WHERE datname = %s", site.db)


def _xmlid(admin, *names):
    rows = admin.call(
        "ir.model.data", "search_read",
        [("module", "in", [n.split(".")[0] for n in names]), ("name", "in", [n.split(".")[1] for n in names])],
        ["module", "name", "res_id"],
    )
    ids = {"%s.%s" % (row["module"], row["name"]): row["res_id"] for row in rows}
    return [ids[name] for name in names]


def _world(site):
    """Two users, a pool of six talents with skills, a job asking for Python, the digest."""
    admin = Rpc(site.url, site.db, "admin", "admin")
    talent_user, talent_manager, mailing_user, digest = _xmlid(
        admin, "talent_crm.group_talent_crm_user", "talent_crm.group_talent_crm_manager",
        "mass_mailing.group_mass_mailing_user",
        "talent_crm.digest_digest_talent_crm",
    )
    admin.call("res.company", "write", [1], {"talent_require_consent": False})
    recruiter, marketer, _manager = admin.call("res.users", "create", [
        {"name": "Rita Recruiter", "login": "replica_recruiter", "password": "replica_recruiter",
         "email": "rita@example.com", "group_ids": [(6, 0, [talent_user])]},
        {"name": "Max Manager", "login": "replica_manager", "password": "replica_manager",
         "email": "max@example.com", "group_ids": [(6, 0, [talent_manager])]},
        {"name": "Mara Marketer", "login": "replica_marketer", "password": "replica_marketer",
         "email": "mara@example.com", "group_ids": [(6, 0, [talent_user, mailing_user])]},
    ])
    skill_type = admin.call("hr.skill.type", "create", {
        "name": "Programming (replica)",
        "skill_ids": [(0, 0, {"name": "Python"})],
        "skill_level_ids": [(0, 0, {"name": "Beginner", "level_progress": 25}),
                            (0, 0, {"name": "Expert", "level_progress": 100, "default_level": True})],
    })
    # searches run on the standby: once it replayed the creation
    site.standby.wait_caught_up(site.db)
    [python] = admin.call("hr.skill", "search", [("skill_type_id", "=", skill_type)])
    beginner, expert = admin.call("hr.skill.level", "search", [("skill_type_id", "=", skill_type)],
                                  order="level_progress")
    pool = admin.call("hr.talent.pool", "create", {"name": "Backend (replica)", "company_id": 1})

    def talent(name, level=None):
        skills = [(0, 0, {"skill_id": python, "skill_level_id": level, "skill_type_id": skill_type})]
        return {"partner_name": name, "email_from": "%s@example.com" % name.lower().replace(" ", "."),
                "talent_pool_ids": [(6, 0, [pool])], "applicant_skill_ids": skills if level else []}

    admin.call("hr.applicant", "create", [
        talent("Eva Expert", expert), talent("Bert Beginner", beginner), talent("Carl Beginner", beginner),
        talent("Dora Doe"), talent("Emil Doe"), talent("Fritz Doe"),
    ])
    job = admin.call("hr.job", "create", {
        "name": "Python Backend Engineer (replica)", "company_id": 1, "user_id": recruiter,
        "description": "<p>Build backend services in Python.</p>",
        "job_skill_ids": [(0, 0, {"skill_id": python, "skill_level_id": expert, "skill_type_id": skill_type})],
    })
    admin.call("digest.digest", "write", [digest], {"user_ids": [(4, recruiter)]})
    # the first ranking of a company stores its matching version (a write: on the primary)
    admin.call("hr.job", "action_talent_open_matches", [job], button=True)
    # the users' sessions are checked against their password on the standby: once it has them
    site.standby.wait_caught_up(site.db)
    return {
        "admin": admin, "recruiter": Rpc(site.url, site.db, "replica_recruiter", "replica_recruiter"),
        "marketer": Rpc(site.url, site.db, "replica_marketer", "replica_marketer"),
        "manager": Rpc(site.url, site.db, "replica_manager", "replica_manager"),
        "job": job, "pool": pool, "digest": digest, "skill_type": skill_type, "python": python, "expert": expert,
    }


def _reads(world):
    """The heavy reads, as the users who make them; returns what they show."""
    recruiter, marketer = world["recruiter"], world["marketer"]
    action = recruiter.call("hr.job", "action_talent_open_matches", [world["job"]], button=True)
    matches = recruiter.call(
        "talent.match.result", "web_search_read", action["domain"], {"talent_label": {}, "rank": {}}
    )["records"]
    preview = marketer.call("mailing.mailing", "talent_preview_audience", {
        "mailing_domain": "[]", "mailing_type": "mail", "talent_pool_ids": [world["pool"]], "talent_company_id": 1,
    })
    health = recruiter.call(
        "talent.pool.health.report", "formatted_read_group", [("pool_id", "=", world["pool"])],
        ["pool_id"], ["talent_count:sum"],
    )
    # the other reports as their views read them (graph, pivot): only their SQL matters here
    recruiter.call("talent.engagement.report", "formatted_read_group", [], [], ["__count"])
    recruiter.call("talent.pool.growth.report", "formatted_read_grouping_sets", [], [[]], ["__count"])
    world["manager"].call("talent.match.outcome.report", "formatted_read_group", [], [], ["__count"])
    counts = recruiter.call(
        "hr.talent.pool", "web_search_read", [("id", "=", world["pool"])],
        {"talent_reachable_count": {}, "talent_open_count": {}},
    )["records"]
    return {
        "matches": [(match["rank"], match["talent_label"]) for match in matches],
        "preview": preview,
        "health": [group["talent_count:sum"] for group in health],
        "counts": [(pool["talent_reachable_count"], pool["talent_open_count"]) for pool in counts],
    }


EXPECTED = {
    "preview": {"count": 6, "held": 0},
    "health": [6],
    "counts": [(6, 0)],
}


def test_heavy_reads_run_on_the_standby_and_survive_it(site):
    world = _world(site)
    standby = site.standby
    standby.wait_caught_up(site.db)
    since = standby.log_size()

    started = time.monotonic()
    shown = _reads(world)
    site.figures["reads on the standby"] = time.monotonic() - started
    assert shown["matches"][:3] == [(1, "Eva Expert"), (2, "Bert Beginner"), (3, "Carl Beginner")], shown
    assert {key: shown[key] for key in EXPECTED} == EXPECTED
    # the digest cron's figures (sent by the administrator: the digest is the cron's)
    world["admin"].call("digest.digest", "action_send", [world["digest"]], button=True)

    # the standby ran the reads, and no write at all
    statements = standby.statements(site.db, since)
    log = "\n".join(statements)
    for read, marker in MARKERS.items():
        assert marker in log, "the %s did not run on the standby:\n%s" % (
            read,
            "\n".join(line for line in site.server_log().splitlines() if "tools.replica" in line or "WARNING" in line),
        )
    assert not [line for line in statements if "ERROR" in line or WRITES.search(line.split("statement:", 1)[-1])]
    server_log = site.server_log()
    assert "retrying with a read/write cursor" not in server_log
    assert "A read on the replica wrote" not in server_log

    # a lagging standby: a talent joins while the standby replays nothing; matching (read on
    # the primary after a short wait) and its results show her at once
    standby.sql("SELECT pg_wal_replay_pause()")
    admin = world["admin"]
    admin.call("hr.applicant", "create", {
        "partner_name": "Anna Newcomer", "email_from": "anna@example.com", "talent_pool_ids": [(6, 0, [world["pool"]])],
        "applicant_skill_ids": [(0, 0, {"skill_id": world["python"], "skill_level_id": world["expert"],
                                        "skill_type_id": world["skill_type"]})],
        "talent_availability": "open",
    })
    started = time.monotonic()
    action = world["recruiter"].call("hr.job", "action_talent_open_matches", [world["job"]], button=True)
    site.figures["matching with a lagging standby"] = time.monotonic() - started
    matches = world["recruiter"].call(
        "talent.match.result", "web_search_read", action["domain"], {"talent_label": {}, "rank": {}}
    )["records"]
    assert {match["talent_label"] for match in matches[:2]} == {"Eva Expert", "Anna Newcomer"}, matches
    standby.sql("SELECT pg_wal_replay_resume()")
    standby.wait_caught_up(site.db)

    # a standby that is down: the same answers, from the primary
    standby.stop()
    started = time.monotonic()
    again = _reads(world)
    site.figures["reads with the standby down"] = time.monotonic() - started
    assert again["preview"] == {"count": 7, "held": 0}
    assert again["counts"] == [(7, 1)] and again["health"] == [7]
    assert {label for _rank, label in again["matches"][:2]} == {"Eva Expert", "Anna Newcomer"}
