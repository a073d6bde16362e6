"""The claims audit: every claim of the registry checked, tallied, ranked and written.

:func:`verify` runs the check of each claim's kind over the registry
(:mod:`milkbone.audit` says how a claim is checked); the other functions summarise its
result for the book and for ``milkbone verify`` (which prints them), and write the
registry back.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from milkbone import paths, published
from milkbone._validate import require_columns, require_values, shown
from milkbone.audit.dispatch import _check_claim
from milkbone.audit.inputs import _lookup, _overridden
from milkbone.audit.strength import VERDICT_DETAILS, verdict_details
from milkbone.audit.support import resolve_support
from milkbone.vocabulary import VERDICTS

__all__ = [
    "DISCREPANCY_RANKING",
    "changed_verdicts",
    "discrepancies",
    "discrepancy_values",
    "verdict_counts",
    "verdicts_by_section",
    "verify",
    "write_registry",
    "write_verdicts",
]


def verify(
    claims: pd.DataFrame | None = None, *, overrides: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """Run every check over the claims registry and fill its verdict columns.

    Parameters
    ----------
    claims : DataFrame, optional
        A registry with the columns of ``published.claims()`` (default: that registry).
        Its ``inputs`` are looked up in the published tables and prose.
    overrides : mapping of str to str, optional
        Printed text to use instead of the published text for some input ids
        (``{"t4.deficient.cm.m12": "8"}``), to ask "what if this cell were printed
        differently"; the input's parsed values follow the text.

    Returns
    -------
    DataFrame
        The registry, same rows and columns, with ``recomputed_value``, ``verdict``,
        ``evidence`` and ``note`` filled as described in :mod:`milkbone.audit`.

    Raises
    ------
    KeyError
        If a claim names an input that is in neither the tables nor the prose.

    Notes
    -----
    Every check is rounding-aware: a printed value stands for the interval of true
    values that round to it, so a discrepancy is never explained by rounding alone.

    Examples
    --------
    >>> v = verify().set_index("claim_id")
    >>> v.loc["t2.right_hip_bmd.statistic", ["recomputed_value", "verdict", "evidence"]].tolist()
    ['0.65', 'discrepancy', 'recomputed']
    >>> v.loc["t4.counts.cm.m12", ["recomputed_value", "verdict"]].tolist()
    ['44', 'discrepancy']
    """
    registry = published.claims() if claims is None else claims
    look = _lookup()
    if overrides:
        look = _overridden(look, overrides)
    rows = []
    for claim in registry.to_dict("records"):
        out = _check_claim(claim, look)
        claim.update(
            recomputed_value=out.recomputed,
            verdict=out.verdict,
            evidence=out.evidence,
            note=out.note,
        )
        rows.append(claim)
    return resolve_support(pd.DataFrame(rows, columns=list(registry.columns)), look)


DISCREPANCY_RANKING = (
    # claims in words that the tables contradict (abstract, §3.2, §3.3, §4)
    "q4.phosphorus_raised",
    "q3_3.calcium_between_m6",
    "q3_2.all_sites",
    # Table 4: two control-arm women missing at 12 months, p and text off
    "t4.counts.cm.m12",
    "t4.p.m6",
    "r3_3.ohd.z_p",
    # Table 5 and §3.5: the differential-metabolite list
    "t5.numbering",
    "r3_5.n_total",
    "r3_5.n_up",
    "r3_5.n_down",
    "t5.r13.variation",
    "t5.r14.variation",
    "m2_4.fc_up",
    # §3.4: Firmicutes-to-Bacteroidetes ratios
    "r3_4.fb.hcm.after",
    "r3_4.fb.cm.after",
    # Table 2 and its copy in Table 3: copying slips
    "t2.right_hip_bmd.statistic",
    "t2.right_hip_bmd.p",
    "t2.ast.p",
    "t2.alp.p",
    "t3.pinp.hcm.m0.same_as_t2",
    "t2.height.p.from_statistic",
    # §4: a cited trial, not this one
    "d4.cited_spine_gain",
)
"""Discrepancies ranked by what they would change in the paper's conclusions, most first
(the claims audit chapter explains the order); every id must be a discrepancy of
:func:`verify`."""

_FIRST_NUMBER = r"([−-]?\d+(?:\.\d+)?(?:e[−-]?\d+)?)"


def verdict_counts(claims: pd.DataFrame) -> pd.Series:
    """How many claims got each verdict, every verdict listed (zeros included).

    Parameters
    ----------
    claims : DataFrame
        Rows of :func:`verify` (any subset, e.g. one section), with a ``verdict`` column.

    Returns
    -------
    Series
        Counts indexed by verdict, in the order of ``milkbone.VERDICTS``, named ``claims``.

    Examples
    --------
    >>> verdict_counts(pd.DataFrame({"verdict": ["consistent", "consistent", "discrepancy"]}))
    verdict
    consistent        2
    discrepancy       1
    inconclusive      0
    not-verifiable    0
    pending           0
    Name: claims, dtype: int64
    """
    require_columns(claims, ["verdict"], name="claims")
    require_values(claims, "verdict", VERDICTS, name="claims")
    counts = claims["verdict"].value_counts().reindex(list(VERDICTS), fill_value=0)
    return counts.rename_axis("verdict").rename("claims").astype("int64")


def discrepancy_values(
    claims: pd.DataFrame, *, ranking: tuple[str, ...] = DISCREPANCY_RANKING
) -> pd.DataFrame:
    """The printed and recomputed numbers of the ranked discrepancies, as numbers.

    Parameters
    ----------
    claims : DataFrame
        A registry with verdicts, as returned by :func:`verify`.
    ranking : tuple of str, default DISCREPANCY_RANKING
        Claim ids in the order to report them.

    Returns
    -------
    DataFrame
        One row per ranked claim, in ranking order: ``rank`` (1 first), ``claim_id``,
        ``published_value`` and ``recomputed_value`` (as in the registry), ``printed``
        and ``recomputed``: the first number of each text (U+2212 read as minus; NaN
        when the text holds none, such as "significant at all sites").

    Raises
    ------
    ValueError
        If a ranked claim is not in ``claims`` or its verdict is not ``discrepancy``.

    Examples
    --------
    >>> discrepancy_values(verify(), ranking=("t4.counts.cm.m12", "t4.p.m6"))[
    ...     ["rank", "claim_id", "printed", "recomputed"]]
       rank          claim_id  printed  recomputed
    0     1  t4.counts.cm.m12  46.0000    44.00000
    1     2           t4.p.m6   0.0001     0.00001
    """
    by_id = claims.set_index("claim_id")
    missing = [c for c in ranking if c not in by_id.index]
    if missing:
        raise ValueError(f"ranking names claims not in the registry: {missing[:5]}")
    found = by_id.loc[list(ranking)]
    wrong = found.index[found["verdict"] != "discrepancy"].tolist()
    if wrong:
        raise ValueError(f"ranking names claims that are not discrepancies: {wrong[:5]}")
    out = found[["published_value", "recomputed_value"]].reset_index()
    for column, text in (
        ("printed", "published_value"),
        ("recomputed", "recomputed_value"),
    ):
        first = out[text].str.extract(_FIRST_NUMBER, expand=False).str.replace("−", "-")
        out[column] = pd.to_numeric(first)
    out.insert(0, "rank", range(1, len(out) + 1))
    return out


def write_verdicts(path: str | Path | None = None) -> pd.DataFrame:
    """Write the audit's verdicts into the committed claims registry.

    Reads ``path`` (default ``data/published/claims.csv``), runs :func:`verify` on it
    and rewrites only its ``evidence, recomputed_value, verdict, note`` columns, in the
    format ``transcribe.py`` writes (UTF-8, ``\\n`` line ends), so ``milkbone verify
    --strict`` then compares fresh verdicts with these.

    Parameters
    ----------
    path : str or Path, optional
        The registry file.

    Returns
    -------
    DataFrame
        The registry as written.

    Examples
    --------
    On a copy of the registry:

    >>> import shutil, tempfile
    >>> copy = Path(tempfile.mkdtemp()) / "claims.csv"
    >>> _ = shutil.copy(paths.PUBLISHED / "claims.csv", copy)
    >>> int(write_verdicts(copy)["verdict"].eq("pending").sum())
    0
    """
    target = Path(path) if path is not None else paths.PUBLISHED / "claims.csv"
    registry = pd.read_csv(target, dtype=str, keep_default_na=False, encoding="utf-8")
    filled = verify(registry)
    write_registry(filled, target)
    return filled


def verdicts_by_section(claims: pd.DataFrame) -> pd.DataFrame:
    """How many claims of each section got each verdict, with totals.

    ``consistent`` is followed by its two parts (:func:`verdict_details`):
    ``recomputed``, checked by computing again a number the paper does not print, and
    ``self-consistent``, checked only against the paper's own printed numbers or a
    stated cut-off.

    Parameters
    ----------
    claims : DataFrame
        Rows of :func:`verify`, with ``section``, ``verdict`` and ``evidence`` columns.

    Returns
    -------
    DataFrame
        Counts, one row per section and a row ``all``; columns ``consistent``,
        ``recomputed``, ``self-consistent`` (when any claim is consistent), then every
        other verdict that occurs in the order of ``milkbone.VERDICTS``, then ``all``.

    Examples
    --------
    >>> verdicts_by_section(pd.DataFrame({"section": ["3.1", "3.1", "3.2"],
    ...     "verdict": ["consistent", "discrepancy", "consistent"],
    ...     "evidence": ["recomputed", "recomputed", "published"]}))
    verdict  consistent  recomputed  self-consistent  discrepancy  all
    section
    3.1               1           1                0            1    2
    3.2               1           0                1            0    1
    all               2           1                1            1    3
    """
    require_columns(claims, ["section", "verdict", "evidence"], name="claims")
    detail = verdict_details(claims)
    table = pd.crosstab(claims["section"], detail, margins=True, margins_name="all")
    order = [v for v in VERDICT_DETAILS if v in table.columns]
    parts = [v for v in order if v.startswith("consistent, ")]
    table = table[[*order, "all"]].rename(columns=lambda v: v.removeprefix("consistent, "))
    if parts:
        table.insert(0, "consistent", table[[p.removeprefix("consistent, ") for p in parts]].sum(1))
    return table


def discrepancies(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims whose verdict is ``discrepancy``, with what was printed and recomputed.

    Parameters
    ----------
    claims : DataFrame
        Rows of :func:`verify`.

    Returns
    -------
    DataFrame
        One row per discrepancy, in registry order: ``claim_id, location, quantity,
        published_value, recomputed_value``.

    Examples
    --------
    >>> claims = pd.DataFrame({
    ...     "claim_id": ["t4.z.m12", "t4.counts.cm.m12"], "location": ["Table 4"] * 2,
    ...     "quantity": ["Z", "CM total"], "published_value": ["−3.408", "46"],
    ...     "recomputed_value": ["3.408", "44"], "verdict": ["consistent", "discrepancy"]})
    >>> discrepancies(claims)[["claim_id", "published_value", "recomputed_value"]]
               claim_id published_value recomputed_value
    0  t4.counts.cm.m12              46               44
    """
    columns = ["claim_id", "location", "quantity", "published_value", "recomputed_value"]
    require_columns(claims, [*columns, "verdict"], name="claims")
    return claims.loc[claims["verdict"] == "discrepancy", columns].reset_index(drop=True)


