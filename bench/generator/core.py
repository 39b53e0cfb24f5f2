# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The core data steps: what talent_crm has on main.

Small reference data (users, skills, pools, jobs, mailings) goes through the ORM. The
large tables (partners, talents, skills per talent, memberships, applications, consents,
touches, mailing traces) are written with COPY, with the values the ORM would compute
(normalised email, E.164 phone, ``pool_applicant_id``, ``skill_ids``, last touch dates...)
filled in here; :mod:`bench.generator.check` proves it against ORM-created twins.
"""

from datetime import timedelta

from odoo import Command
from odoo.tools import email_normalize

from odoo.addons.talent_crm.tools import profile_urls

from . import data_step
from .bulk import reserve_ids
from .fakedata import LANGUAGES_BY_COUNTRY, ROLE_FAMILIES, SKILL_LEVELS, SKILL_TYPES, PeopleFactory

DUPLICATE_SHARE = 0.04
APPLICATION_SHARE = 0.05
TOUCHES_PER_TALENT = 8  # plus the touches of the mailings (about 2 per talent)
REGIONS = {
    "DACH": ["DE", "AT", "CH"],
    "Western Europe": ["FR", "NL", "ES", "IT", "GB"],
    "Poland": ["PL"],
    "North America": ["US"],
}

# stored fields of the data lifecycle (one compute): they read the person's applications and consents
LIFECYCLE_FIELDS = [
    "talent_legal_basis", "talent_legal_basis_date", "talent_legal_basis_evidence", "talent_retention_date",
    "talent_retention_reason",
]


def _country_ids(gen):
    countries = gen.env["res.country"].search([("code", "in", list(LANGUAGES_BY_COUNTRY))])
    return {country.code: country.id for country in countries}


@data_step("reference", version=1, sequence=10, core=True)
def generate_reference(gen):
    """Recruiters, the bench manager, skill catalogue, campaigns: through the ORM."""
    env = gen.env
    factory = PeopleFactory(gen.seed + 1)
    user_group = env.ref("talent_crm.group_talent_crm_user")
    manager_group = env.ref("talent_crm.group_talent_crm_manager")
    recruiter_count = min(25, max(3, gen.scale // 2000))
    users = env["res.users"].with_context(no_reset_password=True).create(
        [
            {
                "name": factory.fakers["de_DE"].name(),
                "login": "bench_recruiter_%d" % index,
                "email": "bench_recruiter_%d@talent-crm.example" % index,
                "group_ids": [Command.set(user_group.ids)],
            }
            for index in range(1, recruiter_count + 1)
        ]
        + [
            {
                "name": "Bench Manager",
                "login": "bench_manager",
                "email": "bench_manager@talent-crm.example",
                "group_ids": [Command.set(manager_group.ids)],
            }
        ]
    )
    gen.data["recruiter_ids"] = users[:-1].ids

    skill_types = env["hr.skill.type"].create(
        [
            {
                "name": type_name,
                "skill_ids": [Command.create({"name": name}) for name in skills],
                "skill_level_ids": [
                    Command.create({"name": level, "level_progress": progress, "default_level": index == 0})
                    for index, (level, progress) in enumerate(SKILL_LEVELS)
                ],
            }
            for type_name, skills in SKILL_TYPES.items()
        ]
    )
    skills = {}
    for skill_type in skill_types:
        levels = skill_type.skill_level_ids.sorted("level_progress").ids
        for skill in skill_type.skill_ids:
            skills[skill.name] = (skill.id, skill_type.id, levels)
    languages = env["hr.skill.type"].search([("skill_ids.name", "in", ["German", "English"])], limit=1)
    if languages:
        levels = languages.skill_level_ids.sorted("level_progress").ids[-4:]
        for skill in languages.skill_ids:
            skills[skill.name] = (skill.id, languages.id, levels)
    gen.data["skills"] = skills
    gen.data["campaign_ids"] = env["utm.campaign"].create(
        [{"name": "Talent newsletter %s" % quarter} for quarter in ("Q1", "Q2", "Q3", "Q4")]
    ).ids


@data_step("pools", version=1, sequence=15, core=True)
def generate_pools(gen):
    """Segment pools per role family and region, plus runners-up and event pools."""
    env = gen.env
    rng = gen.rng
    countries = _country_ids(gen)
    seniorities = {xmlid: env.ref(xmlid).id for xmlid in (
        "talent_crm.talent_seniority_junior", "talent_crm.talent_seniority_mid",
        "talent_crm.talent_seniority_senior", "talent_crm.talent_seniority_lead",
    )}
    count = max(8, gen.scale // 400)
    specs = []
    families = list(ROLE_FAMILIES)
    index = 0
    while len(specs) < count - 2:
        family = families[index % len(families)]
        region = list(REGIONS)[(index // len(families)) % len(REGIONS)]
        round_ = index // (len(families) * len(REGIONS))
        family_name = env.ref(family).name
        name = "%s - %s" % (family_name, region)
        if round_:
            name = "%s (%s)" % (name, ["Senior", "Open to offers", "Silver medalists", "Referrals"][round_ % 4]
                                + ("" if round_ < 4 else " %d" % (round_ // 4 + 1)))
        specs.append({
            "name": name,
            "family": family,
            "region": region,
            "vals": {
                "name": name,
                "segment_role_family_ids": [Command.set([env.ref(family).id])],
                "segment_country_ids": [Command.set([countries[c] for c in REGIONS[region]])],
                "segment_seniority_ids": [Command.set(rng.sample(sorted(seniorities.values()), 2))],
                "segment_note": "%s people in %s" % (family_name, region),
            },
        })
        index += 1
    specs.append({"name": "Runners-up", "family": None, "region": None,
                  "vals": {"name": "Runners-up", "segment_note": "Finalists we did not hire"}})
    specs.append({"name": "Event contacts", "family": None, "region": None,
                  "vals": {"name": "Event contacts", "segment_note": "Met at meetups and career fairs"}})
    recruiters = gen.data["recruiter_ids"]
    for spec in specs:
        spec["vals"].update({
            "pool_manager": rng.choice(recruiters),
            "color": rng.randrange(12),
            "description": "<p>%s</p>" % spec["vals"]["segment_note"],
        })
    pools = env["hr.talent.pool"].create([spec["vals"] for spec in specs])
    by_family_region = {}
    for spec, pool in zip(specs, pools, strict=True):
        if spec["family"]:
            by_family_region.setdefault((spec["family"], spec["region"]), []).append(pool.id)
    gen.data["pools"] = {
        "by_family_region": by_family_region,
        "runners_up": pools[-2].id,
        "events": pools[-1].id,
        "default": env.ref("talent_crm.hr_talent_pool_new_leads").id,
        "all": pools.ids,
    }


def _region_of(country):
    for region, codes in REGIONS.items():
        if country in codes:
            return region
    return "Western Europe"


def _normalized_urls(person):
    """The talent's profile fields from the fake person (whose keys are the profile kinds)."""
    return {
        fname: profile_urls.NORMALIZERS[kind](person[kind]) if person[kind] else None
        for kind, fname in profile_urls.FIELD_BY_KIND.items()
    }


