# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Company rules of talent_crm's own models, read by a user of another company and by a user
allowed in both companies (with one or both selected in the company switcher)."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import TalentCrmCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestCompanyRules(TalentCrmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_both = new_test_user(
            cls.env,
            login="talent_two_companies",
            name="Bea Both",
            groups="talent_crm.group_talent_crm_manager",
            company_id=cls.company.id,
            company_ids=[Command.set((cls.company | cls.other_company).ids)],
        )
        cls.pool_other = cls.env["hr.talent.pool"].create({"name": "Other pool", "company_id": cls.other_company.id})
        cls.talent_a = cls._create_talent("Anna Company")
        cls.talent_b = cls._create_talent(
            "Bert Company", company_id=cls.other_company.id, talent_pool_ids=[Command.set(cls.pool_other.ids)]
        )

    def _factories(self):
        """One record per company for each model with a company rule; ``{model: (record_a, record_b)}``."""
        sudo = self.env(su=True)
        records = {}
        for company, talent in ((self.company, self.talent_a), (self.other_company, self.talent_b)):
            person = {"partner_id": talent.partner_id.id, "company_id": company.id}
            made = {
                "talent.touch": sudo["talent.touch"].create(dict(person, summary="Called")),
                "talent.consent": sudo["talent.consent"].create(dict(person, purpose="communication")),
                "talent.erasure.request": sudo["talent.erasure.request"].create(dict(person)),
                "talent.topic": sudo["talent.topic"].create({"name": "Topic %s" % company.name,
                                                             "company_id": company.id}),
                "talent.role.family": sudo["talent.role.family"].create({"name": "Family %s" % company.name,
                                                                         "company_id": company.id}),
                "talent.sequence": sudo["talent.sequence"].create({"name": "Sequence %s" % company.name,
                                                                   "company_id": company.id}),
                "talent.lead.state.log": sudo["talent.lead.state.log"].search(
                    [("talent_id", "=", talent.id)], limit=1
                ),
                "talent.pool.membership": sudo["talent.pool.membership"].search(
                    [("talent_id", "=", talent.id)], limit=1
                ),
            }
            for model, record in made.items():
                self.assertEqual(len(record), 1, "%s: the fixture has its record" % model)
                self.assertEqual(record.company_id, company, model)
                records.setdefault(model, []).append(record)
        return records

    def test_every_company_bound_model_has_a_company_rule(self):
        """A new model of talent_crm with a company cannot ship without its company rule."""
        model_ids = self.env["ir.model.data"].sudo().search(
            [("module", "=", "talent_crm"), ("model", "=", "ir.model")]
        ).mapped("res_id")
        models = self.env["ir.model"].browse(model_ids)
        self.assertGreater(len(models), 20, "talent_crm's models are found")
        rules = self.env["ir.rule"].sudo().search([("model_id", "in", models.ids)])
        ruled = {rule.model_id.model for rule in rules if "company_id" in (rule.domain_force or "")}
        missing = []
        for model in models:
            Model = self.env.get(model.model)
            if Model is None or Model._abstract or Model._transient:
                continue
            if Model._original_module != "talent_crm":
                continue  # Odoo's own models keep Odoo's own rules
            if "company_id" in Model._fields and model.model not in ruled:
                missing.append(model.model)
        self.assertFalse(missing, "talent_crm models with a company but no company rule")

    def test_user_of_another_company_sees_only_their_company(self):
        records = self._factories()
        for model, (record_a, record_b) in records.items():
            with self.subTest(model=model):
                Model = self.env[model].with_user(self.user_other_company)
                ids = (record_a | record_b).ids
                self.assertEqual(Model.search([("id", "in", ids)]).ids, record_b.ids)
                with self.assertRaises(AccessError):
                    Model.browse(record_a.id).read(["company_id"])

    def test_user_of_two_companies_sees_what_the_switcher_selects(self):
        records = self._factories()
        for model, (record_a, record_b) in records.items():
            with self.subTest(model=model):
                ids = (record_a | record_b).ids
                both = self.env[model].with_user(self.user_both).with_context(
                    allowed_company_ids=[self.company.id, self.other_company.id]
                )
                self.assertEqual(set(both.search([("id", "in", ids)]).ids), set(ids))
                only_b = self.env[model].with_user(self.user_both).with_context(
                    allowed_company_ids=[self.other_company.id]
                )
                self.assertEqual(only_b.search([("id", "in", ids)]).ids, record_b.ids)
                with self.assertRaises(AccessError):
                    only_b.browse(record_a.id).read(["company_id"])
