"""The summary-level audit: checks computed only from numbers the paper prints.

The check library lives in :mod:`milkbone._checks` and is re-exported here; see its
module docstring for the conventions (rounding intervals, the common output schema
:data:`CHECK_COLUMNS`, verdicts). This module adds the driver that runs those checks
over the claims registry (:func:`verify`), the ``milkbone verify`` entry point
(:func:`main_verify`) and the one function that writes verdicts back into the
committed registry (:func:`write_verdicts`).

How a claim is checked
----------------------
Each claim of ``published.claims()`` names a ``check_kind`` and the printed values it
needs (``inputs``: table ``cell_id`` s and prose ``prose_id`` s). :func:`verify` looks
every input up in the published tables and prose (:func:`printed_inputs`), calls the
check of its kind and fills four columns:

- ``verdict``: ``consistent`` when some choice of unrounded inputs (and, for a test
  statistic, some test variant: Student/Welch, with/without continuity or tie
  correction) reproduces the printed value; ``discrepancy`` when none does;
  ``not-verifiable`` for ``within_group`` and ``not_verifiable`` claims and for a
  between-arm p of an unnamed test that no t-test reproduces (it may be a
  Mann–Whitney p, which needs ranks); ``pending`` only when no check exists for the
  claim (an unknown kind or an unread claim in words).
- ``evidence`` (:data:`EVIDENCE_RULE`): ``recomputed`` when the verdict needed a number
  the paper does not print (a statistic, p, sum, count, ratio, percent change, pooled
  value or achievable mean); ``published`` when it only reads printed numbers against
  each other or against a definition or stated cut-off (a p in [0, 1], an arrow
  against the side of 1 its fold change lies on, a value against a threshold, one
  number printed twice, words against a printed p); ``not-verifiable`` otherwise.
- ``recomputed_value``: the value the check implies, written like the printed value
  (same decimals) so that printing it instead would make the claim consistent; a
  short description where no single number applies (``"41 of 51"``).
- ``note``: the arithmetic, in one sentence.
"""

from __future__ import annotations

import functools
import math
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from milkbone import VERDICTS, paths, published
from milkbone._validate import require_columns, require_values
from milkbone.audit import checks as _checks
from milkbone.audit.checks import *  # noqa: F403  (the check library, re-exported whole: __all__)
from milkbone.audit.checks import (
    Interval,
    check_ci_significance,
    check_count,
    check_direction,
    check_grim,
    check_mann_whitney,
    check_numbering,
    check_ordinal_counts,
    check_p_from_t,
    check_p_from_z,
    check_p_range,
    check_percent_change,
    check_pooled_mean_sd,
    check_ratio,
    check_repeated_value,
    check_significance_claim,
    check_sum,
    check_t_test,
    check_threshold,
    matching_variants,
    p_value_z,
    printed_interval,
)
from milkbone.published import parse as _parse

__all__ = [
    *_checks.__all__,
    "DISCREPANCY_RANKING",
    "EVIDENCE_RULE",
    "discrepancy_values",
    "verdict_counts",
    "main_verify",
    "printed_inputs",
    "verify",
    "write_verdicts",
]

EVIDENCE_RULE = {
    "t_from_summary": "recomputed",
    "p_from_summary": "recomputed",
    "mann_whitney_p_from_u": "recomputed",
    "percent_change": "recomputed",
    "ratio": "recomputed",
    "counts_sum": "recomputed",
    "ordinal_test": "recomputed",
    "p_from_statistic": "recomputed",
    "list_count": "recomputed",
    "pooled_summary": "recomputed",
    "grim": "recomputed",
    "p_range": "published",
    "direction": "published",
    "threshold": "published",
    "same_quantity": "published",
    "significance_claim": "published",
    "ci_significance": "published",
    "within_group": "not-verifiable",
    "not_verifiable": "not-verifiable",
}
"""Evidence level of a verdict, by ``check_kind`` (module docstring, "How a claim is
checked"). A ``significance_claim`` that needs a p recomputed from a printed statistic
is labelled ``recomputed``; an unnamed test no t-test reproduces, ``not-verifiable``."""

_GROUPS = ("HCM", "CM")
_TIE_SHARE = 4
"""A Mann–Whitney p explained only by ties needing one tied value shared by more than
1 in ``_TIE_SHARE`` participants is a discrepancy (the measures of Table 2 are
continuous or recorded in fine units)."""
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_PREFIX = re.compile(r"^\s*(?:n|vip|fc)\s*(?=[=<>≤≥])", flags=re.IGNORECASE)


# ------------------------------------------------------------------ printed inputs
@functools.cache
def _lookup() -> dict[str, dict]:
    """Every printed cell and prose number by id, as a plain dict of its row."""
    out: dict[str, dict] = {}
    for n in published.TABLE_FILES:
        for rec in published.table(n).to_dict("records"):
            rec["source"] = f"t{n}"
            out[rec["cell_id"]] = rec
    for rec in published.prose().to_dict("records"):
        rec["source"] = "prose"
        rec["cell_text"] = rec["printed"]
        out[rec["prose_id"]] = rec
    return out


