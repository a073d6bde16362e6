"""Numbers glued for the prose, each with its evidence level, recorded per notebook.

A notebook makes one :class:`Numbers` right after its imports and glues every number
its prose uses through it::

    numbers = report.Numbers()
    numbers.glue("bone_density.l1_4_bmd.hcm.m12.mean", value, evidence=data.evidence)

The recorder holds what was glued (so a key cannot be used twice, and
:meth:`Numbers.table` lists every number with its level); nothing is kept at module
level, so two notebooks, or two tests, never see each other's keys.

Each number also records the package function that produced it (``source=``, or read
from the gluing code by :func:`milkbone.report.provenance.producers`). Level and source
travel with the glued output as metadata, where the book build reads them for the
"Numbers on this page" list under every chapter.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from milkbone.report.disclosure import guard_value
from milkbone.report.evidence import check_evidence
from milkbone.report.provenance import producers

__all__ = ["GLUE_KEY", "GLUE_METADATA", "GLUE_PREFIX", "Glued", "Numbers"]

GLUE_KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+){1,4}$")
"""``<section>.<quantity>[.<group>][.<month>][.<statistic>]`` (STYLE.md §3)."""

GLUE_PREFIX = "application/papermill.record/"
"""myst-nb's prefix of glued values that are not displayed where they are glued."""

GLUE_METADATA = "milkbone"
"""Key of a glued output's metadata holding its evidence level and source."""


@dataclass(frozen=True)
class Glued:
    """One glued number: its key, the value shown, its evidence level and its source."""

    key: str
    value: object
    evidence: str
    source: str = ""


class Numbers:
    """The numbers one notebook glues for its prose (myst-nb ``{glue:text}``).

    Examples
    --------
    >>> numbers = Numbers(display=False)
    >>> numbers.glue("baseline.age.hcm.m0.mean", 61.2, evidence="published")
    >>> numbers.glue_many({"baseline.completers.hcm.count": 51}, evidence="published")
    >>> numbers.glue("baseline.age.cm.m0.mean", 60.5, evidence="published",
    ...              source="milkbone.published.summary_statistics")
    >>> numbers.table()[["key", "value", "source"]]
                                 key  value                                source
    0       baseline.age.hcm.m0.mean   61.2
    1  baseline.completers.hcm.count   51.0
    2        baseline.age.cm.m0.mean   60.5  milkbone.published.summary_statistics
    >>> "baseline.age.hcm.m0.mean" in numbers, len(numbers)
    (True, 3)
    """

    def __init__(self, *, display: bool = True) -> None:
        """Start an empty record; ``display=False`` records without calling myst-nb."""
        self._glued: dict[str, Glued] = {}
        self._display = display
        self._parsed: dict = {}  # cells parsed while looking for sources

    def __len__(self) -> int:
        return len(self._glued)

    def __contains__(self, key: object) -> bool:
        return key in self._glued

    def glue(
        self,
        key: str,
        value: object,
        *,
        evidence: str,
        n: int | None = None,
        source: str | None = None,
    ) -> None:
        """Store ``value`` for the prose under ``key`` and record its evidence level.

        Parameters
        ----------
        key : str
            ``<section>.<quantity>[.<group>][.<month>][.<statistic>]``, lower case,
            unique within the notebook (STYLE.md §3).
        value : object
            Usually an unrounded number; round it in the ``{glue:text}`` role.
        evidence : str
            One of :data:`milkbone.vocabulary.EVIDENCE_LEVELS`; for results computed on
            participant data, the cohort's (``cohort.evidence``).
        n : int, optional
            How many people the value describes. On ``observed`` data a value
            describing fewer than five, or a count below five, is glued as ``"–"``
            (:func:`milkbone.report.disclosure.guard_value`).
        source : str, optional
            The package function that produced the value (``"milkbone.audit.verify"``);
            default read from the gluing code (:func:`~milkbone.report.provenance.producers`).

        Returns
        -------
        None
            Nothing, so a cell ending in a glue shows no output.

        Raises
        ------
        ValueError
            If the key does not match the pattern, was glued before in this
            notebook, or the evidence level is unknown.
        """
        check_evidence(evidence)
        if not GLUE_KEY.match(key):
            raise ValueError(
                f"glue key {key!r} does not match {GLUE_KEY.pattern} "
                "(lower-case section.quantity[.group][.month][.statistic])"
            )
        if key in self._glued:
            raise ValueError(f"glue key {key!r} was already used in this notebook")
        if isinstance(value, np.generic):  # numpy 2 scalars repr as "np.float64(…)"
            value = value.item()
        value = guard_value(key, value, evidence=evidence, n=n)
        if source is None:
            source = producers(key, cache=self._parsed)
        self._glued[key] = Glued(key, value, evidence, source)
        if self._display:
            _display_glued(self._glued[key])

    def glue_many(
        self, values: Mapping[str, object], *, evidence: str, n: int | None = None
    ) -> None:
        """Glue several numbers of one evidence level: ``{key: value}``, in order.

        ``n``, if given, is how many people the least of them describes
        (:meth:`glue`).

        Examples
        --------
        >>> Numbers(display=False).glue_many({}, evidence="published")  # nothing to glue
        """
        check_evidence(evidence)
        for key, value in values.items():
            self.glue(key, value, evidence=evidence, n=n)

    def table(self) -> pd.DataFrame:
        """Every number glued so far in this notebook, with its evidence level.

        Returns
        -------
        pandas.DataFrame
            Columns ``key, value, evidence, source``, in gluing order.
        """
        rows = [(g.key, g.value, g.evidence, g.source) for g in self._glued.values()]
        return pd.DataFrame(rows, columns=["key", "value", "evidence", "source"])


def _display_glued(glued: Glued) -> None:
    """What ``myst_nb.glue(key, value, display=False)`` does, with level and source added."""
    from IPython.core.formatters import format_display_data
    from IPython.display import display

    bundle, metadata = format_display_data(glued.value)
    metadata["scrapbook"] = {"name": glued.key, "mime_prefix": GLUE_PREFIX}
    metadata[GLUE_METADATA] = {"evidence": glued.evidence, "source": glued.source}
    display({GLUE_PREFIX + k: v for k, v in bundle.items()}, raw=True, metadata=metadata)
