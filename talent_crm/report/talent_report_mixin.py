# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models, tools
from odoo.tools import SQL


class TalentReportMixin(models.AbstractModel):
    """Shared plumbing of the Talent CRM reporting models (SQL views).

    A report model sets ``_auto = False`` and implements :meth:`_query`; :meth:`init` (re)creates
    the view on every install or update, so the figures are always read live from the
    underlying tables. Float fields with ``aggregator="median"`` are served by PostgreSQL's
    ``PERCENTILE_CONT`` (the web client asks for ``field:median`` in pivots and graphs).
    """

    _name = "talent.report.mixin"
    _description = "Talent CRM Report Mixin"

    def _read_group_select(self, aggregate_spec, query):
        fname, _sep, func = aggregate_spec.partition(":")
        if func == "median" and fname in self._fields and self._fields[fname].type in ("integer", "float"):
            return SQL(
                "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY %s)",
                self._field_to_sql(self._table, fname, query),
            )
        return super()._read_group_select(aggregate_spec, query)

    def init(self):
        if self._abstract or self._auto:
            return
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query()))

    def _query(self):
        raise NotImplementedError
