"""Sphinx extension for the book: page rules, MathJax from the site itself, table style.

On ``source-read`` every executed notebook goes through
:func:`milkbone.build.pages.prepare_page` (inputs collapsed, bookkeeping dropped,
captions linked to their cells, the rerun line and "Numbers on this page" appended;
solutions dropped in the student edition, ``milkbone_edition = "student"``). On
``doctree-read`` each code cell gets the id ``cell-<execution count>`` those links point to.

MathJax 2.7 ships inside the ``jupyter-server-mathjax`` package, which the lock
installs. On ``config-inited`` its files are copied once into
``_build/.mathjax/mathjax`` and published as ``_static/mathjax/``. They are kept
out of a ``_static`` source folder on purpose: Jupyter Book loads every script
found there on every page, which would load MathJax twice.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import jupyter_server_mathjax
from docutils import nodes

from milkbone.build.cache import CACHE_DIRNAME
from milkbone.build.pages import prepare_page

__all__ = ["EDITIONS", "FAVICON", "MATHJAX_CONFIG", "STYLESHEET", "mathjax_source", "setup"]

EDITIONS = ("reader", "student")
"""``reader``: solutions in dropdowns; ``student``: solutions removed."""

FAVICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
    '<circle cx="8" cy="8" r="7" fill="#0072B2"/></svg>\n'
)
"""The site's icon: without one the browser asks for ``/favicon.ico`` and logs a 404."""

MATHJAX_CONFIG = "TeX-AMS-MML_HTMLorMML-full"


def mathjax_source() -> Path:
    """Folder holding ``MathJax.js`` in the installed ``jupyter-server-mathjax``."""
    return Path(jupyter_server_mathjax.__file__).resolve().parent / "static"


STYLESHEET = """\
/* milkbone: tables made by report.show_table */
table.milkbone-table { margin: 0.5em 0 1.5em; font-size: 0.9em; }
table.milkbone-table th, table.milkbone-table td { padding: 0.25em 0.8em; }
table.milkbone-table td { font-variant-numeric: tabular-nums; }
/* wide tables scroll inside the page with a scrollbar always drawn; key column stays */
div.milkbone-scroll { overflow-x: auto; max-width: 100%; margin-bottom: 1em;
  scrollbar-width: auto; scrollbar-color: #8a8a8a #ececec; }
div.milkbone-scroll > table.milkbone-table { margin-bottom: 0.4em; }
table.milkbone-table th, table.milkbone-table td { white-space: nowrap; }
table.milkbone-table td.milkbone-long { white-space: normal; min-width: 24em; }
table.milkbone-numbers td { white-space: normal; overflow-wrap: anywhere; }
table.milkbone-numbers td:first-child { min-width: 16em; }
div.milkbone-scroll table.milkbone-table th:first-child,
div.milkbone-scroll table.milkbone-table td:first-child {
  position: sticky; left: 0; z-index: 1; background: var(--pst-color-background, #fff); }
/* collapsed code: one quiet line per cell, results first */
details.hide.above-input > summary { font-size: 0.75em; opacity: 0.65; padding: 0 0.4em; }
div.cell.tag_hide-input { margin-top: 0.2em; margin-bottom: 0.2em; }
/* the simulated watermark is in the figure; captions keep their badge */
div.cell_output img { max-width: 100%; height: auto; }
"""


