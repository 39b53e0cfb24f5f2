# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Talents imported in batches are indistinguishable from talents created one by one.

The same rows are created both ways, each in a savepoint rolled back afterwards (so both ways
start from the same database), and every stored field of the talents, their contacts, skill
lines, consents, touches, pool memberships, funnel log, followers, chatter messages,
notifications and tracking values is compared. Records created by the run are compared by
content (their ids differ), the others by id; times of the run only as set or not set.
"""

from odoo import Command
from odoo.tests import tagged
from odoo.tools import SQL

from .common import TalentCrmCommon

# records a run creates: compared by content
CREATED_MODELS = (
    "hr.applicant",
    "res.partner",
    "hr.applicant.skill",
    "talent.consent",
    "talent.touch",
    "talent.pool.membership",
    "talent.lead.state.log",
    "mail.message",
    "mail.followers",
    "mail.notification",
    "mail.tracking.value",
    "mail.mail",
)
# ids, times and random tokens; write_uid is whoever's environment flushed last (the superuser
# that posts a chatter message or the user), not a value of the record
SKIPPED_FIELDS = {"id", "create_date", "write_date", "write_uid", "message_id", "access_token", "signup_token"}


@tagged("post_install", "-at_install", "talent_crm")
class TestImportEquivalence(TalentCrmCommon):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.source_fair = cls.env["utm.source"].create({"name": "Equivalence fair (test)"})
        cls.import_pool = cls.env["hr.talent.pool"].create({"name": "Equivalence pool (test)"})
        cls.known = cls._create_talent("Known Person", email_from="known@example.com")
        cls.contact = cls.env["res.partner"].create({"name": "Contact Only", "email": "contact@example.com"})
        go = cls.skill_type.skill_ids.filtered(lambda s: s.name == "Go")
        cls.rows = []
        for index in range(6):
            vals = {
                "partner_name": "Equal Person %d" % index,
                "email_from": "equal%d@example.com" % index,
                "partner_phone": "+49 30 555%04d" % index,
                "talent_city": "Leipzig",
                "talent_current_title": "Engineer %d" % index,
                "talent_role_family_id": cls.role_backend.id,
                "applicant_skill_ids": [
                    Command.create({"skill_id": skill.id, "skill_type_id": cls.skill_type.id,
                                    "skill_level_id": cls.level_advanced.id})
                    for skill in (cls.skill_python, go)[: 1 + index % 2]
                ],
            }
            if index == 2:
                vals["linkedin_profile"] = "https://www.linkedin.com/in/equal-two"
            cls.rows.append(vals)
        # a known talent found again, a known contact, the same person twice in the file
        cls.rows.append({"partner_name": "Known P.", "email_from": "KNOWN@example.com", "talent_city": "Halle"})
        cls.rows.append({"partner_name": "Contact Only", "email_from": "contact@example.com"})
        cls.rows.append({"partner_name": "Equal P. 0", "email_from": "equal0@example.com", "talent_city": "Jena"})

    def _marks(self):
        marks = {}
        for model in CREATED_MODELS:
            self.env.cr.execute(SQL("SELECT COALESCE(MAX(id), 0) FROM %s", SQL.identifier(self.env[model]._table)))
            marks[model] = self.env.cr.fetchone()[0]
        return marks

    def _values(self, records, marks):
        """Every stored field of ``records``, sorted, with the run's records and times neutralised."""
        result = []
        for record in records:
            values = {}
            for fname, field in record._fields.items():
                if not field.store or fname in SKIPPED_FIELDS:
                    continue
                value = record[fname]
                if field.type in ("many2one", "many2many", "one2many"):
                    value = sorted(
                        ("new" if line._name in marks and line.id > marks[line._name] else line.id for line in value),
                        key=str,
                    )
                elif field.type == "many2one_reference":
                    model = record[field.model_field]
                    value = "new" if model in marks and value > marks[model] else value
                elif field.type == "properties":
                    value = str(record.read([fname])[0][fname])
                elif field.type == "datetime":
                    value = bool(value)
                values[fname] = value
            result.append(values)
        return sorted(result, key=repr)

    def _snapshot(self, marks):
        env = self.env
        talents = env["hr.applicant"].search(
            [("email_normalized", "like", "%@example.com"), ("talent_pool_ids", "in", self.import_pool.ids)]
        ).sorted("email_normalized")
        snapshot = []
        for talent in talents:
            partner = talent.partner_id
            messages = env["mail.message"].search(
                ["|", "&", ("model", "=", "hr.applicant"), ("res_id", "=", talent.id),
                 "&", ("model", "=", "res.partner"), ("res_id", "=", partner.id)]
            )
            snapshot.append(
                {
                    "talent": self._values(talent, marks),
                    "partner": self._values(partner, marks),
                    "skills": self._values(talent.applicant_skill_ids, marks),
                    "consents": self._values(env["talent.consent"].search([("partner_id", "=", partner.id)]), marks),
                    "touches": self._values(env["talent.touch"].search([("partner_id", "=", partner.id)]), marks),
                    "memberships": self._values(
                        env["talent.pool.membership"].search([("talent_id", "=", talent.id)]), marks
                    ),
                    "funnel": self._values(env["talent.lead.state.log"].search([("talent_id", "=", talent.id)]), marks),
                    "followers": self._values(
                        env["mail.followers"].search([("res_model", "=", "hr.applicant"), ("res_id", "=", talent.id)]),
                        marks,
                    ),
                    "messages": self._values(messages, marks),
                    "notifications": self._values(messages.notification_ids, marks),
                    "tracking": self._values(messages.tracking_value_ids, marks),
                }
            )
        return snapshot

    def _both_ways(self, one_by_one, batched):
        marks = self._marks()
        results = []
        for way in (one_by_one, batched):
            with self.env.cr.savepoint(flush=True) as savepoint:
                way()
                self.env.flush_all()
                self.env.invalidate_all()
                results.append(self._snapshot(marks))
                savepoint.rollback()
            self.env.invalidate_all()
        reference, batch = results
        self.assertEqual(len(reference), 8, "6 new talents, the known one, the contact's new talent")
        for expected, got in zip(reference, batch, strict=True):
            for key in expected:
                self.assertEqual(got[key], expected[key], "%s of %s" % (key, expected["talent"][0]["email_from"]))
        return reference

    def _import_context(self, user):
        return {
            "import_file": True,
            "talent_crm_capture": True,
            "default_talent_pool_ids": self.import_pool.ids,
            "default_source_id": self.source_fair.id,
            "talent_crm_import_owner_id": self.user_manager.id,
            "talent_crm_import_consent": {
                "purposes": ["talent_pool", "communication"],
                "legal_basis": "consent",
                "date_given": "2026-03-01 10:00:00",
                "consent_text": "I agree.",
                "text_version": "v1",
            },
            "mail_create_nolog": False,
        }

    def _rows(self):
        # fresh values for each way (create consumes its commands)
        rows = []
        for vals in self.rows:
            lines = [Command.create(dict(command[2])) for command in vals.get("applicant_skill_ids", ())]
            rows.append(dict(vals, applicant_skill_ids=lines))
        return rows

    def test_import_batch_equals_rows_one_by_one(self):
        """The background import's batch (``_load_records_create`` of all rows) against Odoo's
        import of one row at a time; the owner is another user than the importer and follows
        new talents (the subtype made a default one), so the creation messages notify."""
        self.env.ref("hr_recruitment.mt_talent_new").default = True
        Applicant = self.env["hr.applicant"].with_user(self.user_recruiter).with_context(
            **self._import_context(self.user_recruiter)
        )

        def one_by_one():
            for vals in self._rows():
                Applicant._load_records_create([vals])

        def batched():
            Applicant._load_records_create(self._rows())

        snapshot = self._both_ways(one_by_one, batched)
        by_email = {entry["talent"][0]["email_from"]: entry for entry in snapshot}
        notified = by_email["equal1@example.com"]["notifications"]
        self.assertEqual(len(notified), 2, "the owner was notified (new talent, assignment), both ways")
        self.assertEqual(len(by_email["equal1@example.com"]["consents"]), 2)
        self.assertEqual(len(by_email["equal1@example.com"]["skills"]), 2)

    def test_create_batch_equals_create_one_by_one(self):
        """``hr.applicant.create`` of a batch (contacts and creation messages set-wise) against
        one ``create`` per talent, in the default context."""
        Applicant = self.env["hr.applicant"].with_user(self.user_recruiter).with_context(mail_create_nolog=False)
        rows = [
            dict(vals, talent_pool_ids=[Command.set(self.import_pool.ids)], user_id=self.user_manager.id)
            for vals in self._rows()[:6]
        ]
        rows += [
            {"partner_name": "Contact Only", "email_from": "contact@example.com",
             "talent_pool_ids": [Command.set(self.import_pool.ids)]},
            {"partner_name": "Known Again", "email_from": "known@example.com",
             "talent_pool_ids": [Command.set(self.import_pool.ids)]},
        ]

        def one_by_one():
            for vals in rows:
                Applicant.create(dict(vals))

        def batched():
            Applicant.create([dict(vals) for vals in rows])

        snapshot = self._both_ways(one_by_one, batched)
        contact = next(entry for entry in snapshot if entry["talent"][0]["email_from"] == "contact@example.com")
        self.assertEqual(contact["talent"][0]["partner_id"], [self.contact.id], "the known contact, both ways")
