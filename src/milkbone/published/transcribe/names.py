"""Abbreviations and figure panels, read by code from the paper's prose, captions and footnotes.

:func:`abbreviation_rows` finds every expansion the paper prints: the lists of captions
and table footnotes (``BMD, bone mineral density; CM, control milk group.``) and the
definitions in running text (``bone mineral density (BMD)``), whose long form is found
by the Schwartz–Hearst algorithm (:func:`long_form`). :func:`panel_rows` lists the panel
letters each caption describes and each panel the text refers to.
"""

from __future__ import annotations

import re

from milkbone.published.transcribe.text import Paragraph, sentences

__all__ = ["abbreviation_rows", "letters", "long_form", "panel_rows"]

_LIST_ITEM = re.compile(r"^(?P<short>[^,;\s][^,;]{0,11}?), (?P<long>[^;]+)$")
_INLINE = re.compile(r"(?<=\s)[(\[](?P<short>[^()\[\];,]{1,12}?(?:\(OH\)[^()\[\];,]*)?)[;,)\]]")
_SHORT = re.compile(r"(?=.*[A-Z])[A-Za-z0-9][A-Za-z0-9()/\-– ]*")
_UNSEPARATED = re.compile(r" (?=[A-Z]+\d+, )")
"""A list item run into the next without its semicolon (``…pre-intervention HCM6, …``)."""


def _is_short(text: str) -> bool:
    """An abbreviation, not a word: more than a capital followed by lower-case letters."""
    return not re.fullmatch(r"[A-Z]?[a-z]+", text.strip())


def long_form(before: str, short: str) -> str:
    """The long form that ``short`` abbreviates in the words ``before`` it, or ``""``.

    Schwartz & Hearst (2003, *Pac. Symp. Biocomput.* 8:451): match the short form's
    letters and digits right to left in the words before the parenthesis, the first
    one at the start of a word; at most ``min(len + 5, 2 × len)`` words. A short form
    whose digits the long form does not spell (``L1-4 BMD``) is matched on its
    letters.

    Examples
    --------
    >>> long_form("randomly assigned to a high-calcium milk group", "HCM")
    'high-calcium milk group'
    >>> long_form("increased lumbar spine bone mineral density", "L1-4 BMD")
    'lumbar spine bone mineral density'
    >>> long_form("collected in PSP tubes", "Stratec")
    ''
    """
    chars = [c.lower() for c in re.sub(r" values?$", "", short) if c.isalnum()]
    words = before.split()
    window = " ".join(words[-min(len(chars) + 5, 2 * len(chars)) :])
    found = _match(chars, window)
    letters_only = [c for c in chars if c.isalpha()]
    if not found and len(letters_only) >= 2 and len(letters_only) < len(chars):
        found = _match(letters_only, window)
    return found


