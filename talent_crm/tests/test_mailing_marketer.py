# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Email Marketing works as before for marketers without any Talent CRM or Recruitment right."""

from lxml import etree

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, TransactionCase, new_test_user, tagged

TALENT_FIELDS = (
    "talent_audience",
    "talent_pool_ids",
    "talent_topic_ids",
    "talent_job_id",
    "talent_held_ids",
    "talent_held_count",
    "talent_sequence_step_id",
)


@tagged("post_install", "-at_install", "talent_crm")
class TestMailingPureMarketer(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.marketer = new_test_user(
            cls.env,
            login="pure_marketer",
            name="Paula Marketer",
            email="paula@example.com",
            groups="base.group_user,mass_mailing.group_mass_mailing_user",
        )
        cls.mailing_list = cls.env["mailing.list"].create(
            {
                "name": "Newsletter (test)",
                "contact_ids": [Command.create({"name": "Nina Reader", "email": "nina@example.com"})],
            }
        )

    def test_marketer_has_no_talent_right(self):
        self.assertFalse(self.marketer.has_group("talent_crm.group_talent_crm_user"))
        self.assertFalse(self.marketer.has_group("hr_recruitment.group_hr_recruitment_interviewer"))

    def _form_spec(self, env):
        views = env["mailing.mailing"].get_views([(False, "form")])
        arch = views["views"]["form"]["arch"]
        fields_info = views["models"]["mailing.mailing"]["fields"]
        names = {node.get("name") for node in etree.fromstring(arch).iter("field")}
        for name in TALENT_FIELDS:
            self.assertNotIn(name, names, "the form shows no talent field to a marketer")
            self.assertNotIn(name, fields_info)
        spec = {}
        for name in names & set(fields_info):
            if fields_info[name]["type"] in ("many2one", "many2many", "one2many"):
                spec[name] = {"fields": {"display_name": {}}}
            else:
                spec[name] = {}
        return spec

    def test_web_client_calls_on_a_newsletter(self):
        env = self.env(user=self.marketer)
        Mailing = env["mailing.mailing"]
        spec = self._form_spec(env)
        # new record: the web client's onchange with the form's specification
        result = Mailing.onchange(
            {"contact_list_ids": [Command.set(self.mailing_list.ids)]}, [], spec
        )
        self.assertIn("value", result)
        mailing = Mailing.create(
            {
                "subject": "Newsletter",
                "body_html": "<p>Hello</p>",
                "mailing_model_id": env["ir.model"]._get_id("mailing.list"),
                "contact_list_ids": [Command.set(self.mailing_list.ids)],
            }
        )
        [values] = mailing.web_read(spec)
        self.assertEqual(values["subject"], "Newsletter")
        mailing.web_save({"subject": "Newsletter 2"}, spec)
        self.assertEqual(mailing.subject, "Newsletter 2")
        # switching the audience model, as the form does
        result = mailing.onchange(
            {"mailing_model_id": env["ir.model"]._get_id("res.partner")}, ["mailing_model_id"], spec
        )
        self.assertIn("value", result)
        mailing.invalidate_recordset()
        mailing.read(["subject", "mailing_model_id", "mailing_domain", "state"])

    def test_form_on_mailing_list_and_partners(self):
        env = self.env(user=self.marketer)
        with Form(env["mailing.mailing"]) as form:
            form.subject = "Newsletter"
            form.mailing_model_id = env.ref("mass_mailing.model_mailing_list")
            form.contact_list_ids.add(self.mailing_list)
            form.body_arch = "<p>Hello</p>"
        mailing = form.record
        self.assertEqual(mailing.contact_list_ids, self.mailing_list)
        with Form(mailing) as form:
            form.subject = "Newsletter (edited)"
        self.assertEqual(mailing.subject, "Newsletter (edited)")
        with Form(env["mailing.mailing"]) as form:
            form.subject = "Partners"
            form.mailing_model_id = env.ref("base.model_res_partner")
            form.body_arch = "<p>Hello</p>"
        partners_mailing = form.record
        self.assertEqual(partners_mailing.mailing_model_real, "res.partner")
        with Form(partners_mailing) as form:
            form.mailing_domain = "[('email', '!=', False)]"
        partners_mailing.action_put_in_queue()
        self.assertEqual(partners_mailing.state, "in_queue")

    def test_marketer_sends_now(self):
        partner = self.env["res.partner"].create({"name": "Carl Customer", "email": "carl@example.com"})
        env = self.env(user=self.marketer)
        mailing = env["mailing.mailing"].create(
            {
                "subject": "Offer",
                "body_html": "<p>Hello</p>",
                "mailing_model_id": env["ir.model"]._get_id("res.partner"),
                "mailing_domain": repr([("id", "=", partner.id)]),
            }
        )
        self.assertEqual(mailing.mailing_domain, repr([("id", "=", partner.id)]))
        mailing.action_send_mail()
        self.assertEqual(mailing.state, "done")
        self.assertEqual(mailing.mailing_trace_ids.res_id, partner.id)

    def test_talent_fields_are_not_readable_by_a_marketer(self):
        env = self.env(user=self.marketer)
        mailing = env["mailing.mailing"].create({"subject": "Newsletter", "body_html": "<p>Hi</p>"})
        for name in TALENT_FIELDS:
            self.assertFalse(
                env["mailing.mailing"]._has_field_access(env["mailing.mailing"]._fields[name], "read"),
                "%s is a Talent CRM field" % name,
            )
        self.assertEqual(mailing.read(["subject"])[0]["subject"], "Newsletter")

    def test_marketer_duplicates_a_mailing_but_not_a_talent_campaign(self):
        """As Odoo's own mass_mailing test_mailing_deletion does: a marketer copies a mailing."""
        Mailing = self.env["mailing.mailing"].with_user(self.marketer)
        newsletter = Mailing.create(
            {
                "subject": "Copy me",
                "body_html": "<p>Hi</p>",
                "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
            }
        )
        copy = newsletter.copy()
        self.assertEqual(copy.subject, "Copy me")
        self.assertNotEqual(copy, newsletter)
        pool = self.env["hr.talent.pool"].create({"name": "Copy pool (test)"})
        campaign = self.env["mailing.mailing"].create(
            {
                "subject": "Talent campaign",
                "body_html": "<p>Hi</p>",
                "mailing_model_id": self.env["ir.model"]._get_id("hr.applicant"),
                "talent_pool_ids": [Command.set(pool.ids)],
            }
        )
        with self.assertRaisesRegex(UserError, "Only Talent CRM users can duplicate a talent campaign"):
            campaign.with_user(self.marketer).copy()
        self.assertEqual(campaign.copy().talent_pool_ids, pool, "a Talent CRM user copies it with its audience")
