"""16S files as QIIME 2 exports them: validation messages, loading, taxonomy, BIOM.

The expected values are worked by hand on a folder of 3 women × 3 visits × 4 features
written below; BIOM files are checked against the biom-format package's own reader.
"""

from __future__ import annotations

import json
from pathlib import Path

import biom
import numpy as np
import pandas as pd
import pytest

from milkbone.cohort.microbiome import (
    MicrobiomeData,
    feature_table_text,
    load_microbiome,
    validate_microbiome,
    write_biom,
    write_microbiome_files,
)
from milkbone.cohort.taxonomy import TaxonError, parse_taxon, parse_taxonomy, taxon_string
from milkbone.cohort.validate import validate

PEOPLE = [("W1", "HCM"), ("W2", "CM"), ("W3", "HCM")]
TAXA = {
    "F1": "d__Bacteria; p__Bacteroidota; c__Bacteroidia; o__Bacteroidales; "
    "f__Bacteroidaceae; g__Bacteroides",
    "F2": "k__Bacteria; p__Firmicutes; c__Clostridia; o__Clostridiales; "
    "f__Ruminococcaceae; g__Faecalibacterium; s__prausnitzii",
    "F3": "d__Bacteria; p__Firmicutes; c__Clostridia; o__Lachnospirales; "
    "f__Lachnospiraceae; g__uncultured",
    "F4": "k__Bacteria; p__Proteobacteria; c__; o__; f__; g__; s__",
}


def _samples() -> list[tuple[str, str, int]]:
    return [(f"{p}.m{m}", p, m) for p, _ in PEOPLE for m in (0, 6, 12)]


def _counts() -> pd.DataFrame:
    rng = np.random.default_rng(0)
    ids = [s for s, _, _ in _samples()]
    return pd.DataFrame(
        rng.integers(500, 3000, (len(ids), len(TAXA))), index=ids, columns=list(TAXA)
    )


