"""Claims that read printed numbers against each other, a definition or a stated cut-off:
p in [0, 1], arrows against fold changes, values against thresholds and reference
ranges, one number printed twice, and significance stated in words.

These verdicts need no recomputed statistic (evidence ``published``), except where a
p is first recomputed from a printed Z. :data:`KINDS` maps ``check_kind`` to them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from milkbone.audit.counts import check_repeated_value
from milkbone.audit.formatting import Outcome
from milkbone.audit.inputs import _number_text, _value
from milkbone.audit.intervals import Interval, printed_interval
from milkbone.audit.pvalues import check_ci_significance, check_significance_claim, p_value_z
from milkbone.audit.thresholds import check_direction, check_p_range, check_threshold

__all__ = ["KINDS"]


def _k_p_range(claim, ids, look):
    printed = claim["published_value"]
    r = check_p_range([printed]).iloc[0]
    return Outcome(r["verdict"], "in [0, 1]" if r["verdict"] == "consistent" else "≤ 1", r["note"])


def _k_direction(claim, ids, look):
    fc = next(look[i] for i in ids if i.endswith(".fc"))
    mark = claim["published_value"]
    r = check_direction([mark], [fc["cell_text"]]).iloc[0]
    implied = "↑" if float(fc["value"]) > 1 else "↓"
    return Outcome(r["verdict"], implied, r["note"])


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
        return Outcome(
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
        return Outcome(
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
    return Outcome("consistent" if fails.empty else "discrepancy", f"{n_ok} of {len(res)}", note)


def _auc_band(auc: str, bands: list[dict]) -> Outcome:
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
    return Outcome("consistent" if inside else "discrepancy", names[-1], note)


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
        return Outcome("consistent" if ok else "discrepancy", value, note)
    other = cells[0]
    if other.get("statistic") == "threshold":  # a cut-off stated in two places
        mine, theirs = (_cut_off(r) for r in (look[claim["claim_id"]], other))
        note = f"{other['refers_to']} states {other['printed']}; the text states {printed}"
        return Outcome("consistent" if mine == theirs else "discrepancy", theirs, note)
    a, b = _number_text(printed), _number_text(str(other["cell_text"]))
    if "p" in printed.lower() or re.match(r"^\s*[<>≤≥]", str(other["cell_text"])):
        r = check_significance_claim(
            printed if re.search(r"[<>≤≥=]", printed) else a, b or other["cell_text"]
        ).iloc[0]
    else:
        r = check_repeated_value(a, b).iloc[0]
    return Outcome(r["verdict"], str(other["cell_text"]), r["note"])


def _p_of(rec: dict) -> str:
    return str(rec["cell_text"])


def _k_significance(claim, ids, look):
    reading = _WORD_READINGS.get(claim["claim_id"])
    if reading is None:
        return Outcome("pending", "", "no reading of these words is implemented", "published")
    return reading(claim, {i: look[i] for i in ids})


def _both_z_p(claim: dict, cells: dict[str, dict]) -> Outcome:
    """§3.3's "both p < 0.0001", from the printed Z of Table 4 (two-sided normal)."""
    out, ok = [], True
    for i, rec in cells.items():
        if not i.startswith("t4.z"):
            continue
        p = p_value_z(_value(rec["cell_text"]))
        r = check_significance_claim(claim["published_value"], Interval.point(p)).iloc[0]
        ok &= r["verdict"] == "consistent"
        out.append(f"z {rec['cell_text']} gives p {p:.2g}")
    note = "; ".join(out) + f" (two-sided normal); the text says both {claim['published_value']}"
    worst = max(p_value_z(_value(r["cell_text"])) for i, r in cells.items() if i.startswith("t4.z"))
    return Outcome("consistent" if ok else "discrepancy", f"{worst:.2g}", note, "recomputed")


def _p_values(cells: dict[str, dict]) -> dict[str, str]:
    """The printed p-values among the inputs, by id."""
    return {
        i: _p_of(r) for i, r in cells.items() if i.endswith((".p", ".p_within")) or ".between." in i
    }


def _baseline_balance(claim: dict, cells: dict[str, dict]) -> Outcome:
    """§3.1: the arms did not differ at baseline: no baseline p below 0.05."""
    ps = _p_values(cells)
    bad = [i for i, p in ps.items() if printed_interval(p, probability=True).high < 0.05]
    low = min(ps, key=lambda i: _value(ps[i]))
    note = f"{len(ps)} baseline p-values, smallest {ps[low]} ({low}); {len(bad)} below 0.05"
    return Outcome("consistent" if not bad else "discrepancy", f"min p {ps[low]}", note)


def _calcium_between(claim: dict, cells: dict[str, dict]) -> Outcome:
    """§3.3: the arms' calcium differed significantly at 6 months."""
    ((i, p),) = _p_values(cells).items()
    sig = printed_interval(p, probability=True).high < 0.05
    note = f"the text calls the arms' difference significant; {i} prints p {p}"
    return Outcome("consistent" if sig else "discrepancy", f"p {p}", note)


def _phosphorus_raised(claim: dict, cells: dict[str, dict]) -> Outcome:
    """§4: fortified milk raised phosphorus: a significant rise within HCM."""
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
    return Outcome("consistent" if ok else "discrepancy", "no rise in HCM", note)


def _all_sites(claim: dict, cells: dict[str, dict]) -> Outcome:
    """§3.2: a significant gain at every site; a fall, or no significant change, contradicts it."""
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
    return Outcome("discrepancy" if bad else "consistent", value, note)


_WORD_READINGS: dict[str, Callable[[dict, dict[str, dict]], Outcome]] = {
    "r3_3.ohd.z_p": _both_z_p,
    "q3_1.baseline_balance": _baseline_balance,
    "q3_3.calcium_between_m6": _calcium_between,
    "q4.phosphorus_raised": _phosphorus_raised,
    "q3_2.all_sites": _all_sites,
}
"""The claims in words that have a reading, by claim id."""


def _k_ci_significance(claim, ids, look):
    lo, hi = (look[i] for i in ids)
    r = check_ci_significance(low=lo["cell_text"], high=hi["cell_text"], p=">0.05").iloc[0]
    note = r["note"] + "; the text calls the cited difference not statistically significant"
    return Outcome(r["verdict"], "p < 0.05", note)


KINDS: dict[str, Callable[[dict, list[str], dict], Outcome]] = {
    "p_range": _k_p_range,
    "direction": _k_direction,
    "threshold": _k_threshold,
    "same_quantity": _k_same_quantity,
    "significance_claim": _k_significance,
    "ci_significance": _k_ci_significance,
}
"""The check of each ``check_kind`` this module reads, by name."""
