# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Works council (issue 21): versioned matching configuration, the read-only council role and the
append-only audit trail."""

from datetime import timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import TalentCrmCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestWorksCouncil(TalentCrmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_council = new_test_user(
            cls.env,
            login="talent_council",
            name="Wiebke Council",
            groups="talent_crm.group_talent_crm_works_council",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.user_admin = cls.env.ref("base.user_admin")
        cls.Version = cls.env["talent.matching.version"]

    def _versions(self, company=None):
        return self.Version.search([("company_id", "=", (company or self.company).id)], order="version")

    def _save_settings(self, reason, **weights):
        with Form(self.env["res.config.settings"].with_user(self.user_admin)) as settings:
            for fname, value in weights.items():
                setattr(settings, fname, value)
            settings.talent_match_change_reason = reason
        return settings

    # ------------------------------------------------------------
    # Versions
    # ------------------------------------------------------------

    def test_a_settings_save_makes_one_version_with_who_why_and_what(self):
        first = self.Version._talent_current(self.company)
        self.assertEqual(first.config["text"], self.company.talent_match_weight_text)
        self._save_settings(
            "Works agreement of 30 Nov 2026",
            talent_match_weight_text=25,
            talent_match_weight_engagement=0,
            talent_match_penalty_recent=10,
        )
        versions = self._versions()
        self.assertEqual(versions[:-1], first, "one save, one new version (not one per field)")
        new = versions[-1]
        self.assertEqual(new.version, first.version + 1)
        self.assertEqual(new.user_id, self.user_admin)
        self.assertEqual(new.reason, "Works agreement of 30 Nov 2026")
        self.assertEqual((new.config["text"], new.config["engagement"], new.config["penalty_recent"]), (25, 0, 10))
        lines = sorted(new.change_summary.splitlines())
        self.assertEqual(len(lines), 3, new.change_summary)
        self.assertIn("Text Relevance Weight: %s → 25" % first.config["text"], lines)
        self.assertEqual(self.company.talent_match_version_id, new)
        log = self.env["talent.audit.log"].search([("action", "=", "config_change")], limit=1)
        self.assertEqual((log.user_id, log.reason, log.res_ids), (self.user_admin, new.reason, new.ids))
        # saving again without a change makes no version and asks for no reason
        self._save_settings("")
        self.assertEqual(self._versions(), versions)

    def test_a_change_without_a_reason_is_refused(self):
        before = self.company.talent_match_weight_text
        self.Version._talent_current(self.company)
        count = len(self._versions())
        with self.assertRaisesRegex(ValidationError, "Say why"):
            self._save_settings("", talent_match_weight_text=before + 5)
        self.assertEqual(self.company.talent_match_weight_text, before)
        self.assertEqual(len(self._versions()), count)

    def test_versions_are_append_only_but_their_agreement_is_recorded(self):
        version = self.Version._talent_current(self.company)
        with self.assertRaises(UserError):
            version.with_user(self.user_manager).reason = "rewritten"
        with self.assertRaises(UserError):
            version.config = {"text": 99}
        with self.assertRaises(UserError):
            version.unlink()
        with self.assertRaises(AccessError):
            version.with_user(self.user_recruiter).agreed = True
        version.with_user(self.user_manager).write({"agreed": True, "agreement_reference": "BV 2026/07"})
        self.assertEqual(version.agreement_date, fields.Date.context_today(version))
        log = self.env["talent.audit.log"].search([("action", "=", "config_agreement")], limit=1)
        self.assertEqual(log.user_id, self.user_manager)
        self.assertIn("BV 2026/07", log.summary)

    def test_ranking_only_with_an_agreed_version_when_the_company_asks(self):
        self.company._talent_match_check_agreed()  # not asked: ranks
        self.company.talent_match_require_agreed = True
        with self.assertRaisesRegex(UserError, "not agreed with the works council"):
            self.company._talent_match_check_agreed()
        self.Version._talent_current(self.company).agreed = True
        self.company._talent_match_check_agreed()
        # a new version is not agreed until it is
        self.company.with_context(talent_match_change_reason="Pilot").talent_match_weight_location = 15
        with self.assertRaises(UserError):
            self.company._talent_match_check_agreed()

    def test_versions_stay_in_their_company(self):
        self.Version._talent_current(self.company)
        self.Version._talent_current(self.other_company)
        visible = self.Version.with_user(self.user_other_company).search([])
        self.assertEqual(visible.company_id, self.other_company)

    # ------------------------------------------------------------
    # The works council role
    # ------------------------------------------------------------

    def test_the_council_reads_versions_and_the_trail_and_nothing_else(self):
        version = self.Version._talent_current(self.company)
        self.company.with_context(talent_match_change_reason="Pilot").talent_match_weight_location = 15
        council = self.user_council
        self.assertEqual(len(self.Version.with_user(council).search([])), 2)
        self.assertTrue(self.env["talent.audit.log"].with_user(council).search([("action", "=", "config_change")]))
        talent = self._create_talent("Clara Confidential")
        for model in ("hr.applicant", "talent.touch", "talent.consent"):
            with self.assertRaises(AccessError, msg=model):
                self.env[model].with_user(council).search_read([], ["id"], limit=1)
        with self.assertRaises(AccessError):
            talent.partner_id.with_user(council).read(["talent_consent_ids"])
        with self.assertRaises(AccessError):
            version.with_user(council).write({"agreed": True})
        with self.assertRaises(AccessError):
            self.env["talent.audit.log"].with_user(council).create({"action": "export", "company_id": self.company.id})
        self.assertFalse(council.has_group("base.group_allow_export"))
        # the menu shows the oversight entries, not the recruiting ones
        menus = self.env["ir.ui.menu"].with_user(council).load_menus(debug=False)
        names = {menu["xmlid"] for menu in menus.values() if isinstance(menu, dict) and menu.get("xmlid")}
        self.assertIn("talent_crm.talent_crm_menu_audit_log", names)
        self.assertIn("talent_crm.talent_crm_menu_matching_versions", names)
        self.assertNotIn("talent_crm.talent_crm_menu_talent_list", names)
        self.assertNotIn("talent_crm.talent_crm_menu_pools", names)

    # ------------------------------------------------------------
    # The audit trail
    # ------------------------------------------------------------

    def test_the_trail_is_append_only_and_kept_for_its_retention(self):
        Log = self.env["talent.audit.log"]
        self.company.talent_audit_retention_months = 12
        self.other_company.talent_audit_retention_months = 0
        with freeze_time(fields.Datetime.now() - timedelta(days=400)):
            old = Log._talent_log("export", self._create_talent("Otto Old"), summary="old export")
            kept_elsewhere = Log._talent_log("export", summary="other company", company=self.other_company)
        recent = Log._talent_log("export", self._create_talent("Rita Recent"), summary="recent export")
        self.assertEqual(old.record_count, 1)
        with self.assertRaises(UserError):
            recent.summary = "changed"
        with self.assertRaises(UserError):
            recent.unlink()
        with self.assertRaises(AccessError):
            recent.with_user(self.user_manager).unlink()
        with self.enter_registry_test_mode():
            self.env.ref("talent_crm.ir_cron_talent_audit_log_purge").method_direct_trigger()
        self.assertFalse(old.exists(), "older than the company's twelve months")
        self.assertTrue(recent.exists())
        self.assertTrue(kept_elsewhere.exists(), "a company without audit retention keeps its trail")
        self.assertEqual(Log.with_user(self.user_manager).search([("id", "=", recent.id)]), recent)
        with self.assertRaises(AccessError):
            Log.with_user(self.user_recruiter).search([])

    def test_exports_and_bulk_actions_go_into_the_trail(self):
        Log = self.env["talent.audit.log"]
        talents = self._create_talent("Erik Export") | self._create_talent("Ella Export")
        talents.with_user(self.user_manager).export_data(["partner_name", "email_from"])
        export = Log.search([("action", "=", "export")], limit=1)
        self.assertEqual((export.user_id, export.record_count), (self.user_manager, 2))
        self.assertEqual(set(export.res_ids), set(talents.ids))
        self.assertIn("email_from", export.summary)
        # a job application export holds no talent: nothing to log
        job = self.env["hr.job"].create({"name": "Export job (test)"})
        application = self.env["hr.applicant"].create({"partner_name": "Job Only", "job_id": job.id})
        application.export_data(["partner_name"])
        self.assertEqual(Log.search_count([("action", "=", "export")]), 1)
        # adding a selection to a pool is a bulk action
        other_pool = self.env["hr.talent.pool"].create({"name": "Bulk (test)"})
        wizard = (
            self.env["talent.pool.add.selection"]
            .with_user(self.user_recruiter)
            .with_context(active_model="hr.applicant", active_ids=talents.ids)
            .create({"mode": "existing", "pool_id": other_pool.id})
        )
        wizard.action_add()
        bulk = Log.search([("action", "=", "bulk_action")], limit=1)
        self.assertEqual((bulk.user_id, bulk.record_count), (self.user_recruiter, 2))
        self.assertIn(other_pool.name, bulk.summary)

    # ------------------------------------------------------------
    # Rankings record their version; nothing ranks without agreement when the company asks
    # ------------------------------------------------------------

    def _job(self):
        return self.env["hr.job"].create(
            {
                "name": "Python Developer (council)",
                "company_id": self.company.id,
                "no_of_recruitment": 1,
                "description": "<p>Python backend development</p>",
                "job_skill_ids": [
                    Command.create(
                        {
                            "skill_id": self.skill_python.id,
                            "skill_level_id": self.level_advanced.id,
                            "skill_type_id": self.skill_type.id,
                        }
                    )
                ],
            }
        )

    def test_a_ranking_records_its_version_and_goes_into_the_trail(self):
        self._create_talent("Paul Python", talent_current_title="Python Developer")
        job = self._job()
        action = job.with_user(self.user_recruiter).action_talent_open_matches()
        results = self.env["talent.match.result"].with_user(self.user_recruiter).search(action["domain"])
        self.assertTrue(results)
        self.assertEqual(results.version_id, self.Version._talent_current(self.company))
        log = self.env["talent.audit.log"].search([("action", "=", "rank"), ("job_id", "=", job.id)])
        self.assertEqual((log.user_id, log.record_count), (self.user_recruiter, len(results)))
        self.assertIn(results.version_id.display_name, log.summary)

    def test_nothing_ranks_without_agreement_when_the_company_asks(self):
        job = self._job()
        self.company.talent_match_require_agreed = True
        with self.assertRaisesRegex(UserError, "not agreed with the works council"):
            job.with_user(self.user_recruiter).action_talent_open_matches()
        # the job's alerts wait, pending, until the version in force is agreed
        job.talent_job_alert_pending = True
        job._talent_job_alert_prepare()
        self.assertTrue(job.talent_job_alert_pending)
        self.Version._talent_current(self.company).agreed = True
        job._talent_job_alert_prepare()
        self.assertFalse(job.talent_job_alert_pending)
        self.assertTrue(job.with_user(self.user_recruiter).action_talent_open_matches()["domain"])

    def test_preparing_alerts_while_the_cron_holds_the_job_says_so(self):
        job = self._job()
        JobClass = type(job)
        with (
            patch.object(JobClass, "try_lock_for_update", lambda records, **kwargs: records.browse()),
            self.assertRaisesRegex(UserError, "being prepared or sent right now"),
        ):
            job.action_talent_prepare_job_alerts()
        self.assertTrue(job.action_talent_prepare_job_alerts())


@tagged("post_install", "-at_install", "talent_crm")
class TestJobMatchingWeights(TalentCrmCommon):
    """Issue 21, point 1: a job may rank with its own weights; each change of them is a version of
    its own (who, when, why, the difference), agreed with the works council like the company's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Version = cls.env["talent.matching.version"]
        cls.user_admin = cls.env.ref("base.user_admin")
        cls.job = cls.env["hr.job"].create(
            {
                "name": "Python Developer (own weights)",
                "company_id": cls.company.id,
                "description": "<p>Python backend development</p>",
                "job_skill_ids": [
                    Command.create(
                        {
                            "skill_id": cls.skill_python.id,
                            "skill_level_id": cls.level_advanced.id,
                            "skill_type_id": cls.skill_type.id,
                        }
                    )
                ],
            }
        )
        cls.python_dev = cls._create_talent("Paula Python", talent_current_title="Python Developer")
        cls.python_dev.applicant_skill_ids = [
            Command.create(
                {
                    "skill_id": cls.skill_python.id,
                    "skill_level_id": cls.level_advanced.id,
                    "skill_type_id": cls.skill_type.id,
                }
            )
        ]

    def _rank(self, job=None):
        action = (job or self.job).with_user(self.user_recruiter).action_talent_open_matches()
        return self.env["talent.match.result"].search(action["domain"])

    def test_own_weights_need_a_reason_and_make_a_version_of_the_job(self):
        company_version = self.Version._talent_current(self.company)
        job = self.job.with_user(self.user_admin)
        with self.assertRaises(ValidationError):
            job.write({"talent_match_own_weights": True, "talent_match_weight_text": 60})
        self.assertFalse(self.job.talent_match_own_weights, "nothing written without a reason")
        job.write(
            {
                "talent_match_own_weights": True,
                "talent_match_weight_text": 60,
                "talent_match_change_reason": "Annex 3 of the works agreement",
            }
        )
        version = self.job.talent_match_version_id
        self.assertEqual(version.job_id, self.job)
        self.assertEqual(version.reason, "Annex 3 of the works agreement")
        self.assertEqual(version.config["text"], 60)
        self.assertEqual(version.config["penalty_dnc"], company_version.config["penalty_dnc"], "penalties: company's")
        self.assertIn("Text Relevance Weight: 20 → 60", version.change_summary)
        self.assertGreater(version.version, company_version.version)
        self.assertEqual(self.Version._talent_current(self.company), company_version, "the company's stays in force")
        log = self.env["talent.audit.log"].search([("action", "=", "config_change"), ("job_id", "=", self.job.id)])
        self.assertEqual(log.reason, "Annex 3 of the works agreement")
        # a change of another weight is one more version; writing the same values is none
        job.write({"talent_match_weight_location": 0, "talent_match_change_reason": "No relocation needed"})
        job.write({"talent_match_weight_location": 0, "talent_match_change_reason": "Same again"})
        versions = self.Version.search([("job_id", "=", self.job.id)], order="version")
        self.assertEqual(versions.mapped("reason"), ["Annex 3 of the works agreement", "No relocation needed"])

    def test_the_job_ranks_with_its_own_weights_and_records_that_version(self):
        before = self._rank()
        self.assertEqual(before.version_id, self.Version._talent_current(self.company))
        skills_before = before.filtered(lambda m: m.talent_id == self.python_dev).contribution_skills_required
        self.job.with_user(self.user_admin).write(
            {
                "talent_match_own_weights": True,
                "talent_match_weight_skills_required": 90,
                "talent_match_weight_text": 0,
                "talent_match_change_reason": "Skills first for this role",
            }
        )
        after = self._rank()
        self.assertEqual(after.version_id, self.job.talent_match_version_id)
        paula = after.filtered(lambda m: m.talent_id == self.python_dev)
        self.assertFalse(paula.contribution_text, "text weighs nothing for this job")
        self.assertGreater(paula.contribution_skills_required, skills_before)
        ranking = self.env["talent.match.ranking"].search([("job_id", "=", self.job.id)], order="id desc", limit=1)
        self.assertEqual(ranking.version_id, self.job.talent_match_version_id)

    def test_an_unagreed_job_version_does_not_rank_when_agreement_is_required(self):
        self.Version._talent_current(self.company).agreed = True
        self.company.talent_match_require_agreed = True
        self.assertTrue(self._rank())
        self.job.with_user(self.user_admin).write(
            {"talent_match_own_weights": True, "talent_match_weight_text": 5, "talent_match_change_reason": "Try"}
        )
        with self.assertRaisesRegex(UserError, "not agreed with the works council"):
            self._rank()
        self.job.talent_match_version_id.agreed = True
        self.assertTrue(self._rank())
        # back to the company's weights (agreed): ranks again with the company's version
        self.job.with_user(self.user_admin).write(
            {"talent_match_own_weights": False, "talent_match_change_reason": "Back to the standard"}
        )
        self.assertEqual(self._rank().version_id, self.Version._talent_current(self.company))


