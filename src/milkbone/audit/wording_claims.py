"""Claims about the paper's words: facts in several places, category bounds, tests named,
software versions, abbreviations and figure panels.

Each ``_k_*`` function takes a claim, the ids of its inputs and every printed record by
id (sentences, facts, expansions and panels included) and returns an
:class:`~milkbone.audit.formatting.Outcome`; :data:`KINDS` maps ``check_kind`` to them.
"""

from __future__ import annotations

from collections.abc import Callable

from milkbone.audit import wording
from milkbone.audit.counts import check_count
from milkbone.audit.formatting import Outcome
from milkbone.published.registry_paper import abbreviation_key

__all__ = ["KINDS", "METHODS_PARTS", "RESULTS_PARTS"]

METHODS_PARTS = ("methods",)
"""Parts of the paper that describe the methods."""

RESULTS_PARTS = ("results", "caption", "footnote")
"""Parts that report results (a caption or footnote of a Results figure or table)."""


def _outcome(frame) -> Outcome:
    r = frame.iloc[0]
    evidence = "not-verifiable" if r["verdict"] == "not-verifiable" else ""
    return Outcome(r["verdict"], str(r["recomputed"]), r["note"], evidence)


def _k_same_fact(claim, ids, look):
    values = {f"{look[i]['sentence_id']} ({i})": look[i]["value"] for i in ids}
    return _outcome(wording.check_same_fact(values, quantity=claim["claim_id"].removeprefix("f.")))


def _k_category_bounds(claim, ids, look):
    bounds = {look[i]["check_note"] or i: look[i]["value"] for i in ids}
    return _outcome(wording.check_category_bounds(bounds))


def _in_results(rec: dict) -> bool:
    section = str(rec["section"])
    return rec["part"] in RESULTS_PARTS and section.startswith("3")


def _k_tests_named(claim, ids, look):
    methods = [i for i in ids if look[i]["part"] in METHODS_PARTS]
    results = [i for i in ids if _in_results(look[i])]
    if not methods and not results:  # named only in the Abstract, Introduction or Discussion
        note = f"named only in {', '.join(ids)}, outside the Methods and the Results"
        return Outcome("not-verifiable", "0 / 0", note, "not-verifiable")
    return _outcome(
        wording.check_tests_named(claim["published_value"], methods=methods, results=results)
    )


def _k_software(claim, ids, look):
    name = claim["published_value"]
    versions = {}
    for i in ids:
        items = dict(item.partition("=")[::2] for item in look[i]["software"].split(";"))
        versions[i] = items.get(name, "")
    return _outcome(wording.check_versions(name, versions))


def _k_abbreviation(claim, ids, look):
    key = abbreviation_key(look[ids[0]]["abbreviation"])
    if f"term:{key}" not in look:
        note = f"{key}: no standard meaning on file (data/curated/terms.csv)"
        return Outcome("not-verifiable", "", note, "not-verifiable")
    standard = [s for s in look[f"term:{key}"]["standard"].split(";") if s]
    expansions = {f"{look[i]['sentence_id']} ({i})": look[i]["expansion"] for i in ids}
    return _outcome(wording.check_expansions(key, expansions, standard=standard))


def _k_panels(claim, ids, look):
    rows = [look[i] for i in ids]
    caption = [x for r in rows if r["kind"] == "caption" for x in r["letters"].split(";") if x]
    cited = [x for r in rows if r["kind"] == "reference" for x in r["letters"].split(";") if x]
    figure = int(rows[0]["figure"])
    return _outcome(wording.check_panel_letters(figure, caption=caption, cited=cited))


def _k_listed_count(claim, ids, look):
    fact = look[ids[0]]
    items = [i for i in fact["items"].split(";") if i]
    out = _outcome(check_count(items, stated=fact["value"]))
    out.note = f"{len(items)} listed ({'; '.join(items)}); stated {fact['value']}"
    return out


KINDS: dict[str, Callable[[dict, list[str], dict], Outcome]] = {
    "same_fact": _k_same_fact,
    "category_bounds": _k_category_bounds,
    "tests_named": _k_tests_named,
    "software_version": _k_software,
    "abbreviation": _k_abbreviation,
    "panel_letters": _k_panels,
    "listed_count": _k_listed_count,
}
"""The check of each ``check_kind`` this module reads, by name."""
