"""What the build does to an executed notebook before Sphinx renders it as a page.

The rules, applied to every chapter by :func:`prepare_page` (the Sphinx extension
calls it on ``source-read``), so no notebook has to tag its cells by hand:

- results first: every code cell is collapsed behind a toggle (myst-nb's
  ``hide-input`` tag) unless it is tagged ``show-input``;
- no bookkeeping output: a bare ``text/plain`` result (``(1940, 5)``) or a warning
  on ``stderr`` never reaches the page, and a frame shown raw loses its running index
  ``0, 1, 2, …`` and scrolls like the tables of ``report.show_table``;
- provenance: a caption's "Source: notebooks/x.py" links to the code cell that made
  the figure or table, and each image carries its caption as alt text;
- the page ends with how to download and rerun it, and a collapsible "Numbers on
  this page" list (glue key, value, evidence level, producing function, cell) with the
  data files the notebook read;
- the student edition drops every exercise solution.
"""

from __future__ import annotations

import ast
import html
import re
from collections.abc import Iterable

from milkbone.build.solutions import drop_solutions
from milkbone.report.numbers import GLUE_METADATA

__all__ = [
    "KEEP_OPEN",
    "alt_text",
    "cell_anchor",
    "glued_numbers",
    "hide_inputs",
    "page_footer",
    "parameter_names",
    "prepare_page",
    "shown_value",
    "tidy_frame_html",
    "without_bookkeeping",
]

KEEP_OPEN = "show-input"
"""Tag of a code cell whose input stays visible."""

TAGGED_ALREADY = {KEEP_OPEN, "hide-input", "remove-input", "hide-cell", "remove-cell"}

SOURCE = re.compile(r"Source: `(notebooks/[^`]+)`\.")
"""The ending :func:`milkbone.report.caption_markdown` gives a caption."""

BOOKKEEPING = re.compile(r"^\s*(\(\d+(, \d+)*,?\)|None|<\w[^>]*>|\[<matplotlib.*)\s*$", re.S)
"""Text-only results that are plumbing: shapes, ``None``, object reprs."""

VALUE_WIDTH = 90
"""Longest value shown in the "Numbers on this page" list; longer ones are cut."""


def cell_anchor(cell: dict) -> str:
    """The HTML id of a code cell on its page: ``cell-<execution count>``.

    Examples
    --------
    >>> cell_anchor({"cell_type": "code", "execution_count": 12})
    'cell-12'
    """
    return f"cell-{cell.get('execution_count')}"


def _code_cells(notebook: dict) -> Iterable[dict]:
    return (cell for cell in notebook["cells"] if cell["cell_type"] == "code")


def hide_inputs(notebook: dict) -> dict:
    """Tag every code cell ``hide-input`` unless it is tagged otherwise already.

    Examples
    --------
    >>> nb = {"cells": [{"cell_type": "code", "metadata": {}},
    ...                 {"cell_type": "code", "metadata": {"tags": ["show-input"]}}]}
    >>> [c["metadata"]["tags"] for c in hide_inputs(nb)["cells"]]
    [['hide-input'], ['show-input']]
    """
    for cell in _code_cells(notebook):
        tags = cell.setdefault("metadata", {}).setdefault("tags", [])
        if not TAGGED_ALREADY & set(tags):
            tags.append("hide-input")
    return notebook


def _bookkeeping(output: dict) -> bool:
    if output.get("output_type") == "stream":
        return output.get("name") == "stderr"
    data = output.get("data", {})
    if output.get("output_type") != "execute_result" or set(data) - {"text/plain"}:
        return False
    plain = data.get("text/plain", "")
    return bool(BOOKKEEPING.match("".join(plain) if isinstance(plain, list) else plain))


def without_bookkeeping(notebook: dict) -> dict:
    """Drop outputs a reader should never see: shapes, object reprs, ``stderr``.

    A result shown only as text that is a frame's shape (``(1940, 5)``), ``None`` or a
    matplotlib object's repr goes; any other value (a number an exercise computes) stays.

    Examples
    --------
    >>> cell = {"cell_type": "code", "outputs": [
    ...     {"output_type": "execute_result", "data": {"text/plain": "(1940, 5)"}},
    ...     {"output_type": "execute_result", "data": {"text/plain": "<Figure size 640x480>"}},
    ...     {"output_type": "stream", "name": "stderr", "text": "UserWarning"},
    ...     {"output_type": "execute_result", "data": {"text/plain": "400.0"}},
    ...     {"output_type": "display_data", "data": {"text/html": "<table/>"}}]}
    >>> kept = without_bookkeeping({"cells": [cell]})["cells"][0]["outputs"]
    >>> [o["data"] for o in kept]
    [{'text/plain': '400.0'}, {'text/html': '<table/>'}]
    """
    for cell in _code_cells(notebook):
        cell["outputs"] = [o for o in cell.get("outputs", []) if not _bookkeeping(o)]
        for output in cell["outputs"]:
            html = output.get("data", {}).get("text/html")
            if html is not None:
                joined = "".join(html) if isinstance(html, list) else html
                output["data"]["text/html"] = tidy_frame_html(joined)
    return notebook


