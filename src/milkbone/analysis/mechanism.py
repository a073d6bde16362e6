"""How much of the paper's proposed mechanism (Figure 8) rests on tested results.

Each arrow of Figure 8 names the claims of the paper it rests on (``data/curated``).
:func:`edge_evidence` turns the audit's verdicts on those claims into one category per
arrow, so a reader sees at a glance which links were tested, which were only asserted,
and which the audit contradicts.
"""

from __future__ import annotations

import pandas as pd

from milkbone._validate import require_columns, shown

__all__ = ["CATEGORY_SLUGS", "EDGE_CATEGORIES", "category_counts", "edge_evidence"]

EDGE_CATEGORIES = (
    "contradicted by the audit",
    "recomputed",
    "published association",
    "simulated only",
    "never tested in the paper",
)
"""Categories of an arrow, strongest statement first (the order the rule is applied)."""

CATEGORY_SLUGS = dict(
    zip(
        EDGE_CATEGORIES,
        ("contradicted", "recomputed", "published", "simulated", "untested"),
        strict=True,
    )
)
"""A short name for each category, for glue keys and file names."""

_LEVEL_OF_CATEGORY = {
    "recomputed": "recomputed",
    "published association": "published",
    "simulated only": "simulated",
    "never tested in the paper": "not-verifiable",
}


def _ids(text: str) -> list[str]:
    return [part.strip() for part in str(text).split(";") if part.strip()]


def _category(verdicts: pd.DataFrame, simulated_in: str) -> tuple[str, str]:
    """(category, evidence level) of one arrow from the verdicts of its claims."""
    if (verdicts["verdict"] == "discrepancy").any():
        recomputed = (verdicts["evidence"] == "recomputed").any()
        return EDGE_CATEGORIES[0], "recomputed" if recomputed else "published"
    strong = (verdicts["evidence"] == "recomputed") & (verdicts["verdict"] == "consistent")
    if strong.any():
        category = EDGE_CATEGORIES[1]
    elif len(verdicts):
        category = EDGE_CATEGORIES[2]
    elif str(simulated_in).strip():
        category = EDGE_CATEGORIES[3]
    else:
        category = EDGE_CATEGORIES[4]
    return category, _LEVEL_OF_CATEGORY[category]


def edge_evidence(edges: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The evidence behind each arrow of Figure 8, from the claims registry's verdicts.

    Parameters
    ----------
    edges : pandas.DataFrame
        ``source, target, relation, claim_ids, simulated_in`` as
        :func:`milkbone.published.curated.mechanism` returns them.
    claims : pandas.DataFrame
        The claims registry (``claim_id, evidence, verdict``).

    Returns
    -------
    pandas.DataFrame
        One row per arrow, in input order: ``source, target, relation, bend, n_claims,
        verdicts`` (e.g. ``"2 not-verifiable"``), ``category`` (one of
        :data:`EDGE_CATEGORIES`), ``evidence`` (the evidence level of that category).

    Raises
    ------
    KeyError
        If a column is missing.
    ValueError
        If an arrow names a claim the registry does not hold.

    Notes
    -----
    The rule, applied in order: any claim the audit found to be a discrepancy makes the
    arrow *contradicted*; else a claim recomputed from published numbers and found
    consistent makes it *recomputed*; else any claim makes it a *published association*
    (printed, but not checkable from printed numbers or only self-consistent); else an
    arrow the book draws only on simulated data is *simulated only*; else it was *never
    tested in the paper* (a hypothesis of its Discussion). A verdict can only come from
    published and recomputed evidence, so simulated results never raise an arrow above
    *simulated only*.

    Examples
    --------
    >>> claims = pd.DataFrame({"claim_id": ["a", "b"], "evidence": ["recomputed", "published"],
    ...                        "verdict": ["consistent", "discrepancy"]})
    >>> edges = pd.DataFrame({"source": ["x", "x", "y"], "target": ["y", "z", "z"],
    ...                       "relation": ["r1", "r2", "r3"], "claim_ids": ["a", "a;b", ""],
    ...                       "simulated_in": ["", "", ""]})
    >>> edge_evidence(edges, claims)[["category", "evidence"]]
                        category      evidence
    0                 recomputed    recomputed
    1  contradicted by the audit    recomputed
    2  never tested in the paper  not-verifiable
    """
    require_columns(
        edges, ["source", "target", "relation", "claim_ids", "simulated_in"], name="edges"
    )
    require_columns(claims, ["claim_id", "evidence", "verdict"], name="claims")
    registry = claims.set_index("claim_id")[["evidence", "verdict"]]
    unknown = sorted({i for text in edges["claim_ids"] for i in _ids(text)} - set(registry.index))
    if unknown:
        raise ValueError(f"edges name claim(s) {shown(unknown)} that the registry does not hold")
    rows = []
    for edge in edges.itertuples(index=False):
        verdicts = registry.loc[_ids(edge.claim_ids)]
        category, level = _category(verdicts, edge.simulated_in)
        counts = verdicts["verdict"].value_counts()
        rows.append(
            {
                "source": edge.source,
                "target": edge.target,
                "relation": edge.relation,
                "bend": getattr(edge, "bend", 0.08),
                "n_claims": len(verdicts),
                "verdicts": ", ".join(f"{n} {v}" for v, n in counts.items()),
                "category": category,
                "evidence": level,
            }
        )
    return pd.DataFrame(rows, columns=[*rows[0]] if rows else None)


def category_counts(arrows: pd.DataFrame) -> dict[str, int]:
    """How many arrows fall in each category, by slug, every category present (zero too).

    Examples
    --------
    >>> category_counts(pd.DataFrame({"category": ["recomputed", "recomputed"]}))["recomputed"]
    2
    """
    require_columns(arrows, ["category"], name="arrows")
    counts = arrows["category"].value_counts()
    return {slug: int(counts.get(category, 0)) for category, slug in CATEGORY_SLUGS.items()}