@data_step("talents", version=2, sequence=20, core=True)
def generate_talents(gen):
    """Partners and talents (with skills and pool memberships), near-duplicates included."""
    env = gen.env
    rng = gen.rng
    factory = PeopleFactory(gen.seed)
    countries = _country_ids(gen)
    families = list(ROLE_FAMILIES)
    family_weights = [ROLE_FAMILIES[f][0] for f in families]
    family_ids = {xmlid: env.ref(xmlid).id for xmlid in families}
    seniority_ids = {}
    recruiters = gen.data["recruiter_ids"]
    sources = [env.ref(x).id for x in (
        "talent_crm.utm_source_sourcing", "talent_crm.utm_source_talent_community",
        "talent_crm.utm_source_referral", "talent_crm.utm_source_event", "talent_crm.utm_source_past_applicant",
        "utm.utm_source_linkedin",
    )]
    source_weights = [35, 20, 12, 10, 13, 10]
    mediums = {
        "sourcing": env.ref("utm.utm_medium_linkedin").id,
        "email": env.ref("utm.utm_medium_email").id,
        "website": env.ref("utm.utm_medium_website").id,
    }
    degrees = env["hr.recruitment.degree"].search([]).ids
    pools = gen.data["pools"]
    skills = gen.data["skills"]

    originals = round(gen.scale * (1 - DUPLICATE_SHARE))
    people = []  # (person, duplicate_of_index, kind)
    for _index in range(originals):
        family = rng.choices(families, weights=family_weights, k=1)[0]
        people.append((factory.person(family), None, None))
    for _index in range(gen.scale - originals):
        original = rng.randrange(originals)
        duplicate, kind = factory.near_duplicate(people[original][0])
        people.append((duplicate, original, kind))

    partner_ids = _reserve(gen, "res.partner", len(people))
    talent_ids = _reserve(gen, "hr.applicant", len(people))
    partners, talents, skill_rows, skill_rel, pool_rel, dup_rows = [], [], [], [], [], []
    blacklist = []
    for index, (person, duplicate_of, kind) in enumerate(people):
        partner_id, talent_id = partner_ids[index], talent_ids[index]
        created = gen.days_ago(1, 3 * 365)
        if duplicate_of is not None:
            created = gen.days_ago(1, 120)
            dup_rows.append((talent_ids[duplicate_of], talent_id, kind))
        owner = rng.choice(recruiters)
        email = person["email"] or None
        email_normalized = email_normalize(email) if email else None
        country_id = countries[person["country"]]
        do_not_contact = rng.random() < 0.02
        partners.append({
            "name": person["name"],
            "complete_name": person["name"],
            "email": email,
            "email_normalized": email_normalized,
            "phone": person["phone"] or None,
            "phone_sanitized": person["phone_e164"] or None,
            "lang": "en_US",
            "country_id": country_id,
            "city": person["city"],
            "commercial_partner_id": partner_id,
            "partner_share": True,
            "employee": False,
            "is_company": False,
            "calendar_last_notif_ack": created,
            "talent_do_not_contact": do_not_contact,
            "talent_do_not_contact_reason": "Asked not to be contacted" if do_not_contact else None,
            "talent_do_not_contact_date": gen.between(created, gen.anchor) if do_not_contact else None,
            "talent_preferred_channel": rng.choice(["email", "email", "sms", "call", "linkedin"])
            if rng.random() < 0.3 else None,
            # company-dependent (jsonb keyed by company id): the frequency asked of the talent's company
            "talent_contact_frequency": {"1": rng.choice(["monthly", "quarterly", "quarterly"])}
            if rng.random() < 0.25 else None,
            "create_date": created,
            "create_uid": owner,
        })
        if email_normalized and duplicate_of is None and rng.random() < 0.015:
            blacklist.append(
                {"email": email_normalized, "active": True, "create_date": gen.between(created, gen.anchor)}
            )
        seniority = person["seniority"]
        if seniority not in seniority_ids:
            seniority_ids[seniority] = env.ref(seniority).id
        source = rng.choices(sources, weights=source_weights, k=1)[0]
        availability = rng.choices(["open", "not_now", "unknown"], weights=[25, 35, 40], k=1)[0]
        urls = _normalized_urls(person)
        talents.append(dict(urls, **{
            "partner_id": partner_id,
            "partner_name": person["name"],
            "email_from": email,
            "email_normalized": email_normalized,
            "partner_phone": person["phone"] or None,
            "partner_phone_sanitized": person["phone_e164"] or None,
            "phone_sanitized": person["phone_e164"] or None,
            "pool_applicant_id": talent_id,
            "company_id": 1,
            "user_id": owner,
            "date_open": created,
            "date_last_stage_update": created,
            "delay_close": 0.0,
            "talent_role_family_id": family_ids[person["role_family"]],
            "talent_seniority_id": seniority_ids[seniority],
            "talent_current_title": person["title"],
            "talent_current_company": person["company"],
            "talent_country_id": country_id,
            "talent_city": person["city"],
            "talent_remote_preference": rng.choice(["onsite", "hybrid", "hybrid", "remote", "flexible", None]),
            "talent_availability": availability,
            "talent_profile_date": created,
            "availability": (gen.anchor + timedelta(days=rng.randint(0, 180))).date()
            if availability == "open" and rng.random() < 0.6 else None,
            "type_id": rng.choice(degrees) if degrees and rng.random() < 0.6 else None,
            "priority": rng.choices(["0", "1", "2", "3"], weights=[55, 25, 15, 5], k=1)[0],
            "source_id": source,
            "medium_id": mediums["sourcing"] if source == sources[0] else
            mediums["website"] if source == sources[1] else None,
            "create_date": created,
            "create_uid": owner,
        }))
        seen_skills = set()
        for skill_name, level_index in person["skills"]:
            skill_id, type_id, levels = skills[skill_name]
            if skill_id in seen_skills:
                continue
            seen_skills.add(skill_id)
            skill_rows.append({
                "applicant_id": talent_id,
                "skill_id": skill_id,
                "skill_type_id": type_id,
                "skill_level_id": levels[min(level_index, len(levels) - 1)],
                "valid_from": created.date(),
                "create_date": created,
                "create_uid": owner,
            })
            skill_rel.append((talent_id, skill_id))
        # pools: the segment pools of the person's role family and region, sometimes more
        talent_pools = set()
        if duplicate_of is not None:
            talent_pools.add(pools["default"])
        else:
            candidates = pools["by_family_region"].get((person["role_family"], _region_of(person["country"])))
            candidates = candidates or pools["by_family_region"].get((person["role_family"], "DACH")) or []
            if candidates:
                talent_pools.add(rng.choice(candidates))
            if rng.random() < 0.35:
                talent_pools.add(rng.choice(pools["all"]))
            if rng.random() < 0.06:
                talent_pools.add(pools["runners_up"])
            if rng.random() < 0.08:
                talent_pools.add(pools["events"])
            if not talent_pools or rng.random() < 0.05:
                talent_pools.add(pools["default"])
        pool_rel.extend((talent_id, pool_id) for pool_id in sorted(talent_pools))

    gen.insert("res.partner", partners, ids=partner_ids)
    gen.insert("hr.applicant", talents, ids=talent_ids)
    gen.insert("hr.applicant.skill", skill_rows)
    gen.insert_relation("hr_applicant_hr_skill_rel", ["hr_applicant_id", "hr_skill_id"], skill_rel)
    gen.insert_relation("hr_applicant_hr_talent_pool_rel", ["hr_applicant_id", "hr_talent_pool_id"], pool_rel)
    gen.insert("mail.blacklist", blacklist)
    gen.cr.execute(
        "CREATE TABLE IF NOT EXISTS talent_crm_bench_duplicate "
        "(original_id integer NOT NULL, duplicate_id integer NOT NULL, kind varchar NOT NULL)"
    )
    gen.insert_relation("talent_crm_bench_duplicate", ["original_id", "duplicate_id", "kind"], dup_rows)
    gen.recompute("res.partner", partner_ids, handled=PARTNER_HANDLED)
    gen.recompute("hr.applicant", talent_ids, handled=APPLICANT_HANDLED)
    # the ORM stamps the lead state with the moment it is set: here, the talent's creation
    gen.cr.execute(
        "UPDATE hr_applicant SET talent_lead_state_date = create_date "
        "WHERE id = ANY(%s) AND talent_lead_state IS NOT NULL",
        [talent_ids],
    )
    gen.data["talents"] = [
        (talent_ids[i], partner_ids[i], people[i][0], talents[i]) for i in range(len(people))
    ]
    gen.log("  %d talents (%d near-duplicates), %d skills, %d memberships, %d blacklisted"
            % (len(people), len(dup_rows), len(skill_rows), len(pool_rel), len(blacklist)))


