"""milkbone.published.curated: the hand-made readings load and are checked."""

import shutil

import pytest

from milkbone import paths
from milkbone.published import curated


def test_mechanism_loads_with_positions_and_bends():
    nodes, edges = curated.mechanism()
    assert nodes["x"].dtype == float and nodes["y"].dtype == float
    assert edges["bend"].dtype == float
    assert len(nodes) == 12 and len(edges) == 18


def _copy(tmp_path):
    folder = tmp_path / "curated"
    shutil.copytree(paths.DATA / "curated", folder)
    return folder


def test_arrow_to_a_missing_box_is_named(tmp_path):
    folder = _copy(tmp_path)
    edges = folder / "figure8_edges.csv"
    edges.write_text(edges.read_text().replace("milk,bmd,", "milk,bone,", 1))
    with pytest.raises(
        ValueError, match=r"figure8_edges.csv line\(s\) 2: column 'target' has 'bone'"
    ):
        curated.mechanism(folder=folder)


def test_bad_direction_is_named(tmp_path):
    folder = _copy(tmp_path)
    context = folder / "literature_context.csv"
    text = context.read_text().replace(
        "12 months,§3.7; Figure 7A,r3_7.l1_4.faecalibacterium.p,+",
        "12 months,§3.7; Figure 7A,r3_7.l1_4.faecalibacterium.p,up",
        1,
    )
    context.write_text(text)
    with pytest.raises(ValueError, match="column 'trial_direction' has 'up'"):
        curated.literature(folder=folder)
