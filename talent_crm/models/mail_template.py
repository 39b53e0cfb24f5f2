# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.tools import SQL

# Expressions that rendered a personal link into the body (and so into the chatter copy),
# and the placeholder that replaces each of them (made per recipient when the email leaves).
TALENT_LINK_EXPRESSIONS = [
    ('t-att-href="object._talent_preference_url()"', 'href="/talent/my-preferences"'),
    ('t-att-href="object.talent_preference_url"', 'href="/talent/my-preferences"'),
    ('t-att-href="object.talent_job_apply_url"', 't-attf-href="/talent/my-job/{{ object.talent_alert_job_id.id }}"'),
]


class MailTemplate(models.Model):
    _inherit = "mail.template"

    @api.constrains("body_html")
    def _check_talent_sequence_body(self):
        """A template sent by a running nurture sequence cannot lose its text."""
        steps = (
            self.env["talent.sequence.step"]
            .sudo()
            .search([("mail_template_id", "in", self.ids), ("sequence_id.active", "=", True)])
        )
        steps._talent_check_body()

    @api.model
    def _talent_use_link_placeholders(self):
        """Switch the templates of existing databases (``noupdate`` records, and templates
        copied from them) from rendered personal links to their placeholders, in every
        language. Idempotent: run on each update of the module. (The sign-up confirmation is a
        template of ``talent.signup``: its link confirms an address, it names no person.)"""
        value = SQL("value")
        for old, new in TALENT_LINK_EXPRESSIONS:
            value = SQL("replace(%s, %s, %s)", value, old, new)
        self.env.flush_all()
        self.env.execute_query(
            SQL(
                """
                UPDATE mail_template t
                   SET body_html = (SELECT jsonb_object_agg(key, %(value)s) FROM jsonb_each_text(t.body_html))
                 WHERE EXISTS (SELECT 1 FROM jsonb_each_text(t.body_html) WHERE %(conditions)s)
                """,
                value=value,
                conditions=SQL(" OR ").join(
                    SQL("strpos(value, %s) > 0", old)
                    for old, _new in TALENT_LINK_EXPRESSIONS
                ),
            )
        )
        self.env["mail.template"].invalidate_model(["body_html"])
