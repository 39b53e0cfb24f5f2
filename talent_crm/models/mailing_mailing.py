# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MailingMailing(models.Model):
    """Mailings that serve as tracking containers of nurture steps."""

    _inherit = "mailing.mailing"

    talent_sequence_step_id = fields.Many2one(
        "talent.sequence.step",
        string="Nurture Step",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        help="Set on the hidden mailing of a nurture step: its traces are the step's messages.",
        groups="talent_crm.group_talent_crm_user",
    )

    def _get_seen_list(self):
        # A nurture step mails each enrollment once, which the step executions guarantee;
        # scanning every trace of the step at each batch would grow with the audience.
        # (sudo: a Talent CRM field, read for any Email Marketing user sending a mailing)
        if self.sudo().talent_sequence_step_id:
            return set()
        return super()._get_seen_list()

    def _get_seen_list_sms(self):
        if self.sudo().talent_sequence_step_id:
            return [], []
        return super()._get_seen_list_sms()

    def _talent_traces_per_record(self, res_ids):
        """Newest trace of this mailing for each document of ``res_ids``: ``{res_id: trace}``."""
        self.ensure_one()
        traces = (
            self.env["mailing.trace"]
            .sudo()
            .search([("mass_mailing_id", "=", self.id), ("res_id", "in", list(res_ids))], order="id")
        )
        return {trace.res_id: trace for trace in traces}
