# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import SQL, html2plaintext

from .hr_applicant_matching import MATCH_TS_CONFIGS
from .res_company_matching import MATCH_WEIGHT_FIELDS

# Most frequent words of the job text searched for (an OR query).
MATCH_MAX_TERMS = 32
# Talents listed in the recruiter's "role opened" activity.
MATCH_ACTIVITY_TOP = 10


class HrJobSkill(models.Model):
    _inherit = "hr.job.skill"

    talent_required = fields.Boolean(
        string="Required",
        default=True,
        help="Required skills weigh in the required-skills factor of matching, the others in nice-to-have.",
    )


class HrJob(models.Model):
    """Rank the talents of the pools for a job, with an explanation per factor."""

    _inherit = "hr.job"

    talent_seniority_id = fields.Many2one("talent.seniority", string="Seniority Sought")
    talent_remote_policy = fields.Selection(
        [("onsite", "On site"), ("hybrid", "Hybrid"), ("remote", "Remote")],
        string="Work Mode",
        help="Used by matching to compare with the talents' remote preference and country.",
    )

    @api.model
    def _talent_match_labels(self):
        return {
            "skills_required": self.env._("Required skills"),
            "skills_nice": self.env._("Nice-to-have skills"),
            "text": self.env._("Text relevance"),
            "location": self.env._("Location and remote fit"),
            "seniority": self.env._("Seniority fit"),
            "availability": self.env._("Availability"),
            "engagement": self.env._("Engagement recency"),
            "penalty_dnc": self.env._("Do not contact"),
            "penalty_recent": self.env._("Recently contacted"),
        }

    # ------------------------------------------------------------
    # Inputs
    # ------------------------------------------------------------

    def _talent_match_terms(self, text):
        """``{config: tsquery text}``: the most frequent words of ``text``, OR-ed.

        The text is searched in its own language: the configuration that drops the most words
        (its stop words) wins; both are kept when they drop as many. Searching an English text
        with the German configuration would look for "and", "the"... in every profile.
        """
        lexemes_of, kept = {}, {}
        for config in MATCH_TS_CONFIGS:
            self.env.cr.execute(
                SQL(
                    """
                    SELECT lexeme, array_length(positions, 1) FROM unnest(to_tsvector(%s::regconfig, %s))
                     ORDER BY array_length(positions, 1) DESC NULLS LAST, lexeme
                    """,
                    config,
                    text,
                )
            )
            rows = self.env.cr.fetchall()
            lexemes_of[config] = [row[0] for row in rows[:MATCH_MAX_TERMS]]
            kept[config] = sum(row[1] or 1 for row in rows)
        fewest = min(kept.values(), default=0)
        return {
            config: " | ".join("'%s'" % lexeme.replace("\\", "\\\\").replace("'", "''") for lexeme in lexemes)
            for config, lexemes in lexemes_of.items()
            if lexemes and kept[config] == fewest
        }

    def _talent_match_inputs(self):
        """Everything matching needs from the job and its company; ``UserError`` on unusable input."""
        self.ensure_one()
        job = self.sudo()
        company = job.company_id or self.env.company
        skills = [
            (js.skill_id.id, js.level_progress, bool(js.talent_required))
            for js in job.job_skill_ids
            if js.skill_id
        ]
        job_degree = (job.expected_degree.score or 0) * 100
        required_total = sum(level for _s, level, required in skills if required) + job_degree
        nice_total = sum(level for _s, level, required in skills if not required)
        text = " ".join(filter(None, [job.name, html2plaintext(job.description or ""), job.requirements or ""]))
        terms = self._talent_match_terms(text) if text.strip() else {}
        has_terms = any(terms.values())
        if not skills and not job_degree and not html2plaintext(job.description or "").strip():
            raise UserError(
                self.env._(
                    "Job %(job)s has neither skills nor a description: add them so talents can be matched.",
                    job=job.name,
                )
            )
        country = job.address_id.country_id or company.country_id
        applicable = {
            "skills_required": required_total > 0,
            "skills_nice": nice_total > 0,
            "text": has_terms,
            "location": bool(country) or job.talent_remote_policy == "remote",
            "seniority": bool(job.talent_seniority_id),
            "availability": True,
            "engagement": True,
        }
        weights = company._talent_match_weights()
        total_weight = sum(weights[key] for key, usable in applicable.items() if usable)
        if total_weight <= 0:
            raise UserError(
                self.env._(
                    "All matching weights that apply to job %(job)s are zero: set them in the Talent CRM settings.",
                    job=job.name,
                )
            )
        return {
            "company": company,
            "skills": skills,
            "job_degree": job_degree,
            "required_total": required_total,
            "nice_total": nice_total,
            "terms": terms,
            "country_id": country.id or None,
            "remote_policy": job.talent_remote_policy or None,
            "seniority_rank": job.talent_seniority_id.rank or None,
            "applicable": applicable,
            "weights": {key: (weights[key] if usable else 0) for key, usable in applicable.items()},
            "total_weight": total_weight,
            "penalty_dnc": company.talent_match_penalty_dnc,
            "penalty_recent": company.talent_match_penalty_recent,
            "recent_since": fields.Datetime.now() - timedelta(days=company.talent_match_recent_days),
        }

    def _talent_match_candidates(self, company):
        """SQL of the ids of the talents matching may rank: the user's visible talents of the company."""
        Applicant = self.env["hr.applicant"]
        domain = (
            Applicant._talent_domain()
            & Domain("company_id", "in", [company.id, False])
            & Domain("talent_anonymized_date", "=", False)
        )
        return Applicant._search(domain).subselect()

    # ------------------------------------------------------------
    # Ranking
    # ------------------------------------------------------------

    def _talent_match_query(self, inputs, limit, talent_ids=None):
        today = fields.Date.context_today(self)
        now = fields.Datetime.now()
        skill_ids = [s for s, _l, _r in inputs["skills"]] or [0]
        skill_levels = [level for _s, level, _r in inputs["skills"]] or [0]
        skill_required = [required for _s, _l, required in inputs["skills"]] or [False]
        terms = inputs["terms"]
        candidates = self._talent_match_candidates(inputs["company"])
        if talent_ids is not None:
            candidates = SQL("%s", tuple(talent_ids) or (0,))
        if any(terms.values()):
            profile_rank, profile_match, cv_rank, cv_match = [], [], [], []
            for config, suffix in MATCH_TS_CONFIGS.items():
                if not terms.get(config):
                    continue
                query = SQL("%s::tsquery", terms[config])
                profile = SQL.identifier("a", "talent_profile_tsv_%s" % suffix)
                cv = SQL.identifier("att", "talent_cv_tsv_%s" % suffix)
                profile_rank.append(SQL("ts_rank(%s, %s)", profile, query))
                profile_match.append(SQL("%s @@ %s", profile, query))
                cv_rank.append(SQL("ts_rank(%s, %s)", cv, query))
                cv_match.append(SQL("%s @@ %s", cv, query))
            text_ctes = SQL(
                """
                txt AS (
                    SELECT a.id, greatest(%(profile_rank)s) AS r
                      FROM hr_applicant a
                     WHERE (%(profile_match)s)
                       AND a.id IN %(candidates)s
                ),
                cv AS (
                    SELECT coalesce(ap.pool_applicant_id, ap.id) AS id, max(greatest(%(cv_rank)s)) AS r
                      FROM ir_attachment att
                      JOIN hr_applicant ap ON ap.id = att.res_id
                     WHERE att.res_model = 'hr.applicant'
                       AND (%(cv_match)s)
                     GROUP BY 1
                ),
                """,
                profile_rank=SQL(", ").join(profile_rank),
                profile_match=SQL(" OR ").join(profile_match),
                cv_rank=SQL(", ").join(cv_rank),
                cv_match=SQL(" OR ").join(cv_match),
                candidates=candidates,
            )
        else:
            text_ctes = SQL(
                "txt AS (SELECT NULL::int AS id, 0::real AS r WHERE FALSE), "
                "cv AS (SELECT NULL::int AS id, 0::real AS r WHERE FALSE),"
            )
        w = inputs["weights"]
        total = inputs["total_weight"]

        def contribution(key):
            return SQL("round((100.0 * %s * v_%s / %s)::numeric, 2)", w[key], SQL(key), total)

        return SQL(
            """
            WITH job_skill AS (
                SELECT * FROM unnest(%(skill_ids)s::int[], %(skill_levels)s::int[], %(skill_required)s::bool[])
                    AS js(skill_id, level, required)
            ),
            sk AS (
                SELECT s.applicant_id,
                       coalesce(sum(least(l.level_progress, js.level * 2)) FILTER (WHERE js.required), 0) AS req,
                       coalesce(sum(least(l.level_progress, js.level * 2)) FILTER (WHERE NOT js.required), 0) AS nice
                  FROM (
                        SELECT DISTINCT ON (s.applicant_id, s.skill_id) s.applicant_id, s.skill_id, s.skill_level_id
                          FROM hr_applicant_skill s
                          JOIN hr_skill_type t ON t.id = s.skill_type_id
                         WHERE s.skill_id = ANY(%(skill_ids)s::int[])
                           AND (s.valid_to IS NULL OR s.valid_to >= %(today)s OR t.is_certification)
                         ORDER BY s.applicant_id, s.skill_id,
                                  (s.valid_to IS NULL OR s.valid_to >= %(today)s) DESC,
                                  s.valid_to DESC NULLS FIRST, s.id DESC
                       ) s
                  JOIN hr_skill_level l ON l.id = s.skill_level_id
                  JOIN job_skill js ON js.skill_id = s.skill_id
                 GROUP BY s.applicant_id
            ),
            %(text_ctes)s
            scored AS (
                SELECT c.id,
                       CASE WHEN %(required_total)s > 0 THEN
                           least(1, (coalesce(sk.req, 0)
                                     + CASE WHEN %(job_degree)s > 1 THEN coalesce(deg.score, 0) * 100 ELSE 0 END)
                                    / %(required_total)s::numeric)
                       ELSE 0 END AS v_skills_required,
                       CASE WHEN %(nice_total)s > 0 THEN least(1, coalesce(sk.nice, 0) / %(nice_total)s::numeric)
                       ELSE 0 END AS v_skills_nice,
                       coalesce(round(((coalesce(txt.r, 0) + coalesce(cv.r, 0))
                                 / nullif(max(coalesce(txt.r, 0) + coalesce(cv.r, 0)) OVER (), 0))::numeric, 4), 0)
                           AS v_text,
                       CASE
                           WHEN %(policy)s::varchar = 'remote' THEN
                               CASE WHEN c.talent_remote_preference = 'onsite' THEN 0.5 ELSE 1 END
                           WHEN %(country)s::int IS NULL THEN 0
                           WHEN c.talent_country_id = %(country)s::int THEN
                               CASE WHEN %(policy)s::varchar = 'onsite' AND c.talent_remote_preference = 'remote'
                                    THEN 0.5 ELSE 1 END
                           WHEN c.talent_country_id IS NULL THEN 0.5
                           WHEN %(policy)s::varchar = 'hybrid' AND c.talent_remote_preference IN ('remote', 'flexible')
                               THEN 0.25
                           ELSE 0
                       END::numeric AS v_location,
                       CASE
                           WHEN %(seniority_rank)s::int IS NULL OR sen.rank IS NULL THEN 0
                           WHEN sen.rank = %(seniority_rank)s::int THEN 1
                           WHEN abs(sen.rank - %(seniority_rank)s::int) = 1 THEN 0.5
                           ELSE 0
                       END::numeric AS v_seniority,
                       (CASE c.talent_availability WHEN 'open' THEN 1 WHEN 'unknown' THEN 0.5 ELSE 0 END
                        * CASE WHEN c.availability > %(soon)s THEN 0.5 ELSE 1 END)::numeric AS v_availability,
                       CASE WHEN c.talent_last_engagement_date IS NULL THEN 0
                            ELSE round(greatest(0, 1 - extract(epoch FROM (%(now)s - c.talent_last_engagement_date))
                                                    / 86400.0 / 365)::numeric, 4)
                       END AS v_engagement,
                       coalesce(p.talent_do_not_contact, FALSE) AS is_dnc,
                       coalesce(c.talent_last_contact_date >= %(recent_since)s, FALSE) AS is_recent
                  FROM hr_applicant c
                  LEFT JOIN sk ON sk.applicant_id = c.id
                  LEFT JOIN txt ON txt.id = c.id
                  LEFT JOIN cv ON cv.id = c.id
                  LEFT JOIN hr_recruitment_degree deg ON deg.id = c.type_id
                  LEFT JOIN talent_seniority sen ON sen.id = c.talent_seniority_id
                  LEFT JOIN res_partner p ON p.id = c.partner_id
                 WHERE c.id IN %(candidates)s
                   AND NOT EXISTS (
                        SELECT 1 FROM hr_applicant app
                         WHERE app.pool_applicant_id = c.id AND app.id != c.id
                           AND app.job_id = %(job)s AND app.active)
            ),
            contributed AS (
                SELECT scored.*,
                       %(c_skills_required)s AS c_skills_required,
                       %(c_skills_nice)s AS c_skills_nice,
                       %(c_text)s AS c_text,
                       %(c_location)s AS c_location,
                       %(c_seniority)s AS c_seniority,
                       %(c_availability)s AS c_availability,
                       %(c_engagement)s AS c_engagement
                  FROM scored
            ),
            based AS (
                SELECT contributed.*,
                       c_skills_required + c_skills_nice + c_text + c_location + c_seniority
                       + c_availability + c_engagement AS base
                  FROM contributed
            ),
            penalised AS (
                SELECT based.*,
                       CASE WHEN is_dnc THEN least(%(penalty_dnc)s, base) ELSE 0 END AS p_dnc
                  FROM based
            )
            SELECT id, v_skills_required, v_skills_nice, v_text, v_location, v_seniority, v_availability,
                   v_engagement, c_skills_required, c_skills_nice, c_text, c_location, c_seniority,
                   c_availability, c_engagement, p_dnc,
                   CASE WHEN is_recent THEN least(%(penalty_recent)s, base - p_dnc) ELSE 0 END AS p_recent,
                   base - p_dnc - CASE WHEN is_recent THEN least(%(penalty_recent)s, base - p_dnc) ELSE 0 END AS score
              FROM penalised
             ORDER BY score DESC, c_skills_required DESC, id
             LIMIT %(limit)s
            """,
            skill_ids=skill_ids,
            skill_levels=skill_levels,
            skill_required=skill_required,
            today=today,
            text_ctes=text_ctes,
            required_total=inputs["required_total"],
            job_degree=inputs["job_degree"],
            nice_total=inputs["nice_total"],
            policy=inputs["remote_policy"],
            country=inputs["country_id"],
            seniority_rank=inputs["seniority_rank"],
            soon=today + timedelta(days=90),
            now=now,
            recent_since=inputs["recent_since"],
            candidates=candidates,
            job=self.id,
            c_skills_required=contribution("skills_required"),
            c_skills_nice=contribution("skills_nice"),
            c_text=contribution("text"),
            c_location=contribution("location"),
            c_seniority=contribution("seniority"),
            c_availability=contribution("availability"),
            c_engagement=contribution("engagement"),
            penalty_dnc=inputs["penalty_dnc"],
            penalty_recent=inputs["penalty_recent"],
            limit=limit,
        )

    def _talent_match_talents(self, limit=50, talent_ids=None):
        """The ``limit`` best talents of the pools for this job, best first, with their explanation.

        One SQL query ranks every candidate (the user's visible talents of the job's company, not
        already applying to the job); hr_recruitment_skills' own matching (``matching_score``,
        matching and missing skills, with the ``matching_job_id`` context) explains the skills of
        the returned talents. Ties are broken by the required-skills contribution, then the talent id.

        Returns a list of dicts: ``talent`` (hr.applicant), ``rank``, ``score`` (0-100),
        ``skill_matching_score`` (hr_recruitment_skills), ``matching_skills``, ``missing_skills`` and
        ``factors``: a list of ``{key, label, weight, applicable, value, contribution}``; the
        contributions add up to ``score`` (penalties are negative).
        """
        self.ensure_one()
        if limit is not None and limit <= 0:
            raise UserError(self.env._("Ask for at least one match."))
        inputs = self._talent_match_inputs()
        self.env.flush_all()
        self.env.cr.execute(self._talent_match_query(inputs, limit or None, talent_ids=talent_ids))
        rows = self.env.cr.dictfetchall()
        talents = self.env["hr.applicant"].browse([row["id"] for row in rows])
        skill_talents = talents.with_context(matching_job_id=self.id)
        if self.sudo().job_skill_ids or self.sudo().expected_degree:
            skill_talents.fetch(["matching_score", "matching_skill_ids", "missing_skill_ids"])
        labels = self._talent_match_labels()
        weights = inputs["weights"]
        results = []
        for rank, (row, talent) in enumerate(zip(rows, skill_talents, strict=True), start=1):
            factors = [
                {
                    "key": key,
                    "label": labels[key],
                    "weight": weights[key],
                    "applicable": inputs["applicable"][key],
                    "value": float(row["v_%s" % key]) if inputs["applicable"][key] else 0.0,
                    "contribution": float(row["c_%s" % key]),
                }
                for key in MATCH_WEIGHT_FIELDS
            ]
            for key, column, points in (
                ("penalty_dnc", "p_dnc", inputs["penalty_dnc"]),
                ("penalty_recent", "p_recent", inputs["penalty_recent"]),
            ):
                factors.append(
                    {
                        "key": key,
                        "label": labels[key],
                        "weight": points,
                        "applicable": bool(row[column]),
                        "value": 1.0 if row[column] else 0.0,
                        "contribution": -float(row[column]),
                    }
                )
            has_skills = bool(inputs["skills"] or inputs["job_degree"])
            results.append(
                {
                    "talent": talent,
                    "rank": rank,
                    "score": float(row["score"]),
                    "skill_matching_score": talent.matching_score if has_skills else 0,
                    "matching_skills": talent.matching_skill_ids if has_skills else talent.skill_ids.browse(),
                    "missing_skills": talent.missing_skill_ids if has_skills else talent.skill_ids.browse(),
                    "factors": factors,
                }
            )
        return results

    # ------------------------------------------------------------
    # UI
    # ------------------------------------------------------------

    def action_talent_open_matches(self):
        """Rank the talents and open the list of results with their score breakdown."""
        self.ensure_one()
        results = self.env["talent.match.result"]._talent_store(self, self._talent_match_talents(limit=50))
        action = self.env["ir.actions.act_window"]._for_xml_id("talent_crm.talent_match_result_action")
        action["display_name"] = self.env._("Best matches for %(job)s", job=self.name)
        action["domain"] = [("id", "in", results.ids)]
        action["context"] = {"default_job_id": self.id, "create": False}
        return action

    # ------------------------------------------------------------
    # A role opens: tell the recruiter who is already in the pools
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        jobs = super().create(vals_list)
        jobs.filtered(lambda j: j.no_of_recruitment > 0)._talent_notify_top_matches()
        return jobs

    def write(self, vals):
        opening = self.browse()
        if "no_of_recruitment" in vals or vals.get("active"):
            opening = self.filtered(lambda j: j.no_of_recruitment <= 0 or not j.active)
        result = super().write(vals)
        opening.filtered(lambda j: j.active and j.no_of_recruitment > 0)._talent_notify_top_matches()
        return result

    def _talent_notify_top_matches(self):
        """One activity per opening job for its recruiter, listing the best talents of the pools.

        Jobs without skills or description are skipped (nothing to match on yet). The activity of
        a job is updated rather than duplicated. No mail goes to candidates.
        """
        if self.env.context.get("talent_skip_match_activity") or not self:
            return
        activity_type = self.env.ref("talent_crm.mail_activity_type_talent_matches", raise_if_not_found=False)
        if not activity_type:
            return
        Activity = self.env["mail.activity"].sudo()
        existing = Activity.search(
            [("activity_type_id", "=", activity_type.id), ("res_model", "=", "hr.job"), ("res_id", "in", self.ids)]
        )
        existing_by_job = {activity.res_id: activity for activity in existing}
        model_id = self.env["ir.model"]._get_id("hr.job")
        to_create = []
        for job in self.sudo():
            try:
                results = job._talent_match_talents(limit=MATCH_ACTIVITY_TOP)
            except UserError:
                continue
            if not results:
                continue
            user = job.user_id or self.env.user
            values = {
                "summary": self.env._("%(count)s talents from the pools match this role", count=len(results)),
                "note": job.with_context(lang=user.lang)._talent_match_note(results),
                "user_id": user.id,
                "date_deadline": fields.Date.context_today(self) + timedelta(days=3),
            }
            if job.id in existing_by_job:
                existing_by_job[job.id].write(values)
            else:
                values.update({"activity_type_id": activity_type.id, "res_model_id": model_id, "res_id": job.id})
                to_create.append(values)
        Activity.create(to_create)

    def _talent_match_note(self, results):
        rows = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
            % (
                result["rank"],
                result["talent"].partner_name or result["talent"].display_name,
                "%.0f" % result["score"],
                ", ".join(result["matching_skills"].mapped("name")),
            )
            for result in results
        )
        return Markup(
            "<p>%s</p><table class='table table-sm'><thead><tr><th>#</th><th>%s</th><th>%s</th><th>%s</th></tr>"
            "</thead><tbody>%s</tbody></table><p>%s</p>"
        ) % (
            self.env._("The role %(job)s opened. These people from your pools match it best:", job=self.name),
            self.env._("Talent"),
            self.env._("Score"),
            self.env._("Matching skills"),
            rows,
            self.env._('Open "Best matches from pools" on the job for the full list and the score breakdown.'),
        )
