"""Checks of the paper's words against its other words: one fact in several places,
category bounds, tests named in the Methods and reported in the Results, software
versions, abbreviations, and figure panels.

Every check takes what the paper prints (text) and returns one row in the
:data:`~milkbone.audit.CHECK_COLUMNS` schema, with ``evidence`` ``"published"``: the
paper is compared with itself or with a standard, nothing is recomputed.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Mapping, Sequence

import pandas as pd

from milkbone.audit.results import CHECK_COLUMNS

__all__ = [
    "check_category_bounds",
    "check_expansions",
    "check_panel_letters",
    "check_same_fact",
    "check_tests_named",
    "check_versions",
    "normalise_term",
]


def _one(
    check: str,
    quantity: str,
    printed: str,
    recomputed: str,
    verdict: str,
    note: str,
    *,
    method: str = "the paper's words compared with each other or a standard",
    evidence: str = "published",
):
    """One row of a check of words (:data:`CHECK_COLUMNS`; no intervals)."""
    nan = math.nan
    row = dict(
        check=check,
        quantity=quantity,
        variant="",
        printed=printed,
        printed_low=nan,
        printed_high=nan,
        recomputed=recomputed,
        recomputed_low=nan,
        recomputed_high=nan,
        verdict=verdict,
        note=note,
        method=method,
        evidence=evidence,
    )
    return pd.DataFrame([row], columns=list(CHECK_COLUMNS))


def _require_places(name: str, values: Mapping[str, str], least: int = 1) -> None:
    if len(values) < least:
        raise ValueError(f"{name} needs at least {least} place(s), got {len(values)}")


def check_same_fact(values: Mapping[str, str], *, quantity: str = "fact") -> pd.DataFrame:
    """Is one fact, printed in several places, the same everywhere?

    Parameters
    ----------
    values : mapping of str to str
        Place → the fact in one comparable form (``"12 months"``, ``"0;6;12"``).
    quantity : str, default "fact"
        What the fact is, for the note.

    Returns
    -------
    DataFrame
        One row: ``consistent`` when every value is equal, else ``discrepancy`` with the
        distinct values and their places in ``note``.

    Raises
    ------
    ValueError
        If fewer than two places are given.

    Examples
    --------
    Paper §2.2 and §4: the diet was assessed at 0, 6 and 12 months, or monthly.

    >>> res = check_same_fact({"§2.2": "0;6;12", "§4": "0;monthly"}, quantity="diet")
    >>> res.loc[0, "verdict"], res.loc[0, "note"]
    ('discrepancy', "diet: '0;6;12' (§2.2); '0;monthly' (§4)")
    """
    _require_places("values", values, 2)
    distinct: dict[str, list[str]] = {}
    for place, value in values.items():
        distinct.setdefault(value, []).append(place)
    same = len(distinct) == 1
    stated = "; ".join(f"{v!r} ({', '.join(p)})" for v, p in distinct.items())
    note = f"{quantity}: " + (
        f"{next(iter(distinct))!r} in all {len(values)} places" if same else stated
    )
    return _one(
        "same_fact",
        quantity,
        " | ".join(values.values()),
        next(iter(distinct)) if same else f"{len(distinct)} different",
        "consistent" if same else "discrepancy",
        note,
    )


_INTERVAL = re.compile(r"^([\[(])\s*([-\d.]+)\s*,\s*([-\d.]+|inf)\s*([\])])$")


def _interval(text: str) -> tuple[float, float, bool, bool]:
    match = _INTERVAL.match(text.strip())
    if match is None:
        raise ValueError(f"bounds must be intervals such as '[20,inf)' or '(12,20)', got {text!r}")
    low, high = float(match[2]), math.inf if match[3] == "inf" else float(match[3])
    return low, high, match[1] == "[", match[4] == "]"


def check_category_bounds(bounds: Mapping[str, str]) -> pd.DataFrame:
    """Do category bounds tile their range, without a gap or an overlap?

    Parameters
    ----------
    bounds : mapping of str to str
        Category → its interval, ``[a,b)`` style (``inf`` for no upper bound).

    Returns
    -------
    DataFrame
        One row: ``consistent`` when, sorted by lower bound, each category begins
        where the one before ends and exactly one of them includes that point;
        ``discrepancy`` naming each gap or overlap.

    Raises
    ------
    ValueError
        If an interval cannot be read or fewer than two categories are given.

    Examples
    --------
    Table 4's footnotes: normal ≥ 20, insufficient 12 < x < 20, deficient < 12 ng/mL.

    >>> res = check_category_bounds({"normal": "[20,inf)", "insufficient": "(12,20)",
    ...                              "deficient": "[0,12)"})
    >>> res.loc[0, "verdict"], res.loc[0, "note"]
    ('discrepancy', 'gap: 12 is in neither deficient nor insufficient')
    """
    _require_places("bounds", bounds, 2)
    ordered = sorted(bounds.items(), key=lambda kv: _interval(kv[1])[:2])
    faults = []
    for (a, ia), (b, ib) in itertools.pairwise(ordered):
        (_, high, _, closed_high), (low, _, closed_low, _) = _interval(ia), _interval(ib)
        if high < low or (high == low and not (closed_high or closed_low)):
            faults.append(
                f"gap: {high:g} is in neither {a} nor {b}"
                if high == low
                else f"gap: ({high:g}, {low:g}) is in no category"
            )
        elif high > low or (closed_high and closed_low):
            faults.append(
                f"overlap: {low:g} is in both {a} and {b}"
                if high == low
                else f"overlap: {a} and {b} share ({low:g}, {high:g})"
            )
    note = "; ".join(faults) or f"the {len(bounds)} categories tile the range"
    return _one(
        "category_bounds",
        "bounds",
        " | ".join(f"{k} {v}" for k, v in bounds.items()),
        "tile" if not faults else f"{len(faults)} fault(s)",
        "discrepancy" if faults else "consistent",
        note,
    )


def check_tests_named(test: str, *, methods: Sequence[str], results: Sequence[str]) -> pd.DataFrame:
    """Is a test whose output the Results report described in the Methods?

    Parameters
    ----------
    test : str
        The test or method.
    methods, results : sequence of str
        The places in the Methods, and in the Results (text, captions, footnotes), that
        name it.

    Returns
    -------
    DataFrame
        One row: ``consistent`` when both name it; ``discrepancy`` when the Results
        report it and the Methods do not describe it; ``not-verifiable`` when only the
        Methods name it (no output of it is reported, so whether and where it was used
        cannot be told).

    Raises
    ------
    ValueError
        If neither names it.

    Examples
    --------
    >>> check_tests_named("Spearman", methods=[], results=["s3_7.p1.s2"]).loc[0, "verdict"]
    'discrepancy'
    >>> check_tests_named("t-test", methods=["s2_5.p1.s2"], results=["table2.footnote.s2"]
    ...                   ).loc[0, "verdict"]
    'consistent'
    """
    if not methods and not results:
        raise ValueError(f"test {test!r}: no place names it")
    if methods and results:
        verdict, note = "consistent", "described in the Methods and reported in the Results"
    elif results:
        verdict, note = "discrepancy", "reported in the Results, described nowhere in the Methods"
    else:
        verdict, note = "not-verifiable", "described in the Methods; no output of it is reported"
    places = f"Methods: {', '.join(methods) or 'none'}; Results: {', '.join(results) or 'none'}"
    return _one(
        "tests_named", test, test, f"{len(methods)} / {len(results)}", verdict, f"{note} ({places})"
    )


def check_versions(name: str, versions: Mapping[str, str]) -> pd.DataFrame:
    """Do the places naming one piece of software or database agree on its version?

    Parameters
    ----------
    name : str
        The software or database.
    versions : mapping of str to str
        Place → the version printed there (empty when none is).

    Returns
    -------
    DataFrame
        One row: ``consistent`` when one version is printed (as often as it is);
        ``discrepancy`` when two differ; ``not-verifiable`` when none is printed, so
        the analysis cannot be repeated with the same release.

    Examples
    --------
    >>> check_versions("QIIME", {"s2_4.p2.s5": "1.9.0"}).loc[0, "verdict"]
    'consistent'
    >>> check_versions("KEGG", {"s2_4.p3.s6": "", "s3_5.p3.s2": ""}).loc[0, "verdict"]
    'not-verifiable'
    """
    _require_places("versions", versions)
    printed = sorted({v for v in versions.values() if v})
    if not printed:
        verdict, note = "not-verifiable", f"named {len(versions)} time(s), no version printed"
    elif len(printed) == 1:
        verdict, note = "consistent", f"version {printed[0]}, named {len(versions)} time(s)"
    else:
        verdict, note = "discrepancy", f"versions {', '.join(printed)} printed for one {name}"
    return _one(
        "software_version",
        name,
        " | ".join(printed) or "no version",
        printed[0] if len(printed) == 1 else "",
        verdict,
        note,
    )


def normalise_term(text: str) -> str:
    """An expansion in one form for comparison: lower case, dashes and hyphens as spaces,
    ``human`` and a plural ``s`` dropped, spaces collapsed.

    Examples
    --------
    >>> normalise_term("High Calcium Milk Group"), normalise_term("casein phosphopeptides")
    ('high calcium milk group', 'casein phosphopeptide')
    """
    t = re.sub(r"[\u2010-\u2015\-\u202f]", " ", text.lower())
    t = re.sub(r"\bhuman\b", " ", t)
    t = " ".join(t.split())
    return re.sub(r"(?<=[a-z]{3})s$", "", t)


def check_expansions(
    abbreviation: str, expansions: Mapping[str, str], *, standard: Sequence[str] = ()
) -> pd.DataFrame:
    """Do the paper's expansions of an abbreviation agree, and with its standard meaning?

    Parameters
    ----------
    abbreviation : str
        The short form.
    expansions : mapping of str to str
        Place → the expansion printed there.
    standard : sequence of str, optional
        Accepted forms of the standard meaning; empty for a term the paper coins (its
        arm names), whose expansions are only compared with each other.

    Returns
    -------
    DataFrame
        One row: ``discrepancy`` when, compared by :func:`normalise_term`, two
        expansions differ or one contains no accepted standard form; ``consistent``
        otherwise; ``not-verifiable`` when a coined term is printed once (nothing to
        compare it with).

    Examples
    --------
    Tables 2 and 3 expand AST two ways, neither the standard aspartate aminotransferase.

    >>> res = check_expansions("AST", {"Table 2": "aminotransferase",
    ...     "Table 3": "alanine transaminase"}, standard=["aspartate aminotransferase"])
    >>> res.loc[0, "verdict"]
    'discrepancy'
    >>> res = check_expansions("OC", {"Table 2": "osteocalcin"}, standard=["osteocalcin"])
    >>> res.loc[0, "verdict"]
    'consistent'
    """
    _require_places("expansions", expansions)
    forms = {normalise_term(e) for e in expansions.values()}
    accepted = [normalise_term(s) for s in standard]
    off = [
        p
        for p, e in expansions.items()
        if accepted and not any(a in normalise_term(e) for a in accepted)
    ]
    faults = []
    if len(forms) > 1:
        faults.append(f"{len(forms)} different expansions")
    if off:
        faults.append(f"not the standard meaning ({standard[0]}) in {', '.join(off)}")
    listed = "; ".join(f"{e!r} ({p})" for p, e in expansions.items())
    if faults:
        verdict = "discrepancy"
    elif not accepted and len(expansions) == 1:
        verdict = "not-verifiable"
        faults.append("coined by the paper and printed once")
    else:
        verdict = "consistent"
    note = f"{abbreviation}: {listed}" + (f": {'; '.join(faults)}" if faults else "")
    return _one(
        "abbreviation",
        abbreviation,
        " | ".join(expansions.values()),
        standard[0] if standard else "",
        verdict,
        note,
    )


def check_panel_letters(
    figure: int, *, caption: Sequence[str], cited: Sequence[str]
) -> pd.DataFrame:
    """Does a caption describe panels A, B, C … once each, and every panel the text cites?

    Parameters
    ----------
    figure : int
        The figure number.
    caption : sequence of str
        The panel letters the caption describes, in the order printed.
    cited : sequence of str
        The panel letters the text refers to.

    Returns
    -------
    DataFrame
        One row: ``discrepancy`` when a letter repeats, a letter is skipped, or the
        text cites a panel the caption does not describe; ``consistent`` otherwise.

    Examples
    --------
    Figure 2's caption describes (A), (B), (B), (D); §3.2 cites 2A, 2B, 2C and 2D.

    >>> res = check_panel_letters(2, caption=list("ABBD"), cited=list("ABCD"))
    >>> res.loc[0, "note"]
    'caption A, B, B, D: B twice; C missing; the text cites C, which the caption does not describe'
    """
    if not caption:
        raise ValueError(f"Figure {figure}: the caption describes no panel")
    expected = [chr(c) for c in range(ord("A"), ord(max(caption)) + 1)]
    faults = [f"{x} twice" for x in sorted({x for x in caption if caption.count(x) > 1})]
    faults += [f"{x} missing" for x in expected if x not in caption]
    stray = sorted(set(cited) - set(caption))
    if stray:
        faults.append(f"the text cites {', '.join(stray)}, which the caption does not describe")
    note = f"caption {', '.join(caption)}: " + (
        "; ".join(faults) or "each panel once, every cited panel described"
    )
    return _one(
        "panel_letters",
        f"Figure {figure}",
        " ".join(f"({x})" for x in caption),
        " ".join(expected),
        "discrepancy" if faults else "consistent",
        note,
    )
