"""One transcribed table cell: where it is printed, what it says, and how it was read."""

from __future__ import annotations

from milkbone.published.parse import parse_p_value

__all__ = ["READING_SEPARATOR", "cell_row", "flagged", "p_fields"]

READING_SEPARATOR = " | "
"""Between the readings of a cell with several flags, one reading per flag, in order."""


def cell_row(
    cell_id: str,
    table: str,
    row_label: str,
    column_label: str,
    text: str,
    line: int,
    **typed,
) -> dict:
    """A row of a table CSV: location and text first, parsed columns, then ``flag``, ``reading``.

    Examples
    --------
    >>> cell_row("t1.fat.hcm", "Table 1", "Fat, g", "High-calcium milk", "3.2", 120, value=3.2)
    ... # doctest: +NORMALIZE_WHITESPACE
    {'cell_id': 't1.fat.hcm', 'table': 'Table 1', 'row_label': 'Fat, g',
     'column_label': 'High-calcium milk', 'cell_text': '3.2', 'source_line': 120,
     'value': 3.2, 'flag': '', 'reading': ''}
    """
    row = {
        "cell_id": cell_id,
        "table": table,
        "row_label": row_label,
        "column_label": column_label,
        "cell_text": text,
        "source_line": line,
    }
    row.update(typed)
    row.setdefault("flag", "")
    row.setdefault("reading", "")
    return row


def p_fields(text: str) -> dict:
    """The typed columns of a printed p-value cell (Tables 2, 3 and 4).

    Examples
    --------
    >>> p_fields("<0.001")
    {'p_value': 0.001, 'p_comparator': '<'}
    """
    value, comparator = parse_p_value(text)
    return dict(p_value=value, p_comparator=comparator)


def flagged(*pairs: tuple[str, str]) -> tuple[str, str]:
    """``flag`` and ``reading`` of a cell from (flag, reading of that flag) pairs.

    Flags are joined by ``;``, their readings by :data:`READING_SEPARATOR`, in the same
    order, so each flag keeps its own reading (:func:`milkbone.published.flags`).

    Examples
    --------
    >>> flagged(("number_duplicate", "24 printed twice"), ("number_out_of_sequence", "24 at 25"))
    ('number_duplicate;number_out_of_sequence', '24 printed twice | 24 at 25')
    >>> flagged()
    ('', '')
    """
    for flag, reading in pairs:
        if READING_SEPARATOR in reading or ";" in flag:
            raise ValueError(f"flag {flag!r}: one flag and one reading per pair")
    return ";".join(f for f, _ in pairs), READING_SEPARATOR.join(r for _, r in pairs)
