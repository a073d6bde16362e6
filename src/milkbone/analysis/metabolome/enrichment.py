"""Pathway over-representation of selected metabolites, as MetaboAnalyst computes it.

The paper's Figures 5B and 6E come from MetaboAnalyst's KEGG pathway analysis: a
hypergeometric test per pathway plus a topology "impact". :func:`over_representation`
computes the test the way MetaboAnalyst's ``CalculateOraScore`` does:

- the universe is every distinct compound of the pathway library (or, when the
  caller passes one, a reference metabolome, to which pathways are then restricted);
  query compounds outside it are dropped;
- for a pathway of ``K`` compounds, with ``k`` of the ``n`` query compounds in it and
  ``N`` in the universe, ``p = P(X ≥ k)`` for ``X ~ Hypergeometric(N, K, n)``;
- Holm and Benjamini–Hochberg adjustments run over *every* pathway of the library,
  then pathways without a hit are dropped (``only_hits``).

The library is a tidy frame the caller supplies (``pathway_id, pathway, compound``);
:func:`reactome_library` builds one from Reactome's CC0 ``ChEBI2Reactome`` mapping.
KEGG's pathway tables are not redistributable, so the book never ships them, and
pathway *impact* is not computed: it needs the pathways' reaction graphs, which no
offline, openly licensed source provides here. Results whose paper values came from
KEGG are therefore labelled ``not-verifiable`` by the chapter.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from scipy import stats
from statsmodels.stats.multitest import multipletests

from milkbone._validate import require_columns, shown
from milkbone.analysis.metabolome._inputs import adjust_bh, check_evidence

__all__ = ["LIBRARY_COLUMNS", "normalise_chebi", "over_representation", "reactome_library"]

LIBRARY_COLUMNS = ("pathway_id", "pathway", "compound")
"""Columns of a pathway library: one row per compound of a pathway."""

REACTOME_COLUMNS = ("compound", "pathway_id", "url", "pathway", "evidence_code", "species")
"""Columns of Reactome's ``ChEBI2Reactome*.txt`` files, which have no header."""


def normalise_chebi(ids: Iterable[object]) -> list[str]:
    """ChEBI ids in one spelling, ``CHEBI:<number>``; empty or missing ids become ``""``.

    Examples
    --------
    >>> normalise_chebi(["15377", "CHEBI:17234", "chebi:4167", None, 27732])
    ['CHEBI:15377', 'CHEBI:17234', 'CHEBI:4167', '', 'CHEBI:27732']
    """
    out = []
    for value in ids:
        text = "" if value is None or pd.isna(value) else str(value).strip()
        number = text.split(":", 1)[1] if text.lower().startswith("chebi:") else text
        out.append(f"CHEBI:{number}" if number else "")
    return out


def reactome_library(mapping: pd.DataFrame, *, species: str = "Homo sapiens") -> pd.DataFrame:
    """A pathway library from Reactome's ``ChEBI2Reactome`` mapping (CC0), one species.

    Parameters
    ----------
    mapping : DataFrame
        The mapping file as read without a header: six columns, ChEBI number, pathway
        stable id, URL, pathway name, evidence code, species (column names are
        assigned here).
    species : str, default "Homo sapiens"

    Returns
    -------
    DataFrame
        ``pathway_id, pathway, compound`` (``compound`` as ``CHEBI:<number>``), one row
        per distinct pair, sorted by pathway id and compound.

    Examples
    --------
    >>> raw = pd.DataFrame([[15377, "R-HSA-1", "u", "Water", "TAS", "Homo sapiens"],
    ...                     [15377, "R-MMU-1", "u", "Water", "IEA", "Mus musculus"],
    ...                     [15377, "R-HSA-1", "u", "Water", "IEA", "Homo sapiens"]])
    >>> reactome_library(raw)
      pathway_id pathway      compound
    0    R-HSA-1   Water  CHEBI:15377
    """
    if mapping.shape[1] != len(REACTOME_COLUMNS):
        raise ValueError(
            f"mapping must have the {len(REACTOME_COLUMNS)} columns of ChEBI2Reactome "
            f"({', '.join(REACTOME_COLUMNS)}); it has {mapping.shape[1]}"
        )
    frame = mapping.set_axis(list(REACTOME_COLUMNS), axis=1)
    frame = frame[frame["species"] == species]
    if frame.empty:
        raise ValueError(f"mapping has no pathway for species {species!r}")
    library = pd.DataFrame(
        {
            "pathway_id": frame["pathway_id"].astype(str).to_numpy(),
            "pathway": frame["pathway"].astype(str).to_numpy(),
            "compound": normalise_chebi(frame["compound"]),
        }
    ).drop_duplicates()
    return library.sort_values(["pathway_id", "compound"], ignore_index=True)


