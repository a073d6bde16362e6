"""The paper's prose as the transcription reads it: parts, paragraphs and sentences.

:func:`paragraphs` walks the text file line by line and gives every paragraph of prose
its part (the Abstract's headed paragraphs, Introduction, Methods, Results, Discussion,
a figure caption or a table footnote), its section and its number in that section;
:func:`sentences` splits a paragraph into sentences. Both are read by code from the
paper, so a new text file gives new rows, never stale ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from milkbone.published.transcribe.paper import Paper
from milkbone.published.transcribe.terms import DIRECTION_WORDS, SOFTWARE, TESTS, found, versions

__all__ = [
    "ABSTRACT_HEADS",
    "PARTS",
    "Paragraph",
    "paragraphs",
    "sentence_rows",
    "sentence_text",
    "sentences",
]

ABSTRACT_HEADS = {
    "Background": "background",
    "Methods": "methods",
    "Results": "results",
    "Conclusions": "conclusions",
    "Clinical trial registry number": "registry",
}
"""The Abstract's headed paragraphs (as printed) and their short names."""

PARTS = ("abstract", "introduction", "methods", "results", "discussion", "caption", "footnote")
"""The parts of the paper a paragraph can belong to."""

_HEADING = re.compile(r"^\s?(\d+(?:\.\d+)*) [A-Z][^.]*$")
_FIGURE = re.compile(r"^\s?FIGURE (\d+)\s*$")
_TABLE = re.compile(r"^TABLE (\d+) ")
_LIST_ITEM = re.compile(r"^\t\(\d+\) ")
_PARTS = {"1": "introduction", "2": "methods", "3": "results", "4": "discussion"}
_NO_BREAK = re.compile(
    r"(?:\b(?:Co|Ltd|Inc|Corp|vs|spp|al|No|approx|Fig|e\.g|i\.e)|(?:^|\s)[A-Z])\.$"
)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of prose: where it is and what it says.

    ``key`` names it uniquely: ``abstract.results``, ``s3_2.p1`` (section 3.2, first
    paragraph), ``fig2.caption``, ``table3.footnote``.
    """

    key: str
    part: str
    section: str
    number: int
    line: int
    text: str


def _body_part(section: str) -> str:
    return _PARTS.get(section.split(".")[0], "other")


def paragraphs(paper: Paper) -> list[Paragraph]:
    """Every paragraph of prose, captions and table footnotes, in the order printed.

    Table rows (lines starting with a tab, except numbered list items such as
    ``(1) The high-calcium milk group…``), headings, table titles, images and the
    front matter before the Abstract are skipped. A table's footnote is the first
    paragraph after its rows, unless a line of spaces (the end of the table block)
    comes first.

    Examples
    --------
    >>> text = ("Background: A. B.\\n2 Methods\\n2.1 Study\\nWe studied 10.\\nTABLE 1 Milk\\n"
    ...         " \\tFat\\t3\\nFat, g.\\n FIGURE 1\\n Flow. BMD, bone mineral density.")
    >>> [(p.key, p.part) for p in paragraphs(Paper(text))]  # doctest: +NORMALIZE_WHITESPACE
    [('abstract.background', 'abstract'), ('s2_1.p1', 'methods'),
     ('table1.footnote', 'footnote'), ('fig1.caption', 'caption')]
    """
    out: list[Paragraph] = []
    section, counts, table, figure, started, closed = "", {}, None, None, False, False
    for number, raw in enumerate(paper.lines, start=1):
        line = raw.strip()
        if raw and not line:
            closed = True  # a line of spaces after the rows ends the table: no footnote
        head = next((h for h in ABSTRACT_HEADS if line.startswith(f"{h}:")), None)
        if head:
            started = True
            body = line[len(head) + 1 :].strip()
            out.append(
                Paragraph(
                    f"abstract.{ABSTRACT_HEADS[head]}",
                    "abstract",
                    "Abstract",
                    len(out) + 1,
                    number,
                    body,
                )
            )
            continue
        if not started or not line or line.startswith("[image"):
            continue
        if raw.startswith((" \t", "\t")) and not _LIST_ITEM.match(raw):
            closed = False  # a table row
            continue
        if match := _HEADING.match(raw):
            section, table = match.group(1), None
            continue
        if match := _FIGURE.match(raw):
            figure = match.group(1)
            continue
        if match := _TABLE.match(line):
            table = match.group(1)
            continue
        if figure is not None:
            out.append(Paragraph(f"fig{figure}.caption", "caption", section, 1, number, line))
            figure = None
        elif table is not None and not closed:
            out.append(Paragraph(f"table{table}.footnote", "footnote", section, 1, number, line))
            table = None
        else:
            table = None
            counts[section] = counts.get(section, 0) + 1
            key = f"s{section.replace('.', '_')}.p{counts[section]}"
            out.append(Paragraph(key, _body_part(section), section, counts[section], number, line))
    return out


def sentences(text: str) -> list[str]:
    """A paragraph split into sentences at ``.``, ``?`` or ``!`` before a capital or digit.

    A full stop after a common abbreviation (``Co.``, ``Ltd.``, ``spp.``, ``e.g.``) or
    a single capital (an initial, as in ``M. anisopliae``) does not end a sentence.

    Examples
    --------
    >>> sentences("It rose (p = 0.003). Sanyuan Foods Co., Ltd. made it. M. anisopliae grew.")
    ['It rose (p = 0.003).', 'Sanyuan Foods Co., Ltd. made it.', 'M. anisopliae grew.']
    """
    out, start = [], 0
    for match in re.finditer(r"[.?!](?=\s+[A-Z0-9(\[①-⑩])", text):
        end = match.end()
        if _NO_BREAK.search(text[start:end]):
            continue
        out.append(text[start:end].strip())
        start = end
    rest = text[start:].strip()
    return [*out, rest] if rest else out


def sentence_rows(paper: Paper) -> list[dict]:
    """``sentences.csv``: every sentence of the prose, captions and footnotes, located.

    Columns ``sentence_id`` (``abstract.results.s2``: paragraph key and number),
    ``part``, ``section``, ``paragraph``, ``sentence``, ``opening`` (its first six words,
    as printed, to find it), ``words`` (the direction and extent words it uses),
    ``tests`` (the statistical tests and methods it names), ``software`` (software and
    databases named, ``name=version`` where a version is printed), ``source_line``;
    lists are ``;``-separated. The sentence itself is not copied.
    """
    out = []
    for paragraph in paragraphs(paper):
        for n, text in enumerate(sentences(paragraph.text), start=1):
            printed = versions(text)
            software = [
                f"{name}={printed[name]}" if name in printed else name
                for name in found(text, SOFTWARE)
            ]
            out.append(
                {
                    "sentence_id": f"{paragraph.key}.s{n}",
                    "part": paragraph.part,
                    "section": paragraph.section,
                    "paragraph": paragraph.number,
                    "sentence": n,
                    "opening": " ".join(text.split()[:6]),
                    "words": ";".join(found(text, DIRECTION_WORDS, ignore_case=True)),
                    "tests": ";".join(found(text, TESTS)),
                    "software": ";".join(software),
                    "source_line": paragraph.line,
                }
            )
    return out


def sentence_text(paper: Paper) -> dict[str, str]:
    """Every sentence's text by ``sentence_id`` (for looking printed fragments up)."""
    return {
        f"{p.key}.s{n}": text
        for p in paragraphs(paper)
        for n, text in enumerate(sentences(p.text), start=1)
    }
