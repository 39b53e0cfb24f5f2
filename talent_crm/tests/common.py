# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The bases of the talent_crm tests, in the way of ``mass_mailing/tests/common.py``.

- ``TalentCrmCase``: helpers without data (back-dating, grouped figures, the cron loop in the
  test transaction), mixed into every base below.
- ``TalentCrmCommon``: the role users, two companies, a pool and skills.
- ``TalentNurtureCommon``, ``TalentLeadCommon``, ``TalentCampaignCommon``: what nurture, the lead
  funnel and campaigns add to it.
- ``TalentCommunityHttpCommon``: the public community pages, driven over HTTP.
- ``tour_user``: a user who can log in to a tour.
"""

import io
import re
import zipfile
from unittest.mock import patch

from odoo import Command, fields
from odoo.tests import Form, HttpCase, TransactionCase, new_test_user
from odoo.tools import SQL

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
CONFIRM_LINK_RE = re.compile(r'href="https?://[^/"]+(/talent/confirm/[A-Za-z0-9_-]+)"')
# any CSRF token of Odoo (HMAC + "o" + expiry timestamp), wherever the page carries it
CSRF_ANY_RE = re.compile(r"\b[0-9a-f]{40}o\d*\b")
# a tiny but real PDF and Word document, as browsers upload them
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def make_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
            'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main'
            '+xml"/></Types>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>CV</w:t></w:r></w:p></w:body></w:document>',
        )
    return buffer.getvalue()


def tour_user(env, login, name, groups, **values):
    """A user of the main company whose password is its login, as tours log in."""
    company = env.ref("base.main_company")
    return new_test_user(
        env,
        login=login,
        password=login,
        name=name,
        groups=groups,
        company_id=company.id,
        company_ids=[Command.set(company.ids)],
        **values,
    )


class TalentCrmCase:
    """Helpers and no data: mixed into the transaction and HTTP bases."""

    @classmethod
    def _patch_commit_progress(cls):
        """Run a cron's batch loop in the test transaction: ``_commit_progress`` commits nothing
        and leaves all the time in the world."""
        return patch.object(type(cls.env["ir.cron"]), "_commit_progress", lambda *args, **kw: float("inf"))

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


class TalentCrmCommon(TalentCrmCase, TransactionCase):
    """Users of every role, two companies, a pool and a few talents built in the test."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False, mail_create_nolog=True))
        cls.company = cls.env.ref("base.main_company")
        cls.company.country_id = cls.env.ref("base.de")
        cls.other_company = cls.env["res.company"].create(
            {"name": "Other Company GmbH", "country_id": cls.env.ref("base.at").id}
        )
        cls.user_recruiter = new_test_user(
            cls.env,
            login="talent_recruiter",
            name="Rita Recruiter",
            email="rita.recruiter@example.com",
            groups="talent_crm.group_talent_crm_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.user_manager = new_test_user(
            cls.env,
            login="talent_manager",
            name="Max Manager",
            email="max.manager@example.com",
            groups="talent_crm.group_talent_crm_manager",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.user_employee = new_test_user(
            cls.env,
            login="talent_employee",
            name="Emil Employee",
            groups="base.group_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.user_other_company = new_test_user(
            cls.env,
            login="talent_other_recruiter",
            name="Olga Other",
            groups="talent_crm.group_talent_crm_user",
            company_id=cls.other_company.id,
            company_ids=[Command.set(cls.other_company.ids)],
        )
        cls.role_backend = cls.env["talent.role.family"].create({"name": "Backend Engineering (test)"})
        cls.seniority_senior = cls.env.ref("talent_crm.talent_seniority_senior")
        cls.pool = cls.env["hr.talent.pool"].create(
            {"name": "Backend engineers – Europe (test)", "company_id": cls.company.id}
        )
        cls.skill_type = cls.env["hr.skill.type"].create(
            {
                "name": "Programming (test)",
                "skill_ids": [Command.create({"name": "Python"}), Command.create({"name": "Go"})],
                "skill_level_ids": [
                    Command.create({"name": "Beginner", "level_progress": 25}),
                    Command.create({"name": "Advanced", "level_progress": 75, "default_level": True}),
                    Command.create({"name": "Expert", "level_progress": 100}),
                ],
            }
        )
        cls.skill_python = cls.skill_type.skill_ids.filtered(lambda s: s.name == "Python")
        cls.level_advanced = cls.skill_type.skill_level_ids.filtered(lambda lvl: lvl.name == "Advanced")

    # people created by ``_create_talent`` were already told what is kept about them (Art. 14
    # GDPR) when True: the nurture and campaign tests are about their own feature, the notice
    # that precedes a first message is tested in test_data_lifecycle and test_self_service
    talent_informed = False

    @classmethod
    def _create_talent(cls, name, env=None, **values):
        vals = {
            "partner_name": name,
            "email_from": "%s@example.com" % name.lower().replace(" ", "."),
            "talent_pool_ids": [Command.set(cls.pool.ids)],
        }
        if cls.talent_informed:
            vals["talent_information_date"] = fields.Datetime.now()
        vals.update(values)
        return (env or cls.env)["hr.applicant"].create(vals)


class TalentNurtureCommon(TalentCrmCommon):
    """A three-step nurture sequence (email, LinkedIn task, SMS) and a helper running the scheduler."""

    talent_informed = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"email": "jobs@example.com", "talent_require_consent": False})
        cls.user_recruiter.write({"tz": "Europe/Berlin", "signature": "<p>Rita, Talent Team</p>"})
        cls.mail_template = cls.env["mail.template"].create(
            {
                "name": "Nurture test email",
                "model_id": cls.env["ir.model"]._get_id("hr.applicant"),
                "subject": "Hello {{ object.talent_nurture_first_name }}",
                "email_from": "{{ (object.user_id.email_formatted or object.company_id.email_formatted) }}",
                "use_default_to": True,
                "lang": "{{ object.partner_id.lang }}",
                "body_html": """<div>
                    <p>Hello <t t-out="object.talent_nurture_first_name"/> from <t t-out="object.company_id.name"/>,</p>
                    <p t-if="object.talent_role_family_id">
                        Role family: <t t-out="object.talent_role_family_id.name"/></p>
                    <p>Skills: <t t-out="', '.join(object.skill_ids.mapped('name'))"/></p>
                    <ul><li t-foreach="object.talent_nurture_job_ids" t-as="job"><t t-out="job.name"/></li></ul>
                    <p><a href="https://jobs.example.com/culture">Our culture</a></p>
                    <p>-- <t t-out="object.user_id.name"/></p><div t-out="object.user_id.signature"/>
                    <a href="/unsubscribe_from_list">Unsubscribe</a>
                    <a href="/talent/my-preferences">Your preferences</a>
                </div>""",
            }
        )
        cls.sms_template = cls.env["sms.template"].create(
            {
                "name": "Nurture test SMS",
                "model_id": cls.env["ir.model"]._get_id("hr.applicant"),
                "body": "Hi {{ object.talent_nurture_first_name }}, news from {{ object.company_id.name }}",
            }
        )
        cls.sequence = cls.env["talent.sequence"].create(
            {
                "name": "Test keep-warm",
                "company_id": cls.company.id,
                "user_id": cls.user_manager.id,
                "step_ids": [
                    Command.create(
                        {"sequence": 1, "name": "Welcome", "channel": "email", "mail_template_id": cls.mail_template.id}
                    ),
                    Command.create(
                        {
                            "sequence": 2,
                            "name": "LinkedIn hello",
                            "channel": "linkedin",
                            "delay_days": 7,
                            "activity_summary": "Say hello on LinkedIn",
                        }
                    ),
                    Command.create(
                        {
                            "sequence": 3,
                            "name": "SMS check-in",
                            "channel": "sms",
                            "delay_days": 7,
                            "sms_template_id": cls.sms_template.id,
                        }
                    ),
                ],
            }
        )
        cls.step_email, cls.step_linkedin, cls.step_sms = cls.sequence.step_ids.sorted("sequence")

    @classmethod
    def _create_nurture_talent(cls, name, **values):
        vals = {"user_id": cls.user_recruiter.id, "partner_phone": "+49 30 1234567"}
        vals.update(values)
        return cls._create_talent(name, **vals)

    def _run_scheduler(self, **kwargs):
        """Run the cron's batch loop in the test transaction (commits become no-ops)."""
        with self._patch_commit_progress():
            return self.env["talent.sequence.enrollment"]._talent_process_due(**kwargs)

    def _executions(self, enrollments, step=None):
        domain = [("enrollment_id", "in", enrollments.ids)]
        if step:
            domain.append(("step_id", "=", step.id))
        return self.env["talent.sequence.execution"].sudo().search(domain)

    def _mails(self, talents, step):
        return self.env["mail.mail"].sudo().search(
            [("mailing_id", "=", step.mailing_id.id), ("res_id", "in", talents.ids), ("model", "=", "hr.applicant")]
        )