def tidy_frame_html(html: str) -> str:
    r"""A pandas frame shown raw, as ``report.show_table`` would show it: no running index
    ``0, 1, 2, …`` as a first column, and a frame that scrolls when the table is wide.

    Examples
    --------
    >>> raw = ('<table border="1" class="dataframe">\n<thead><tr><th></th><th>a</th></tr>'
    ...        '</thead>\n<tbody><tr><th>0</th><td>x</td></tr><tr><th>1</th><td>y</td></tr>'
    ...        '</tbody></table>')
    >>> print(tidy_frame_html(raw))
    <div class="milkbone-scroll"><table border="0" class="dataframe milkbone-table">
    <thead><tr><th>a</th></tr></thead>
    <tbody><tr><td>x</td></tr><tr><td>y</td></tr></tbody></table></div>
    """
    if 'class="dataframe"' not in html or "milkbone-table" in html:
        return html
    labels = re.findall(r"<tr[^>]*>\s*<th>([^<]*)</th>", html.split("<tbody>", 1)[-1])
    if labels and labels == [str(i) for i in range(len(labels))]:  # a RangeIndex
        body = re.sub(r"(<tr[^>]*>\s*)<th>\d+</th>", r"\1", html.split("<tbody>", 1)[-1])
        head = re.sub(r"(<tr[^>]*>\s*)<th></th>", r"\1", html.split("<tbody>", 1)[0], count=1)
        html = f"{head}<tbody>{body}"
    html = html.replace(
        '<table border="1" class="dataframe">',
        '<div class="milkbone-scroll"><table border="0" class="dataframe milkbone-table">',
    )
    return html.replace("</table>", "</table></div>")


def alt_text(caption: str) -> str:
    """A caption in MyST as plain text for an image's ``alt``: no roles, marks or source.

    Examples
    --------
    >>> alt_text("{bdg-warning}`simulated` **Simulated.** **Figure 2.** BMD (g/cm²). "
    ...          "Source: `notebooks/21_bone_density.py`.")
    'Simulated. Figure 2. BMD (g/cm²).'
    """
    text = SOURCE.sub("", caption)
    text = re.sub(r"\{[\w-]+\}`([^`]*)`\s*", "", text)  # badges: the label says the level
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"[*_`]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _markdown(output: dict) -> str | None:
    text = output.get("data", {}).get("text/markdown")
    return "".join(text) if isinstance(text, list) else text


def link_sources(notebook: dict, *, stem: str = "") -> dict:
    """Make each caption's source a link to its cell, and give images their caption as alt
    (an image shown without a caption is described by the cell and notebook that drew it)."""
    for cell in _code_cells(notebook):
        anchor = cell_anchor(cell)
        captions = []
        for output in cell.get("outputs", []):
            text = _markdown(output)
            if text is None or not SOURCE.search(text):
                continue
            captions.append(text)
            output["data"]["text/markdown"] = SOURCE.sub(
                lambda m, a=anchor: (
                    f'Source: <a href="#{a}">`{m.group(1)}`, code cell '
                    f"{a.removeprefix('cell-')}</a>."
                ),
                text,
            )
        images = any(
            key.startswith("image/") for o in cell.get("outputs", []) for key in o.get("data", {})
        )
        if images:
            alt = (
                alt_text(captions[0])
                if captions
                else f"Figure drawn by code cell {cell.get('execution_count')} of "
                f"notebooks/{stem}.py (no caption)"
            )
            mystnb = cell.setdefault("metadata", {}).setdefault("mystnb", {})
            mystnb.setdefault("image", {})["alt"] = alt
    return notebook


def glued_numbers(notebook: dict) -> list[dict[str, str]]:
    """Every glued value of the notebook: key, value, evidence, source and cell.

    Examples
    --------
    >>> output = {"output_type": "display_data",
    ...           "data": {"application/papermill.record/text/plain": "0.981"},
    ...           "metadata": {"scrapbook": {"name": "a.b"},
    ...                        "milkbone": {"evidence": "published", "source": "f"}}}
    >>> glued_numbers({"cells": [{"cell_type": "code", "execution_count": 3,
    ...                           "outputs": [output]}]})
    [{'key': 'a.b', 'value': '0.981', 'evidence': 'published', 'source': 'f', 'cell': 'cell-3'}]
    """
    rows = []
    for cell in _code_cells(notebook):
        for output in cell.get("outputs", []):
            metadata = output.get("metadata", {})
            name = metadata.get("scrapbook", {}).get("name")
            if not name:
                continue
            plain = next(
                (v for k, v in output.get("data", {}).items() if k.endswith("text/plain")), ""
            )
            plain = "".join(plain) if isinstance(plain, list) else plain
            record = metadata.get(GLUE_METADATA, {})
            rows.append(
                {
                    "key": name,
                    "value": plain,
                    "evidence": record.get("evidence", ""),
                    "source": record.get("source", ""),
                    "cell": cell_anchor(cell),
                }
            )
    return rows


