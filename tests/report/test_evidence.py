"""milkbone.report.evidence: badges, labels and captions that name their notebook."""

from __future__ import annotations

import pytest

from milkbone import report
from milkbone.vocabulary import EVIDENCE_LEVELS


def test_badges_name_the_level():
    assert report.badge("simulated") == "{bdg-warning}`simulated`"
    assert report.badge("not-verifiable") == "{bdg-dark}`not-verifiable`"
    assert report.badge("observed") == "{bdg-info}`observed`"


def test_every_level_has_a_badge_and_a_label():
    assert set(report.BADGE_ROLES) == set(EVIDENCE_LEVELS) == set(report.EVIDENCE_LABELS)
    assert len(set(report.BADGE_ROLES.values())) == len(EVIDENCE_LEVELS)  # one colour each


def test_unknown_level_is_refused():
    with pytest.raises(ValueError, match="evidence must be one of"):
        report.badge("proven")
    with pytest.raises(ValueError, match="got 'proven'"):
        report.caption_markdown("c", ["published", "proven"])


def test_caption_ends_with_the_notebook_the_build_names(monkeypatch):
    monkeypatch.setenv(report.NOTEBOOK_VARIABLE, "notebooks/20_baseline.py")
    assert report.caption_markdown("Table 2.", "published") == (
        "{bdg-primary}`published` **Published.** Table 2. Source: `notebooks/20_baseline.py`."
    )


def test_caption_outside_a_build_names_no_notebook(monkeypatch):
    monkeypatch.delenv(report.NOTEBOOK_VARIABLE, raising=False)
    assert report.caption_markdown("Table 2.", "published") == (
        "{bdg-primary}`published` **Published.** Table 2."
    )
