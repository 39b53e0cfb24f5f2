# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import Scenario

# the pairwise baseline is O(n²): both sides work on the first SAMPLE talents
SAMPLE = 10000


class DuplicateDetection(Scenario):
    name = "duplicate_detection"
    title = "Duplicate detection over %d talents" % SAMPLE
    description = (
        "talent.duplicate._talent_find_pairs: same email, E.164 phone, LinkedIn/GitHub URL, and pg_trgm "
        "fuzzy name with company or city, in one set-based SQL query. Baseline: the same rules comparing every "
        "pair in Python (_talent_find_pairs_naive). Up to %d talents; on a larger database both sides take "
        "the first %d and the fast path compares them against all talents, then keeps the pairs inside the "
        "sample. The generator's known near-duplicates give the recall." % (SAMPLE, SAMPLE)
    )
    baseline_label = "pairwise comparison"
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
        talents = None if state["all"] else env["hr.applicant"].browse(state["ids"])
        return env["talent.duplicate"]._talent_find_pairs_naive(talents)

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