def printed_inputs(ids: str | list[str]) -> pd.DataFrame:
    """The printed text behind registry ``inputs`` (cell ids and prose ids).

    Parameters
    ----------
    ids : str or list of str
        Ids, as a list or as the registry's semicolon-separated text.

    Returns
    -------
    DataFrame
        One row per id: ``input_id, source`` (``t2``…``t6`` or ``prose``), ``text``
        (as printed), ``number`` (the printed number as text the checks read: no
        ``%``, ``p =`` or ``n =``, number words as digits; empty if none).

    Raises
    ------
    KeyError
        If an id is in neither the tables nor the prose.

    Examples
    --------
    >>> printed_inputs("t2.l1_4_bmd.statistic;r3_5.n_0_up;r3_3.ast.hcm.pct_6")[
    ...     ["input_id", "text", "number"]]
                    input_id   text number
    0  t2.l1_4_bmd.statistic  −1.93  −1.93
    1           r3_5.n_0_up    six      6
    2     r3_3.ast.hcm.pct_6  16.4%   16.4
    """
    names = [i for i in ids.split(";") if i] if isinstance(ids, str) else list(ids)
    table = _lookup()
    missing = [i for i in names if i not in table]
    if missing:
        raise KeyError(f"inputs not found in the published tables or prose: {missing[:5]}")
    rows = [
        {
            "input_id": i,
            "source": table[i]["source"],
            "text": str(table[i]["cell_text"]),
            "number": _number_text(str(table[i]["cell_text"])),
        }
        for i in names
    ]
    return pd.DataFrame(rows, columns=["input_id", "source", "text", "number"])


def _value(text: str) -> float:
    """The number of a printed value or bound: ``"<0.001"`` → 0.001, ``"1,063"`` → 1063."""
    return _parse.parse_number(_parse.split_comparator(text)[1])


def _number_text(text: str) -> str:
    """Printed text → a number the checks read ("16.4%" → "16.4"); "" if none."""
    t = re.sub(r"[\u2009\u00a0\u202f]", " ", text).strip().rstrip("%").strip()
    if t.lower() in _WORDS:
        return str(_WORDS[t.lower()])
    t = re.sub(r"^\s*=\s*", "", _PREFIX.sub("", t))
    if "±" in t:
        t = t.split("±")[0]
    try:
        _parse.split_comparator(t)
    except ValueError:
        return ""
    return t.strip()


# ------------------------------------------------------------------ outcome helpers
@dataclass
class _Outcome:
    verdict: str
    recomputed: str
    note: str
    evidence: str = ""


def _fmt(x: float, like: str | None = None, *, digits: int = 3) -> str:
    """``x`` written with the decimals of ``like`` (or ``digits`` significant digits)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "undefined"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if like is not None and _number_text(like):
        d = _parse.decimals(_number_text(like))
        text = f"{x:.{d}f}"
        if float(text) != 0 or x == 0:
            return text
    return f"{x:.{digits}g}"


def _iv(low: float, high: float, like: str | None = None) -> str:
    a, b = _fmt(low, like, digits=4), _fmt(high, like, digits=4)
    return a if a == b else f"{a} to {b}"


def _span(r: pd.Series, like: str) -> str:
    """The recomputed range of one check row, written like ``like``."""
    return _iv(r["recomputed_low"], r["recomputed_high"], like)


def _outcome(r: pd.Series, like: str, note: str) -> _Outcome:
    """A one-row check's verdict, with its recomputed value written like ``like``."""
    return _Outcome(r["verdict"], _fmt(r["recomputed"], like), note)


def _best(result: pd.DataFrame) -> tuple[bool, list[str], pd.DataFrame]:
    """(some variant reproduces every printed quantity, those variants, first variant)."""
    good = matching_variants(result)
    first = result[result["variant"] == (good[0] if good else result["variant"].iloc[0])]
    return bool(good), good, first


def _row(result: pd.DataFrame, quantity: str) -> pd.Series:
    return result[result["quantity"] == quantity].iloc[0]


def _ranges(result: pd.DataFrame, quantity: str, like: str) -> str:
    parts = []
    for _, r in result[result["quantity"] == quantity].iterrows():
        parts.append(f"{r['variant']} {_iv(r['recomputed_low'], r['recomputed_high'], like)}")
    return "; ".join(parts)


# ------------------------------------------------------------------ kinds
def _summary(rec: dict) -> tuple[str, str, int]:
    return str(rec["mean_text"]), str(rec["sd_text"]), int(rec["n"])


