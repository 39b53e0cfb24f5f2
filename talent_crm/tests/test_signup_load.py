# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import threading
import time
from collections import Counter

import requests

from odoo.tests import tagged
from odoo.tests.common import TEST_CURSOR_COOKIE_NAME
from odoo.tools import mute_logger

from .common import CSRF_RE, TalentCommunityHttpCommon

THREADS = 4
REQUESTS_PER_THREAD = 150
DEADLINE_SECONDS = 60
EMAILS = 40


@tagged("post_install", "-at_install", "talent_crm")
class TestSignupLoad(TalentCommunityHttpCommon):
    """A bounded loopback load test of /talent/join: six hundred requests from four
    threads, a mix of valid sign-ups (the same addresses over and over), invalid forms, bots
    and forged posts. It stops after its request budget or its deadline, whichever first.

    It proves robustness (no server error, the right answer to each kind of request) and the
    bookkeeping of sign-ups (the per-address daily cap, one email per kept sign-up, nothing
    created before a confirmation). It proves nothing about concurrency: inside an HttpCase
    all requests share one test cursor and run one after the other. Concurrent sign-ups and
    confirmations across real server processes are tested in test_signup_concurrency.py."""

    def _worker(self, index, cookie, base_data, statuses, errors, deadline):
        # runs outside the test transaction: no ORM here, only HTTP
        session = requests.Session()
        session.cookies.set(TEST_CURSOR_COOKIE_NAME, cookie)
        url = self.base_url() + "/talent/join"
        try:
            form = session.get(url, timeout=30)
            csrf = CSRF_RE.search(form.text).group(1)
            for step in range(REQUESTS_PER_THREAD):
                if time.monotonic() > deadline:
                    break
                kind = step % 10
                if kind == 0:
                    response = session.get(url, timeout=30)
                elif kind == 1:
                    response = session.post(
                        url, data=dict(base_data, email="broken", csrf_token=csrf), timeout=30, allow_redirects=False
                    )
                elif kind == 2:
                    response = session.post(
                        url, data=dict(base_data, fax_number="bot", csrf_token=csrf), timeout=30, allow_redirects=False
                    )
                elif kind == 3:
                    response = session.post(
                        url, data=dict(base_data, csrf_token="forged"), timeout=30, allow_redirects=False
                    )
                else:
                    email = "load%s@example.com" % ((index * 7 + step) % EMAILS)
                    response = session.post(
                        url,
                        data=dict(base_data, email=email, csrf_token=csrf),
                        timeout=30,
                        allow_redirects=False,
                    )
                statuses[(kind if kind < 4 else "signup", response.status_code)] += 1
        except Exception as error:  # noqa: BLE001 - reported by the test thread
            errors.append(repr(error))

    def test_signup_under_load(self):
        statuses = Counter()
        errors = []
        base_data = self._signup_data(name="Load Tester")
        started = time.monotonic()
        deadline = started + DEADLINE_SECONDS
        # forged posts make odoo.http warn about CSRF on every try: keep the log readable
        with self.allow_requests(), mute_logger("odoo.http"):
            cookie = self.http_request_key
            threads = [
                threading.Thread(target=self._worker, args=(index, cookie, base_data, statuses, errors, deadline))
                for index in range(THREADS)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(DEADLINE_SECONDS + 60)
        elapsed = time.monotonic() - started
        self.assertFalse(errors, errors[:3])
        self.assertFalse([thread for thread in threads if thread.is_alive()], "the load test stops by itself")
        total = sum(statuses.values())
        self.assertGreaterEqual(total, 500, "the request budget was mostly used (%s in %.0fs)" % (total, elapsed))
        self.assertFalse({key: count for key, count in statuses.items() if key[1] >= 500}, statuses)
        self.assertEqual({status for (kind, status) in statuses if kind == "signup"}, {303}, statuses)
        self.assertEqual({status for (kind, status) in statuses if kind == 0}, {200})
        self.assertEqual({status for (kind, status) in statuses if kind in (1, 3)}, {400})
        self.assertEqual({status for (kind, status) in statuses if kind == 2}, {303})
        self.assertFalse(
            self.env["hr.applicant"]
            .with_context(active_test=False)
            .search_count([("email_normalized", "=like", "load%@example.com")]),
            "no talent before a confirmation",
        )
        self.assertFalse(
            self.env["res.partner"]
            .with_context(active_test=False)
            .search_count([("email_normalized", "=like", "load%@example.com")]),
            "no contact before a confirmation",
        )
        signups = self.env["talent.signup"].sudo().search([("email", "=like", "load%@example.com")])
        per_address = Counter(signups.mapped("email"))
        limit = self.env["talent.signup"]._talent_address_daily_limit()
        self.assertEqual(len(per_address), EMAILS)
        self.assertEqual(set(per_address.values()), {limit}, "each address is capped at its daily limit")
        mails = self.env["mail.mail"].sudo().search_count(
            [("model", "=", "talent.signup"), ("res_id", "in", signups.ids)]
        )
        self.assertEqual(mails, len(signups), "one double opt-in email per kept sign-up, none over the cap")
        self.assertFalse(self._signups("broken"))
