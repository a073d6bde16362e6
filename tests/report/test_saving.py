"""milkbone.report.saving: deterministic figure files, sidecars, the simulated mark."""

from __future__ import annotations

import json

import matplotlib.pyplot as plt
import pytest

from milkbone import report


@pytest.fixture(autouse=True)
def shown(monkeypatch):
    displayed: list[object] = []
    monkeypatch.setattr("IPython.display.display", displayed.append)
    return displayed


def _plot():
    fig, ax = plt.subplots()
    ax.plot([0, 6, 12], [1.0, 1.02, 1.01])
    return fig


def test_save_is_byte_identical_and_writes_a_sidecar(tmp_path, monkeypatch, shown):
    monkeypatch.setenv("MILKBONE_NOTEBOOK", "notebooks/21_bone_density.py")
    png = tmp_path / "fig2a.png"
    report.save(_plot(), "fig2a", caption="c", evidence="simulated", directory=tmp_path)
    content = png.read_bytes()
    report.save(_plot(), "fig2a", caption="c", evidence="simulated", directory=tmp_path)
    assert png.read_bytes() == content
    first = png
    sidecar = json.loads(first.with_suffix(".json").read_text())
    assert sidecar["evidence"] == "simulated"
    assert sidecar["notebook"] == "notebooks/21_bone_density.py"
    # the image, then its caption, which names the notebook
    image = shown[-2]  # 2× pixels, shown at half: sharp on high-resolution screens
    assert image.width * 2 == plt.imread(png).shape[1]
    assert shown[-1].data == (
        "{bdg-warning}`simulated` **Simulated.** c Source: `notebooks/21_bone_density.py`."
    )


def test_simulated_figures_say_so_on_every_axes():
    fig, axes = plt.subplots(1, 2)
    report.mark_simulated(fig)
    assert all(any(t.get_text() == "simulated" for t in ax.texts) for ax in axes)
    plt.close(fig)


def test_the_simulated_mark_covers_no_mark():
    """The word sits above the axes (issue 14: it hid a bar of Table 4's chart)."""
    fig, ax = plt.subplots()
    ax.bar([0, 1], [100, 100])
    report.mark_simulated(fig)
    fig.canvas.draw()
    word = ax.texts[0].get_window_extent()
    assert word.y0 >= ax.get_window_extent().y1 - 1e-6
    plt.close(fig)


def test_a_colour_bar_gets_no_second_mark():
    """Two marks side by side overlapped above Figure 5B's colour bar."""
    fig, ax = plt.subplots()
    fig.colorbar(ax.scatter([0, 1], [0, 1], c=[0, 1]), ax=ax)
    report.mark_simulated(fig)
    assert [len(a.texts) for a in fig.axes] == [1, 0]
    plt.close(fig)


def test_save_refuses_bad_names(tmp_path):
    with pytest.raises(ValueError, match="lower-case"):
        report.save(_plot(), "Fig 2A", caption="c", evidence="published", directory=tmp_path)


def test_observed_figure_of_few_people_is_refused(tmp_path):
    with pytest.raises(ValueError, match="groups of 4 people on real data"):
        report.save(_plot(), "fig2a", caption="c", evidence="observed", n=4, directory=tmp_path)
    assert not (tmp_path / "fig2a.png").exists()
    report.save(_plot(), "fig2a", caption="c", evidence="observed", n=5, directory=tmp_path)
    assert (tmp_path / "fig2a.png").exists()