def _two_groups(ids: list[str], look: dict) -> tuple[dict, dict]:
    cells = [look[i] for i in ids if look[i].get("group") in _GROUPS and "mean_text" in look[i]]
    by = {c["group"]: c for c in cells if str(c.get("mean_text", "")) not in ("", "nan", "<NA>")}
    if set(by) != set(_GROUPS):
        raise ValueError(f"inputs {ids} do not hold an HCM and a CM mean ± SD")
    return by["HCM"], by["CM"]


def _desc(rec: dict) -> str:
    m, s, n = _summary(rec)
    return f"{m} ± {s} (n = {n})"


def _t_kind(claim: dict, ids: list[str], look: dict, *, unnamed: bool = False) -> _Outcome:
    hcm, cm = _two_groups(ids, look)
    (m1, s1, n1), (m2, s2, n2) = _summary(hcm), _summary(cm)
    printed = claim["published_value"]
    quantity = "|t|" if claim["claim_id"].endswith(".statistic") else "p"
    kw = {"t": printed} if quantity == "|t|" else {"p": printed}
    res = check_t_test(mean1=m1, sd1=s1, n1=n1, mean2=m2, sd2=s2, n2=n2, **kw)
    ok, good, first = _best(res)
    point = _row(first, quantity)
    value = _fmt(point["recomputed"], printed)
    what = "|t|" if quantity == "|t|" else "two-sided p"
    note = (
        f"from {_desc(hcm)} vs {_desc(cm)}, {what} ranges over "
        f"{_ranges(res, quantity, printed)} across the inputs' rounding; printed {printed} "
        + (f"is reproduced ({', '.join(good)})" if ok else "is reproduced by neither t test")
    )
    if ok:
        return _Outcome("consistent", value, note)
    if unnamed:
        return _Outcome(
            "not-verifiable",
            value,
            note + "; the test is not named and may be a Mann–Whitney test, which needs ranks",
            "not-verifiable",
        )
    return _Outcome("discrepancy", value, note)


def _k_t_from_summary(claim, ids, look):
    return _t_kind(claim, ids, look)


def _k_p_from_summary(claim, ids, look):
    return _t_kind(claim, ids, look, unnamed=True)


def _tie_block(u: str, p: str, n1: int, n2: int) -> float:
    """Size t of one block of tied values whose tie correction would bring U's p down to p.

    ``σ² = n1·n2/12 · ((N + 1) − T/(N(N − 1)))`` with ``T = Σ(t³ − t)``; the smallest
    ``T`` reaching the top of the printed p interval, from the largest ``|U − μ|``
    within U's rounding, expressed as a single block (``t³ − t = T``).
    """
    n = n1 + n2
    u_iv, mu = printed_interval(u), n1 * n2 / 2
    dev = max(abs(u_iv.low - mu), abs(u_iv.high - mu))
    z = float(stats.norm.isf(printed_interval(p, probability=True).high / 2))
    tie = n * (n - 1) * ((n + 1) - 12 * (dev / z) ** 2 / (n1 * n2))
    return float(np.roots([1, 0, -1, -max(tie, 0.0)]).real.max())


def _k_mann_whitney(claim, ids, look):
    stat = look[ids[0]]
    n1, n2 = published.GROUP_SIZES["HCM"], published.GROUP_SIZES["CM"]
    printed = claim["published_value"]
    res = check_mann_whitney(stat["cell_text"], n1=n1, n2=n2, p=printed)
    ok, good, _ = _best(res)
    plain = res.iloc[0]
    known = res[res["variant"] != "normal, unknown ties"]
    note = (
        f"U = {stat['cell_text']} with n = {n1} and {n2} gives p "
        f"{_iv(known['recomputed_low'].min(), known['recomputed_high'].max(), printed)} "
        "under the normal approximation (ties can only lower it); printed "
        + (f"{printed} is reproduced ({', '.join(good)})" if ok else f"{printed} is above it")
    )
    value = _fmt(plain["recomputed"], printed)
    if good == ["normal, unknown ties"]:
        block = _tie_block(stat["cell_text"], printed, n1, n2)
        note = note.split("; printed")[0] + (
            f"; printed {printed} is below it, reachable only by a tie correction as large "
            f"as {block:.0f} of the {n1 + n2} women sharing one value"
        )
        if block > (n1 + n2) / _TIE_SHARE:
            note += f" (more than 1 in {_TIE_SHARE}: implausible for a laboratory measure)"
            return _Outcome("discrepancy", value, note)
    return _Outcome("consistent" if ok else "discrepancy", value, note)


def _k_percent_change(claim, ids, look):
    before, after = (look[i] for i in ids)
    pr = look.get(claim["claim_id"], {})
    printed = _number_text(claim["published_value"])
    signed = f"-{printed}" if pr.get("direction") == "decrease" else printed
    res = check_percent_change(before=before["mean_text"], after=after["mean_text"], printed=signed)
    r = res.iloc[0]
    note = (
        f"100 × ({after['mean_text']} − {before['mean_text']}) / {before['mean_text']} = "
        f"{r['recomputed']:.2f}% (range {_span(r, '0.01')}"
        f"% over rounding); printed {pr.get('direction') or 'change'} of {printed}%"
    )
    return _Outcome(r["verdict"], _fmt(abs(r["recomputed"]), printed) + "%", note)


