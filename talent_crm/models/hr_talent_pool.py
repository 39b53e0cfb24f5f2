# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain


class HrTalentPool(models.Model):
    """Odoo's own talent pools, with the segment and live figures a recruiting CRM needs."""

    _name = "hr.talent.pool"
    _inherit = ["hr.talent.pool", "mail.activity.mixin"]

    segment_role_family_ids = fields.Many2many(
        "talent.role.family", string="Role Families", help="Which roles this pool is meant for."
    )
    segment_country_ids = fields.Many2many("res.country", string="Locations")
    segment_seniority_ids = fields.Many2many("talent.seniority", string="Seniority Levels")
    segment_note = fields.Char(string="Segment", help="One line describing who belongs in this pool.")
    is_default_pool = fields.Boolean(
        compute="_compute_is_default_pool", help="Leads captured without a pool land in this pool."
    )
    talent_reachable_count = fields.Integer(
        string="Reachable",
        compute="_compute_talent_crm_counts",
        help="Members with an email address who are neither blacklisted nor marked do-not-contact.",
    )
    talent_open_count = fields.Integer(
        string="Open to Offers", compute="_compute_talent_crm_counts"
    )

    @api.depends("company_id.talent_default_pool_id")
    def _compute_is_default_pool(self):
        default_pools = self.env["res.company"].sudo().search([]).talent_default_pool_id
        for pool in self:
            pool.is_default_pool = pool in default_pools

    def _compute_talent_crm_counts(self):
        applicant = self.env["hr.applicant"]
        members = Domain("talent_pool_ids", "in", self.ids)
        reachable = (
            members
            & Domain("email_normalized", "!=", False)
            & Domain("partner_id.talent_do_not_contact", "=", False)
            & Domain("partner_id.is_blacklisted", "=", False)
        )
        open_to_offers = members & Domain("talent_availability", "=", "open")
        counts = {}
        for key, domain in (("reachable", reachable), ("open", open_to_offers)):
            groups = applicant._read_group(domain, ["talent_pool_ids"], ["__count"])
            counts[key] = {pool.id: count for pool, count in groups}
        for pool in self:
            pool.talent_reachable_count = counts["reachable"].get(pool.id, 0)
            pool.talent_open_count = counts["open"].get(pool.id, 0)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_default_pool(self):
        if any(pool.is_default_pool for pool in self):
            raise UserError(
                self.env._("This is a company's default pool for new leads: choose another default pool first.")
            )

    def action_talent_crm_open_talents(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("talent_crm.hr_applicant_action_talent")
        action["display_name"] = self.name
        action["domain"] = [("talent_pool_ids", "in", self.ids)]
        action["context"] = {
            "default_talent_pool_ids": self.ids,
            "talent_crm_capture": True,
        }
        return action

    # ------------------------------------------------------------
    # Data hygiene: what a pool owner reviews every quarter
    # ------------------------------------------------------------

    talent_duplicate_count = fields.Integer(
        string="Possible Duplicates", compute="_compute_talent_hygiene_counts",
        help="Members with a possible duplicate to review.",
    )
    talent_bounced_count = fields.Integer(
        string="Bounced", compute="_compute_talent_hygiene_counts",
        help="Members whose email address bounced permanently.",
    )
    talent_stale_count = fields.Integer(
        string="Stale", compute="_compute_talent_hygiene_counts",
        help="Members neither updated nor engaged for a long time.",
    )

    @api.model
    def _talent_hygiene_domains(self):
        return {
            "duplicates": Domain("talent_has_duplicate", "=", True),
            "bounced": Domain("talent_email_bounced", "=", True),
            "stale": Domain("talent_is_stale", "=", True),
        }

    def _talent_hygiene_counts(self):
        """``{pool_id: {"duplicates": n, "bounced": n, "stale": n}}`` with one query per measure."""
        counts = {pool_id: dict.fromkeys(self._talent_hygiene_domains(), 0) for pool_id in self.ids}
        applicant = self.env["hr.applicant"].sudo()
        members = Domain("talent_pool_ids", "in", self.ids)
        for key, domain in self._talent_hygiene_domains().items():
            for pool, count in applicant._read_group(members & domain, ["talent_pool_ids"], ["__count"]):
                if pool.id in counts:
                    counts[pool.id][key] = count
        return counts

    def _compute_talent_hygiene_counts(self):
        counts = self._talent_hygiene_counts()
        for pool in self:
            pool_counts = counts.get(pool.id) or {}
            pool.talent_duplicate_count = pool_counts.get("duplicates", 0)
            pool.talent_bounced_count = pool_counts.get("bounced", 0)
            pool.talent_stale_count = pool_counts.get("stale", 0)

    def action_talent_open_hygiene(self):
        """Members of this pool that need attention (context key ``talent_hygiene``)."""
        self.ensure_one()
        key = self.env.context.get("talent_hygiene", "stale")
        action = self.action_talent_crm_open_talents()
        action["domain"] = list(Domain("talent_pool_ids", "in", self.ids) & self._talent_hygiene_domains()[key])
        return action

    @api.model
    def _cron_talent_hygiene_review(self):
        """Quarterly: one "data hygiene" activity per pool owner listing what needs attention.

        Idempotent: an owner's open hygiene activity is updated rather than duplicated, and
        removed when nothing needs attention any more.
        """
        activity_type = self.env.ref("talent_crm.mail_activity_type_talent_hygiene")
        pools = self.sudo().search([("pool_manager", "!=", False)], order="name, id")
        counts = pools._talent_hygiene_counts()
        per_owner = {}
        for pool in pools:
            if any(counts[pool.id].values()):
                per_owner.setdefault(pool.pool_manager, []).append(pool)
        Activity = self.env["mail.activity"].sudo()
        existing = Activity.search(
            [("activity_type_id", "=", activity_type.id), ("res_model", "=", self._name)]
        )
        existing_per_owner = {}
        for activity in existing:
            existing_per_owner.setdefault(activity.user_id, activity)
        (existing - Activity.browse([a.id for a in existing_per_owner.values()])).unlink()
        stale_activities = Activity.browse(
            [activity.id for owner, activity in existing_per_owner.items() if owner not in per_owner]
        )
        stale_activities.unlink()
        deadline = fields.Date.context_today(self) + timedelta(days=14)
        model_id = self.env["ir.model"]._get_id(self._name)
        to_create = []
        for owner, owner_pools in per_owner.items():
            values = {
                "res_id": owner_pools[0].id,
                "summary": self.env._("Quarterly data hygiene review"),
                "note": self.with_context(lang=owner.lang)._talent_hygiene_note(owner_pools, counts),
                "date_deadline": deadline,
            }
            if owner in existing_per_owner:
                existing_per_owner[owner].write(values)
            else:
                values.update({"activity_type_id": activity_type.id, "res_model_id": model_id, "user_id": owner.id})
                to_create.append(values)
        Activity.create(to_create)
        return len(per_owner)

    @api.model
    def _talent_hygiene_note(self, pools, counts):
        rows = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
            % (pool.name, counts[pool.id]["duplicates"], counts[pool.id]["bounced"], counts[pool.id]["stale"])
            for pool in pools
        )
        return Markup(
            "<p>%s</p><table class='table table-sm'><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>"
            "</thead><tbody>%s</tbody></table><p>%s</p>"
        ) % (
            self.env._("Keep your pools clean: merge duplicates, fix bounced addresses, refresh stale profiles."),
            self.env._("Pool"),
            self.env._("Possible duplicates"),
            self.env._("Bounced"),
            self.env._("Stale"),
            rows,
            self.env._("Open each pool to see the talents concerned."),
        )


