# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import UserError


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

    def copy_data(self, default=None):
        """Someone without Talent CRM rights duplicates mailings as in Odoo: talent_crm's fields,
        which they may not read, stay out of the copy. A talent campaign or a nurture step's
        mailing is talent_crm's: they may not duplicate it (its copy would lose its audience rules)."""
        hidden = [
            name
            for name, field in self._fields.items()
            if name.startswith("talent_") and field.copy and not self._has_field_access(field, "read")
        ]
        if not hidden:
            return super().copy_data(default=default)
        if any(mailing._talent_is_campaign() or mailing.sudo().talent_sequence_step_id for mailing in self):
            raise UserError(self.env._("Only Talent CRM users can duplicate a talent campaign."))
        default = dict(default or {})
        skipped = [name for name in hidden if name not in default]
        vals_list = super().copy_data(default=dict(default, **dict.fromkeys(skipped, False)))
        for vals in vals_list:
            for name in skipped:
                vals.pop(name, None)
        return vals_list

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
