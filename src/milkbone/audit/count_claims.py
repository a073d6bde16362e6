"""Claims of a count: sums of printed counts against a printed total, and counts of
listed items (Table 5 rows by phase and arrow, named metabolites, row numbers) against
the counts the text states.

:data:`KINDS` maps ``check_kind`` to the functions that read such claims.
"""

from __future__ import annotations

from collections.abc import Callable

from milkbone.audit.counts import check_count, check_numbering, check_sum
from milkbone.audit.formatting import Outcome
from milkbone.audit.inputs import _number_text, _value

__all__ = ["KINDS"]


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
    return Outcome("consistent" if ok else "discrepancy", value, note)


def _phase(rec: dict) -> str:
    return f"m{int(rec['month'])}"


def _k_list_count(claim, ids, look):
    cid = claim["claim_id"]
    cells = [look[i] for i in ids]
    if cid == "t5.numbering":
        numbers = [int(c["value"]) for c in cells]
        r = check_numbering(numbers).iloc[0]
        return Outcome(r["verdict"], f"{len(set(numbers))} distinct of {len(numbers)}", r["note"])
    if all(c["source"] == "prose" for c in cells):  # counts stated in the prose
        return _prose_counts(claim, cells)
    # counts of Table 5 rows by phase and/or arrow
    rows: dict[int, dict] = {}
    for c in cells:
        rows.setdefault(int(c["row_position"]), {})[c["column"]] = c
    if cid == "q3_5.reduced_list":
        return _reduced_list(claim, rows, look)
    return _table5_count(claim, rows, look)


def _prose_counts(claim: dict, cells: list[dict]) -> Outcome:
    """A count stated in the prose against the counts it adds up (up + down, periods)."""
    parts = [_count_of(c) for c in cells]
    covered = sorted({c["timepoint"] for c in cells})
    claimed = set(str(claim["timepoint"]).split(";"))
    stated = int(_value(_number_text(claim["published_value"])))
    if len(parts) == 4:  # total = up + down = sum over the periods
        res = [check_sum(parts[:2], total=stated), check_sum(parts[2:], total=stated)]
        ok = [r.iloc[0]["verdict"] == "consistent" for r in res]
        note = "; ".join(r.iloc[0]["note"] for r in res)
        if all(ok):
            return Outcome("consistent", str(stated), note)
        if ok[0]:
            return Outcome(
                "consistent",
                str(stated),
                note + "; the periods' gap may be the unreported baseline count",
            )
        return Outcome("discrepancy", str(sum(parts[:2])), note)
    r = check_sum(parts, total=stated).iloc[0]
    s = int(r["recomputed"])
    if r["verdict"] != "consistent" and s < stated and not claimed <= set(covered):
        return Outcome(
            "not-verifiable",
            str(s),
            r["note"] + f"; the parts cover only {covered} and no baseline count is printed",
            "not-verifiable",
        )
    return Outcome(r["verdict"], str(s), r["note"])


def _reduced_list(claim: dict, rows: dict[int, dict], look: dict) -> Outcome:
    """Metabolites named as reduced against the Table 5 rows marked ↓ in those periods."""
    items = [x for x in claim["published_value"].split(",") if x.strip()]
    months = set(str(claim["timepoint"]).split(";"))
    hits = [
        p
        for p, r in rows.items()
        if r["variation"]["direction"] == "down" and _phase(r["variation"]) in months
    ]
    found = [look[f"t5.r{p:02d}.name"]["cell_text"] for p in sorted(hits)]
    res = check_count(items, stated=len(hits)).iloc[0]
    note = (
        f"{len(items)} metabolites named; Table 5 marks {len(hits)} ↓ at "
        f"{', '.join(sorted(months))}: {', '.join(found)}"
    )
    return Outcome(res["verdict"], str(len(hits)), note)


def _table5_count(claim: dict, rows: dict[int, dict], look: dict) -> Outcome:
    """A stated count against the Table 5 rows of its phase and/or arrow."""
    cid, printed = claim["claim_id"], claim["published_value"]
    want_phase = None if ";" in str(claim["timepoint"]) else str(claim["timepoint"])
    want_dir = look.get(cid, {}).get("direction") or None

    def in_phase(p: int) -> bool:
        return want_phase is None or _phase(next(iter(rows[p].values()))) == want_phase

    selected = [
        p
        for p, r in rows.items()
        if in_phase(p) and (want_dir is None or r.get("variation", {}).get("direction") == want_dir)
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
        by_fc = [
            p
            for p in rows
            if in_phase(p) and (float(look[f"t5.r{p:02d}.fc"]["value"]) > 1) == (want_dir == "up")
        ]
        note += f" ({len(by_fc)} if the arrows followed the fold changes)"
    return Outcome(res["verdict"], str(len(selected)), note)


KINDS: dict[str, Callable[[dict, list[str], dict], Outcome]] = {
    "counts_sum": _k_counts_sum,
    "list_count": _k_list_count,
}
"""The check of each ``check_kind`` this module reads, by name."""
