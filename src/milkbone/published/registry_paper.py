"""Claims of the whole paper beyond its numbers: the Abstract's and the Discussion's
claims, facts printed in two places, tests named, software versions, abbreviations and
figure panels.

Each family is built from a file the transcription wrote by code from the paper
(``sentences.csv``, ``abbreviations.csv``, ``figure_panels.csv``, ``statements.csv``,
``facts.csv``); :func:`paper_claims` returns their registry rows.
"""

from __future__ import annotations

import re

import pandas as pd

from milkbone.published.registry_rows import WORD_KINDS, claim_row

__all__ = ["ACROSS", "WORD_KINDS", "abbreviation_key", "paper_claims", "where"]

ACROSS = "across"
"""The ``section`` of a claim that compares several sections of the paper."""


def where(sentence: pd.Series) -> str:
    """A sentence's place, in words: ``Abstract (Results), sentence 1``, ``§4, paragraph 7,
    sentence 2``, ``Figure 2 caption, sentence 3``, ``Table 4 footnote, sentence 1``.

    Examples
    --------
    >>> where(pd.Series({"sentence_id": "s4.p7.s2", "part": "discussion", "section": "4",
    ...                  "paragraph": 7, "sentence": 2}))
    '§4, paragraph 7, sentence 2'
    """
    key, n = sentence["sentence_id"].rsplit(".s", 1)
    if sentence["part"] == "abstract":
        return f"Abstract ({key.split('.')[1].capitalize()}), sentence {n}"
    if sentence["part"] in ("caption", "footnote"):
        number = re.sub(r"\D", "", key.split(".")[0])
        kind = "Figure" if sentence["part"] == "caption" else "Table"
        return f"{kind} {number} {sentence['part']}, sentence {n}"
    return f"§{sentence['section']}, paragraph {sentence['paragraph']}, sentence {n}"


def _across(
    claim_id: str,
    *,
    location: str,
    quantity: str,
    printed: str,
    kind: str,
    inputs: list[str],
    context: str = "",
) -> dict:
    """A claim comparing places across the paper (no arm, no visit)."""
    return claim_row(
        claim_id=claim_id,
        section=ACROSS,
        location=location,
        quantity=quantity,
        published_value=printed,
        groups="",
        timepoint="",
        check_kind=kind,
        inputs=";".join(inputs),
        context=context,
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def abbreviation_key(printed: str) -> str:
    """The abbreviation an expansion belongs to: dashes unified, a trailing ``-`` or
    `` value`` and narrow spaces dropped.

    Examples
    --------
    >>> abbreviation_key("IGF-"), abbreviation_key("FC value"), abbreviation_key("L1–4")
    ('IGF', 'FC', 'L1-4')
    """
    key = printed.replace("\u202f", " ").replace("–", "-").strip()
    return re.sub(r"(-| values?)$", "", key)


def _statement_claims(statements: pd.DataFrame, places: pd.DataFrame) -> list[dict]:
    out = []
    for s in statements.to_dict("records"):
        sentence = places.loc[s["sentence_id"]]
        inputs = [i for i in s["rests_on"].split(";") if i]
        context = [s["compare"] and f"compare {s['compare']}", s["check_note"]]
        out.append(
            claim_row(
                claim_id=s["statement_id"],
                section=str(sentence["section"]),
                location=where(sentence),
                quantity=s["quantity"],
                published_value=s["printed"],
                groups="",
                timepoint=s["timepoint"],
                check_kind="supported_by",
                inputs=";".join(inputs),
                context="; ".join(filter(None, context)),
            )
        )
    return out


_FACT_KINDS = {"same": "same_fact", "bounds": "category_bounds", "count": "listed_count"}


def _fact_claims(facts: pd.DataFrame, places: pd.DataFrame) -> list[dict]:
    out = []
    for fact, rows in facts.groupby("fact", sort=False):
        kind = rows["kind"].iloc[0]
        name = fact.replace("_", " ")
        quantity = {
            "same": f"{name}, stated in {len(rows)} places",
            "bounds": f"{name}: the categories' bounds",
            "count": f"a count stated before the list it counts ({rows['check_note'].iloc[0]})",
        }[kind]
        out.append(
            _across(
                f"f.{fact}",
                location="; ".join(where(places.loc[i]) for i in rows["sentence_id"]),
                quantity=quantity,
                printed=" | ".join(rows["printed"]),
                kind=_FACT_KINDS[kind],
                inputs=list(rows["fact_id"]),
                context="; ".join(filter(None, rows["check_note"])),
            )
        )
    return out


def _named_claims(sentences: pd.DataFrame, column: str, kind: str, prefix: str) -> list[dict]:
    """One claim per test (or software) the sentences name, with the sentences naming it."""
    named: dict[str, list[str]] = {}
    for s in sentences.to_dict("records"):
        for item in filter(None, s[column].split(";")):
            named.setdefault(item.split("=")[0], []).append(s["sentence_id"])
    what = "test or method" if column == "tests" else "software or database"
    return [
        _across(
            f"{prefix}.{_slug(name)}",
            location="; ".join(ids[:6]) + (" …" if len(ids) > 6 else ""),
            quantity=f"{what} {name}: where the paper names it",
            printed=name,
            kind=kind,
            inputs=ids,
        )
        for name, ids in named.items()
    ]


def _abbreviation_claims(abbreviations: pd.DataFrame) -> list[dict]:
    keys = abbreviations["abbreviation"].map(abbreviation_key)
    return [
        _across(
            f"ab.{_slug(key) or 'symbol_' + str(ord(key[0]))}",
            location="; ".join(rows["sentence_id"]),
            quantity=f"expansion of {key}, printed {len(rows)} time(s)",
            printed=" | ".join(rows["expansion"]),
            kind="abbreviation",
            inputs=list(rows["abbreviation_id"]),
        )
        for key, rows in abbreviations.groupby(keys, sort=False)
    ]


def _panel_claims(panels: pd.DataFrame) -> list[dict]:
    out = []
    for figure, rows in panels.groupby("figure"):
        caption = rows[rows["kind"] == "caption"]
        if not caption.empty:
            out.append(
                _across(
                    f"fig{figure}.panels",
                    location=f"Figure {figure} caption and the text's references to it",
                    quantity=f"panel letters of Figure {figure}: caption against the text",
                    printed=" ".join(caption["printed"]),
                    kind="panel_letters",
                    inputs=list(rows["panel_id"]),
                )
            )
    return out


def paper_claims(
    *,
    sentences: pd.DataFrame,
    abbreviations: pd.DataFrame,
    panels: pd.DataFrame,
    statements: pd.DataFrame,
    facts: pd.DataFrame,
) -> list[dict]:
    """Registry rows of the whole paper's words: statements, facts, tests, software,
    abbreviations, panels, in that order.

    Examples
    --------
    >>> from milkbone import published
    >>> rows = paper_claims(**{n: published.resource(n) for n in
    ...     ("sentences", "abbreviations", "panels", "statements", "facts")})
    >>> sorted({r["check_kind"] for r in rows})  # doctest: +NORMALIZE_WHITESPACE
    ['abbreviation', 'category_bounds', 'listed_count', 'panel_letters', 'same_fact',
     'software_version', 'supported_by', 'tests_named']
    """
    places = sentences.set_index("sentence_id", drop=False)
    return (
        _statement_claims(statements, places)
        + _fact_claims(facts, places)
        + _named_claims(sentences, "tests", "tests_named", "tn")
        + _named_claims(sentences, "software", "software_version", "sw")
        + _abbreviation_claims(abbreviations)
        + _panel_claims(panels)
    )
