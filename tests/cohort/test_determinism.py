"""Same seed, same data, same numbers: a chapter executed twice glues identical values."""

from __future__ import annotations

import json

import pytest

from milkbone import cli, paths

pytestmark = pytest.mark.slow


def _glued(path):
    """Every glued value of an executed notebook, ``{key: text/plain}``."""
    values = {}
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        for output in cell.get("outputs", []):
            scrap = output.get("metadata", {}).get("scrapbook")
            if scrap:
                values[scrap["name"]] = output["data"][scrap["mime_prefix"] + "text/plain"]
    return values


def _png_outputs(path):
    return [
        output["data"]["image/png"]
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
        for output in cell.get("outputs", [])
        if "image/png" in output.get("data", {})
    ]


def test_bone_density_chapter_is_reproducible(tmp_path):
    source = paths.NOTEBOOKS / "21_bone_density.py"
    runs = [tmp_path / "first.ipynb", tmp_path / "second.ipynb"]
    for run in runs:
        assert cli.main(["run", str(source), "-o", str(run)]) == 0
    first, second = (_glued(run) for run in runs)
    assert len(first) > 20
    assert first == second
    assert _png_outputs(runs[0]) == _png_outputs(runs[1])  # figures byte for byte
