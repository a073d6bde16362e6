"""milkbone.report.suppression: small cells, the rows they belong to, complementary cells.

Expected cells are worked by hand from the threshold of five; the recoverability checks
redo the subtraction a reader could do.
"""

from __future__ import annotations

import pandas as pd
import pytest

from milkbone import report


def test_suppress_small_cells_does_not_modify_input():
    table = pd.DataFrame(
        {
            "group": ["HCM", "CM", "CM"],
            "count": [3, 0, 12],
            "n": [4, 46, 5],
            "mean": [1.0, 2.0, 3.0],
        }
    )
    before = table.copy()
    res = report.suppress_small_cells(table, count_columns=["count"], summary_columns=["mean"])
    pd.testing.assert_frame_equal(table, before)
    # by hand, threshold 5, zeros kept: the row of n = 4 goes whole
    assert res["count"].isna().tolist() == [True, False, False]
    assert res["mean"].isna().tolist() == [True, False, False]
    assert res["n"].isna().tolist() == [True, False, False]
    assert res["count"].iloc[2] == 12
    strict = report.suppress_small_cells(table, count_columns=["count"], keep_zero=False)
    assert strict["count"].isna().tolist() == [True, True, False]


def test_a_blanked_arm_size_cannot_be_recovered_from_the_rows_total():
    # compare_groups' columns: n = n_hcm + n_cm
    table = pd.DataFrame(
        {"n": [12, 97], "n_hcm": [4, 51], "n_cm": [8, 46], "mean_hcm": [0.97, 0.98]}
    )
    res = report.suppress_small_cells(
        table,
        count_columns=["n", "n_hcm", "n_cm"],
        summary_columns=["mean_hcm"],
        n_column=["n", "n_hcm", "n_cm"],
    )
    assert res.iloc[0].isna().all()  # n − n_cm would give the 4, so n goes too
    assert res.iloc[1].tolist() == [97, 51, 46, 0.98]


def _recoverable(shown, total):
    """The one blanked cell a reader can compute as total − the others, if any."""
    blank = [i for i, value in enumerate(shown) if pd.isna(value)]
    if len(blank) == 1:
        return total - sum(v for v in shown if not pd.isna(v))
    return None


@pytest.mark.parametrize(
    ("counts", "blanked"),
    [
        ([2, 27, 17], [True, False, True]),  # Table 4, CM at 6 months: 46 printed elsewhere
        ([0, 7, 1], [False, True, True]),  # the zero blanks nothing: the 7 goes
        ([1, 3, 40], [True, True, True]),  # two blanks adding to 4 describe 4: 40 goes too
        ([1, 3, 0], [True, True, True]),
        ([10, 20, 30], [False, False, False]),  # nothing small, nothing blanked
    ],
)
def test_complementary_suppression_leaves_nothing_to_subtract(counts, blanked):
    table = pd.DataFrame({"category": ["deficient", "insufficient", "normal"], "count": counts})
    res = report.suppress_small_cells(table, count_columns=["count"], n_column=None, totals_by=[])
    assert res["count"].isna().tolist() == blanked
    shown = res["count"].tolist()
    assert _recoverable(shown, sum(counts)) is None
    hidden = [c for c, b in zip(counts, blanked, strict=True) if b]
    assert not hidden or (len(hidden) >= 2 and (sum(hidden) >= 5 or len(hidden) == len(counts)))


def test_complementary_suppression_works_within_each_total():
    table = pd.DataFrame(
        {
            "month": [6, 6, 6, 12, 12, 12],
            "category": ["deficient", "insufficient", "normal"] * 2,
            "count_cm": [2, 27, 17, 6, 24, 14],
        }
    )
    res = report.suppress_small_cells(
        table, count_columns=["count_cm"], n_column=None, totals_by=["month"]
    )
    assert res["count_cm"].isna().tolist() == [True, False, True, False, False, False]


def test_aggregate_only_guard():
    ok = pd.DataFrame({"group": ["HCM"], "n": [51]})
    assert report.aggregate_only(ok) is ok
    with pytest.raises(ValueError, match="participant-level rows"):
        report.aggregate_only(pd.DataFrame({"participant": ["a"]}).set_index("participant"))
    with pytest.raises(ValueError, match=r"fewer than 5 people: n = 4"):
        report.aggregate_only(pd.DataFrame({"n": [4]}), minimum=5)
    with pytest.raises(TypeError, match="must be a pandas DataFrame"):
        report.aggregate_only([1, 2])


def test_suppress_errors():
    table = pd.DataFrame({"count": [1, 2], "n": [3, 4], "mean": [1.0, 2.0]})
    with pytest.raises(KeyError, match="table is missing column"):
        report.suppress_small_cells(table, count_columns=["k"])
    with pytest.raises(ValueError, match="minimum must be an integer of at least 1"):
        report.suppress_small_cells(table, count_columns=["count"], minimum=0)
    with pytest.raises(ValueError, match="n_column must name the column"):
        report.suppress_small_cells(
            table, count_columns=["count"], summary_columns=["mean"], n_column=None
        )
    with pytest.raises(ValueError, match=r"column 'count' has non-numeric value\(s\) 'x'"):
        report.suppress_small_cells(table.assign(count=["x", 1]), count_columns=["count"])


def test_a_table_suppressed_before_is_suppressed_again_without_error():
    table = pd.DataFrame({"group": ["HCM", "CM"], "n": [4, 8], "mean": [0.97, 0.99]})
    once = report.suppress_small_cells(table, count_columns=["n"], summary_columns=["mean"])
    twice = report.suppress_small_cells(once, count_columns=["n"], summary_columns=["mean"])
    pd.testing.assert_frame_equal(once, twice)
