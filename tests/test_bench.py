# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The bench: statistics, the people factory, and the generator on a scratch database.

The scratch database is a copy of the suite's test database (talent_crm installed, no
data), named after it so that parallel checkouts do not collide. The generator fills it at
a tiny scale; the tests then read the generated records through the ORM.
"""

import math

import phonenumbers
import pytest

from odoo.tools import config, email_normalize

from odoo.addons.talent_crm.tools import profile_urls

from bench import report, runner, stats
from bench.generator import fakedata

SCALE = 60


# ---------------------------------------------------------------- statistics


def test_median_and_quartiles():
    assert stats.median([3, 1, 2]) == 2
    assert stats.median([4, 1, 3, 2]) == 2.5
    # numpy.percentile's linear interpolation: [1..5] -> 2 and 4; [1..4] -> 1.75 and 3.25
    assert stats.quartiles([5, 1, 4, 2, 3]) == (2, 4)
    assert stats.quartiles([1, 2, 3, 4]) == (1.75, 3.25)
    assert stats.quartiles([7]) == (7, 7)
    with pytest.raises(ValueError):
        stats.median([])


def test_summarize():
    summary = stats.summarize([0.30, 0.10, 0.20, 0.50, 0.40])
    assert summary["median"] == pytest.approx(0.30)
    assert (summary["min"], summary["max"]) == (0.10, 0.50)
    assert summary["q1"] == pytest.approx(0.20)
    assert summary["q3"] == pytest.approx(0.40)
    assert summary["iqr"] == pytest.approx(0.20)
    assert summary["n"] == 5


def test_ratio_and_per_record():
    assert stats.ratio(10.0, 2.0) == 5.0
    assert stats.ratio(1.0, 4.0) == 0.25, "a slower fast path shows as a ratio below 1"
    assert stats.ratio(3.0, 0) == math.inf
    assert stats.ratio(0, 0) is None
    assert stats.ratio(None, 1.0) is None
    assert stats.per_record(1500, 1000) == 1.5
    assert stats.per_record(10, 0) is None


def test_series_and_table():
    series = runner._series("fast", [0.2, 0.1, 0.3], [12, 12, 14], 100)
    assert series["time"]["median"] == 0.2
    assert series["queries_median"] == 12
    assert series["queries_per_record"] == 0.12
    assert series["ms_per_record"] == pytest.approx(2.0)
    result = {
        "name": "demo", "status": "ok", "records": 100, "baseline_label": "loop",
        "fast": series, "baseline": runner._series("loop", [2.0, 2.2, 1.8], [300, 300, 300], 100),
        "speedup": stats.ratio(2.0, 0.2),
    }
    skipped = {"name": "later", "status": "skipped", "reason": "feature not on this branch", "baseline_label": "x"}
    rows = report.table_rows([result, skipped])
    assert rows[1] == ["demo", "100", "3", "200 ms (100 ms-300 ms)", "12 (0.12/rec)", "loop", "2.00 s (1.80 s-2.20 s)",
                       "300 (3.00/rec)", "10.0x"]
    assert rows[2][3] == "skipped: feature not on this branch"
    assert "later" in report.text_table([result, skipped])


# ---------------------------------------------------------------- people


def test_people_are_deterministic_and_valid():
    family = "talent_crm.talent_role_family_engineering"
    first = fakedata.PeopleFactory(7).person(family)
    factory_a, factory_b = fakedata.PeopleFactory(7), fakedata.PeopleFactory(7)
    people_a = [factory_a.person(family) for _i in range(40)]
    people_b = [factory_b.person(family) for _i in range(40)]
    assert people_a == people_b, "one seed, one population"
    assert first == people_a[0]
    other = [fakedata.PeopleFactory(8).person(family) for _i in range(40)]
    assert [p["name"] for p in other] != [p["name"] for p in people_a]
    assert len({p["locale"] for p in people_a}) > 2, "several locales"
    for person in people_a:
        if person["phone"]:
            number = phonenumbers.parse(person["phone"])
            assert phonenumbers.is_valid_number(number)
            assert phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == person["phone_e164"]
        if person["email"]:
            assert email_normalize(person["email"]), person["email"]
        if person["linkedin"]:
            assert profile_urls.normalize_linkedin(person["linkedin"]) == person["linkedin"]
        if person["github"]:
            assert profile_urls.normalize_github(person["github"]) == person["github"]


def test_near_duplicates_share_a_key():
    factory = fakedata.PeopleFactory(3)
    for _i in range(60):
        person = factory.person("talent_crm.talent_role_family_sales")
        duplicate, kind = factory.near_duplicate(person)
        if kind == "email_case":
            assert duplicate["email"] != person["email"]
            assert duplicate["email"].lower() == person["email"].lower()
        elif kind == "phone":
            assert duplicate["phone_e164"] == person["phone_e164"]
            assert duplicate["email"].lower() != (person["email"] or "").lower()
        elif kind == "name_typo":
            assert duplicate["name"] != person["name"]
            assert duplicate["first"] == person["first"]
        else:
            assert kind == "linkedin" and duplicate["linkedin"] == person["linkedin"]


# ---------------------------------------------------------------- generator on a scratch database


def _scratch_name():
    db_name = config["db_name"]
    if isinstance(db_name, (list, tuple)):
        db_name = db_name[0]
    return db_name, "%s_bench_check" % db_name


@pytest.fixture(scope="module")
def bench_env():
    """A scratch copy of the test database, filled by the generator at a tiny scale."""
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    import bench.scenarios  # noqa: F401 - registers the scenarios' own data steps, built here too
    from bench.database import copy_database, drop_database
    from bench.generator import Generator
    from bench.generator.check import check_generated

    source, scratch = _scratch_name()
    drop_database(scratch)
    copy_database(source, scratch)
    test_enable = config["test_enable"]
    try:
        config["test_enable"] = False  # load the copy's registry without collecting its tests
        try:
            registry = Registry(scratch)
        finally:
            config["test_enable"] = test_enable
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            marker = Generator(env, SCALE, seed=5).build()
            counts = check_generated(env, seed=5)
            cr.commit()
            yield env, marker, counts
            cr.rollback()
    finally:
        drop_database(scratch)


def test_generated_talents_are_orm_records(bench_env):
    env, marker, counts = bench_env
    assert marker["scale"] == SCALE
    assert set(marker["steps"]) >= {"reference", "pools", "talents", "touches", "mailings"}
    assert counts["talents"] > 0, "the consistency check compared ORM twins"
    talents = env["hr.applicant"].search([("talent_pool_ids", "!=", False)])
    assert len(talents) == SCALE
    for talent in talents:
        assert talent.partner_id, "every talent has a partner"
        assert talent.is_pool_applicant and talent.pool_applicant_id == talent
        assert talent.email_normalized == (email_normalize(talent.email_from) if talent.email_from else False)
        assert talent.partner_id.email_normalized == talent.email_normalized
        if talent.partner_phone:
            assert talent.partner_phone_sanitized == talent._phone_format(fname="partner_phone")
        assert talent.skill_ids == talent.applicant_skill_ids.skill_id
        assert talent.talent_last_contact_date == talent.partner_id.talent_last_touch_date
    # constraints of the ORM hold on the generated records
    talents._validate_fields(list(talents._fields))
    talents.applicant_skill_ids._validate_fields(list(talents.applicant_skill_ids._fields))
    # near-duplicates are recorded with the key that links them
    env.cr.execute("SELECT original_id, duplicate_id, kind FROM talent_crm_bench_duplicate")
    pairs = env.cr.fetchall()
    assert pairs
    for original_id, duplicate_id, kind in pairs:
        original, duplicate = env["hr.applicant"].browse([original_id, duplicate_id])
        if kind == "email_case":
            assert original.email_normalized == duplicate.email_normalized
            assert original.partner_id != duplicate.partner_id
        elif kind == "phone":
            assert original.partner_phone_sanitized == duplicate.partner_phone_sanitized
    # the mailing history is Odoo's own: traces counted by mass_mailing's statistics
    mailing = env["mailing.mailing"].search([("mailing_model_id.model", "=", "hr.applicant")], limit=1)
    assert mailing.sent > 0


def test_pool_members_have_their_membership_log(bench_env):
    env, marker, _counts = bench_env
    assert "pool_memberships" in marker["steps"]
    env.cr.execute(
        """SELECT count(*) FROM hr_applicant_hr_talent_pool_rel r
            WHERE NOT EXISTS (SELECT 1 FROM talent_pool_membership m
                               WHERE m.talent_id = r.hr_applicant_id AND m.pool_id = r.hr_talent_pool_id
                                 AND m.date_left IS NULL)"""
    )
    assert env.cr.fetchone()[0] == 0, "every generated member has an open membership"
    membership = env["talent.pool.membership"].search([], limit=1)
    assert membership.date_joined == membership.talent_id.create_date, "joined when captured"


def test_consistency_check_catches_a_wrong_fixup(bench_env):
    """The check is not a rubber stamp: a wrong stored value makes it fail."""
    from bench.generator.check import ConsistencyError, check_generated

    env, _marker, _counts = bench_env
    savepoint = env.cr.savepoint(flush=False)
    try:
        env.cr.execute(
            "UPDATE hr_applicant SET partner_phone_sanitized = '+4900000000' WHERE partner_phone IS NOT NULL"
        )
        env.invalidate_all()
        with pytest.raises(ConsistencyError, match="partner_phone_sanitized"):
            check_generated(env, seed=5)
    finally:
        savepoint.close(rollback=True)
        env.invalidate_all()


def _scenario_names():
    from bench.scenarios import all_scenarios

    return [scenario.name for scenario in all_scenarios()]


@pytest.mark.parametrize("name", _scenario_names())
def test_scenario_agrees_with_its_baseline(bench_env, name):
    """Every scenario, at a tiny scale: the runner compares the fast way with its baseline on
    the warm-up and on each measured run, and fails the scenario when they differ."""
    from bench.scenarios import all_scenarios

    env, _marker, _counts = bench_env
    scenario = {scenario.name: scenario for scenario in all_scenarios()}[name]
    result = runner.run_scenario(env.cr, scenario, runs=1, log=lambda _m: None)
    assert result["status"] == "ok", result.get("reason")
    assert result["records"] > 0
    assert len(result["fast"]["times"]) == len(result["baseline"]["times"]) == 1


def test_matching_agrees_with_a_python_scoring_of_every_talent(bench_env):
    """The pruned ranking against every talent scored in Python from its own records."""
    from bench.scenarios import all_scenarios

    env, _marker, _counts = bench_env
    scenario = {scenario.name: scenario for scenario in all_scenarios()}["job_matching"]()
    env.cr.rollback()
    user_env = runner._environment(env.cr, scenario)
    try:
        state = scenario.setup(user_env)
        assert state["job_id"], "the generated data has a job with skills and a description"
        fast = scenario.fast(user_env, state)
        assert fast, "the job has matches"
        assert scenario.reference(user_env, state) == fast
    finally:
        env.cr.rollback()


def test_runner_fails_a_scenario_whose_baseline_disagrees(bench_env):
    """The agreement check is not a rubber stamp: a baseline that drops one pool fails the run."""
    from bench.scenarios import all_scenarios

    env, _marker, _counts = bench_env
    scenario = {scenario.name: scenario for scenario in all_scenarios()}["pool_counts"]

    class Broken(scenario):
        name = None  # not registered with the real scenarios

        def baseline(self, env, state):
            result = super().baseline(env, state)
            result.pop(min(result))
            return result

    Broken.name = "broken_pool_counts"
    result = runner.run_scenario(env.cr, Broken, runs=1, log=lambda _m: None)
    assert result["status"] == "error"
    assert "different results" in result["reason"]


def test_runner_measures_and_skips(bench_env):
    from bench.scenarios import all_scenarios

    env, _marker, _counts = bench_env
    scenarios = {scenario.name: scenario for scenario in all_scenarios()}
    assert {"talent_create", "pool_counts", "contact_blockers", "pool_rule_refresh", "job_matching",
            "nurture_cron", "duplicate_detection", "pool_mailing_recipients",
            "pool_mailing_send_recipients"} <= set(scenarios)
    result = runner.run_scenario(env.cr, scenarios["pool_counts"], runs=2, log=lambda _m: None)
    assert result["status"] == "ok", result.get("reason")
    assert result["records"] == env["hr.talent.pool"].search_count([])
    assert len(result["fast"]["times"]) == 2
    assert result["fast"]["queries_median"] > 0 and result["baseline"]["queries_median"] > 0
    assert len(result["baseline"]["queries"]) == 2
    assert result["speedup"] == stats.ratio(result["baseline"]["time"]["median"], result["fast"]["time"]["median"])
    from bench.scenarios import PendingScenario

    class Slot(PendingScenario):  # unnamed at creation: not registered with the real scenarios
        requires = ("talent.feature.of.another.branch",)
        feature = "a later issue"

    Slot.name = "test_slot"
    slot = runner.run_scenario(env.cr, Slot, runs=2, log=lambda _m: None)
    assert slot["status"] == "skipped"
    assert slot["reason"].startswith("feature not on this branch")
    assert "fast" not in slot, "a skipped scenario has no numbers"