def parameter_names(notebook: dict) -> list[str]:
    """Names assigned in the cell tagged ``parameters``, in order.

    Examples
    --------
    >>> parameter_names({"cells": [{"cell_type": "code", "metadata": {"tags": ["parameters"]},
    ...                             "source": "data_dir = 'x'\\nseed = 2025"}]})
    ['data_dir', 'seed']
    """
    for cell in _code_cells(notebook):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            return [
                target.id
                for node in ast.parse(source).body
                if isinstance(node, ast.Assign)
                for target in node.targets
                if isinstance(target, ast.Name)
            ]
    return []


def shown_value(text: str) -> str:
    """A glued value as the list shows it: numbers to six significant digits, long text cut.

    Examples
    --------
    >>> shown_value("0.0016424932490655"), shown_value("97"), shown_value("'consistent'")
    ('0.00164249', '97', "'consistent'")
    """
    try:
        number = float(text)
    except ValueError:
        return text if len(text) <= VALUE_WIDTH else text[: VALUE_WIDTH - 1] + "…"
    return text if number.is_integer() and "e" not in text.lower() else f"{number:.6g}"


def _numbers_table(rows: list[dict[str, str]]) -> str:
    cut = shown_value

    lines = [
        '<div class="milkbone-scroll"><table class="milkbone-table milkbone-numbers">',
        "<thead><tr><th>key</th><th>value</th><th>evidence</th><th>produced by</th>"
        "<th>cell</th></tr></thead><tbody>",
    ]
    for row in rows:
        cell = row["cell"]
        lines.append(
            f"<tr><td><code>{html.escape(row['key'])}</code></td>"
            f"<td>{html.escape(cut(row['value']))}</td><td>{html.escape(row['evidence'])}</td>"
            f"<td><code>{html.escape(row['source'] or '(pandas on the data above)')}</code></td>"
            f'<td><a href="#{cell}">{cell.removeprefix("cell-")}</a></td></tr>'
        )
    lines.append("</tbody></table></div>")
    return "\n".join(lines)


def _data_file(path: str) -> str:
    """A download link to a data file of the project; a file outside it (a package's own
    data, say) is named only, since the site cannot serve it."""
    if path.startswith("/"):
        return f"`{path.rsplit('/', 1)[-1]}` (installed with a package)"
    return f"{{download}}`{path} <../{path}>`"


def page_footer(notebook: dict, *, stem: str, reads: Iterable[str] = ()) -> str:
    """Markdown closing a chapter: downloads, the rerun command, the numbers and data read.

    Parameters
    ----------
    notebook : dict
        The executed notebook (nbformat 4 as JSON).
    stem : str
        Its file stem, ``21_bone_density``.
    reads : iterable of str
        Data files the notebook read, relative to the project root.

    Returns
    -------
    str
        MyST Markdown.
    """
    parameters = [p for p in parameter_names(notebook) if p != "data_dir"]
    example = f" -p {parameters[0]} 7" if parameters else ""
    listed = ", ".join(f"`{p}`" for p in parameter_names(notebook)) or "none"
    rows = glued_numbers(notebook)
    files = ", ".join(_data_file(path) for path in sorted(reads)) or "none"
    return "\n".join(
        [
            "## Rerun this page",
            "",
            f"Download the notebook: {{download}}`{stem}.ipynb <{stem}.ipynb>` (executed) or "
            f"{{download}}`{stem}.py <{stem}.py>` (the jupytext source the build runs).",
            f"Rerun it with other parameters ({listed}) from the project folder: "
            f"`milkbone run notebooks/{stem}.py{example} -p data_dir data/simulated`.",
            "",
            f":::{{dropdown}} Numbers on this page ({len(rows)})",
            ":class-container: milkbone-provenance",
            "",
            "Every number the prose of this page shows, with its evidence level, the package "
            "function that produced it and the code cell that glued it. Data files the page "
            f"read: {files}.",
            "",
            "```{raw} html",
            _numbers_table(rows),
            "```",
            ":::",
            "",
        ]
    )


def prepare_page(
    notebook: dict, *, stem: str, reads: Iterable[str] = (), student: bool = False
) -> dict:
    """Apply every rule of this module to an executed notebook; return it.

    With ``student=True`` the exercise solutions are removed
    (:func:`milkbone.build.solutions.drop_solutions`).
    """
    if student:
        notebook = drop_solutions(notebook)
    notebook = link_sources(without_bookkeeping(hide_inputs(notebook)), stem=stem)
    footer = page_footer(notebook, stem=stem, reads=reads)
    notebook["cells"].append({"cell_type": "markdown", "metadata": {}, "source": footer})
    return notebook
