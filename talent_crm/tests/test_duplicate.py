# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import Counter

from odoo import Command
from odoo.exceptions import AccessError
from odoo.fields import Domain
from odoo.tests import tagged, users, warmup
from odoo.tools import SQL

from ..tools import dedup
from .common import TalentCrmCommon


def reference_pairs(talents):
    """The duplicate rules written plainly, every pair of ``talents`` compared in Python: the
    reference the set-based SQL of ``talent.duplicate._talent_find_pairs`` must agree with.

    Same result shape: ``{(talent_id, duplicate_id): {"reasons": {reason: similarity or None},
    "confidence": int}}``. The rules' constants come from ``tools/dedup.py``.
    """
    talents = talents.sudo().filtered_domain(
        talents.env["hr.applicant"]._talent_domain() & Domain("active", "=", True)
    )
    rows = []
    for record in talents.sorted("id"):
        row = {"id": record.id, "cid": record.company_id.id or 0}
        for reason, fname in dedup.IDENTITY_KEYS.items():
            value = record[fname]
            value = value.id if reason == "partner" else value
            if reason == "phone" and not (value or "").startswith("+"):
                value = False
            row[reason] = value or False
        row["name"] = record.talent_dedup_name or False
        row["words"] = dedup.name_words(row["name"])
        for reason, fname in dedup.FUZZY_BLOCKS.items():
            row[reason] = record[fname] or False
        rows.append(row)
    group_sizes = Counter(
        (row["cid"], reason, row[reason]) for row in rows for reason in dedup.IDENTITY_KEYS if row[reason]
    )
    result = {}
    for i, left in enumerate(rows):
        for right in rows[i + 1 :]:
            if left["cid"] != right["cid"]:
                continue
            reasons = {}
            for reason in dedup.IDENTITY_KEYS:
                value = left[reason]
                shared = value and value == right[reason]
                if shared and group_sizes[(left["cid"], reason, value)] <= dedup.MAX_KEY_GROUP:
                    reasons[reason] = None
            if left["name"] and right["name"] and left["words"] & right["words"]:
                for reason in dedup.FUZZY_BLOCKS:
                    if left[reason] and left[reason] == right[reason]:
                        score = dedup.similarity(left["name"], right["name"])
                        if score >= dedup.NAME_SIMILARITY_THRESHOLD:
                            reasons[reason] = score
            if reasons:
                confidences = [
                    dedup.REASON_CONFIDENCE[reason][0] + dedup.REASON_CONFIDENCE[reason][1] * (score or 0)
                    for reason, score in reasons.items()
                ]
                result[(left["id"], right["id"])] = {
                    "reasons": reasons,
                    "confidence": dedup.combine_confidence(confidences),
                }
    return result


