# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..models.talent_sequence_enrollment import BLOCKERS_STOPPING
from ..models.talent_sequence_step import MESSAGE_CHANNELS


class TalentSequenceEnroll(models.TransientModel):
    """Enroll talents, the members of pools, or both, in a nurture sequence.

    Each person is enrolled once: people already in the sequence (through any of their
    talents), people who cannot be contacted on any channel of the sequence (do not contact,
    blacklisted, no consent, ...), and talents of another company than the sequence's are
    skipped, and the wizard tells how many and why before and after enrolling. Frequency caps
    and send windows are applied when each step is due, as for every enrollment.
    """

    _name = "talent.sequence.enroll"
    _description = "Enroll Talents in a Sequence"

    sequence_id = fields.Many2one(
        "talent.sequence",
        required=True,
        domain="[('company_id', 'in', [False] + allowed_company_ids)]",
    )
    pool_ids = fields.Many2many(
        "hr.talent.pool",
        string="Pools",
        help="Enroll every member of these pools who can be contacted.",
    )
    talent_ids = fields.Many2many(
        "hr.applicant",
        string="Talents",
        domain="[('talent_pool_ids', '!=', False)]",
        help="Enroll these talents (in addition to the members of the pools).",
    )
    talent_count = fields.Integer(compute="_compute_preview", string="To Enroll")
    already_count = fields.Integer(compute="_compute_preview", string="Already Enrolled")
    skipped_count = fields.Integer(compute="_compute_preview", string="Skipped")
    preview = fields.Text(compute="_compute_preview", string="Summary")

    @api.model
    def default_get(self, fields):
        values = super().default_get(fields)
        context = self.env.context
        if "talent_ids" in fields and not values.get("talent_ids") and context.get("active_model") == "hr.applicant":
            talents = self.env["hr.applicant"].browse(context.get("active_ids") or [])
            values["talent_ids"] = [Command.set(talents.filtered("talent_pool_ids").ids)]
        if "pool_ids" in fields and not values.get("pool_ids") and context.get("active_model") == "hr.talent.pool":
            values["pool_ids"] = [Command.set(context.get("active_ids") or [])]
        return values

    @api.depends("sequence_id", "talent_ids", "pool_ids")
    def _compute_preview(self):
        for wizard in self:
            plan = wizard._talent_plan()
            wizard.talent_count = len(plan["enroll"])
            wizard.already_count = plan["skipped"].get("already", 0)
            wizard.skipped_count = sum(plan["skipped"].values())
            wizard.preview = wizard._talent_summary(plan, done=False) if wizard.sequence_id else False

    def _talent_candidates(self):
        """``[(talent, pool)]``: the chosen talents, then the members of the chosen pools (each
        talent once, with the first pool it was found in)."""
        self.ensure_one()
        seen, candidates = set(), []
        for talent in self.talent_ids.sorted("id"):
            if talent.talent_pool_ids and talent.id not in seen:
                seen.add(talent.id)
                candidates.append((talent, self.env["hr.talent.pool"]))
        members = self.pool_ids.talent_ids.sorted("id")
        for pool in self.pool_ids:
            for talent in members.filtered(lambda t, pool=pool: pool in t.talent_pool_ids):
                if talent.id not in seen:
                    seen.add(talent.id)
                    candidates.append((talent, pool))
        return candidates

    def _talent_plan(self):
        """Who is enrolled and who is skipped: ``{"enroll": [(talent, pool)], "skipped":
        {reason: count}, "blockers": {reason code: count}}``. One person is enrolled once."""
        self.ensure_one()
        plan = {"enroll": [], "skipped": {}, "blockers": {}}
        sequence = self.sequence_id
        candidates = self._talent_candidates()
        if not sequence or not candidates:
            return plan

        def skip(reason, count=1):
            plan["skipped"][reason] = plan["skipped"].get(reason, 0) + count

        if sequence.company_id:
            kept = []
            for talent, pool in candidates:
                if talent.company_id and talent.company_id != sequence.company_id:
                    skip("company")
                else:
                    kept.append((talent, pool))
            candidates = kept
        talents = self.env["hr.applicant"].concat(*[talent for talent, _pool in candidates])
        enrolled_partners = set(
            self.env["talent.sequence.enrollment"]
            .sudo()
            .search([("sequence_id", "=", sequence.id), ("partner_id", "in", talents.partner_id.ids)])
            .partner_id.ids
        )
        # the person cannot be reached on any channel the sequence uses
        channels = set(sequence.step_ids.mapped("channel"))
        channels = {channel if channel in MESSAGE_CHANNELS else "call" for channel in channels} or {"call"}
        company = sequence.company_id or self.env.company
        blockers = {
            channel: talents.partner_id._talent_contact_blockers(channel, company) for channel in sorted(channels)
        }
        persons = set()
        for talent, pool in candidates:
            partner_id = talent.partner_id.id
            if partner_id in enrolled_partners:
                skip("already")
                continue
            if partner_id in persons:
                skip("duplicate")
                continue
            persons.add(partner_id)
            reasons = [blockers[channel].get(partner_id) or [] for channel in blockers]
            # a reason that would end the enrollment on any step, or nothing left to reach them by
            stopping = [reason for found in reasons for reason in found if reason in BLOCKERS_STOPPING]
            if stopping or all(reasons):
                skip("blocked")
                reason = stopping[0] if stopping else reasons[0][0]
                plan["blockers"][reason] = plan["blockers"].get(reason, 0) + 1
                continue
            plan["enroll"].append((talent, pool))
        return plan

    def _talent_summary(self, plan, done=True):
        """The counts of ``plan`` in words."""
        if done:
            text = self.env._(
                "%(count)s people enrolled in %(sequence)s.", count=len(plan["enroll"]), sequence=self.sequence_id.name
            )
        else:
            text = self.env._("%(count)s people will be enrolled.", count=len(plan["enroll"]))
        labels = {
            "already": self.env._("already enrolled"),
            "duplicate": self.env._("another profile of the same person"),
            "company": self.env._("talent of another company than the sequence's"),
        }
        blocker_labels = self.env["res.partner"]._talent_blocker_labels()
        lines = [text]
        for reason in ("already", "duplicate", "company"):
            if plan["skipped"].get(reason):
                lines.append(
                    self.env._("%(count)s skipped: %(reason)s", count=plan["skipped"][reason], reason=labels[reason])
                )
        for reason, count in plan["blockers"].items():
            lines.append(
                self.env._(
                    "%(count)s skipped, cannot be contacted: %(reason)s",
                    count=count,
                    reason=blocker_labels.get(reason, reason),
                )
            )
        return "\n".join(lines)

    def action_enroll(self):
        self.ensure_one()
        if not self.talent_ids and not self.pool_ids:
            raise UserError(self.env._("Select the pools or the talents to enroll."))
        self.sequence_id._talent_check_enrollable()
        plan = self._talent_plan()
        enrollments = self.env["talent.sequence.enrollment"]
        by_pool = {}
        for talent, pool in plan["enroll"]:
            by_pool.setdefault(pool, self.env["hr.applicant"])
            by_pool[pool] |= talent
        for pool, talents in by_pool.items():
            enrollments |= talents._talent_enroll(self.sequence_id, origin="manual", pool=pool or None)
        message = self._talent_summary(plan, done=True)
        self.env["talent.audit.log"]._talent_log(
            "bulk_action", enrollments.talent_id, summary=message, company=self.sequence_id.company_id or None
        )
        self.env.user._bus_send(
            "simple_notification",
            {"type": "success" if enrollments else "warning", "message": message, "sticky": False},
        )
        action = self.env["ir.actions.act_window"]._for_xml_id("talent_crm.talent_sequence_enrollment_action")
        action["display_name"] = self.sequence_id.name
        action["domain"] = [("id", "in", enrollments.ids)]
        action["context"] = {"create": False}
        return action
