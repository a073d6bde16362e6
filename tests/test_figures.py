"""milkbone.figures: glue keys, evidence labels, deterministic figure files."""

from __future__ import annotations

import json

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from milkbone import figures


@pytest.fixture(autouse=True)
def fresh_glue_registry(monkeypatch):
    monkeypatch.setattr(figures, "_glued", {})
    monkeypatch.setattr("myst_nb.glue", lambda *args, **kwargs: None)


def test_glue_records_key_value_and_evidence():
    assert figures.glue("bone_density.l1_4_bmd.hcm.m12.mean", 0.99, evidence="simulated") is None
    table = figures.evidence_table()
    assert table.to_dict("records") == [
        {"key": "bone_density.l1_4_bmd.hcm.m12.mean", "value": 0.99, "evidence": "simulated"}
    ]


@pytest.mark.parametrize(
    "key", ["Baseline.age", "baseline", "baseline.age:mean", "a.b.c.d.e.f", "baseline..age"]
)
def test_glue_refuses_malformed_keys(key):
    with pytest.raises(ValueError, match="does not match"):
        figures.glue(key, 1, evidence="published")


def test_glue_refuses_a_key_used_twice():
    figures.glue("baseline.age.hcm.mean", 61.2, evidence="published")
    with pytest.raises(ValueError, match="already used"):
        figures.glue("baseline.age.hcm.mean", 61.2, evidence="published")


def test_unknown_evidence_level_is_refused():
    with pytest.raises(ValueError, match="evidence must be one of"):
        figures.glue("baseline.age.hcm.mean", 61.2, evidence="proven")


def test_badges_name_the_level():
    assert figures.badge("simulated") == "{bdg-warning}`simulated`"
    assert figures.badge("not-verifiable") == "{bdg-dark}`not-verifiable`"


def _plot():
    fig, ax = plt.subplots()
    ax.plot([0, 6, 12], [1.0, 1.02, 1.01])
    return fig


def test_save_is_byte_identical_and_writes_a_sidecar(tmp_path, monkeypatch):
    monkeypatch.setenv("MILKBONE_NOTEBOOK", "notebooks/21_bone_density.py")
    png = tmp_path / "fig2a.png"
    figures.save(_plot(), "fig2a", caption="c", evidence="simulated", directory=tmp_path)
    content = png.read_bytes()
    figures.save(_plot(), "fig2a", caption="c", evidence="simulated", directory=tmp_path)
    assert png.read_bytes() == content
    first = png
    sidecar = json.loads(first.with_suffix(".json").read_text())
    assert sidecar["evidence"] == "simulated"
    assert sidecar["notebook"] == "notebooks/21_bone_density.py"


def test_simulated_figures_say_so_on_every_axes():
    fig, axes = plt.subplots(1, 2)
    figures._mark_simulated(fig)
    assert all(any(t.get_text() == "simulated" for t in ax.texts) for ax in axes)
    plt.close(fig)


def test_save_refuses_bad_names(tmp_path):
    with pytest.raises(ValueError, match="lower-case"):
        figures.save(_plot(), "Fig 2A", caption="c", evidence="published", directory=tmp_path)


def test_show_table_labels_each_level(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(figures, "_display_markdown", shown.append)
    figures.show_table(
        pd.DataFrame({"a": [1]}), caption="Side by side.", evidence=["published", "simulated"]
    )
    assert shown == [
        "{bdg-primary}`published` {bdg-warning}`simulated` **Published and Simulated.** "
        "Side by side."
    ]


def test_flow_chart_shows_every_count():
    fig = figures.participant_flow(enrolled=104, withdrawn=7, analysed={"HCM": 51, "CM": 46})
    texts = " ".join(t.get_text() for t in fig.axes[0].texts)
    for fragment in ("n = 104", "n = 7", "n = 97", "n = 51", "n = 46"):
        assert fragment in texts
    plt.close(fig)


def test_rho_curves_draw_each_method_per_month():
    import numpy as np

    rho = np.linspace(0, 0.9, 4)
    curves = pd.DataFrame(
        [
            {"month": m, "method": method, "rho": r, "p": 0.5 - 0.1 * r}
            for m in (6, 12)
            for method in ("follow-up", "change", "ancova")
            for r in rho
        ]
    )
    fig = figures.rho_curves(curves, alpha=0.05)
    assert [ax.get_title() for ax in fig.axes] == ["L1–4 BMD, 6 months", "L1–4 BMD, 12 months"]
    for ax in fig.axes:
        labels = [line.get_label() for line in ax.get_lines()][:3]
        assert labels == ["follow-up", "change", "ancova"]
        assert ax.get_lines()[3].get_ydata()[0] == pytest.approx(0.05)  # the alpha line
    plt.close(fig)


def test_p_columns_are_formatted_and_other_columns_left_alone():
    table = pd.DataFrame(
        {"p": [0.00002, 0.0181], "p_holm": [1.0, float("nan")], "pinp": [0.00001, 2.0]}
    )
    shown = figures.format_p_columns(table)
    assert shown["p"].tolist() == ["<0.0001", "0.0181"]
    assert shown["p_holm"].tolist() == ["1.0000", "–"]
    assert shown["pinp"].tolist() == [0.00001, 2.0]
    assert table["p"].dtype == float  # the input is not modified


def test_verdict_heatmap_counts_each_cell_and_colours_by_share():
    claims = pd.DataFrame(
        {
            "section": ["3.1", "3.1", "3.1", "3.5"],
            "verdict": ["consistent", "consistent", "discrepancy", "not-verifiable"],
        }
    )
    fig = figures.verdict_heatmap(claims)
    ax = fig.axes[0]
    annotations = [t.get_text() for t in ax.texts]
    assert annotations == ["2", "1", "0", "0", "0", "1"]  # row by row, verdicts in order
    shares = ax.collections[0].get_array().reshape(2, 3)
    assert shares[0].tolist() == pytest.approx([2 / 3, 1 / 3, 0])
    assert [t.get_text() for t in ax.get_xticklabels()] == list(figures.VERDICT_ORDER)
    plt.close(fig)
