# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Reproduction 4 of issue 16, against real servers: two Odoo processes serve the test
database (committed data, real transactions under REPEATABLE READ, no shared test cursor),
several clients sign up with the same new address at the same moment and confirm at the
same moment. Exactly one contact and one talent exist for the address afterwards.

Inside an ``HttpCase`` every request shares one test cursor and runs one after the other, so
no such test can prove anything about concurrency: this one starts its own servers and
removes everything it committed in a ``finally`` block.
"""

import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time

import requests

from odoo import api
from odoo.tests import TransactionCase, tagged
from odoo.tools import config
from odoo.tools.misc import hmac

from .common import CONFIRM_LINK_RE, CSRF_RE

CLIENTS = 8
SERVERS = 2
START_TIMEOUT = 120
REQUEST_TIMEOUT = 90


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@tagged("post_install", "-at_install", "talent_crm", "talent_crm_concurrency")
class TestSignupConcurrency(TransactionCase):
    def _env(self, cr):
        return api.Environment(cr, api.SUPERUSER_ID, {"active_test": False})

    # ------------------------------------------------------------
    # Committed set-up and clean-up
    # ------------------------------------------------------------

    def _prepare(self, email):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            company = env.ref("base.main_company")
            params = env["ir.config_parameter"]
            saved = {
                "company": {
                    "talent_community_page": company.talent_community_page,
                    "talent_signup_pool_ids": company.talent_signup_pool_ids.ids,
                },
                "params": {
                    key: params.get_param(key)
                    for key in ("talent_crm.signup_rate_limit", "talent_crm.signup_address_daily_limit")
                },
            }
            pool = env["hr.talent.pool"].create({"name": "Concurrency test pool %s" % email})
            company.write({"talent_community_page": True, "talent_signup_pool_ids": [(6, 0, pool.ids)]})
            params.set_param("talent_crm.signup_rate_limit", "100000")
            params.set_param("talent_crm.signup_address_daily_limit", "1000")
            saved["pool_id"] = pool.id
            saved["max_attempt_id"] = env["talent.signup.attempt"].search([], order="id desc", limit=1).id or 0
            cr.commit()  # pylint: disable=invalid-commit  # a separate cursor: the servers started below read it
        return saved

    def _cleanup(self, email, saved):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            signups = env["talent.signup"].search([("email", "=", email)])
            talents = env["hr.applicant"].search([("email_normalized", "=", email)])
            partners = env["res.partner"].search([("email_normalized", "=", email)])
            env["mail.mail"].search(
                ["|", ("email_to", "ilike", email), ("recipient_ids", "in", partners.ids)]
            ).unlink()
            env["mail.message"].search(
                [
                    "|", "|",
                    "&", ("model", "=", "talent.signup"), ("res_id", "in", signups.ids),
                    "&", ("model", "=", "hr.applicant"), ("res_id", "in", talents.ids),
                    ("author_id", "in", partners.ids),
                ]
            ).unlink()
            env["talent.touch"].search([("partner_id", "in", partners.ids)]).unlink()
            env["talent.consent"].search([("partner_id", "in", partners.ids)]).unlink()
            env["talent.pool.membership"].search([("talent_id", "in", talents.ids)]).unlink()
            signups.unlink()
            talents.unlink()
            partners.unlink()
            env["talent.identity.claim"].search([("key", "=", hmac(env, "talent_crm.identity", email))]).unlink()
            env["talent.signup.attempt"].search([("id", ">", saved["max_attempt_id"])]).unlink()
            company = env.ref("base.main_company")
            company.write(
                {
                    "talent_community_page": saved["company"]["talent_community_page"],
                    "talent_signup_pool_ids": [(6, 0, saved["company"]["talent_signup_pool_ids"])],
                }
            )
            env["hr.talent.pool"].browse(saved["pool_id"]).unlink()
            for key, value in saved["params"].items():
                env["ir.config_parameter"].set_param(key, value or False)
            cr.commit()  # pylint: disable=invalid-commit  # a separate cursor: undoes what _prepare committed

    # ------------------------------------------------------------
    # Servers and clients
    # ------------------------------------------------------------

    def _start_servers(self):
        servers = []
        for _index in range(SERVERS):
            port = _free_port()
            process = subprocess.Popen(  # noqa: S603 - a fixed command line of this interpreter
                [
                    sys.executable, "-m", "odoo",
                    "-c", config["config"],
                    "-d", self.registry.db_name,
                    "--db-filter", "^%s$" % re.escape(self.registry.db_name),
                    "--http-interface", "127.0.0.1",
                    "--http-port", str(port),
                    "--gevent-port", str(_free_port()),
                    "--workers", "0",
                    "--max-cron-threads", "0",
                    "--log-level", "warn",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=dict(os.environ),
            )
            servers.append((process, "http://127.0.0.1:%s" % port))
        deadline = time.monotonic() + START_TIMEOUT
        for process, url in servers:
            while True:
                self.assertIsNone(process.poll(), "the server at %s stopped" % url)
                try:
                    up = requests.get(url + "/talent/join", timeout=5).status_code == 200
                except requests.RequestException:
                    up = False  # not listening yet
                if up:
                    break
                self.assertLess(time.monotonic(), deadline, "the server at %s did not start" % url)
                time.sleep(0.5)
        return servers

    def _stop_servers(self, servers):
        for process, _url in servers:
            process.terminate()
        for process, _url in servers:
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)

    def _run_clients(self, prepare, send):
        """Run ``CLIENTS`` threads: each ``prepare(index, session)`` (sequentially in time,
        e.g. fetching a form and its CSRF token), then all ``send`` at the same moment.
        Returns ``[(index, status, text, started, ended)]`` and the errors."""
        barrier = threading.Barrier(CLIENTS)
        results, errors = [], []

        def client(index):
            try:
                session = requests.Session()
                state = prepare(index, session)
                barrier.wait(timeout=REQUEST_TIMEOUT)
                started = time.monotonic()
                response = send(index, session, state)
                results.append((index, response.status_code, response.text, started, time.monotonic()))
            except Exception as error:  # noqa: BLE001 - reported by the test thread
                errors.append(repr(error))
                barrier.abort()

        threads = [threading.Thread(target=client, args=(index,)) for index in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(REQUEST_TIMEOUT * 3)
        return sorted(results), errors

    def _assert_overlapped(self, results):
        latest_start = max(started for _i, _s, _t, started, _e in results)
        earliest_end = min(ended for _i, _s, _t, _st, ended in results)
        self.assertLess(latest_start, earliest_end, "all requests were in flight at the same moment")

    # ------------------------------------------------------------
    # The test
    # ------------------------------------------------------------

    def test_same_new_address_at_once_on_two_servers_makes_one_person(self):
        email = "race.%s@example.com" % secrets.token_hex(4)
        saved = self._prepare(email)
        servers = []
        try:
            servers = self._start_servers()
            urls = [url for _process, url in servers]

            def server(index):
                return urls[index % len(urls)]

            def get_form(index, session):
                form = session.get(server(index) + "/talent/join", timeout=REQUEST_TIMEOUT)
                return CSRF_RE.search(form.text).group(1)

            def post_signup(index, session, csrf):
                data = {
                    "name": "Race Client %s" % index,
                    "email": email,
                    "phone": "+49 30 55501%02d" % index,
                    "consent": "1",
                    "csrf_token": csrf,
                }
                return session.post(
                    server(index) + "/talent/join", data=data, timeout=REQUEST_TIMEOUT, allow_redirects=False
                )

            results, errors = self._run_clients(get_form, post_signup)
            self.assertFalse(errors, errors[:3])
            self.assertEqual(len(results), CLIENTS)
            self.assertEqual({status for _i, status, _t, _s, _e in results}, {303}, [r[:3] for r in results])
            self._assert_overlapped(results)
            with self.registry.cursor() as cr:
                env = self._env(cr)
                self.assertEqual(env["talent.signup"].search_count([("email", "=", email)]), CLIENTS)
                self.assertFalse(
                    env["res.partner"].search_count([("email_normalized", "=", email)]),
                    "nothing but the sign-ups exists before the confirmation",
                )
                mails = env["mail.mail"].search([("model", "=", "talent.signup"), ("email_to", "ilike", email)])
                paths = sorted({CONFIRM_LINK_RE.search(mail.body_html).group(1) for mail in mails})
            self.assertEqual(len(paths), CLIENTS, "one confirmation link per sign-up")

            def get_confirm(index, session):
                page = session.get(server(index) + paths[index], timeout=REQUEST_TIMEOUT)
                return CSRF_RE.search(page.text).group(1)

            def post_confirm(index, session, csrf):
                return session.post(
                    server(index) + paths[index], data={"csrf_token": csrf}, timeout=REQUEST_TIMEOUT
                )

            results, errors = self._run_clients(get_confirm, post_confirm)
            self.assertFalse(errors, errors[:3])
            self.assertEqual(len(results), CLIENTS)
            self.assertEqual({status for _i, status, _t, _s, _e in results}, {200}, [r[:2] for r in results])
            for _index, _status, text, _started, _ended in results:
                self.assertIn("your subscription is confirmed", text)
            self._assert_overlapped(results)

            with self.registry.cursor() as cr:
                env = self._env(cr)
                partners = env["res.partner"].search([("email_normalized", "=", email)])
                talents = env["hr.applicant"].search(
                    [("email_normalized", "=", email), ("talent_pool_ids", "!=", False)]
                )
                signups = env["talent.signup"].search([("email", "=", email)])
                self.assertEqual(len(partners), 1, "exactly one contact for the address")
                self.assertEqual(len(talents), 1, "exactly one talent for the address")
                self.assertEqual(talents.partner_id, partners)
                self.assertEqual(set(signups.mapped("state")), {"confirmed"})
                self.assertEqual(signups.partner_id, partners)
                self.assertEqual(len(partners.talent_consent_ids), 2 * CLIENTS, "every opt-in is on record")
        finally:
            self._stop_servers(servers)
            self._cleanup(email, saved)
