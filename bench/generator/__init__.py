# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Synthetic recruiting data for the benchmarks, loaded fast into a talent_crm database.

The data is made by *steps*, run in order. The core steps (:mod:`bench.generator.core`)
make people, talents, skills, pools, jobs, applications, consents, touches and mailing
traces. A feature that needs more data (nurture enrollments, say) registers its own step
from its scenario file::

    from bench.generator import data_step

    @data_step("nurture_enrollments", version=1, requires=["talent.nurture.enrollment"])
    def generate_enrollments(gen):
        talents = gen.talent_ids()          # read what the core steps made
        ...                                 # gen.insert(...) / gen.env ORM calls

A step is recorded in the database's marker once done; a database built earlier gets the
missing steps on its next use, and a step whose ``version`` changed makes the bench build
the database again. A step whose ``requires`` models are missing is left out (and runs
later, once the feature is installed).
"""

import hashlib
import json
import logging
import random
import time
from datetime import datetime, timedelta
from pathlib import Path

from . import bulk

_logger = logging.getLogger(__name__)

MARKER_KEY = "talent_crm_bench.marker"
# Context of every ORM call of the generator and of the consistency check: the way an
# import creates records, without chatter messages, followers or tracking.
IMPORT_CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "lang": "en_US",
}

_STEPS = {}


class Step:
    def __init__(self, name, func, version, requires, core, sequence):
        self.name = name
        self.func = func
        self.version = version
        self.requires = tuple(requires)
        self.core = core
        self.sequence = sequence

    def missing_requirements(self, env):
        return [model for model in self.requires if model not in env]


def data_step(name, version=1, requires=(), sequence=None, core=False):
    """Register a data step ``func(gen)``; steps run by ``sequence`` (core steps use 10-100)."""

    def decorator(func):
        _STEPS[name] = Step(
            name, func, version, requires, core, sequence if sequence is not None else 1000 + len(_STEPS)
        )
        return func

    return decorator


def registered_steps():
    from . import core  # noqa: F401  (registers the core steps)

    return sorted(_STEPS.values(), key=lambda step: (step.sequence, step.name))


def core_version():
    """Hash of the generator's own source: any change to it gives a new database."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def read_marker(env):
    value = env["ir.config_parameter"].sudo().get_param(MARKER_KEY)
    return json.loads(value) if value else None


def write_marker(env, marker):
    env["ir.config_parameter"].sudo().set_param(MARKER_KEY, json.dumps(marker, sort_keys=True))


