# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL

JOIN_METHODS = [
    ("manual", "By hand"),
    ("rule", "Pool rule"),
    ("ats", "From the ATS"),
    ("signup", "Sign-up"),
    ("import", "Import"),
    ("other", "Other"),
]


class TalentPoolMembership(models.Model):
    """When and how a talent joined (and left) a pool.

    One row per stay in a pool: ``date_left`` stays empty while the talent is a member. Rows are
    written from the pool membership table itself (``hr_applicant_hr_talent_pool_rel``) by
    :meth:`_talent_sync`, whichever way it changed, so the log never drifts from the pools.
    """

    _name = "talent.pool.membership"
    _description = "Talent Pool Membership"
    _order = "date_joined desc, id desc"
    _rec_name = "talent_id"

    talent_id = fields.Many2one("hr.applicant", required=True, index=True, ondelete="cascade")
    pool_id = fields.Many2one("hr.talent.pool", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="pool_id.company_id", store=True, index=True)
    join_method = fields.Selection(JOIN_METHODS, string="Joined Through", required=True, default="manual")
    date_joined = fields.Datetime(string="Joined On", required=True, default=fields.Datetime.now, index=True)
    date_left = fields.Datetime(string="Left On", index="btree_not_null")
    user_id = fields.Many2one("res.users", string="Added By", ondelete="set null")
    is_member = fields.Boolean(compute="_compute_is_member", search="_search_is_member", string="Current Member")

    _open_membership_uniq = models.UniqueIndex(
        "(talent_id, pool_id) WHERE date_left IS NULL",
        "A talent has only one open membership per pool.",
    )

    @api.depends("date_left")
    def _compute_is_member(self):
        for membership in self:
            membership.is_member = not membership.date_left

    def _search_is_member(self, operator, value):
        if operator != "in":
            return NotImplemented
        return [("date_left", "=", False)] if True in value else [("date_left", "!=", False)]

    @api.model
    def _talent_open_existing(self, method="other"):
        """Pool members without an open membership (members from before talent_crm was installed
        or upgraded) get one, joined with ``method`` when the talent was created. Returns how
        many opened."""
        self.env["hr.applicant"].flush_model(["talent_pool_ids"])
        self.env["hr.talent.pool"].flush_model(["company_id"])
        self.flush_model()
        self.env.cr.execute(self._talent_sync_sql(SQL("TRUE"), method, date_joined=SQL("a.create_date")))
        opened = self.env.cr.rowcount
        if opened:
            self.invalidate_model()
        return opened

    @api.model
    def _talent_rel(self):
        field = self.env["hr.applicant"]._fields["talent_pool_ids"]
        return SQL.identifier(field.relation), SQL.identifier(field.column1), SQL.identifier(field.column2)

    @api.model
    def _talent_sync_sql(self, where, method, date_joined=None):
        rel, talent_col, pool_col = self._talent_rel()
        return SQL(
            """
            INSERT INTO talent_pool_membership
                (talent_id, pool_id, company_id, join_method, date_joined, user_id,
                 create_uid, create_date, write_uid, write_date)
            SELECT r.%(talent_col)s, r.%(pool_col)s, p.company_id, %(method)s, %(date_joined)s, %(uid)s,
                   %(uid)s, %(now)s, %(uid)s, %(now)s
              FROM %(rel)s r
              JOIN hr_talent_pool p ON p.id = r.%(pool_col)s
              JOIN hr_applicant a ON a.id = r.%(talent_col)s
             WHERE (%(where)s)
               AND NOT EXISTS (
                    SELECT 1 FROM talent_pool_membership m
                     WHERE m.talent_id = r.%(talent_col)s AND m.pool_id = r.%(pool_col)s AND m.date_left IS NULL)
            ON CONFLICT DO NOTHING
            """,
            rel=rel,
            talent_col=talent_col,
            pool_col=pool_col,
            method=method,
            date_joined=date_joined or SQL("%s", fields.Datetime.now()),
            uid=self.env.uid,
            now=fields.Datetime.now(),
            where=where,
        )

    @api.model
    def _talent_sync(self, talent_ids=None, pool_ids=None, method=None):
        """Bring the log in line with the pool membership table, in two queries.

        Limited to ``talent_ids`` or ``pool_ids`` (both ``None``: everything). Members without an
        open row join with ``method`` (default: the context key ``talent_pool_join_method``, else
        ``manual``); open rows whose talent is no longer in the pool are closed.
        """
        # only the membership table and what the log copies: flushing everything here would
        # force unrelated computations in the middle of the caller's create or write
        self.env["hr.applicant"].flush_model(["talent_pool_ids"])
        self.env["hr.talent.pool"].flush_model(["talent_ids", "company_id"])
        self.flush_model()
        method = method or self.env.context.get("talent_pool_join_method") or "manual"
        if method not in dict(JOIN_METHODS):
            method = "other"
        rel, talent_col, pool_col = self._talent_rel()
        scope_rel, scope_log = SQL("TRUE"), SQL("TRUE")
        if talent_ids is not None:
            ids = list(talent_ids)
            scope_rel = SQL("r.%s = ANY(%s)", talent_col, ids)
            scope_log = SQL("m.talent_id = ANY(%s)", ids)
        if pool_ids is not None:
            ids = list(pool_ids)
            scope_rel = SQL("%s AND r.%s = ANY(%s)", scope_rel, pool_col, ids)
            scope_log = SQL("%s AND m.pool_id = ANY(%s)", scope_log, ids)
        now = fields.Datetime.now()
        self.env.cr.execute(
            SQL(
                """
                UPDATE talent_pool_membership m
                   SET date_left = %(now)s, write_date = %(now)s, write_uid = %(uid)s
                 WHERE m.date_left IS NULL AND (%(scope)s)
                   AND NOT EXISTS (SELECT 1 FROM %(rel)s r
                                    WHERE r.%(talent_col)s = m.talent_id AND r.%(pool_col)s = m.pool_id)
                """,
                now=now,
                uid=self.env.uid,
                scope=scope_log,
                rel=rel,
                talent_col=talent_col,
                pool_col=pool_col,
            )
        )
        left = self.env.cr.rowcount
        self.env.cr.execute(self._talent_sync_sql(scope_rel, method))
        joined = self.env.cr.rowcount
        if left or joined:
            self.invalidate_model()
        return joined, left
