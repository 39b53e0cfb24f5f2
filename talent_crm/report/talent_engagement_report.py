# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL, LazyTranslate

# Labels of empty groups ("No source"): translated lazily, in this module (pylint-odoo's
# translation-field does not know falsy_value_label, which Odoo does not translate by itself)
_lt = LazyTranslate(__name__)


class TalentEngagementReport(models.Model):
    """Engagement KPIs: one row per email or SMS that left for a talent.

    Rows come from ``mailing.trace`` (nurture steps, pool mailings, campaigns): the message
    is a talent's when it was sent to a talent or one of its applications, or when a
    ``talent.touch`` or a ``talent.sequence.execution`` links it to a talent. Messages that
    were never sent (cancelled, in the queue, failed before sending) and test sends are left
    out. Each flag exists twice: as a count (sum) and as a rate (average of 0/100 per message).

    A message counts as *unsubscribed* when its address was blacklisted after it was sent
    and before the next message to that address: the unsubscribe link of the last message
    received is what people click.
    """

    _name = "talent.engagement.report"
    _inherit = ["talent.report.mixin"]
    _description = "Talent Engagement Analysis"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "talent_id"

    date = fields.Datetime(string="Sent On", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    talent_id = fields.Many2one("hr.applicant", readonly=True)
    mailing_trace_id = fields.Many2one("mailing.trace", string="Trace", readonly=True)
    channel = fields.Selection([("mail", "Email"), ("sms", "SMS")], readonly=True)
    origin = fields.Selection(
        [("sequence", "Nurture sequence"), ("mailing", "Mailing")],
        readonly=True,
        help="Nurture sequence: sent by a step of a sequence; Mailing: a pool mailing or campaign.",
    )
    sequence_id = fields.Many2one("talent.sequence", string="Nurture Sequence", readonly=True)
    step_id = fields.Many2one("talent.sequence.step", readonly=True)
    mailing_id = fields.Many2one("mailing.mailing", readonly=True)
    campaign_id = fields.Many2one("utm.campaign", readonly=True)
    source_id = fields.Many2one(
        "utm.source", string="Talent Source",
        readonly=True,
        falsy_value_label=_lt("No source"),  # pylint: disable=translation-field
    )
    trace_status = fields.Selection(
        [("sent", "Delivered"), ("open", "Opened"), ("reply", "Replied"), ("bounce", "Bounced"), ("other", "Other")],
        string="Status",
        readonly=True,
    )
    sent_count = fields.Integer(string="Sent", readonly=True)
    opened_count = fields.Integer(string="Opened", readonly=True)
    clicked_count = fields.Integer(string="Clicked", readonly=True)
    replied_count = fields.Integer(string="Replied", readonly=True)
    bounced_count = fields.Integer(string="Bounced", readonly=True)
    unsubscribed_count = fields.Integer(string="Unsubscribed", readonly=True)
    opened_rate = fields.Float(string="Open Rate (%)", aggregator="avg", readonly=True, help="Opened / sent.")
    clicked_rate = fields.Float(string="Click Rate (%)", aggregator="avg", readonly=True, help="Clicked / sent.")
    replied_rate = fields.Float(string="Reply Rate (%)", aggregator="avg", readonly=True, help="Replied / sent.")
    bounced_rate = fields.Float(string="Bounce Rate (%)", aggregator="avg", readonly=True, help="Bounced / sent.")
    unsubscribed_rate = fields.Float(
        string="Unsubscribe Rate (%)", aggregator="avg", readonly=True, help="Unsubscribed / sent."
    )

    def _query(self):
        return SQL(
            """
            WITH message AS (
                SELECT trace.id AS mailing_trace_id,
                       COALESCE(trace.sent_datetime, trace.create_date) AS date,
                       trace.trace_type AS channel,
                       trace.trace_status,
                       trace.email,
                       trace.mass_mailing_id AS mailing_id,
                       trace.campaign_id,
                       trace.open_datetime,
                       trace.links_click_datetime,
                       trace.reply_datetime,
                       execution.sequence_id,
                       execution.step_id,
                       COALESCE(execution.talent_id, applicant.pool_applicant_id, touch.talent_id)
                           AS talent_id,
                       COALESCE(execution.company_id, applicant.company_id, touch.company_id) AS company_id
                  FROM mailing_trace trace
             LEFT JOIN talent_sequence_execution execution ON execution.mailing_trace_id = trace.id
             LEFT JOIN hr_applicant applicant ON trace.model = 'hr.applicant' AND applicant.id = trace.res_id
             LEFT JOIN LATERAL (
                        SELECT outbound.talent_id, outbound.company_id
                          FROM talent_touch outbound
                         WHERE trace.model <> 'hr.applicant'
                           AND outbound.mailing_trace_id = trace.id
                           AND outbound.direction = 'outbound'
                      ORDER BY outbound.id
                         LIMIT 1
                       ) touch ON TRUE
                 WHERE trace.is_test_trace IS NOT TRUE
                   AND (trace.sent_datetime IS NOT NULL OR trace.trace_status IN ('sent', 'open', 'reply', 'bounce'))
                   AND trace.trace_status NOT IN ('outgoing', 'process', 'pending', 'error', 'cancel')
            ),
            flagged AS (
                SELECT message.*,
                       message.trace_status IN ('open', 'reply') OR message.open_datetime IS NOT NULL AS opened,
                       message.links_click_datetime IS NOT NULL AS clicked,
                       message.trace_status = 'reply' OR message.reply_datetime IS NOT NULL AS replied,
                       message.trace_status = 'bounce' AS bounced,
                       CASE WHEN blacklist.id IS NULL THEN FALSE
                            ELSE NOT EXISTS (
                                SELECT 1
                                  FROM mailing_trace later
                                 WHERE later.email = message.email
                                   AND later.sent_datetime > message.date
                                   AND later.sent_datetime <= blacklist.create_date
                            )
                       END AS unsubscribed
                  FROM message
             LEFT JOIN mail_blacklist blacklist
                    ON blacklist.email = message.email
                   AND blacklist.active
                   AND blacklist.create_date >= message.date
                 WHERE message.talent_id IS NOT NULL
            )
            SELECT flagged.mailing_trace_id AS id,
                   flagged.mailing_trace_id,
                   flagged.date,
                   flagged.company_id,
                   flagged.talent_id,
                   flagged.channel,
                   CASE WHEN flagged.step_id IS NOT NULL THEN 'sequence' ELSE 'mailing' END AS origin,
                   flagged.sequence_id,
                   flagged.step_id,
                   flagged.mailing_id,
                   flagged.campaign_id,
                   talent.source_id,
                   CASE WHEN flagged.trace_status IN ('sent', 'open', 'reply', 'bounce') THEN flagged.trace_status
                        ELSE 'other' END AS trace_status,
                   1 AS sent_count,
                   flagged.opened::integer AS opened_count,
                   flagged.clicked::integer AS clicked_count,
                   flagged.replied::integer AS replied_count,
                   flagged.bounced::integer AS bounced_count,
                   flagged.unsubscribed::integer AS unsubscribed_count,
                   flagged.opened::integer * 100.0 AS opened_rate,
                   flagged.clicked::integer * 100.0 AS clicked_rate,
                   flagged.replied::integer * 100.0 AS replied_rate,
                   flagged.bounced::integer * 100.0 AS bounced_rate,
                   flagged.unsubscribed::integer * 100.0 AS unsubscribed_rate
              FROM flagged
              JOIN hr_applicant talent ON talent.id = flagged.talent_id
            """
        )


class TalentEngagementPoolReport(models.Model):
    """The engagement figures per pool: a message to a talent in two pools counts in both."""

    _name = "talent.engagement.pool.report"
    _inherit = ["talent.engagement.report"]
    _description = "Talent Engagement Analysis by Pool"
    _auto = False

    pool_id = fields.Many2one("hr.talent.pool", readonly=True)

    def _query(self):
        return SQL(
            """
            SELECT engagement.id::bigint * 100000 + membership.hr_talent_pool_id AS id,
                   membership.hr_talent_pool_id AS pool_id,
                   engagement.mailing_trace_id, engagement.date, engagement.company_id, engagement.talent_id,
                   engagement.channel, engagement.origin, engagement.sequence_id, engagement.step_id,
                   engagement.mailing_id, engagement.campaign_id, engagement.source_id, engagement.trace_status,
                   engagement.sent_count, engagement.opened_count, engagement.clicked_count,
                   engagement.replied_count, engagement.bounced_count, engagement.unsubscribed_count,
                   engagement.opened_rate, engagement.clicked_rate, engagement.replied_rate,
                   engagement.bounced_rate, engagement.unsubscribed_rate
              FROM talent_engagement_report engagement
              JOIN hr_applicant_hr_talent_pool_rel membership ON membership.hr_applicant_id = engagement.talent_id
            """
        )
