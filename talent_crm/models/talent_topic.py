# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class TalentTopic(models.Model):
    """Something people choose to hear about: job alerts for a role family, company news, events."""

    _name = "talent.topic"
    _description = "Talent Topic"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        [("job_alert", "Job alerts"), ("news", "Company news"), ("event", "Events"), ("other", "Other")],
        required=True,
        default="other",
    )
    description = fields.Text(translate=True, help="Shown to people on the sign-up page and in the preference centre.")
    role_family_id = fields.Many2one(
        "talent.role.family",
        help="For job alerts: only roles of this family. Leave empty for all roles.",
    )
    company_id = fields.Many2one("res.company", help="Leave empty to offer this topic in all companies.")
    public = fields.Boolean(
        default=True, help="Offered on the public sign-up page and in the preference centre."
    )
    subscriber_ids = fields.Many2many(
        "res.partner",
        "res_partner_talent_topic_rel",
        "topic_id",
        "partner_id",
        string="Subscribers",
    )
    subscriber_count = fields.Integer(compute="_compute_subscriber_count")

    @api.depends("subscriber_ids")
    def _compute_subscriber_count(self):
        groups = self.env["res.partner"]._read_group(
            [("talent_topic_ids", "in", self.ids)], ["talent_topic_ids"], ["__count"]
        )
        counts = {topic.id: count for topic, count in groups}
        for topic in self:
            topic.subscriber_count = counts.get(topic.id, 0)