def _k_ratio(claim, ids, look):
    num, den = (look[i] for i in ids)
    printed = claim["published_value"]
    r = check_ratio(numerator=num["cell_text"], denominator=den["cell_text"], printed=printed).iloc[
        0
    ]
    note = (
        f"{num['cell_text']} / {den['cell_text']} = {r['recomputed']:.4f} (range "
        f"{_span(r, '0.0001')} over rounding); printed {printed}"
    )
    return _outcome(r, printed, note)


def _count_of(rec: dict) -> int:
    return round(_value(_number_text(str(rec["cell_text"]))))


def _k_counts_sum(claim, ids, look):
    total = int(_value(_number_text(claim["published_value"])))
    pool = [i for i in ids if "enrolled" in i]
    removed = [i for i in ids if "withdrawn" in i or "dropout" in i]
    parts = [i for i in ids if i not in pool and i not in removed]
    sentences, values, ok = [], [], True
    if pool:
        left = sum(_count_of(look[i]) for i in pool) - sum(_count_of(look[i]) for i in removed)
        minus = " − ".join(str(_count_of(look[i])) for i in pool + removed)
        sentences.append(f"{minus} = {left}")
        values.append(left)
        ok &= left == total
    if parts:
        s = sum(_count_of(look[i]) for i in parts)
        sentences.append(" + ".join(str(_count_of(look[i])) for i in parts) + f" = {s}")
        values.append(s)
        ok &= s == total
    wrong = [v for v in values if v != total]
    value = str(wrong[0] if wrong else total)
    note = "; ".join(sentences) + f"; printed total {total}"
    return _Outcome("consistent" if ok else "discrepancy", value, note)


_CATEGORY_ORDER = ("normal", "insufficient", "deficient")


def _category_counts(ids: list[str], look: dict) -> tuple[list[int], list[int]]:
    cells = [look[i] for i in ids]
    out = []
    for group in _GROUPS:
        by = {c["category"]: int(c["count"]) for c in cells if c["group"] == group}
        out.append([by[k] for k in _CATEGORY_ORDER])
    return out[0], out[1]


def _k_ordinal(claim, ids, look):
    hcm, cm = _category_counts(ids, look)
    printed = claim["published_value"]
    res = check_ordinal_counts(hcm, cm, z=printed)
    ok, good, first = _best(res)
    r = first.iloc[0]
    note = (
        f"counts {hcm} (HCM, n = {sum(hcm)}) vs {cm} (CM, n = {sum(cm)}) give |z| "
        f"{r['recomputed']:.3f} ({r['variant']}); printed {printed} "
        + (f"is reproduced ({', '.join(good)})" if ok else "is reproduced by no variant")
    )
    return _Outcome("consistent" if ok else "discrepancy", _fmt(r["recomputed"], printed), note)


def _k_p_from_statistic(claim, ids, look):
    stat = look[ids[0]]
    printed = claim["published_value"]
    if stat["source"] == "t4":
        res = check_p_from_z(stat["cell_text"], p=printed)
        what = f"z = {stat['cell_text']}"
    else:
        dof = published.GROUP_SIZES["HCM"] + published.GROUP_SIZES["CM"] - 2
        res = check_p_from_t(stat["cell_text"], dof=dof, p=printed)
        what = f"t = {stat['cell_text']} on {dof} dof"
    r = res.iloc[0]
    note = (
        f"{what} gives two-sided p {_span(r, printed)} "
        f"({r['recomputed']:.3g} at the printed value); printed {printed}"
    )
    return _outcome(r, printed, note)


def _k_p_range(claim, ids, look):
    printed = claim["published_value"]
    r = check_p_range([printed]).iloc[0]
    return _Outcome(r["verdict"], "in [0, 1]" if r["verdict"] == "consistent" else "≤ 1", r["note"])


def _k_direction(claim, ids, look):
    fc = next(look[i] for i in ids if i.endswith(".fc"))
    mark = claim["published_value"]
    r = check_direction([mark], [fc["cell_text"]]).iloc[0]
    implied = "↑" if float(fc["value"]) > 1 else "↓"
    return _Outcome(r["verdict"], implied, r["note"])


def _criterion(rec: dict) -> str:
    """A prose cut-off ("FC > 1.2", "p < 0.05", "VIP > 1.0") as a check_threshold criterion."""
    op = {"<": "<", ">": ">", "<=": "≤", ">=": "≥", "≤": "≤", "≥": "≥"}.get(rec["comparator"])
    if op is None:  # the comparator is in the text
        m = re.search(r"(<=|>=|≤|≥|<|>)", rec["printed"])
        op = m.group(1) if m else ">"
    return f"{op} {float(rec['value']):g}"