def changed_verdicts(fresh: pd.DataFrame, committed: pd.DataFrame) -> list[str]:
    """The claims whose fresh verdict differs from the one the committed registry carries.

    Parameters
    ----------
    fresh : DataFrame
        :func:`verify` run on ``committed``.
    committed : DataFrame
        The committed registry (``published.claims()``).

    Returns
    -------
    list of str
        Their ``claim_id`` s, in registry order; empty when every verdict agrees.

    Raises
    ------
    ValueError
        If the two frames do not hold the same claims in the same order.

    Examples
    --------
    >>> committed = pd.DataFrame({"claim_id": ["a", "b"], "verdict": ["consistent"] * 2})
    >>> changed_verdicts(committed.assign(verdict=["consistent", "discrepancy"]), committed)
    ['b']
    """
    for name, frame in (("fresh", fresh), ("committed", committed)):
        require_columns(frame, ["claim_id", "verdict"], name=name)
    fresh_ids, committed_ids = fresh["claim_id"].tolist(), committed["claim_id"].tolist()
    if fresh_ids != committed_ids:
        lacking = [c for c in fresh_ids if c not in set(committed_ids)]
        extra = [c for c in committed_ids if c not in set(fresh_ids)]
        found = [f"committed lacks {len(lacking)}: {shown(lacking)}"] if lacking else []
        found += [f"committed has {len(extra)} more: {shown(extra)}"] if extra else []
        raise ValueError(
            "fresh and committed must hold the same claims in the same order; "
            + ("; ".join(found) or "they hold them in another order")
        )
    differ = fresh["verdict"].to_numpy() != committed["verdict"].to_numpy()
    return fresh.loc[differ, "claim_id"].tolist()


def write_registry(claims: pd.DataFrame, path: str | Path) -> Path:
    """Write a registry as the committed one is written: UTF-8, ``\\n`` line ends, no index.

    Parameters
    ----------
    claims : DataFrame
        A registry, as :func:`verify` returns it.
    path : str or Path
        The file; missing folders are created.

    Returns
    -------
    Path
        ``path``, written (byte-identical for identical frames).

    Examples
    --------
    >>> import tempfile
    >>> claims = pd.DataFrame({"claim_id": ["t4.p.m6"], "verdict": ["discrepancy"]})
    >>> out = write_registry(claims, Path(tempfile.mkdtemp()) / "audit" / "claims.csv")
    >>> out.read_text(encoding="utf-8")
    'claim_id,verdict\\nt4.p.m6,discrepancy\\n'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    claims.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return path