@tagged("post_install", "-at_install", "talent_crm")
class TestTalentDuplicate(TalentCrmCommon):
    def _pairs(self, talents):
        """Candidate pairs among ``talents`` as ``{frozenset(names): set(reasons)}``."""
        found = self.env["talent.duplicate"]._talent_find_pairs()
        names = {talent.id: talent.partner_name for talent in talents}
        return {
            frozenset((names[lo], names[hi])): set(info["reasons"])
            for (lo, hi), info in found.items()
            if lo in names and hi in names
        }

    def _talent(self, name, **values):
        values.setdefault("email_from", False)
        return self._create_talent(name, **values)

    def test_keys_are_normalised(self):
        self.assertEqual(dedup.normalize_name("Dr. Jürgen Müller-Lüdenscheidt"), "juergen mueller luedenscheidt")
        self.assertEqual(dedup.normalize_company("SAP SE"), dedup.normalize_company("sap"))
        self.assertEqual(dedup.normalize_company("Hettner GmbH & Co. KG"), "hettner")
        self.assertEqual(dedup.normalize_city("München"), "muenchen")
        self.assertFalse(dedup.normalize_name("  "))
        talent = self._talent("Zoë Łukasiewicz", talent_city="Köln", talent_current_company="Delivery Hero SE")
        self.assertEqual(talent.talent_dedup_name, "zoe lukasiewicz")
        self.assertEqual(talent.talent_dedup_city, "koeln")
        self.assertEqual(talent.talent_dedup_company, "delivery hero")

    def test_python_similarity_equals_pg_trgm(self):
        for left, right in (
            ("anna schmidt", "anna schmitt"),
            ("jon smith", "john smith"),
            ("mueller anna", "anna mueller"),
            ("a b", "a c"),
            ("x", "y"),
        ):
            [(expected,)] = self.env.execute_query(SQL("SELECT similarity(%s, %s)", left, right))
            self.assertAlmostEqual(dedup.similarity(left, right), expected, places=5, msg=(left, right))

    def test_exact_rules_true_and_false_positives(self):
        anna = self._talent("Anna Berg", email_from="anna.berg@example.com")
        # a contact of its own, with the same address written differently
        partner = self.env["res.partner"].create({"name": "A. Berg", "email": "ANNA.BERG@example.com"})
        anna_again = self._talent("A. Berg", email_from="ANNA.BERG@example.com", partner_id=partner.id)
        self.assertNotEqual(anna.partner_id, anna_again.partner_id)
        anna_other = self._talent("Anna Berg-Other", email_from="anna.berg@example.org")
        lin_1 = self._talent("Lin One", linkedin_profile="linkedin.com/in/lin-one/")
        lin_2 = self._talent("Lin Two", linkedin_profile="https://de.linkedin.com/in/Lin-One?trk=x")
        lin_3 = self._talent("Lin Three", linkedin_profile="https://www.linkedin.com/in/lin-one-2")
        gh_1 = self._talent("Git One", talent_github_url="https://github.com/octo/repo")
        gh_2 = self._talent("Git Two", talent_github_url="github.com/Octo")
        gh_3 = self._talent("Git Three", talent_github_url="github.com/octo2")
        xing_1 = self._talent("Xing One", talent_xing_url="https://www.xing.com/profile/Xavier_Ing")
        xing_2 = self._talent("Xing Two", talent_xing_url="xing.com/profile/Xavier_Ing/cv")
        phone_1 = self._talent("Phone One", partner_phone="+49 30 1234567")
        phone_2 = self._talent("Phone Two", partner_phone="030 1234567")
        phone_3 = self._talent("Phone Three", partner_phone="030 1234568")
        pairs = self._pairs(
            anna | anna_again | anna_other | lin_1 | lin_2 | lin_3 | gh_1 | gh_2 | gh_3 | xing_1 | xing_2
            | phone_1 | phone_2 | phone_3
        )
        self.assertEqual(pairs.get(frozenset(("Anna Berg", "A. Berg"))), {"email"}, "email compared normalised")
        self.assertEqual(pairs.get(frozenset(("Lin One", "Lin Two"))), {"linkedin"})
        self.assertEqual(pairs.get(frozenset(("Git One", "Git Two"))), {"github"})
        self.assertEqual(pairs.get(frozenset(("Xing One", "Xing Two"))), {"xing"})
        self.assertEqual(pairs.get(frozenset(("Phone One", "Phone Two"))), {"phone"}, "phone compared in E.164")
        for false_pair in (
            ("Anna Berg", "Anna Berg-Other"),  # other email, name similar but no shared company or city
            ("Lin One", "Lin Three"),
            ("Git One", "Git Three"),
            ("Phone One", "Phone Three"),
        ):
            self.assertNotIn(frozenset(false_pair), pairs)

    def test_same_contact_rule(self):
        talent = self._talent("Carla Contact", email_from="carla@example.com")
        twin = self._talent("Carla C.", email_from=False, partner_id=talent.partner_id.id)
        pairs = self._pairs(talent | twin)
        self.assertEqual(pairs[frozenset(("Carla Contact", "Carla C."))], {"partner"})

    def test_fuzzy_rules_true_and_false_positives(self):
        talents = (
            self._talent("Anna Schmidt", talent_city="Berlin")
            | self._talent("Anna Schmitt", talent_city="berlin")
            | self._talent("Anna Schmidt (Hamburg)", talent_city="Hamburg")
            | self._talent("Jürgen Müller", talent_current_company="Zalando SE")
            | self._talent("Juergen Mueller", talent_current_company="Zalando")
            | self._talent("Jürgen Müller Acme", talent_current_company="Acme")
            | self._talent("Anna Wagner", talent_city="Berlin")
            | self._talent("Smith John", talent_current_company="Contoso")
            | self._talent("John Smith", talent_current_company="Contoso Ltd")
        )
        pairs = self._pairs(talents)
        self.assertEqual(pairs.get(frozenset(("Anna Schmidt", "Anna Schmitt"))), {"name_city"})
        self.assertEqual(pairs.get(frozenset(("Jürgen Müller", "Juergen Mueller"))), {"name_company"})
        self.assertEqual(pairs.get(frozenset(("Smith John", "John Smith"))), {"name_company"}, "word order ignored")
        self.assertNotIn(frozenset(("Anna Schmidt", "Anna Schmidt (Hamburg)")), pairs, "other city")
        self.assertNotIn(frozenset(("Jürgen Müller", "Jürgen Müller Acme")), pairs, "other company")
        self.assertNotIn(frozenset(("Anna Schmidt", "Anna Wagner")), pairs, "same city, different person")
        self.assertNotIn(frozenset(("Anna Schmitt", "Anna Wagner")), pairs)

    def test_no_pairs_across_companies_archived_or_non_talents(self):
        self._talent("Eva Exact", email_from="eva@example.com")
        other_pool = self.env["hr.talent.pool"].create({"name": "Vienna", "company_id": self.other_company.id})
        other = self.env["hr.applicant"].with_company(self.other_company).create(
            {
                "partner_name": "Eva Exact",
                "email_from": "eva@example.com",
                "company_id": self.other_company.id,
                "talent_pool_ids": [Command.set(other_pool.ids)],
            }
        )
        application = self.env["hr.applicant"].create({"partner_name": "Eva Exact", "email_from": "eva@example.com"})
        archived = self._talent("Eva Archived", email_from="eva@example.com")
        archived.active = False
        found = self.env["talent.duplicate"]._talent_find_pairs()
        involved = {talent_id for pair in found for talent_id in pair}
        self.assertNotIn(other.id, involved, "another company keeps its own data")
        self.assertNotIn(application.id, involved, "applications are not talents")
        self.assertNotIn(archived.id, involved)

    def test_shared_key_of_many_is_ignored(self):
        switchboard = [self._talent("Caller %s" % i, partner_phone="+49 30 9999999") for i in range(22)]
        found = self.env["talent.duplicate"]._talent_find_pairs()
        ids = {talent.id for talent in switchboard}
        self.assertFalse([pair for pair in found if set(pair) <= ids], "a switchboard number is not a person")

    def test_fast_and_naive_find_the_same_pairs(self):
        data = [
            ("Anna Schmidt", {"talent_city": "Berlin", "email_from": "anna@example.com"}),
            ("Anna Schmitt", {"talent_city": "Berlin"}),
            ("Ana Schmidt", {"talent_city": "Berlin", "partner_phone": "+49 30 5550001"}),
            ("Anna S.", {"email_from": "ANNA@example.com"}),
            ("Bernd Bauer", {"talent_current_company": "SAP", "partner_phone": "+49 30 5550001"}),
            ("Bernd Baur", {"talent_current_company": "SAP SE", "linkedin_profile": "linkedin.com/in/bbauer"}),
            ("B. Bauer", {"linkedin_profile": "https://www.linkedin.com/in/BBauer/"}),
            ("Clara Klein", {"talent_city": "München", "talent_github_url": "github.com/cklein"}),
            ("Klara Klein", {"talent_city": "Muenchen", "talent_github_url": "https://github.com/CKlein"}),
            ("Dieter Dorn", {"talent_city": "Köln"}),
            ("Doris Dorn", {"talent_city": "Köln"}),
            ("Emil Ernst", {"talent_current_company": "Acme"}),
            ("Emil Ernst", {"talent_current_company": "Other"}),
        ]
        talents = self.env["hr.applicant"]
        for name, values in data:
            values.setdefault("email_from", False)
            talents |= self._create_talent(name, **values)
        Duplicate = self.env["talent.duplicate"]
        fast = {pair: info for pair, info in Duplicate._talent_find_pairs().items() if set(pair) <= set(talents.ids)}
        naive = reference_pairs(talents)
        self.assertGreaterEqual(len(fast), 6)
        self.assertEqual(set(fast), set(naive))
        for pair, info in fast.items():
            self.assertEqual(set(info["reasons"]), set(naive[pair]["reasons"]), pair)
            self.assertAlmostEqual(info["confidence"], naive[pair]["confidence"], delta=1)
        # the incremental paths (trigram index for a few talents, word blocks for many) agree too
        for seed in (talents[:3], talents[:12]):  # below and above GIN_SEED_LIMIT
            incremental = Duplicate._talent_find_pairs(seed)
            self.assertEqual(set(incremental), {pair for pair in fast if set(pair) & set(seed.ids)})

    def test_refresh_stores_updates_and_forgets(self):
        anna = self._talent("Anna Schmidt", talent_city="Berlin")
        anna_2 = self._talent("Anna Schmitt", talent_city="Berlin")
        Duplicate = self.env["talent.duplicate"]
        Duplicate._cron_refresh_duplicates()
        candidate = Duplicate.search([("talent_id", "=", anna.id)])
        self.assertEqual(len(candidate), 1)
        self.assertEqual(candidate.duplicate_id, anna_2)
        self.assertEqual(candidate.reason, "name_city")
        self.assertEqual(candidate.reason_display, "Similar name, same city")
        self.assertTrue(0 < candidate.confidence < 90)
        self.assertEqual(anna.talent_duplicate_count, 1)
        self.assertIn(anna, self.env["hr.applicant"].search([("talent_has_duplicate", "=", True)]))
        # idempotent
        Duplicate._cron_refresh_duplicates()
        self.assertEqual(Duplicate.search([("talent_id", "=", anna.id)]), candidate)
        # a stronger reason appears: same record, updated
        anna.partner_phone = anna_2.partner_phone = "+49 30 7654321"
        anna_2._talent_detect_duplicates()
        self.assertEqual(candidate.reason, "phone")
        self.assertEqual(candidate.reasons, "phone,name_city")
        self.assertGreater(candidate.confidence, 80)
        # dismissed pairs stay dismissed
        candidate.with_user(self.user_manager).action_dismiss()
        Duplicate._cron_refresh_duplicates()
        self.assertEqual(candidate.state, "dismissed")
        self.assertFalse(anna.talent_duplicate_count)
        # a pair that is no longer true disappears
        candidate.with_user(self.user_manager).action_reopen()
        anna_2.write({"partner_phone": "+49 30 1111111", "talent_city": "Hamburg"})
        Duplicate._cron_refresh_duplicates()
        self.assertFalse(candidate.exists())

    def test_full_refresh_skips_when_another_worker_holds_the_lock(self):
        self._talent("Lock One", email_from="lock@example.com")
        self._talent("Lock Two", email_from="lock@example.com")
        with self.registry.cursor() as other_cr:
            other_cr.execute("SELECT pg_advisory_xact_lock(7319008)")
            self.assertFalse(self.env["talent.duplicate"]._talent_refresh(), "the second worker skips")
        self.assertTrue(self.env["talent.duplicate"]._talent_refresh(), "lock released with the transaction")

    @warmup
    def test_detection_query_count_does_not_grow(self):
        Duplicate = self.env["talent.duplicate"]
        for i in range(3):
            self._talent("Query Few %s" % i, email_from="few@example.com", talent_city="Bonn")
        Duplicate._talent_refresh()
        self.env.flush_all()
        with self.assertQueryCount(3):  # lock, similarity threshold, upsert and delete
            Duplicate._talent_refresh()
        for i in range(30):
            self._talent("Query Many %s" % i, email_from="many%s@example.com" % (i % 10), talent_city="Bonn")
        self.env.flush_all()
        with self.assertQueryCount(3):
            Duplicate._talent_refresh()

    @users("talent_recruiter")
    def test_recruiter_reads_but_cannot_review(self):
        anna = self._create_talent("Rita Read", env=self.env, email_from="read@example.com")
        self._create_talent("Rita R.", env=self.env, email_from="read@example.com")
        anna._talent_detect_duplicates()
        candidate = self.env["talent.duplicate"].search([("talent_id", "=", anna.id)])
        self.assertEqual(len(candidate), 1, "recruiters see the candidates")
        with self.assertRaises(AccessError):
            candidate.action_dismiss()
        with self.assertRaises(AccessError):
            candidate.action_merge()
        with self.assertRaises(AccessError):
            candidate.write({"state": "dismissed"})
