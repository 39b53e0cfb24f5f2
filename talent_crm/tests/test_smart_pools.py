# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged, users

from .common import TalentCrmCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestSmartPools(TalentCrmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role_data = cls.env["talent.role.family"].create({"name": "Data (test)"})
        cls.backend_rule = "[('talent_role_family_id', '=', %s)]" % cls.role_backend.id

    def _memberships(self, pool, talent=None):
        domain = [("pool_id", "=", pool.id)]
        if talent:
            domain.append(("talent_id", "=", talent.id))
        return self.env["talent.pool.membership"].sudo().search(domain, order="id")

    def _rule_pool(self, name="Backend rule pool (test)", rule=None, **values):
        return self.env["hr.talent.pool"].create(
            dict(
                {"name": name, "talent_rule_active": True, "talent_rule_domain": rule or self.backend_rule},
                **values,
            )
        )

    def _run_rule_cron(self):
        """The rule cron through ir.cron, with the real _commit_progress (see test_smart_pools_cron)."""
        with self.enter_registry_test_mode():
            self.env.ref("talent_crm.ir_cron_talent_pool_rules").method_direct_trigger()
        self.env.invalidate_all()

    # ------------------------------------------------------------
    # Membership log
    # ------------------------------------------------------------

    def test_membership_log_every_path(self):
        """Joins and leaves are logged whether the talent, the pool or Odoo's wizard changed them."""
        other_pool = self.env["hr.talent.pool"].create({"name": "Other (test)"})
        talent = self._create_talent("Lena Log").with_user(self.user_recruiter)
        joined = self._memberships(self.pool, talent)
        self.assertEqual(len(joined), 1)
        self.assertEqual(joined.join_method, "manual")
        self.assertEqual(joined.company_id, self.pool.company_id)
        self.assertFalse(joined.date_left)
        # the talent side, by a recruiter
        talent.write({"talent_pool_ids": [Command.link(other_pool.id)]})
        other = self._memberships(other_pool, talent)
        self.assertEqual((other.join_method, other.user_id), ("manual", self.user_recruiter))
        moment = datetime.now().replace(microsecond=0) + timedelta(hours=1)
        with freeze_time(moment):
            talent.write({"talent_pool_ids": [Command.unlink(other_pool.id)]})
        self.assertEqual(other.date_left, moment, "leaving closes the membership")
        self.assertEqual(len(self._memberships(other_pool, talent)), 1, "closed, not a new row")
        # the pool side, with the join method of the context (a sign-up)
        other_pool.with_context(talent_pool_join_method="signup").write({"talent_ids": [Command.link(talent.id)]})
        memberships = self._memberships(other_pool, talent)
        self.assertEqual(memberships.mapped("join_method"), ["manual", "signup"])
        self.assertEqual(len(memberships.filtered(lambda m: not m.date_left)), 1, "one open stay per pool")
        # Odoo's own "add to pool" wizard, from an application
        job = self.env["hr.job"].create({"name": "Log job (test)"})
        application = self.env["hr.applicant"].create(
            {"partner_name": "Ali App", "email_from": "ali.app@example.com", "job_id": job.id}
        )
        wizard = self.env["talent.pool.add.applicants"].create(
            {"applicant_ids": [Command.set(application.ids)], "talent_pool_ids": [Command.set(other_pool.ids)]}
        )
        wizard._add_applicants_to_pool()
        ali = application.pool_applicant_id
        self.assertRecordValues(ali, [{"partner_name": "Ali App", "email_from": "ali.app@example.com"}])
        self.assertEqual(ali.talent_pool_ids, other_pool)
        self.assertEqual(self._memberships(other_pool, ali).join_method, "ats")
        # unlinking a pool drops its history
        other_pool.unlink()
        self.assertFalse(self.env["talent.pool.membership"].sudo().search([("pool_id", "=", other_pool.id)]))

    def test_import_join_method(self):
        talent = self._create_talent("Ivo Import", env=self.env(context=dict(self.env.context, import_file=True)))
        self.assertEqual(self._memberships(self.pool, talent).join_method, "import")

    # ------------------------------------------------------------
    # Dynamic pools
    # ------------------------------------------------------------

    def test_rule_membership_and_manual_members_stay(self):
        alice = self._create_talent("Alice Rule", talent_role_family_id=self.role_backend.id)
        bruno = self._create_talent("Bruno Rule", talent_role_family_id=self.role_backend.id)
        carla = self._create_talent("Carla Data", talent_role_family_id=self.role_data.id)
        moment = datetime.now().replace(microsecond=0) - timedelta(hours=1)
        with freeze_time(moment):
            pool = self._rule_pool()
        self.assertEqual(pool.talent_ids, alice | bruno, "the rule's matches joined at once")
        self.assertEqual(set(self._memberships(pool).mapped("join_method")), {"rule"})
        self.assertEqual(pool.talent_rule_refresh_date, moment)
        # Carla is added by hand: she stays whatever the rule says
        pool.write({"talent_ids": [Command.link(carla.id)]})
        self.assertEqual(self._memberships(pool, carla).join_method, "manual")
        # Bruno changes role: the next refresh takes him out, Carla stays
        bruno.talent_role_family_id = self.role_data
        joined, left = pool._talent_refresh_rule_members()
        self.assertEqual((joined, left), (0, 1))
        self.assertEqual(pool.talent_ids, alice | carla)
        self.assertEqual(len(self._memberships(pool, bruno).filtered("date_left")), 1)
        self.assertFalse(self._memberships(pool, alice).date_left)
        self.assertIn(self.pool, bruno.talent_pool_ids, "his other pools are untouched")
        # idempotent
        self.assertEqual(pool._talent_refresh_rule_members(), (0, 0))
        # a new matching talent joins with the next refresh; switching the rule off keeps members
        dana = self._create_talent("Dana Rule", talent_role_family_id=self.role_backend.id)
        self.assertEqual(pool._talent_refresh_rule_members(), (1, 0))
        self.assertIn(dana, pool.talent_ids)
        pool.talent_rule_active = False
        self.assertEqual(pool._talent_refresh_rule_members(), (0, 0))
        self.assertEqual(pool.talent_ids, alice | carla | dana)

    def test_rule_never_leaves_a_talent_without_pool(self):
        pool = self._rule_pool()
        solo = self._create_talent(
            "Solo Rule", talent_role_family_id=self.role_backend.id, talent_pool_ids=[Command.set(pool.ids)]
        )
        # joined by hand, so never removed; make it a rule membership to test the last-pool guard
        self._memberships(pool, solo).join_method = "rule"
        solo.talent_role_family_id = self.role_data
        pool._talent_refresh_rule_members()
        self.assertEqual(solo.talent_pool_ids, pool, "a talent keeps its last pool")

    def test_rule_bad_input(self):
        Pool = self.env["hr.talent.pool"]
        with self.assertRaisesRegex(ValidationError, "not a valid filter"):
            Pool.create({"name": "Broken", "talent_rule_active": True, "talent_rule_domain": "[('name', '=',"})
        with self.assertRaisesRegex(ValidationError, "cannot be applied"):
            Pool.create({"name": "Unknown", "talent_rule_active": True, "talent_rule_domain": "[('no_field', '=', 1)]"})
        with self.assertRaisesRegex(ValidationError, "no condition"):
            Pool.create({"name": "Everyone", "talent_rule_active": True, "talent_rule_domain": "[]"})
        with self.assertRaisesRegex(ValidationError, "not a valid filter"):
            Pool.create({"name": "Dict", "talent_rule_active": True, "talent_rule_domain": "{'a': 1}"})
        # a pool without rule may keep the widget's empty domain
        plain = Pool.create({"name": "Plain", "talent_rule_domain": "[]"})
        self.assertRecordValues(plain, [{"talent_rule_active": False, "talent_ids": []}])
        with self.assertRaisesRegex(UserError, "no rule"):
            Pool.create({"name": "Plain 2"}).action_talent_refresh_rule()

    def test_rule_multi_company(self):
        mine = self._create_talent("Mina Mine", talent_role_family_id=self.role_backend.id)
        other_pool = self.env["hr.talent.pool"].create({"name": "Other co (test)", "company_id": self.other_company.id})
        theirs = self._create_talent(
            "Theo Theirs",
            talent_role_family_id=self.role_backend.id,
            company_id=self.other_company.id,
            talent_pool_ids=[Command.set(other_pool.ids)],
        )
        pool = self._rule_pool()
        self.assertIn(mine, pool.talent_ids)
        self.assertNotIn(theirs, pool.talent_ids, "another company's talents never join")
        other_rule_pool = self._rule_pool(name="Other rule (test)", company_id=self.other_company.id)
        self.assertEqual(other_rule_pool.talent_ids, theirs)
        # the recruiter of the other company sees only their company's membership log
        log = self.env["talent.pool.membership"].with_user(self.user_other_company).search([])
        self.assertEqual(log.company_id, self.other_company)

    @users("talent_manager")
    def test_manager_creates_dynamic_pool_and_recruiter_refreshes(self):
        talent = self._create_talent("Mo Manager", talent_role_family_id=self.role_backend.id)
        pool = self.env["hr.talent.pool"].create(
            {"name": "Manager rule (test)", "talent_rule_active": True, "talent_rule_domain": self.backend_rule}
        )
        self.assertIn(talent, pool.talent_ids)
        # the data changes behind the rule's back (SQL: no write hook applies the rule): Mo no
        # longer matches, Nina now does; only the recruiter's refresh brings the pool up to date
        newcomer = self._create_talent("Nina Newcomer", talent_role_family_id=self.role_data.id)
        self.assertNotIn(newcomer, pool.talent_ids)
        self.env.cr.execute(
            "UPDATE hr_applicant SET talent_role_family_id = %s WHERE id = %s", [self.role_data.id, talent.id]
        )
        self.env.cr.execute(
            "UPDATE hr_applicant SET talent_role_family_id = %s WHERE id = %s", [self.role_backend.id, newcomer.id]
        )
        self.env.invalidate_all()
        action = pool.with_user(self.user_recruiter).action_talent_refresh_rule()
        self.assertEqual(action["params"]["type"], "success")
        self.assertIn("1 talents joined and 1 left", action["params"]["message"])
        pool.invalidate_recordset()
        self.assertIn(newcomer, pool.talent_ids, "the refresh adds the talent who now matches")
        self.assertNotIn(talent, pool.talent_ids, "and removes the one who no longer does")
        self.assertIn(self.pool, talent.talent_pool_ids, "who keeps their other pool")
        history = pool.with_user(self.user_recruiter).action_talent_open_membership()
        self.assertEqual(history["res_model"], "talent.pool.membership")
        log = self.env["talent.pool.membership"].with_user(self.user_recruiter).search(history["domain"])
        self.assertEqual(log.filtered(lambda m: m.talent_id == newcomer).join_method, "rule")
        self.assertTrue(log.filtered(lambda m: m.talent_id == talent).date_left, "the leave is logged")

    def test_cron_refresh_idempotent(self):
        pool = self._rule_pool()
        talent = self._create_talent("Cron Rule", talent_role_family_id=self.role_backend.id)
        pool.talent_rule_refresh_date = datetime.now() - timedelta(hours=2)
        self._run_rule_cron()
        self.assertIn(talent, pool.talent_ids)
        self.assertEqual(len(self._memberships(pool, talent)), 1)
        self.assertGreater(pool.talent_rule_refresh_date, datetime.now() - timedelta(minutes=1))
        # a second run right after finds nothing due and changes nothing
        self._run_rule_cron()
        self.assertEqual(len(self._memberships(pool, talent)), 1)

    def test_cron_switches_off_broken_rule(self):
        pool = self._rule_pool()
        # a rule broken after the fact (e.g. a field removed by an uninstall)
        self.env.cr.execute(
            "UPDATE hr_talent_pool SET talent_rule_domain = %s, talent_rule_refresh_date = NULL WHERE id = %s",
            ["[('gone_field', '=', 1)]", pool.id],
        )
        pool.invalidate_recordset()
        self._run_rule_cron()
        self.assertFalse(pool.talent_rule_active)
        self.assertIn("could not be applied any more", pool.message_ids[0].body)

    def test_refresh_query_count_independent_of_size(self):
        """Refreshing a pool costs the same number of queries for 3 or 30 joining talents."""
        counts = []
        for size in (3, 30):
            role = self.env["talent.role.family"].create({"name": "Size %s" % size})
            self.env["hr.applicant"].create(
                [
                    {
                        "partner_name": "Size %s-%s" % (size, index),
                        "email_from": "size.%s.%s@example.com" % (size, index),
                        "talent_role_family_id": role.id,
                        "talent_pool_ids": [Command.set(self.pool.ids)],
                    }
                    for index in range(size)
                ]
            )
            pool = self.env["hr.talent.pool"].create({"name": "Size pool %s" % size})
            pool.write({"talent_rule_domain": "[('talent_role_family_id', '=', %s)]" % role.id})
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            pool.talent_rule_active = True
            self.env.flush_all()
            counts.append(self.cr.sql_log_count - before)
            self.assertEqual(pool.no_of_talents, size)
        self.assertEqual(counts[0], counts[1], "pool refresh queries do not depend on the number of talents")
        role = self.env["talent.role.family"].create({"name": "Size guard"})
        self._create_talent("Guard One", talent_role_family_id=role.id)
        pool = self.env["hr.talent.pool"].create(
            {"name": "Guard pool", "talent_rule_active": True,
             "talent_rule_domain": "[('talent_role_family_id', '=', %s)]" % role.id}
        )
        self._create_talent("Guard Two", talent_role_family_id=role.id)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=9):
            pool._talent_refresh_rule_members()

    # ------------------------------------------------------------
    # Save a search into a pool
    # ------------------------------------------------------------

    def test_add_selection_to_existing_pool(self):
        alice = self._create_talent("Alice Add")
        bob = self._create_talent("Bob Add")
        target = self.env["hr.talent.pool"].create({"name": "Target (test)"})
        context = {"active_model": "hr.applicant", "active_ids": (alice | bob).ids}
        wizard = Form(self.env["talent.pool.add.selection"].with_user(self.user_recruiter).with_context(**context))
        wizard.pool_id = target
        self.assertEqual(wizard.talent_count, 2)
        result = wizard.save().action_add()
        self.assertEqual(result["params"]["type"], "success")
        self.assertEqual(target.talent_ids, alice | bob)
        self.assertEqual(set(self._memberships(target).mapped("join_method")), {"manual"})
        self.assertEqual(self._memberships(target).user_id, self.user_recruiter)

    def test_save_search_as_new_dynamic_pool(self):
        alice = self._create_talent("Alice Search", talent_role_family_id=self.role_backend.id)
        self._create_talent("Carl Other", talent_role_family_id=self.role_data.id)
        search = [("talent_role_family_id", "=", self.role_backend.id)]
        context = {"active_model": "hr.applicant", "active_ids": alice.ids, "active_domain": search}
        wizard = Form(self.env["talent.pool.add.selection"].with_user(self.user_recruiter).with_context(**context))
        wizard.mode = "new"
        wizard.pool_name = "Backend from search (test)"
        wizard.scope = "filter"
        wizard.save_rule = True
        wizard.save().action_add()
        pool = self.env["hr.talent.pool"].search([("name", "=", "Backend from search (test)")])
        self.assertEqual(pool.talent_ids, alice)
        self.assertTrue(pool.talent_rule_active)
        # later matches join through the kept rule
        later = self._create_talent("Lara Later", talent_role_family_id=self.role_backend.id)
        pool._talent_refresh_rule_members()
        self.assertIn(later, pool.talent_ids)
        self.assertEqual(self._memberships(pool, later).join_method, "rule")

    def test_add_selection_bad_input(self):
        Wizard = self.env["talent.pool.add.selection"].with_user(self.user_recruiter)
        talent = self._create_talent("Nina Nothing")
        with self.assertRaisesRegex(UserError, "name"):
            Wizard.create({"mode": "new", "talent_ids": [Command.set(talent.ids)]}).action_add()
        with self.assertRaisesRegex(UserError, "Choose the pool"):
            Wizard.create({"mode": "existing", "talent_ids": [Command.set(talent.ids)]}).action_add()
        with self.assertRaisesRegex(UserError, "no condition"):
            Wizard.create(
                {"mode": "existing", "pool_id": self.pool.id, "filter_domain": "[]", "save_rule": True}
            ).action_add()
        with self.assertRaisesRegex(UserError, "cannot be used"):
            Wizard.create(
                {"mode": "existing", "pool_id": self.pool.id, "scope": "filter", "filter_domain": "[('x', '=', 1)]"}
            ).action_add()
        with self.assertRaisesRegex(UserError, "No talent"):
            Wizard.create({"mode": "existing", "pool_id": self.pool.id}).action_add()

    # ------------------------------------------------------------
    # Pool health
    # ------------------------------------------------------------

    def test_pool_health(self):
        pool = self.env["hr.talent.pool"].create({"name": "Health (test)"})
        with freeze_time(datetime.now() - timedelta(days=60)):
            old = self._create_talent("Olga Old", talent_pool_ids=[Command.set(pool.ids)])
            leaver = self._create_talent("Leo Leaver", talent_pool_ids=[Command.set((pool | self.pool).ids)])
        self._create_talent("Nora New", talent_pool_ids=[Command.set(pool.ids)])
        leaver.talent_pool_ids = [Command.unlink(pool.id)]
        pool.invalidate_recordset()
        self.assertEqual(pool.no_of_talents, 2)
        self.assertEqual(pool.talent_growth_30, 0, "one joined, one left in the last 30 days")
        self.assertEqual(pool.talent_growth_90, 2, "three joined, one left in 90 days")
        self.assertTrue(pool.talent_health_warning, "nobody touched")
        self.assertFalse(pool.talent_last_touch_date)
        touch = old.partner_id._talent_log_touch("Checked in", channel="email")
        pool.invalidate_recordset()
        self.assertEqual(pool.talent_last_touch_date, touch.date)
        self.assertFalse(pool.talent_health_warning)
        empty = self.env["hr.talent.pool"].create({"name": "Empty (test)"})
        self.assertFalse(empty.talent_health_warning, "an empty pool has nobody to touch")
