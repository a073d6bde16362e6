"""Reading the delimited text files people's tools write, exactly and without tracebacks.

A CSV from a spreadsheet can come in several encodings and delimiters. :func:`decode`
finds the encoding (a byte-order mark first: UTF-8, UTF-16, UTF-32; then UTF-8; then
UTF-16 without a mark; then cp1252, the "CSV" of Excel on Windows; then latin-1) and
refuses binary content in one sentence. :func:`read_table` finds the delimiter
(comma, semicolon or tab, whichever splits the header into the most known column
names; a first line ``sep=;`` as Excel writes it is obeyed) and the decimal mark
(decimal commas only in a semicolon- or tab-delimited file), and reads every cell as
text, keeping the line an editor shows. Nothing is coerced: how the file was read is
recorded in a :class:`TextTable`, whose :meth:`~TextTable.note` says it in one line.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from milkbone import paths
from milkbone.cohort.problems import Problem

__all__ = ["DELIMITERS", "TextTable", "decode", "read_table", "read_text"]

DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
"""The delimiters read, and their names."""

_OTHER_DELIMITERS = {"|": "a vertical bar '|'", ":": "a colon ':'", " ": "spaces"}
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8", "UTF-8 with a byte-order mark"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32 (byte-order mark)"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32 (byte-order mark)"),
    (b"\xff\xfe", "utf-16-le", "UTF-16 (byte-order mark)"),
    (b"\xfe\xff", "utf-16-be", "UTF-16 (byte-order mark)"),
)
_WORKBOOKS = (
    (b"PK\x03\x04", "an Excel workbook (.xlsx) or another zip archive"),
    (b"\xd0\xcf\x11\xe0", "an Excel 97-2003 workbook (.xls)"),
    (b"%PDF", "a PDF document"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_COMMA_DECIMAL = re.compile(r"^[+-]?\d+,\d+$")
_SEP_LINE = re.compile(r"^sep=(.)$")


def _utf16_without_mark(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when every other byte is zero, as in ASCII text."""
    if len(data) < 4 or len(data) % 2:
        return None
    for codec, zeros in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if zeros.count(0) >= 0.9 * len(zeros):
            return codec
    return None


def decode(data: bytes) -> tuple[str | None, str]:
    """The text of a file's bytes and the encoding read, or None and why it is not text.

    Returns
    -------
    text : str or None
        The decoded text (a byte-order mark removed), or None for binary content.
    encoding : str
        How it was read, as a user would name it (``"UTF-8"``, ``"UTF-16 (byte-order
        mark)"``, ``"cp1252 (Windows; Excel's plain CSV)"``, ...); for binary content the
        sentence saying what the file seems to be.

    Examples
    --------
    >>> decode("a,b\\n".encode("utf-16"))
    ('a,b\\n', 'UTF-16 (byte-order mark)')
    >>> decode("Zoë".encode("cp1252"))
    ('Zoë', "cp1252 (Windows; Excel's plain CSV)")
    >>> decode(b"PK\\x03\\x04 rest of a zip")[1]
    'is an Excel workbook (.xlsx) or another zip archive, not CSV text: save it as CSV'
    """
    for mark, codec, name in _BOMS:
        if data.startswith(mark):
            try:
                return data[len(mark) :].decode(codec), name
            except UnicodeDecodeError:
                encoding = name.split()[0]
                return None, f"starts with a {encoding} byte-order mark but is not valid {encoding}"
    for magic, what in _WORKBOOKS:
        if data.startswith(magic):
            return None, f"is {what}, not CSV text: save it as CSV"
    candidates = [("utf-8", "UTF-8")]
    codec16 = _utf16_without_mark(data)
    if codec16:
        candidates.append((codec16, f"UTF-16 ({codec16[-2:].upper()}, no byte-order mark)"))
    candidates += [("cp1252", "cp1252 (Windows; Excel's plain CSV)"), ("latin-1", "latin-1")]
    for codec, name in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not _CONTROL.search(text):
            return text, name
    return None, "is not a text file (it holds binary data): save it as CSV"


def read_text(path: Path) -> tuple[str | None, str]:
    """:func:`decode` the file at ``path`` (read through :func:`milkbone.paths.record_read`);
    a file that cannot be opened gives None and the reason."""
    try:
        data = paths.record_read(path).read_bytes()
    except OSError as error:
        return None, f"cannot be read ({error.strerror or error})"
    return decode(data)