class Generator:
    """Fills a database that has talent_crm installed (and nothing else generated yet).

    ``scale`` is the number of talents. Everything random comes from ``seed``; dates are
    relative to ``anchor`` (today, midnight, by default), which the marker records: the same
    seed gives the same people, skills, pools and relative dates on any day, and the same seed
    and anchor give the same database.
    """

    def __init__(self, env, scale, seed=42, anchor=None, log=None):
        self.env = env(context=dict(env.context, **IMPORT_CONTEXT))
        self.cr = env.cr
        self.scale = int(scale)
        self.seed = int(seed)
        # midnight of the anchor day: every generated date lies in the past
        self.anchor = anchor or datetime.now().replace(hour=0, minute=0, second=0, microsecond=0)
        self.rng = random.Random(self.seed)
        self.log = log or _logger.info
        self.data = {}  # shared between the core steps of one build
        self.timings = {}

    # ------------------------------------------------------------------ steps

    def build(self):
        """Run every core step and the extension steps that can run; return the marker."""
        marker = {
            "core_version": core_version(),
            "scale": self.scale,
            "seed": self.seed,
            "anchor": self.anchor.isoformat(),
            "steps": {},
            "timings": {},
        }
        return self.run_steps(marker)

    def run_steps(self, marker):
        """Run the registered steps not yet in ``marker``; commit after each one."""
        for step in registered_steps():
            if step.name in marker["steps"]:
                continue
            missing = step.missing_requirements(self.env)
            if missing:
                self.log("step %s left out: %s not installed" % (step.name, ", ".join(missing)))
                continue
            if not step.core and any(s.core and s.name not in marker["steps"] for s in registered_steps()):
                raise RuntimeError("extension step %s needs the core steps first" % step.name)
            start = time.perf_counter()
            # every step gets its own random stream: adding a step never changes the others
            self.rng = random.Random("%s:%s" % (self.seed, step.name))
            step.func(self)
            self.env.flush_all()
            elapsed = time.perf_counter() - start
            self.timings[step.name] = elapsed
            marker["steps"][step.name] = step.version
            marker.setdefault("timings", {})[step.name] = round(elapsed, 2)
            write_marker(self.env, marker)
            self.cr.commit()
            self.log("step %-22s %7.1f s" % (step.name, elapsed))
        return marker

    # ------------------------------------------------------------------ helpers for steps

    def ref(self, xmlid):
        return self.env.ref(xmlid)

    def days_ago(self, low, high):
        """A datetime between ``high`` and ``low`` days before the anchor (seconds precision)."""
        delta = self.rng.uniform(low, high)
        return (self.anchor - timedelta(days=delta)).replace(microsecond=0)

    def between(self, start, end):
        """A datetime between two datetimes (seconds precision)."""
        if end <= start:
            return start
        seconds = (end - start).total_seconds()
        return (start + timedelta(seconds=self.rng.uniform(0, seconds))).replace(microsecond=0)

    def column_defaults(self, model_name):
        """Column values the ORM would write for fields the generator leaves out."""
        cache = self.data.setdefault("_defaults", {})
        if model_name not in cache:
            model = self.env[model_name]
            names = [
                name for name, field in model._fields.items()
                if field.store and field.column_type and name != "id" and not field.compute
            ]
            values = {}
            for name, value in model.default_get(names).items():
                field = model._fields[name]
                if field.type == "many2one":
                    value = value or None
                elif field.type == "boolean":
                    value = bool(value)
                elif field.translate and value:
                    value = {"en_US": value}
                elif value is False and field.type not in ("integer", "float", "monetary"):
                    value = None
                values[name] = value
            cache[model_name] = values
        return cache[model_name]

    def insert(self, model_name, rows, ids=None, chunk=50000):
        """Insert ``rows`` (dicts of column values) into ``model_name``'s table with COPY.

        Missing columns get the model's defaults; ``create_uid``/``write_uid`` default to the
        superuser and ``write_date`` to ``create_date``. Ids are reserved from the table's
        sequence unless given. ``rows`` may be any iterable (a generator keeps memory flat:
        it is consumed ``chunk`` rows at a time). Returns the ids in the order of ``rows``.
        """
        if ids is not None:
            self._copy_chunk(model_name, list(rows), ids)
            self.env.invalidate_all()
            return list(ids)
        all_ids = []
        batch = []
        for row in rows:
            batch.append(row)
            if len(batch) >= chunk:
                all_ids += self._copy_chunk(model_name, batch)
                batch = []
        if batch:
            all_ids += self._copy_chunk(model_name, batch)
        self.env.invalidate_all()
        return all_ids

    def _copy_chunk(self, model_name, rows, ids=None):
        model = self.env[model_name]
        if not rows:
            return []
        if ids is None:
            ids = bulk.reserve_ids(self.cr, model._table, len(rows))
        defaults = self.column_defaults(model_name)
        columns = ["id"] + sorted(set(defaults) | {c for row in rows for c in row} - {"id"})
        log_access = "create_date" in model._fields
        if log_access:
            columns += [c for c in ("create_uid", "write_uid", "create_date", "write_date") if c not in columns]

        def full_rows():
            for record_id, row in zip(ids, rows, strict=True):
                values = dict(defaults, **row)
                values["id"] = record_id
                if log_access:
                    values.setdefault("create_date", self.anchor)
                    values.setdefault("write_date", values["create_date"])
                    values.setdefault("create_uid", 1)
                    values.setdefault("write_uid", values["create_uid"])
                yield [values.get(column) for column in columns]

        bulk.copy_rows(self.cr, model._table, columns, full_rows())
        return ids

    def insert_relation(self, table, columns, pairs):
        """COPY rows of a many2many relation table."""
        return bulk.copy_rows(self.cr, table, columns, pairs)

    def recompute(self, model_name, ids, handled):
        """Let the ORM compute the stored computed fields the generator does not fill itself.

        ``handled`` names the fields the step filled; every other stored computed field of
        the model is marked to compute on ``ids`` and flushed. So a field that another
        feature adds later is right without a change here.
        """
        model = self.env[model_name]
        records = model.browse(ids)
        todo = [
            field for name, field in model._fields.items()
            if field.store and field.compute and name not in handled
            and not getattr(field, "attachment", False)
            and (field.column_type or field.type == "many2many")
        ]
        for field in todo:
            self.log("  %s.%s: computed by the ORM on %d records" % (model_name, field.name, len(ids)))
            self.env.add_to_compute(field, records)
        if todo:
            self.env.flush_all()
            self.env.invalidate_all()

    def recompute_fields(self, model_name, ids, field_names):
        """Let the ORM compute these stored fields again on ``ids`` (their inputs changed)."""
        model = self.env[model_name]
        records = model.browse(ids)
        for name in field_names:
            self.env.add_to_compute(model._fields[name], records)
        self.env.flush_all()
        self.env.invalidate_all()

    def talent_ids(self):
        """Ids of all talents (pool applicants), in id order."""
        self.cr.execute(
            "SELECT a.id FROM hr_applicant a WHERE a.pool_applicant_id = a.id ORDER BY a.id"
        )
        return [row[0] for row in self.cr.fetchall()]
