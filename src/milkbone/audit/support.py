"""Claims of the Abstract and the Discussion, checked through the Results rows they rest on.

A ``supported_by`` claim names, as its ``inputs``, the Results rows of the registry it
rests on. It inherits the worst of their verdicts (:func:`check_support`); the words it
uses are tested against printed numbers (``context``: ``compare A > B; rise:ID``, by
:func:`check_order` and :func:`check_change`); and the visit it states is compared with
the visits of those rows. A claim with no Results row behind it says so: it is
``not-verifiable``, with the reason in ``note``.

:func:`resolve_support` fills these claims once every other claim has its verdict.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

import pandas as pd

from milkbone._validate import require_columns
from milkbone.audit.intervals import printed_interval
from milkbone.audit.wording import _one

__all__ = [
    "SEVERITY",
    "check_change",
    "check_order",
    "check_support",
    "resolve_support",
    "sentence_claims",
    "sentence_verdicts",
]

SEVERITY = ("discrepancy", "inconclusive", "not-verifiable", "consistent")
"""Verdicts from worst to best: a claim inherits the worst verdict among its supports."""


_row = functools.partial(_one, method="words against the printed numbers")
"""One row of a check of words against numbers (:data:`~milkbone.audit.CHECK_COLUMNS`)."""


def check_order(
    a: str, b: str, *, relation: str, names: tuple[str, str] = ("A", "B")
) -> pd.DataFrame:
    """Do two printed numbers stand in the order the words say, allowing for rounding?

    Parameters
    ----------
    a, b : str
        The printed numbers (``"1.07"``, ``"0.357"``).
    relation : {">", "<"}
        What the words claim: ``a > b`` or ``a < b``.
    names : tuple of str
        What ``a`` and ``b`` are, for the note.

    Returns
    -------
    DataFrame
        One row: ``consistent`` when every value rounding to ``a`` stands in that
        relation to every value rounding to ``b``; ``discrepancy`` when none does;
        ``inconclusive`` when their rounding intervals overlap.

    Raises
    ------
    ValueError
        If ``relation`` is not ``>`` or ``<``.

    Examples
    --------
    §3.4: Firmicutes at 6 months, HCM 0.357 against CM 0.296; the Abstract says
    fortified milk decreased Firmicutes.

    >>> check_order("0.357", "0.296", relation="<").loc[0, "verdict"]
    'discrepancy'
    >>> check_order("1.07", "1.07", relation=">").loc[0, "verdict"]
    'inconclusive'
    """
    if relation not in (">", "<"):
        raise ValueError(f"relation must be '>' or '<', got {relation!r}")
    x, y = printed_interval(a), printed_interval(b)
    if relation == "<":
        x, y = y, x
    if x.low > y.high:
        verdict = "consistent"
    elif x.high < y.low:
        verdict = "discrepancy"
    else:
        verdict = "inconclusive"
    note = (
        f"{names[0]} {a} {relation} {names[1]} {b}: "
        + {
            "consistent": "holds",
            "discrepancy": "does not hold",
            "inconclusive": "cannot be told within rounding",
        }[verdict]
    )
    return _row(
        "order", f"{names[0]} {relation} {names[1]}", f"{a} {relation} {b}", "", verdict, note
    )


def check_change(direction: str, *, wanted: str, name: str = "change") -> pd.DataFrame:
    """Does a printed change go the way the words need (``rise`` or ``fall``)?

    Parameters
    ----------
    direction : str
        The printed change's direction: ``increase``, ``decrease`` or empty.
    wanted : {"rise", "fall"}
        What the words need.
    name : str
        What changed, for the note.

    Returns
    -------
    DataFrame
        One row: ``consistent`` when the directions agree, ``discrepancy`` when they are
        opposite, ``inconclusive`` when the paper prints no direction.

    Examples
    --------
    §3.2: control-arm femoral-neck BMD rose 0.5% over six months; "slowed bone loss"
    needs it to fall.

    >>> check_change("increase", wanted="fall").loc[0, "verdict"]
    'discrepancy'
    """
    if wanted not in ("rise", "fall"):
        raise ValueError(f"wanted must be 'rise' or 'fall', got {wanted!r}")
    printed = {"increase": "rise", "decrease": "fall"}.get(direction, "")
    if not printed:
        verdict = "inconclusive"
    else:
        verdict = "consistent" if printed == wanted else "discrepancy"
    shown = printed or "change of no stated direction"
    note = f"{name}: the words need a {wanted}, the paper prints a {shown}"
    return _row("change", name, printed, wanted, verdict, note)


def check_support(verdicts: Mapping[str, str]) -> pd.DataFrame:
    """The verdict a claim inherits from the Results rows it rests on: the worst of theirs.

    Parameters
    ----------
    verdicts : mapping of str to str
        Claim id → its verdict. Empty: no result of the paper bears on the claim.

    Returns
    -------
    DataFrame
        One row: the worst verdict in :data:`SEVERITY` order, ``not-verifiable`` when
        ``verdicts`` is empty; ``note`` lists the ids by verdict.

    Examples
    --------
    >>> check_support({"t3.ohd_25.between.m6": "consistent",
    ...                "t3.phosphorus.between.m6": "inconclusive"}).loc[0, "verdict"]
    'inconclusive'
    >>> check_support({}).loc[0, "note"]
    'no result in the Results bears on it'
    """
    if not verdicts:
        return _row(
            "support",
            "support",
            "",
            "",
            "not-verifiable",
            "no result in the Results bears on it",
            evidence="not-verifiable",
        )
    unknown = sorted(set(verdicts.values()) - set(SEVERITY))
    if unknown:
        raise ValueError(f"verdicts must be in {SEVERITY}, got {unknown}")
    worst = min(verdicts.values(), key=SEVERITY.index)
    by = {v: [i for i, w in verdicts.items() if w == v] for v in SEVERITY}
    note = "rests on " + "; ".join(f"{v}: {', '.join(ids)}" for v, ids in by.items() if ids)
    return _row("support", "support", "", worst, worst, note)


def _compare_spec(context: str) -> list[str]:
    """The ``compare`` items of a claim's context (``compare A > B;rise:ID; a note``)."""
    first = context.split("; ")[0]
    return (
        [i for i in first.removeprefix("compare ").split(";") if i]
        if first.startswith("compare ")
        else []
    )


