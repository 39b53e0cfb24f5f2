# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tools import SQL


class TalentReportMixin:
    """Helpers for the reporting tests: back-dating records and reading grouped figures."""

    @classmethod
    def _set_create_date(cls, records, when):
        """Records made in one transaction share its timestamp: back-date them for the test."""
        cls.env.flush_all()
        cls.env.cr.execute(
            SQL(
                "UPDATE %s SET create_date = %s WHERE id IN %s",
                SQL.identifier(records._table),
                when,
                tuple(records.ids),
            )
        )
        records.invalidate_recordset(["create_date"])

    def _figures(self, model, domain, groupby, aggregates):
        """``{group key: (aggregate values...)}`` with ids for records and floats rounded to 2 digits."""
        groups = self.env[model]._read_group(domain, groupby, aggregates)
        return {
            tuple(key.id if hasattr(key, "_name") else key for key in group[: len(groupby)]): tuple(
                round(value, 2) if isinstance(value, float) else value for value in group[len(groupby) :]
            )
            for group in groups
        }
