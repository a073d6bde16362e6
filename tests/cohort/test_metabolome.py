"""Metabolome peak tables: validation messages, orientation, missing values, imputation.

Expected values are worked by hand on a folder of 3 women × 3 visits × 4 features per
matrix written below (serum as MetaboAnalyst's samples × features CSV, fecal as a
features × samples TSV).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from milkbone.cohort.metabolome import (
    IMPUTATIONS,
    MetabolomeData,
    impute,
    load_metabolome,
    missing_shares,
    validate_metabolome,
    write_metabolome_files,
)

PEOPLE = [("W1", "HCM"), ("W2", "CM"), ("W3", "HCM")]
FEATURES = (
    "feature-id\tname\tmz\trt\tion_mode\tkegg\thmdb\tchebi\tclass\n"
    "M1\tTaurine\t126.0224\t1.386\tpositive\tC00245\tHMDB0000251\tCHEBI:15891\torganic acids\n"
    "M2\tCorticosterone\t347.2215\t6.499\tpositive\tC02140\tHMDB0001547\tCHEBI:16827\t\n"
    "M3\t\t200.1\t3.2\tnegative\t\t\t\t\n"
    "M4\t\t\t\t\t\t\t\t\n"
)


def _samples(matrix: str) -> list[tuple[str, str, int, str]]:
    return [(f"{p}-m{m}-{matrix}", p, m, matrix) for p, _ in PEOPLE for m in (0, 6, 12)]


def _values(matrix: str) -> pd.DataFrame:
    rng = np.random.default_rng(1 if matrix == "serum" else 2)
    ids = [s for s, *_ in _samples(matrix)]
    values = pd.DataFrame(
        np.exp(rng.normal(12, 1, (9, 4))), index=ids, columns=["M1", "M2", "M3", "M4"]
    )
    return values.round(1)


def _csv(values: pd.DataFrame) -> str:
    return values.rename_axis("sample-id").to_csv()


def _tsv(values: pd.DataFrame) -> str:
    return values.T.rename_axis("feature-id").to_csv(sep="\t")


def _write(folder: Path, *, serum=None, fecal=None, features=None, meta=None) -> Path:
    """A valid folder (real data) with both matrices, with parts replaced."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dataset.json").write_text(json.dumps({"kind": "real"}))
    people = "participant,group,withdrawn\n" + "".join(f"{p},{g},false\n" for p, g in PEOPLE)
    (folder / "participants.csv").write_text(people)
    visits = "".join(f"{p},{m}\n" for p, _ in PEOPLE for m in (0, 6, 12))
    (folder / "visits.csv").write_text("participant,month\n" + visits)
    sub = folder / "metabolome"
    sub.mkdir(exist_ok=True)
    (sub / "serum-intensities.csv").write_text(
        serum if serum is not None else _csv(_values("serum"))
    )
    (sub / "fecal-intensities.tsv").write_text(
        fecal if fecal is not None else _tsv(_values("fecal"))
    )
    for matrix in ("serum", "fecal"):
        (sub / f"{matrix}-features.tsv").write_text(FEATURES if features is None else features)
    rows = _samples("serum") + _samples("fecal") if meta is None else meta
    text = "sample-id\tparticipant\tmonth\tmatrix\n" + "".join(
        "\t".join(map(str, r)) + "\n" for r in rows[::-1]
    )
    (sub / "sample-metadata.tsv").write_text(text)
    return folder


def _messages(folder: Path, **options) -> list[str]:
    return [str(p) for p in validate_metabolome(folder, **options)]


def test_valid_folder_both_orientations(tmp_path):
    folder = _write(tmp_path / "data")
    assert validate_metabolome(folder) == []
    for matrix in ("serum", "fecal"):
        data = load_metabolome(folder, matrix=matrix)
        assert isinstance(data, MetabolomeData)
        expected = _values(matrix).rename_axis(index="sample_id", columns="feature_id")
        pd.testing.assert_frame_equal(data.intensities, expected)
        assert data.samples.loc[f"W2-m6-{matrix}"].tolist() == ["W2", "CM", 6, matrix]
        assert data.evidence == "observed"
    features = load_metabolome(folder, matrix="serum").features
    assert features.loc["M1", "kegg"] == "C00245" and features.loc["M2", "mz"] == 347.2215
    assert pd.isna(features.loc["M3", "name"]) and np.isnan(features.loc["M4", "rt"])