def _number(rec: dict) -> str:
    text = rec.get("mean_text") or rec.get("cell_text") or ""
    return re.sub(r"^[^\d−-]*", "", str(text)).rstrip("%").strip()


def _compare(item: str, look: dict) -> pd.DataFrame:
    if ":" in item:
        wanted, ident = item.split(":", 1)
        return check_change(str(look[ident].get("direction") or ""), wanted=wanted, name=ident)
    a, relation, b = item.split()
    return check_order(_number(look[a]), _number(look[b]), relation=relation, names=(a, b))


def _visits(timepoint: str) -> set[str]:
    return set(re.findall(r"m\d+", timepoint.split(" vs ")[0]))


def _timepoint(claim: dict, rests: pd.DataFrame) -> list[pd.DataFrame]:
    """A discrepancy for each Results row the claim's stated visit does not match."""
    stated = claim["timepoint"]
    out = []
    for r in rests.to_dict("records"):
        visits = _visits(str(r["timepoint"]))
        if stated and visits and stated not in visits:
            at = ", ".join(sorted(visits))
            note = f"the sentence states {stated}, {r['claim_id']} is reported at {at}"
            out.append(
                _row("visit", "visit", stated, ", ".join(sorted(visits)), "discrepancy", note)
            )
    return out


def _evidence(verdict: str, rests: pd.DataFrame, inherited: bool) -> str:
    if verdict == "not-verifiable":
        return "not-verifiable"
    if not inherited:
        return "published"
    levels = set(rests.loc[rests["verdict"] == verdict, "evidence"])
    return "recomputed" if "recomputed" in levels else "published"


def resolve_support(claims: pd.DataFrame, look: Mapping[str, dict]) -> pd.DataFrame:
    """Fill the ``supported_by`` claims of a registry whose other claims are verified.

    Parameters
    ----------
    claims : DataFrame
        The registry after every other claim was checked (:func:`milkbone.audit.verify`).
    look : mapping
        Every printed record by id (for the ``compare`` items).

    Returns
    -------
    DataFrame
        ``claims`` with ``verdict, evidence, recomputed_value, note`` of the
        ``supported_by`` rows filled.

    Raises
    ------
    KeyError
        If a claim rests on an id that is not in the registry, or compares an input
        that is not printed.
    ValueError
        If a claim rests on another ``supported_by`` claim.
    """
    out = claims.copy()
    records = {r["claim_id"]: r for r in out.to_dict("records")}
    for index in out.index[out["check_kind"] == "supported_by"]:
        claim = records[out.at[index, "claim_id"]]
        ids = [i for i in str(claim["inputs"]).split(";") if i]
        missing = [i for i in ids if i not in records]
        if missing:
            raise KeyError(
                f"claim {claim['claim_id']} rests on claims not in the registry: {missing[:5]}"
            )
        rests = pd.DataFrame([records[i] for i in ids], columns=list(out.columns))
        if (rests["check_kind"] == "supported_by").any():
            raise ValueError(f"claim {claim['claim_id']} rests on another supported_by claim")
        parts = [check_support(dict(zip(rests["claim_id"], rests["verdict"], strict=True)))]
        parts += [_compare(item, look) for item in _compare_spec(str(claim["context"]))]
        parts += _timepoint(claim, rests) if ids else []
        verdicts = [v for part in parts for v in part["verdict"]]
        worst = min(verdicts, key=SEVERITY.index)
        out.loc[index, ["verdict", "evidence", "recomputed_value", "note"]] = [
            worst,
            _evidence(worst, rests, verdicts[0] == worst),
            f"{len(ids)} Results row(s)" if ids else "no Results row",
            "; ".join(n for part in parts for n in part["note"]),
        ]
    return out


