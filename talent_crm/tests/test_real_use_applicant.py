# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What a recruiter sees on talents and applications (issue 18, points 8 and 9): the person's
history on every application, one Applications button, "Add to Talent CRM" only on applications,
"Berlin or remote" in one search, no technical fields in the rule editor, and a search saved as a
pool that opens the pool and keeps the user's conditions only."""
from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import TalentNurtureCommon, tour_user

DEDUP_KEYS = ("talent_dedup_name", "talent_dedup_company", "talent_dedup_city")


@tagged("post_install", "-at_install", "talent_crm")
class TestRealUseApplicant(TalentNurtureCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_interviewer = new_test_user(
            cls.env,
            login="talent_interviewer_h",
            name="Ivo Interviewer",
            groups="hr_recruitment.group_hr_recruitment_interviewer",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.user_officer = new_test_user(
            cls.env,
            login="talent_officer_h",
            name="Olaf Officer",
            groups="hr_recruitment.group_hr_recruitment_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.job = cls.env["hr.job"].create(
            {"name": "Backend Developer (history test)", "interviewer_ids": [Command.set(cls.user_interviewer.ids)]}
        )
        cls.talent = cls._create_nurture_talent("Hanna History")
        partner = cls.talent.partner_id
        cls.touch = partner._talent_log_touch("Coffee at the meetup", talent_id=cls.talent.id)
        cls.consent = cls.env["talent.consent"].create(
            {"partner_id": partner.id, "talent_id": cls.talent.id, "purpose": "communication"}
        )
        cls.enrollment = cls.talent._talent_enroll(cls.sequence)
        # the same person seen by another company: not for this company's recruiters
        cls.foreign_touch = cls.env["talent.touch"].create(
            {"partner_id": partner.id, "summary": "Vienna call", "company_id": cls.other_company.id}
        )
        # someone else's history stays out
        cls.other_talent = cls._create_nurture_talent("Otto Other")
        cls.other_partner_touch = cls.other_talent.partner_id._talent_log_touch("Other person's touch")
        wizard = cls.env["job.add.applicants"].with_user(cls.user_recruiter).create(
            {"applicant_ids": [Command.set(cls.talent.ids)], "job_ids": [Command.set(cls.job.ids)]}
        )
        cls.application = cls.env["hr.applicant"].browse(wizard.action_add_applicants_to_job()["res_id"])
        cls.env.flush_all()

    # ------------------------------------------------------------
    # 8. The person's history on every application
    # ------------------------------------------------------------

    def test_application_shows_the_persons_history_to_recruiters(self):
        self.assertTrue(self.application.job_id)
        self.assertEqual(self.application.pool_applicant_id, self.talent)
        for user in (self.user_recruiter, self.user_officer):
            with self.subTest(user=user.login):
                application = self.application.with_user(user)
                application.invalidate_recordset()
                self.assertEqual(application.talent_history_touch_ids, self.touch, "this company's touches only")
                self.assertEqual(application.talent_history_consent_ids, self.consent)
                self.assertEqual(application.talent_history_enrollment_ids, self.enrollment)
                self.assertEqual(application.talent_history_enrollment_ids.sequence_id, self.sequence)
                # the form loads the page with its lists, as the web client asks for it
                values = application.web_read(
                    {
                        "talent_history_touch_ids": {"fields": {"summary": {}, "channel": {}}},
                        "talent_history_consent_ids": {"fields": {"purpose": {}, "state": {}}},
                        "talent_history_enrollment_ids": {"fields": {"sequence_id": {}, "state": {}}},
                    }
                )[0]
                self.assertEqual([t["summary"] for t in values["talent_history_touch_ids"]], ["Coffee at the meetup"])
                self.assertEqual([c["purpose"] for c in values["talent_history_consent_ids"]], ["communication"])
                arch = application.get_views([(False, "form")])["views"]["form"]["arch"]
                self.assertIn('name="talent_crm_history"', arch)

    def test_history_follows_the_talents_contact_when_the_application_has_its_own(self):
        """An application with a contact of its own (e.g. applied by email) still shows the talent's history."""
        own_contact = self.env["res.partner"].create({"name": "Hanna H.", "email": "hanna.h@example.org"})
        application = self.env["hr.applicant"].create(
            {"partner_id": own_contact.id, "job_id": self.job.id, "pool_applicant_id": self.talent.id}
        )
        own_touch = own_contact._talent_log_touch("Replied to the job ad")
        application.invalidate_recordset()
        as_recruiter = application.with_user(self.user_recruiter)
        self.assertEqual(as_recruiter.talent_history_touch_ids, own_touch | self.touch)
        self.assertNotIn(self.other_partner_touch, as_recruiter.talent_history_touch_ids)

    def test_interviewer_and_employee_gain_no_access_to_the_history(self):
        as_interviewer = self.application.with_user(self.user_interviewer)
        # the interviewer reads the application of their job, as in Odoo ...
        self.assertEqual(as_interviewer.read(["partner_name"])[0]["partner_name"], "Hanna History")
        # ... but neither the history fields nor the records behind them
        readable = as_interviewer.fields_get()
        for fname in ("talent_history_touch_ids", "talent_history_consent_ids", "talent_history_enrollment_ids"):
            self.assertNotIn(fname, readable)
            with self.assertRaises(AccessError):
                as_interviewer.read([fname])
        arch = as_interviewer.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn('name="talent_crm_history"', arch)
        self.assertNotIn('name="talent_history_touch_ids"', arch)
        for model in ("talent.touch", "talent.consent", "talent.sequence.enrollment"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.user_interviewer).search([])
        # a plain employee reads neither the application nor the history
        with self.assertRaises(AccessError):
            self.application.with_user(self.user_employee).read(["talent_history_touch_ids"])
        with self.assertRaises(AccessError):
            self.env["talent.touch"].with_user(self.user_employee).search([])

    # ------------------------------------------------------------
    # 8. One Applications button, "Add to Talent CRM" where it makes sense
    # ------------------------------------------------------------

    def _visible_buttons(self, record_values, names):
        arch = self.env["hr.applicant"].with_user(self.user_recruiter).get_views([(False, "form")])
        tree = etree.fromstring(arch["views"]["form"]["arch"])
        visible = []
        for name in names:
            [button] = tree.xpath("//div[@name='button_box']/button[@name='%s']" % name)
            if not safe_eval(button.get("invisible") or "False", record_values):
                visible.append(name)
        return visible

    def test_talent_form_has_one_applications_button(self):
        names = ("action_open_applications", "action_talent_crm_open_applications")
        talent = self.talent.with_user(self.user_recruiter)
        talent_values = {
            "is_pool_applicant": True,
            "application_count": talent.application_count,
            "talent_application_count": talent.talent_application_count,
        }
        self.assertEqual(talent_values["talent_application_count"], 1)
        self.assertGreaterEqual(talent_values["application_count"], 1)
        self.assertEqual(self._visible_buttons(talent_values, names), ["action_talent_crm_open_applications"])
        action = talent.action_talent_crm_open_applications()
        self.assertEqual(self.env["hr.applicant"].search(action["domain"]), self.application)
        # an application keeps Odoo's button to the person's other applications
        application_values = {"is_pool_applicant": False, "application_count": 2, "talent_application_count": 0}
        self.assertEqual(self._visible_buttons(application_values, names), ["action_open_applications"])

    def _toolbar_action_names(self, action_xmlid):
        action = self.env.ref(action_xmlid)
        views = self.env["hr.applicant"].with_user(self.user_recruiter).get_views(
            [(False, "list"), (False, "form")], {"toolbar": True, "action_id": action.id}
        )["views"]
        return {
            view_type: {item["name"] for item in views[view_type].get("toolbar", {}).get("action", [])}
            for view_type in ("list", "form")
        }

    def test_add_to_crm_offered_on_applications_not_on_talents(self):
        for xmlid in (
            "talent_crm.hr_applicant_action_talent",
            "talent_crm.hr_applicant_action_talent_lead",
            "hr_recruitment.action_hr_talent_pool_applications",
        ):
            with self.subTest(action=xmlid):
                names = self._toolbar_action_names(xmlid)
                self.assertNotIn("Add to Talent CRM", names["list"])
                self.assertNotIn("Add to Talent CRM", names["form"])
        for xmlid in ("hr_recruitment.crm_case_categ0_act_job", "hr_recruitment.action_hr_job_applications"):
            with self.subTest(action=xmlid):
                names = self._toolbar_action_names(xmlid)
                self.assertIn("Add to Talent CRM", names["list"])
                self.assertIn("Add to Talent CRM", names["form"])

    # ------------------------------------------------------------
    # 9. Search: Berlin or remote, rule editor fields, save as pool
    # ------------------------------------------------------------

    def test_city_or_remote_in_one_search(self):
        berlin = self._create_talent("Bea Berlin", talent_city="Berlin", talent_remote_preference="onsite")
        remote = self._create_talent("Rolf Remote", talent_city="Hamburg", talent_remote_preference="remote")
        flexible = self._create_talent("Flo Flexible", talent_remote_preference="flexible")
        munich = self._create_talent("Mia Munich", talent_city="München", talent_remote_preference="onsite")
        hybrid = self._create_talent("Hugo Hybrid", talent_city="Köln", talent_remote_preference="hybrid")
        Applicant = self.env["hr.applicant"].with_user(self.user_recruiter)
        view = self.env.ref("talent_crm.hr_applicant_view_search_talent")
        arch = Applicant.get_views([(view.id, "search")])["views"]["search"]["arch"]
        tree = etree.fromstring(arch)
        [field] = tree.xpath("//field[@string='City or Remote']")
        domain = safe_eval(field.get("filter_domain"), {"self": "berlin"})
        people = berlin | remote | flexible | munich | hybrid
        found = Applicant.search(domain + [("id", "in", people.ids)])
        self.assertEqual(found, berlin | remote | flexible)
        # the remote preferences as filters of their own
        for name, expected in (("remote", remote | flexible), ("hybrid", hybrid), ("onsite", berlin | munich)):
            with self.subTest(filter=name):
                [node] = tree.xpath("//filter[@name='%s']" % name)
                domain = safe_eval(node.get("domain"))
                self.assertEqual(Applicant.search(domain + [("id", "in", people.ids)]), expected)

    def test_rule_editor_does_not_list_matching_keys(self):
        """The domain editor lists the fields of fields_get: the duplicate detection's keys stay out
        (outside debug mode), and the detection still works for a recruiter."""
        for user in (self.user_recruiter, self.env.ref("base.user_admin")):
            with self.subTest(user=user.login):
                fields = self.env["hr.applicant"].with_user(user).fields_get(attributes=["string", "searchable"])
                for fname in DEDUP_KEYS:
                    self.assertNotIn(fname, fields)
                self.assertIn("talent_city", fields)
                self.assertNotIn("City Key", {attrs["string"] for attrs in fields.values()})
        anna = self._create_talent("Anna Schmidt", talent_city="Köln", email_from="anna.s@example.com")
        anna_again = self._create_talent("Anna Schmitt", talent_city="Koeln", email_from="a.schmitt@example.org")
        self.assertEqual(anna.talent_dedup_city, anna_again.talent_dedup_city, "the keys are computed as before")
        anna.with_user(self.user_recruiter).action_talent_find_duplicates()
        duplicate = self.env["talent.duplicate"].search(
            ["|", ("talent_id", "=", anna.id), ("duplicate_id", "=", anna.id)]
        )
        self.assertEqual((duplicate.talent_id | duplicate.duplicate_id), anna | anna_again)
        self.assertIn("name_city", duplicate.reasons)

    def test_save_search_as_pool_opens_it_and_keeps_only_the_users_conditions(self):
        berlin = self._create_talent("Bea Saved", talent_city="Berlin")
        self._create_talent("Mia Saved", talent_city="München")
        # what the talent list sends: its action's "is a talent" domain and the user's search
        active_domain = ["&", ["talent_pool_ids", "!=", False], ["talent_city", "ilike", "Berlin"]]
        context = {"active_model": "hr.applicant", "active_ids": berlin.ids, "active_domain": active_domain}
        Wizard = self.env["talent.pool.add.selection"].with_user(self.user_recruiter).with_context(**context)
        wizard = Form(Wizard)
        self.assertEqual(wizard.filter_domain, "[('talent_city', 'ilike', 'Berlin')]", "what the user sees")
        wizard.mode = "new"
        wizard.pool_name = "Berlin people (test)"
        wizard.scope = "filter"
        wizard.save_rule = True
        result = wizard.save().action_add()
        pool = self.env["hr.talent.pool"].search([("name", "=", "Berlin people (test)")])
        self.assertEqual(pool.talent_rule_domain, "[('talent_city', 'ilike', 'Berlin')]", "no hidden condition")
        self.assertEqual(pool.talent_ids, berlin)
        # the notification, then the new pool's form
        self.assertEqual(result["tag"], "display_notification")
        self.assertIn("Berlin people (test)", result["params"]["message"])
        next_action = result["params"]["next"]
        self.assertEqual(
            (next_action["res_model"], next_action["res_id"], next_action["views"]),
            ("hr.talent.pool", pool.id, [(False, "form")]),
        )
        # the search of the talent list alone is no condition
        only_talents = Wizard.with_context(active_domain=[["talent_pool_ids", "!=", False]]).create(
            {"mode": "existing", "pool_id": pool.id, "save_rule": True}
        )
        self.assertEqual(only_talents.filter_domain, "[]")
        # adding a selection to an existing pool just closes the dialog
        other_pool = self.env["hr.talent.pool"].create({"name": "Other pool (test)", "company_id": self.company.id})
        plain = Wizard.with_context(active_domain=[]).create({"mode": "existing", "pool_id": other_pool.id})
        self.assertEqual(plain.action_add()["params"]["next"], {"type": "ir.actions.act_window_close"})

    def test_empty_talent_lists_speak_of_talents(self):
        """Talent CRM's talent lists and Odoo's list of a pool's talents keep their talent help."""
        Actions = self.env["ir.actions.actions"].with_user(self.user_recruiter)
        for xmlid, wording in (
            ("talent_crm.hr_applicant_action_talent", "No talents here yet"),
            ("hr_recruitment.action_hr_talent_pool_applications", "No Talents in the pool yet"),
        ):
            with self.subTest(action=xmlid):
                action = Actions.with_context(active_ids=self.pool.ids)._for_xml_id(xmlid)
                self.assertIn(wording, action["help"])
                self.assertNotIn("No applications found", action["help"])
        # Odoo's applications keep Odoo's help
        job_action = Actions._for_xml_id("hr_recruitment.crm_case_categ0_act_job")
        self.assertIn("No applications found", job_action["help"])


@tagged("post_install", "-at_install", "talent_crm")
class TestRealUseApplicantTour(HttpCase):
    def test_search_convert_and_read_the_history(self):
        """A recruiter (not admin) finds "Berlin or remote", opens a converted talent's one
        Applications button and reads the person's history on the application."""
        recruiter = tour_user(self.env, "tour_history_recruiter", "Hella History", "talent_crm.group_talent_crm_user")
        pool = self.env["hr.talent.pool"].create({"name": "Tour History Pool"})
        Talent = self.env["hr.applicant"]
        people = {}
        for name, city, remote in (
            ("Bea Berlin", "Berlin", "onsite"),
            ("Rolf Remote", "Hamburg", "remote"),
            ("Mia Munich", "München", "onsite"),
        ):
            people[name] = Talent.create(
                {
                    "partner_name": name,
                    "email_from": "%s@example.com" % name.lower().replace(" ", "."),
                    "talent_city": city,
                    "talent_remote_preference": remote,
                    "talent_pool_ids": [Command.set(pool.ids)],
                }
            )
        rolf = people["Rolf Remote"]
        rolf.partner_id._talent_log_touch("Coffee at the meetup", talent_id=rolf.id)
        self.env["talent.consent"].create({"partner_id": rolf.partner_id.id, "talent_id": rolf.id})
        job = self.env["hr.job"].create({"name": "Tour History Job"})
        self.env["job.add.applicants"].create(
            {"applicant_ids": [Command.set(rolf.ids)], "job_ids": [Command.set(job.ids)]}
        ).action_add_applicants_to_job()
        self.assertEqual(rolf.talent_application_ids.job_id, job)
        self.start_tour("/odoo", "talent_crm_applicant_history_tour", login=recruiter.login)
