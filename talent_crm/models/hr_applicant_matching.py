# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL, sql

# Text search configurations used for matching: the profile and CV text is indexed in both.
MATCH_TS_CONFIGS = {"english": "en", "german": "de"}
# CV text indexed per attachment (characters); tsvector values are limited to 1 MB.
CV_TEXT_LIMIT = 100000


class HrApplicant(models.Model):
    """Pool membership log and full-text search columns for matching."""

    _inherit = "hr.applicant"

    talent_membership_ids = fields.One2many(
        "talent.pool.membership", "talent_id", string="Pool History", groups="hr_recruitment.group_hr_recruitment_user"
    )

    # matching: every column its score bound and its candidates read, in a narrow index that
    # PostgreSQL scans instead of the wide applicant rows (see hr.job._talent_match_scope)
    _talent_match_idx = models.Index(
        "(id) INCLUDE (company_id, partner_id, type_id, talent_seniority_id, talent_remote_preference,"
        " talent_country_id, talent_availability, availability, talent_last_engagement_date,"
        " talent_last_contact_date) WHERE active IS TRUE AND talent_anonymized_date IS NULL"
    )

    def init(self):
        """Generated ``tsvector`` columns (English and German) with GIN indexes.

        On ``hr_applicant``: the profile text (title weighted A, current company and city B,
        notes C). On ``ir_attachment``: the indexed text of documents attached to applicants
        (CVs), ``NULL`` for every other attachment. PostgreSQL keeps them up to date.
        """
        super().init()
        cr = self.env.cr
        # Required columns talent_crm adds to Odoo's table get their default in the database too:
        # modules loaded before talent_crm (their data, their at-install tests, an update of
        # hr_recruitment) insert applicants without knowing the column.
        cr.execute("ALTER TABLE hr_applicant ALTER COLUMN talent_availability SET DEFAULT 'unknown'")
        # Mailings and pool filters list many pools at once: with the default 100 most common
        # values the planner underestimates a long pool list several times over and picks
        # nested loops over tens of thousands of talents.
        pools = self._fields["talent_pool_ids"]
        cr.execute(
            SQL(
                "ALTER TABLE %s ALTER COLUMN %s SET STATISTICS 1000",
                SQL.identifier(pools.relation),
                SQL.identifier(pools.column2),
            )
        )
        # The membership table is two integers a row: at 150,000 memberships it is still under
        # PostgreSQL's minimum size for a parallel scan, so in a parallel plan (a mailing's
        # audience) every worker built its own hash of it. Allowing a parallel scan lets the
        # workers build one shared hash.
        cr.execute(SQL("ALTER TABLE %s SET (parallel_workers = 2)", SQL.identifier(pools.relation)))
        for config, suffix in MATCH_TS_CONFIGS.items():
            profile = SQL(
                """setweight(to_tsvector(%(config)s::regconfig, coalesce(talent_current_title, '')), 'A')
                   || setweight(to_tsvector(%(config)s::regconfig,
                          coalesce(talent_current_company, '') || ' ' || coalesce(talent_city, '')), 'B')
                   || setweight(to_tsvector(%(config)s::regconfig,
                          left(coalesce(applicant_notes, ''), %(limit)s)), 'C')""",
                config=config,
                limit=CV_TEXT_LIMIT,
            )
            cv = SQL(
                """CASE WHEN res_model = 'hr.applicant' AND index_content IS NOT NULL
                        THEN to_tsvector(%(config)s::regconfig, left(index_content, %(limit)s)) END""",
                config=config,
                limit=CV_TEXT_LIMIT,
            )
            self._talent_add_tsvector(cr, "hr_applicant", "talent_profile_tsv_%s" % suffix, profile)
            self._talent_add_tsvector(cr, "ir_attachment", "talent_cv_tsv_%s" % suffix, cv, partial=True)

    @api.model
    def _talent_add_tsvector(self, cr, table, column, expression, partial=False):
        """A generated ``tsvector`` column on ``table`` with its GIN index, unless it exists."""
        if not sql.column_exists(cr, table, column):
            cr.execute(
                SQL(
                    "ALTER TABLE %s ADD COLUMN %s tsvector GENERATED ALWAYS AS (%s) STORED",
                    SQL.identifier(table),
                    SQL.identifier(column),
                    expression,
                )
            )
        sql.create_index(
            cr,
            "%s_%s_gin" % (table, column),
            table,
            [column],
            method="gin",
            where="%s IS NOT NULL" % column if partial else "",
        )

    @api.model
    def _talent_join_method(self):
        context = self.env.context
        if context.get("talent_pool_join_method"):
            return context["talent_pool_join_method"]
        if context.get("import_file"):
            return "import"
        return "manual"

    @api.model_create_multi
    def create(self, vals_list):
        applicants = super().create(vals_list)
        talents = applicants.filtered("talent_pool_ids")
        if talents:
            self.env["talent.pool.membership"]._talent_sync(talent_ids=talents.ids, method=self._talent_join_method())
        return applicants

    def write(self, vals):
        result = super().write(vals)
        if "talent_pool_ids" in vals:
            self.env["talent.pool.membership"]._talent_sync(talent_ids=self.ids, method=self._talent_join_method())
        return result