def _write(folder: Path, *, counts=None, taxa=None, meta=None, table="tsv") -> Path:
    """A valid data folder (real data), with parts replaced."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dataset.json").write_text(json.dumps({"kind": "real"}))
    people = "participant,group,withdrawn\n" + "".join(f"{p},{g},false\n" for p, g in PEOPLE)
    (folder / "participants.csv").write_text(people)
    visits = "participant,month\n" + "".join(f"{p},{m}\n" for _, p, m in _samples())
    (folder / "visits.csv").write_text(visits)
    sub = folder / "microbiome"
    sub.mkdir(exist_ok=True)
    counts = _counts() if counts is None else counts
    if table == "tsv":
        (sub / "feature-table.tsv").write_text(
            counts if isinstance(counts, str) else feature_table_text(counts)
        )
    else:
        write_biom(counts, sub / "feature-table.biom")
    taxa = TAXA if taxa is None else taxa
    text = "Feature ID\tTaxon\tConfidence\n" + "".join(f"{f}\t{t}\t0.9\n" for f, t in taxa.items())
    (sub / "taxonomy.tsv").write_text(text)
    rows = _samples()[::-1] if meta is None else meta  # order differs from the table's
    meta_text = "sample-id\tparticipant\tmonth\n#q2:types\tcategorical\tnumeric\n"
    (sub / "sample-metadata.tsv").write_text(
        meta_text + "".join(f"{s}\t{p}\t{m}\n" for s, p, m in rows)
    )
    return folder


def _messages(folder: Path, **options) -> list[str]:
    return [str(p) for p in validate_microbiome(folder, **options)]


def test_valid_folder_loads_by_id(tmp_path):
    folder = _write(tmp_path / "data")
    assert validate_microbiome(folder) == []
    data = load_microbiome(folder)
    assert isinstance(data, MicrobiomeData)
    assert data.evidence == "observed"
    pd.testing.assert_frame_equal(
        data.counts, _counts().rename_axis(index="sample_id", columns="feature_id"),
        check_dtype=True,
    )  # fmt: skip
    # groups joined from participants.csv by id, not by position (metadata is reversed)
    assert data.samples.loc["W2.m6"].tolist() == ["W2", "CM", 6]
    assert data.samples.loc["W3.m12", "group"] == "HCM"
    assert data.filtered.empty


def test_taxonomy_ranks_and_missing_names(tmp_path):
    data = load_microbiome(_write(tmp_path / "data"))
    tax = data.taxonomy
    assert tax.loc["F1", "genus"] == "Bacteroides"
    assert tax.loc["F2", "species"] == "prausnitzii"  # Greengenes epithet, as printed
    assert pd.isna(tax.loc["F3", "genus"])  # g__uncultured is missing on purpose
    assert tax.loc["F3", "family"] == "Lachnospiraceae"
    assert tax.loc["F4"].isna().sum() == 5  # k__ and p__ known; c__ ... s__ empty
    assert list(tax.columns) == [
        "kingdom",
        "phylum",
        "class",
        "order",
        "family",
        "genus",
        "species",
    ]


def test_biom_gives_the_same_counts_as_tsv(tmp_path):
    tsv = load_microbiome(_write(tmp_path / "tsv")).counts
    biom_folder = _write(tmp_path / "biom", table="biom")
    assert validate_microbiome(biom_folder) == []
    pd.testing.assert_frame_equal(load_microbiome(biom_folder).counts, tsv)
    # the reference reader: biom-format's own
    table = biom.load_table(str(biom_folder / "microbiome" / "feature-table.biom"))
    assert table.get_value_by_ids("F2", "W1.m6") == pytest.approx(tsv.loc["W1.m6", "F2"], abs=0)


def _table(counts: pd.DataFrame) -> str:
    """A feature table as text, cells written as they are (not cast to integers)."""
    return "# Constructed from biom file\n" + counts.T.rename_axis("#OTU ID").to_csv(sep="\t")


def test_negative_fractional_and_text_counts(tmp_path):
    counts = _counts().astype(object)
    counts.loc["W1.m0", "F2"] = -3
    counts.loc["W2.m6", "F1"] = 2.5
    messages = _messages(_write(tmp_path / "data", counts=_table(counts)))
    assert messages == [
        "microbiome/feature-table.tsv, line 4, column W1.m0: 1 negative count(s), first -3 "
        "for feature 'F2'",
        "microbiome/feature-table.tsv, line 3, column W2.m6: 1 fractional count(s), first 2.5 "
        "for feature 'F1'",
    ]
    counts.loc["W1.m0", "F2"] = "many"
    counts.loc["W2.m6", "F1"] = ""
    messages = _messages(_write(tmp_path / "text", counts=_table(counts)))
    assert messages == [
        "microbiome/feature-table.tsv, column W1.m0: 1 value(s) are not numbers, first 'many' "
        "on line 4",
        "microbiome/feature-table.tsv, column W2.m6: 1 value(s) are not numbers, first '' "
        "on line 3",
    ]


def test_duplicated_ids(tmp_path):
    lines = feature_table_text(_counts()).splitlines()
    header = lines[1].split("\t")
    header[2] = header[1]
    lines[1] = "\t".join(header)
    messages = _messages(_write(tmp_path / "samples", counts="\n".join(lines) + "\n"))
    assert messages == [
        "microbiome/feature-table.tsv, line 2, column W1.m0: column appears twice in the header"
    ]
    lines = feature_table_text(_counts()).splitlines()
    lines[3] = lines[3].replace("F2", "F1", 1)
    messages = _messages(_write(tmp_path / "features", counts="\n".join(lines) + "\n"))
    assert (
        "microbiome/feature-table.tsv, line 3, column #OTU ID: id 'F1' appears on lines 3, 4"
        in messages
    )
    meta = [*_samples(), ("W1.m0", "W1", 0)]
    messages = _messages(_write(tmp_path / "meta", meta=meta))
    assert (
        "microbiome/sample-metadata.tsv, line 3, column sample-id: sample id 'W1.m0' appears "
        "on lines 3, 12" in messages
    )


def test_samples_participants_and_visits(tmp_path):
    meta = [(s, "W9" if s == "W2.m6" else p, m) for s, p, m in _samples()]
    messages = _messages(_write(tmp_path / "a", meta=meta))
    assert messages == [
        "microbiome/sample-metadata.tsv, column participant: participant 'W9' is not in "
        "participants.csv (sample(s) 'W2.m6')",
        "microbiome/sample-metadata.tsv, column participant: participant 'W2' has no 16S "
        "sample at month 6 (visits.csv has the visit)",
    ]
    counts = _counts().drop(index="W3.m12")
    meta = [row for row in _samples() if row[0] != "W3.m12"]
    messages = _messages(_write(tmp_path / "b", counts=counts, meta=meta))
    assert messages == [
        "microbiome/sample-metadata.tsv, column participant: participant 'W3' has no 16S "
        "sample at month 12 (visits.csv has the visit)"
    ]
    messages = _messages(_write(tmp_path / "c", meta=meta))
    assert messages[-1] == (
        "microbiome/feature-table.tsv: sample(s) with counts but no row in sample-metadata.tsv: "
        "'W3.m12'"
    )


def test_withdrawn_women_need_no_sample(tmp_path):
    folder = _write(tmp_path / "data")
    people = (folder / "participants.csv").read_text() + "W4,CM,true\n"
    (folder / "participants.csv").write_text(people)
    (folder / "visits.csv").write_text((folder / "visits.csv").read_text() + "W4,0\n")
    assert validate_microbiome(folder) == []


def test_taxonomy_problems(tmp_path):
    taxa = dict(TAXA, F2="Bacteria;Firmicutes", F3="d__Bacteria; g__Blautia; f__Lachnospiraceae")
    del taxa["F4"]
    messages = _messages(_write(tmp_path / "data", taxa=taxa))
    assert messages == [
        "microbiome/taxonomy.tsv, line 3, column Taxon: cannot be parsed: part 'Bacteria' has "
        "no rank prefix such as 'p__'",
        "microbiome/taxonomy.tsv, line 4, column Taxon: cannot be parsed: part "
        "'f__Lachnospiraceae' comes after a rank it should precede, or twice",
        "microbiome/taxonomy.tsv, column Feature ID: feature(s) of the feature table have no "
        "taxonomy: 'F4'",
    ]


def test_empty_and_shallow_samples_are_named(tmp_path):
    counts = _counts()
    counts.loc["W1.m6"] = 0
    counts.loc["W2.m0"] = [100, 50, 30, 20]
    folder = _write(tmp_path / "data", counts=counts)
    median = float(counts.sum(axis=1).median())
    assert _messages(folder) == [
        "microbiome/feature-table.tsv, column W1.m6: sample is empty (0 reads)",
        f"microbiome/feature-table.tsv, column W2.m0: sample has 200 reads, fewer than "
        f"min_depth 1000 (median of all samples {median:g})",
    ]
    assert len(_messages(folder, min_depth=100)) == 1  # the threshold is a parameter
    with pytest.raises(ValueError, match=r"is not valid 16S data \(2 problems\)"):
        load_microbiome(folder)
    data = load_microbiome(folder, drop_shallow=True)
    assert data.filtered[["kind", "id", "value"]].values.tolist() == [
        ["sample", "W1.m6", 0.0],
        ["sample", "W2.m0", 200.0],
    ]
    assert len(data.counts) == 7 and list(data.samples.index) == list(data.counts.index)


def test_prevalence_filter_is_reported(tmp_path):
    counts = _counts()
    counts["F4"] = 0
    counts.loc["W1.m0", "F4"] = 7
    data = load_microbiome(_write(tmp_path / "data", counts=counts), min_prevalence=0.2)
    assert list(data.counts.columns) == ["F1", "F2", "F3"]
    row = data.filtered.iloc[0]
    assert (row["kind"], row["id"]) == ("feature", "F4")
    assert row["value"] == pytest.approx(1 / 9, abs=1e-12)
    with pytest.raises(ValueError, match="min_prevalence must lie in"):
        load_microbiome(tmp_path / "data", min_prevalence=2)


def test_folder_and_file_level_problems(tmp_path):
    assert _messages(tmp_path) == ["microbiome: folder is missing"]
    folder = _write(tmp_path / "data")
    write_biom(_counts(), folder / "microbiome" / "feature-table.biom")
    assert _messages(folder) == [
        "microbiome/feature-table.biom or feature-table.tsv: both files are present; keep one"
    ]
    meta = [(s, p, 3 if s == "W1.m0" else m) for s, p, m in _samples()]
    messages = _messages(_write(tmp_path / "months", meta=meta))
    assert messages[0] == (
        "microbiome/sample-metadata.tsv, line 3, column month: value '3' is not a month (0, 6, 12)"
    )


_SILVA = "d__Bacteria; p__Firmicutes; c__Bacilli; o__Lactobacillales; f__Streptococcaceae; "
_GREENGENES = "k__Bacteria; p__Bacteroidetes; c__Bacteroidia; o__Bacteroidales; "
_LACTO = ["Bacteria", "Firmicutes", "Bacilli", "Lactobacillales", "Streptococcaceae"]
_BACTEROIDIA = ["Bacteria", "Bacteroidetes", "Bacteroidia", "Bacteroidales"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_SILVA + "g__Streptococcus", [*_LACTO, "Streptococcus", None]),
        (_SILVA + "g__Uncultured bacterium", [*_LACTO, None, None]),
        (_GREENGENES + "f__[Paraprevotellaceae]; g__[Prevotella]; s__",
         [*_BACTEROIDIA, "[Paraprevotellaceae]", "[Prevotella]", None]),
        ("Unassigned", [None] * 7),
        ("d__Bacteria;p__Firmicutes;", ["Bacteria", "Firmicutes"] + [None] * 5),
    ],
)  # fmt: skip
def test_parse_taxon_greengenes_and_silva(text, expected):
    assert list(parse_taxon(text).values()) == expected


def test_parse_taxon_errors():
    for text, match in (
        ("", "empty"),
        ("x__Bacteria", "unknown rank prefix"),
        ("p__Firmicutes; p__Bacteroidota", "twice"),
    ):
        with pytest.raises(TaxonError, match=match):
            parse_taxon(text)
    ranks, errors = parse_taxonomy(pd.Series({"a": "g__Blautia", "b": "Blautia"}))
    assert ranks.loc["a", "genus"] == "Blautia" and list(errors.index) == ["b"]


def test_taxon_string_round_trip():
    ranks = pd.Series(
        {"kingdom": "Bacteria", "phylum": "Firmicutes", "class": None, "order": None,
         "family": "Lachnospiraceae", "genus": None, "species": None}
    )  # fmt: skip
    for style in ("silva", "greengenes"):
        assert parse_taxon(taxon_string(ranks, style=style)) == {
            k: (None if pd.isna(v) else v) for k, v in ranks.items()
        }
    with pytest.raises(ValueError, match="style must be"):
        taxon_string(ranks, style="rdp")


def test_written_files_load_back(tmp_path):
    data = load_microbiome(_write(tmp_path / "data"))
    out = _write(tmp_path / "copy")
    write_microbiome_files(data, out)
    again = load_microbiome(out)
    pd.testing.assert_frame_equal(again.counts, data.counts)
    pd.testing.assert_frame_equal(again.taxonomy, data.taxonomy)
    pd.testing.assert_frame_equal(again.samples, data.samples)


def test_cohort_validate_checks_the_omics_folders(folder):
    """``cohort.validate`` (and so ``milkbone validate``) reports 16S and metabolome
    problems after the clinical ones; ``folder`` is a copy of the simulated cohort."""
    assert validate(folder) == []
    taxonomy = folder / "microbiome" / "taxonomy.tsv"
    lines = taxonomy.read_text().splitlines()
    lines[2] = lines[2].replace("d__Bacteria; ", "Bacteria;")
    taxonomy.write_text("\n".join(lines) + "\n")
    features = folder / "metabolome" / "serum-features.tsv"
    features.write_text(features.read_text().replace("C00245", "C245"))
    assert [str(p) for p in validate(folder)] == [
        "microbiome/taxonomy.tsv, line 3, column Taxon: cannot be parsed: part 'Bacteria' has "
        "no rank prefix such as 'p__'",
        "metabolome/serum-features.tsv, line 42, column kegg: 'C245' is not a KEGG id (a KEGG "
        "compound id is C and five digits, e.g. C00245)",
    ]
