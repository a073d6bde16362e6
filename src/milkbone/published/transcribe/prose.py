"""The numbers stated in the prose and the participant flow, read from their typed tables.

Each printed value is looked up in the paper (:meth:`Paper.find`) and read into a
number and a comparator (:func:`read_printed`).
"""

from __future__ import annotations

import re

from milkbone.published.parse import parse_number
from milkbone.published.registry_rows import expand_inputs
from milkbone.published.transcribe.paper import Paper
from milkbone.published.transcribe.prose_table import FLOW_TABLE, PROSE_TABLE
from milkbone.published.transcribe.text import paragraphs

__all__ = ["FLOW_COLUMNS", "PROSE_COLUMNS", "WORDS", "flow_rows", "prose_rows", "read_printed"]

WORDS = {
    "one-year": 1,
    "seven": 7,
    "two": 2,
    "three": 3,
    "five": 5,
    "six": 6,
    "Ten nanograms": 10,
    "One hundred milligrams": 100,
    "No significant change": 0,  # read as a count of significant changes
}
PROSE_COLUMNS = (
    "prose_id",
    "section",
    "paragraph",
    "quantity",
    "printed",
    "unit",
    "groups",
    "timepoint",
    "measure",
    "statistic",
    "direction",
    "refers_to",
    "check_kind",
    "inputs",
    "check_note",
)
_PRINTED = re.compile(r"(<=|>=|≤|≥|<|>|=)?\s*([−-]?\d[\d,]*(?:\.\d+)?)\D*$")
_RANGE = re.compile(r"^(\d+(?:\.\d+)?)–\d+(?:\.\d+)?$")
_AND_ABOVE = re.compile(r"^(\d+(?:\.\d+)?) and above$")
FLOW_COLUMNS = ("flow_id", "quantity", "printed", "value", "group", "location", "flag", "note")


def _table_rows(table: str, columns: tuple[str, ...]) -> list[dict]:
    """The rows of a ``|``-separated typed table, fields stripped."""
    return [
        dict(zip(columns, [f.strip() for f in raw.split("|")], strict=True))
        for raw in table.strip().splitlines()
    ]


def read_printed(printed: str) -> tuple[float, str]:
    """Value and comparator of a printed prose number.

    A number printed as a word is read from :data:`WORDS`; a band printed as a range
    (``0.5–0.7``) or as ``0.9 and above`` is read as its lower edge, ``>=``.

    Raises
    ------
    ValueError
        If no number can be read.

    Examples
    --------
    >>> read_printed("p\u202f<\u202f0.001"), read_printed("seven"), read_printed("0.5–0.7")
    ((0.001, '<'), (7.0, '='), (0.5, '>='))
    """
    if printed in WORDS:
        return float(WORDS[printed]), "="
    if printed.startswith("PE"):
        return float(printed[2:]), "="
    if band := _RANGE.match(printed) or _AND_ABOVE.match(printed):
        return parse_number(band.group(1)), ">="
    match = _PRINTED.search(printed.replace("\u202f", " ").replace("-fold", ""))
    if match is None:
        raise ValueError(f"cannot read a number from the printed prose value {printed!r}")
    comparator, number = match.groups()
    comparator = {"≤": "<=", "≥": ">=", None: "="}.get(comparator, comparator)
    return parse_number(number), comparator


def _require_known_inputs(rows: list[dict], cell_ids: list[str]) -> None:
    ids = [r["prose_id"] for r in rows]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise ValueError(f"prose ids are not unique: {duplicated[:5]}")
    known = set(ids) | set(cell_ids)
    for r in rows:
        missing = [i for i in r["inputs"].split(";") if i and i not in known]
        if missing:
            raise ValueError(f"prose number {r['prose_id']!r} names unknown inputs {missing}")


def _paragraph_texts(paper: Paper) -> dict[tuple[str, int], str]:
    """Text of each paragraph by (section, number); footnotes by (section, 0), joined."""
    out: dict[tuple[str, int], str] = {}
    for p in paragraphs(paper):
        key = (p.section, 0) if p.part == "footnote" else (p.section, p.number)
        if p.part != "caption":
            out[key] = out.get(key, "") + p.text
    return out


def _in_paragraph(row: dict, where: dict[tuple[str, int], str]) -> str:
    """A prose number as printed in the paragraph it names (a footnote, if it says so)."""
    number = 0 if "footnote" in row["refers_to"] else int(row["paragraph"])
    text = where.get((row["section"], number), "")
    try:
        return Paper(text).find(row["printed"])
    except ValueError:
        raise ValueError(
            f"prose number {row['prose_id']!r}: {row['printed']!r} is not printed in "
            f"§{row['section']}, paragraph {row['paragraph']}"
        ) from None


def prose_rows(paper: Paper, cell_ids: list[str]) -> list[dict]:
    """``prose_numbers.csv``: every prose number, printed text as in the paper, read.

    Raises
    ------
    ValueError
        If a printed value is not in the paper or not in the paragraph it names (a
        table footnote when ``refers_to`` says so), cannot be read, a ``prose_id`` is
        repeated, or ``inputs`` names neither a cell nor a prose number.
    """
    out = []
    where = _paragraph_texts(paper)
    for row in _table_rows(PROSE_TABLE, PROSE_COLUMNS):
        row["printed"] = _in_paragraph(row, where)
        # a fall is printed as its size; its sign lives in ``direction``
        value, comparator = read_printed(row["printed"])
        row = {**row, "value": value, "comparator": comparator}
        row["inputs"] = expand_inputs(row["inputs"], cell_ids)
        out.append(row)
    _require_known_inputs(out, cell_ids)
    at = PROSE_COLUMNS.index("printed") + 1  # the reading follows the printed text
    order = (*PROSE_COLUMNS[:at], "value", "comparator", *PROSE_COLUMNS[at:])
    return [{k: r[k] for k in order} for r in out]


def flow_rows(paper: Paper) -> list[dict]:
    """``participant_flow.csv``: each stated count with its location, as printed.

    Raises
    ------
    ValueError
        If a printed count is not in the paper.
    """
    rows = _table_rows(FLOW_TABLE, FLOW_COLUMNS)
    for row in rows:
        if row["printed"]:
            row["printed"] = paper.find(row["printed"])
    return rows