# stored computed fields the generator fills itself; the ORM computes any other one
PARTNER_HANDLED = {
    "email_normalized", "complete_name", "lang", "user_id", "company_registry", "employee",
    "partner_share", "commercial_partner_id", "commercial_company_name", "phone_sanitized", "properties",
}
APPLICANT_HANDLED = {
    "phone_sanitized", "email_normalized", "email_from", "partner_phone", "partner_phone_sanitized",
    "stage_id", "company_id", "user_id", "date_closed", "department_id", "delay_close",
    "applicant_properties", "talent_last_contact_date", "talent_last_engagement_date",
    "skill_ids",
}


def _reserve(gen, model_name, count):
    return reserve_ids(gen.cr, gen.env[model_name]._table, count)


JOB_TEXT = {
    "en": (
        "<p>We are looking for a <b>%(title)s</b> to join our %(team)s team in %(city)s.</p>"
        "<p>What you will do: %(tasks)s.</p>"
        "<p>What you bring: solid experience with %(skills)s, and the wish to learn the rest with us.</p>"
        "<p>We offer flexible hours, hybrid work, a learning budget and a team that cares.</p>"
    ),
    "de": (
        "<p>Wir suchen eine:n <b>%(title)s</b> für unser %(team)s-Team in %(city)s.</p>"
        "<p>Deine Aufgaben: %(tasks)s.</p>"
        "<p>Du bringst mit: fundierte Erfahrung mit %(skills)s und Lust, Neues mit uns zu lernen.</p>"
        "<p>Wir bieten flexible Arbeitszeiten, hybrides Arbeiten, ein Weiterbildungsbudget und ein tolles Team.</p>"
    ),
}
TASKS = [
    "design and build features our customers love", "own projects from idea to launch",
    "work closely with product, sales and customers", "improve our processes and tools",
    "mentor colleagues and share what you know", "turn data into decisions",
]
CITIES = ["Berlin", "Munich", "Hamburg", "Cologne", "Vienna", "Zurich", "Frankfurt", "Remote (EU)"]