def _stage_mathjax(app, config) -> None:
    staging = Path(app.outdir).parent / ".mathjax"
    target = staging / "mathjax"
    if not (target / "MathJax.js").exists():
        shutil.copytree(mathjax_source(), target, dirs_exist_ok=True)
    for name, text in (("milkbone.css", STYLESHEET), ("favicon.svg", FAVICON)):
        path = staging / name
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
    if config.milkbone_edition not in EDITIONS:
        raise ValueError(
            f"milkbone_edition must be one of {EDITIONS}, got {config.milkbone_edition!r}"
        )
    config.html_static_path = [*config.html_static_path, str(staging)]
    config.html_favicon = str(staging / "favicon.svg")
    # a changed page rule must reach every page, not only the pages whose source changed:
    # Sphinx re-reads everything when an "env" config value differs from the last build's
    config.milkbone_rules = hashlib.sha256(
        b"".join(p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py")))
    ).hexdigest()
    config.mathjax_path = f"mathjax/MathJax.js?config={MATHJAX_CONFIG}"
    config.mathjax3_config = None
    config.mathjax2_config = {
        "tex2jax": {
            "inlineMath": [["\\(", "\\)"]],
            "displayMath": [["\\[", "\\]"]],
            # myst-nb marks each page tex2jax_ignore and expects only math elements to be
            # typeset (MathJax 3's processHtmlClass); MathJax 2 needs the same as classes
            "processClass": "math|tex2jax_process|mathjax_process|output_area",
            "ignoreClass": "tex2jax_ignore|mathjax_ignore",
        },
        # jupyter-server-mathjax ships the STIX-Web fonts only (not MathJax's TeX fonts)
        "HTML-CSS": {
            "availableFonts": [],
            "preferredFont": None,
            "webFont": "STIX-Web",
            "imageFont": None,
            # MathJax's fallback font is url('about:blank'), which the browser refuses
            # with a console error on every page with math; a local() name asks nothing
            "styles": {
                "@font-face": {"font-family": "MathJax_Blank", "src": "local('MathJax_Blank')"}
            },
        },
        "showMathMenu": False,
        "messageStyle": "none",
    }


def _reads(root: Path, stem: str) -> list[str]:
    """Data files the notebook ``stem`` read in its last run (from the build's cache)."""
    try:
        entry = json.loads((root / "_build" / CACHE_DIRNAME / f"{stem}.json").read_text())
    except (OSError, ValueError):
        return []
    return sorted(entry.get("reads", {}))


def _prepare_notebook(app, docname: str, source: list[str]) -> None:
    """``source-read``: apply the page rules to an executed notebook."""
    if not str(app.env.doc2path(docname)).endswith(".ipynb"):
        return
    stem = Path(docname).name
    notebook = json.loads(source[0])
    notebook = prepare_page(
        notebook,
        stem=stem,
        reads=_reads(Path(app.srcdir), stem),
        student=app.config.milkbone_edition == "student",
    )
    source[0] = json.dumps(notebook)


def _anchor_cells(app, doctree) -> None:
    """``doctree-read``: give each code cell the id its caption links point to."""
    for node in doctree.findall(nodes.container):
        if node.get("nb_element") == "cell_code" and node.get("exec_count") is not None:
            node["ids"].append(f"cell-{node['exec_count']}")


def _unique_assets(app, pagename, templatename, context, doctree) -> None:
    """``html-page-context``: each script and stylesheet once. sphinx-thebe adds its inline
    configuration again whenever documents are re-read, and the browser then reports
    "Identifier 'THEBE_JS_URL' has already been declared" on every page."""
    for name in ("script_files", "css_files"):
        if name in context:
            seen: set[str] = set()
            kept = []
            for asset in context[name]:
                # the same inline script comes once with filename None, once with ""
                key = f"{asset.filename or ''}|{asset.attributes.get('body', '')}"
                if key not in seen:
                    seen.add(key)
                    kept.append(asset)
            context[name] = kept


def setup(app):
    """Register the extension: page rules, and MathJax, styles and icon once configured."""
    app.add_config_value("milkbone_edition", "reader", "env")
    app.add_config_value("milkbone_rules", "", "env")
    app.connect("config-inited", _stage_mathjax, priority=900)
    app.connect("source-read", _prepare_notebook)
    app.connect("doctree-read", _anchor_cells)
    app.connect("html-page-context", _unique_assets)
    app.add_css_file("milkbone.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
