"""Transcribe the paper's tables and prose numbers into ``data/published/``.

Run it where the paper's text (:data:`milkbone.paths.PAPER`) is available::

    .venv/bin/python -m milkbone.published.transcribe

Cell texts are copied from the paper's text file, never typed, so they stay
exactly as printed (U+2212 minus, U+202F narrow spaces, thousand separators).
What is typed by hand is the interpretation: slugs, groups, months, the reading
of ambiguous cells (with a ``flag``), and the prose numbers, which are listed
in our own words with the value as printed; the transcription looks each printed
value up in the paper and stops if it is not there.

Modules: :mod:`~.paper` (reading the text), :mod:`~.labels` (printed labels →
slugs), :mod:`~.clinical` (Tables 1–4), :mod:`~.metabolome` (Tables 5 and 6),
:mod:`~.prose_table` and :mod:`~.prose` (prose numbers, participant flow),
:mod:`~.fields` and :mod:`~.datapackage` (the descriptor), :mod:`~.write` (files).
``claims.csv`` is built by :func:`milkbone.published.build_claims` from the files
written here.
"""

from __future__ import annotations

from milkbone.published.transcribe.paper import Paper
from milkbone.published.transcribe.prose import read_printed
from milkbone.published.transcribe.write import transcribe_paper

__all__ = ["Paper", "read_printed", "transcribe_paper"]
