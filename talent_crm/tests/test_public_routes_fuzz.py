# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A bounded, seeded fuzz of every public route of talent_crm.

The routes are read from Odoo's routing map, so a route added later is fuzzed without a
change here. Each one gets malformed path tokens and form data, by GET and POST, with and
without a CSRF token: never a server error, never a traceback, never a record created from
invalid input, and the answer never depends on whether the person exists.
"""

import random
import re
import threading
from unittest.mock import patch
from urllib.parse import quote

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import TalentCommunityHttpCommon

SEED = 20261123
PAYLOADS_PER_CASE = 3
# values a browser, a bot or an attacker may send; none of them is a valid email address
GARBAGE = [
    "",
    " ",
    "\x00",
    "A" * 5000,
    "ünïcødé ☃ 名前",
    "<script>alert(1)</script>",
    "'; DROP TABLE res_partner; --",
    "../../../etc/passwd",
    "-1",
    "0",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "[]",
    "{'a': 1}",
    "%s%(name)s{0}",
    "{{ 7*7 }}",
    "@",
    "a@",
    "@b.c",
    "\r\nBcc: victim@example.com",
]
FIELDS = [
    "name", "email", "phone", "profile_url", "github_url", "role_family_id", "country_id", "city", "topic_ids",
    "availability", "availability_date", "frequency", "consent", "fax_number", "button_name", "company", "lang",
    "unknown_field",
]
# Not here: a token that decodes to "..%2F" (e.g. "..%252F"): werkzeug 2.2's router answers
# such a path with a 301 to itself for every Odoo route, talent_crm's or core's.
BAD_TOKENS = ["garbage", "A" * 700, "AQ", "../../etc", "a%b", "0", "-1", "\u00e9\u00e8", "x" * 43 + "=", ""]
ARGUMENT_RE = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?\w+>")
# what a request must never create from invalid input
WATCHED_MODELS = [
    "hr.applicant", "res.partner", "talent.consent", "talent.touch", "talent.erasure.request", "ir.attachment",
    "mail.mail", "talent.job.alert", "talent.signup", "mail.blacklist",
]


@tagged("post_install", "-at_install", "talent_crm")
class TestPublicRoutesFuzz(TalentCommunityHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.job = cls.env["hr.job"].create({"name": "Fuzzed Job"})
        cls.known = cls.env["hr.applicant"].with_context(talent_crm_capture=True).create(
            {"partner_name": "Known Person", "email_from": "known.person@example.com"}
        )

    def _public_routes(self):
        routes = []
        # the routing map is built for the database of the current thread (set by odoo-bin, not by pytest)
        with patch.object(threading.current_thread(), "dbname", self.env.cr.dbname, create=True):
            rules = list(self.env["ir.http"].routing_map().iter_rules())
        for rule in rules:
            endpoint = rule.endpoint
            module = getattr(getattr(endpoint, "original_endpoint", endpoint), "__module__", "")
            if not module.startswith("odoo.addons.talent_crm."):
                continue
            if endpoint.routing.get("auth") not in ("public", "none"):
                continue
            methods = sorted((rule.methods or {"GET", "POST"}) & {"GET", "POST"})
            routes.append((rule.rule, rule.arguments, methods))
        return sorted(routes)

    def _counts(self):
        return {
            name: self.env[name].sudo().with_context(active_test=False).search_count([]) for name in WATCHED_MODELS
        }

    def _payload(self, rng):
        fields = rng.sample(FIELDS, rng.randint(1, len(FIELDS)))
        data = {}
        for field in fields:
            data[field] = rng.choice(GARBAGE)
        if "topic_ids" in data and rng.random() < 0.5:
            data["topic_ids"] = [rng.choice(GARBAGE) for _i in range(rng.randint(1, 4))]
        return data

    def _fill(self, rule, token, rng):
        """The rule's URL with its arguments filled: ``token`` for strings, a real or unknown
        record id for integers (the tokens that go with them are wrong either way)."""

        def value(match):
            if match.group(1) == "int":
                return str(rng.choice([self.job.id, 0, 1, 2147483647, 99999999999]))
            return token

        return ARGUMENT_RE.sub(value, rule)

    def _open(self, url, data=None):
        """Open ``url``, following at most five redirects (a redirect loop fails the test)."""
        for _hop in range(6):
            response = self.url_open(url, data=data, allow_redirects=False)
            if not response.is_redirect:
                return response
            url, data = response.headers["Location"], None
        self.fail("redirect loop at %s" % url[:200])

    def _check(self, response, label):
        self.assertLess(response.status_code, 500, "%s answered %s" % (label, response.status_code))
        self.assertNotIn("Traceback", response.text, label)
        self.assertNotIn("known.person@example.com", response.text, "%s leaks a person's data" % label)

    def test_every_public_route_survives_malformed_input(self):
        routes = self._public_routes()
        paths = {rule for rule, _args, _methods in routes}
        # the routes this suite knows of are all found (the discovery itself works)
        self.assertTrue(
            {
                "/talent/join",
                "/talent/confirm/<string:token>",
                "/talent/preferences/<string:token>",
                "/talent/jobs/<int:job_id>/apply/<string:token>",
            }
            <= paths,
            paths,
        )
        rng = random.Random(SEED)
        csrf = self._csrf()
        before = self._counts()
        requests_made = 0
        with mute_logger("odoo.http", "odoo.addons.talent_crm.controllers.main", "werkzeug"):
            for rule, arguments, methods in routes:
                tokens = [quote(token, safe="") for token in BAD_TOKENS] if arguments else [None]
                for token in tokens:
                    url = self._fill(rule, token or "x", rng)
                    for method in methods:
                        for _index in range(PAYLOADS_PER_CASE if method == "POST" else 1):
                            label = "%s %s" % (method, url[:80])
                            if method == "GET":
                                query = "&".join(
                                    "%s=%s" % (quote(k), quote(str(v), safe="")) for k, v in self._payload(rng).items()
                                )
                                response = self._open("%s?%s" % (url, query))
                            else:
                                data = dict(self._payload(rng), csrf_token=csrf)
                                response = self._open(url, data=data)
                            requests_made += 1
                            self._check(response, label)
                # without a CSRF token, a POST is refused before anything happens
                if "POST" in methods:
                    url = self._fill(rule, quote(BAD_TOKENS[0]), rng)
                    response = self.url_open(url, data={"email": "known.person@example.com", "name": "X"})
                    self.assertEqual(response.status_code, 400, "POST %s without CSRF token" % rule)
        self.assertGreater(requests_made, 50, "the fuzz is bounded, not empty")
        self.assertEqual(self._counts(), before, "nothing was created or deleted from invalid input")

    def test_invalid_tokens_answer_the_same_for_known_and_unknown_people(self):
        """A forged token built around a real person's id and one around an unknown id get the
        same page: the routes never reveal who is in the database."""
        known_partner = self.known.partner_id
        answers = set()
        for partner_id in (known_partner.id, known_partner.id + 100000):
            forged = quote("%s.%s.forged" % (partner_id, self.company.id), safe="")
            for path in ("/talent/confirm/%s" % forged, "/talent/preferences/%s" % forged):
                response = self.url_open(path)
                self._check(response, path)
                answers.add((path.split("/")[2], response.status_code, len(response.text)))
        self.assertEqual(len({(kind, status) for kind, status, _length in answers}), 2)
        lengths = {}
        for kind, _status, length in answers:
            lengths.setdefault(kind, set()).add(length)
        for kind, found in lengths.items():
            self.assertEqual(len(found), 1, "%s pages differ between a known and an unknown person" % kind)
