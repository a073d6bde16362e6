"""Sphinx extension for the book: MathJax from the site itself (never a CDN), table style.

MathJax 2.7 ships inside the ``jupyter-server-mathjax`` package, which the lock
installs. On ``config-inited`` its files are copied once into
``_build/.mathjax/mathjax`` and published as ``_static/mathjax/``. They are kept
out of a ``_static`` source folder on purpose: Jupyter Book loads every script
found there on every page, which would load MathJax twice.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import jupyter_server_mathjax

__all__ = ["MATHJAX_CONFIG", "STYLESHEET", "mathjax_source", "setup"]

MATHJAX_CONFIG = "TeX-AMS-MML_HTMLorMML-full"


def mathjax_source() -> Path:
    """Folder holding ``MathJax.js`` in the installed ``jupyter-server-mathjax``."""
    return Path(jupyter_server_mathjax.__file__).resolve().parent / "static"


STYLESHEET = """\
/* milkbone: tables made by report.show_table */
table.milkbone-table { margin: 0.5em 0 1.5em; font-size: 0.9em; }
table.milkbone-table th, table.milkbone-table td { padding: 0.25em 0.8em; }
table.milkbone-table td { font-variant-numeric: tabular-nums; }
"""


def _stage_mathjax(app, config) -> None:
    staging = Path(app.outdir).parent / ".mathjax"
    target = staging / "mathjax"
    if not (target / "MathJax.js").exists():
        shutil.copytree(mathjax_source(), target, dirs_exist_ok=True)
    stylesheet = staging / "milkbone.css"
    if not stylesheet.exists() or stylesheet.read_text() != STYLESHEET:
        stylesheet.write_text(STYLESHEET)
    config.html_static_path = [*config.html_static_path, str(staging)]
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
        },
        "showMathMenu": False,
        "messageStyle": "none",
    }


def setup(app):
    """Register the extension: stage MathJax and the stylesheet once the config is read."""
    app.connect("config-inited", _stage_mathjax, priority=900)
    app.add_css_file("milkbone.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
