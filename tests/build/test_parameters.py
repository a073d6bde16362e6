"""milkbone.build.parameters: a notebook's parameters cell and typed values."""

from __future__ import annotations

import pytest

from milkbone import build


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7", 7), ("0.05", 0.05), ("true", True), ("None", None), ("data/real", "data/real")],
)
def test_cli_parameter_values_are_typed(text, expected):
    assert build.parse_value(text) == expected


def test_parameter_names_come_from_the_tagged_cell(tmp_path):
    source = tmp_path / "p.py"
    source.write_text(
        '# %%\nignored = 0\n\n# %% tags=["parameters"]\n'
        "seed = 2025  # a = b in a comment\nalpha: float = 0.05\n"
    )
    assert build.notebook_parameters(source) == ["seed", "alpha"]


def test_an_unknown_parameter_is_named_with_the_notebooks_own(tmp_path):
    source = tmp_path / "p.py"
    source.write_text('# %% tags=["parameters"]\nseed = 2025\n')
    build.check_parameters(source, ["seed"])
    with pytest.raises(ValueError, match=r"p\.py has no parameter sede; its parameters are: seed"):
        build.check_parameters(source, ["sede"])
