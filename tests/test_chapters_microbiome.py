"""The gut-microbiota chapter executes on the default cohort, on another seed, and on data
marked real, where it must draw no individual sample and show no participant (slow).

The notebook runs as a reader runs it (``milkbone run``). Expected numbers are the paper's
printed values (§3.4: the principal coordinates' 7.09 and 6.68 %, the Firmicutes/
Bacteroidetes ratios 0.843, 0.769, 0.641, 0.916 and the means they come from, the twelve
reported differences, the five phyla, ten genera and 25 species), ratios worked by hand from
those means, the size of the simulated cohort (97 completers × 3 visits,
``milkbone.vocabulary``; 1,000 features, the simulator's default), and the simulation's
contract that the printed phylum means hold whatever the seed.
"""

from __future__ import annotations

import json
import re
import shutil

import pandas as pd
import pytest

from milkbone import cli, cohort, paths
from milkbone.vocabulary import GROUP_SIZES, MONTHS

pytestmark = pytest.mark.slow

CHAPTER = paths.ROOT / "notebooks" / "30_gut_microbiota.py"
SAMPLES = sum(GROUP_SIZES.values()) * len(MONTHS)  # 97 completers × 3 visits
FAST = {"n_trees": 30, "permutations": 199}  # the forests and permutations are not checked


def run(out, **parameters):
    argv = ["run", str(CHAPTER), "-o", str(out)]
    for name, value in {**FAST, **parameters}.items():
        argv += ["-p", name, str(value)]
    assert cli.main(argv) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def outputs(notebook):
    for cell in notebook["cells"]:
        yield from cell.get("outputs", [])


def glued(notebook):
    """Every glued value by key, as text, with its evidence level."""
    values = {}
    for output in outputs(notebook):
        scrap = output.get("metadata", {}).get("scrapbook")
        if scrap:
            text = output["data"][scrap["mime_prefix"] + "text/plain"]
            values[scrap["name"]] = (text, output["metadata"]["milkbone"]["evidence"])
    return values


def texts(notebook):
    """Every text output; images left out (base64 can hold any short string)."""
    for output in outputs(notebook):
        if output["output_type"] == "stream":
            yield "".join(output["text"])
        for mime, data in output.get("data", {}).items():
            if not mime.startswith("image/"):
                yield data if isinstance(data, str) else "".join(data)


def number(values, key):
    return float(values[key][0].strip("'\""))


@pytest.fixture(scope="module")
def default(tmp_path_factory):
    return run(tmp_path_factory.mktemp("default") / "gut.ipynb")


