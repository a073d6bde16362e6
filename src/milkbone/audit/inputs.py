"""The printed values a claim names as its ``inputs``, looked up by id.

Each claim of ``published.claims()`` names the printed values it needs: table
``cell_id`` s (``t2.l1_4_bmd.statistic``) and prose ``prose_id`` s
(``r3_5.n_0_up``). :func:`printed_inputs` shows them as printed and as the number the
checks read; the private helpers give the checks every record by id, with "what if"
overrides of the printed text applied.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

import pandas as pd

from milkbone import published
from milkbone.published import parse as _parse
from milkbone.vocabulary import GROUPS

__all__ = ["printed_inputs"]

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


@functools.cache
def _lookup() -> dict[str, dict]:
    """Every printed cell, prose number, sentence, expansion, panel and fact by id, and
    the standard meaning of each abbreviation (``term:AST``, from ``data/curated``)."""
    out: dict[str, dict] = {}
    for n in published.TABLE_FILES:
        for rec in published.table(n).to_dict("records"):
            rec["source"] = f"t{n}"
            out[rec["cell_id"]] = rec
    for rec in published.prose().to_dict("records"):
        rec["source"] = "prose"
        rec["cell_text"] = rec["printed"]
        out[rec["prose_id"]] = rec
    for name, key, text in _WORDS_RESOURCES:
        for rec in published.resource(name).to_dict("records"):
            rec["source"] = name
            rec["cell_text"] = rec[text]
            out[rec[key]] = rec
    for rec in published.curated.terms().to_dict("records"):
        out[f"term:{rec['abbreviation']}"] = {
            **rec,
            "source": "curated",
            "cell_text": rec["standard"],
        }
    return out


_WORDS_RESOURCES = (
    ("sentences", "sentence_id", "opening"),
    ("abbreviations", "abbreviation_id", "expansion"),
    ("panels", "panel_id", "printed"),
    ("facts", "fact_id", "printed"),
)
"""The files of the paper's words (resource, id column, column shown as printed)."""


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


def _summary(rec: dict) -> tuple[str, str, int]:
    return str(rec["mean_text"]), str(rec["sd_text"]), int(rec["n"])


def _two_groups(ids: list[str], look: dict) -> tuple[dict, dict]:
    cells = [look[i] for i in ids if look[i].get("group") in GROUPS and "mean_text" in look[i]]
    by = {c["group"]: c for c in cells if str(c.get("mean_text", "")) not in ("", "nan", "<NA>")}
    if set(by) != set(GROUPS):
        raise ValueError(f"inputs {ids} do not hold an HCM and a CM mean ± SD")
    return by["HCM"], by["CM"]


def _desc(rec: dict) -> str:
    m, s, n = _summary(rec)
    return f"{m} ± {s} (n = {n})"


def _overridden(look: dict[str, dict], overrides: Mapping[str, str]) -> dict[str, dict]:
    """``look`` with the printed text of some ids replaced, their parsed fields following.

    A mean ± SD text sets ``mean_text`` and ``sd_text``, an arrow sets ``direction``,
    and a number sets whichever of ``value``, ``count`` and ``statistic`` the record has.
    """
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
    return look
