# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo.fields import Domain

from . import Scenario

# both sides work on the first SAMPLE talents
SAMPLE = 10000


def _buckets(env, ids):
    """Read the keys once: ``(exact, fuzzy, names)``, the talent ids bucketed by company and
    exact key, by company and fuzzy block, and each talent's name key with its words."""
    from odoo.addons.talent_crm.tools import dedup

    Applicant = env["hr.applicant"].sudo()
    domain = Applicant._talent_domain()
    if ids is not None:
        domain &= Domain("id", "in", ids)
    fnames = ["company_id", *dedup.IDENTITY_KEYS.values(), "talent_dedup_name", *dedup.FUZZY_BLOCKS.values()]
    exact = defaultdict(list)
    fuzzy = defaultdict(list)
    names = {}
    for row in Applicant.search_read(domain, fnames, order="id", load=None):
        company = row["company_id"] or 0
        for reason, fname in dedup.IDENTITY_KEYS.items():
            value = row[fname]
            if reason == "phone" and not (value or "").startswith("+"):
                value = False
            if value:
                exact[(company, reason, value)].append(row["id"])
        name = row["talent_dedup_name"]
        if name:
            names[row["id"]] = (name, dedup.name_words(name))
            for reason, fname in dedup.FUZZY_BLOCKS.items():
                if row[fname]:
                    fuzzy[(company, reason, row[fname])].append(row["id"])
    return exact, fuzzy, names


def find_pairs_blocked(env, ids):
    """The duplicate rules as a competent developer writes them in Python: read the keys once,
    bucket the talents by company and key (blocking), and compare pairs inside a bucket only.
    Written here, independently of the product's SQL; the rules' constants (keys, thresholds,
    confidences) are the product's, from ``tools/dedup.py``."""
    from odoo.addons.talent_crm.tools import dedup

    exact, fuzzy, names = _buckets(env, ids)
    reasons = defaultdict(dict)
    for (_company, reason, _value), members in exact.items():
        if 1 < len(members) <= dedup.MAX_KEY_GROUP:
            for i, left in enumerate(members):
                for right in members[i + 1 :]:
                    reasons[(left, right)][reason] = None
    for (_company, reason, _value), members in fuzzy.items():
        for i, left in enumerate(members):
            left_name, left_words = names[left]
            for right in members[i + 1 :]:
                right_name, right_words = names[right]
                if left_words & right_words:
                    score = dedup.similarity(left_name, right_name)
                    if score >= dedup.NAME_SIMILARITY_THRESHOLD:
                        reasons[(left, right)][reason] = score
    return {
        pair: {
            "reasons": found,
            "confidence": dedup.combine_confidence(
                [dedup.REASON_CONFIDENCE[reason][0] + dedup.REASON_CONFIDENCE[reason][1] * (score or 0)
                 for reason, score in found.items()]
            ),
        }
        for pair, found in reasons.items()
    }


class DuplicateDetection(Scenario):
    name = "duplicate_detection"
    title = "Duplicate detection over %d talents" % SAMPLE
    description = (
        "talent.duplicate._talent_find_pairs: same email, E.164 phone, LinkedIn/GitHub URL, and pg_trgm "
        "fuzzy name with company or city, in one set-based SQL query. Baseline: the same rules comparing every "
        "candidate pair in Python after blocking on the same keys (company + email, phone, profile URL, "
        "or company + name-company / name-city bucket), written in the scenario. Up to %d talents; on a "
        "larger database both sides take the first %d and the fast path compares them against all talents, "
        "then keeps the pairs inside the sample. "
        "The generator's known near-duplicates give the recall." % (SAMPLE, SAMPLE)
    )
    baseline_label = "Python with blocking"
    sequence = 70
    requires = ("talent.duplicate:_talent_find_pairs",)
    max_runs = 3

    def setup(self, env):
        env.cr.execute(
            "SELECT id FROM hr_applicant WHERE pool_applicant_id = id AND active ORDER BY id LIMIT %s", [SAMPLE]
        )
        ids = [row[0] for row in env.cr.fetchall()]
        env.cr.execute("SELECT count(*) FROM hr_applicant WHERE pool_applicant_id = id AND active")
        return {"ids": ids, "all": env.cr.fetchone()[0] <= SAMPLE}

    def records(self, env, state):
        self._sample = set(state["ids"])  # for the recall in result_key
        return len(state["ids"])

    def fast(self, env, state):
        duplicates = env["talent.duplicate"]
        if state["all"]:
            return duplicates._talent_find_pairs()
        sample = set(state["ids"])
        pairs = duplicates._talent_find_pairs(env["hr.applicant"].browse(state["ids"]))
        return {pair: value for pair, value in pairs.items() if pair[0] in sample and pair[1] in sample}

    def baseline(self, env, state):
        return find_pairs_blocked(env, None if state["all"] else state["ids"])

    def result_key(self, env, result):
        pairs = set(result)
        env.cr.execute("SELECT to_regclass('talent_crm_bench_duplicate') IS NOT NULL")
        if not env.cr.fetchone()[0]:
            return sorted(pairs), None
        env.cr.execute("SELECT least(original_id, duplicate_id), greatest(original_id, duplicate_id) "
                       "FROM talent_crm_bench_duplicate")
        known = {tuple(row) for row in env.cr.fetchall() if row[0] in self._sample and row[1] in self._sample}
        recall = len(known & pairs) / len(known) if known else None
        return sorted(pairs), recall
