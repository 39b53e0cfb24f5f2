# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Statistics of repeated measurements (pure Python, no Odoo import)."""

import math
import statistics


def median(values):
    """Median of a non-empty sequence of numbers."""
    if not values:
        raise ValueError("median of no values")
    return statistics.median(values)


def quartiles(values):
    """First and third quartiles, linearly interpolated between order statistics.

    Same definition as ``numpy.percentile(values, [25, 75])`` (and as
    ``statistics.quantiles(method="inclusive")``); a single value is its own quartiles.
    """
    if not values:
        raise ValueError("quartiles of no values")
    if len(values) == 1:
        return values[0], values[0]
    q1, _q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q3


def summarize(values):
    """Summary of one series of timings or counts: median, min, max, IQR, count."""
    q1, q3 = quartiles(values)
    return {
        "median": median(values),
        "min": min(values),
        "max": max(values),
        "q1": q1,
        "q3": q3,
        "iqr": q3 - q1,
        "n": len(values),
    }


def ratio(baseline, fast):
    """How many times faster ``fast`` is than ``baseline`` (``baseline / fast``).

    Returns ``None`` when it cannot be told (a missing value, or a zero fast time with
    a zero baseline); ``math.inf`` when only the fast value is zero.
    """
    if baseline is None or fast is None:
        return None
    if fast == 0:
        return None if baseline == 0 else math.inf
    return baseline / fast


def per_record(value, records):
    """``value`` divided by the number of records processed, ``None`` without records."""
    if value is None or not records:
        return None
    return value / records
