"""Words the transcription looks for in every sentence: direction and extent words, the
statistical tests and methods, and the software and databases with their versions.

Each vocabulary maps a canonical name to a regular expression; :func:`found` lists the
canonical names a sentence mentions, in the order of the vocabulary.
"""

from __future__ import annotations

import re

__all__ = ["DIRECTION_WORDS", "SOFTWARE", "TESTS", "found", "versions"]

DIRECTION_WORDS = {
    "increased": r"\bincreas(?:e|ed|es|ing)\b",
    "decreased": r"\bdecreas(?:e|ed|es|ing)\b",
    "higher": r"\bhigher\b",
    "lower": r"\blower\b",
    "elevated": r"\belevated\b",
    "raised": r"\brais(?:e|ed)\b",
    "improved": r"\bimprov(?:e|ed|es|ing)\b",
    "reduced": r"\breduc(?:e|ed|es|ing|tions?)\b",
    "slowed": r"\bslow(?:ed|ing)\b",
    "halted": r"\bhalt(?:ed|ing)\b",
    "modulated": r"\bmodulat(?:e|ed|es|ing)\b",
    "altered": r"\balter(?:ed|s)?\b",
    "significant": r"\bsignifican(?:t|tly|ce)\b",
    "all": r"\ball\b",
    "both": r"\bboth\b",
    "only": r"\bonly\b",
}
"""Direction and extent words whose claims the numbers they summarise can test."""

TESTS = {
    "t-test": r"\bt-tests?\b|\bt test",
    "Mann–Whitney": r"Mann[–-]Whitney",
    "Wilcoxon": r"Wilcoxon",
    "Kruskal–Wallis": r"Kruskal[–-]Wallis",
    "rank test": r"\brank test\b",
    "ANOVA": r"\bANOVA\b|analysis of variance",
    "Tukey HSD": r"Tukey",
    "chi-square": r"chi-square",
    "Benjamini–Hochberg": r"Benjamini|[Ff]alse discovery rate",
    "Spearman": r"Spearman",
    "MetagenomeSeq": r"MetagenomeSeq",
    "random forest": r"[Rr]andom forest",
    "ROC": r"receiver operating characteristic|\bAUC\b",
    "cross-validation": r"[Cc]ross-validation",
    "hypergeometric": r"hypergeometric",
    "permutation test": r"permutation|rapid prototype test",
    "PCA": r"principal component analysis",
    "PCoA": r"[Pp]rincipal [Cc]oordinate [Aa]nalysis|\bPCoA\b",
    "PLS-DA": r"PLS-DA|partial least squares",
}
"""Statistical tests and methods, by the name the book uses."""

SOFTWARE = {
    "Jamovi": r"Jamovi software \(version (?P<version>[\d.]+)\)|Jamovi",
    "QIIME": r"QIIME (?P<version>\d[\d.]*\d)|QIIME",
    "Greengenes": r"Greengenes [^()]*\(version (?P<version>[\d.]+)\)|Greengenes",
    "Calypso": r"Calypso (?P<version>\d[\d.]*\d)|Calypso",
    "metaX": r"metaX",
    "MetaboAnalyst": r"MetaboAnalyst",
    "KEGG": r"\bKEGG\b|Kyoto Encyclopedia of Genes and Genomes",
    "Excel": r"\bExcel\b",
}
"""Software and databases, with the version where the paper prints one."""


def found(text: str, vocabulary: dict[str, str], *, ignore_case: bool = False) -> list[str]:
    """The canonical names of ``vocabulary`` that ``text`` mentions, in vocabulary order.

    Examples
    --------
    >>> found("Both groups increased (Wilcoxon test)", TESTS)
    ['Wilcoxon']
    >>> found("Both groups increased", DIRECTION_WORDS, ignore_case=True)
    ['increased', 'both']
    """
    flags = re.IGNORECASE if ignore_case else 0
    return [name for name, pattern in vocabulary.items() if re.search(pattern, text, flags)]


def versions(text: str) -> dict[str, str]:
    """The version printed beside each piece of software or database ``text`` names.

    Examples
    --------
    >>> versions("merged using QIIME 1.9.0 and the Greengenes database (version 13.5)")
    {'QIIME': '1.9.0', 'Greengenes': '13.5'}
    """
    out = {}
    for name, pattern in SOFTWARE.items():
        match = re.search(pattern, text)
        if match and match.groupdict().get("version"):
            out[name] = match.group("version")
    return out
