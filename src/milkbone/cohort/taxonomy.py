"""Taxonomy strings as QIIME 2 writes them, Greengenes or SILVA, parsed into ranks.

A string is a ``;``-separated list of ``<rank>__<name>`` parts in rank order:
``k__`` (Greengenes) or ``d__`` (SILVA) for the kingdom, then ``p__ c__ o__ f__ g__
s__``. Spaces around parts are ignored, and a string may stop at any rank (SILVA
often stops at the genus). Decided on purpose:

- an empty name (``g__``), or one of :data:`UNNAMED` (``uncultured``,
  ``unidentified``, ``metagenome``... in any case) is a **missing** rank (NA): such a
  feature is not counted under a genus called "uncultured";
- ``Unassigned`` (QIIME's label for a read that matched nothing) is missing at every
  rank;
- names are kept as printed (Greengenes' brackets, ``[Ruminococcus]``, SILVA's
  ``_group`` suffixes), so the same genus from two databases may differ;
- a Greengenes species (``s__prausnitzii``) is the epithet only; it is kept as
  printed;
- a part without a rank prefix, an unknown prefix, or ranks out of order or twice
  make the string unparseable (a problem naming the feature's line).
"""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["RANKS", "UNNAMED", "TaxonError", "parse_taxon", "parse_taxonomy", "taxon_string"]

RANKS = ("kingdom", "phylum", "class", "order", "family", "genus", "species")
"""The ranks of a parsed taxonomy, kingdom first."""

UNNAMED = frozenset(
    {
        "uncultured",
        "uncultured bacterium",
        "uncultured_bacterium",
        "uncultured organism",
        "unidentified",
        "unknown",
        "metagenome",
        "gut metagenome",
        "human gut metagenome",
    }
)
"""Names that say the rank is not known (compared in lower case)."""

_PREFIX = {"k": 0, "d": 0, "p": 1, "c": 2, "o": 3, "f": 4, "g": 5, "s": 6}
_PART = re.compile(r"^([a-z])__(.*)$")


class TaxonError(ValueError):
    """A taxonomy string that cannot be read as Greengenes or SILVA ranks."""


def parse_taxon(text: str) -> dict[str, str | None]:
    """One taxonomy string as ``{rank: name or None}`` over :data:`RANKS`.

    Raises
    ------
    TaxonError
        With a sentence saying which part is wrong.

    Examples
    --------
    >>> parse_taxon("d__Bacteria; p__Firmicutes; c__Clostridia; g__uncultured")["genus"]
    >>> parse_taxon("k__Bacteria; p__Firmicutes; g__Faecalibacterium; s__prausnitzii")["species"]
    'prausnitzii'
    >>> parse_taxon("Bacteria;Firmicutes")
    Traceback (most recent call last):
    ...
    milkbone.cohort.taxonomy.TaxonError: part 'Bacteria' has no rank prefix such as 'p__'
    """
    ranks: dict[str, str | None] = dict.fromkeys(RANKS)
    text = text.strip()
    if text.lower() in ("unassigned", "unclassified"):
        return ranks
    if not text:
        raise TaxonError("the taxonomy is empty (write 'Unassigned' for no match)")
    last = -1
    for part in (p.strip() for p in text.split(";")):
        if not part and last >= 0:
            continue  # a trailing ';'
        match = _PART.match(part)
        if match is None:
            raise TaxonError(f"part {part!r} has no rank prefix such as 'p__'")
        prefix, name = match.groups()
        if prefix not in _PREFIX:
            raise TaxonError(f"part {part!r} has an unknown rank prefix {prefix + '__'!r}")
        position = _PREFIX[prefix]
        if position <= last:
            raise TaxonError(f"part {part!r} comes after a rank it should precede, or twice")
        last = position
        name = name.strip()
        ranks[RANKS[position]] = None if not name or name.lower() in UNNAMED else name
    return ranks


def parse_taxonomy(taxa: pd.Series) -> tuple[pd.DataFrame, pd.Series]:
    """Parse many strings: ``(ranks, errors)``.

    ``ranks`` has the index of ``taxa`` and one ``string`` column per rank (NA where
    missing or unparseable); ``errors`` holds the message of each unparseable string,
    indexed like ``taxa``.

    Examples
    --------
    >>> ranks, errors = parse_taxonomy(pd.Series(["d__Bacteria; g__Bacteroides", "x"]))
    >>> ranks["genus"].tolist(), errors.index.tolist()
    (['Bacteroides', <NA>], [1])
    """
    rows, errors = [], {}
    for key, text in taxa.items():
        try:
            rows.append(parse_taxon(text))
        except TaxonError as error:
            errors[key] = str(error)
            rows.append(dict.fromkeys(RANKS))
    ranks = pd.DataFrame(rows, index=taxa.index, columns=list(RANKS)).astype("string")
    return ranks, pd.Series(errors, dtype=object)


def taxon_string(ranks: pd.Series, *, style: str = "silva") -> str:
    """One feature's ranks written back as a taxonomy string.

    ``style="silva"`` writes ``d__`` and the ranks down to the last known one, a
    missing rank in between as ``uncultured``; ``"greengenes"`` writes ``k__`` and all
    seven ranks, missing ones empty (``g__``). :func:`parse_taxon` reads both back.

    Examples
    --------
    >>> ranks = pd.Series({"kingdom": "Bacteria", "phylum": "Firmicutes", "class": None,
    ...                    "order": None, "family": "Lachnospiraceae", "genus": "Blautia",
    ...                    "species": None})
    >>> taxon_string(ranks)
    'd__Bacteria; p__Firmicutes; c__uncultured; o__uncultured; f__Lachnospiraceae; g__Blautia'
    >>> taxon_string(ranks, style="greengenes")
    'k__Bacteria; p__Firmicutes; c__; o__; f__Lachnospiraceae; g__Blautia; s__'
    """
    if style not in ("silva", "greengenes"):
        raise ValueError(f"style must be 'silva' or 'greengenes', got {style!r}")
    names = [None if pd.isna(ranks.get(r)) else str(ranks.get(r)) for r in RANKS]
    prefixes = ("d" if style == "silva" else "k", "p", "c", "o", "f", "g", "s")
    if style == "greengenes":
        return "; ".join(f"{p}__{n or ''}" for p, n in zip(prefixes, names, strict=True))
    known = [i for i, n in enumerate(names) if n is not None]
    last = max(known[-1] if known else 0, 5)  # SILVA strings reach the genus
    parts = zip(prefixes[: last + 1], names[: last + 1], strict=True)
    return "; ".join(f"{p}__{n or 'uncultured'}" for p, n in parts)