@dataclass
class TextTable:
    """A delimited file read as text: cells, problems and how it was read.

    ``frame`` holds every cell as text (``""`` where empty) with index + 2 = the line an
    editor shows, or is None when the file cannot be read. ``uncertain`` holds the
    first cell of the lines left out because their number of fields is wrong.
    """

    file: str
    frame: pd.DataFrame | None = None
    problems: list[Problem] = field(default_factory=list)
    encoding: str = "UTF-8"
    delimiter: str = ","
    decimal: str = "."
    sep_line: bool = False
    trailing: int = 0
    uncertain: set[str] = field(default_factory=set)

    def note(self) -> str | None:
        """One line saying how the file was read, or None for plain comma-separated UTF-8.

        Examples
        --------
        >>> TextTable("v.csv", encoding="cp1252 (Windows; Excel's plain CSV)", delimiter=";",
        ...           decimal=",", trailing=-1).note()  # doctest: +NORMALIZE_WHITESPACE
        "v.csv: read as cp1252 (Windows; Excel's plain CSV), semicolon-delimited with decimal
        commas; every line ends with a delimiter, read as an empty last column and ignored"
        >>> TextTable("v.csv").note() is None
        True
        """
        parts = []
        if self.encoding != "UTF-8":
            parts.append(f"read as {self.encoding}")
        if self.delimiter != "," or self.decimal != "." or self.sep_line:
            delimited = f"{DELIMITERS[self.delimiter]}-delimited"
            if self.sep_line:
                delimited += " (its first line says sep=)"
            if self.decimal == ",":
                delimited += " with decimal commas"
            parts.append(delimited)
        said = ", ".join(parts)
        if self.trailing:
            lines = {-1: "every line ends", 1: "1 line ends"}.get(
                self.trailing, f"{self.trailing} lines end"
            )
            ending = f"{lines} with a delimiter, read as an empty last column and ignored"
            said = f"{said}; {ending}" if said else ending
        return f"{self.file}: {said}" if said else None


def _split(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter), [])


def _choose_delimiter(header: str, known: Sequence[str]) -> tuple[str, str | None]:
    """The delimiter that splits ``header`` into the most known names, and a hint when
    only a delimiter that is not read does."""
    names = set(known)

    def score(delimiter: str) -> int:
        return sum(cell.strip() in names for cell in _split(header, delimiter))

    best = max(DELIMITERS, key=score)  # ties keep the first: comma
    if score(best) > 1 or not names:
        return best, None
    for delimiter, what in _OTHER_DELIMITERS.items():
        if score(delimiter) > 1:
            return best, (
                f"the header splits into known columns only on {what}: save the file "
                "with commas, semicolons or tabs between values"
            )
    return best, None


def _header(table: TextTable, line: int, cells: list[str]) -> list[str] | None:
    """Column names from the header's cells: one problem per name written with
    surrounding spaces, without a name, or twice; None if the columns are unclear."""
    if cells and not cells[-1].strip():
        table.trailing += 1
    while cells and not cells[-1].strip():
        cells = cells[:-1]
    names, clear = [], True
    for position, cell in enumerate(cells, start=1):
        name = cell.strip()
        if not name:
            table.problems.append(Problem(table.file, line, None, f"column {position} has no name"))
            clear = False
        elif name != cell:
            message = f"the name is written {cell!r}, with surrounding spaces"
            table.problems.append(Problem(table.file, line, name, message))
        if name and name in names:
            message = "column appears twice in the header"
            table.problems.append(Problem(table.file, line, name, message))
            clear = False
        names.append(name)
    return names if clear else None


def _fit(table: TextTable, line: int, cells: list[str], width: int) -> list[str] | Problem:
    """The cells of a data line cut to the header's width, or the problem of a line with
    too few fields or with values past the header's columns."""
    extra = cells[width:]
    if len(cells) > width and not any(c.strip() for c in extra):
        table.trailing += 1
        return cells[:width]
    if len(cells) == width:
        return cells
    if cells and cells[0].strip():
        table.uncertain.add(cells[0].strip())
    found = f"line has {len(cells)} fields; the header has {width}"
    if len(cells) > width:
        found += f" (first extra value {next(c for c in extra if c.strip())!r})"
    return Problem(table.file, line, None, found)


