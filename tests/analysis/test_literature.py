"""milkbone.analysis.literature: agreement of stated directions, verdicts of the trial's claims."""

import pandas as pd
import pytest

from milkbone.analysis.literature import AGREEMENTS, agreement, context_table
from milkbone.published import claims as registry
from milkbone.published import curated


@pytest.mark.parametrize(
    ("trial", "other", "expected"),
    [
        ("+", "+", "agreement"),
        ("-", "-", "agreement"),
        ("+", "-", "conflict"),
        ("", "+", "not tested in the trial"),
        ("-", "", "not studied"),
        ("", "", "not studied"),
    ],
)
def test_agreement_table(trial, other, expected):
    assert agreement(trial, other) == expected


def test_bad_direction_is_refused():
    with pytest.raises(ValueError, match="'up'"):
        agreement("up", "+")


def test_context_table_on_the_shipped_reading():
    sources, context = curated.literature()
    table = context_table(context, registry())
    row = table.set_index("topic").loc["Faecalibacterium"]
    assert row["cohort_agreement"] == "agreement"
    assert row["trial_verdicts"] == "1 not-verifiable"
    akkermansia = table.set_index("topic").loc["Akkermansia"]
    assert akkermansia["cohort_agreement"] == "not tested in the trial"
    assert set(table["cohort_agreement"]) | set(table["review_agreement"]) <= set(AGREEMENTS)
    assert sources["secondary"].sum() == 4  # only the paper itself is primary


def test_unknown_claim_in_context_is_named():
    context = pd.DataFrame(
        {
            "topic": ["x"],
            "trial_claims": ["zz.nope"],
            "trial_direction": ["+"],
            "cohort_direction": [""],
            "review_direction": [""],
        }
    )
    with pytest.raises(ValueError, match=r"zz\.nope"):
        context_table(context, registry())