# Reference ranges and levels stated in the text, read as relations of printed means
# (paper §3.3 for PINP: both arms above the range at baseline, HCM inside it at 6 m;
# §4 for 25(OH)D: both arms below the ideal level after the intervention).
_REFERENCE_READINGS = {
    "r3_3.pinp.ref_low": {"*": ">"},
    "r3_3.pinp.ref2_low": {"*": ">"},
    "r3_3.pinp.ref_high": {"t3.pinp.hcm.m0": ">", "t3.pinp.cm.m0": ">", "t3.pinp.hcm.m6": "<"},
    "r3_3.pinp.ref2_high": {"t3.pinp.hcm.m0": ">", "t3.pinp.cm.m0": ">", "t3.pinp.hcm.m6": "<"},
    "d4.ohd_ideal": {"*": "<"},
}


def _k_threshold(claim, ids, look):
    cid = claim["claim_id"]
    if cid.startswith("t5.r"):  # one Table 5 value against the §3.5 cut-off(s)
        value = look[ids[0]]["cell_text"]
        criterion = " or ".join(_criterion(look[i]) for i in ids[1:])
        r = check_threshold([value], criterion=criterion).iloc[0]
        return _Outcome(
            r["verdict"], "meets" if r["verdict"] == "consistent" else "fails", r["note"]
        )
    if cid.startswith("t6."):  # an AUC against the bands of Table 6's footnote 1
        return _auc_band(look[ids[0]]["cell_text"], [look[i] for i in ids[1:]])
    if cid in _REFERENCE_READINGS:
        reading = _REFERENCE_READINGS[cid]
        limit = _number_text(claim["published_value"]) or str(look[cid]["value"])
        limit = re.sub(r"^[<>=≤≥\s]+", "", limit)
        bad, said = [], []
        for i in ids:
            op = reading.get(i, reading.get("*"))
            if op is None:
                continue
            text = look[i]["mean_text"]
            ok = check_threshold([text], criterion=f"{op} {limit}").iloc[0]["verdict"]
            said.append(f"{i.removeprefix('t3.')} {text} {op} {limit}")
            if ok != "consistent":
                bad.append(i)
        note = "read as " + "; ".join(said) + (f"; fails for {bad}" if bad else ", all hold")
        return _Outcome(
            "discrepancy" if bad else "consistent", f"{len(said) - len(bad)} of {len(said)}", note
        )
    # a criterion stated in the prose, applied to every listed Table 5 value on its side of 1
    rec = look[cid]
    criterion = _criterion(rec)
    op, limit = criterion.split(" ", 1)
    values = [look[i] for i in ids if i.startswith("t5.")]
    column = values[0]["column"] if values else ""
    if column == "fc":
        up = op in (">", "≥")
        values = [v for v in values if (float(v["value"]) > 1) == up]
    res = check_threshold([v["cell_text"] for v in values], criterion=criterion)
    fails = res[res["verdict"] != "consistent"]
    n_ok = len(res) - len(fails)
    side = (
        f" of the {len(res)} with FC {'>' if op in ('>', '≥') else '<'} 1" if column == "fc" else ""
    )
    listed = ", ".join(fails["printed"].head(6))
    note = f"{n_ok}{side} meet {criterion}" + (
        f"; fail: {listed}{' …' if len(fails) > 6 else ''}" if len(fails) else ""
    )
    return _Outcome("consistent" if fails.empty else "discrepancy", f"{n_ok} of {len(res)}", note)


def _auc_band(auc: str, bands: list[dict]) -> _Outcome:
    """The footnote's band an AUC falls in; outside [lowest edge, 1] is a discrepancy."""
    edges = sorted(bands, key=lambda b: float(b["value"]))
    low = float(edges[0]["value"])
    r = check_threshold([auc], criterion=f"≥ {low:g}").iloc[0]
    inside = r["verdict"] == "consistent" and printed_interval(auc).low <= 1
    value = float(r["recomputed"])
    names = [b["printed"] for b in edges if float(b["value"]) <= value] or ["none"]
    note = (
        f"AUC {auc} means {printed_interval(auc)}; "
        + (f"band {names[-1]} of footnote 1" if inside else f"outside [{low:g}, 1]")
        + f" (bands from {', '.join(b['printed'] for b in edges)})"
    )
    return _Outcome("consistent" if inside else "discrepancy", names[-1], note)


def _phase(rec: dict) -> str:
    return f"m{int(rec['month'])}"


