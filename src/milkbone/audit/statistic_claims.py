"""Claims of a statistic recomputed from printed summaries: t, p, U, z, pooled values,
GRIM, percent changes and ratios.

Each ``_k_*`` function takes a claim (a registry row as a dict), the ids of its
inputs and every printed record by id, calls the check of its kind and returns an
:class:`~milkbone.audit.formatting.Outcome`. :data:`KINDS` maps ``check_kind`` to
them.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import stats

from milkbone.audit.changes import check_percent_change, check_ratio
from milkbone.audit.formatting import (
    Outcome,
    _best,
    _iv,
    _outcome,
    _ranges,
    _row,
    _span,
    written_like,
)
from milkbone.audit.grim import check_grim
from milkbone.audit.inputs import _desc, _number_text, _summary, _two_groups
from milkbone.audit.intervals import printed_interval
from milkbone.audit.ordinal import check_ordinal_counts
from milkbone.audit.pooling import check_pooled_mean_sd
from milkbone.audit.pvalues import check_p_from_t, check_p_from_z
from milkbone.audit.ranks import check_mann_whitney
from milkbone.audit.significance import ALPHA, check_significance_side
from milkbone.audit.ttests import check_t_test
from milkbone.vocabulary import GROUP_SIZES, GROUPS

__all__ = ["KINDS", "Z_SIGN"]

_TIE_SHARE = 4
"""A Mann–Whitney p explained only by ties needing one tied value shared by more than
1 in ``_TIE_SHARE`` participants is a discrepancy (the measures of Table 2 are
continuous or recorded in fine units)."""


def _t_kind(claim: dict, ids: list[str], look: dict, *, unnamed: bool = False) -> Outcome:
    hcm, cm = _two_groups(ids, look)
    (m1, s1, n1), (m2, s2, n2) = _summary(hcm), _summary(cm)
    printed = claim["published_value"]
    quantity = "|t|" if claim["claim_id"].endswith(".statistic") else "p"
    kw = {"t": printed} if quantity == "|t|" else {"p": printed}
    res = check_t_test(mean1=m1, sd1=s1, n1=n1, mean2=m2, sd2=s2, n2=n2, **kw)
    ok, good, first = _best(res)
    point = _row(first, quantity)
    value = written_like(point["recomputed"], printed)
    what = "|t|" if quantity == "|t|" else "two-sided p"
    note = (
        f"from {_desc(hcm)} vs {_desc(cm)}, {what} ranges over "
        f"{_ranges(res, quantity, printed)} across the inputs' rounding; printed {printed} "
        + (f"is reproduced ({', '.join(good)})" if ok else "is reproduced by neither t test")
    )
    if unnamed:
        return _unnamed_test(res, ok, value, note, alpha=_alpha(ids, look))
    return Outcome("consistent" if ok else "discrepancy", value, note)


def _alpha(ids: list[str], look: dict) -> float:
    """The significance level among a claim's inputs (a prose threshold), else ALPHA."""
    stated = [look[i] for i in ids if look[i].get("statistic") == "threshold"]
    return float(stated[0]["value"]) if stated else ALPHA


def _unnamed_test(res, ok: bool, value: str, note: str, *, alpha: float) -> Outcome:
    """A between-arm p of a test the paper does not name (t test or Mann–Whitney).

    The t tests' p over the inputs' rounding is first placed against ``alpha``: a range
    on both sides of it cannot decide the significance the printed p claims
    (``inconclusive``). Otherwise a reproduced p is ``consistent``; one no t test
    reproduces is ``not-verifiable`` (a rank test may give it) when it is on the same
    side of ``alpha``, and a ``discrepancy`` when every t test puts it on the other.
    """
    ps = res[res["quantity"] == "p"]
    side = check_significance_side(
        ps["printed"].iloc[0],
        low=float(ps["recomputed_low"].min()),
        high=float(ps["recomputed_high"].max()),
        alpha=alpha,
    ).iloc[0]
    if side["verdict"] == "inconclusive":
        return Outcome("inconclusive", value, f"{note}; {side['note']}: undecided")
    if ok:
        return Outcome("consistent", value, note)
    if side["verdict"] == "consistent":
        return Outcome(
            "not-verifiable",
            value,
            note + "; the test is not named and may be a Mann–Whitney test, which needs ranks",
            "not-verifiable",
        )
    return Outcome(
        "discrepancy", value, f"{note}; {side['note']}: no t test gives the significance printed"
    )


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
    n1, n2 = GROUP_SIZES["HCM"], GROUP_SIZES["CM"]
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
    value = written_like(plain["recomputed"], printed)
    if good == ["normal, unknown ties"]:
        block = _tie_block(stat["cell_text"], printed, n1, n2)
        note = note.split("; printed")[0] + (
            f"; printed {printed} is below it, reachable only by a tie correction as large "
            f"as {block:.0f} of the {n1 + n2} women sharing one value"
        )
        if block > (n1 + n2) / _TIE_SHARE:
            note += f" (more than 1 in {_TIE_SHARE}: implausible for a laboratory measure)"
            return Outcome("discrepancy", value, note)
    return Outcome("consistent" if ok else "discrepancy", value, note)


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
    return Outcome(r["verdict"], written_like(abs(r["recomputed"]), printed) + "%", note)


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


_CATEGORY_ORDER = ("normal", "insufficient", "deficient")

Z_SIGN = (
    "Z is compared as |z|: the software prints the z of the smaller U, −|z|, whichever "
    "arm lies higher (Table 4 prints all three Z negative)"
)
"""Why the sign of Table 4's Z is not compared: the one explanation the book gives."""


def _category_counts(ids: list[str], look: dict) -> tuple[list[int], list[int]]:
    cells = [look[i] for i in ids]
    out = []
    for group in GROUPS:
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
        + f"; {Z_SIGN}"
    )
    return Outcome(
        "consistent" if ok else "discrepancy", written_like(r["recomputed"], printed), note
    )


def _k_p_from_statistic(claim, ids, look):
    stat = look[ids[0]]
    printed = claim["published_value"]
    if stat["source"] == "t4":
        res = check_p_from_z(stat["cell_text"], p=printed)
        what = f"z = {stat['cell_text']}"
    else:
        dof = GROUP_SIZES["HCM"] + GROUP_SIZES["CM"] - 2
        res = check_p_from_t(stat["cell_text"], dof=dof, p=printed)
        what = f"t = {stat['cell_text']} on {dof} dof"
    r = res.iloc[0]
    note = (
        f"{what} gives two-sided p {_span(r, printed)} "
        f"({r['recomputed']:.3g} at the printed value); printed {printed}"
    )
    return _outcome(r, printed, note)


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


KINDS: dict[str, Callable[[dict, list[str], dict], Outcome]] = {
    "t_from_summary": _k_t_from_summary,
    "p_from_summary": _k_p_from_summary,
    "mann_whitney_p_from_u": _k_mann_whitney,
    "percent_change": _k_percent_change,
    "ratio": _k_ratio,
    "ordinal_test": _k_ordinal,
    "p_from_statistic": _k_p_from_statistic,
    "pooled_summary": _k_pooled,
    "grim": _k_grim,
}
"""The check of each ``check_kind`` this module reads, by name."""