def _match(chars: list[str], text: str) -> str:
    low = text.lower()
    i = len(low) - 1
    for k in range(len(chars) - 1, -1, -1):
        while i >= 0 and (low[i] != chars[k] or (k == 0 and i > 0 and low[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return ""
        i -= 1
    return text[i + 1 :] if chars else ""


def _where(paragraph: Paragraph, n: int) -> dict:
    return {
        "sentence_id": f"{paragraph.key}.s{n}",
        "part": paragraph.part,
        "source_line": paragraph.line,
    }


def abbreviation_rows(paragraphs: list[Paragraph]) -> list[dict]:
    """``abbreviations.csv``: one row per expansion printed, in the order printed.

    Columns ``abbreviation_id`` (``a01``…), ``abbreviation`` and ``expansion`` as
    printed, ``style`` (``list``: a caption's or footnote's list; ``inline``: a
    definition in parentheses), ``sentence_id``, ``part``, ``source_line``, ``flag``
    (``separator_missing`` for a list item run into the one before) and ``reading``.
    """
    out = []
    for paragraph in paragraphs:
        for n, sentence in enumerate(sentences(paragraph.text), start=1):
            for short, expansion, style, flag in _definitions(sentence):
                out.append(
                    {
                        "abbreviation_id": f"a{len(out) + 1:02d}",
                        "abbreviation": short,
                        "expansion": expansion,
                        "style": style,
                        **_where(paragraph, n),
                        "flag": flag,
                        "reading": "no semicolon before it in the list: split at its short form"
                        if flag
                        else "",
                    }
                )
    return out


def _definitions(sentence: str) -> list[tuple[str, str, str, str]]:
    """(short, long, style, flag) of every definition in one sentence."""
    items = [i.strip() for i in re.split(r";|\. (?=\*)", sentence.rstrip("."))]
    split = [_UNSEPARATED.split(i) for i in items]
    items = [part for parts in split for part in parts]
    joined = {parts[k] for parts in split for k in range(1, len(parts))}
    listed = [m for m in (_LIST_ITEM.match(i) for i in items) if m and _is_short(m["short"])]
    marks = [i for i in items if i.startswith("*")]  # significance marks: *p < 0.05
    if len(listed) > 1 and len(listed) + len(marks) == len(items):
        return [
            (
                m["short"].strip(),
                m["long"].strip(),
                "list",
                "separator_missing" if m.string in joined else "",
            )
            for m in listed
        ]
    out = []
    for match in _INLINE.finditer(sentence):
        short = match["short"].strip()
        if not _SHORT.fullmatch(short) or re.fullmatch(r"[A-Z](,[A-Z])*|\d+", short):
            continue
        expansion = long_form(sentence[: match.start()].rstrip(" ,"), short)
        if expansion:
            out.append((short, expansion, "inline", ""))
    return out


def letters(printed: str) -> list[str]:
    """Panel letters of ``"A"``, ``"A,B"`` or ``"C–I"`` (a range), in order.

    Examples
    --------
    >>> letters("C–I"), letters("B,C"), letters("D")
    (['C', 'D', 'E', 'F', 'G', 'H', 'I'], ['B', 'C'], ['D'])
    """
    out = []
    for part in printed.split(","):
        a, _, b = part.strip().partition("–")
        out.extend(chr(c) for c in range(ord(a), ord(b or a) + 1))
    return out


_CAPTION_PANEL = re.compile(r"^\((?P<letters>[A-Z](?:[,–][A-Z])*)\) (?P<description>.+)$")
_REFERENCE = re.compile(r"Figures? (?P<figure>\d)(?P<letters>[A-Z](?:[,–][A-Z])*)?\b")


def panel_rows(paragraphs: list[Paragraph]) -> list[dict]:
    """``figure_panels.csv``: each panel a caption describes and each figure reference.

    Columns ``panel_id``, ``figure`` (number), ``kind`` (``caption`` or ``reference``),
    ``printed`` (``(B)``, ``Figures 2B,C``), ``letters`` (expanded, ``;``-separated;
    empty for a reference to a whole figure), ``description`` (a caption panel's text),
    ``sentence_id``, ``part``, ``source_line``.
    """
    out = []
    for paragraph in paragraphs:
        for n, sentence in enumerate(sentences(paragraph.text), start=1):
            found = []
            if paragraph.part == "caption" and (m := _CAPTION_PANEL.match(sentence)):
                figure = int(paragraph.key.removeprefix("fig").split(".")[0])
                description = m["description"].rstrip(".")
                found.append((figure, "caption", f"({m['letters']})", m["letters"], description))
            for m in _REFERENCE.finditer(sentence):
                found.append((int(m["figure"]), "reference", m.group(), m["letters"] or "", ""))
            for figure, kind, printed, panels, description in found:
                out.append(
                    {
                        "panel_id": f"p{len(out) + 1:02d}",
                        "figure": figure,
                        "kind": kind,
                        "printed": printed,
                        "letters": ";".join(letters(panels)) if panels else "",
                        "description": description,
                        **_where(paragraph, n),
                    }
                )
    return out
