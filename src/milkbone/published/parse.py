"""Reading numbers as the paper prints them.

The paper's text uses the Unicode minus sign (U+2212), narrow no-break spaces
(U+202F) around ``±``, ``=`` and ``<``, comma thousand separators in some cells
(``1,063``) and p-values written as ``<0.001`` or ``p = 0.003``. The functions
here turn such printed text into numbers without changing what was printed:
a value the paper got wrong (a p-value above 1, say) is read as printed and
left for the audit to judge.

Table 3 of the paper glues a superscript footnote digit to the end of some
standard deviations (``5.7731`` is SD ``5.773`` with mark ``1``); that reading
is a separate function, :func:`split_footnote_mark`, because it is an
interpretation, not a parse.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

__all__ = [
    "MeanSD",
    "decimals",
    "parse_mean_sd",
    "parse_number",
    "parse_p_value",
    "split_comparator",
    "split_footnote_mark",
]

_SPACES = "\u0020\u00a0\u2009\u202f\t"
_MINUS = "\u2212"
_EXPONENT = r"([eE][+-]?\d+)?"
_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)" + _EXPONENT + "$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?" + _EXPONENT + "$")
_P_TEXT = re.compile(r"^(?:[pP](?:-value)?)?\s*(<=|>=|≤|≥|<|>|=)?\s*(.+)$")
_COMPARATORS = {"≤": "<=", "≥": ">=", None: "="}


class MeanSD(NamedTuple):
    """A printed ``mean ± SD`` cell: the two numbers and their texts as printed."""

    mean: float
    sd: float
    mean_text: str
    sd_text: str


def _normalise(text: str) -> str:
    """Strip every kind of space the paper uses and turn U+2212 into ASCII ``-``."""
    if not isinstance(text, str):
        raise ValueError(f"expected printed text (str), got {type(text).__name__}: {text!r}")
    cleaned = "".join(ch for ch in text if ch not in _SPACES).replace(_MINUS, "-")
    return cleaned


def parse_number(text: str) -> float:
    """Read one printed number.

    Parameters
    ----------
    text : str
        The number as printed: optional sign (``-`` or U+2212 ``−``), digits,
        optional comma thousand separators in groups of three, optional decimals,
        optional exponent (``1.6E-05``, as software output prints small p-values).
        Spaces of any width are ignored.

    Returns
    -------
    float
        The value. ``1,063`` is read as one thousand and sixty-three (comma as a
        thousand separator, the convention of the rest of the paper's tables).

    Raises
    ------
    ValueError
        If the text is empty or is not a single number in one of those forms.

    Examples
    --------
    >>> parse_number("−1.93")
    -1.93
    >>> parse_number("1,063")
    1063.0
    >>> parse_number("296,050,146")
    296050146.0
    >>> parse_number(" 0.974 ")
    0.974
    >>> parse_number("1.6E-05")
    1.6e-05
    """
    cleaned = _normalise(text)
    if not cleaned:
        raise ValueError(f"cannot read a number from empty text {text!r}")
    if _GROUPED.match(cleaned):
        return float(cleaned.replace(",", ""))
    if _PLAIN.match(cleaned):
        return float(cleaned)
    raise ValueError(
        f"cannot read a number from {text!r}: expected digits with an optional sign, "
        "decimal point, comma thousand separators in groups of three and exponent"
    )


def parse_mean_sd(text: str) -> MeanSD:
    """Read a printed ``mean ± SD`` cell.

    Parameters
    ----------
    text : str
        The cell as printed, e.g. ``"61.2 ± 5.00"`` (any spaces around ``±``).

    Returns
    -------
    MeanSD
        ``mean`` and ``sd`` as floats and ``mean_text`` and ``sd_text`` as
        printed (spaces stripped). The SD is read with all its digits; see
        :func:`split_footnote_mark` for Table 3's glued footnote marks.

    Raises
    ------
    ValueError
        If there is not exactly one ``±``, or either side is not a number, or
        the SD is negative.

    Examples
    --------
    >>> parse_mean_sd("0.981\u202f±\u202f0.123")
    MeanSD(mean=0.981, sd=0.123, mean_text='0.981', sd_text='0.123')
    >>> parse_mean_sd("20.61 ± 5.7731").sd
    5.7731
    """
    parts = _normalise(text).split("±")
    if len(parts) != 2:
        raise ValueError(f"expected one '±' in a mean ± SD cell, got {text!r}")
    mean_text, sd_text = parts
    mean, sd = parse_number(mean_text), parse_number(sd_text)
    if sd < 0:
        raise ValueError(f"a standard deviation cannot be negative, got {sd_text!r} in {text!r}")
    return MeanSD(mean, sd, mean_text, sd_text)


def split_footnote_mark(
    sd_text: str, *, sd_decimals: int = 3, marks: str = "123"
) -> tuple[str, str]:
    """Split a footnote digit glued to the end of a printed SD (paper Table 3).

    Parameters
    ----------
    sd_text : str
        The SD as printed, e.g. ``"5.7731"``.
    sd_decimals : int, default 3
        How many decimals the SD itself has (Table 2 prints these SDs with 3).
    marks : str, default "123"
        The footnote marks the table uses.

    Returns
    -------
    tuple of str
        ``(sd_text, mark)``: with ``sd_decimals + 1`` decimals and a last digit in
        ``marks``, the SD without its last digit and that digit; with exactly
        ``sd_decimals`` decimals, the text unchanged and ``""`` (no mark).

    Raises
    ------
    ValueError
        If the number of decimals fits neither reading, or the extra digit is not
        one of ``marks``.

    Examples
    --------
    >>> split_footnote_mark("5.7731")
    ('5.773', '1')
    >>> split_footnote_mark("6.039")
    ('6.039', '')
    >>> split_footnote_mark("0.0672")
    ('0.067', '2')
    """
    printed = decimals(sd_text)
    cleaned = _normalise(sd_text)
    if printed == sd_decimals:
        return cleaned, ""
    if printed == sd_decimals + 1 and cleaned[-1] in marks:
        return cleaned[:-1], cleaned[-1]
    raise ValueError(
        f"cannot split a footnote mark from SD {sd_text!r}: expected {sd_decimals} decimals, "
        f"or {sd_decimals + 1} ending in one of {marks!r}"
    )


def parse_p_value(text: str) -> tuple[float, str]:
    """Read a printed p-value and its comparator.

    Parameters
    ----------
    text : str
        ``"0.974"``, ``"<0.001"``, ``"p = 0.003"``, ``"p < 0.0001"``, ``"P > 0.05"``
        (any spaces; ``≤``/``≥`` are read as ``<=``/``>=``).

    Returns
    -------
    tuple of (float, str)
        The printed bound or value and the comparator: ``"="``, ``"<"``, ``">"``,
        ``"<="`` or ``">="``. A value outside [0, 1] is returned as printed; the
        audit, not the parser, judges it.

    Raises
    ------
    ValueError
        If no number follows the optional ``p`` and comparator.

    Examples
    --------
    >>> parse_p_value("<0.001")
    (0.001, '<')
    >>> parse_p_value("p\u202f=\u202f0.003")
    (0.003, '=')
    >>> parse_p_value("1.6471")
    (1.6471, '=')
    """
    try:
        comparator, number = split_comparator(text)
    except ValueError as error:
        raise ValueError(f"cannot read a p-value from {text!r}: {error}") from None
    return parse_number(number), comparator


def split_comparator(text: str) -> tuple[str, str]:
    """Split a printed bound or value into its comparator and its number as printed.

    Parameters
    ----------
    text : str
        ``"<0.001"``, ``"p = 0.003"``, ``"P > 0.05"``, ``"≥ 2"``, ``"−1.93"``,
        ``"1,063"`` (any spaces; ``≤``/``≥`` are read as ``<=``/``>=``).

    Returns
    -------
    tuple of (str, str)
        The comparator (``"="`` when none is printed, else ``"<"``, ``">"``, ``"<="``
        or ``">="``) and the number's text with spaces removed and U+2212 read as
        ``-``; the number is checked with :func:`parse_number`.

    Raises
    ------
    ValueError
        If no number follows the optional ``p`` and comparator.

    Examples
    --------
    >>> split_comparator("p\u202f<\u202f0.0001")
    ('<', '0.0001')
    >>> split_comparator("−1.93")
    ('=', '-1.93')
    """
    cleaned = _normalise(text)
    match = _P_TEXT.match(cleaned)
    if not cleaned or match is None:
        raise ValueError(f"cannot read a number from {text!r}")
    comparator, number = match.groups()
    parse_number(number)  # raises ValueError with a clear message
    return _COMPARATORS.get(comparator, comparator), number


def decimals(text: str) -> int:
    """Count the decimals of a printed number (for rounding-aware comparisons).

    Parameters
    ----------
    text : str
        One printed number, optionally preceded by ``p``, a comparator, or
        followed by ``%``: ``"0.974"``, ``"1,063"``, ``"<0.001"``, ``"2.3%"``.

    Returns
    -------
    int
        Digits after the decimal point (0 for integers and thousand-separated
        integers); with an exponent, the decimals of the value it stands for
        (``"1.5E-05"`` is 0.000015: 6).

    Raises
    ------
    ValueError
        If the text is not one number in those forms.

    Examples
    --------
    >>> decimals("0.974")
    3
    >>> decimals("1,063")
    0
    >>> decimals("p < 0.0001")
    4
    >>> decimals("2.3%")
    1
    >>> decimals("1.5E-05")
    6
    """
    _, number = split_comparator(_normalise(text).removesuffix("%"))
    exponent = Decimal(number.replace(",", "")).as_tuple().exponent
    return max(-int(exponent), 0)