def test_orientation_from_ids_when_the_header_says_nothing(tmp_path):
    values = _values("serum")
    serum = values.rename_axis("Name").to_csv()  # MetaboAnalyst-like, another header
    folder = _write(tmp_path / "a", serum=serum)
    pd.testing.assert_frame_equal(
        load_metabolome(folder, matrix="serum").intensities,
        values.rename_axis(index="sample_id", columns="feature_id"),
    )
    fecal = _values("fecal").T.rename_axis("compound").to_csv(sep="\t")
    folder = _write(tmp_path / "b", fecal=fecal)
    assert load_metabolome(folder, matrix="fecal").intensities.shape == (9, 4)
    odd = values.set_axis([f"x{i}" for i in range(9)]).rename_axis("what").to_csv()
    assert _messages(_write(tmp_path / "c", serum=odd), matrix="serum")[0] == (
        "metabolome/serum-intensities.csv, line 1, column what: cannot tell the orientation: "
        "name the first column 'sample-id' or 'feature-id', not 'what'"
    )


def test_missing_values_are_shares_and_imputed_by_a_stated_rule(tmp_path):
    values = _values("serum")
    values.loc["W1-m0-serum", "M3"] = np.nan
    values.loc["W2-m6-serum", "M3"] = np.nan
    serum = _csv(values).replace("W3-m0-serum,", "W3-m0-serum,NA,", 1)
    serum = serum.replace(f"NA,{values.loc['W3-m0-serum', 'M1']},", "NA,", 1)
    folder = _write(tmp_path / "data", serum=serum)
    data = load_metabolome(folder, matrix="serum")
    shares = data.missing.set_index(["kind", "id"])
    assert shares.loc[("feature", "M3"), "share"] == pytest.approx(2 / 9, abs=1e-12)
    assert shares.loc[("feature", "M1"), "n_missing"] == 1
    assert shares.loc[("sample", "W1-m0-serum"), "share"] == pytest.approx(1 / 4, abs=1e-12)
    filled = load_metabolome(folder, matrix="serum", imputation="fifth_minimum")
    observed = values["M3"].dropna()
    assert filled.intensities.loc["W2-m6-serum", "M3"] == pytest.approx(
        observed.min() / 5, rel=1e-12
    )
    assert filled.missing.set_index(["kind", "id"]).loc[("feature", "M3"), "imputed"] == 2
    assert set(IMPUTATIONS) == {"fifth_minimum", "half_minimum", "median"}


def test_impute_rules_by_hand():
    values = pd.DataFrame({"F": [4.0, np.nan, 8.0, 10.0], "G": [np.nan] * 4})
    assert impute(values, rule="half_minimum")["F"].tolist() == [4.0, 2.0, 8.0, 10.0]
    assert impute(values, rule="median")["F"].tolist() == [4.0, 8.0, 8.0, 10.0]
    assert impute(values, rule="median")["G"].isna().all()  # nothing observed, stays missing
    with pytest.raises(ValueError, match="rule must be one of"):
        impute(values, rule="zero")
    shares = missing_shares(values)
    assert shares.loc[shares["id"] == "G", "share"].item() == 1.0


def test_too_many_missing_is_reported_and_can_be_dropped(tmp_path):
    values = _values("serum")
    values.loc[values.index[:5], "M4"] = np.nan
    folder = _write(tmp_path / "data", serum=_csv(values))
    assert _messages(folder, matrix="serum") == [
        "metabolome/serum-intensities.csv, column M4: feature is missing in 5 of 9 samples "
        "(56 %; more than max_missing 50 %)"
    ]
    assert _messages(folder, matrix="serum", max_missing=0.6) == []
    with pytest.raises(ValueError, match=r"not valid serum metabolome data \(1 problem\)"):
        load_metabolome(folder, matrix="serum")
    data = load_metabolome(folder, matrix="serum", drop_sparse=True)
    assert list(data.intensities.columns) == ["M1", "M2", "M3"]
    assert data.filtered[["kind", "id"]].values.tolist() == [["feature", "M4"]]
    assert data.filtered["value"].item() == pytest.approx(5 / 9, abs=1e-12)


def test_non_positive_and_non_numeric_intensities(tmp_path):
    values = _values("serum").astype(object)
    values.loc["W1-m6-serum", "M2"] = 0
    values.loc["W2-m0-serum", "M3"] = "n.d."
    messages = _messages(_write(tmp_path / "data", serum=_csv(values)), matrix="serum")
    assert messages == [
        "metabolome/serum-intensities.csv, column M3: 1 value(s) are not numbers, first "
        "'n.d.' on line 5",
        "metabolome/serum-intensities.csv, column M2: 1 non-positive intensity value(s), first "
        "0 in sample 'W1-m6-serum' (a zero often means 'not detected': leave the cell empty)",
    ]


def test_duplicated_ids(tmp_path):
    features = FEATURES.replace("M4\t", "M1\t")
    messages = _messages(_write(tmp_path / "a", features=features), matrix="serum")
    assert messages[0] == (
        "metabolome/serum-features.tsv, line 2, column feature-id: feature id 'M1' appears on "
        "lines 2, 5"
    )
    serum = _csv(_values("serum")).replace("W1-m6-serum", "W1-m0-serum")
    messages = _messages(_write(tmp_path / "b", serum=serum), matrix="serum")
    assert messages[0] == (
        "metabolome/serum-intensities.csv, line 2, column sample-id: id 'W1-m0-serum' appears "
        "on lines 2, 3"
    )