@data_step("jobs", version=1, sequence=30, core=True)
def generate_jobs(gen):
    """Open positions with descriptions (English and German) and skill requirements."""
    env = gen.env
    rng = gen.rng
    skills = gen.data["skills"]
    count = min(150, max(6, gen.scale // 1000))
    families = list(ROLE_FAMILIES)
    vals_list = []
    names = set()
    for index in range(count):
        family = families[index % len(families)]
        _weight, titles, family_skills = ROLE_FAMILIES[family]
        title = "%s %s" % (rng.choice(["", "Junior", "Senior", "Senior", "Lead"]), rng.choice(titles))
        title = title.strip()
        city = rng.choice(CITIES)
        name = "%s (%s)" % (title, city)
        while name in names:
            name = "%s (%s %d)" % (title, city, len(names))
        names.add(name)
        required = rng.sample(family_skills, min(len(family_skills), rng.randint(3, 6)))
        lang = "de" if rng.random() < 0.4 else "en"
        description = JOB_TEXT[lang] % {
            "title": title,
            "team": env.ref(family).name,
            "city": city,
            "tasks": ", ".join(rng.sample(TASKS, 3)),
            "skills": ", ".join(required),
        }
        job_skills = []
        for skill_name in required + ["English"]:
            skill_id, type_id, levels = skills[skill_name]
            job_skills.append(Command.create({
                "skill_id": skill_id,
                "skill_type_id": type_id,
                "skill_level_id": levels[rng.randint(1, len(levels) - 1)],
            }))
        vals_list.append({
            "name": name,
            "description": description,
            "no_of_recruitment": rng.randint(1, 3),
            "user_id": rng.choice(gen.data["recruiter_ids"]),
            "job_skill_ids": job_skills,
        })
    jobs = env["hr.job"].create(vals_list)
    gen.data["jobs"] = [(job.id, families[i % len(families)], job.user_id.id) for i, job in enumerate(jobs)]


@data_step("applications", version=2, sequence=40, core=True)
def generate_applications(gen):
    """Applications of some talents to jobs of their role family; a third of them refused."""
    env = gen.env
    rng = gen.rng
    stages = env["hr.recruitment.stage"].search([("fold", "=", False), ("hired_stage", "=", False)])
    refuse_reasons = env["hr.applicant.refuse.reason"].search([]).ids
    jobs_by_family = {}
    for job_id, family, user_id in gen.data["jobs"]:
        jobs_by_family.setdefault(family, []).append((job_id, user_id))
    rows, talent_ids = [], []
    for talent_id, partner_id, person, talent in gen.data["talents"]:
        if rng.random() >= APPLICATION_SHARE or person["role_family"] not in jobs_by_family:
            continue
        job_id, job_user = rng.choice(jobs_by_family[person["role_family"]])
        created = gen.between(talent["create_date"], gen.anchor)
        refused = rng.random() < 0.35
        stage = rng.choice(stages)
        row = {
            "partner_id": partner_id,
            "partner_name": talent["partner_name"],
            "email_from": talent["email_from"],
            "email_normalized": talent["email_normalized"],
            "partner_phone": talent["partner_phone"],
            "partner_phone_sanitized": talent["partner_phone_sanitized"],
            "phone_sanitized": talent["phone_sanitized"],
            "linkedin_profile": talent["linkedin_profile"],
            "pool_applicant_id": talent_id,
            "job_id": job_id,
            "stage_id": stage.id,
            "company_id": 1,
            "user_id": job_user,
            "date_open": created if job_user else None,
            "date_last_stage_update": created,
            "delay_close": 0.0,
            "source_id": talent["source_id"],
            "priority": rng.choice(["0", "1", "2"]),
            "active": not refused,
            "refuse_reason_id": rng.choice(refuse_reasons) if refused and refuse_reasons else None,
            "refuse_date": gen.between(created, gen.anchor) if refused else None,
            "talent_profile_date": created,
            "create_date": created,
            "create_uid": job_user or 1,
        }
        rows.append(row)
        talent_ids.append(talent_id)
    ids = gen.insert("hr.applicant", rows)
    gen.recompute("hr.applicant", ids, handled=APPLICANT_HANDLED)
    # the talents' legal basis and retention read their applications (data lifecycle, issue 19)
    gen.recompute_fields("hr.applicant", sorted(set(talent_ids)), LIFECYCLE_FIELDS)
    gen.data["applications"] = list(zip(ids, talent_ids, strict=True))
    gen.log("  %d applications" % len(ids))


@data_step("consents", version=2, sequence=50, core=True)
def generate_consents(gen):
    """Consents (pool and communication, some expired or withdrawn) and topic subscriptions."""
    rng = gen.rng
    topics = gen.env["talent.topic"].search([]).ids
    rows, topic_rel = [], []
    for talent_id, partner_id, _person, talent in gen.data["talents"]:
        created = talent["create_date"]
        if rng.random() < 0.7:
            given = gen.between(created, created + timedelta(days=3))
            rows.append({
                "partner_id": partner_id, "talent_id": talent_id, "company_id": 1, "purpose": "talent_pool",
                "legal_basis": rng.choice(["legitimate_interest", "legitimate_interest", "consent"]),
                "source": rng.choice(["import", "recruiter", "signup", "ats"]),
                "date_given": given, "date_expiry": (given + timedelta(days=730)).date(),
                "text_version": "2025-01", "create_date": given,
            })
        if rng.random() < 0.55:
            given = gen.between(created, gen.anchor)
            withdrawn = gen.between(given, gen.anchor) if rng.random() < 0.04 else None
            expiry = (given + timedelta(days=730)).date()
            if rng.random() < 0.06:
                expiry = (gen.anchor - timedelta(days=rng.randint(1, 200))).date()
                given = min(given, gen.anchor - timedelta(days=800))
            rows.append({
                "partner_id": partner_id, "talent_id": talent_id, "company_id": 1, "purpose": "communication",
                "legal_basis": "consent", "source": rng.choice(["signup", "signup", "recruiter"]),
                "date_given": given, "date_expiry": expiry, "date_withdrawn": withdrawn,
                "consent_text": "I agree to receive job alerts and news. I can unsubscribe at any time.",
                "text_version": "2025-01",
                "ip_address": "203.0.113.%d" % rng.randint(1, 254),
                "create_date": given,
            })
        if topics and rng.random() < 0.35:
            for topic_id in rng.sample(topics, rng.randint(1, len(topics))):
                topic_rel.append((topic_id, partner_id))
    gen.insert("talent.consent", rows)
    # a pool consent extends the retention date computed when the talent was inserted
    talents = {row["talent_id"] for row in rows}
    applications = {app_id for app_id, talent_id in gen.data.get("applications", []) if talent_id in talents}
    gen.recompute_fields("hr.applicant", sorted(talents | applications), LIFECYCLE_FIELDS)
    gen.insert_relation("res_partner_talent_topic_rel", ["topic_id", "partner_id"], topic_rel)
    gen.log("  %d consents, %d topic subscriptions" % (len(rows), len(topic_rel)))


@data_step("mailings", version=1, sequence=60, core=True)
def generate_mailings(gen):
    """Quarterly newsletters to talents (mass_mailing on hr.applicant) with their traces."""
    env = gen.env
    rng = gen.rng
    model_id = env["ir.model"]._get_id("hr.applicant")
    vals_list = []
    for index, campaign_id in enumerate(gen.data["campaign_ids"]):
        sent = gen.anchor - timedelta(days=90 * (len(gen.data["campaign_ids"]) - index) - 10)
        vals_list.append({
            "subject": "What's new at our company - %s" % sent.strftime("%B %Y"),
            "body_html": "<p>Hello {{ object.partner_name }}, here is what happened this quarter.</p>",
            "mailing_model_id": model_id,
            "mailing_domain": "[('talent_pool_ids', '!=', False)]",
            "campaign_id": campaign_id,
            "state": "done",
            "sent_date": sent,
            "user_id": rng.choice(gen.data["recruiter_ids"]),
        })
    mailings = env["mailing.mailing"].create(vals_list)
    statuses = ["sent", "open", "reply", "bounce", "error", "cancel"]
    weights = [52, 30, 6, 6, 2, 4]
    rows, touches = [], []
    for mailing in mailings:
        sent = mailing.sent_date
        for talent_id, partner_id, _person, talent in gen.data["talents"]:
            if not talent["email_normalized"] or talent["create_date"] > sent or rng.random() > 0.45:
                continue
            status = rng.choices(statuses, weights=weights, k=1)[0]
            sent_at = sent + timedelta(seconds=rng.randint(0, 3600))
            opened = sent_at + timedelta(hours=rng.uniform(0.1, 96)) if status in ("open", "reply") else None
            replied = opened + timedelta(hours=rng.uniform(0.1, 48)) if status == "reply" else None
            clicked = opened + timedelta(minutes=rng.randint(1, 30)) if opened and rng.random() < 0.35 else None
            rows.append({
                "trace_type": "mail", "model": "hr.applicant", "res_id": talent_id,
                "mass_mailing_id": mailing.id, "campaign_id": mailing.campaign_id.id,
                "email": talent["email_normalized"],
                "message_id": "<bench.%d.%d@talent-crm.example>" % (mailing.id, talent_id),
                "trace_status": status,
                "failure_type": {"bounce": "mail_bounce", "error": "mail_smtp", "cancel": "mail_bl"}.get(status),
                "sent_datetime": sent_at if status not in ("error", "cancel") else None,
                "open_datetime": opened, "reply_datetime": replied, "links_click_datetime": clicked,
                "create_date": sent, "create_uid": mailing.user_id.id,
            })
            touches.append((partner_id, talent_id, mailing.id, status, sent_at, opened, replied, clicked))
    ids = gen.insert("mailing.trace", rows)
    gen.data["trace_touches"] = [(trace_id,) + touch for trace_id, touch in zip(ids, touches, strict=True)]
    gen.log("  %d mailings, %d traces" % (len(mailings), len(ids)))


SUMMARIES = {
    ("outbound", "email"): ["Intro email about %(title)s roles", "Follow-up after our call", "Shared two open roles"],
    ("outbound", "call"): ["Intro call", "Catch-up call about next steps", "Call: salary expectations"],
    ("outbound", "linkedin"): ["LinkedIn InMail", "LinkedIn connection request", "LinkedIn message about a role"],
    ("outbound", "sms"): ["SMS reminder for our call"],
    ("outbound", "meeting"): ["Coffee at the office", "Video meeting with the hiring manager"],
    ("inbound", "email"): ["Replied: interested, available from next quarter", "Replied: not now, ask again later",
                           "Sent an updated CV"],
    ("inbound", "linkedin"): ["Accepted the LinkedIn connection", "Replied on LinkedIn"],
    ("inbound", "web"): ["Signed up to the talent community", "Updated preferences"],
    ("inbound", "call"): ["Called back"],
}
TOUCH_KINDS = list(SUMMARIES)
TOUCH_WEIGHTS = [22, 14, 16, 3, 5, 14, 8, 6, 3]


@data_step("touches", version=2, sequence=70, core=True)
def generate_touches(gen):
    """Contact history: recruiter touches, replies, sign-ups and the mailings' touches."""
    count = len(gen.insert("talent.touch", _touch_rows(gen)))
    refresh_touch_dates(gen.env)
    # engagement makes a profile fresh again: the product's own set-based stale refresh
    gen.env["hr.applicant"]._cron_talent_flag_stale()
    gen.log("  %d touches" % count)


def _touch_rows(gen):
    rng = gen.rng
    for talent_id, partner_id, person, talent in gen.data["talents"]:
        count = min(int(rng.expovariate(1 / TOUCHES_PER_TALENT)), 60)
        for _index in range(count):
            direction, channel = rng.choices(TOUCH_KINDS, weights=TOUCH_WEIGHTS, k=1)[0]
            date = gen.between(talent["create_date"], gen.anchor)
            summary = rng.choice(SUMMARIES[(direction, channel)])
            engagement = None
            if direction == "inbound":
                engagement = "signup" if "Signed" in summary else "preference" if "preferences" in summary else "reply"
            yield {
                "partner_id": partner_id, "talent_id": talent_id, "company_id": 1, "date": date,
                "direction": direction, "channel": channel, "engagement": engagement,
                "summary": summary % {"title": person["title"]} if "%(" in summary else summary,
                "origin": "community" if channel == "web" else "manual",
                "counts_toward_cap": direction == "outbound",
                "user_id": talent["user_id"] if direction == "outbound" else None,
                "create_date": date, "create_uid": talent["user_id"],
            }
    for trace_id, partner_id, talent_id, mailing_id, _status, sent_at, opened, replied, clicked in gen.data[
        "trace_touches"
    ]:
        if sent_at is None:
            continue
        common = {"partner_id": partner_id, "talent_id": talent_id, "company_id": 1, "channel": "email",
                  "origin": "campaign", "res_model": "mailing.mailing", "res_id": mailing_id,
                  "mailing_trace_id": trace_id}
        yield dict(common, date=sent_at, direction="outbound", summary="Newsletter sent",
                   counts_toward_cap=True, create_date=sent_at)
        for when, engagement, summary in ((opened, "open", "Opened the newsletter"),
                                          (clicked, "click", "Clicked a link in the newsletter"),
                                          (replied, "reply", "Replied to the newsletter")):
            if when:
                yield dict(common, date=when, direction="inbound", engagement=engagement, summary=summary,
                           counts_toward_cap=False, create_date=when)


def refresh_touch_dates(env, partner_ids=None):
    """Set the partners' last touch / engagement / counted touch from their touches, as the ORM does.

    Also updates the talents' and applications' stored copies of those dates. Steps that
    add touches call it after inserting them.
    """
    cr = env.cr
    where = "WHERE partner_id = ANY(%(ids)s)" if partner_ids is not None else "WHERE TRUE"
    cr.execute(
        """
        UPDATE res_partner p
           SET talent_last_touch_date = t.last_out, talent_last_engagement_date = t.last_in
          FROM (SELECT partner_id,
                       max(date) FILTER (WHERE direction = 'outbound') AS last_out,
                       max(date) FILTER (WHERE direction = 'inbound') AS last_in
                  FROM talent_touch
                 """ + where + """
              GROUP BY partner_id) t
         WHERE p.id = t.partner_id
        """,
        {"ids": list(partner_ids or [])},
    )
    # the newest touch counted toward the caps, with its company: the product's own statement
    if partner_ids is None:
        cr.execute("SELECT DISTINCT partner_id FROM talent_touch")
        partner_ids = [row[0] for row in cr.fetchall()]
    env["talent.touch"]._talent_refresh_partner_caps(partner_ids)
    cr.execute(
        """
        UPDATE hr_applicant a
           SET talent_last_contact_date = p.talent_last_touch_date,
               talent_last_engagement_date = p.talent_last_engagement_date
          FROM res_partner p
         WHERE p.id = a.partner_id
           AND (a.talent_last_contact_date IS DISTINCT FROM p.talent_last_touch_date
                OR a.talent_last_engagement_date IS DISTINCT FROM p.talent_last_engagement_date)
        """
    )


@data_step("analyze", version=1, sequence=99, core=True)
def analyze(gen):
    """Fresh planner statistics, as a production database would have."""
    gen.cr.execute("ANALYZE")
