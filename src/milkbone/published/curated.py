"""Our hand-made readings of the paper and its context, kept as data (``data/curated``).

Figure 8 of the paper is a drawing, and the context sources are prose: turning them into
rows takes judgement, so those rows live in small reviewed CSVs rather than in code. This
module only reads and checks them; what follows from them (the evidence of an arrow, the
agreement of two sources) is computed in :mod:`milkbone.analysis.mechanism` and
:mod:`milkbone.analysis.literature`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from milkbone import paths
from milkbone._validate import require_columns, shown

__all__ = ["DIRECTIONS", "NODE_KINDS", "literature", "mechanism", "terms"]

NODE_KINDS = (
    "intervention",
    "serum marker",
    "gut microbiota",
    "metabolite",
    "pathway",
    "outcome",
)
"""The kinds of box in Figure 8."""

BLOCKS = ("markers", "genera", "serum", "fecal")
"""The blocks of variables Figure 7 correlates (paper §3.7)."""

DIRECTIONS = ("+", "-", "")
"""``+`` healthier or denser bone, ``-`` the opposite, empty: not reported."""

_NODE_COLUMNS = ("node_id", "label", "kind", "panel", "x", "y")
_EDGE_COLUMNS = (
    "source",
    "target",
    "relation",
    "paper_location",
    "claim_ids",
    "simulated_in",
    "bend",
)
_TERM_COLUMNS = ("abbreviation", "standard", "source")
_VARIABLE_COLUMNS = ("block", "variable", "why")
_PAIR_COLUMNS = ("claim_id", "panel", "left", "right")
_SOURCE_COLUMNS = ("source_id", "citation", "kind", "secondary", "file", "what_it_reports")
_CONTEXT_COLUMNS = (
    "topic",
    "kind",
    "trial_finding",
    "trial_location",
    "trial_claims",
    "trial_direction",
    "cohort_finding",
    "cohort_direction",
    "review_finding",
    "review_direction",
    "note",
)


def _read(name: str, columns: tuple[str, ...], folder: Path | None) -> pd.DataFrame:
    path = paths.record_read((folder or paths.DATA / "curated") / name)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    require_columns(frame, columns, name=name)
    return frame.loc[:, list(columns)]


def _check_values(frame: pd.DataFrame, column: str, allowed, name: str) -> None:
    bad = frame.index[~frame[column].isin(allowed)]
    if len(bad):
        rows = [int(i) + 2 for i in bad]  # line numbers in the file: header is line 1
        raise ValueError(
            f"{name} line(s) {shown(rows)}: column {column!r} has "
            f"{shown(frame.loc[bad, column])}; allowed: {shown(allowed)}"
        )


def mechanism(*, folder: str | Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The boxes and arrows of the paper's Figure 8, as we read them.

    Parameters
    ----------
    folder : path-like, optional
        Where the CSVs are; default ``data/curated``.

    Returns
    -------
    nodes : pandas.DataFrame
        ``node_id, label, kind, panel, x, y`` (``x``, ``y`` floats: where to draw the box).
    edges : pandas.DataFrame
        ``source, target, relation, paper_location, claim_ids, simulated_in, bend``;
        ``claim_ids`` is a semicolon-separated list of claims-registry ids (may be empty);
        ``bend`` (float, default 0.08) curves an arrow around boxes in the drawing.

    Raises
    ------
    ValueError
        If a kind is unknown, or an arrow starts or ends at a box that does not exist.

    Examples
    --------
    >>> nodes, edges = mechanism()
    >>> set(edges["source"]) | set(edges["target"]) <= set(nodes["node_id"])
    True
    """
    folder = Path(folder) if folder is not None else None
    nodes = _read("figure8_nodes.csv", _NODE_COLUMNS, folder)
    edges = _read("figure8_edges.csv", _EDGE_COLUMNS, folder)
    _check_values(nodes, "kind", NODE_KINDS, "figure8_nodes.csv")
    for end in ("source", "target"):
        _check_values(edges, end, list(nodes["node_id"]), "figure8_edges.csv")
    nodes = nodes.astype({"x": float, "y": float})
    edges = edges.assign(bend=pd.to_numeric(edges["bend"].replace("", "0.08")))
    return nodes, edges


def literature(*, folder: str | Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The context sources and our side-by-side reading of them.

    Returns
    -------
    sources : pandas.DataFrame
        ``source_id, citation, kind, secondary (bool), file, what_it_reports``.
    context : pandas.DataFrame
        One row per genus, pathway or mechanism: ``topic, kind, trial_finding,
        trial_location, trial_claims, trial_direction, cohort_finding, cohort_direction,
        review_finding, review_direction, note``; directions are ``+``, ``-`` or empty.

    Examples
    --------
    >>> sources, context = literature()
    >>> "Faecalibacterium" in set(context["topic"])
    True
    """
    folder = Path(folder) if folder is not None else None
    sources = _read("literature_sources.csv", _SOURCE_COLUMNS, folder)
    context = _read("literature_context.csv", _CONTEXT_COLUMNS, folder)
    _check_values(sources, "secondary", ["true", "false"], "literature_sources.csv")
    for column in ("trial_direction", "cohort_direction", "review_direction"):
        _check_values(context, column, DIRECTIONS, "literature_context.csv")
    sources = sources.assign(secondary=sources["secondary"].eq("true"))
    return sources, context


def terms(*, folder: str | Path | None = None) -> pd.DataFrame:
    """The standard meaning of every abbreviation the paper expands, as we read the sources.

    Returns
    -------
    pandas.DataFrame
        ``abbreviation`` (as :func:`milkbone.published.registry_paper.abbreviation_key`
        writes it), ``standard`` (accepted forms, ``;``-separated; empty for a term the
        paper coins, such as its arm names), ``source`` (where the standard comes from).

    Raises
    ------
    ValueError
        If an abbreviation is listed twice.

    Examples
    --------
    >>> t = terms().set_index("abbreviation")
    >>> t.loc["AST", "standard"].split(";")[0]
    'aspartate aminotransferase'
    """
    folder = Path(folder) if folder is not None else None
    table = _read("terms.csv", _TERM_COLUMNS, folder)
    twice = table["abbreviation"][table["abbreviation"].duplicated()].tolist()
    if twice:
        raise ValueError(f"terms.csv lists {shown(twice)} twice")
    return table


def figure7(*, folder: str | Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The variables of Figure 7's blocks and the correlations §3.7 names.

    Returns
    -------
    variables : pandas.DataFrame
        ``block, variable, why``; ``block`` is one of :data:`BLOCKS`.
    pairs : pandas.DataFrame
        ``claim_id, panel, left, right``: each named correlation, with its panel
        (A–E) and the two variables as the blocks name them.

    Raises
    ------
    ValueError
        If a block is unknown, or a named pair uses a variable no block holds.

    Examples
    --------
    >>> variables, pairs = figure7()
    >>> sorted(set(variables["block"])) == sorted(BLOCKS)
    True
    """
    folder = Path(folder) if folder is not None else None
    variables = _read("figure7_variables.csv", _VARIABLE_COLUMNS, folder)
    pairs = _read("figure7_pairs.csv", _PAIR_COLUMNS, folder)
    _check_values(variables, "block", BLOCKS, "figure7_variables.csv")
    _check_values(pairs, "panel", ["A", "B", "C", "D", "E"], "figure7_pairs.csv")
    for end in ("left", "right"):
        _check_values(pairs, end, list(variables["variable"]), "figure7_pairs.csv")
    return variables, pairs
