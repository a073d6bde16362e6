"""Tests of milkbone.published.parse: every printed form the paper uses, and every error message.

Expected values are the printed numbers read by hand from the paper's text.
"""

import pytest

from milkbone.published.parse import (
    MeanSD,
    decimals,
    parse_mean_sd,
    parse_number,
    parse_p_value,
    split_comparator,
    split_footnote_mark,
)

NNBSP = "\u202f"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.974", 0.974),
        ("−1.93", -1.93),  # U+2212 minus, Table 2
        ("-0.01", -0.01),
        ("1,063", 1063.0),  # thousand separator, Table 2 U statistic
        ("960", 960.0),
        ("296,050,146", 296050146.0),  # Table 6
        ("2,656,648,260", 2656648260.0),
        ("484844985.1", 484844985.1),
        (" 0.0001 ", 0.0001),
        (f"{NNBSP}61.2{NNBSP}", 61.2),
        ("+2", 2.0),
        (".5", 0.5),
        ("1.6E-05", 1.6e-05),  # software output, read by the audit
        ("1.13e-05", 1.13e-05),
    ],
)
def test_parse_number_forms(text, expected):
    assert parse_number(text) == pytest.approx(expected, rel=1e-12)


def test_parse_number_rejects_non_text():
    with pytest.raises(ValueError, match="expected printed text"):
        parse_number(0.5)


@pytest.mark.parametrize(
    ("text", "mean", "sd", "mean_text", "sd_text"),
    [
        (f"61.2{NNBSP}±{NNBSP}5.00", 61.2, 5.0, "61.2", "5.00"),  # Table 2, as printed
        ("0.981 ± 0.123", 0.981, 0.123, "0.981", "0.123"),
        ("20.61 ± 5.7731", 20.61, 5.7731, "20.61", "5.7731"),  # Table 3 with a glued mark
        ("10.14±5.64", 10.14, 5.64, "10.14", "5.64"),
        ("−0.5 ± 1", -0.5, 1.0, "-0.5", "1"),
    ],
)
def test_parse_mean_sd_forms(text, mean, sd, mean_text, sd_text):
    parsed = parse_mean_sd(text)
    assert isinstance(parsed, MeanSD)
    assert parsed.mean == pytest.approx(mean, abs=1e-12)
    assert parsed.sd == pytest.approx(sd, abs=1e-12)
    assert (parsed.mean_text, parsed.sd_text) == (mean_text, sd_text)


@pytest.mark.parametrize(
    ("text", "sd", "mark"),
    [
        ("5.7731", "5.773", "1"),  # Table 3, AST HCM 0 m; Table 2 prints 5.773
        ("6.9302", "6.930", "2"),
        ("0.2833", "0.283", "3"),
        ("14.7121", "14.712", "1"),
        ("6.039", "6.039", ""),  # three decimals: no mark
        ("9.546", "9.546", ""),
    ],
)
def test_split_footnote_mark(text, sd, mark):
    assert split_footnote_mark(text) == (sd, mark)
    assert float(split_footnote_mark(text)[0]) == pytest.approx(float(sd), abs=1e-12)


def test_split_footnote_mark_other_decimals():
    assert split_footnote_mark("14.12", sd_decimals=1) == ("14.1", "2")
    assert split_footnote_mark("14.12", sd_decimals=2) == ("14.12", "")


@pytest.mark.parametrize(
    ("text", "value", "comparator"),
    [
        ("<0.001", 0.001, "<"),  # Table 3
        ("0.0001", 0.0001, "="),  # Table 4
        ("1.000", 1.0, "="),
        (f"p{NNBSP}={NNBSP}0.003", 0.003, "="),  # prose, as printed
        ("p = 0.003", 0.003, "="),
        ("p < 0.0001", 0.0001, "<"),
        ("P > 0.05", 0.05, ">"),
        ("p-value <0.05", 0.05, "<"),
        ("p ≤ 0.05", 0.05, "<="),
        ("≥0.1", 0.1, ">="),
        ("1.6471", 1.6471, "="),  # Table 5: impossible, but read as printed
    ],
)
def test_parse_p_value_forms(text, value, comparator):
    parsed, parsed_comparator = parse_p_value(text)
    assert parsed == pytest.approx(value, abs=1e-12)
    assert parsed_comparator == comparator


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.974", 3),
        ("1,063", 0),
        ("960", 0),
        ("<0.001", 3),
        ("p = 0.003", 3),
        ("p < 0.0001", 4),
        ("2.3%", 1),
        ("−1.93", 2),
        ("484844985.1", 1),
        ("0.0000", 4),
        ("1.5E-05", 6),  # 1.5e-05 = 0.000015
    ],
)
def test_decimals(text, expected):
    assert decimals(text) == expected


@pytest.mark.parametrize(
    ("text", "comparator", "number"),
    [
        ("<0.001", "<", "0.001"),
        (f"p{NNBSP}<{NNBSP}0.0001", "<", "0.0001"),  # prose, as printed
        ("≥ 2", ">=", "2"),
        ("−1.93", "=", "-1.93"),  # U+2212 minus
        ("1,063", "=", "1,063"),
        ("1.6471E-05", "=", "1.6471E-05"),
    ],
)
def test_split_comparator(text, comparator, number):
    assert split_comparator(text) == (comparator, number)


# Every reader, every error message: (reader, text, message)
REJECTIONS = [
    (parse_number, "", "empty text"),
    (parse_number, "   ", "empty text"),
    (parse_number, "1,06", "cannot read a number"),
    (parse_number, "1,0633", "cannot read a number"),
    (parse_number, "abc", "cannot read a number"),
    (parse_number, "1.2.3", "cannot read a number"),
    (parse_number, "61.2 ± 5.00", "cannot read a number"),
    (parse_mean_sd, "61.2", "expected one '±'"),
    (parse_mean_sd, "1 ± 2 ± 3", "expected one '±'"),
    (parse_mean_sd, "x ± 2", "cannot read a number"),
    (parse_mean_sd, "1 ± −2", "cannot be negative"),
    (split_footnote_mark, "5.7734", "cannot split a footnote mark"),  # 4 is not a mark
    (split_footnote_mark, "5.77", "cannot split a footnote mark"),
    (split_footnote_mark, "5.77312", "cannot split a footnote mark"),
    (split_footnote_mark, "x.1231", "cannot read a number"),
    *[
        (parse_p_value, text, "cannot read a p-value")
        for text in ("", "p", "p = ", "p < x", "n.s.")
    ],
    *[(decimals, text, "cannot read a number") for text in ("", "abc", "61.2 ± 5.00")],
    *[(split_comparator, text, "cannot read a number") for text in ("", "n.s.", "< x")],
]


@pytest.mark.parametrize(
    ("reader", "text", "message"),
    REJECTIONS,
    ids=[f"{reader.__name__}-{text!r}" for reader, text, _ in REJECTIONS],
)
def test_readers_reject(reader, text, message):
    with pytest.raises(ValueError, match=message):
        reader(text)