@tagged("post_install", "-at_install", "talent_crm")
class TestDataProtectionOfficer(TalentCrmCommon):
    """Issue 21, point 5: the data-protection officer reads the audit trail, the matching versions
    and the stored rankings (naming no one), and changes nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_dpo = new_test_user(
            cls.env,
            login="talent_dpo_reader",
            name="Dana Protection",
            groups="talent_crm.group_talent_crm_dpo",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.talent = cls._create_talent("Erik Export")
        cls.log = cls.env["talent.audit.log"]._talent_log("export", cls.talent, summary="exported one talent")
        cls.version = cls.env["talent.matching.version"]._talent_current(cls.company)

    def test_reads_the_trail_and_versions_and_changes_nothing(self):
        Log = self.env["talent.audit.log"].with_user(self.user_dpo)
        self.assertIn(self.log, Log.search([]))
        self.assertEqual(self.log.with_user(self.user_dpo).summary, "exported one talent")
        version = self.version.with_user(self.user_dpo)
        self.assertIn("o_talent_council_factors", str(version.council_document))
        with self.assertRaises(AccessError):
            version.write({"agreed": True})
        with self.assertRaises(AccessError):
            self.log.with_user(self.user_dpo).unlink()
        self.assertFalse(self.env["talent.match.ranking"].with_user(self.user_dpo).search([]))
        with self.assertRaises(AccessError):
            self.env["hr.applicant"].with_user(self.user_dpo).search([])
        visible = self.env["ir.ui.menu"].with_user(self.user_dpo)._visible_menu_ids()
        for xmlid in ("talent_crm_menu_audit_log", "talent_crm_menu_retention_holds"):
            self.assertIn(self.env.ref("talent_crm.%s" % xmlid).id, visible, "%s is reachable" % xmlid)
        council = new_test_user(
            self.env, login="talent_council_menu", groups="talent_crm.group_talent_crm_works_council"
        )
        holds = self.env.ref("talent_crm.talent_crm_menu_retention_holds")
        self.assertNotIn(
            holds.id, self.env["ir.ui.menu"].with_user(council)._visible_menu_ids(), "the council reads no holds"
        )