def _supported(claims: pd.DataFrame, prefix: str) -> pd.DataFrame:
    require_columns(claims, ["claim_id", "check_kind", "verdict", "inputs"], name="claims")
    rows = claims[
        (claims["check_kind"] == "supported_by") & claims["claim_id"].str.startswith(prefix)
    ]
    return rows.assign(sentence_id=rows["claim_id"].str.extract(r"^(.*\.s\d+)\.", expand=False))


def sentence_claims(claims: pd.DataFrame, sentence_id: str) -> pd.DataFrame:
    """The claims one sentence makes, each with its verdict and what it rests on.

    Parameters
    ----------
    claims : DataFrame
        The registry with verdicts (:func:`milkbone.audit.verify`).
    sentence_id : str
        A sentence of ``sentences.csv`` (``abstract.results.s1``).

    Returns
    -------
    DataFrame
        One row per claim of the sentence: ``claim`` (in our words), ``verdict``,
        ``rests_on`` (the Results rows, or ``nothing in the Results``), ``sections``
        (their sections of the paper), ``note`` (the audit's reasons).

    Raises
    ------
    ValueError
        If the sentence makes no claim in the registry.

    Examples
    --------
    >>> from milkbone import audit
    >>> t = sentence_claims(audit.verify(), "abstract.registry.s1")
    >>> t.loc[0, ["claim", "verdict", "rests_on"]].tolist()
    ["the trial's registration number", 'consistent', 'f.registry_number']
    """
    rows = _supported(claims, f"{sentence_id}.")
    rows = rows[rows["sentence_id"] == sentence_id]
    if rows.empty:
        raise ValueError(f"sentence {sentence_id!r} makes no claim in the registry")
    section = claims.set_index("claim_id")["section"].astype(str)
    ids = rows["inputs"].str.split(";")
    return pd.DataFrame(
        {
            "claim": rows["quantity"],
            "verdict": rows["verdict"],
            "rests_on": [", ".join(i) if i != [""] else "nothing in the Results" for i in ids],
            "sections": [", ".join(sorted({section[x] for x in i if x})) for i in ids],
            "note": rows["note"],
        }
    ).reset_index(drop=True)


def sentence_verdicts(claims: pd.DataFrame, *, prefix: str) -> pd.DataFrame:
    """One row per sentence: how many of its claims got each verdict, and the worst.

    Parameters
    ----------
    claims : DataFrame
        The registry with verdicts.
    prefix : str
        Sentences whose id starts with it (``abstract.``, ``s4.p7.``).

    Returns
    -------
    DataFrame
        ``sentence_id, claims, consistent, discrepancy, inconclusive, not-verifiable,
        unsupported`` (claims with no Results row behind them), ``worst`` (in
        :data:`SEVERITY` order), in the order the sentences are printed.

    Examples
    --------
    >>> from milkbone import audit
    >>> t = sentence_verdicts(audit.verify(), prefix="abstract.background.")
    >>> t.loc[0, ["sentence_id", "worst"]].tolist(), int(t.loc[0, "unsupported"])
    (['abstract.background.s1', 'not-verifiable'], 1)
    """
    rows = _supported(claims, prefix)
    out = []
    for sid, group in rows.groupby("sentence_id", sort=False):
        counts = group["verdict"].value_counts()
        out.append(
            {
                "sentence_id": sid,
                "claims": len(group),
                **{v: int(counts.get(v, 0)) for v in SEVERITY if v != "consistent"},
                "consistent": int(counts.get("consistent", 0)),
                "unsupported": int((group["inputs"] == "").sum()),
                "worst": min(group["verdict"], key=SEVERITY.index),
            }
        )
    columns = ["sentence_id", "claims", "consistent", "discrepancy", "inconclusive"]
    columns += ["not-verifiable", "unsupported", "worst"]
    return pd.DataFrame(out, columns=columns)
