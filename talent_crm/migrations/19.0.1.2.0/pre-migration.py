# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""``res.partner.talent_contact_frequency`` becomes company-dependent (a jsonb column keyed by
company id). Odoo would convert the old varchar column with a plain ``::jsonb`` cast, which
fails on ``quarterly`` (not JSON): the column is converted here, before the ORM looks at it.

The one value a person had applied to every company; it now goes to each company the person
has a talent or application in. A person with a talent or application of no company, or with
none at all, keeps it for every company (as before)."""

from odoo.tools import SQL

COLUMN = "talent_contact_frequency"


def _column_type(cr):
    cr.execute(
        SQL(
            "SELECT udt_name FROM information_schema.columns WHERE table_name = 'res_partner' AND column_name = %s",
            COLUMN,
        )
    )
    row = cr.fetchone()
    return row and row[0]


def migrate(cr, version):
    if not version or _column_type(cr) in (None, "jsonb"):
        return
    column = SQL.identifier(COLUMN)
    cr.execute(SQL("ALTER TABLE res_partner ADD COLUMN talent_contact_frequency_by_company jsonb"))
    cr.execute(
        SQL(
            """
            UPDATE res_partner p
               SET talent_contact_frequency_by_company = (
                   SELECT jsonb_object_agg(c.id::text, to_jsonb(p.%(column)s::varchar))
                     FROM res_company c
                    WHERE EXISTS (SELECT 1 FROM hr_applicant a WHERE a.partner_id = p.id AND a.company_id = c.id)
                       OR EXISTS (SELECT 1 FROM hr_applicant a WHERE a.partner_id = p.id AND a.company_id IS NULL)
                       OR NOT EXISTS (SELECT 1 FROM hr_applicant a WHERE a.partner_id = p.id)
                   )
             WHERE p.%(column)s IS NOT NULL AND p.%(column)s <> ''
            """,
            column=column,
        )
    )
    cr.execute(
        SQL(
            """
            ALTER TABLE res_partner
                ALTER COLUMN %(column)s DROP DEFAULT,
                ALTER COLUMN %(column)s TYPE jsonb USING talent_contact_frequency_by_company
            """,
            column=column,
        )
    )
    cr.execute(SQL("ALTER TABLE res_partner DROP COLUMN talent_contact_frequency_by_company"))
