# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The 19.0.1.2.0 migration: ``res.partner.talent_contact_frequency`` goes from one varchar
value for every company to the company-dependent jsonb column, without losing a value."""

import importlib.util
from datetime import timedelta

import psycopg2

from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL, mute_logger, sql
from odoo.tools.misc import file_path

COLUMN = "talent_contact_frequency"


@tagged("post_install", "-at_install", "talent_crm")
class TestMigrationContactFrequency(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.ref("base.main_company")
        cls.company_b = cls.env["res.company"].create({"name": "Beta Recruiting (migration test)"})
        cls.company_a.talent_cap_passive_days = 30
        cls.company_b.talent_cap_passive_days = 30
        Applicant = cls.env["hr.applicant"]

        def talent(name, company):
            return Applicant.with_company(company or cls.company_a).create(
                {
                    "partner_name": name,
                    "email_from": "%s@example.com" % name.lower().replace(" ", "."),
                    "company_id": company.id if company else False,
                }
            )

        cls.only_a = talent("Ada Only", cls.company_a).partner_id
        cls.both = talent("Bo Both", cls.company_a).partner_id
        talent("Bo Both", cls.company_b).partner_id = cls.both
        cls.only_b = talent("Bea Only", cls.company_b).partner_id
        cls.no_company = talent("Nico Nowhere", False).partner_id
        cls.no_talent = cls.env["res.partner"].create({"name": "Tom Contact"})
        cls.no_value = talent("Nele None", cls.company_a).partner_id
        cls.persons = cls.only_a | cls.both | cls.only_b | cls.no_company | cls.no_talent | cls.no_value

    def _migrate(self, version="19.0.1.1.0"):
        spec = importlib.util.spec_from_file_location(
            "talent_crm_pre_migration_19_0_1_2_0", file_path("talent_crm/migrations/19.0.1.2.0/pre-migration.py")
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, version)
        self.env.invalidate_all()

    def _old_shape(self, values):
        """res_partner's column as 19.0.1.1.0 left it: one varchar value for every company."""
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(SQL("ALTER TABLE res_partner ALTER COLUMN %s TYPE varchar USING NULL", SQL.identifier(COLUMN)))
        for partner, value in values.items():
            cr.execute(SQL("UPDATE res_partner SET %s = %s WHERE id = %s", SQL.identifier(COLUMN), value, partner.id))
        self.env.invalidate_all()

    def _column(self):
        return sql.table_columns(self.env.cr, "res_partner")[COLUMN]

    def _stored(self):
        self.env.cr.execute(
            SQL("SELECT id, %s FROM res_partner WHERE id = ANY(%s)", SQL.identifier(COLUMN), self.persons.ids)
        )
        return dict(self.env.cr.fetchall())

    def test_old_column_becomes_company_dependent(self):
        a, b = str(self.company_a.id), str(self.company_b.id)
        self._old_shape(
            {
                self.only_a: "monthly",
                self.both: "quarterly",
                self.only_b: "quarterly",
                self.no_company: "monthly",
                self.no_talent: "quarterly",
            }
        )
        self.assertEqual(self._column()["udt_name"], "varchar")
        # what Odoo itself would do with the old column (a plain cast) fails on the values
        with self.assertRaises(psycopg2.errors.InvalidTextRepresentation), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                sql.convert_column(self.env.cr, "res_partner", COLUMN, "jsonb")

        self._migrate()
        self.assertEqual(self._column()["udt_name"], "jsonb")
        self.assertEqual(
            self._stored(),
            {
                # the companies the person has a talent in
                self.only_a.id: {a: "monthly"},
                self.both.id: {a: "quarterly", b: "quarterly"},
                self.only_b.id: {b: "quarterly"},
                # a talent of no company, or no talent: as before, for every company
                self.no_company.id: {a: "monthly", b: "monthly"},
                self.no_talent.id: {a: "quarterly", b: "quarterly"},
                self.no_value.id: None,
            },
        )
        # the ORM takes the column as it is now (no second conversion) and reads it per company
        field = self.env["res.partner"]._fields[COLUMN]
        field.update_db_column(self.env["res.partner"], self._column())
        self.assertEqual(self._column()["udt_name"], "jsonb")
        self.env.invalidate_all()
        for company, expected in (
            (self.company_a, ["monthly", "quarterly", False, "monthly", "quarterly", False]),
            (self.company_b, [False, "quarterly", "quarterly", "monthly", "quarterly", False]),
        ):
            self.assertEqual(self.persons.with_company(company).mapped(COLUMN), expected, company.name)
        self.assertEqual(
            self.persons._talent_cap_intervals(self.company_b),
            {
                self.only_a.id: timedelta(days=30),
                self.both.id: timedelta(days=91),
                self.only_b.id: timedelta(days=91),
                self.no_company.id: timedelta(days=30),
                self.no_talent.id: timedelta(days=91),
                self.no_value.id: timedelta(days=30),
            },
        )

    def test_new_installs_and_converted_columns_are_left_alone(self):
        self.both.with_company(self.company_b).talent_contact_frequency = "monthly"
        self.env.flush_all()
        stored = self._stored()
        self.assertEqual(stored[self.both.id], {str(self.company_b.id): "monthly"})
        self._migrate(version=None)
        self._migrate()
        self.assertEqual(self._stored(), stored)
