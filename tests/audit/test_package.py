"""Tests for milkbone.audit: The audit package's public API.

Independent references are named in each test (scipy.stats, statsmodels, brute-force
enumeration, hand-worked arithmetic, published worked cases, and the paper's printed
values: Zhao et al. 2025).
"""

from milkbone import audit


def test_all_exported_names_documented():
    for name in audit.__all__:
        obj = getattr(audit, name)
        if callable(obj):
            assert obj.__doc__ and "Examples" in obj.__doc__, name