def test_samples_matching_no_visit_or_participant(tmp_path):
    meta = _samples("serum") + _samples("fecal")
    meta = [(s, "W7", m, x) if s == "W1-m0-serum" else (s, p, m, x) for s, p, m, x in meta]
    messages = _messages(_write(tmp_path / "a", meta=meta), matrix="serum")
    assert messages == [
        "metabolome/sample-metadata.tsv, column participant: participant 'W7' is not in "
        "participants.csv (sample(s) 'W1-m0-serum')",
        "metabolome/sample-metadata.tsv, column participant: participant 'W1' has no serum "
        "sample at month 0 (visits.csv has the visit)",
    ]
    folder = _write(tmp_path / "b")
    (folder / "visits.csv").write_text(
        "participant,month\n" + "".join(f"{p},{m}\n" for p, _ in PEOPLE for m in (0, 6))
    )
    messages = _messages(folder, matrix="fecal")
    assert messages == [
        "metabolome/sample-metadata.tsv, column month: sample(s) matching no participant visit "
        "in visits.csv: 'W1-m12-fecal', 'W2-m12-fecal', 'W3-m12-fecal'"
    ]


def test_malformed_database_ids(tmp_path):
    features = FEATURES.replace("C00245", "C245").replace("HMDB0001547", "HMDB01547")
    features = features.replace("CHEBI:15891", "15891")
    messages = _messages(_write(tmp_path / "data", features=features), matrix="serum")
    assert messages == [
        "metabolome/serum-features.tsv, line 2, column kegg: 'C245' is not a KEGG id (a KEGG "
        "compound id is C and five digits, e.g. C00245)",
        "metabolome/serum-features.tsv, line 3, column hmdb: 'HMDB01547' is not a HMDB id (an "
        "HMDB id is HMDB and seven digits, e.g. HMDB0000251 (HMDB00251 is the old five-digit "
        "form))",
        "metabolome/serum-features.tsv, line 2, column chebi: '15891' is not a ChEBI id (a "
        "ChEBI id is CHEBI: and digits, e.g. CHEBI:15891)",
    ]


def test_annotation_and_matrix_problems(tmp_path):
    features = FEATURES.replace("\tpositive\tC02140", "\tpos\tC02140").replace("200.1", "-5")
    features = "".join(line + "\n" for line in features.splitlines() if not line.startswith("M4"))
    messages = _messages(_write(tmp_path / "a", features=features), matrix="serum")
    assert messages == [
        "metabolome/serum-features.tsv, line 4, column mz: value '-5' is not a positive number",
        "metabolome/serum-features.tsv, line 3, column ion_mode: value 'pos' is not positive or "
        "negative",
        "metabolome/serum-intensities.csv: feature(s) with no row in serum-features.tsv: 'M4'",
    ]
    meta = [
        (s, p, m, "urine" if s == "W1-m0-fecal" else x)
        for s, p, m, x in _samples("serum") + _samples("fecal")
    ]
    messages = _messages(_write(tmp_path / "b", meta=meta), matrix="fecal")
    assert messages[0] == (
        "metabolome/sample-metadata.tsv, column matrix: sample(s) of no known matrix (serum, "
        "fecal): 'W1-m0-fecal'"
    )
    with pytest.raises(ValueError, match="matrix must be one of serum, fecal"):
        load_metabolome(tmp_path / "a", matrix="urine")


def test_missing_files(tmp_path):
    assert _messages(tmp_path) == ["metabolome: folder is missing"]
    folder = _write(tmp_path / "data")
    (folder / "metabolome" / "fecal-intensities.tsv").unlink()
    assert validate_metabolome(folder) == []  # only the matrices present are checked
    assert _messages(folder, matrix="fecal") == [
        "metabolome/fecal-intensities.csv or fecal-intensities.tsv: file is missing"
    ]


def test_written_files_load_back(tmp_path):
    folder = _write(tmp_path / "data")
    for matrix, orientation in (("serum", "features"), ("fecal", "samples")):
        data = load_metabolome(folder, matrix=matrix)
        out = _write(tmp_path / f"copy-{matrix}")
        for old in (out / "metabolome").glob(f"{matrix}-intensities.*"):
            old.unlink()
        write_metabolome_files(data, out, orientation=orientation)
        again = load_metabolome(out, matrix=matrix)
        pd.testing.assert_frame_equal(again.intensities, data.intensities, rtol=1e-6)
        pd.testing.assert_frame_equal(again.features, data.features)
