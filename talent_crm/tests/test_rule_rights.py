# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dynamic pool rules run with the rights of their owner, in the pool's company."""


from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from .common import TalentCrmCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestRuleRights(TalentCrmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = "[('talent_role_family_id', '=', %s)]" % cls.role_backend.id
        cls.other_pool = cls.env["hr.talent.pool"].create({"name": "B pool (test)", "company_id": cls.other_company.id})
        cls.mine = cls._create_talent("Ada Mine", talent_role_family_id=cls.role_backend.id)
        cls.theirs = cls._create_talent(
            "Bo Theirs",
            talent_role_family_id=cls.role_backend.id,
            company_id=cls.other_company.id,
            talent_pool_ids=[Command.set(cls.other_pool.ids)],
        )

    def test_dynamic_pool_needs_a_company(self):
        with self.assertRaises(ValidationError):
            self.env["hr.talent.pool"].create(
                {
                    "name": "Everywhere (test)",
                    "company_id": False,
                    "talent_rule_active": True,
                    "talent_rule_domain": self.rule,
                }
            )
        pool = self.env["hr.talent.pool"].create(
            {"name": "Rule A (test)", "talent_rule_active": True, "talent_rule_domain": self.rule}
        )
        with self.assertRaises(ValidationError):
            pool.company_id = False
        self.assertTrue(self.env["hr.talent.pool"].create({"name": "Static (test)", "company_id": False}))

    def test_rule_of_company_a_never_pulls_company_b(self):
        pool = self.env["hr.talent.pool"].with_user(self.user_recruiter).create(
            {"name": "Rule A (test)", "talent_rule_active": True, "talent_rule_domain": self.rule}
        )
        self.assertEqual(pool.talent_rule_user_id, self.user_recruiter, "whoever writes the rule owns it")
        self.assertIn(self.mine, pool.sudo().talent_ids)
        self.assertNotIn(self.theirs, pool.sudo().talent_ids)
        # even a superuser refresh (the cron) stays in the pool's company
        pool.sudo()._talent_refresh_rule_members()
        self.assertNotIn(self.theirs, pool.sudo().talent_ids)

    def test_rule_searches_with_the_owners_rights(self):
        """An owner who may read only some talents (an interviewer) pulls only those."""
        owner = new_test_user(
            self.env,
            login="rule_interviewer",
            groups="hr_recruitment.group_hr_recruitment_interviewer",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        hidden = self._create_talent("Cy Hidden", talent_role_family_id=self.role_backend.id)
        self.mine.interviewer_ids = [Command.link(owner.id)]
        pool = self.env["hr.talent.pool"].create({"name": "Owned rule (test)", "company_id": self.company.id})
        pool.write({"talent_rule_user_id": owner.id, "talent_rule_active": True, "talent_rule_domain": self.rule})
        self.assertEqual(pool.talent_rule_user_id, owner)
        self.assertIn(self.mine, pool.talent_ids)
        self.assertNotIn(hidden, pool.talent_ids, "a talent the owner cannot read never joins through the rule")

    def test_owner_without_the_company_switches_the_rule_off(self):
        pool = self.env["hr.talent.pool"].with_user(self.user_recruiter).create(
            {"name": "Rule A (test)", "talent_rule_active": True, "talent_rule_domain": self.rule}
        )
        pool = pool.sudo()
        late = self._create_talent("Di Late", talent_role_family_id=self.role_backend.id)
        self.user_recruiter.write(
            {"company_ids": [Command.set(self.other_company.ids)], "company_id": self.other_company.id}
        )
        pool.talent_rule_refresh_date = False
        with self._patch_commit_progress():
            self.env["hr.talent.pool"]._cron_talent_refresh_rules()
        self.assertFalse(pool.talent_rule_active, "a rule its owner may not run any more is switched off")
        self.assertNotIn(late, pool.talent_ids)
