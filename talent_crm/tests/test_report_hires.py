# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from .common import TalentLeadCommon

SOURCE_AGGREGATES = ["__count", "converted_count:sum", "hired_count:sum", "converted_rate:avg", "hired_rate:avg"]
HIRE_AGGREGATES = ["__count", "time_to_fill:median", "time_to_fill_avg:avg"]


@tagged("post_install", "-at_install", "talent_crm")
class TestReportSourcesAndHires(TalentLeadCommon):
    """Source effectiveness and hires from pools versus external, on hand-made data.

    Talents (captured 2023-01-01): Anna (source A) applied on 01-11 and was hired on 01-21
    (10 days); Ben (source B) applied on 01-12, hired on 02-01 (20 days); Cleo (source B)
    applied on 01-13, still in process; Dora (source A) never applied. External: Emil applied
    directly on 01-05, hired on 02-04 (30 days); Finn applied on 01-06, was added to a pool
    on 01-20 (after applying: still external), hired on 02-25 (50 days).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.source_a = cls.env["utm.source"].create({"name": "Report source A"})
        cls.source_b = cls.env["utm.source"].create({"name": "Report source B"})
        cls.source_empty = cls.env["utm.source"].create({"name": "Report source without talents"})
        cls.anna = cls._create_lead("Anna Report", source_id=cls.source_a.id)
        cls.ben = cls._create_lead("Ben Report", source_id=cls.source_b.id)
        cls.cleo = cls._create_lead("Cleo Report", source_id=cls.source_b.id)
        cls.dora = cls._create_lead("Dora Report", source_id=cls.source_a.id)
        cls.talents = cls.anna | cls.ben | cls.cleo | cls.dora
        cls._set_create_date(cls.talents, datetime(2023, 1, 1, 9, 0))

        applications = {}
        for talent, day in ((cls.anna, 11), (cls.ben, 12), (cls.cleo, 13)):
            wizard = cls.env["job.add.applicants"].create(
                {"applicant_ids": [Command.set(talent.ids)], "job_ids": [Command.set(cls.job.ids)]}
            )
            wizard.action_add_applicants_to_job()
            application = cls.env["hr.applicant"].search(
                [("pool_applicant_id", "=", talent.id), ("job_id", "=", cls.job.id)]
            )
            cls._set_create_date(application, datetime(2023, 1, day, 9, 0))
            applications[talent] = application
        cls.app_anna, cls.app_ben, cls.app_cleo = applications[cls.anna], applications[cls.ben], applications[cls.cleo]

        cls.app_emil = cls.env["hr.applicant"].create(
            {"partner_name": "Emil External", "email_from": "emil.external@example.com", "job_id": cls.job.id}
        )
        cls._set_create_date(cls.app_emil, datetime(2023, 1, 5, 9, 0))
        cls.app_finn = cls.env["hr.applicant"].create(
            {"partner_name": "Finn Later", "email_from": "finn.later@example.com", "job_id": cls.job_2.id}
        )
        cls._set_create_date(cls.app_finn, datetime(2023, 1, 6, 9, 0))
        cls.env["talent.pool.add.applicants"].create(
            {"applicant_ids": [Command.set(cls.app_finn.ids)], "talent_pool_ids": [Command.set(cls.pool.ids)]}
        ).action_add_applicants_to_pool()
        cls.finn = cls.app_finn.pool_applicant_id
        cls._set_create_date(cls.finn, datetime(2023, 1, 20, 9, 0))

        for application, hired_on in (
            (cls.app_anna, datetime(2023, 1, 21, 9, 0)),
            (cls.app_ben, datetime(2023, 2, 1, 9, 0)),
            (cls.app_emil, datetime(2023, 2, 4, 9, 0)),
            (cls.app_finn, datetime(2023, 2, 25, 9, 0)),
        ):
            application.write({"stage_id": cls.stage_hired.id})
            application.write({"date_closed": hired_on})
        cls.applications = cls.app_anna | cls.app_ben | cls.app_cleo | cls.app_emil | cls.app_finn

        cls.pool_other = cls.env["hr.talent.pool"].create(
            {"name": "Other company pool (report)", "company_id": cls.other_company.id}
        )
        cls.olga_talent = cls._create_lead(
            "Olli Other",
            source_id=cls.source_a.id,
            company_id=cls.other_company.id,
            talent_pool_ids=[Command.set(cls.pool_other.ids)],
        )
        cls._set_create_date(cls.olga_talent, datetime(2023, 1, 1, 9, 0))
        cls.env.flush_all()

    # source effectiveness ------------------------------------------------------------

    def test_source_effectiveness(self):
        figures = self._figures(
            "talent.source.report", [("talent_id", "in", self.talents.ids)], ["source_id"], SOURCE_AGGREGATES
        )
        # talents, converted, hired, conversion %, hire %
        self.assertEqual(figures[(self.source_a.id,)], (2, 1, 1, 50.0, 50.0), "Anna hired, Dora untouched")
        self.assertEqual(figures[(self.source_b.id,)], (2, 2, 1, 100.0, 50.0), "Ben hired, Cleo in process")
        self.assertNotIn((self.source_empty.id,), figures)

    def test_source_rows_follow_the_data(self):
        """The view is live: a new application and a hire show at once."""
        row = self.env["talent.source.report"].search([("talent_id", "=", self.dora.id)])
        self.assertRecordValues(row, [{"application_count": 0, "converted_count": 0, "hired_count": 0}])
        self._convert(self.dora, self.job_2)
        application = self.env["hr.applicant"].search(
            [("pool_applicant_id", "=", self.dora.id), ("job_id", "!=", False)]
        )
        application.write({"stage_id": self.stage_hired.id})
        self.env.flush_all()
        row.invalidate_recordset()
        self.assertRecordValues(row, [{"application_count": 1, "converted_count": 1, "hired_count": 1}])

    def test_source_empty_and_single(self):
        Report = self.env["talent.source.report"]
        self.assertFalse(Report._read_group([("source_id", "=", self.source_empty.id)], ["source_id"], ["__count"]))
        [(count, converted, hired, converted_rate, hired_rate)] = Report._read_group(
            [("source_id", "=", self.source_empty.id)], [], SOURCE_AGGREGATES
        )
        self.assertEqual((count, converted, hired), (0, 0, 0))
        self.assertFalse(converted_rate)
        self.assertFalse(hired_rate)
        figures = self._figures("talent.source.report", [("talent_id", "=", self.anna.id)], [], SOURCE_AGGREGATES)
        self.assertEqual(figures[()], (1, 1, 1, 100.0, 100.0))

    # hires from pools ----------------------------------------------------------------

    def test_origin_of_each_application(self):
        rows = self.env["talent.hire.report"].search([("applicant_id", "in", self.applications.ids)])
        origin = {row.applicant_id: row.origin for row in rows}
        self.assertEqual(
            origin,
            {
                self.app_anna: "pool",
                self.app_ben: "pool",
                self.app_cleo: "pool",
                self.app_emil: "external",
                self.app_finn: "external",
            },
        )
        finn_row = rows.filtered(lambda row: row.applicant_id == self.app_finn)
        self.assertEqual(finn_row.talent_id, self.finn, "linked to its talent, created after the application")

    def test_hires_from_pools_versus_external(self):
        domain = [("applicant_id", "in", self.applications.ids), ("hired", "=", True)]
        figures = self._figures("talent.hire.report", domain, ["origin"], HIRE_AGGREGATES)
        # hires, median days to hire, average days to hire
        self.assertEqual(figures[("pool",)], (2, 15.0, 15.0))
        self.assertEqual(figures[("external",)], (2, 40.0, 40.0))
        [(share, hires)] = self.env["talent.hire.report"]._read_group(
            domain, [], ["from_pool_rate:avg", "hired_count:sum"]
        )
        self.assertEqual((share, hires), (50.0, 4))
        [(share_all, count, from_pool)] = self.env["talent.hire.report"]._read_group(
            [("applicant_id", "in", self.applications.ids)],
            [],
            ["from_pool_rate:avg", "__count", "from_pool_count:sum"],
        )
        self.assertEqual((share_all, count, from_pool), (60.0, 5, 3), "Cleo is from a pool, not hired yet")

    def test_hires_per_month(self):
        figures = self._figures(
            "talent.hire.report",
            [("applicant_id", "in", self.applications.ids), ("hired", "=", True)],
            ["date_closed:month", "origin"],
            ["__count"],
        )
        self.assertEqual(
            {(str(month)[:10], origin): count for (month, origin), (count,) in figures.items()},
            {("2023-01-01", "pool"): 1, ("2023-02-01", "pool"): 1, ("2023-02-01", "external"): 2},
        )

    def test_hire_single_and_empty(self):
        figures = self._figures("talent.hire.report", [("applicant_id", "=", self.app_anna.id)], [], HIRE_AGGREGATES)
        self.assertEqual(figures[()], (1, 10.0, 10.0))
        [(count, median, avg)] = self.env["talent.hire.report"]._read_group(
            [("applicant_id", "=", self.app_cleo.id), ("hired", "=", True)], [], HIRE_AGGREGATES
        )
        self.assertEqual(count, 0)
        self.assertFalse(median)
        self.assertFalse(avg)

    def test_unhired_application_leaves_the_hires(self):
        self.app_ben.write({"stage_id": self.stage_interview.id})
        self.env.flush_all()
        figures = self._figures(
            "talent.hire.report",
            [("applicant_id", "in", self.applications.ids), ("hired", "=", True)],
            ["origin"],
            HIRE_AGGREGATES,
        )
        self.assertEqual(figures[("pool",)], (1, 10.0, 10.0))

    # multi-company and access --------------------------------------------------------

    @users("talent_manager")
    def test_manager_sees_own_company_only(self):
        figures = self._figures(
            "talent.source.report", [("source_id", "=", self.source_a.id)], ["company_id"], ["__count"]
        )
        self.assertEqual(figures, {(self.company.id,): (2,)})
        figures = self._figures(
            "talent.hire.report",
            [("hired", "=", True), ("applicant_id", "in", self.applications.ids)],
            ["origin"],
            ["__count"],
        )
        self.assertEqual(figures, {("pool",): (2,), ("external",): (2,)})

    @users("talent_other_recruiter")
    def test_other_company_sees_its_own_talent(self):
        figures = self._figures("talent.source.report", [("source_id", "=", self.source_a.id)], [], ["__count"])
        self.assertEqual(figures, {(): (1,)})
        self.assertFalse(self.env["talent.hire.report"].search([("applicant_id", "in", self.applications.ids)]))

    @users("talent_employee")
    def test_employee_cannot_read_reports(self):
        for model in ("talent.source.report", "talent.hire.report", "talent.pool.health.report",
                      "talent.engagement.report", "talent.engagement.pool.report"):
            with self.assertRaises(AccessError):
                self.env[model].search([])

    # export ---------------------------------------------------------------------------

    @users("talent_manager")
    def test_export_data(self):
        rows = self.env["talent.hire.report"].search(
            [("applicant_id", "in", (self.app_anna | self.app_emil).ids)], order="date"
        )
        data = rows.export_data(["applicant_id", "job_id", "origin", "date_closed", "time_to_fill_avg"])["datas"]
        self.assertEqual([row[2] for row in data], ["External", "From a pool"])
        self.assertEqual([round(row[4], 1) for row in data], [30.0, 10.0])

    # digest ---------------------------------------------------------------------------

    def _digest_values(self, user, start, end):
        digest = self.env.ref("talent_crm.digest_digest_talent_crm").with_user(user).with_context(
            start_datetime=start, end_datetime=end
        )
        digest.invalidate_model()
        return {
            "new_talents": digest.kpi_talent_crm_new_talents_value,
            "conversions": digest.kpi_talent_crm_conversions_value,
            "pool_hires": digest.kpi_talent_crm_pool_hires_value,
            "replies": digest.kpi_talent_crm_replies_value,
        }

    def test_digest_kpis(self):
        digest = self.env.ref("talent_crm.digest_digest_talent_crm")
        self.assertEqual(digest.periodicity, "monthly")
        self.assertIn(self.env.ref("base.user_admin"), digest.user_ids)
        january = self._digest_values(self.user_manager, datetime(2023, 1, 1), datetime(2023, 2, 1))
        self.assertEqual(january, {"new_talents": 5, "conversions": 3, "pool_hires": 1, "replies": 0},
                         "4 talents + Finn's talent; Anna, Ben, Cleo converted; Anna hired")
        february = self._digest_values(self.user_manager, datetime(2023, 2, 1), datetime(2023, 3, 1))
        self.assertEqual(february, {"new_talents": 0, "conversions": 0, "pool_hires": 1, "replies": 0})
        self.assertEqual(
            self._digest_values(self.user_other_company.with_company(self.other_company), datetime(2023, 1, 1),
                                datetime(2023, 2, 1))["new_talents"],
            0,
            "the digest is computed for its own company",
        )

    def test_digest_email_for_managers_only(self):
        digest = self.env.ref("talent_crm.digest_digest_talent_crm")
        with freeze_time("2023-02-05 08:00:00"):
            kpis = digest._compute_kpis(self.company, self.user_manager)
            names = [kpi["kpi_name"] for kpi in kpis]
            self.assertIn("kpi_talent_crm_pool_hires", names)
            pool_hires = kpis[names.index("kpi_talent_crm_pool_hires")]
            self.assertEqual(pool_hires["kpi_col1"]["value"], 0, "nobody in the last 24 hours")
            self.assertEqual(pool_hires["kpi_col2"]["value"], 1, "Ben in the last 7 days")
            self.assertEqual(pool_hires["kpi_col3"]["value"], 2, "Anna and Ben in the last 30 days")
            self.assertIn("talent_crm.talent_hire_report_action", pool_hires["kpi_action"])
            employee_kpis = digest._compute_kpis(self.company, self.user_employee)
        self.assertFalse([kpi for kpi in employee_kpis if kpi["kpi_name"].startswith("kpi_talent_crm")])


@tagged("post_install", "-at_install", "talent_crm")
class TestReportPoolHealth(TalentLeadCommon):
    """Pool health against the current date (the view compares with the database clock)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Pool = cls.env["hr.talent.pool"]
        cls.pool_fresh = Pool.create({"name": "Health: fresh", "company_id": cls.company.id})
        cls.pool_stale = Pool.create({"name": "Health: stale", "company_id": cls.company.id})
        cls.pool_empty = Pool.create({"name": "Health: empty", "company_id": cls.company.id})
        cls.pool_other = Pool.create({"name": "Health: other company", "company_id": cls.other_company.id})
        cls.paul = cls._create_talent("Paul Health", talent_pool_ids=[Command.set(cls.pool_fresh.ids)])
        cls.petra = cls._create_talent("Petra Health", talent_pool_ids=[Command.set(cls.pool_fresh.ids)])
        cls.sam = cls._create_talent("Sam Health", talent_pool_ids=[Command.set(cls.pool_stale.ids)])
        cls.otto = cls._create_talent(
            "Otto Health", company_id=cls.other_company.id, talent_pool_ids=[Command.set(cls.pool_other.ids)]
        )
        people = cls.paul | cls.petra | cls.sam | cls.otto
        cls.env["talent.touch"].search([("partner_id", "in", people.partner_id.ids)]).unlink()
        now = datetime.now().replace(microsecond=0)
        cls.paul_touched = now - timedelta(days=10, hours=1)
        cls.sam_touched = now - timedelta(days=200, hours=1)
        cls.env["talent.touch"].create(
            [
                cls._touch_vals(cls.paul, cls.paul_touched),
                cls._touch_vals(cls.paul, now - timedelta(days=40)),
                cls._touch_vals(cls.sam, cls.sam_touched),
                # a touch by the main company does not keep the other company's pool alive
                cls._touch_vals(cls.otto, now - timedelta(days=5)),
            ]
        )
        cls.pools = cls.pool_fresh | cls.pool_stale | cls.pool_empty | cls.pool_other
        cls.env.flush_all()

    @classmethod
    def _touch_vals(cls, talent, date):
        return {
            "partner_id": talent.partner_id.id,
            "talent_id": talent.id,
            "company_id": cls.company.id,
            "date": date,
            "summary": "Health check call",
            "channel": "call",
        }

    def _rows(self):
        rows = self.env["talent.pool.health.report"].search([("pool_id", "in", self.pools.ids)])
        return {
            row.pool_id: (row.talent_count, row.touched_count, round(row.touched_rate, 2), row.last_touch_date,
                          row.days_since_touch, row.is_stale)
            for row in rows
        }

    def test_pool_health(self):
        rows = self._rows()
        self.assertEqual(rows[self.pool_fresh], (2, 1, 50.0, self.paul_touched, 10, False))
        self.assertEqual(rows[self.pool_stale], (1, 0, 0.0, self.sam_touched, 200, True))
        self.assertEqual(rows[self.pool_empty], (0, 0, 0.0, False, 0, True))
        self.assertEqual(rows[self.pool_other], (1, 0, 0.0, False, 0, True), "other company's touch ignored")

    def test_touch_revives_a_pool_and_archiving_empties_it(self):
        self.env["talent.touch"].create(self._touch_vals(self.sam, datetime.now() - timedelta(days=1)))
        self.paul.action_archive()
        self.env.flush_all()
        rows = self._rows()
        self.assertEqual(rows[self.pool_stale][:2], (1, 1))
        self.assertFalse(rows[self.pool_stale][5])
        self.assertEqual(rows[self.pool_fresh][:3], (1, 0, 0.0), "only Petra left, never touched")
        self.assertTrue(rows[self.pool_fresh][5])

    @users("talent_manager")
    def test_stale_filter_as_manager(self):
        stale = self.env["talent.pool.health.report"].search(
            [("is_stale", "=", True), ("pool_id", "in", self.pools.ids)]
        )
        self.assertEqual(stale.pool_id, self.pool_stale | self.pool_empty, "the other company's pool is hidden")
        [(count,)] = self.env["talent.pool.health.report"]._read_group(
            [("pool_id", "in", self.pools.ids)], [], ["stale_count:sum"]
        )
        self.assertEqual(count, 2)


