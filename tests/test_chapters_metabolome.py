"""The serum and fecal metabolome chapters execute on the default cohort, on another seed,
and on data marked real — where they must draw no individual sample and show no
participant (slow).

Each notebook runs as a reader would run it (``milkbone run``). Expected numbers are the
paper's printed values (Table 5, §3.5–3.6), counts worked by hand from them, the size of
the simulated cohort (97 completers × 3 visits, ``milkbone.vocabulary``), and the
simulation's contract that Table 5's fold changes are planted exactly, whatever the seed.
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

SERUM = paths.ROOT / "notebooks" / "31_serum_metabolome.py"
FECAL = paths.ROOT / "notebooks" / "32_fecal_metabolome.py"
SAMPLES = sum(GROUP_SIZES.values()) * len(MONTHS)  # 97 completers × 3 visits


def run(source, out, **parameters):
    argv = ["run", str(source), "-o", str(out)]
    for name, value in parameters.items():
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


def table_rows(notebook, caption_start):
    """Cells of the HTML table shown under the caption that starts with ``caption_start``."""
    shown = list(outputs(notebook))
    for i, output in enumerate(shown):
        if caption_start in "".join(output.get("data", {}).get("text/markdown", "")):
            body = "".join(shown[i + 1]["data"]["text/html"]).split("<tbody>", 1)[1]
            rows = re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)
            cells = [re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S) for row in rows]
            return [[re.sub(r"<[^>]+>", "", c).strip() for c in row] for row in cells]
    raise AssertionError(f"no table under {caption_start!r}")


def number(values, key):
    return float(values[key][0].strip("'\""))


@pytest.fixture(scope="module")
def default(tmp_path_factory):
    folder = tmp_path_factory.mktemp("default")
    return {name: run(source, folder / f"{name}.ipynb") for name, source in
            (("serum", SERUM), ("fecal", FECAL))}  # fmt: skip


@pytest.fixture(scope="module")
def seven(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sim7") / "sim7"
    cohort.simulate(seed=7, out=folder)
    return {name: run(source, folder.parent / f"{name}.ipynb", seed=7, data_dir=folder)
            for name, source in (("serum", SERUM), ("fecal", FECAL))}  # fmt: skip


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    """The default simulated cohort, copied and labelled as real data."""
    folder = tmp_path_factory.mktemp("real") / "real"
    shutil.copytree(paths.SIMULATED, folder)
    meta = json.loads((folder / "dataset.json").read_text())
    meta["kind"] = "real"
    (folder / "dataset.json").write_text(json.dumps(meta))
    notebooks = {name: run(source, folder.parent / f"{name}.ipynb", data_dir=folder)
                 for name, source in (("serum", SERUM), ("fecal", FECAL))}  # fmt: skip
    return folder, notebooks


def check_printed_serum(values):
    """Numbers that depend on the paper only, whatever the data."""
    # Table 5 prints p = 1.6471, 6.5421, 4.1506, 7.7551 (rows 1-4), 1.6701, 3.9848 (17-18)
    assert number(values, "serum_metabolome.p_above_one.count") == 6
    assert number(values, "serum_metabolome.p_above_one.min") == 1.6471
    assert number(values, "serum_metabolome.p_above_one.max") == 7.7551
    # Equol (FC 4.4249) and L-Arabinitol (FC 1.5475) are marked ↓
    assert number(values, "serum_metabolome.arrow_against_fc.count") == 2
    assert number(values, "serum_metabolome.table5.rows.count") == 51
    # §3.5: 52 stated, 39 up and 13 down; Table 5 has 40 ↑ and 11 ↓ (51 rows)
    assert [number(values, f"serum_metabolome.printed.{k}") for k in ("total", "up", "down")] == [
        52, 39, 13,
    ]  # fmt: skip
    assert [number(values, f"serum_metabolome.table5.{k}") for k in ("up", "down")] == [40, 11]
    assert values["serum_metabolome.numbering.recomputed"][0] == "'49 distinct of 51'"
    assert values["serum_metabolome.p_above_one.count"][1] == "recomputed"


def check_printed_fecal(values):
    # §3.6: 47 + 27 = 74 up at the two follow-up visits, stated 100 over all visits
    assert number(values, "fecal_metabolome.visits_up.sum") == 47 + 27
    assert number(values, "fecal_metabolome.printed.up") == 100
    assert values["fecal_metabolome.printed.cv_rounds"][0] == "'seven'"
    assert number(values, "fecal_metabolome.printed.permutations") == 200


def test_serum_on_the_default_cohort(default):
    notebook = default["serum"]
    values = glued(notebook)
    check_printed_serum(values)
    assert number(values, "serum_metabolome.samples.count") == SAMPLES
    assert number(values, "serum_metabolome.participants.count") == 97
    # the simulation plants Table 5's fold changes exactly (relative difference < 1e-6)
    assert number(values, "serum_metabolome.table5.matched.count") == 51
    assert number(values, "serum_metabolome.table5.fold_change.max_relative_difference") < 1e-6
    assert values["serum_metabolome.table5.matched.count"][1] == "simulated"
    # Taurine, Table 5 row 42: printed FC 1.9914 at 12 months, the simulated FC beside it
    taurine = next(r for r in table_rows(notebook, "**Table 5, mirrored.**") if r[1] == "Taurine")
    assert (taurine[2], taurine[7], taurine[8]) == ("12", "1.9914", "1.9914")
    # Table 6 AUCs planted through the log SD: within 0.1 of the printed ones at n = 51
    assert number(values, "serum_metabolome.table6.auc.max_difference") < 0.1
    # the model of 12 months, where most of Table 5 is planted, beats every permutation:
    # ropls's p = (1 + 0) / 200
    assert number(values, "serum_metabolome.plsda.m12.p_q2") == pytest.approx(1 / 200)
    # the Methods rule is stricter than the Results rule
    strict = number(values, "serum_metabolome.methods_rule.m12.count")
    assert strict < number(values, "serum_metabolome.results_rule.m12.count")
    assert "**Figure 5A, redrawn.**" in "\n".join(texts(notebook))


def test_fecal_on_the_default_cohort(default):
    notebook = default["fecal"]
    values = glued(notebook)
    check_printed_fecal(values)
    assert number(values, "fecal_metabolome.samples.count") == SAMPLES
    rows = {(r[0], r[1]): r for r in table_rows(notebook, "Differential fecal features")}
    # visit, direction, published, methods, results, evidence; §3.6 prints 74 (47 ↑, 27 ↓)
    assert [rows["6 months", d][2] for d in ("all", "up", "down")] == ["74", "47", "27"]
    assert rows["0 months", "all"][2] == "–"  # §3.6 prints no baseline count
    # the simulation planted 74 and 43 differential features: the Results rule finds them
    # and more; BH keeps fewer than the rule
    assert number(values, "fecal_metabolome.results_rule.m6.count") >= 74
    assert number(values, "fecal_metabolome.bh.m6.count") < number(
        values, "fecal_metabolome.results_rule.m6.count"
    )
    assert "**Figure 6A–B, redrawn.**" in "\n".join(texts(notebook))


@pytest.mark.parametrize("name", ["serum", "fecal"])
def test_chapters_run_on_another_seed(name, seven, default):
    values, before = glued(seven[name]), glued(default[name])
    if name == "serum":
        check_printed_serum(values)
        ratio = "serum_metabolome.table5.fold_change.max_relative_difference"
        assert number(values, ratio) < 1e-6  # planted for every seed
        key = "serum_metabolome.plsda.m0.q2_cum"
    else:
        check_printed_fecal(values)
        key = "fecal_metabolome.plsda.m6.q2_cum"
    assert number(values, key) != number(before, key)  # another cohort, other noise


@pytest.mark.parametrize("name", ["serum", "fecal"])
def test_chapters_on_real_data_show_no_participant(name, real):
    folder, notebooks = real
    notebook = notebooks[name]
    ids = pd.read_csv(folder / "participants.csv")["participant"].astype(str)
    text = "\n".join(texts(notebook))
    assert [p for p in ids if re.search(rf"\b{re.escape(p)}\b", text)] == []
    # one point per woman: the PLS-DA scores are not drawn on real data
    assert (
        "redrawn.** PLS-DA" not in text and "PLS-DA of HCM against CM at each visit on" not in text
    )
    values = glued(notebook)
    prefix = f"{name}_metabolome"
    assert values[f"{prefix}.samples.count"] == (str(SAMPLES), "observed")
    assert values[f"{prefix}.plsda.m12.q2_cum"][1] == "observed"
    assert "**Observed.**" in text