class TalentLeadCommon(TalentCrmCommon):
    """Jobs, stages, a refuse reason and UTM for the lead funnel and its hand-over to Recruitment."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "talent_qualify_require_contact": True,
                "talent_qualify_require_role_family": True,
                "talent_qualify_require_skills": False,
                "talent_qualify_require_consent": False,
            }
        )
        cls.stage_new = cls.env["hr.recruitment.stage"].create({"name": "Lead test: New", "sequence": -10})
        cls.stage_interview = cls.env["hr.recruitment.stage"].create({"name": "Lead test: Interview", "sequence": 2})
        cls.stage_final = cls.env["hr.recruitment.stage"].create({"name": "Lead test: Final interview", "sequence": 3})
        cls.stage_hired = cls.env["hr.recruitment.stage"].create(
            {"name": "Lead test: Hired", "sequence": 9, "hired_stage": True, "fold": True}
        )
        cls.company.talent_runners_up_stage_id = cls.stage_final
        cls.job = cls.env["hr.job"].create(
            {"name": "Backend Developer (lead test)", "company_id": cls.company.id, "user_id": cls.user_recruiter.id}
        )
        cls.job_2 = cls.env["hr.job"].create({"name": "Platform Engineer (lead test)", "company_id": cls.company.id})
        cls.refuse_reason = cls.env["hr.applicant.refuse.reason"].create({"name": "Another candidate was a better fit"})
        cls.tag = cls.env["hr.applicant.category"].create({"name": "Kotlin meetup (test)"})
        cls.source = cls.env["utm.source"].create({"name": "Meetup Berlin (test)"})
        cls.medium = cls.env["utm.medium"].create({"name": "In person (test)"})
        cls.campaign = cls.env["utm.campaign"].create({"name": "Backend hiring 2026 (test)"})

    @classmethod
    def _create_lead(cls, name, env=None, **values):
        values.setdefault("talent_role_family_id", cls.role_backend.id)
        return cls._create_talent(name, env=env, **values)

    def _convert(self, talents, jobs, env=None):
        """Run Odoo's "Create Applications" wizard on ``talents``; return its action."""
        env = env or self.env
        form = Form(env["job.add.applicants"].with_context(default_applicant_ids=talents.ids))
        for job in jobs:
            form.job_ids.add(job)
        return form.save().action_add_applicants_to_job()

    def _refuse(self, applications, reason=None, env=None, **values):
        """Run Odoo's refuse wizard on ``applications``; return the wizard."""
        env = env or self.env
        wizard = (
            env["applicant.get.refuse.reason"]
            .with_context(active_test=False)
            .create(
                dict(
                    {
                        "applicant_ids": [Command.set(applications.ids)],
                        "refuse_reason_id": (reason or self.refuse_reason).id,
                    },
                    **values,
                )
            )
        )
        wizard.action_refuse_reason_apply()
        return wizard

    def _application(self, name, job=None, stage=None, **values):
        vals = {
            "partner_name": name,
            "email_from": "%s@example.org" % name.lower().replace(" ", "."),
            "job_id": (job or self.job).id,
        }
        if stage:
            vals["stage_id"] = stage.id
        vals.update(values)
        return self.env["hr.applicant"].create(vals)


