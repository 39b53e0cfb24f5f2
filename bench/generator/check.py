# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Proof that the generated records look exactly like ORM-created ones.

1. Whole-table invariants in SQL (every talent has a partner and is its own pool
   applicant, ``skill_ids`` matches the skill lines, sequences are past the ids...).
2. A sample of talents is created again through the ORM ("twins"), from the same input
   values the generator used, with its applications, skills, pools, topics, consents,
   touches and mailing traces; then every stored column and relation of each generated
   record is compared with its twin (ids mapped, creation timestamps left out). The twins
   live in a savepoint that is rolled back.
3. The ORM's Python constraints run on the sampled generated records.

Twins are created with the generator's import context (no chatter, no followers): the
generated records have no chatter history either.
"""

import random

from odoo import Command

from . import IMPORT_CONTEXT

# what the generator decides per record; everything else (defaults, computed fields) is compared
INPUTS = {
    "res.partner": [
        "name", "email", "phone", "country_id", "city", "talent_do_not_contact", "talent_do_not_contact_reason",
        "talent_do_not_contact_date", "talent_preferred_channel", "talent_contact_frequency",
    ],
    "hr.applicant": [
        "partner_name", "email_from", "partner_phone", "linkedin_profile", "talent_github_url", "talent_xing_url",
        "talent_website_url", "talent_role_family_id", "talent_seniority_id", "talent_current_title",
        "talent_current_company", "talent_country_id", "talent_city", "talent_remote_preference",
        "talent_availability", "availability", "type_id", "priority", "source_id", "medium_id", "user_id",
        "job_id", "stage_id", "active", "refuse_reason_id", "refuse_date",
    ],
    "talent.consent": [
        "company_id", "purpose", "legal_basis", "source", "date_given", "date_expiry", "date_withdrawn",
        "consent_text", "text_version", "ip_address",
    ],
    "talent.touch": [
        "company_id", "date", "direction", "channel", "engagement", "summary", "origin", "res_model", "res_id",
        "user_id",
    ],
    "mailing.trace": [
        "trace_type", "model", "mass_mailing_id", "email", "message_id", "trace_status", "failure_type",
        "sent_datetime", "open_datetime", "reply_datetime", "links_click_datetime",
    ],
}
# columns the ORM fills with "now" (the generator with the record's past creation moment):
# only their presence is compared
NOW_COLUMNS = {
    "hr.applicant": {
        "date_open", "date_last_stage_update", "date_closed", "delay_close", "talent_profile_date",
        "talent_lead_state_date",
    },
    "res.partner": {"calendar_last_notif_ack"},
}
# stored fields computed from the creation moment: compared once the twins are moved back
# to the creation moment of their generated record (see ``_reanchor``)
ANCHORED_FIELDS = {
    "hr.applicant": [
        "talent_retention_date", "talent_is_stale", "talent_legal_basis", "talent_legal_basis_date",
        "talent_legal_basis_evidence", "talent_retention_reason",
    ]
}
META_COLUMNS = {"id", "create_uid", "write_uid", "create_date", "write_date"}


class ConsistencyError(AssertionError):
    pass


def _summary(problems):
    """One line per kind of problem: how many, and up to three examples."""
    grouped = {}
    for kind, detail in problems:
        grouped.setdefault(kind, []).append(detail)
    return "\n".join(
        "  %s (%d): %s" % (kind, len(details), "; ".join(details[:3])) for kind, details in grouped.items()
    )


def _invariants(cr):
    checks = {
        "talent without partner": """
            SELECT count(*) FROM hr_applicant a
             WHERE EXISTS (SELECT 1 FROM hr_applicant_hr_talent_pool_rel r WHERE r.hr_applicant_id = a.id)
               AND a.partner_id IS NULL""",
        "talent that is not its own pool applicant": """
            SELECT count(*) FROM hr_applicant a
             WHERE EXISTS (SELECT 1 FROM hr_applicant_hr_talent_pool_rel r WHERE r.hr_applicant_id = a.id)
               AND a.pool_applicant_id IS DISTINCT FROM a.id""",
        "pool applicant without a pool": """
            SELECT count(*) FROM hr_applicant a
             WHERE a.pool_applicant_id = a.id
               AND NOT EXISTS (SELECT 1 FROM hr_applicant_hr_talent_pool_rel r WHERE r.hr_applicant_id = a.id)""",
        "skill_ids not matching the skill lines": """
            SELECT count(*) FROM (
                (SELECT DISTINCT applicant_id, skill_id FROM hr_applicant_skill
                 EXCEPT SELECT hr_applicant_id, hr_skill_id FROM hr_applicant_hr_skill_rel)
                UNION ALL
                (SELECT hr_applicant_id, hr_skill_id FROM hr_applicant_hr_skill_rel
                 EXCEPT SELECT applicant_id, skill_id FROM hr_applicant_skill)) d""",
        "application whose email differs from its partner's": """
            SELECT count(*) FROM hr_applicant a JOIN res_partner p ON p.id = a.partner_id
             WHERE a.email_normalized IS DISTINCT FROM p.email_normalized""",
        "stale last-touch date": """
            SELECT count(*) FROM res_partner p
              JOIN (SELECT partner_id, max(date) FILTER (WHERE direction = 'outbound') AS d
                      FROM talent_touch GROUP BY partner_id) t ON t.partner_id = p.id
             WHERE p.talent_last_touch_date IS DISTINCT FROM t.d""",
        "stale last counted touch": """
            SELECT count(*) FROM res_partner p
              LEFT JOIN (SELECT DISTINCT ON (partner_id) partner_id, date, company_id
                           FROM talent_touch WHERE counts_toward_cap
                       ORDER BY partner_id, date DESC, id DESC) t ON t.partner_id = p.id
             WHERE p.talent_cap_touch_date IS DISTINCT FROM t.date
                OR p.talent_cap_touch_company_id IS DISTINCT FROM t.company_id""",
        "talent with a stale copy of the last-touch date": """
            SELECT count(*) FROM hr_applicant a JOIN res_partner p ON p.id = a.partner_id
             WHERE a.talent_last_contact_date IS DISTINCT FROM p.talent_last_touch_date
                OR a.talent_last_engagement_date IS DISTINCT FROM p.talent_last_engagement_date""",
    }
    problems = []
    for label, query in checks.items():
        cr.execute(query)
        count = cr.fetchone()[0]
        if count:
            problems.append((label, "%d rows" % count))
    for table in ("res_partner", "hr_applicant", "hr_applicant_skill", "talent_touch", "talent_consent",
                  "mailing_trace", "mail_blacklist"):
        cr.execute("SELECT last_value FROM %s_id_seq" % table)
        last = cr.fetchone()[0]
        cr.execute("SELECT coalesce(max(id), 0) FROM %s" % table)
        top = cr.fetchone()[0]
        if top > last:
            problems.append(("sequence of %s" % table, "behind its ids (%d < %d)" % (last, top)))
    return problems


def _sample(cr, size, seed):
    """Talents to twin: random ones plus some near-duplicates, applicants and mailing recipients."""
    rng = random.Random(seed)
    cr.execute("SELECT id FROM hr_applicant WHERE pool_applicant_id = id ORDER BY id")
    talents = [row[0] for row in cr.fetchall()]
    groups = [
        talents,
        "SELECT duplicate_id FROM talent_crm_bench_duplicate ORDER BY 1",
        "SELECT DISTINCT pool_applicant_id FROM hr_applicant WHERE pool_applicant_id != id ORDER BY 1",
        "SELECT DISTINCT res_id FROM mailing_trace WHERE model = 'hr.applicant' ORDER BY 1",
        "SELECT id FROM hr_applicant WHERE pool_applicant_id = id AND email_from IS NULL ORDER BY 1",
    ]
    chosen = []
    for group in groups:
        if isinstance(group, str):
            cr.execute(group)
            group = [row[0] for row in cr.fetchall()]
        pick = [i for i in group if i not in chosen]
        chosen += rng.sample(pick, min(len(pick), max(2, size // 5) if group is not talents else size // 2))
    return sorted(chosen[: size + 8])


def _read_inputs(records, fnames):
    values = []
    for record in records:
        vals = {}
        for fname in fnames:
            if fname not in record._fields:
                continue
            field = record._fields[fname]
            if field.type == "many2one_reference" and not record[fname]:
                continue  # left out by whoever creates the record: NULL, not 0
            vals[fname] = field.convert_to_write(record[fname], record)
        values.append(vals)
    return values


def _rows(cr, table, ids):
    cr.execute("SELECT * FROM %s WHERE id = ANY(%%s)" % table, [list(ids)])
    return {row["id"]: row for row in cr.dictfetchall()}


def _compare(env, model_name, pairs, mapping, problems, skip=(), only=None):
    """Compare every stored column (or ``only`` these) of generated records with their twins."""
    if only is not None and not only:
        return
    model = env[model_name]
    env.flush_all()
    rows = _rows(env.cr, model._table, [g for g, _t in pairs] + [t for _g, t in pairs])
    now_columns = NOW_COLUMNS.get(model_name, set())
    for gen_id, twin_id in pairs:
        generated, twin = rows[gen_id], rows[twin_id]
        for column, value in generated.items():
            if column in META_COLUMNS or column in skip or (only is not None and column not in only):
                continue
            expected = twin[column]
            field = model._fields.get(column)
            if column in now_columns:
                value, expected = value is not None, expected is not None
            elif field is not None and field.type == "many2one" and value is not None:
                value = mapping.get((field.comodel_name, value), value)
            elif field is not None and field.type == "many2one_reference" and value is not None:
                res_model = generated.get(field.model_field)
                value = mapping.get((res_model, value), value)
            if isinstance(value, float) or isinstance(expected, float):
                same = value is not None and expected is not None and abs(value - expected) < 1e-6
                same = same or value == expected
            else:
                same = value == expected
            if not same:
                detail = "%d: generated %r, ORM %r" % (gen_id, value, expected)
                problems.append(("%s.%s" % (model_name, column), detail))


def _reanchor(env, model_name, pairs):
    """Give each twin the creation moment of its generated record, then recompute.

    A twin is created now, its generated record months ago: the fields computed from that
    moment (retention date, stale flag) can only be compared at the same moment. The
    "now" columns of the twin that are set move with it.
    """
    model = env[model_name]
    fields_to_recompute = [model._fields[name] for name in ANCHORED_FIELDS.get(model_name, []) if name in model._fields]
    if not fields_to_recompute:
        return
    now_columns = sorted(
        c for c in NOW_COLUMNS.get(model_name, ()) if c in model._fields and model._fields[c].type == "datetime"
    )
    assignments = ", ".join(
        ["create_date = g.create_date"]
        + ["%s = CASE WHEN t.%s IS NOT NULL THEN g.create_date END" % (c, c) for c in now_columns]
    )
    env.flush_all()
    env.cr.execute(
        "UPDATE %s t SET %s FROM %s g, unnest(%%s::int[], %%s::int[]) AS p(gen_id, twin_id) "
        "WHERE g.id = p.gen_id AND t.id = p.twin_id" % (model._table, assignments, model._table),
        [[g for g, _t in pairs], [t for _g, t in pairs]],
    )
    env.invalidate_all()
    twins = model.browse([t for _g, t in pairs])
    for field in fields_to_recompute:
        env.add_to_compute(field, twins)
    env.flush_all()


def _relations(cr, query, ids):
    cr.execute(query, [list(ids)])
    result = {}
    for key, value in cr.fetchall():
        result.setdefault(key, set()).add(tuple(value) if isinstance(value, list) else value)
    return result


def _compare_relation(cr, label, query, pairs, problems):
    data = _relations(cr, query, [g for g, _t in pairs] + [t for _g, t in pairs])
    for gen_id, twin_id in pairs:
        if data.get(gen_id, set()) != data.get(twin_id, set()):
            problems.append((label, "%d: generated %s, ORM %s" % (gen_id, data.get(gen_id), data.get(twin_id))))


def check_generated(env, sample_size=30, seed=0):
    """Run the checks; raise :class:`ConsistencyError` listing every difference found."""
    env = env(context=dict(env.context, **IMPORT_CONTEXT))
    cr = env.cr
    env.flush_all()
    problems = _invariants(cr)
    talent_ids = _sample(cr, sample_size, seed)
    Applicant = env["hr.applicant"].with_context(active_test=False)
    talents = Applicant.browse(talent_ids)
    applications = Applicant.search([("pool_applicant_id", "in", talent_ids), ("id", "not in", talent_ids)])
    partners = talents.partner_id
    touches = env["talent.touch"].search([("talent_id", "in", talent_ids)])
    consents = env["talent.consent"].search([("talent_id", "in", talent_ids)])
    traces = env["mailing.trace"].search([("model", "=", "hr.applicant"), ("res_id", "in", talent_ids)])

    # the ORM's own Python constraints on the generated records
    for records in (talents, applications, talents.applicant_skill_ids, consents):
        try:
            records._validate_fields(list(records._fields))
        except Exception as error:  # noqa: BLE001 - reported with the others
            problems.append(("constraint on %s" % records._name, str(error)))
    if not all(talents.mapped("is_pool_applicant")):
        problems.append(("is_pool_applicant", "a generated talent is not a pool applicant for the ORM"))

    savepoint = cr.savepoint()
    try:
        mapping = {}
        twin_partners = env["res.partner"].create(
            [
                dict(vals, talent_topic_ids=[Command.set(partner.talent_topic_ids.ids)])
                for partner, vals in zip(partners, _read_inputs(partners, INPUTS["res.partner"]), strict=True)
            ]
        )
        mapping.update({("res.partner", p.id): t.id for p, t in zip(partners, twin_partners, strict=True)})
        talent_vals = []
        for talent, vals in zip(talents, _read_inputs(talents, INPUTS["hr.applicant"]), strict=True):
            vals.update({
                "partner_id": mapping[("res.partner", talent.partner_id.id)],
                "talent_pool_ids": [Command.set(talent.talent_pool_ids.ids)],
                "applicant_skill_ids": [
                    Command.create({
                        "skill_id": line.skill_id.id, "skill_type_id": line.skill_type_id.id,
                        "skill_level_id": line.skill_level_id.id, "valid_from": line.valid_from,
                        "valid_to": line.valid_to,
                    })
                    for line in talent.applicant_skill_ids
                ],
            })
            talent_vals.append(vals)
        twin_talents = Applicant.create(talent_vals)
        mapping.update({("hr.applicant", a.id): t.id for a, t in zip(talents, twin_talents, strict=True)})
        application_vals = []
        for application, vals in zip(applications, _read_inputs(applications, INPUTS["hr.applicant"]), strict=True):
            vals.update({
                "partner_id": mapping[("res.partner", application.partner_id.id)],
                "pool_applicant_id": mapping[("hr.applicant", application.pool_applicant_id.id)],
            })
            application_vals.append(vals)
        twin_applications = Applicant.create(application_vals)
        mapping.update({("hr.applicant", a.id): t.id for a, t in zip(applications, twin_applications, strict=True)})
        trace_vals = [
            dict(vals, res_id=mapping[("hr.applicant", trace.res_id)])
            for trace, vals in zip(traces, _read_inputs(traces, INPUTS["mailing.trace"]), strict=True)
        ]
        twin_traces = env["mailing.trace"].create(trace_vals)
        mapping.update({("mailing.trace", a.id): t.id for a, t in zip(traces, twin_traces, strict=True)})
        twin_consents = env["talent.consent"].create([
            dict(vals, partner_id=mapping[("res.partner", consent.partner_id.id)],
                 talent_id=mapping[("hr.applicant", consent.talent_id.id)])
            for consent, vals in zip(consents, _read_inputs(consents, INPUTS["talent.consent"]), strict=True)
        ])
        twin_touches = env["talent.touch"].create([
            dict(vals, partner_id=mapping[("res.partner", touch.partner_id.id)],
                 talent_id=mapping[("hr.applicant", touch.talent_id.id)],
                 mailing_trace_id=mapping.get(("mailing.trace", touch.mailing_trace_id.id), touch.mailing_trace_id.id)
                 or False)
            for touch, vals in zip(touches, _read_inputs(touches, INPUTS["talent.touch"]), strict=True)
        ])
        env.flush_all()

        for model_name, generated, twins in (
            ("res.partner", partners, twin_partners),
            ("hr.applicant", talents + applications, twin_talents + twin_applications),
            ("mailing.trace", traces, twin_traces),
            ("talent.consent", consents, twin_consents),
            ("talent.touch", touches, twin_touches),
        ):
            pairs = list(zip(generated.ids, twins.ids, strict=True))
            _compare(env, model_name, pairs, mapping, problems, skip=ANCHORED_FIELDS.get(model_name, ()))
            _reanchor(env, model_name, pairs)
            _compare(env, model_name, pairs, mapping, problems, only=ANCHORED_FIELDS.get(model_name, []))
        applicant_pairs = list(zip((talents + applications).ids, (twin_talents + twin_applications).ids, strict=True))
        for label, query in (
            ("skill lines", "SELECT applicant_id, ARRAY[skill_id::text, skill_level_id::text, skill_type_id::text, "
                            "valid_from::text, coalesce(valid_to::text, ''), "
                            "coalesce(display_warning_message::text, '')] "
                            "FROM hr_applicant_skill WHERE applicant_id = ANY(%s)"),
            ("skill_ids", "SELECT hr_applicant_id, hr_skill_id FROM hr_applicant_hr_skill_rel "
                          "WHERE hr_applicant_id = ANY(%s)"),
            ("pools", "SELECT hr_applicant_id, hr_talent_pool_id FROM hr_applicant_hr_talent_pool_rel "
                      "WHERE hr_applicant_id = ANY(%s)"),
        ):
            _compare_relation(cr, label, query, applicant_pairs, problems)
        _compare_relation(
            cr, "topics", "SELECT partner_id, topic_id FROM res_partner_talent_topic_rel WHERE partner_id = ANY(%s)",
            list(zip(partners.ids, twin_partners.ids, strict=True)), problems,
        )
        counts = {
            "talents": len(talents), "applications": len(applications), "touches": len(touches),
            "consents": len(consents), "traces": len(traces),
        }
    finally:
        savepoint.close(rollback=True)
        env.invalidate_all()
    if problems:
        raise ConsistencyError("generated data differs from ORM-created records:\n" + _summary(problems))
    return counts
