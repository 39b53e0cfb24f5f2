# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Talent CRM / Reporting: the main query of each dashboard.

One scenario per dashboard. ``fast`` is what the pivot (or the pool-health list) asks when
it opens: one ``_read_group`` (or ``search_read``) on the report's SQL view. ``baseline``
computes the same figures the naive way: read the underlying records through the ORM and
add them up in Python.
"""

import statistics
from collections import defaultdict
from datetime import timedelta

from odoo.tools import SQL

from bench.generator import data_step
from bench.generator.core import LIFECYCLE_FIELDS

from . import Scenario

RATE_STATES = ("captured", "qualified", "activated", "converted", "hired")
SENT_STATUSES = ("sent", "open", "reply", "bounce")


@data_step("reporting_history", version=4, requires=["talent.hire.report"])
def generate_reporting_history(gen):
    """Lead funnel history and hires, for the reporting dashboards.

    Every talent gets a "captured" log at its creation; about half are qualified, a fifth of
    those activated; talents with an application are converted on the application's date.
    A quarter of the ongoing applications are hired 5 to 90 days after they were created
    (hired stage and hire date, as the ORM sets them).
    """
    cr = gen.cr
    rng = gen.rng
    cr.execute(
        """SELECT talent.id, talent.create_date, MIN(application.create_date)
             FROM hr_applicant talent
        LEFT JOIN hr_applicant application
               ON application.pool_applicant_id = talent.id AND application.job_id IS NOT NULL
              AND application.id <> talent.id
            WHERE talent.pool_applicant_id = talent.id AND talent.job_id IS NULL
         GROUP BY talent.id, talent.create_date
         ORDER BY talent.id"""
    )
    logs = []
    for talent_id, created, applied in cr.fetchall():
        previous, when = None, created
        path = ["captured"]
        if applied:
            path += ["qualified", "converted"]
        elif rng.random() < 0.5:
            path.append("qualified")
            if rng.random() < 0.2:
                path.append("activated")
            elif rng.random() < 0.1:
                path.append("not_interested")
        for state in path:
            if state == "converted":
                when = max(applied, when)
            elif previous:
                when = gen.between(when, applied or gen.anchor)
            logs.append({"talent_id": talent_id, "company_id": 1, "from_state": previous, "to_state": state,
                         "date": when, "origin": "system", "user_id": 1, "create_date": when})
            previous = state
    gen.insert("talent.lead.state.log", logs)
    hired_stage = gen.env["hr.recruitment.stage"].search([("hired_stage", "=", True)], limit=1)
    cr.execute("SELECT id, create_date FROM hr_applicant WHERE job_id IS NOT NULL AND active ORDER BY id")
    hires = []
    for application_id, created in cr.fetchall():
        if rng.random() < 0.25:
            hired = min(created + timedelta(days=rng.uniform(5, 90)), gen.anchor)
            hires.append((application_id, hired.replace(microsecond=0)))
    if hires:
        # as the ORM does on a move to the hired stage: hire date, and the delay from opening to it
        cr.execute(
            SQL(
                """UPDATE hr_applicant a
                      SET stage_id = %s, date_closed = h.hired,
                          delay_close = EXTRACT(EPOCH FROM h.hired - COALESCE(a.date_open, a.create_date)) / 86400.0
                     FROM (VALUES %s) AS h(id, hired)
                    WHERE a.id = h.id""",
                hired_stage.id,
                SQL(", ").join(SQL("(%s, %s::timestamp)", application_id, hired) for application_id, hired in hires),
            )
        )
    gen.env.invalidate_all()
    if hires:
        # a hire takes the person out of the recruiting lifecycle: the legal basis of all their
        # records becomes "hired", as the ORM's recomputation does on the move to the stage
        cr.execute(
            "SELECT DISTINCT other.id FROM hr_applicant hired JOIN hr_applicant other"
            " ON (other.partner_id = hired.partner_id AND other.company_id = hired.company_id)"
            " OR other.id = hired.pool_applicant_id OR other.pool_applicant_id = hired.pool_applicant_id"
            " WHERE hired.id = ANY(%s)",
            [[application_id for application_id, _hired in hires]],
        )
        gen.recompute_fields("hr.applicant", sorted(row[0] for row in cr.fetchall()), LIFECYCLE_FIELDS)
    gen.log("  %d lead state changes, %d hires" % (len(logs), len(hires)))
    # an extension step runs after the core steps' ANALYZE: fresh statistics for what it added
    gen.cr.execute("ANALYZE talent_lead_state_log, hr_applicant")


def _round(value):
    return round(value, 4) if isinstance(value, float) else value


class _Dashboard(Scenario):
    baseline_label = "ORM reads + Python"
    max_runs = 3
    report = None

    def setup(self, env):
        return None

    def records(self, env, state):
        return env[self.report].sudo().search_count([])

    def result_key(self, env, result):
        return {key: tuple(_round(value) for value in values) for key, values in result.items()}


class DashboardEngagement(_Dashboard):
    name = "dashboard_engagement"
    title = "Dashboard: engagement by month"
    description = (
        "Engagement pivot: sent, opened, clicked, replied and bounced messages per month, one _read_group "
        "on talent.engagement.report. Baseline: read every talent trace and its nurture execution, count in Python."
    )
    sequence = 90
    requires = ("talent.engagement.report",)
    report = "talent.engagement.report"
    AGGREGATES = ["sent_count:sum", "opened_count:sum", "clicked_count:sum", "replied_count:sum", "bounced_count:sum"]

    def fast(self, env, state):
        groups = env[self.report].with_context(tz="UTC")._read_group([], ["date:month"], self.AGGREGATES)
        return {month.strftime("%Y-%m"): tuple(values) for month, *values in groups}

    def baseline(self, env, state):
        env = env(su=True)  # a talent manager reads traces through the report only
        traces = env["mailing.trace"].search(
            [("is_test_trace", "=", False), ("trace_status", "in", list(SENT_STATUSES))]
        )
        executions = env["talent.sequence.execution"].search([("mailing_trace_id", "in", traces.ids)])
        from_sequence = set(executions.mailing_trace_id.ids)
        rows = traces.read(["model", "res_id", "sent_datetime", "create_date", "trace_status", "open_datetime",
                            "links_click_datetime", "reply_datetime"])
        applicant_ids = {row["res_id"] for row in rows if row["model"] == "hr.applicant"}
        applicants = env["hr.applicant"].with_context(active_test=False).browse(applicant_ids)
        talent_of = {row["id"]: row["pool_applicant_id"] for row in applicants.read(["pool_applicant_id"])}
        totals = defaultdict(lambda: [0, 0, 0, 0, 0])
        for row in rows:
            if row["id"] not in from_sequence and not (row["model"] == "hr.applicant" and talent_of.get(row["res_id"])):
                continue
            month = (row["sent_datetime"] or row["create_date"]).strftime("%Y-%m")
            status = row["trace_status"]
            total = totals[month]
            total[0] += 1
            total[1] += status in ("open", "reply") or bool(row["open_datetime"])
            total[2] += bool(row["links_click_datetime"])
            total[3] += status == "reply" or bool(row["reply_datetime"])
            total[4] += status == "bounce"
        return {month: tuple(values) for month, values in totals.items()}


class DashboardFunnel(_Dashboard):
    name = "dashboard_funnel"
    title = "Dashboard: lead funnel by state"
    description = (
        "Funnel pivot: stays, median days and forward-move rate per lead state, one _read_group on "
        "talent.lead.funnel.report. Baseline: read the whole state log and walk each talent's history in Python."
    )
    sequence = 91
    requires = ("talent.lead.funnel.report",)
    report = "talent.lead.funnel.report"

    def fast(self, env, state):
        groups = env[self.report]._read_group(
            [("pool_id", "=", False)], ["state"], ["__count", "duration_days:median", "advanced_rate:avg"]
        )
        return {state: (count, median or 0.0, rate) for state, count, median, rate in groups}

    def baseline(self, env, state):
        logs = env["talent.lead.state.log"].search_read([], ["talent_id", "to_state", "date"])
        logs.sort(key=lambda log: (log["talent_id"][0], log["date"], log["id"]))
        rank = {state: index for index, state in enumerate(RATE_STATES, start=1)}
        stays = defaultdict(lambda: {"count": 0, "durations": [], "advanced": 0})
        for index, log in enumerate(logs):
            following = logs[index + 1] if index + 1 < len(logs) else None
            if following and following["talent_id"] != log["talent_id"]:
                following = None
            figures = stays[log["to_state"]]
            figures["count"] += 1
            if following:
                figures["durations"].append((following["date"] - log["date"]).total_seconds() / 86400.0)
                if rank.get(following["to_state"], 0) > rank.get(log["to_state"], 99):
                    figures["advanced"] += 1
        return {
            state: (
                figures["count"],
                statistics.median(figures["durations"]) if figures["durations"] else 0.0,
                figures["advanced"] * 100.0 / figures["count"],
            )
            for state, figures in stays.items()
        }


class DashboardSources(_Dashboard):
    name = "dashboard_sources"
    title = "Dashboard: source effectiveness"
    description = (
        "Source pivot: talents, conversions and hires per UTM source, one _read_group on talent.source.report. "
        "Baseline: read every talent and application and count per source in Python."
    )
    sequence = 92
    requires = ("talent.source.report",)
    report = "talent.source.report"

    def fast(self, env, state):
        groups = env[self.report]._read_group([], ["source_id"], ["__count", "converted_count:sum", "hired_count:sum"])
        return {source.id: (count, converted, hired) for source, count, converted, hired in groups}

    def baseline(self, env, state):
        applicants = env["hr.applicant"].with_context(active_test=False)
        talents = [
            row
            for row in applicants.search_read(
                [("job_id", "=", False), ("pool_applicant_id", "!=", False)],
                ["pool_applicant_id", "source_id", "talent_lead_state"],
            )
            if row["pool_applicant_id"][0] == row["id"]
        ]
        applied, hired = set(), set()
        for row in applicants.search_read(
            [("job_id", "!=", False), ("pool_applicant_id", "!=", False)], ["pool_applicant_id", "date_closed"]
        ):
            if row["pool_applicant_id"][0] != row["id"]:
                applied.add(row["pool_applicant_id"][0])
                if row["date_closed"]:
                    hired.add(row["pool_applicant_id"][0])
        totals = defaultdict(lambda: [0, 0, 0])
        for talent in talents:
            total = totals[talent["source_id"] and talent["source_id"][0]]
            total[0] += 1
            total[1] += talent["id"] in applied or talent["talent_lead_state"] in ("converted", "hired")
            total[2] += talent["id"] in hired or talent["talent_lead_state"] == "hired"
        return {source: tuple(values) for source, values in totals.items()}


class DashboardHires(_Dashboard):
    name = "dashboard_hires"
    title = "Dashboard: hires from pools vs external"
    description = (
        "Hires pivot: hires and median days to hire, from pools versus external, one _read_group on "
        "talent.hire.report. Baseline: read every hired application and its talent's creation date."
    )
    sequence = 93
    requires = ("talent.hire.report",)
    report = "talent.hire.report"

    def fast(self, env, state):
        groups = env[self.report]._read_group([("hired", "=", True)], ["origin"], ["__count", "time_to_fill:median"])
        return {origin: (count, median) for origin, count, median in groups}

    def baseline(self, env, state):
        applications = env["hr.applicant"].with_context(active_test=False).search(
            [("job_id", "!=", False), ("date_closed", "!=", False)]
        )
        days = defaultdict(list)
        for application in applications:
            talent = application.pool_applicant_id
            from_pool = talent and talent != application and talent.create_date < application.create_date
            days["pool" if from_pool else "external"].append(
                (application.date_closed - application.create_date).total_seconds() / 86400.0
            )
        return {origin: (len(values), statistics.median(values)) for origin, values in days.items()}


class DashboardPoolHealth(_Dashboard):
    name = "dashboard_pool_health"
    title = "Dashboard: pool health"
    description = (
        "Pool health list: members, members touched in 90 days and last touch of every pool, one search_read on "
        "talent.pool.health.report. Baseline: the ORM's grouped reads over all pools at once: members per "
        "pool with one _read_group, the last touch per partner (and company) with another, combined in Python."
    )
    baseline_label = "_read_group over all pools"
    sequence = 94
    requires = ("talent.pool.health.report",)
    report = "talent.pool.health.report"

    def fast(self, env, state):
        rows = env[self.report].search_read([], ["pool_id", "talent_count", "touched_count", "last_touch_date"])
        return {row["pool_id"][0]: (row["talent_count"], row["touched_count"], row["last_touch_date"]) for row in rows}

    def baseline(self, env, state):
        env.cr.execute("SELECT NOW() AT TIME ZONE 'UTC'")
        since = env.cr.fetchone()[0] - timedelta(days=90)
        pools = env["hr.talent.pool"].search([])
        company_of = {pool.id: pool.company_id.id for pool in pools}
        members = env["hr.applicant"]._read_group(
            [("talent_pool_ids", "in", pools.ids), ("partner_id", "!=", False)],
            ["talent_pool_ids", "partner_id"],
            ["__count"],
        )
        partner_ids = list({partner.id for _pool, partner, _count in members})
        last_any = defaultdict(lambda: False)
        last_by_company = {}
        for partner, company, date in env["talent.touch"]._read_group(
            [("partner_id", "in", partner_ids)], ["partner_id", "company_id"], ["date:max"]
        ):
            last_by_company[(partner.id, company.id)] = date
            if not last_any[partner.id] or date > last_any[partner.id]:
                last_any[partner.id] = date
        figures = {pool.id: [0, 0, False] for pool in pools}
        for pool, partner, count in members:
            company = company_of[pool.id]
            date = last_by_company.get((partner.id, company), False) if company else last_any[partner.id]
            figure = figures[pool.id]
            figure[0] += count
            if date:
                figure[1] += count if date >= since else 0
                figure[2] = max(figure[2], date) if figure[2] else date
        return {pool_id: tuple(values) for pool_id, values in figures.items()}