def _rows(table: TextTable, text: str, known: Sequence[str]) -> list[tuple[int, list[str]]]:
    """Every line as ``(line number, cells)``, the delimiter chosen; empty if unreadable."""
    first = text.splitlines()[0].strip()
    sep = _SEP_LINE.match(first)
    if sep and sep.group(1) in DELIMITERS:
        table.delimiter, table.sep_line = sep.group(1), True
    elif sep:
        message = f"the first line {first!r} names a delimiter that is not read"
        table.problems.append(Problem(table.file, 1, None, message))
        return []
    else:
        table.delimiter, hint = _choose_delimiter(first, known)
        if hint:
            table.problems.append(Problem(table.file, 1, None, hint))
            return []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=table.delimiter)
    rows = []
    try:
        for cells in reader:
            rows.append((reader.line_num, cells))
    except csv.Error as error:
        message = f"cannot be read as CSV ({error})"
        table.problems.append(Problem(table.file, reader.line_num, None, message))
        return []
    return rows[1:] if table.sep_line else rows


def _body(table: TextTable, body: list, width: int) -> tuple[list[int], list[list[str]]]:
    """The data lines that fit the header; problems for the others in line order (one
    for all of them when no line fits, as when the header and the lines use different
    delimiters)."""
    lines, kept, empty, broken = [], [], [], []
    for line, cells in body:
        if not any(c.strip() for c in cells):
            empty.append(Problem(table.file, line, None, "line is empty"))
            continue
        fitted = _fit(table, line, cells, width)
        if isinstance(fitted, Problem):
            broken.append(fitted)
        else:
            lines.append(line)
            kept.append(fitted)
    if len(broken) > 1 and not kept:
        first = next(cells for line, cells in body if line == broken[0].line)
        message = (
            f"no line has the header's {width} fields (line {broken[0].line} has "
            f"{len(first)}): are the header and the lines written with the same delimiter?"
        )
        broken = [Problem(table.file, broken[0].line, None, message)]
    table.problems.extend(sorted(empty + broken, key=lambda p: p.line))
    return lines, kept


def read_table(path: Path, file: str, *, known: Sequence[str] = ()) -> TextTable:
    """Read a delimited file as text, exactly; report what prevents reading it.

    Parameters
    ----------
    path : Path
        The file (read through :func:`milkbone.paths.record_read`).
    file : str
        The name problems give for it.
    known : sequence of str, optional
        The column names the file should have: the delimiter chosen is the one that
        splits the header into most of them.

    Returns
    -------
    TextTable
        ``frame`` (every cell as text; lines whose fields do not match the header,
        and empty lines, are left out and reported), ``problems`` and how the file was
        read (:meth:`TextTable.note`).

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "x.csv"
    >>> _ = path.write_bytes("a;b\\n1,5;2\\n;\\n3;4;5\\n".encode("utf-16"))
    >>> table = read_table(path, "x.csv", known=["a", "b"])
    >>> table.frame
         a  b
    0  1,5  2
    >>> for problem in table.problems:
    ...     print(problem)
    x.csv, line 3: line is empty
    x.csv, line 4: line has 3 fields; the header has 2 (first extra value '5')
    >>> print(table.note())
    x.csv: read as UTF-16 (byte-order mark), semicolon-delimited with decimal commas
    """
    table = TextTable(file)
    if not path.is_file():
        table.problems.append(Problem(file, None, None, "file is missing"))
        return table
    text, how = read_text(path)
    if text is None or not text.strip():
        table.problems.append(Problem(file, None, None, how if text is None else "file is empty"))
        return table
    table.encoding = how
    rows = _rows(table, text, known)
    if not rows:
        return table
    (header_line, header), body = rows[0], rows[1:]
    names = _header(table, header_line, header)
    if names is None:
        return table
    lines, kept = _body(table, body, len(names))
    if table.trailing and table.trailing == 1 + len(lines):
        table.trailing = -1  # every line
    if not body:
        table.problems.append(Problem(file, None, None, "file has a header but no data rows"))
        return table
    if not kept and any(p.message.startswith("no line has") for p in table.problems):
        return table  # nothing of the file can be trusted: no checks across files
    frame = pd.DataFrame(kept, columns=names, index=[n - 2 for n in lines], dtype=object)
    if table.delimiter != "," and frame.map(lambda c: bool(_COMMA_DECIMAL.match(c))).any().any():
        table.decimal = ","
    table.frame = frame
    return table