def _check_library(library: pd.DataFrame) -> pd.DataFrame:
    require_columns(library, LIBRARY_COLUMNS, name="library")
    library = library.loc[:, list(LIBRARY_COLUMNS)].dropna().drop_duplicates()
    if library.empty:
        raise ValueError("library has no pathway with a compound")
    names = library.groupby("pathway_id")["pathway"].nunique()
    if (names > 1).any():
        raise ValueError(f"library gives pathway id(s) {shown(names.index[names > 1])} two names")
    return library


def over_representation(
    hits: Iterable[str],
    library: pd.DataFrame,
    *,
    universe: Iterable[str] | None = None,
    only_hits: bool = True,
    evidence: str = "simulated",
) -> pd.DataFrame:
    """Hypergeometric over-representation of ``hits`` in each pathway of ``library``.

    Parameters
    ----------
    hits : iterable of str
        Compound ids of the selected metabolites, spelled as in ``library``.
    library : DataFrame
        ``pathway_id, pathway, compound``, one row per compound of a pathway.
    universe : iterable of str, optional
        A reference metabolome (e.g. every annotated compound of the study): then,
        as in MetaboAnalyst, the universe is all of it and pathways keep only its
        compounds. By default, every compound of the library.
    only_hits : bool, default True
        Drop pathways without a hit after the adjustment, as MetaboAnalyst does.
    evidence : {"simulated", "observed"}, default "simulated"

    Returns
    -------
    DataFrame
        One row per pathway, smallest p first: ``pathway_id, pathway, total, expected,
        hits, p, p_holm, p_bh, hit_compounds, universe_size, query_size, method,
        evidence``; ``hit_compounds`` joins the hits with ``;``.

    Examples
    --------
    >>> library = pd.DataFrame({"pathway_id": ["P1"] * 3 + ["P2"] * 3,
    ...                         "pathway": ["one"] * 3 + ["two"] * 3,
    ...                         "compound": ["a", "b", "c", "d", "e", "f"]})
    >>> out = over_representation(["a", "b", "x"], library)
    >>> out[["pathway", "total", "expected", "hits", "p", "p_holm"]].round(3)
      pathway  total  expected  hits    p  p_holm
    0     one      3       1.0     2  0.2     0.4
    """
    check_evidence(evidence)
    library = _check_library(library)
    names = library.groupby("pathway_id")["pathway"].first()
    population = set(library["compound"]) if universe is None else set(universe)
    members = library.groupby("pathway_id")["compound"].agg(lambda s: set(s) & population)
    query = {h for h in hits if h in population}
    total = members.map(len).to_numpy()
    found = members.map(lambda m: sorted(m & query))
    k = found.map(len).to_numpy()
    p = stats.hypergeom.sf(k - 1, len(population), total, len(query))
    out = pd.DataFrame(
        {
            "pathway_id": members.index.to_numpy(),
            "pathway": names.reindex(members.index).to_numpy(),
            "total": total,
            "expected": len(query) * total / len(population),
            "hits": k,
            "p": p,
            "p_holm": multipletests(p, method="holm")[1] if len(p) else p,
            "p_bh": adjust_bh(p),
            "hit_compounds": found.map(";".join).to_numpy(),
            "universe_size": len(population),
            "query_size": len(query),
            "method": "hypergeometric P(X >= k), universe = library compounds "
            "(MetaboAnalyst CalculateOraScore); Holm and BH over all pathways",
            "evidence": evidence,
        }
    )
    if only_hits:
        out = out[out["hits"] > 0]
    return out.sort_values(["p", "pathway_id"], kind="stable", ignore_index=True)
