# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

# The demo history covers the last 18 months
HISTORY_DAYS = 540
# Demo talents are captured between these many days ago (oldest) and MIN_AGE_DAYS ago
MIN_AGE_DAYS = 20
# Golden ratio: index * GOLDEN modulo 1 spreads any number of indexes evenly over [0, 1)
GOLDEN = 0.6180339887
# The dates of an email, moved together
TRACE_DATES = ["create_date", "sent_datetime", "open_datetime", "links_click_datetime", "reply_datetime"]


class TalentDemoHistory(models.AbstractModel):
    """Spread the demo history over the last 18 months, so that every report shows a trend.

    Demo records are all created at install time: every pool join, lead state, touch, nurture
    step and application would fall in the same month. :meth:`_spread_demo_history` (called by
    ``demo/talent_history_demo.xml``) gives each talent a capture date (a fixed pattern over the
    talents in id order, relative to today: deterministic, whichever talents the demo defines)
    and places the talent's history after it:

    - pool joins a few weeks apart from the capture; leaving halfway to today;
    - lead states evenly from the capture to today, in their order;
    - touches of the person (not sent by a step or a mailing) evenly after the capture;
    - nurture enrollments with their steps, emails and touches shifted together;
    - mailings with their emails and touches shifted together;
    - applications after the capture (hires a few weeks later); applications without a talent
      over the 18 months.

    Before, :meth:`_demo_hire_from_pools` hires every second talent's application, so that the
    hires report has hires from pools whatever the demo applications are.

    Dates are written in SQL (``create_date`` cannot be written through the ORM): the caches are
    invalidated, then the dates derived from touches (the person's last contact, the caps) and
    the stale flags are recomputed through the ORM.
    """

    _name = "talent.demo.history"
    _description = "Talent CRM Demo History"

    @api.model
    def _spread_demo_history(self, now=None):
        now = now or fields.Datetime.now()
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            SQL(
                """
                SELECT talent.id, talent.partner_id
                  FROM hr_applicant talent
                 WHERE talent.job_id IS NULL
                   AND (talent.pool_applicant_id = talent.id
                        OR EXISTS (SELECT 1 FROM hr_applicant_hr_talent_pool_rel rel
                                    WHERE rel.hr_applicant_id = talent.id))
              ORDER BY talent.id
                """
            )
        )
        rows = cr.fetchall()
        capture = {}
        talent_of_partner = {}
        for index, (talent_id, partner_id) in enumerate(rows):
            capture[talent_id] = self._demo_capture_date(index, now)
            if partner_id:
                talent_of_partner.setdefault(partner_id, talent_id)
        if not capture:
            return 0

        def span(talent_id):
            return (now - timedelta(days=1)) - capture[talent_id]

        # talents: captured on their capture date
        self._demo_set_dates("hr_applicant", "create_date", capture)
        self._demo_assign_sources(list(capture))

        # pool joins: a few weeks apart from the capture; who left, left halfway to today
        cr.execute(
            SQL(
                "SELECT id, talent_id, date_left FROM talent_pool_membership WHERE talent_id = ANY(%s) "
                "ORDER BY talent_id, id",
                list(capture),
            )
        )
        joined, left, rank = {}, {}, defaultdict(int)
        for membership_id, talent_id, date_left in cr.fetchall():
            rank_in_talent = rank[talent_id]
            rank[talent_id] += 1
            date = capture[talent_id] + min(timedelta(days=21 * rank_in_talent), span(talent_id) / 2)
            joined[membership_id] = date
            if date_left:
                left[membership_id] = date + (now - date) / 2
        self._demo_set_dates("talent_pool_membership", "date_joined", joined)
        self._demo_set_dates("talent_pool_membership", "date_left", left)

        # lead states: evenly from the capture to today, in their order
        cr.execute(
            SQL(
                "SELECT id, talent_id FROM talent_lead_state_log WHERE talent_id = ANY(%s) "
                "ORDER BY talent_id, date, id",
                list(capture),
            )
        )
        self._demo_set_dates("talent_lead_state_log", "date", self._demo_spread(cr.fetchall(), capture, span, 0))

        # touches of the person (calls, meetings, notes, replies): evenly after the capture
        cr.execute(
            SQL(
                """
                SELECT touch.id, touch.talent_id, touch.partner_id
                  FROM talent_touch touch
                 WHERE touch.mailing_trace_id IS NULL
                   AND NOT EXISTS (SELECT 1 FROM talent_sequence_execution execution
                                    WHERE execution.touch_id = touch.id)
              ORDER BY touch.date, touch.id
                """
            )
        )
        touches = []
        for touch_id, talent_id, partner_id in cr.fetchall():
            talent_id = talent_id if talent_id in capture else talent_of_partner.get(partner_id)
            if talent_id:
                touches.append((touch_id, talent_id))
        touches.sort(key=lambda row: row[1])
        self._demo_set_dates("talent_touch", "date", self._demo_spread(touches, capture, span, 1))

        self._demo_shift_nurture(capture, span)
        self._demo_shift_mailings(now)
        self._demo_spread_applications(capture, span, now)

        # the ORM reads the new dates; what is derived from them is recomputed
        self.env.invalidate_all()
        partners = self.env["res.partner"].sudo().browse(talent_of_partner)
        self.env["talent.touch"].sudo()._talent_recompute_partner_dates(partners.exists())
        talents = self.env["hr.applicant"].sudo().browse(list(capture))
        self.env.add_to_compute(talents._fields["talent_is_stale"], talents)
        self.env.flush_all()
        return len(capture)

    @api.model
    def _demo_hire_from_pools(self):
        """Every second application of a talent (in id order) reaches its job's hired stage, so
        that "Hires from Pools" has hires from pools; the talent's lead state follows."""
        Applicant = self.env["hr.applicant"].sudo()
        applications = Applicant.search(
            [("job_id", "!=", False), ("pool_applicant_id", "!=", False), ("stage_id.hired_stage", "=", False)],
            order="id",
        ).filtered(lambda application: application.pool_applicant_id != application)
        Stage = self.env["hr.recruitment.stage"].sudo()
        hired = 0
        for application in applications[::2]:
            stage = Stage.search(
                [("hired_stage", "=", True), "|", ("job_ids", "=", False), ("job_ids", "in", application.job_id.ids)],
                order="sequence, id",
                limit=1,
            )
            if stage:
                application.with_context(mail_notrack=True).stage_id = stage
                hired += 1
        return hired

    @api.model
    def _demo_capture_date(self, index, now):
        """The ``index``-th talent's capture date: a fixed pattern that spreads any number of
        talents evenly over the last 18 months."""
        date = now - timedelta(days=self._demo_age(index))
        return date.replace(hour=8 + index % 9, minute=(index * 17) % 60, second=0, microsecond=0)

    @api.model
    def _demo_age(self, index, offset=0.0):
        """Days back of the ``index``-th record of a kind: evenly over the last 18 months."""
        return MIN_AGE_DAYS + int(((index * GOLDEN + offset) % 1) * (HISTORY_DAYS - MIN_AGE_DAYS))

    @api.model
    def _demo_spread(self, rows, capture, span, offset):
        """``{id: date}`` for ``rows`` of ``(id, talent_id)`` grouped by talent: the k-th of n
        at ``(k + offset) / (n + offset)`` of the talent's span after its capture."""
        per_talent = defaultdict(list)
        for record_id, talent_id in rows:
            per_talent[talent_id].append(record_id)
        dates = {}
        for talent_id, record_ids in per_talent.items():
            count = len(record_ids) + offset
            for rank, record_id in enumerate(record_ids):
                dates[record_id] = capture[talent_id] + span(talent_id) * (rank + offset) / count
        return dates

    @api.model
    def _demo_set_dates(self, table, column, dates):
        if not dates:
            return
        values = SQL(", ").join(SQL("(%s, %s::timestamp)", record_id, date) for record_id, date in dates.items())
        self.env.cr.execute(
            SQL(
                "UPDATE %(table)s SET %(column)s = v.date FROM (VALUES %(values)s) AS v(id, date) "
                "WHERE %(table)s.id = v.id",
                table=SQL.identifier(table),
                column=SQL.identifier(column),
                values=values,
            )
        )

    @api.model
    def _demo_shift(self, shifts, query, alias, columns, **params):
        """Move ``columns`` of the rows of ``alias`` by ``shift.seconds``: ``query`` is an UPDATE
        with ``%(moves)s`` (the assignments) and ``%(shifts)s`` (a table ``shift(id, seconds)``)."""
        if not shifts:
            return
        values = SQL(", ").join(SQL("(%s, %s)", record_id, seconds) for record_id, seconds in shifts.items())
        moves = SQL(", ").join(
            SQL(
                "%(column)s = %(current)s + shift.seconds * INTERVAL '1 second'",
                column=SQL.identifier(column),
                current=SQL.identifier(alias, column),
            )
            for column in columns
        )
        self.env.cr.execute(
            SQL(query, moves=moves, shifts=SQL("(VALUES %s) AS shift(id, seconds)", values), **params)
        )

    @api.model
    def _demo_shift_nurture(self, capture, span):
        """Each enrollment, with its steps, emails and touches, moves back to a quarter of the way
        from the talent's capture to today (due dates in the future stay)."""
        cr = self.env.cr
        cr.execute(
            SQL(
                "SELECT id, talent_id, date_enrolled FROM talent_sequence_enrollment WHERE talent_id = ANY(%s) "
                "ORDER BY talent_id, id",
                list(capture),
            )
        )
        shifts, rank = {}, defaultdict(int)
        for enrollment_id, talent_id, date_enrolled in cr.fetchall():
            target = capture[talent_id] + span(talent_id) * min(0.25 + 0.1 * rank[talent_id], 0.9)
            rank[talent_id] += 1
            seconds = int((target - date_enrolled).total_seconds())
            if seconds < 0:
                shifts[enrollment_id] = seconds
        self._demo_shift(
            shifts,
            """
            UPDATE talent_touch touch SET %(moves)s
              FROM talent_sequence_execution execution, %(shifts)s
             WHERE execution.enrollment_id = shift.id
               AND (touch.id = execution.touch_id OR touch.mailing_trace_id = execution.mailing_trace_id)
            """,
            "touch",
            ["date"],
        )
        self._demo_shift(
            shifts,
            """
            UPDATE mailing_trace trace SET %(moves)s
              FROM talent_sequence_execution execution, %(shifts)s
             WHERE execution.enrollment_id = shift.id AND trace.id = execution.mailing_trace_id
            """,
            "trace",
            TRACE_DATES,
        )
        self._demo_shift(
            shifts,
            "UPDATE talent_sequence_execution execution SET %(moves)s FROM %(shifts)s "
            "WHERE execution.enrollment_id = shift.id",
            "execution",
            ["date"],
        )
        self._demo_shift(
            shifts,
            "UPDATE talent_sequence_enrollment enrollment SET %(moves)s FROM %(shifts)s WHERE enrollment.id = shift.id",
            "enrollment",
            ["date_enrolled", "last_date", "date_done", "postponed_date", "paused_date"],
        )

    @api.model
    def _demo_shift_mailings(self, now):
        """Mailings (pool mailings, campaigns, job alerts), each with its emails and their touches,
        move back to a date of their own over the 18 months; nurture emails moved already."""
        cr = self.env.cr
        cr.execute(
            SQL(
                """
                SELECT trace.mass_mailing_id, MIN(COALESCE(trace.sent_datetime, trace.create_date))
                  FROM mailing_trace trace
                 WHERE trace.mass_mailing_id IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM talent_sequence_execution execution
                                    WHERE execution.mailing_trace_id = trace.id)
              GROUP BY trace.mass_mailing_id
              ORDER BY trace.mass_mailing_id
                """
            )
        )
        shifts = {}
        for index, (mailing_id, first_date) in enumerate(cr.fetchall()):
            target = now - timedelta(days=self._demo_age(index, 0.3))
            seconds = int((target - first_date).total_seconds())
            if seconds < 0:
                shifts[mailing_id] = seconds
        not_nurture = SQL(
            "NOT EXISTS (SELECT 1 FROM talent_sequence_execution execution WHERE execution.mailing_trace_id = trace.id)"
        )
        self._demo_shift(
            shifts,
            """
            UPDATE talent_touch touch SET %(moves)s
              FROM mailing_trace trace, %(shifts)s
             WHERE trace.mass_mailing_id = shift.id AND touch.mailing_trace_id = trace.id AND %(not_nurture)s
            """,
            "touch",
            ["date"],
            not_nurture=not_nurture,
        )
        self._demo_shift(
            shifts,
            "UPDATE mailing_trace trace SET %(moves)s FROM %(shifts)s "
            "WHERE trace.mass_mailing_id = shift.id AND %(not_nurture)s",
            "trace",
            TRACE_DATES,
            not_nurture=not_nurture,
        )
        self._demo_shift(
            shifts,
            "UPDATE mailing_mailing mailing SET %(moves)s FROM %(shifts)s WHERE mailing.id = shift.id",
            "mailing",
            ["sent_date", "schedule_date"],
        )

    @api.model
    def _demo_spread_applications(self, capture, span, now):
        """Applications of a talent come after its capture, hires a few weeks after the
        application; applications without a talent spread over the 18 months."""
        cr = self.env.cr
        cr.execute(
            SQL(
                "SELECT id, pool_applicant_id, date_closed FROM hr_applicant WHERE job_id IS NOT NULL ORDER BY id"
            )
        )
        created, closed, rank = {}, {}, defaultdict(int)
        for index, (applicant_id, talent_id, date_closed) in enumerate(cr.fetchall()):
            if talent_id in capture and talent_id != applicant_id:
                date = capture[talent_id] + span(talent_id) * min(0.45 + 0.15 * rank[talent_id], 0.9)
                rank[talent_id] += 1
            else:
                date = now - timedelta(days=self._demo_age(index, 0.7))
                date = date.replace(hour=9 + index % 8, minute=0, second=0, microsecond=0)
            created[applicant_id] = date
            if date_closed:
                closed[applicant_id] = date + min(timedelta(days=21 + index % 30), (now - date) / 2)
        self._demo_set_dates("hr_applicant", "create_date", created)
        self._demo_set_dates("hr_applicant", "date_closed", closed)
        last_stage = dict(created)
        last_stage.update(closed)
        self._demo_set_dates("hr_applicant", "date_last_stage_update", last_stage)

    @api.model
    def _demo_assign_sources(self, talent_ids):
        """Talents without a UTM source get one of the recruiting sources (every eighth keeps
        none: the reports show them as "No source")."""
        refs = [
            "talent_crm.utm_source_talent_community",
            "talent_crm.utm_source_referral",
            "talent_crm.utm_source_event",
            "talent_crm.utm_source_sourcing",
            "talent_crm.utm_source_past_applicant",
            "utm.utm_source_linkedin",
            "utm.utm_source_search_engine",
            "utm.utm_source_newsletter",
            "utm.utm_source_facebook",
            "utm.utm_source_glassdoor",
        ]
        sources = [source.id for ref in refs if (source := self.env.ref(ref, raise_if_not_found=False))]
        cr = self.env.cr
        cr.execute(SQL("SELECT id FROM hr_applicant WHERE id = ANY(%s) AND source_id IS NULL ORDER BY id", talent_ids))
        values = {}
        for index, (talent_id,) in enumerate(cr.fetchall()):
            if index % 8 != 7 and sources:
                values[talent_id] = sources[(index * 3) % len(sources)]
        if values:
            rows = SQL(", ").join(SQL("(%s, %s)", talent_id, source_id) for talent_id, source_id in values.items())
            cr.execute(
                SQL(
                    "UPDATE hr_applicant SET source_id = v.source_id FROM (VALUES %s) AS v(id, source_id) "
                    "WHERE hr_applicant.id = v.id",
                    rows,
                )
            )
