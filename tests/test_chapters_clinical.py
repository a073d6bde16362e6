"""The baseline and biochemistry chapters execute on the default cohort, on another seed,
and on data marked real — where they must show no participant and no small cell (slow).

Each notebook is run exactly as a reader would (``milkbone run``); expected numbers are
ones that depend on published numbers only (recomputed), so they are the same whatever
the cohort, and were worked by hand in ``tests/analysis/test_mirror.py``.
"""

from __future__ import annotations

import json
import re
import shutil

import pandas as pd
import pytest

from milkbone import cli, cohort, paths

pytestmark = pytest.mark.slow

BASELINE = paths.ROOT / "notebooks" / "20_baseline.py"
BIOCHEMISTRY = paths.ROOT / "notebooks" / "22_biochemistry.py"


def _run(source, out, *parameters):
    argv = ["run", str(source), "-o", str(out)]
    for name, value in parameters:
        argv += ["-p", name, str(value)]
    assert cli.main(argv) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def _glued(notebook):
    """Every glued value of an executed notebook, by key, as text."""
    values = {}
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            scrap = output.get("metadata", {}).get("scrapbook")
            if scrap:
                values[scrap["name"]] = output["data"][scrap["mime_prefix"] + "text/plain"]
    return values


def _texts(notebook):
    """Every text output (HTML, markdown, plain, streams, errors); images left out,
    since base64 can contain any short string by chance."""
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            if output["output_type"] == "stream":
                yield "".join(output["text"])
            for mime, data in output.get("data", {}).items():
                if not mime.startswith("image/"):
                    yield data if isinstance(data, str) else "".join(data)
            if output["output_type"] == "error":
                yield output["evalue"]


def _table_after(notebook, caption_start):
    """Rows (lists of cell texts) of the HTML table shown under the caption."""
    for cell in notebook["cells"]:
        outputs = cell.get("outputs", [])
        for i, output in enumerate(outputs):
            markdown = "".join(output.get("data", {}).get("text/markdown", ""))
            if caption_start in markdown:
                html = "".join(outputs[i + 1]["data"]["text/html"])
                body = html.split("<tbody>", 1)[1]
                rows = re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)
                cells = [re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S) for row in rows]
                return [[re.sub(r"<[^>]+>", "", c).strip() for c in row] for row in cells]
    raise AssertionError(f"no table under {caption_start!r}")


@pytest.fixture(scope="module")
def seven(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sim7") / "sim7"
    cohort.simulate(seed=7, out=folder)
    return folder


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    """The default simulated cohort, copied and labelled as real data."""
    folder = tmp_path_factory.mktemp("real") / "real"
    shutil.copytree(paths.SIMULATED, folder)
    meta = json.loads((folder / "dataset.json").read_text())
    meta["kind"] = "real"
    (folder / "dataset.json").write_text(json.dumps(meta))
    return folder


def test_baseline_runs_on_the_default_cohort(tmp_path):
    glued = _glued(_run(BASELINE, tmp_path / "baseline.ipynb"))
    # (0.981 − 0.935) / sqrt((0.123² + 0.107²) / 2), Table 2 (tests/analysis/test_mirror.py)
    key = "baseline.l1_4_bmd.between_arms.m0.standardised_difference"
    assert float(glued[key]) == pytest.approx(0.39904, abs=1e-5)
    # audit: right-hip |t| from the printed means and SDs, printed −0.76
    assert float(glued["baseline.right_hip_bmd.between_arms.m0.t_recomputed"]) == 0.65
    assert float(glued["baseline.ast.between_arms.m0.p_from_u"]) == pytest.approx(0.374)
    assert int(glued["baseline.completers.hcm.count"]) == 51


def test_biochemistry_runs_on_the_default_cohort(tmp_path):
    notebook = _run(BIOCHEMISTRY, tmp_path / "biochemistry.ipynb")
    glued = _glued(notebook)
    # the simulated cohort describes no one: Table 4 is drawn as shares
    assert "**Table 4, drawn.**" in "\n".join(_texts(notebook))
    # (24.00 − 20.61) / 20.61 × 100 from Table 3; printed 16.4 % (§3.3)
    assert float(glued["biochemistry.ast.hcm.m6.percent_change"]) == pytest.approx(
        16.4484, abs=1e-4
    )
    assert int(glued["biochemistry.ohd_25.cm.m12.printed_total"]) == 14 + 24 + 6
    # two-sided normal p of the printed z = 4.390 (Table 4, 6 months): 1.13e-5
    p6 = float(glued["biochemistry.ohd_25.between_arms.m6.p_recomputed"])
    assert p6 == pytest.approx(1.13e-5, rel=0.01)
    assert int(glued["biochemistry.ohd_25.between_arms.m12.n_recomputed"]) == 95


@pytest.mark.parametrize("source", [BASELINE, BIOCHEMISTRY], ids=["baseline", "biochemistry"])
def test_chapters_run_with_another_seed(source, seven, tmp_path):
    notebook = _run(source, tmp_path / "seven.ipynb", ("seed", 7), ("data_dir", seven))
    glued = _glued(notebook)
    if source == BASELINE:  # recomputed numbers do not depend on the cohort
        key = "baseline.l1_4_bmd.between_arms.m0.standardised_difference"
        assert float(glued[key]) == pytest.approx(0.39904, abs=1e-5)
    else:
        assert float(glued["biochemistry.ohd_25.between_arms.m12.p_recomputed"]) == (
            pytest.approx(6.54e-4, rel=0.01)
        )


@pytest.mark.parametrize("source", [BASELINE, BIOCHEMISTRY], ids=["baseline", "biochemistry"])
def test_chapters_on_real_data_show_no_participant(source, real, tmp_path):
    notebook = _run(source, tmp_path / "real.ipynb", ("data_dir", real))
    ids = pd.read_csv(real / "participants.csv")["participant"].astype(str)
    assert len(ids) == 104
    text = "\n".join(_texts(notebook))
    shown = [p for p in ids if re.search(rf"\b{re.escape(p)}\b", text)]
    assert shown == []


def test_table4_on_real_data_blanks_small_counts(real, tmp_path):
    notebook = _run(BIOCHEMISTRY, tmp_path / "real.ipynb", ("data_dir", real))
    rows = _table_after(notebook, "**Table 4, mirrored.**")
    # columns: month, category, count_hcm, count_cm, published_hcm, published_cm, evidence
    cells = {(r[0], r[1]): r for r in rows}
    assert len(rows) == 9
    counts = [c for r in rows for c in r[2:4]]
    blank = ("–", "&lt;NA&gt;")  # na_rep for NaN; pandas prints a nullable NA as <NA>
    # every count shown is 0 or at least 5; the rest are blank
    assert all(c in blank or int(c) == 0 or int(c) >= 5 for c in counts)
    # the simulated cohort has 2 deficient CM women at 6 months and 1 HCM at 12 months
    assert cells["6", "deficient"][3] in blank
    assert cells["12", "deficient"][2] in blank
    # printed counts are public and shown as printed
    assert cells["6", "deficient"][5] == "2"
    assert cells["12", "insufficient"][4] == "17"
    # shares would reveal the blanked counts: on real data the bars are not drawn
    assert "**Table 4, drawn.**" not in "\n".join(_texts(notebook))