def _k_list_count(claim, ids, look):
    cid, printed = claim["claim_id"], claim["published_value"]
    cells = [look[i] for i in ids]
    if cid == "t5.numbering":
        numbers = [int(c["value"]) for c in cells]
        r = check_numbering(numbers).iloc[0]
        return _Outcome(r["verdict"], f"{len(set(numbers))} distinct of {len(numbers)}", r["note"])
    if all(c["source"] == "prose" for c in cells):  # counts stated in the prose
        parts = [_count_of(c) for c in cells]
        covered = sorted({c["timepoint"] for c in cells})
        claimed = set(str(claim["timepoint"]).split(";"))
        stated = int(_value(_number_text(printed)))
        if len(parts) == 4:  # total = up + down = sum over the periods
            res = [check_sum(parts[:2], total=stated), check_sum(parts[2:], total=stated)]
            ok = [r.iloc[0]["verdict"] == "consistent" for r in res]
            note = "; ".join(r.iloc[0]["note"] for r in res)
            if all(ok):
                return _Outcome("consistent", str(stated), note)
            if ok[0]:
                return _Outcome(
                    "consistent",
                    str(stated),
                    note + "; the periods' gap may be the unreported baseline count",
                )
            return _Outcome("discrepancy", str(sum(parts[:2])), note)
        r = check_sum(parts, total=stated).iloc[0]
        s = int(r["recomputed"])
        if r["verdict"] != "consistent" and s < stated and not claimed <= set(covered):
            return _Outcome(
                "not-verifiable",
                str(s),
                r["note"] + f"; the parts cover only {covered} and no baseline count is printed",
                "not-verifiable",
            )
        return _Outcome(r["verdict"], str(s), r["note"])
    # counts of Table 5 rows by phase and/or arrow
    rows: dict[int, dict] = {}
    for c in cells:
        rows.setdefault(int(c["row_position"]), {})[c["column"]] = c
    pr = look.get(cid, {})
    want_phase = None if ";" in str(claim["timepoint"]) else str(claim["timepoint"])
    want_dir = pr.get("direction") or None
    if cid == "q3_5.reduced_list":
        items = [x for x in printed.split(",") if x.strip()]
        months = set(str(claim["timepoint"]).split(";"))
        names = look
        hits = [
            p
            for p, r in rows.items()
            if r["variation"]["direction"] == "down" and _phase(r["variation"]) in months
        ]
        found = [names[f"t5.r{p:02d}.name"]["cell_text"] for p in sorted(hits)]
        res = check_count(items, stated=len(hits)).iloc[0]
        note = (
            f"{len(items)} metabolites named; Table 5 marks {len(hits)} ↓ at "
            f"{', '.join(sorted(months))}: {', '.join(found)}"
        )
        return _Outcome(res["verdict"], str(len(hits)), note)
    selected = [
        p
        for p, r in rows.items()
        if (want_phase is None or _phase(next(iter(r.values()))) == want_phase)
        and (want_dir is None or r.get("variation", {}).get("direction") == want_dir)
    ]
    if want_dir is not None and "variation" not in next(iter(rows.values())):
        raise ValueError(f"{cid}: a count by arrow needs the Table 5 variation cells")
    res = check_count(selected, stated=_number_text(printed)).iloc[0]
    what = " and ".join(
        x
        for x in (
            f"phase {want_phase}" if want_phase else "",
            f"arrow {want_dir}" if want_dir else "",
        )
        if x
    )
    note = (
        f"Table 5 lists {len(selected)} rows"
        + (f" with {what}" if what else "")
        + f"; stated {printed}"
    )
    if want_dir is not None:
        fc = look
        by_fc = [
            p
            for p in rows
            if (want_phase is None or _phase(next(iter(rows[p].values()))) == want_phase)
            and (float(fc[f"t5.r{p:02d}.fc"]["value"]) > 1) == (want_dir == "up")
        ]
        note += f" ({len(by_fc)} if the arrows followed the fold changes)"
    return _Outcome(res["verdict"], str(len(selected)), note)


def _cut_off(rec: dict) -> str:
    """A prose cut-off as comparator and value: ``"≥20"``."""
    op = {"<=": "≤", ">=": "≥", "=": ""}.get(rec["comparator"], rec["comparator"])
    return f"{op}{float(rec['value']):g}"


def _k_same_quantity(claim, ids, look):
    printed = claim["published_value"]
    cells = [look[i] for i in ids]
    if "±" in printed:  # a mean ± SD printed in Tables 2 and 3
        other = cells[0]
        mine = look[claim["claim_id"].removesuffix(".same_as_t2")]
        res = [
            check_repeated_value(mine["mean_text"], other["mean_text"], quantity="mean"),
            check_repeated_value(mine["sd_text"], other["sd_text"], quantity="sd"),
        ]
        ok = all(r.iloc[0]["verdict"] == "consistent" for r in res)
        note = "; ".join(f"{r.iloc[0]['quantity']}: {r.iloc[0]['note']}" for r in res)
        value = f"{other['mean_text']} ± {other['sd_text']}"
        return _Outcome("consistent" if ok else "discrepancy", value, note)
    other = cells[0]
    if other.get("statistic") == "threshold":  # a cut-off stated in two places
        mine, theirs = (_cut_off(r) for r in (look[claim["claim_id"]], other))
        note = f"{other['refers_to']} states {other['printed']}; the text states {printed}"
        return _Outcome("consistent" if mine == theirs else "discrepancy", theirs, note)
    a, b = _number_text(printed), _number_text(str(other["cell_text"]))
    if "p" in printed.lower() or re.match(r"^\s*[<>≤≥]", str(other["cell_text"])):
        r = check_significance_claim(
            printed if re.search(r"[<>≤≥=]", printed) else a, b or other["cell_text"]
        ).iloc[0]
    else:
        r = check_repeated_value(a, b).iloc[0]
    return _Outcome(r["verdict"], str(other["cell_text"]), r["note"])


