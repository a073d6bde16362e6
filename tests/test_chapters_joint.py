"""The joint-analysis and context chapters execute on the default cohort and on data marked
real, where every result on participant data says ``observed`` and no participant shows
(slow).

Expected numbers come from the curated readings (``data/curated``: 7 markers, 11 genera, 9
serum and 4 fecal metabolites, so 7×11 + 7×9 + 7×4 + 11×9 + 11×4 = 311 correlations), from
the claims registry's verdicts (Figure 8: one arrow recomputed, one contradicted, six never
tested) and from the paper (§3.7 names eleven correlations).
"""

from __future__ import annotations

import json
import re
import shutil

import pytest

from milkbone import cli, paths

pytestmark = pytest.mark.slow

JOINT = paths.ROOT / "notebooks" / "33_joint_analysis.py"
CONTEXT = paths.ROOT / "notebooks" / "35_context.py"


def run(source, out, **parameters):
    argv = ["run", str(source), "-o", str(out)]
    for name, value in parameters.items():
        argv += ["-p", name, str(value)]
    assert cli.main(argv) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def glued(notebook):
    values = {}
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            scrap = output.get("metadata", {}).get("scrapbook")
            if scrap:
                text = output["data"][scrap["mime_prefix"] + "text/plain"]
                values[scrap["name"]] = (
                    float(text.strip("'\"")),
                    output["metadata"]["milkbone"]["evidence"],
                )
    return values


def check_paper_only(values):
    assert values["joint_analysis.named.count"] == (11, "published")
    arrows = {
        k.split(".")[1]: v[0] for k, v in values.items() if k.startswith("joint_analysis.arrows")
    }
    assert arrows == {
        "arrows": 18,
        "arrows_contradicted": 1,
        "arrows_recomputed": 1,
        "arrows_published": 10,
        "arrows_simulated": 0,
        "arrows_untested": 6,
    }
    assert values["joint_analysis.tests.count"][0] == 7 * 11 + 7 * 9 + 7 * 4 + 11 * 9 + 11 * 4
    assert values["joint_analysis.expected_by_chance.count"][0] == pytest.approx(311 * 0.05)


@pytest.fixture(scope="module")
def default(tmp_path_factory):
    folder = tmp_path_factory.mktemp("default")
    return run(JOINT, folder / "joint.ipynb"), run(CONTEXT, folder / "context.ipynb")


def test_joint_chapter_on_the_default_cohort(default):
    values = glued(default[0])
    check_paper_only(values)
    assert values["joint_analysis.tests.count"][1] == "simulated"
    # at least one hit in five panels of 311 tests, and no more than the tests
    assert 0 < values["joint_analysis.significant.count"][0] < 311
    assert 0 < values["joint_analysis.panel_d.any_by_chance"][0] < 1


def test_context_chapter_counts_agreements(default):
    values = glued(default[1])
    # data/curated/literature_context.csv: Faecalibacterium and purine metabolism agree
    assert values["context.cohort_agreement.count"] == (2, "published")
    assert values["context.cohort_conflict.count"][0] == 0
    assert values["context.topics.count"][0] == 13
    assert values["context.secondary.count"][0] == 4


def test_joint_chapter_on_data_marked_real(tmp_path):
    folder = tmp_path / "real"
    shutil.copytree(paths.SIMULATED, folder)
    meta = json.loads((folder / "dataset.json").read_text())
    meta["kind"] = "real"
    (folder / "dataset.json").write_text(json.dumps(meta))
    notebook = run(JOINT, tmp_path / "joint.ipynb", data_dir=folder)
    values = glued(notebook)
    check_paper_only(values)
    assert values["joint_analysis.tests.count"][1] == "observed"
    shown = json.dumps([c.get("outputs", []) for c in notebook["cells"]])
    shown = re.sub(r'"image/png": "[^"]*"', "", shown)
    assert not re.search(r"\bP\d{3}\b", shown), "a participant id reached the page"
    assert "illustrates the method" not in shown