@tagged("post_install", "-at_install", "talent_crm")
class TestReportFunnelOverTime(TalentLeadCommon):
    """Lead States over Time: the funnel report grouped by month and state."""

    def test_states_per_month(self):
        with freeze_time("2023-01-10 08:00:00"):
            lina = self._create_lead("Lina Monthly")
            mo = self._create_lead("Mo Monthly")
        with freeze_time("2023-02-03 08:00:00"):
            lina.action_talent_lead_qualify()
        with freeze_time("2023-02-20 08:00:00"):
            mo._talent_lead_move("not_interested", reason="Moved abroad")
        self.env.flush_all()
        action = self.env["ir.actions.act_window"]._for_xml_id("talent_crm.talent_lead_funnel_report_action_time")
        self.assertEqual(action["domain"], "[('pool_id', '=', False)]")
        domain = [
            ("talent_id", "in", (lina | mo).ids),
            ("pool_id", "=", False),
        ]
        figures = self.env["talent.lead.funnel.report"].with_user(self.user_manager)._read_group(
            domain, ["date:month", "state"], ["__count"]
        )
        self.assertEqual(
            {(str(month)[:7], state): count for month, state, count in figures},
            {("2023-01", "captured"): 2, ("2023-02", "qualified"): 1, ("2023-02", "not_interested"): 1},
        )