class TalentCampaignCommon(TalentCrmCommon):
    """A marketer, topics of each kind and four talents: reachable, blacklisted, do-not-contact, other pool."""

    talent_informed = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"email": "jobs@example.com", "talent_require_consent": False})
        cls.user_marketer = new_test_user(
            cls.env,
            login="talent_marketer",
            name="Mara Marketer",
            email="mara@example.com",
            groups="mass_mailing.group_mass_mailing_user,talent_crm.group_talent_crm_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.other_pool = cls.env["hr.talent.pool"].create({"name": "Sales (test)", "company_id": cls.company.id})
        cls.topic_news = cls.env["talent.topic"].create({"name": "Company news (test)", "kind": "news"})
        cls.topic_events = cls.env["talent.topic"].create({"name": "Events (test)", "kind": "event"})
        cls.topic_alerts = cls.env["talent.topic"].create(
            {"name": "Backend jobs (test)", "kind": "job_alert", "role_family_id": cls.role_backend.id}
        )
        cls.anna = cls._create_talent("Anna Audience")
        cls.bert = cls._create_talent("Bert Blacklisted")
        cls.dora = cls._create_talent("Dora Donotcontact")
        cls.sam = cls._create_talent("Sam Sales", talent_pool_ids=[Command.set(cls.other_pool.ids)])
        cls.env["mail.blacklist"]._add("bert.blacklisted@example.com")
        cls.dora.partner_id.talent_do_not_contact = True

    def _mailing(self, env=None, **values):
        vals = {
            "subject": "Quarterly news",
            "mailing_type": "mail",
            "mailing_model_id": self.env["ir.model"]._get_id("hr.applicant"),
            "mailing_domain": "[]",
            "body_html": "<p>Hello</p>",
            "talent_pool_ids": [Command.set(self.pool.ids)],
        }
        vals.update(values)
        return (env or self.env)["mailing.mailing"].create(vals)


class TalentCommunityHttpCommon(TalentCrmCase, HttpCase):
    """A company ready for its talent community: pools, topics, consent text, a permissive
    rate limit (tests that need the limit lower it)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("base.main_company")
        cls.company.country_id = cls.env.ref("base.de")
        cls.signup_pool = cls.env["hr.talent.pool"].create({"name": "Community members (test)"})
        cls.company.write(
            {
                "talent_community_page": True,
                "talent_signup_pool_ids": [Command.set(cls.signup_pool.ids)],
                "talent_consent_text": "I agree that Test Company keeps my profile (test text).",
                "talent_consent_version": "2026-test",
                "talent_retention_months": 24,
                "talent_retention_notice_days": 30,
            }
        )
        cls.topic_jobs = cls.env.ref("talent_crm.talent_topic_job_alerts")
        cls.topic_events = cls.env.ref("talent_crm.talent_topic_events")
        cls.role_family = cls.env["talent.role.family"].create({"name": "Backend (test)"})
        cls.env["ir.config_parameter"].sudo().set_param("talent_crm.signup_rate_limit", "100000")
        cls.source = cls.env.ref("talent_crm.utm_source_talent_community")

    def _csrf(self, url="/talent/join"):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, response.text[:500])
        match = CSRF_RE.search(response.text)
        self.assertTrue(match, "the page carries a CSRF token")
        return match.group(1)

    def _signup_data(self, **values):
        data = {
            "name": "Jana Community",
            "email": "jana.community@example.com",
            "phone": "+49 30 1234567",
            "profile_url": "linkedin.com/in/Jana-Community/",
            "role_family_id": str(self.role_family.id),
            "city": "Berlin",
            "country_id": str(self.env.ref("base.de").id),
            "topic_ids": [str(self.topic_jobs.id), str(self.topic_events.id)],
            "consent": "1",
        }
        data.update(values)
        return {key: value for key, value in data.items() if value is not None}

    def _signup(self, files=None, csrf=True, **values):
        data = self._signup_data(**values)
        if csrf:
            data["csrf_token"] = self._csrf()
        return self.url_open("/talent/join", data=data, files=files)

    def _talents(self, email):
        return (
            self.env["hr.applicant"]
            .with_context(active_test=False)
            .search([("email_normalized", "=", email), ("talent_pool_ids", "!=", False)])
        )

    def _mails_to(self, partner):
        return self.env["mail.mail"].sudo().search([("recipient_ids", "in", partner.ids)], order="id")

    def _signups(self, email):
        """The sign-ups (pending or confirmed) of a normalised address."""
        return self.env["talent.signup"].sudo().search([("email", "=", email)], order="id")

    def _confirm_mails(self, email):
        """The double opt-in emails sent to ``email`` (rendered from its sign-ups)."""
        return self.env["mail.mail"].sudo().search(
            [("model", "=", "talent.signup"), ("email_to", "ilike", email)], order="id"
        )

    def _confirm_path(self, email):
        """The path of the confirmation link of the newest email sent to ``email``."""
        mail = self._confirm_mails(email)[-1:]
        self.assertTrue(mail, "a double opt-in email was sent to %s" % email)
        match = CONFIRM_LINK_RE.search(mail.body_html)
        self.assertTrue(match, "the email carries the confirmation link")
        return match.group(1)

    def _confirm(self, path):
        """Open the confirmation page and press its button, as a person does."""
        page = self.url_open(path)
        self.assertEqual(page.status_code, 200, page.text[:300])
        return self.url_open(path, data={"csrf_token": CSRF_RE.search(page.text).group(1)})
