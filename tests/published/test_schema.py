"""Tests of milkbone.published.schema: a file that breaks datapackage.json fails clearly.

Each test corrupts one cell of a private copy of data/published/ and expects the
message to name the file, the line and the column.
"""

import pandas as pd
import pytest

from milkbone import published
from milkbone.published.schema import read_resource, resource_schema


def test_a_corrupted_value_fails_with_a_clear_message(copy):
    path = copy / "table2_baseline.csv"
    text = path.read_text(encoding="utf-8").replace(",0,HCM,51,", ",0,HCX,51,", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(
        ValueError, match=r"table2_baseline\.csv does not match(.|\n)*'group' at file line 2"
    ):
        published.table(2, folder=copy)


def test_a_missing_column_fails(copy):
    frame = pd.read_csv(copy / "measures.csv", dtype=str, keep_default_na=False)
    frame.drop(columns="unit").to_csv(copy / "measures.csv", index=False)
    with pytest.raises(ValueError, match=r"measures\.csv does not match datapackage\.json"):
        published.measures(folder=copy)


def test_a_duplicated_cell_id_fails(copy):
    path = copy / "table1_milk_composition.csv"
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="cell_id"):
        published.table(1, folder=copy)


@pytest.mark.parametrize(
    ("n", "printed", "corrupted", "message"),
    [
        (3, ",20.61,20.61,", ",20.6l,20.61,", "column 'mean' must hold numbers, but file line 2"),
        (4, ",51,11,", ",51,11.5,", "column 'count' must hold integers, but file line 2"),
    ],
)
def test_a_cell_of_the_wrong_type_fails_with_a_clear_message(copy, n, printed, corrupted, message):
    path = copy / published.TABLE_FILES[n]
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1].replace(printed, corrupted)
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        published.table(n, folder=copy)


RESOURCE = {
    "name": "toy",
    "path": "toy.csv",
    "schema": {
        "fields": [
            {"name": "id", "type": "string", "constraints": {"required": True}},
            {"name": "kind", "type": "string", "constraints": {"enum": ["t", "U"]}},
            {"name": "p", "type": "number", "constraints": {"minimum": 0, "maximum": 1}},
        ]
    },
}


def test_optional_text_may_be_empty_and_required_text_may_not(tmp_path):
    # expected by hand from the frictionless constraints above
    path = tmp_path / "toy.csv"
    path.write_text("id,kind,p\na,,0.5\nb,U,\n", encoding="utf-8")
    frame = read_resource(path, RESOURCE)
    assert frame["kind"].tolist() == ["", "U"]
    assert frame["p"].iloc[0] == pytest.approx(0.5, abs=0)
    assert pd.isna(frame["p"].iloc[1])
    path.write_text("id,kind,p\n,t,0.5\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"toy\.csv does not match(.|\n)*'id' at file line 2"):
        read_resource(path, RESOURCE)


def test_a_value_out_of_range_fails_with_its_line(tmp_path):
    path = tmp_path / "toy.csv"
    path.write_text("id,kind,p\na,t,0.5\nb,t,1.5\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"'p' at file line 3(.|\n)*found 1\.5"):
        read_resource(path, RESOURCE)
    assert len(resource_schema(RESOURCE).columns) == 3
