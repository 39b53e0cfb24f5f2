# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Bench scenarios: one file each in this package, found and registered automatically.

A scenario compares a fast path with its baseline (a naive ORM loop, or Odoo's own
equivalent) on the bench database. Write a subclass of :class:`Scenario` with a ``name``
in a new module here; importing the package imports every module, and defining the
class registers it. See README.rst, "Benchmarks", for a complete example.

Every measured run happens in its own transaction, rolled back afterwards, so all runs
see the same data: ``setup`` prepares what the run needs (untimed), then ``fast`` or
``baseline`` is timed, including the final flush of pending writes.
"""

import importlib
import pkgutil

_REGISTRY = {}


class Scenario:
    #: unique identifier, used on the command line and in the JSON results
    name = None
    #: one line for the results table
    title = ""
    #: what is measured and how the baseline does the same work
    description = ""
    #: what the baseline is, in a few words
    baseline_label = "naive ORM loop"
    #: order in the output
    sequence = 100
    #: ``"model"`` or ``"model:method"`` entries that must exist (``"hr.talent.pool:_refresh"``);
    #: when one is missing the scenario is skipped with "feature not on this branch"
    requires = ()
    #: cap on the measured runs (the command's RUNS applies when lower); for slow scenarios
    max_runs = None
    #: true during the warm-up runs: a slow scenario may warm up on less data
    warming_up = False
    #: true when the warm-up works on other data than the measured runs (then each measured run
    #: is still compared fast against baseline, but not against the warm-up's result)
    warm_up_differs = False
    #: the feature the scenario measures, named in the "not on this branch" message
    feature = None
    #: login of the user the scenario runs as (``None``: superuser). The bench generator
    #: creates ``bench_manager`` (Talent CRM / Manager) and ``bench_recruiter_<n>`` users.
    user = "bench_manager"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.name:
            if cls.name in _REGISTRY and _REGISTRY[cls.name].__module__ != cls.__module__:
                raise ValueError("two bench scenarios are named %r" % cls.name)
            _REGISTRY[cls.name] = cls

    def missing_requirements(self, env):
        """The entries of ``requires`` that this database does not have."""
        missing = []
        for requirement in self.requires:
            model_name, _sep, method = requirement.partition(":")
            if model_name not in env:
                missing.append(model_name)
            elif method and not hasattr(env[model_name], method):
                missing.append("%s.%s()" % (model_name, method))
        return missing

    def setup(self, env):
        """Prepare one run (untimed, in the run's transaction); the return value is the state."""
        return None

    def records(self, env, state):
        """How many records one run processes."""
        raise NotImplementedError

    def fast(self, env, state):
        """The code under test. Returns something comparable with ``baseline``'s result."""
        raise NotImplementedError

    def baseline(self, env, state):
        """The same work done the naive way (or by Odoo's own equivalent)."""
        raise NotImplementedError

    def result_key(self, env, result):
        """What must be equal between ``fast`` and ``baseline`` (computed untimed, on the
        warm-up runs, before the rollback); by default the returned values themselves."""
        return result

    def teardown(self, env, state):
        """Called after each run, before its transaction is rolled back."""


class PendingScenario(Scenario):
    """A slot for a feature that another branch delivers.

    It shows in the output and the JSON as skipped: "feature not on this branch" while
    ``requires`` is missing, and "not written yet" once the feature is merged but the
    scenario's functions are not filled in. It never produces numbers of its own.
    """

    pending = True

    def records(self, env, state):
        raise NotImplementedError

    def fast(self, env, state):
        raise NotImplementedError

    def baseline(self, env, state):
        raise NotImplementedError


def bench_scale(env):
    """The scale (number of talents) the bench database was generated at."""
    from bench.generator import read_marker

    marker = read_marker(env) or {}
    return marker.get("scale") or env["hr.applicant"].sudo().search_count([("pool_applicant_id", "!=", False)])


def load_all():
    """Import every module of this package, so that their scenarios and data steps register."""
    for module in pkgutil.iter_modules(__path__):
        if not module.name.startswith("_"):
            importlib.import_module("%s.%s" % (__name__, module.name))
    return all_scenarios()


def all_scenarios():
    return sorted(_REGISTRY.values(), key=lambda cls: (cls.sequence, cls.name))


load_all()