@pytest.fixture(scope="module")
def seven(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sim7") / "sim7"
    cohort.simulate(seed=7, out=folder)
    return run(folder.parent / "gut.ipynb", seed=7, data_dir=folder)


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    """The default simulated cohort, copied and labelled as real data."""
    folder = tmp_path_factory.mktemp("real") / "real"
    shutil.copytree(paths.SIMULATED, folder)
    meta = json.loads((folder / "dataset.json").read_text())
    meta["kind"] = "real"
    (folder / "dataset.json").write_text(json.dumps(meta))
    return folder, run(folder.parent / "gut.ipynb", data_dir=folder)


def check_printed(values):
    """Numbers that depend on the paper only, whatever the data."""
    # §3.4: "PC1 and PC2 explained 7.09 and 6.68%"; "p < 0.001"
    assert number(values, "gut_microbiota.pcoa.pc1.published") == 7.09
    assert number(values, "gut_microbiota.pcoa.pc2.published") == 6.68
    assert number(values, "gut_microbiota.beta.p_published") == 0.001
    # five phyla, ten genera, 25 species (Figures 3D-E, 4J-L); p < 0.05 (§2.4)
    assert number(values, "gut_microbiota.top_phyla.published") == 5
    assert number(values, "gut_microbiota.top_genera.published") == 10
    assert number(values, "gut_microbiota.forest.top.published") == 25
    assert number(values, "gut_microbiota.alpha_level.value") == 0.05
    # ratios printed 0.769 and 0.916 at six months; by hand 0.357 / 0.450 and 0.296 / 0.391
    assert number(values, "gut_microbiota.fb.hcm.m6.ratio_published") == 0.769
    assert number(values, "gut_microbiota.fb.cm.m6.ratio_published") == 0.916
    key = "gut_microbiota.fb.hcm.m6.ratio_of_printed_means"
    assert number(values, key) == pytest.approx(0.357 / 0.450, abs=1e-9)
    key = "gut_microbiota.fb.cm.m0.ratio_of_printed_means"
    assert number(values, key) == pytest.approx(0.335 / 0.522, abs=1e-9)
    assert values["gut_microbiota.fb.cm.m6.verdict"] == ("'discrepancy'", "recomputed")
    assert values["gut_microbiota.fb.hcm.m0.verdict"] == ("'consistent'", "recomputed")
    # one phylum and eleven genus-visit pairs (Figures 4A-I)
    assert number(values, "gut_microbiota.reported.taxa") == 12


def check_simulated(values):
    """What every simulated cohort holds by construction (any seed)."""
    assert number(values, "gut_microbiota.samples.count") == SAMPLES
    assert number(values, "gut_microbiota.participants.count") == 97
    assert number(values, "gut_microbiota.features.count") == 1000
    # the printed phylum means are matched, so their ratio is the printed means' ratio
    for group, month, ratio in (("hcm", 6, 0.357 / 0.450), ("cm", 6, 0.296 / 0.391)):
        key = f"gut_microbiota.fb.{group}.m{month}.ratio_of_means"
        assert number(values, key) == pytest.approx(ratio, abs=2e-3)
    # every reported taxon is in the simulated taxonomy (SILVA names)
    assert number(values, "gut_microbiota.reported.found_taxa") == 12
    assert values["gut_microbiota.samples.count"][1] == "simulated"


def test_chapter_on_the_default_cohort(default):
    values = glued(default)
    check_printed(values)
    check_simulated(values)
    # the permutation p cannot be below 1 / (permutations + 1)
    floor = number(values, "gut_microbiota.permutations.p_floor")
    assert floor == pytest.approx(1 / 200, abs=1e-12)
    assert number(values, "gut_microbiota.genera.count") > 100
    assert (
        0
        < number(values, "gut_microbiota.pcoa.pc2.trace")
        < number(values, "gut_microbiota.pcoa.pc1.trace")
    )
    text = "\n".join(texts(default))
    for caption in ("**Figure 3A, redrawn.**", "**Figure 3C, redrawn.**",
                    "**Figure 4C–I, redrawn.**", "**Figure 4J–L, redrawn.**"):  # fmt: skip
        assert caption in text
    assert "Warning" not in text


def test_chapter_on_another_seed(seven, default):
    values, before = glued(seven), glued(default)
    check_printed(values)
    check_simulated(values)
    key = "gut_microbiota.reads.median"
    assert number(values, key) != number(before, key)  # another cohort, other counts


def test_chapter_on_real_data_shows_no_participant(real):
    folder, notebook = real
    ids = pd.read_csv(folder / "participants.csv")["participant"].astype(str)
    text = "\n".join(texts(notebook))
    assert [p for p in ids if re.search(rf"\b{re.escape(p)}\b", text)] == []
    # one point per woman: no PCoA scatter, and boxes without their samples
    assert "**Figure 3C, redrawn.**" not in text
    assert "Figure 3A, redrawn." in text
    values = glued(notebook)
    check_printed(values)
    assert values["gut_microbiota.samples.count"] == (str(SAMPLES), "observed")
    assert values["gut_microbiota.forest.m6.auc"][1] == "observed"
    assert values["gut_microbiota.pcoa.pc1.published"][1] == "published"
    assert "**Observed.**" in text
