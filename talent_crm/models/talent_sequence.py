# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class TalentSequence(models.Model):
    """A nurture sequence: ordered, paced touches that keep a pool warm.

    Steps send emails and SMS through Odoo's mailing engine (with tracking) or give the
    talent's owner a task (a LinkedIn touch, a call). People are enrolled one by one, in
    bulk, or automatically when they join a pool; the scheduler
    (``talent.sequence.enrollment._cron_process_due_steps``) does the rest.
    """

    _name = "talent.sequence"
    _description = "Nurture Sequence"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    description = fields.Text(translate=True, help="What the sequence is for and who it suits.")
    company_id = fields.Many2one(
        "res.company",
        index="btree_not_null",
        default=lambda self: self.env.company,
        help="Leave empty to share the sequence between all companies.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        help="Gets the recruiter tasks of talents who have no owner.",
    )
    owner_id = fields.Many2one(
        "res.users",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="Who last changed the sequence or its steps: its emails and SMS are rendered with this user's "
        "access rights.",
    )
    repeat_last_step = fields.Boolean(
        string="Repeat the Last Step",
        help="After the last step, run it again and again with its delay (e.g. a quarterly keep-warm email) "
        "until the enrollment is stopped.",
    )
    step_ids = fields.One2many("talent.sequence.step", "sequence_id", string="Steps", copy=True)
    step_count = fields.Integer(compute="_compute_step_count")
    enrollment_ids = fields.One2many("talent.sequence.enrollment", "sequence_id", string="Enrollments")
    enrollment_count = fields.Integer(compute="_compute_enrollment_stats", string="Enrolled")
    running_count = fields.Integer(compute="_compute_enrollment_stats", string="Running")
    completed_count = fields.Integer(compute="_compute_enrollment_stats", string="Completed")
    stopped_count = fields.Integer(compute="_compute_enrollment_stats", string="Stopped")
    pool_ids = fields.One2many(
        "hr.talent.pool",
        "talent_sequence_id",
        string="Auto-enrolling Pools",
        help="Pools whose new members are enrolled in this sequence automatically.",
    )

    @api.depends("step_ids")
    def _compute_step_count(self):
        for sequence in self:
            sequence.step_count = len(sequence.step_ids)

    def _compute_enrollment_stats(self):
        groups = self.env["talent.sequence.enrollment"]._read_group(
            [("sequence_id", "in", self.ids)], ["sequence_id", "state"], ["__count"]
        )
        counts = {}
        for sequence, state, count in groups:
            counts.setdefault(sequence.id, {})[state] = count
        for sequence in self:
            per_state = counts.get(sequence.id, {})
            sequence.enrollment_count = sum(per_state.values())
            sequence.running_count = per_state.get("running", 0)
            sequence.completed_count = per_state.get("completed", 0)
            sequence.stopped_count = per_state.get("stopped", 0)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            vals_list = [dict(vals, owner_id=self.env.uid) for vals in vals_list]
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and set(vals) - {"owner_id"}:
            vals = dict(vals, owner_id=self.env.uid)
        result = super().write(vals)
        if vals.get("active"):
            # an archived sequence may hold steps still being written: they must have a text now
            self.step_ids._talent_check_body()
        return result

    def _talent_render_user(self):
        """The user whose rights render the sequence's messages: its owner (who last changed it),
        else its creator. Only sequences nobody changed since installation render as the
        superuser, like Odoo's own templates."""
        self.ensure_one()
        return (self.owner_id or self.create_uid).sudo()

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        if "name" not in (default or {}):
            for sequence, vals in zip(self, vals_list, strict=True):
                vals["name"] = self.env._("%(name)s (copy)", name=sequence.name)
        return vals_list

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_enrollments(self):
        if self.env["talent.sequence.enrollment"].search_count([("sequence_id", "in", self.ids)], limit=1):
            raise UserError(
                self.env._("People are enrolled in this sequence: archive it instead, to keep its history.")
            )

    def action_open_enrollments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("talent_crm.talent_sequence_enrollment_action")
        action["display_name"] = self.name
        action["domain"] = [("sequence_id", "=", self.id)]
        action["context"] = {"default_sequence_id": self.id, "search_default_filter_running": 1}
        return action

    def action_open_enroll_wizard(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("talent_crm.talent_sequence_enroll_action")
        action["context"] = {"default_sequence_id": self.id}
        return action

    def action_open_enroll_pool_wizard(self):
        """Enroll the members of one or more pools (each contactable person once)."""
        action = self.action_open_enroll_wizard()
        action["name"] = self.env._("Enroll a Pool")
        action["context"] = dict(action["context"], talent_enroll_pools=True)
        return action

    def _talent_check_enrollable(self):
        """Raise a clear error when ``self`` cannot take new enrollments."""
        for sequence in self:
            if not sequence.active:
                raise UserError(self.env._("The sequence %(name)s is archived.", name=sequence.name))
            if not sequence.step_ids:
                raise UserError(self.env._("The sequence %(name)s has no step yet.", name=sequence.name))
