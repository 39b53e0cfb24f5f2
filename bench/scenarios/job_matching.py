# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from odoo import fields
from odoo.fields import Domain
from odoo.tools import SQL

from . import Scenario

TOP = 50


def _round(value, places=2):
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


class JobMatching(Scenario):
    """Explainable matching (issue 4): the top 50 talents of the pools for one job.

    ``fast`` ranks with ``hr.job._talent_match_talents`` (a first query bounds every talent's
    score from a narrow index and one aggregate of the job's skill lines, ranks the text of the
    talents whose bound can make the list and keeps those that still can; a second one scores
    them; then hr_recruitment_skills' matching for the 50 returned). ``baseline`` is what a
    competent developer writes first: one scoring query over every candidate, no pruning
    (``talent_match_full_scan``), then the same explanation. Both must return the same 50
    talents in the same order. :meth:`reference` scores every talent in Python from the raw
    records, independently of the product's inputs; the test suite compares it with ``fast``.
    """

    name = "job_matching"
    title = "Matching: top 50 talents for one job"
    description = (
        "hr.job._talent_match_talents(limit=50): skills (required and nice-to-have), full-text relevance "
        "(English and German, GIN), location, seniority, availability, engagement (counted as much as the "
        "profile fits the job) and penalties, in SQL, "
        "scoring only the talents whose score bound (skills, text, the other factors) can lift them into the "
        "list. Baseline: one unpruned scoring query over every candidate (the same formulas, no bound), then "
        "the same explanation of the 50 returned."
    )
    baseline_label = "one unpruned scoring query"
    feature = "matching (issue 4)"
    sequence = 50
    requires = ("hr.job:_talent_match_talents",)
    max_runs = 3

    def setup(self, env):
        job = env["hr.job"].search(
            [("job_skill_ids", "!=", False), ("description", "!=", False)], order="id", limit=1
        )
        return {"job_id": job.id}

    def records(self, env, state):
        job = env["hr.job"].browse(state["job_id"])
        company = job.company_id or env.company
        return env["hr.applicant"].search_count(
            env["hr.applicant"]._talent_domain() & Domain("company_id", "in", [company.id, False])
        )

    def fast(self, env, state):
        results = env["hr.job"].browse(state["job_id"])._talent_match_talents(limit=TOP)
        return [result["talent"].id for result in results]

    def baseline(self, env, state):
        job = env["hr.job"].browse(state["job_id"]).with_context(talent_match_full_scan=True)
        return [result["talent"].id for result in job._talent_match_talents(limit=TOP)]

    def reference(self, env, state):
        """Every talent scored in Python from its records (untimed; a correctness check)."""
        job = env["hr.job"].browse(state["job_id"])
        inputs = job._talent_match_inputs()
        company = inputs["company"]
        Applicant = env["hr.applicant"]
        talents = Applicant.search(
            Applicant._talent_domain()
            & Domain("company_id", "in", [company.id, False])
            & Domain("talent_anonymized_date", "=", False)
        )
        job_levels = {skill_id: (level, required) for skill_id, level, required in inputs["skills"]}
        weights, total = inputs["weights"], inputs["total_weight"]
        today = fields.Date.context_today(job)
        now = fields.Datetime.now()
        terms = inputs["terms"]
        title_words = set(inputs["title_words"])
        raw = {}
        for talent in talents:
            if talent.talent_application_ids.filtered(lambda a: a.job_id == job and a.active):
                continue
            req = nice = 0
            for line in talent.current_applicant_skill_ids:
                if line.skill_id.id in job_levels:
                    level, required = job_levels[line.skill_id.id]
                    points = min(line.level_progress, level * 2)
                    if required:
                        req += points
                    else:
                        nice += points
            if inputs["job_degree"] > 1:
                req += (talent.type_id.score or 0) * 100
            values = {
                "skills_required": min(Decimal(1), Decimal(req) / Decimal(inputs["required_total"]))
                if inputs["required_total"] else Decimal(0),
                "skills_nice": min(Decimal(1), Decimal(nice) / Decimal(inputs["nice_total"]))
                if inputs["nice_total"] else Decimal(0),
            }
            text = self._reference_text(env, talent, terms, title_words)
            values["text"] = text
            policy, country = inputs["remote_policy"], inputs["country_id"]
            pref = talent.talent_remote_preference
            if policy == "remote":
                location = 0.5 if pref == "onsite" else 1
            elif not country:
                location = 0
            elif talent.talent_country_id.id == country:
                location = 0.5 if policy == "onsite" and pref == "remote" else 1
            elif not talent.talent_country_id:
                location = 0.5
            elif policy == "hybrid" and pref in ("remote", "flexible"):
                location = 0.25
            else:
                location = 0
            values["location"] = Decimal(str(location))
            rank = talent.talent_seniority_id.rank
            target = inputs["seniority_rank"]
            values["seniority"] = Decimal(
                0 if not target or not rank else 1 if rank == target else "0.5" if abs(rank - target) == 1 else 0
            )
            availability = {"open": Decimal(1), "unknown": Decimal("0.5")}.get(talent.talent_availability, Decimal(0))
            if talent.availability and talent.availability > today + timedelta(days=90):
                availability *= Decimal("0.5")
            values["availability"] = availability
            engaged = talent.talent_last_engagement_date
            values["engagement"] = (
                _round(max(0.0, 1 - (now - engaged).total_seconds() / 86400.0 / 365), 4) if engaged else Decimal(0)
            )
            dnc = talent.partner_id.talent_do_not_contact
            recent = bool(talent.talent_last_contact_date and talent.talent_last_contact_date >= inputs["recent_since"])
            raw[talent.id] = (values, dnc, recent)
        reference = inputs["text_reference"]
        # the context factors count as much as the profile fits the job: the weighted mean of the
        # fits of the skills and the text (those that apply), or fully when none applies
        relevance_keys = [key for key in ("skills_required", "skills_nice", "text") if weights[key]]
        relevance_weight = sum(weights[key] for key in relevance_keys)
        scored = []
        for talent_id, (values, dnc, recent) in raw.items():
            values["text"] = _round(min(1.0, values["text"] / reference), 4) if reference else Decimal(0)
            relevance = (
                _round(sum(weights[key] * values[key] for key in relevance_keys) / Decimal(relevance_weight), 4)
                if relevance_weight
                else Decimal(1)
            )
            contributions = {
                key: _round(
                    Decimal(100) * weights[key] * values[key]
                    * (relevance if key in ("location", "seniority", "availability", "engagement") else 1)
                    / total
                )
                for key in weights
            }
            base = sum(contributions.values(), Decimal(0))
            p_dnc = min(Decimal(inputs["penalty_dnc"]), base) if dnc else Decimal(0)
            p_recent = min(Decimal(inputs["penalty_recent"]), base - p_dnc) if recent else Decimal(0)
            scored.append((-(base - p_dnc - p_recent), -contributions["skills_required"], talent_id))
        scored.sort()
        return [talent_id for _score, _skills, talent_id in scored[:TOP]]

    @staticmethod
    def _reference_text(env, talent, terms, title_words):
        """The talent's profile rank for the job's words, weighed by its title fit (half the rank
        stands, the other half in the share of the job title's words found in the talent's title
        as written: PostgreSQL's simple configuration)."""
        from odoo.addons.talent_crm.tools.text_search import MATCH_TS_CONFIGS

        if not any(terms.values()):
            return 0.0
        ranks, matches = [], []
        for config, query in terms.items():
            column = SQL.identifier("talent_profile_tsv_%s" % MATCH_TS_CONFIGS[config])
            ranks.append(SQL("ts_rank(%s, %s::tsquery)", column, query))
            matches.append(SQL("%s @@ %s::tsquery", column, query))
        env.cr.execute(
            SQL(
                "SELECT greatest(%s), tsvector_to_array(to_tsvector('simple', coalesce(%s, ''))) "
                "FROM hr_applicant a WHERE id = %s AND (%s)",
                SQL(", ").join(ranks), talent.talent_current_title, talent.id, SQL(" OR ").join(matches),
            )
        )
        row = env.cr.fetchone()
        if not row:
            return 0.0
        fit = 0.5 + 0.5 * len(title_words & set(row[1])) / len(title_words) if title_words else 1.0
        return float(row[0]) * fit