def _k_pooled(claim, ids, look):
    hcm, cm = _two_groups(ids, look)
    printed = claim["published_value"]
    which = "sd" if claim["claim_id"].endswith("_sd") else "mean"
    means, sds = [hcm["mean_text"], cm["mean_text"]], [hcm["sd_text"], cm["sd_text"]]
    ns = [int(hcm["n"]), int(cm["n"])]
    r = check_pooled_mean_sd(means=means, sds=sds, ns=ns, **{which: printed}).iloc[0]
    note = (
        f"pooling {_desc(hcm)} and {_desc(cm)} gives the overall {which} "
        f"{_span(r, printed)} over rounding; printed {printed}"
    )
    return _outcome(r, printed, note)


def _k_grim(claim, ids, look):
    cell = look[ids[0]]
    r = check_grim(str(cell["mean_text"]), n=int(cell["n"])).iloc[0]
    return _outcome(r, str(cell["mean_text"]), r["note"])


def _p_of(rec: dict) -> str:
    return str(rec["cell_text"])


def _k_significance(claim, ids, look):
    cid = claim["claim_id"]
    cells = {i: look[i] for i in ids}
    if cid == "r3_3.ohd.z_p":  # "both p < 0.0001", from the printed Z (Table 4)
        out, ok = [], True
        for i, rec in cells.items():
            if not i.startswith("t4.z"):
                continue
            p = p_value_z(_value(rec["cell_text"]))
            r = check_significance_claim(claim["published_value"], Interval.point(p)).iloc[0]
            ok &= r["verdict"] == "consistent"
            out.append(f"z {rec['cell_text']} gives p {p:.2g}")
        note = (
            "; ".join(out) + f" (two-sided normal); the text says both {claim['published_value']}"
        )
        worst = max(
            p_value_z(_value(r["cell_text"])) for i, r in cells.items() if i.startswith("t4.z")
        )
        return _Outcome("consistent" if ok else "discrepancy", f"{worst:.2g}", note, "recomputed")
    ps = {
        i: _p_of(r) for i, r in cells.items() if i.endswith((".p", ".p_within")) or ".between." in i
    }
    if cid == "q3_1.baseline_balance":
        bad = [i for i, p in ps.items() if printed_interval(p, probability=True).high < 0.05]
        low = min(ps, key=lambda i: _value(ps[i]))
        note = f"{len(ps)} baseline p-values, smallest {ps[low]} ({low}); {len(bad)} below 0.05"
        return _Outcome("consistent" if not bad else "discrepancy", f"min p {ps[low]}", note)
    if cid == "q3_3.calcium_between_m6":
        ((i, p),) = ps.items()
        sig = printed_interval(p, probability=True).high < 0.05
        note = f"the text calls the arms' difference significant; {i} prints p {p}"
        return _Outcome("consistent" if sig else "discrepancy", f"p {p}", note)
    if cid == "q4.phosphorus_raised":
        m0, m6 = cells["t3.phosphorus.hcm.m0"], cells["t3.phosphorus.hcm.m6"]
        pw, pb = (
            _p_of(cells["t3.phosphorus.hcm.p_within"]),
            _p_of(cells["t3.phosphorus.between.m6"]),
        )
        rose = _value(m6["mean_text"]) > _value(m0["mean_text"])
        sig = printed_interval(pw, probability=True).high < 0.05
        note = (
            f"HCM phosphorus {m0['mean_text']} at 0 m and {m6['mean_text']} at 6 m "
            f"(within-arm p {pw}); "
            f"the arms differ at 6 m (p {pb}) because CM fell"
        )
        ok = rose and sig
        return _Outcome("consistent" if ok else "discrepancy", "no rise in HCM", note)
    if cid == "q3_2.all_sites":  # a fall, or no significant change, contradicts it
        falls = [i for i, r in cells.items() if r.get("direction") == "decrease"]
        flat = [
            i
            for i, r in cells.items()
            if r.get("statistic") == "significant_changes" and float(r["value"]) == 0
        ]
        said = [f"{cells[i]['quantity']}: {cells[i]['printed']} ({i})" for i in falls + flat]
        note = "a significant gain at every site needs a significant rise at each" + (
            "; the same paragraph states: " + "; ".join(said) if said else ""
        )
        bad = len(falls) + len(flat)
        value = f"{len(falls)} fall(s), {len(flat)} without significant change"
        return _Outcome("discrepancy" if bad else "consistent", value, note)
    return _Outcome("pending", "", "no reading of these words is implemented", "published")