class HrTalentPoolNurture(models.Model):
    """A pool can enroll its new members into a nurture sequence automatically."""

    _inherit = "hr.talent.pool"

    talent_sequence_id = fields.Many2one(
        "talent.sequence",
        string="Nurture Sequence",
        domain="[('company_id', 'in', [company_id, False])]",
        ondelete="set null",
        help="People who join this pool are enrolled in this sequence automatically.",
    )

    def write(self, vals):
        previous = {}
        if "talent_ids" in vals:
            previous = {pool.id: pool.talent_ids for pool in self}
        result = super().write(vals)
        if "talent_ids" in vals:
            for pool in self.filtered("talent_sequence_id"):
                added = pool.talent_ids - previous.get(pool.id, self.env["hr.applicant"])
                if added:
                    added._talent_pool_auto_enroll(
                        {talent.id: talent.talent_pool_ids - pool for talent in added}
                    )
        return result

    def action_talent_enroll_members(self):
        """Enroll the current members in the pool's sequence (new members are enrolled automatically)."""
        self.ensure_one()
        if not self.talent_sequence_id:
            raise UserError(self.env._("Choose the nurture sequence of this pool first."))
        enrollments = self.talent_ids._talent_enroll(self.talent_sequence_id, origin="pool", pool=self)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(count)s members are enrolled in %(sequence)s.",
                    count=len(enrollments),
                    sequence=self.talent_sequence_id.name,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
