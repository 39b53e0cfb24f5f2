# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import TalentCrmCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestTalent(TalentCrmCommon):
    def test_talent_is_odoo_pool_applicant(self):
        talent = self._create_talent("Anna Schmidt", talent_role_family_id=self.role_backend.id)
        self.assertTrue(talent.is_pool_applicant)
        self.assertEqual(talent.pool_applicant_id, talent, "Odoo links a talent to itself")
        self.assertFalse(talent.job_id)
        self.assertEqual(talent.partner_id.email, "anna.schmidt@example.com")
        self.assertIn(talent, self.pool.talent_ids)
        self.assertEqual(talent.talent_availability, "unknown")

    def test_talent_without_email_gets_a_partner(self):
        talent = self._create_talent("Jonas Weber", email_from=False, partner_phone="+49 30 1234567")
        self.assertTrue(talent.partner_id, "a talent always has a partner, even without email")
        self.assertEqual(talent.partner_id.name, "Jonas Weber")
        self.assertEqual(talent.partner_id.phone, "+49 30 1234567")
        with self.assertRaises(ValidationError):
            talent.partner_id = False

    def test_one_partner_per_person(self):
        talent = self._create_talent("Lea Fischer")
        again = self.env["hr.applicant"].create(
            {"partner_name": "Lea Fischer", "email_from": "LEA.FISCHER@example.com"}
        )
        self.assertEqual(again.partner_id, talent.partner_id, "same email, same person, same partner")

    def test_urls_normalised(self):
        talent = self._create_talent(
            "Marie Curie",
            linkedin_profile="de.linkedin.com/in/Marie-Curie-42/?originalSubdomain=de",
            talent_github_url="http://github.com/MCurie/radium",
            talent_xing_url="https://www.xing.com/profile/Marie_Curie/cv",
            talent_website_url="curie.example.org/",
        )
        self.assertEqual(talent.linkedin_profile, "https://www.linkedin.com/in/marie-curie-42")
        self.assertEqual(talent.talent_github_url, "https://github.com/mcurie")
        self.assertEqual(talent.talent_xing_url, "https://www.xing.com/profile/Marie_Curie")
        self.assertEqual(talent.talent_website_url, "https://curie.example.org")
        talent.write({"linkedin_profile": "https://www.linkedin.com/in/marie-curie-42/"})
        self.assertEqual(talent.linkedin_profile, "https://www.linkedin.com/in/marie-curie-42")

    def test_odoo_paths_keep_odoos_rules_for_its_fields(self):
        """Outside talent_crm's own capture (Odoo's Recruitment screens and wizards), Odoo's fields
        take what Odoo takes, as Odoo's own tests expect; valid addresses are still normalised."""
        talent = self._create_talent(
            "Odo Lenient", partner_phone="1234", linkedin_profile="linkedin/talent", email_from="odo@example.com"
        )
        self.assertEqual((talent.partner_phone, talent.linkedin_profile), ("1234", "linkedin/talent"))
        talent.linkedin_profile = "de.linkedin.com/in/Odo-Lenient"
        self.assertEqual(talent.linkedin_profile, "https://www.linkedin.com/in/odo-lenient")
        with self.assertRaisesRegex(ValidationError, "GitHub Profile"):
            talent.talent_github_url = "https://gitlab.com/odo"  # talent_crm's own field: always checked

    def test_invalid_url_names_the_field(self):
        self.env = self.env(context=dict(self.env.context, talent_crm_capture=True))  # the talent form's context
        talent = self._create_talent("Paul Klee", env=self.env)
        for fname, value, label in (
            ("linkedin_profile", "https://www.linkedin.com/company/odoo", "LinkedIn Profile"),
            ("talent_github_url", "https://gitlab.com/paul", "GitHub Profile"),
            ("talent_xing_url", "xing.com/jobs", "Xing Profile"),
            ("talent_website_url", "not a url", "Website"),
        ):
            with self.subTest(fname=fname):
                with self.assertRaisesRegex(ValidationError, label):
                    talent.write({fname: value})
                self.assertFalse(talent[fname], "nothing half-saved")
        with self.assertRaisesRegex(ValidationError, "GitHub Profile"):
            self._create_talent("Otto Dix", env=self.env, talent_github_url="ftp://github.com/otto")
        self.assertFalse(self.env["hr.applicant"].search([("partner_name", "=", "Otto Dix")]))

    def test_applications_keep_lenient_linkedin(self):
        """Applications arriving by email keep what the sender wrote: only talents are strict."""
        application = self.env["hr.applicant"].create(
            {"partner_name": "Mail Sender", "email_from": "sender@example.com", "linkedin_profile": "see my CV"}
        )
        self.assertEqual(application.linkedin_profile, "see my CV")

    def test_invalid_email_and_phone(self):
        self.env = self.env(context=dict(self.env.context, talent_crm_capture=True))  # the talent form's context
        with self.assertRaisesRegex(ValidationError, "Email"):
            self._create_talent("Bad Mail", env=self.env, email_from="bad@mail@example")
        for bad in ("foo", "a@b", "x y@example.com", "a@example.com, b@example.com"):
            with self.subTest(email=bad), self.assertRaisesRegex(ValidationError, "Email"):
                self._create_talent("Bad Mail", env=self.env, email_from=bad)
        named = self._create_talent("Named", env=self.env, email_from="Named Person <named@example.com>")
        self.assertTrue(named.partner_id)
        with self.assertRaisesRegex(ValidationError, "Phone"):
            self._create_talent("Bad Phone", env=self.env, partner_phone="12")
        talent = self._create_talent("Good Phone", env=self.env, partner_phone="030 1234567")
        self.assertEqual(talent.partner_phone_sanitized, "+49301234567", "national numbers use the company country")
        self.env.flush_all()  # the talent is saved; only the refused change is dropped below
        with self.assertRaisesRegex(ValidationError, "Phone"):
            talent.partner_phone = "+49 1"
        talent.invalidate_recordset(flush=False)
        self.assertEqual(talent.partner_phone, "030 1234567")

    def test_capture_without_pool_lands_in_default_pool(self):
        Talent = self.env["hr.applicant"].with_context(talent_crm_capture=True)
        talent = Talent.create({"partner_name": "Nora Neu", "email_from": "nora@example.com"})
        default_pool = self.company.talent_default_pool_id
        self.assertTrue(default_pool)
        self.assertEqual(talent.talent_pool_ids, default_pool)
        self.assertTrue(default_pool.is_default_pool)

        form = Form(Talent.with_user(self.user_recruiter))
        self.assertEqual(form.talent_pool_ids[:], default_pool)
        form.partner_name = "Fiona Form"
        form.email_from = "fiona@example.com"
        talent = form.save()
        self.assertTrue(talent.is_pool_applicant)
        self.assertEqual(talent.user_id, self.user_recruiter, "the recruiter who captures a lead owns it")

    def test_default_pool_created_for_new_company(self):
        self.assertFalse(self.other_company.talent_default_pool_id)
        pool = self.other_company._talent_get_default_pool()
        self.assertEqual(pool.company_id, self.other_company)
        self.assertEqual(self.other_company._talent_get_default_pool(), pool, "created once")

    def test_application_from_talent_links_back(self):
        talent = self._create_talent(
            "Sven Svensson",
            linkedin_profile="linkedin.com/in/sven",
            applicant_skill_ids=[
                Command.create(
                    {
                        "skill_id": self.skill_python.id,
                        "skill_type_id": self.skill_type.id,
                        "skill_level_id": self.level_advanced.id,
                    }
                )
            ],
        )
        job = self.env["hr.job"].create({"name": "Backend Developer (test)"})
        wizard = self.env["job.add.applicants"].create(
            {"applicant_ids": [Command.set(talent.ids)], "job_ids": [Command.set(job.ids)]}
        )
        application = wizard._add_applicants_to_job()
        self.assertEqual(application.job_id, job)
        self.assertEqual(application.pool_applicant_id, talent)
        self.assertEqual(application.partner_id, talent.partner_id, "one partner for the person")
        self.assertEqual(application.skill_ids, self.skill_python)
        self.assertEqual(talent.talent_application_ids, application)
        self.assertEqual(talent.talent_application_count, 1)
        action = talent.action_talent_crm_open_applications()
        self.assertEqual(action["domain"], [("id", "in", application.ids)])

    def test_touch_updates_person_dates(self):
        talent = self._create_talent("Tina Touch")
        application = self.env["hr.applicant"].create(
            {"partner_name": "Tina Touch", "email_from": "tina.touch@example.com"}
        )
        self.assertEqual(application.partner_id, talent.partner_id)
        touch = talent.partner_id._talent_log_touch("Intro call", channel="call", talent_id=talent.id)
        self.assertTrue(touch.counts_toward_cap)
        self.assertEqual(talent.talent_last_contact_date, touch.date)
        self.assertEqual(application.talent_last_contact_date, touch.date, "person-level fact, shared")
        reply = talent.partner_id._talent_log_touch("Replied", direction="inbound", engagement="reply")
        self.assertFalse(reply.counts_toward_cap)
        self.assertEqual(talent.talent_last_engagement_date, reply.date)

    def test_rows_inserted_without_talent_crm_get_its_defaults(self):
        """Modules loaded before talent_crm (their data, their tests, an update) insert companies
        and applicants without talent_crm's required columns: the database fills them in."""
        self.env.flush_all()
        self.env.cr.execute(
            """SELECT table_name, column_name, column_default FROM information_schema.columns
                WHERE table_name IN ('res_company', 'hr_applicant', 'res_partner', 'mailing_mailing', 'hr_job',
                                     'hr_talent_pool', 'mailing_trace', 'mail_blacklist', 'phone_blacklist')
                  AND is_nullable = 'NO' AND column_name LIKE 'talent%%'
             ORDER BY 1, 2"""
        )
        self.assertEqual(
            self.env.cr.fetchall(),
            [
                ("hr_applicant", "talent_availability", "'unknown'::character varying"),
                ("res_company", "talent_enrichment_provider", "'offline'::character varying"),
                ("res_company", "talent_job_alert_mode", "'review'::character varying"),
            ],
        )
        self.env.cr.execute(
            "INSERT INTO hr_applicant (partner_name, company_id, active, kanban_state) "
            "VALUES ('Inserted Applicant', %s, TRUE, 'normal') RETURNING talent_availability",
            (self.company.id,),
        )
        self.assertEqual(self.env.cr.fetchone(), ("unknown",))