def _k_ci_significance(claim, ids, look):
    lo, hi = (look[i] for i in ids)
    r = check_ci_significance(low=lo["cell_text"], high=hi["cell_text"], p=">0.05").iloc[0]
    note = r["note"] + "; the text calls the cited difference not statistically significant"
    return _Outcome(r["verdict"], "p < 0.05", note)


_KINDS: dict[str, Callable[[dict, list[str], dict], _Outcome]] = {
    "t_from_summary": _k_t_from_summary,
    "p_from_summary": _k_p_from_summary,
    "mann_whitney_p_from_u": _k_mann_whitney,
    "percent_change": _k_percent_change,
    "ratio": _k_ratio,
    "counts_sum": _k_counts_sum,
    "ordinal_test": _k_ordinal,
    "p_from_statistic": _k_p_from_statistic,
    "p_range": _k_p_range,
    "direction": _k_direction,
    "threshold": _k_threshold,
    "list_count": _k_list_count,
    "same_quantity": _k_same_quantity,
    "pooled_summary": _k_pooled,
    "grim": _k_grim,
    "significance_claim": _k_significance,
    "ci_significance": _k_ci_significance,
}


def _check_claim(claim: dict, look: dict) -> _Outcome:
    kind = claim["check_kind"]
    if kind in ("within_group", "not_verifiable"):
        return _Outcome("not-verifiable", "", claim["context"], "not-verifiable")
    if kind not in _KINDS:
        return _Outcome("pending", "", f"no check exists for check_kind {kind!r}", "published")
    ids = [i for i in str(claim["inputs"]).split(";") if i]
    missing = [i for i in ids if i not in look]
    if missing:
        raise KeyError(f"claim {claim['claim_id']}: inputs not found: {missing[:5]}")
    out = _KINDS[kind](claim, ids, look)
    if not out.evidence:
        out.evidence = EVIDENCE_RULE[kind]
    return out


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
        ``evidence`` and ``note`` filled as described in the module docstring.

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
        look = dict(look)
        for key, text in overrides.items():
            rec = dict(look[key])
            rec["cell_text"] = text
            if "mean_text" in rec and "±" in text:
                rec["mean_text"], rec["sd_text"] = (s.strip() for s in text.split("±"))
            if text in ("↑", "↓"):
                rec["direction"] = "up" if text == "↑" else "down"
            num = _number_text(text)
            for field in ("value", "count", "statistic"):
                if field in rec and num:
                    rec[field] = _value(num)
            look[key] = rec
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
    return pd.DataFrame(rows, columns=list(registry.columns))


# ------------------------------------------------------------------ ranking
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


# ------------------------------------------------------------------ command line
def _write(frame: pd.DataFrame, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return path


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
    _write(filled, target)
    return filled


def main_verify(*, strict: bool = False, out: str | Path = "_build/audit/claims.csv") -> int:
    """``milkbone verify``: check every claim, print a summary, write the filled registry.

    Parameters
    ----------
    strict : bool, default False
        Also compare each fresh verdict with the committed registry's ``verdict``
        column; return 1 and list the claim ids when any differs.
    out : str or Path, default "_build/audit/claims.csv"
        Where to write the filled registry (byte-identical for identical inputs).

    Returns
    -------
    int
        0, or 1 with ``strict`` when a verdict differs from the committed one.

    Examples
    --------
    >>> import contextlib, io, tempfile
    >>> with contextlib.redirect_stdout(io.StringIO()) as printed:
    ...     code = main_verify(out=Path(tempfile.mkdtemp()) / "claims.csv")
    >>> code, printed.getvalue().splitlines()[0]
    (0, 'Verdicts by section')
    """
    committed = published.claims()
    fresh = verify(committed)
    summary = pd.crosstab(fresh["section"], fresh["verdict"], margins=True, margins_name="all")
    print("Verdicts by section\n" + summary.to_string() + "\n")
    bad = fresh[fresh["verdict"] == "discrepancy"]
    print(f"Discrepancies ({len(bad)}):")
    for _, r in bad.iterrows():
        print(
            f"  {r['claim_id']} | {r['location']} | {r['quantity']} | "
            f"printed {r['published_value']} vs recomputed {r['recomputed_value']}"
        )
    path = _write(fresh, Path(out))
    print(f"\nwrote {path}")
    if strict:
        differ = fresh.loc[
            fresh["verdict"].to_numpy() != committed["verdict"].to_numpy(), "claim_id"
        ]
        if len(differ):
            print(
                f"{len(differ)} verdict(s) differ from the committed registry: "
                + ", ".join(differ.tolist()),
                file=sys.stderr,
            )
            return 1
    return 0
