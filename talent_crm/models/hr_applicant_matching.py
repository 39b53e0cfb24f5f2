# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL

# Text search configurations used for matching: the profile and CV text is indexed in both.
MATCH_TS_CONFIGS = {"english": "en", "german": "de"}
# CV text indexed per attachment (characters); tsvector values are limited to 1 MB.
CV_TEXT_LIMIT = 100000


class HrApplicant(models.Model):
    """Pool membership log and full-text search columns for matching."""

    _inherit = "hr.applicant"

    talent_membership_ids = fields.One2many("talent.pool.membership", "talent_id", string="Pool History")

    def init(self):
        """Generated ``tsvector`` columns (English and German) with GIN indexes.

        On ``hr_applicant``: the profile text (title weighted A, current company and city B,
        notes C). On ``ir_attachment``: the indexed text of documents attached to applicants
        (CVs), ``NULL`` for every other attachment. PostgreSQL keeps them up to date.
        """
        super().init()
        cr = self.env.cr
        for config, suffix in MATCH_TS_CONFIGS.items():
            column = "talent_profile_tsv_%s" % suffix
            cr.execute(
                SQL(
                    "SELECT 1 FROM information_schema.columns WHERE table_name = 'hr_applicant' AND column_name = %s",
                    column,
                )
            )
            if not cr.fetchone():
                cr.execute(
                    SQL(
                        """
                        ALTER TABLE hr_applicant ADD COLUMN %(column)s tsvector GENERATED ALWAYS AS (
                            setweight(to_tsvector(%(config)s::regconfig, coalesce(talent_current_title, '')), 'A')
                            || setweight(to_tsvector(%(config)s::regconfig,
                                   coalesce(talent_current_company, '') || ' ' || coalesce(talent_city, '')), 'B')
                            || setweight(to_tsvector(%(config)s::regconfig,
                                   left(coalesce(applicant_notes, ''), %(limit)s)), 'C')
                        ) STORED
                        """,
                        column=SQL.identifier(column),
                        config=SQL("%s", config),
                        limit=CV_TEXT_LIMIT,
                    )
                )
            cr.execute(
                SQL(
                    "CREATE INDEX IF NOT EXISTS %s ON hr_applicant USING gin (%s)",
                    SQL.identifier("hr_applicant_%s_gin" % column),
                    SQL.identifier(column),
                )
            )
            column = "talent_cv_tsv_%s" % suffix
            cr.execute(
                SQL(
                    "SELECT 1 FROM information_schema.columns WHERE table_name = 'ir_attachment' AND column_name = %s",
                    column,
                )
            )
            if not cr.fetchone():
                cr.execute(
                    SQL(
                        """
                        ALTER TABLE ir_attachment ADD COLUMN %(column)s tsvector GENERATED ALWAYS AS (
                            CASE WHEN res_model = 'hr.applicant' AND index_content IS NOT NULL
                                 THEN to_tsvector(%(config)s::regconfig, left(index_content, %(limit)s)) END
                        ) STORED
                        """,
                        column=SQL.identifier(column),
                        config=SQL("%s", config),
                        limit=CV_TEXT_LIMIT,
                    )
                )
            cr.execute(
                SQL(
                    "CREATE INDEX IF NOT EXISTS %s ON ir_attachment USING gin (%s) WHERE %s IS NOT NULL",
                    SQL.identifier("ir_attachment_%s_gin" % column),
                    SQL.identifier(column),
                    SQL.identifier(column),
                )
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
