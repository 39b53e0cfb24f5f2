# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from ..tools import dedup, pg
from ..tools.dedup import FUZZY_BLOCKS, IDENTITY_KEYS, MAX_KEY_GROUP, REASON_CONFIDENCE

REASONS = [
    ("partner", "Same contact"),
    ("email", "Same email"),
    ("linkedin", "Same LinkedIn profile"),
    ("github", "Same GitHub profile"),
    ("xing", "Same Xing profile"),
    ("phone", "Same phone number"),
    ("name_company", "Similar name, same company"),
    ("name_city", "Similar name, same city"),
]
#: up to this many talents, an incremental run looks names up in the trigram index
GIN_SEED_LIMIT = 10
#: transaction-level advisory lock serialising the refreshes (two cron workers, a button)
ADVISORY_LOCK_KEY = 7_319_008


class TalentDuplicate(models.Model):
    """Two talents that are probably the same person, with why and how sure.

    Candidates are found set-based in SQL (:meth:`_talent_refresh`, daily cron and on
    import), reviewed by managers, and either merged (``talent.merge.wizard``) or
    dismissed; a dismissed pair is never proposed again.

    Rules, all within one company:

    * exact: same contact, email, LinkedIn, GitHub or Xing profile, phone (E.164);
    * fuzzy: names that share a word (first or last name) and are trigram-similar
      (``pg_trgm``, at least ``NAME_SIMILARITY_THRESHOLD``), at the same company or in
      the same city (normalised keys stored on ``hr.applicant``).
    """

    _name = "talent.duplicate"
    _description = "Possible Duplicate Talent"
    _order = "confidence desc, id desc"
    _rec_name = "talent_id"

    talent_id = fields.Many2one("hr.applicant", required=True, index=True, ondelete="cascade")
    duplicate_id = fields.Many2one(
        "hr.applicant", string="Possible Duplicate", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one("res.company", required=True, index=True)
    talent_email = fields.Char(related="talent_id.email_from", string="Email")
    duplicate_email = fields.Char(related="duplicate_id.email_from", string="Duplicate's Email")
    talent_phone = fields.Char(related="talent_id.partner_phone", string="Phone")
    duplicate_phone = fields.Char(related="duplicate_id.partner_phone", string="Duplicate's Phone")
    talent_company = fields.Char(related="talent_id.talent_current_company", string="Current Company")
    duplicate_company = fields.Char(related="duplicate_id.talent_current_company", string="Duplicate's Current Company")
    talent_city = fields.Char(related="talent_id.talent_city", string="City")
    duplicate_city = fields.Char(related="duplicate_id.talent_city", string="Duplicate's City")
    talent_create_date = fields.Datetime(related="talent_id.create_date", string="Talent Created On")
    duplicate_create_date = fields.Datetime(related="duplicate_id.create_date", string="Duplicate Created On")
    reason = fields.Selection(REASONS, string="Main Reason", required=True)
    reasons = fields.Char(string="Reason Codes", help="Every rule that matched, strongest first.")
    reason_display = fields.Char(string="Reasons", compute="_compute_reason_display")
    confidence = fields.Integer(aggregator="max", help="How sure the match is, in percent.")
    name_similarity = fields.Float(digits=(3, 2), help="Trigram similarity of the names (0 to 1).")
    state = fields.Selection(
        [("open", "To Review"), ("dismissed", "Not a Duplicate")], required=True, default="open", index=True
    )
    detected_date = fields.Datetime(string="Last Detected", readonly=True)

    _pair_uniq = models.Constraint("UNIQUE(talent_id, duplicate_id)", "This pair of talents is already listed.")
    _pair_order = models.Constraint("CHECK(talent_id < duplicate_id)", "A pair lists the older talent first.")

    @api.depends("reasons")
    def _compute_reason_display(self):
        labels = dict(self._fields["reason"]._description_selection(self.env))
        for duplicate in self:
            codes = (duplicate.reasons or duplicate.reason or "").split(",")
            duplicate.reason_display = ", ".join(labels.get(code, code) for code in codes if code)

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_merge(self):
        self.ensure_one()
        self._talent_check_manager()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Merge Talents"),
            "res_model": "talent.merge.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_talent_ids": [self.talent_id.id, self.duplicate_id.id],
                "default_dst_talent_id": self.talent_id.id,
            },
        }

    def action_dismiss(self):
        self._talent_check_manager()
        self.write({"state": "dismissed"})

    def action_reopen(self):
        self._talent_check_manager()
        self.write({"state": "open"})

    def action_refresh(self):
        self._talent_check_manager()
        self._talent_refresh()

    def _talent_check_manager(self):
        if not self.env.user.has_group("talent_crm.group_talent_crm_manager"):
            raise AccessError(self.env._("Only Talent CRM managers can review duplicates."))

    # ------------------------------------------------------------
    # Detection
    # ------------------------------------------------------------

    @api.model
    def _cron_refresh_duplicates(self):
        """Daily: find every candidate among all talents, forget the ones no longer true."""
        self._talent_refresh()

    @api.model
    def _talent_refresh(self, talents=None):
        """Store the candidate pairs, set-based, in a fixed number of queries.

        :param talents: ``hr.applicant`` records to refresh the candidates of (pairs with at
            least one of them), or None for all talents. A full refresh is skipped when
            another one is running (advisory lock); an incremental one waits for it.
        :return: ``{"stored": n, "removed": n}``, or False when skipped
        """
        seed_ids = None if talents is None else talents.ids
        if seed_ids == []:
            return {"stored": 0, "removed": 0}
        self._talent_flush()
        if seed_ids is None:
            lock = SQL("pg_try_advisory_xact_lock(%s)", ADVISORY_LOCK_KEY)
        else:
            lock = SQL("(SELECT TRUE FROM pg_advisory_xact_lock(%s))", ADVISORY_LOCK_KEY)
        now = fields.Datetime.now()
        seed_scope = SQL("")
        if seed_ids is not None:
            seed_scope = SQL(
                "AND (d.talent_id = ANY(%(seed)s) OR d.duplicate_id = ANY(%(seed)s))", seed=seed_ids
            )
        query = SQL(
            """
            %(pairs)s,
            upserted AS (
                INSERT INTO talent_duplicate (
                    talent_id, duplicate_id, company_id, reason, reasons, confidence, name_similarity,
                    state, detected_date, create_uid, write_uid, create_date, write_date
                )
                SELECT p.talent_id, p.duplicate_id, a.company_id, p.reason, p.reasons, p.confidence,
                       p.similarity, 'open', %(now)s, %(uid)s, %(uid)s, %(now)s, %(now)s
                  FROM pairs p
                  JOIN hr_applicant a ON a.id = p.talent_id
                ON CONFLICT (talent_id, duplicate_id) DO UPDATE
                   SET reason = EXCLUDED.reason,
                       reasons = EXCLUDED.reasons,
                       confidence = EXCLUDED.confidence,
                       name_similarity = EXCLUDED.name_similarity,
                       detected_date = EXCLUDED.detected_date,
                       write_uid = EXCLUDED.write_uid,
                       write_date = EXCLUDED.write_date
                RETURNING id
            ),
            removed AS (
                DELETE FROM talent_duplicate d
                 WHERE d.state = 'open'
                   %(seed_scope)s
                   AND NOT EXISTS (SELECT 1 FROM upserted u WHERE u.id = d.id)
                RETURNING d.id
            )
            SELECT (SELECT count(*) FROM upserted), (SELECT count(*) FROM removed)
            """,
            pairs=self._talent_pairs_sql(seed_ids),
            now=now,
            uid=self.env.uid,
            seed_scope=seed_scope,
        )
        # the lock, the similarity threshold and JIT off: one query
        with pg.jit_disabled(self.env.cr, lock, self._talent_similarity_threshold_sql()) as (locked, _threshold):
            if not locked:
                return False
            [(stored, removed)] = self.env.execute_query(query)
        self.invalidate_model()
        self.env["hr.applicant"].invalidate_model(["talent_duplicate_count"])
        return {"stored": stored, "removed": removed}

    @api.model
    def _talent_find_pairs(self, talents=None):
        """The candidate pairs, without storing them (benchmark entry point of the fast path).

        :return: ``{(talent_id, duplicate_id): {"reasons": {reason: similarity or None},
            "confidence": int}}`` with ``talent_id < duplicate_id``
        """
        seed_ids = None if talents is None else talents.ids
        self._talent_flush()
        query = SQL(
            "%s SELECT talent_id, duplicate_id, reason_list, similarity_list, confidence FROM pairs",
            self._talent_pairs_sql(seed_ids),
        )
        with pg.jit_disabled(self.env.cr, self._talent_similarity_threshold_sql()):
            rows = self.env.execute_query(query)
        result = {}
        for talent_id, duplicate_id, reason_list, similarity_list, confidence in rows:
            result[(talent_id, duplicate_id)] = {
                "reasons": dict(zip(reason_list, similarity_list, strict=True)),
                "confidence": confidence,
            }
        return result

    @api.model
    def _talent_flush(self):
        self.env["hr.applicant"].flush_model(
            ["active", "company_id", "talent_pool_ids", "talent_dedup_name", *IDENTITY_KEYS.values(),
             *FUZZY_BLOCKS.values()]
        )
        self.flush_model()

    @api.model
    def _talent_similarity_threshold_sql(self):
        """SQL expression setting the threshold of ``pg_trgm``'s ``%`` for this transaction."""
        return SQL(
            "set_config('pg_trgm.similarity_threshold', %s, true)", str(dedup.NAME_SIMILARITY_THRESHOLD)
        )

    @api.model
    def _talent_pairs_sql(self, seed_ids=None):
        """``WITH`` clause ending in a ``pairs`` relation of the candidate pairs.

        Columns: ``talent_id < duplicate_id``, ``reason`` (strongest), ``reasons`` (codes,
        strongest first), ``reason_list`` / ``similarity_list`` (arrays), ``confidence``
        and ``similarity``.

        Full run (``seed_ids`` None): exact keys are grouped with one hash aggregate per
        key; names are blocked by (company, block key, shared name word) and compared
        with ``%`` inside the blocks. Incremental run: only pairs with a seed talent; up to
        ``GIN_SEED_LIMIT`` seeds, names are looked up in the trigram GIN index of
        ``talent_dedup_name``.
        """
        pool_field = self.env["hr.applicant"]._fields["talent_pool_ids"]
        incremental = seed_ids is not None
        # a few talents: look each one up through the indexes; more: one pass over all talents
        lookup = incremental and len(seed_ids) <= GIN_SEED_LIMIT
        # one column per identity key, named after it: the contact as text, the phone only in E.164
        key_columns = []
        for reason, column in IDENTITY_KEYS.items():
            value = SQL.identifier("a", column)
            if reason == "partner":
                value = SQL("%s::text", value)
            elif reason == "phone":
                value = SQL("CASE WHEN %s LIKE '+%%' THEN %s END", value, value)
            key_columns.append(SQL("%s AS %s", value, SQL.identifier(reason)))
        talent_cte = SQL(
            """
            talent AS %(materialized)s (
                SELECT a.id, COALESCE(a.company_id, 0) AS cid, %(keys)s,
                       a.talent_dedup_name AS name, %(blocks)s
                  FROM hr_applicant a
                 WHERE a.active
                   AND EXISTS (SELECT 1 FROM %(rel)s r WHERE r.%(col)s = a.id)
            )""",
            materialized=SQL("NOT MATERIALIZED") if lookup else SQL("MATERIALIZED"),
            keys=SQL(", ").join(key_columns),
            blocks=SQL(", ").join(
                SQL("%s AS %s", SQL.identifier("a", column), SQL.identifier(reason))
                for reason, column in FUZZY_BLOCKS.items()
            ),
            rel=SQL.identifier(pool_field.relation),
            col=SQL.identifier(pool_field.column1),
        )
        ctes = [talent_cte]
        if incremental:
            ctes.append(SQL("seed AS MATERIALIZED (SELECT * FROM talent WHERE id = ANY(%s))", seed_ids))

        # exact keys: groups of 2 to MAX_KEY_GROUP talents sharing a key
        group_selects = []
        for reason in IDENTITY_KEYS:
            column = SQL.identifier(reason)
            scope = SQL("")
            if incremental:
                scope = SQL("AND t.%s IN (SELECT s.%s FROM seed s WHERE s.%s IS NOT NULL)", column, column, column)
            group_selects.append(
                SQL(
                    """
                    SELECT %(reason)s AS reason, array_agg(t.id ORDER BY t.id) AS ids
                      FROM talent t
                     WHERE t.%(column)s IS NOT NULL %(scope)s
                  GROUP BY t.cid, t.%(column)s
                    HAVING count(*) BETWEEN 2 AND %(max_group)s""",
                    reason=reason,
                    column=column,
                    scope=scope,
                    max_group=MAX_KEY_GROUP,
                )
            )
        ctes.append(SQL("key_groups AS (%s)", SQL(" UNION ALL ").join(group_selects)))
        seed_pair_filter = SQL("")
        if incremental:
            seed_pair_filter = SQL("AND (x.tid = ANY(%(seed)s) OR y.tid = ANY(%(seed)s))", seed=seed_ids)
        ctes.append(
            SQL(
                """
                exact AS (
                    SELECT x.tid AS lo, y.tid AS hi, g.reason, NULL::real AS sim
                      FROM key_groups g,
                           unnest(g.ids) WITH ORDINALITY AS x(tid, i),
                           unnest(g.ids) WITH ORDINALITY AS y(tid, j)
                     WHERE x.i < y.j %s
                )""",
                seed_pair_filter,
            )
        )

        # fuzzy names within a company or city block
        block_values = SQL(", ").join(SQL("(%s, t.%s)", reason, SQL.identifier(reason)) for reason in FUZZY_BLOCKS)
        if lookup:
            gin_blocks = SQL(", ").join(
                SQL("(%s, s.%s, o.%s)", reason, SQL.identifier(reason), SQL.identifier(column))
                for reason, column in FUZZY_BLOCKS.items()
            )
            ctes.append(
                SQL(
                    """
                    fuzzy AS (
                        SELECT DISTINCT LEAST(s.id, o.id) AS lo, GREATEST(s.id, o.id) AS hi, b.reason,
                               similarity(s.name, o.talent_dedup_name) AS sim
                          FROM seed s
                          JOIN hr_applicant o
                            ON o.talent_dedup_name %% s.name
                           AND o.id <> s.id
                           AND o.active
                           AND COALESCE(o.company_id, 0) = s.cid
                         CROSS JOIN LATERAL (VALUES %(blocks)s) AS b(reason, mine, theirs)
                         WHERE s.name IS NOT NULL
                           AND b.mine IS NOT NULL
                           AND b.mine = b.theirs
                           AND EXISTS (SELECT 1 FROM %(rel)s r WHERE r.%(col)s = o.id)
                           AND EXISTS (
                                SELECT 1 FROM regexp_split_to_table(s.name, ' ') AS w(word)
                                 WHERE length(w.word) >= %(min_word)s
                                   AND w.word = ANY(string_to_array(o.talent_dedup_name, ' '))
                           )
                    )""",
                    blocks=gin_blocks,
                    rel=SQL.identifier(pool_field.relation),
                    col=SQL.identifier(pool_field.column1),
                    min_word=dedup.NAME_MIN_WORD_LENGTH,
                )
            )
        else:
            def words(source, scope):
                """Rows ``id, cid, reason, block, name, word`` of the talents of ``source``: one per
                block key and name word long enough to block on."""
                return SQL(
                    """
                    SELECT DISTINCT t.id, t.cid, b.reason, b.block, t.name, w.word
                      FROM %(source)s t
                     CROSS JOIN LATERAL (VALUES %(blocks)s) AS b(reason, block)
                     CROSS JOIN LATERAL regexp_split_to_table(t.name, ' ') AS w(word)
                     WHERE t.name IS NOT NULL
                       AND b.block IS NOT NULL
                       AND length(w.word) >= %(min_word)s
                       %(scope)s""",
                    source=source, blocks=block_values, min_word=dedup.NAME_MIN_WORD_LENGTH, scope=scope,
                )

            if incremental:
                # the seeds' words first, then only the talents sharing a block and a word with them
                ctes.append(SQL("seed_words AS MATERIALIZED (%s)", words(SQL("seed"), SQL(""))))
                scope = SQL(
                    "AND b.block IN (SELECT block FROM seed_words) AND w.word IN (SELECT word FROM seed_words)"
                )
                left, pair_order = SQL("seed_words"), SQL("l.id <> r.id")
            else:
                scope = SQL("")
                left, pair_order = SQL("words"), SQL("l.id < r.id")
            ctes.append(SQL("words AS MATERIALIZED (%s)", words(SQL("talent"), scope)))
            ctes.append(
                SQL(
                    """
                    fuzzy AS (
                        SELECT DISTINCT LEAST(l.id, r.id) AS lo, GREATEST(l.id, r.id) AS hi, l.reason,
                               similarity(l.name, r.name) AS sim
                          FROM %(left)s AS l
                          JOIN words r
                            ON r.cid = l.cid AND r.reason = l.reason AND r.block = l.block AND r.word = l.word
                           AND %(pair_order)s
                         WHERE l.name %% r.name
                    )""",
                    left=left,
                    pair_order=pair_order,
                )
            )

        weights = SQL(", ").join(
            SQL("(%s, %s::numeric, %s::numeric)", reason, base, per_similarity)
            for reason, (base, per_similarity) in REASON_CONFIDENCE.items()
        )
        ctes.append(
            SQL(
                """
                found AS (
                    SELECT lo, hi, reason, max(sim) AS sim
                      FROM (SELECT lo, hi, reason, sim FROM exact UNION ALL SELECT lo, hi, reason, sim FROM fuzzy) AS f
                  GROUP BY lo, hi, reason
                ),
                scored AS (
                    SELECT f.lo, f.hi, f.reason, f.sim,
                           w.base + w.per_similarity * COALESCE(f.sim, 0)::numeric AS conf
                      FROM found f
                      JOIN (VALUES %(weights)s) AS w(reason, base, per_similarity) ON w.reason = f.reason
                ),
                pairs AS (
                    SELECT lo AS talent_id,
                           hi AS duplicate_id,
                           (array_agg(reason ORDER BY conf DESC, reason))[1] AS reason,
                           string_agg(reason, ',' ORDER BY conf DESC, reason) AS reasons,
                           array_agg(reason ORDER BY conf DESC, reason) AS reason_list,
                           array_agg(sim ORDER BY conf DESC, reason) AS similarity_list,
                           LEAST(100, floor(100 * (1 - exp(sum(ln(1 - LEAST(conf, 99.9) / 100)))) + 0.5))::int
                               AS confidence,
                           max(sim) AS similarity
                      FROM scored
                  GROUP BY lo, hi
                )""",
                weights=weights,
            )
        )
        return SQL("WITH %s", SQL(",").join(ctes))