@tagged("post_install", "-at_install", "talent_crm")
class TestReportReferralAndEventSources(TalentLeadCommon):
    """Referrals and recruiting events are sources like any other (issue 20): their talents show
    in source effectiveness, the lead funnel and the hires, and the time to fill of referral hires
    compares with the other sources. Applications on 2023-01-10; hired after 10 days (referral),
    20 days (event) and 40 days (another source)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.referral_source = cls.env.ref("talent_crm.utm_source_referral")
        cls.event_source = cls.env.ref("talent_crm.utm_source_event")
        cls.rafa = (
            cls.env["talent.referral"]
            .with_user(cls.user_employee)
            .create({"name": "Rafa Referred", "email": "rafa.referred@example.com", "relationship": "colleague"})
            .sudo()
            .talent_id
        )
        event = cls.env["event.event"].create(
            {"name": "Report fair (test)", "company_id": cls.company.id, "talent_recruiting": True}
        )
        cls.evi = cls.env["event.registration"].create(
            {"event_id": event.id, "name": "Evi Event", "email": "evi.event@example.com"}
        ).talent_id
        cls.olaf = cls._create_lead("Olaf Other", source_id=cls.source.id)
        cls.talents = cls.rafa | cls.evi | cls.olaf
        cls.talents.talent_role_family_id = cls.role_backend
        cls._set_create_date(cls.talents, datetime(2023, 1, 1, 9, 0))
        wizard = cls.env["job.add.applicants"].create(
            {"applicant_ids": [Command.set(cls.talents.ids)], "job_ids": [Command.set(cls.job.ids)]}
        )
        wizard.action_add_applicants_to_job()
        cls.applications = cls.env["hr.applicant"].search([("pool_applicant_id", "in", cls.talents.ids)]) - cls.talents
        cls._set_create_date(cls.applications, datetime(2023, 1, 10, 9, 0))
        for talent, days in ((cls.rafa, 10), (cls.evi, 20), (cls.olaf, 40)):
            application = cls.applications.filtered(lambda a, t=talent: a.pool_applicant_id == t)
            application.write({"stage_id": cls.stage_hired.id})
            application.write({"date_closed": datetime(2023, 1, 10, 9, 0) + timedelta(days=days)})
        cls.env.flush_all()

    def test_sources_in_source_effectiveness(self):
        figures = self._figures(
            "talent.source.report", [("talent_id", "in", self.talents.ids)], ["source_id"], SOURCE_AGGREGATES
        )
        for source in (self.referral_source, self.event_source, self.source):
            self.assertEqual(figures[(source.id,)], (1, 1, 1, 100.0, 100.0), source.name)

    def test_time_to_fill_of_referral_hires_against_other_sources(self):
        figures = self._figures(
            "talent.hire.report",
            [("applicant_id", "in", self.applications.ids), ("hired", "=", True)],
            ["source_id"],
            HIRE_AGGREGATES,
        )
        self.assertEqual(
            figures,
            {
                (self.referral_source.id,): (1, 10.0, 10.0),
                (self.event_source.id,): (1, 20.0, 20.0),
                (self.source.id,): (1, 40.0, 40.0),
            },
        )

    def test_sources_in_the_lead_funnel(self):
        figures = self._figures(
            "talent.lead.funnel.report", [("talent_id", "in", self.talents.ids)], ["source_id"], ["__count"]
        )
        self.assertEqual(
            set(figures), {(self.referral_source.id,), (self.event_source.id,), (self.source.id,)}
        )
