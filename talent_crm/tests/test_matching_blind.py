# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Blind shortlists (issue 21, point 2): the best matches of a blind job hide who the talents are,
through the views and over RPC; a recruiter reveals one person at a time with a reason, which the
audit trail records for the works council."""

import json
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, JsonRpcException, new_test_user, tagged

from .common import TalentCrmCase

PERSONAL = {
    "partner_name": "Bettina Blindtest",
    "email_from": "bettina.blindtest@example.com",
    "partner_phone": "+49 30 99887766",
    "linkedin_profile": "https://www.linkedin.com/in/bettina-blindtest",
    "talent_github_url": "https://github.com/bettina-blindtest",
}


@tagged("post_install", "-at_install", "talent_crm")
class TestMatchingBlind(TalentCrmCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("base.main_company")
        cls.company.country_id = cls.env.ref("base.de")

        def user(login, name, groups):
            return new_test_user(
                cls.env, login=login, password=login, name=name, groups=groups,
                company_id=cls.company.id, company_ids=[Command.set(cls.company.ids)],
            )

        cls.user_recruiter = user("blind_recruiter", "Rolf Recruiter", "talent_crm.group_talent_crm_user")
        cls.user_colleague = user("blind_colleague", "Clara Colleague", "talent_crm.group_talent_crm_user")
        cls.user_manager = user("blind_manager", "Mona Manager", "talent_crm.group_talent_crm_manager")
        cls.user_council = user("blind_council", "Wolf Council", "talent_crm.group_talent_crm_works_council")
        pool = cls.env["hr.talent.pool"].create({"name": "Blind pool (test)", "company_id": cls.company.id})
        skill_type = cls.env["hr.skill.type"].create(
            {
                "name": "Blind programming (test)",
                "skill_ids": [Command.create({"name": "Blindpython (test)"})],
                "skill_level_ids": [Command.create({"name": "Advanced", "level_progress": 75})],
            }
        )
        cls.skill_line = {
            "skill_id": skill_type.skill_ids.id,
            "skill_level_id": skill_type.skill_level_ids.id,
            "skill_type_id": skill_type.id,
        }
        cls.talent = cls.env["hr.applicant"].create(
            dict(
                PERSONAL,
                talent_pool_ids=[Command.set(pool.ids)],
                talent_current_title="Python Developer",
                talent_city="Leipzig",
                talent_country_id=cls.env.ref("base.de").id,
                applicant_skill_ids=[Command.create(dict(cls.skill_line))],
            )
        )
        cls.job = cls._job("Blind Python job (test)", blind=True)
        cls.open_job = cls._job("Open Python job (test)", blind=False)

    @classmethod
    def _job(cls, name, blind):
        return cls.env["hr.job"].create(
            {
                "name": name,
                "company_id": cls.company.id,
                "user_id": cls.user_recruiter.id,
                "description": "<p>Python backend development</p>",
                "talent_match_blind": blind,
                "job_skill_ids": [Command.create(dict(cls.skill_line))],
            }
        )

    def _rpc(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw/%s/%s" % (model, method),
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def _rank_over_rpc(self, job):
        action = self._rpc("hr.job", "action_talent_open_matches", [job.id])
        return action, action["domain"][0][2]

    def assertNothingPersonal(self, payload, what):
        text = json.dumps(payload, default=str)
        for fname, value in PERSONAL.items():
            self.assertNotIn(value, text, "%s shows %s" % (what, fname))
        self.assertNotIn("Bettina", text, what)

    # ------------------------------------------------------------
    # Hidden over RPC
    # ------------------------------------------------------------

    def test_blind_shortlist_hides_who_over_rpc(self):
        self.authenticate("blind_recruiter", "blind_recruiter")
        action, ids = self._rank_over_rpc(self.job)
        self.assertTrue(action["context"]["talent_blind"])
        match_id = self.env["talent.match.result"].sudo().search(
            [("id", "in", ids), ("talent_ref_id", "=", self.talent.id)]
        ).id
        self.assertTrue(match_id)
        # every field the recruiter may read, read, searched and read through the web client's calls
        fnames = list(self._rpc("talent.match.result", "fields_get", attributes=["type"]))
        self.assertIn("partner_name", fnames)
        self.assertNotIn("talent_ref_id", fnames, "the ranked talent itself is for administrators only")
        [record] = self._rpc("talent.match.result", "read", [match_id], fnames)
        self.assertNothingPersonal(record, "read")
        self.assertEqual(record["talent_label"], "Talent #%s" % record["rank"])
        self.assertEqual(record["display_name"], record["talent_label"])
        self.assertFalse(record["talent_id"])
        self.assertTrue(record["talent_hidden"])
        # what the shortlist shows instead: title, location, skills and the explanation
        self.assertEqual(record["talent_current_title"], "Python Developer")
        self.assertEqual(
            (record["talent_city"], record["talent_country_id"][0]), ("Leipzig", self.env.ref("base.de").id)
        )
        self.assertTrue(record["matching_skill_ids"])
        self.assertIn("Required skills", record["explanation"])
        rows = self._rpc("talent.match.result", "search_read", [("id", "=", match_id)], fnames)
        self.assertNothingPersonal(rows, "search_read")
        web = self._rpc(
            "talent.match.result", "web_search_read", [("id", "=", match_id)],
            specification={"talent_id": {"fields": {"display_name": {}, "email_from": {}}}, "partner_name": {},
                           "email_from": {}, "partner_phone": {}, "display_name": {}},
        )
        self.assertNothingPersonal(web, "web_search_read")
        # nor searchable by who they are, nor groupable by the talent
        for call in (
            lambda: self._rpc("talent.match.result", "read", [match_id], ["talent_ref_id"]),
            lambda: self._rpc("talent.match.result", "search", [("talent_ref_id.partner_name", "ilike", "Bettina")]),
            lambda: self._rpc(
                "talent.match.result", "formatted_read_group", [("id", "=", match_id)], ["talent_ref_id"]
            ),
        ):
            with self.assertRaises(JsonRpcException), self.assertLogs("odoo.http", "WARNING"):
                call()
        # the same calls on a job that is not blind show the person: the checks above can see a name
        _action, open_ids = self._rank_over_rpc(self.open_job)
        rows = self._rpc("talent.match.result", "search_read", [("id", "in", open_ids)], fnames)
        self.assertIn(PERSONAL["email_from"], json.dumps(rows))
        self.assertIn(PERSONAL["partner_name"], json.dumps(rows))

    def test_export_of_a_blind_shortlist_has_no_personal_data(self):
        self.authenticate("blind_manager", "blind_manager")
        _action, ids = self._rank_over_rpc(self.job)
        fnames = [
            fname for fname, field in self._rpc("talent.match.result", "fields_get", attributes=["type"]).items()
            if field["type"] not in ("one2many",)
        ]
        exported = self._rpc("talent.match.result", "export_data", ids, fnames + ["talent_id/email_from"])
        self.assertTrue(exported["datas"])
        self.assertNothingPersonal(exported, "export_data")

    def test_opening_or_acting_on_a_hidden_talent_is_refused(self):
        self.authenticate("blind_recruiter", "blind_recruiter")
        _action, ids = self._rank_over_rpc(self.job)
        for method in (
            "action_talent_open",
            "action_talent_convert",
            "action_talent_add_to_pool",
            "action_talent_enroll",
            "action_talent_schedule_task",
        ):
            with self.subTest(method=method), self.assertRaises(JsonRpcException) as caught, \
                    self.assertLogs("odoo.http", "WARNING"):
                self._rpc("talent.match.result", method, ids[:1])
            self.assertIn("UserError", str(caught.exception))
        # the form offers none of them while hidden, but the reveal
        arch = self.env["talent.match.result"].get_view(view_type="form")["arch"]
        for method in ("action_talent_open", "action_talent_convert", "action_talent_schedule_task"):
            self.assertIn('name="%s" type="object" string' % method, arch.replace("\n", " "))
        self.assertRegex(arch, r'name="action_talent_open"[^>]*invisible="talent_hidden"')
        self.assertRegex(arch, r'name="action_talent_reveal"[^>]*invisible="not talent_hidden"')

    # ------------------------------------------------------------
    # Reveal
    # ------------------------------------------------------------

    def _match(self, job, user):
        action = job.with_user(user).action_talent_open_matches()
        matches = self.env["talent.match.result"].with_user(user).browse(action["domain"][0][2])
        return matches.filtered(lambda m: m.sudo().talent_ref_id == self.talent)

    def test_reveal_needs_a_reason_is_logged_and_holds_for_the_revealer(self):
        match = self._match(self.job, self.user_recruiter)
        self.assertTrue(match.talent_hidden)
        label = match.talent_label
        self.assertEqual(label, "Talent #%s" % match.rank)
        with self.assertRaisesRegex(UserError, "Say why"):
            match._talent_reveal("   ")
        wizard = Form(self.env["talent.match.reveal.wizard"].with_user(self.user_recruiter).with_context(
            **match.action_talent_reveal()["context"]))
        self.assertEqual(wizard.talent_label, match.talent_label)
        with self.assertRaises(AssertionError):  # the reason is required
            wizard.save()
        self.assertFalse(self.env["talent.match.reveal"].sudo().search([("job_id", "=", self.job.id)]))
        wizard.reason = "Shortlisted for a first interview"
        wizard.save().action_reveal()

        reveal = self.env["talent.match.reveal"].sudo().search([("job_id", "=", self.job.id)])
        self.assertRecordValues(
            reveal,
            [{"user_id": self.user_recruiter.id, "talent_id": self.talent.id, "company_id": self.company.id,
              "reason": "Shortlisted for a first interview"}],
        )
        self.assertTrue(reveal.date)
        log = self.env["talent.audit.log"].search([("action", "=", "reveal"), ("job_id", "=", self.job.id)])
        self.assertRecordValues(
            log,
            [{"user_id": self.user_recruiter.id, "reason": "Shortlisted for a first interview",
              "res_model": "hr.applicant", "res_ids": self.talent.ids}],
        )
        self.assertNotIn("Bettina", log.summary, "the trail names the person as the list did")
        self.assertIn(label, log.summary)
        # the revealer now sees who it is, and may open and act on the talent
        self.assertFalse(match.talent_hidden)
        self.assertEqual((match.partner_name, match.email_from), (PERSONAL["partner_name"], PERSONAL["email_from"]))
        self.assertEqual(match.talent_id, self.talent)
        self.assertEqual(match.action_talent_open()["res_id"], self.talent.id)
        with self.assertRaisesRegex(UserError, "not hidden"):
            match._talent_reveal("again")
        # still hidden for a colleague, who reveals for themselves (per user)
        other = self._match(self.job, self.user_colleague)
        self.assertTrue(other.talent_hidden)
        self.assertFalse(other.partner_name)
        # a reveal cannot be changed, and only managers read reveals
        with self.assertRaises(UserError):
            reveal.write({"reason": "changed"})
        with self.assertRaises(AccessError):
            self.env["talent.match.reveal"].with_user(self.user_recruiter).search([])
        self.assertEqual(self.env["talent.match.reveal"].with_user(self.user_manager).search([]), reveal)

    def test_viewing_a_blind_list_is_logged_and_the_council_reads_the_trail(self):
        match = self._match(self.job, self.user_recruiter)
        self._match(self.open_job, self.user_recruiter)
        views = self.env["talent.audit.log"].search([("action", "=", "view")])
        self.assertEqual(views.job_id, self.job, "viewing a list that is not blind is not a blind view")
        self.assertEqual(views.user_id, self.user_recruiter)
        self.assertIn(self.talent.id, views.res_ids)
        match._talent_reveal("Shortlisted for a first interview")
        # the works council reads the trail over RPC: who ranked, viewed and revealed whom, and why
        self.authenticate("blind_council", "blind_council")
        entries = self._rpc(
            "talent.audit.log",
            "search_read",
            [("job_id", "=", self.job.id)],
            ["action", "user_id", "reason", "summary"],
        )
        by_action = {entry["action"]: entry for entry in entries}
        self.assertLessEqual({"rank", "view", "reveal"}, set(by_action))
        self.assertEqual(by_action["reveal"]["reason"], "Shortlisted for a first interview")
        self.assertEqual(by_action["reveal"]["user_id"][0], self.user_recruiter.id)
        self.assertNothingPersonal(entries, "the audit trail")
        # but not the reveals themselves, nor the talents
        for model in ("talent.match.reveal", "hr.applicant"):
            with self.subTest(model=model), self.assertRaises(JsonRpcException), \
                    self.assertLogs("odoo.http", "WARNING"):
                self._rpc(model, "search_read", [], ["display_name"])

    def test_blind_job_activity_names_nobody_and_the_default_hook(self):
        """The recruiter's "role opened" activity of a blind job names nobody; new jobs are not
        blind unless the hook says so (for a company-wide setting)."""
        activity_type = self.env.ref("talent_crm.mail_activity_type_talent_matches")
        for blind in (True, False):
            job = self._job("Opening %s (test)" % blind, blind=blind)
            activity = job.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
            self.assertEqual("Bettina" in str(activity.note), not blind)
        self.assertFalse(self.env["hr.job"].create({"name": "Plain (test)"}).talent_match_blind)
        with patch.object(type(self.env["hr.job"]), "_talent_default_blind", lambda self: True):
            self.assertTrue(self.env["hr.job"].create({"name": "Hooked (test)"}).talent_match_blind)

    def test_company_wide_blind_shortlists_win_over_the_job(self):
        """With "Blind Shortlists for Every Job", a job that is not blind by itself is blind too,
        over RPC, and new jobs start blind."""
        self.company.talent_match_blind = True
        self.assertFalse(self.open_job.talent_match_blind)
        self.assertTrue(self.open_job._talent_match_is_blind())
        self.assertTrue(self.env["hr.job"].with_company(self.company).create({"name": "New (test)"}).talent_match_blind)
        self.authenticate("blind_recruiter", "blind_recruiter")
        action, ids = self._rank_over_rpc(self.open_job)
        self.assertTrue(action["context"]["talent_blind"])
        rows = self._rpc("talent.match.result", "read", ids, ["partner_name", "email_from", "talent_id"])
        self.assertNothingPersonal(rows, "a job of a company with blind shortlists")
        self.company.talent_match_blind = False
        action, ids = self._rank_over_rpc(self.open_job)
        rows = self._rpc("talent.match.result", "read", ids, ["partner_name"])
        self.assertIn(PERSONAL["partner_name"], json.dumps(rows), "each job decides again")

    # ------------------------------------------------------------
    # In the web client
    # ------------------------------------------------------------

    def test_blind_tour(self):
        """The recruiter sees the best match of a blind job as "Talent #1", reveals the person
        with a reason, and then sees the name."""
        skill_type = self.env["hr.skill.type"].create(
            {
                "name": "Blind tour languages (test)",
                "skill_ids": [Command.create({"name": "Blind tour Rust (test)"})],
                "skill_level_ids": [Command.create({"name": "Good", "level_progress": 80, "default_level": True})],
            }
        )
        line = {
            "skill_id": skill_type.skill_ids.id,
            "skill_level_id": skill_type.skill_level_ids.id,
            "skill_type_id": skill_type.id,
        }
        talent = self.env["hr.applicant"].create(
            {
                "partner_name": "Blanka Blind",
                "email_from": "blanka.blind@example.com",
                "talent_current_title": "Rust Engineer",
                "talent_pool_ids": [Command.set(self.talent.talent_pool_ids.ids)],
                "applicant_skill_ids": [Command.create(dict(line))],
            }
        )
        job = self.env["hr.job"].create(
            {
                "name": "Blind tour job (test)",
                "user_id": self.user_recruiter.id,
                "talent_match_blind": True,
                "job_skill_ids": [Command.create(dict(line))],
            }
        )
        self.start_tour("/odoo/recruitment/%s" % job.id, "talent_crm_blind_tour", login="blind_recruiter")
        reveal = self.env["talent.match.reveal"].sudo().search([("job_id", "=", job.id)])
        self.assertRecordValues(
            reveal,
            [
                {
                    "talent_id": talent.id,
                    "user_id": self.user_recruiter.id,
                    "reason": "Shortlisted for a first interview",
                }
            ],
        )
