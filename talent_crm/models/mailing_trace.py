# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL


class MailingTrace(models.Model):
    """Talent CRM on mailing traces.

    Nurture reacts to what happens to its messages: engagement becomes inbound touches,
    a reply or a hard bounce ends the enrollment.

    Campaigns and job alerts on the talent's history: every message a talent campaign or job
    alert sends is an outbound touch that counts toward the person's frequency cap; opens,
    clicks, replies and bounces of any mailing (nurture steps excepted: they log their own)
    become inbound touches of the person.
    """

    _inherit = "mailing.trace"

    # engagement report: "was this the last message before the address was blacklisted?"
    _talent_email_sent_idx = models.Index("(email, sent_datetime)")

    failure_type = fields.Selection(
        selection_add=[("talent_capped", "Frequency Cap")], ondelete={"talent_capped": "set null"}
    )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        traces = super().create(vals_list)
        traces._talent_hold_capped()
        traces._talent_log_sent_touches()
        return traces

    def write(self, vals):
        watched = "trace_status" in vals or vals.get("links_click_datetime")
        before = {}
        if watched:
            before = {trace.id: (trace.trace_status, trace.links_click_datetime) for trace in self}
        result = super().write(vals)
        if watched:
            self._talent_nurture_on_update(before)
        return result

    # ------------------------------------------------------------
    # Nurture: engagement of nurture messages
    # ------------------------------------------------------------

    def _talent_nurture_on_update(self, before):
        executions = self.env["talent.sequence.execution"].sudo().search([("mailing_trace_id", "in", self.ids)])
        if not executions:
            self._talent_campaign_on_update(before)
            return
        per_trace = {execution.mailing_trace_id.id: execution for execution in executions}
        touch_values = []
        replied, bounced, undelivered = self.browse(), self.browse(), self.browse()
        now = fields.Datetime.now()
        for trace in self.filtered(lambda t: t.id in per_trace):
            old_status, old_click = before.get(trace.id, (False, False))
            execution = per_trace[trace.id]
            events = []
            if trace.trace_status == "reply" and old_status != "reply":
                events.append("reply")
                replied |= trace
            elif trace.trace_status == "open" and old_status not in ("open", "reply"):
                events.append("open")
            if trace.links_click_datetime and not old_click:
                events.append("click")
            if trace.trace_status == "bounce" and old_status != "bounce":
                bounced |= trace
            if trace.trace_status in ("error", "cancel") and old_status not in ("error", "cancel"):
                undelivered |= trace
            for event in events:
                touch_values.append(
                    {
                        "partner_id": execution.partner_id.id,
                        "talent_id": execution.talent_id.id,
                        "company_id": execution.company_id.id,
                        "date": now,
                        "direction": "inbound",
                        "channel": execution.channel,
                        "engagement": event,
                        "summary": self.env._(
                            "%(event)s: %(step)s",
                            event=self._talent_engagement_label(event),
                            step=execution.step_id.name,
                        ),
                        "origin": "sequence",
                        "res_model": "talent.sequence.enrollment",
                        "res_id": execution.enrollment_id.id,
                        "mailing_trace_id": trace.id,
                        "counts_toward_cap": False,
                    }
                )
        if touch_values:
            self.env["talent.touch"].sudo().create(touch_values)
        if undelivered:
            executions.filtered(lambda x: x.mailing_trace_id in undelivered)._talent_mark_undelivered()
        enrollments = executions.enrollment_id
        if replied:
            enrollments.filtered(
                lambda e: e in executions.filtered(lambda x: x.mailing_trace_id in replied).enrollment_id
            )._talent_stop("reply")
        if bounced:
            enrollments.filtered(
                lambda e: e in executions.filtered(lambda x: x.mailing_trace_id in bounced).enrollment_id
            )._talent_stop("bounce")
        self._talent_campaign_on_update(before)

    def _talent_engagement_label(self, event):
        return {
            "open": self.env._("Opened"),
            "click": self.env._("Clicked"),
            "reply": self.env._("Replied"),
        }[event]

    # ------------------------------------------------------------
    # Campaigns and job alerts on the talent's history
    # ------------------------------------------------------------

    def _talent_campaign_traces(self):
        """Traces of talent campaigns (job alerts and nurture steps excepted) being sent now."""
        return self.filtered(
            lambda t: t.model == "hr.applicant"
            and t.trace_status in ("outgoing", "process", "pending")
            and t.mass_mailing_id
            and t.mass_mailing_id._talent_is_campaign()
            and not t.mass_mailing_id.sudo().talent_job_id
        )

    def _talent_hold_capped(self):
        """Lock the people a campaign batch reaches and hold back those whose cap the
        audience did not see.

        As nurture does (``res.partner._talent_cap_lock``), the people are locked before their
        caps are read, in the same transaction that creates their messages and touches: a
        nurture step touching one of them at the same moment either waits for this batch
        (skipping the person, who is then capped) or has committed first, and then this lock
        fails with a serialization error and the batch is retried. Caps are read again here,
        for the mailing's company: the audience was computed when the sending started, and
        batches commit one after the other. Held-back messages are cancelled, never sent.
        """
        traces = self._talent_campaign_traces()
        if not traces:
            return
        talents = self.env["hr.applicant"].sudo().with_context(active_test=False).browse(traces.mapped("res_id"))
        partners = talents.exists().partner_id
        if not partners:
            return
        self.env.flush_all()
        # blocking lock, in id order (as nurture's): waits for a nurture batch holding one of them
        self.env.cr.execute(
            SQL("SELECT id FROM res_partner WHERE id = ANY(%s) ORDER BY id FOR NO KEY UPDATE", partners.ids)
        )
        now = fields.Datetime.now()
        held = self.browse()
        held_values = []
        for mailing, mailing_traces in traces.grouped("mass_mailing_id").items():
            company = mailing._talent_company()
            mailing_talents = talents.browse(mailing_traces.mapped("res_id")).exists()
            next_allowed = mailing_talents.partner_id._talent_cap_next_allowed(company=company, now=now)
            for trace in mailing_traces:
                talent = mailing_talents.browse(trace.res_id)
                moment = next_allowed.get(talent.partner_id.id) if talent in mailing_talents else None
                if moment and moment > now:
                    held |= trace
                    held_values.append(
                        {
                            "mailing_id": mailing.id,
                            "partner_id": talent.partner_id.id,
                            "talent_id": talent.id,
                            "next_allowed_date": moment,
                        }
                    )
        if held:
            held.sudo().write({"trace_status": "cancel", "failure_type": "talent_capped"})
            held.sudo().mail_mail_id.write({"state": "cancel"})
            self.env["talent.mailing.held"].sudo().create(held_values)

    def _talent_origin(self):
        return "job_alert" if self.mass_mailing_id.sudo().talent_job_id else "campaign"

    def _talent_log_sent_touches(self):
        # only messages being sent now: traces imported with a final status bring their own history
        # (held-back ones are cancelled by now)
        traces = self.filtered(
            lambda t: t.model == "hr.applicant"
            and t.trace_status in ("outgoing", "process", "pending")
            and t.mass_mailing_id
            and t.mass_mailing_id._talent_is_campaign()
        )
        if not traces:
            return
        talents = self.env["hr.applicant"].sudo().browse(traces.mapped("res_id")).exists()
        now = fields.Datetime.now()
        values = []
        for trace in traces:
            talent = talents.browse(trace.res_id)
            if talent not in talents or not talent.partner_id:
                continue
            mailing = trace.mass_mailing_id
            values.append(
                {
                    "partner_id": talent.partner_id.id,
                    "talent_id": talent.id,
                    "company_id": mailing._talent_company().id,
                    "date": now,
                    "direction": "outbound",
                    "channel": "sms" if trace.trace_type == "sms" else "email",
                    "summary": mailing.subject or mailing.name or mailing.display_name,
                    "origin": trace._talent_origin(),
                    "res_model": "mailing.mailing",
                    "res_id": mailing.id,
                    "mailing_trace_id": trace.id,
                    "counts_toward_cap": True,
                    "user_id": mailing.user_id.id,
                }
            )
        self.env["talent.touch"].sudo().create(values)

    def _talent_campaign_on_update(self, before):
        """Opens, clicks, replies and bounces of every other mailing reach the talent."""
        traces = self.filtered(lambda t: t.mass_mailing_id and not t.mass_mailing_id.sudo().talent_sequence_step_id)
        events = []
        for trace in traces:
            old_status, old_click = before.get(trace.id, (False, False))
            if trace.trace_status == "reply" and old_status != "reply":
                events.append((trace, "reply"))
            elif trace.trace_status == "open" and old_status not in ("open", "reply"):
                events.append((trace, "open"))
            elif trace.trace_status == "bounce" and old_status != "bounce":
                events.append((trace, "bounce"))
            if trace.links_click_datetime and not old_click:
                events.append((trace, "click"))
        if not events:
            return
        talent_per_trace = traces._talent_find_talents()
        labels = {
            "open": self.env._("Opened"),
            "click": self.env._("Clicked"),
            "reply": self.env._("Replied"),
            "bounce": self.env._("Bounced"),
        }
        now = fields.Datetime.now()
        values, replies = [], []
        for trace, event in events:
            talent = talent_per_trace.get(trace.id)
            if not talent:
                continue
            mailing = trace.mass_mailing_id
            values.append(
                {
                    "partner_id": talent.partner_id.id,
                    "talent_id": talent.id,
                    "company_id": (talent.company_id or self.env.company).id,
                    "date": now,
                    "direction": "inbound",
                    "channel": "sms" if trace.trace_type == "sms" else "email",
                    "engagement": event,
                    "summary": self.env._(
                        "%(event)s: %(mailing)s", event=labels[event], mailing=mailing.subject or mailing.name
                    ),
                    "origin": trace._talent_origin(),
                    "res_model": "mailing.mailing",
                    "res_id": mailing.id,
                    "mailing_trace_id": trace.id,
                    "counts_toward_cap": False,
                    "user_id": False,
                }
            )
            is_own_document = trace.model == "hr.applicant" and trace.res_id == talent.id
            if event == "reply" and not is_own_document:
                replies.append((talent, mailing))
        self.env["talent.touch"].sudo().create(values)
        for talent, mailing in replies:
            # the reply itself lands on the mailed document; the talent's chatter says where
            talent.sudo()._message_log(
                body=Markup("<p>%s</p>")
                % self.env._("Replied to the mailing %(mailing)s.", mailing=mailing.subject or mailing.name)
            )

    def _talent_find_talents(self):
        """``{trace_id: talent}``: the talent of the person each trace reached, in a few queries.

        A trace on a talent is that talent; on an application, the application's talent; on a
        contact or any other document, the talent of the same email address.
        """
        Talent = self.env["hr.applicant"].sudo().with_context(active_test=False)
        applicant_ids = [t.res_id for t in self if t.model == "hr.applicant"]
        applicants = Talent.browse(applicant_ids).exists()
        partner_ids = [t.res_id for t in self if t.model == "res.partner"]
        emails = [t.email for t in self if t.model not in ("hr.applicant", "res.partner") and t.email]
        domain = Talent._talent_domain() & (
            Domain("partner_id", "in", partner_ids + applicants.partner_id.ids)
            | Domain("email_normalized", "in", emails)
        )
        talents = Talent.search(domain, order="active desc, id")
        per_partner, per_email = {}, {}
        for talent in talents:
            per_partner.setdefault(talent.partner_id.id, talent)
            per_email.setdefault(talent.email_normalized, talent)
        result = {}
        for trace in self:
            talent = False
            if trace.model == "hr.applicant":
                applicant = applicants.browse(trace.res_id)
                if applicant in applicants:
                    talent = (
                        applicant
                        if applicant.talent_pool_ids
                        else applicant.pool_applicant_id or per_partner.get(applicant.partner_id.id)
                    )
            elif trace.model == "res.partner":
                talent = per_partner.get(trace.res_id)
            else:
                talent = per_email.get(trace.email)
            if talent and talent.partner_id:
                result[trace.id] = talent
        return result
