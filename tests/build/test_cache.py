"""milkbone.build.cache: what invalidates a notebook's cache entry."""

from __future__ import annotations

import hashlib
import json

from milkbone import build

NOTEBOOK = {"cells": [{"cell_type": "code", "source": "x = 1", "outputs": []}], "nbformat": 4}


def test_source_and_package_changes_invalidate_the_cache(project):
    root = project
    source = root / "notebooks" / "alpha.py"
    key = build.cache_key(source, {}, "package-v1")
    assert build.cache_key(source, {}, "package-v2") != key
    assert build.cache_key(source, {"seed": 7}, "package-v1") != key
    source.write_text(source.read_text() + "\n# edited\n")
    assert build.cache_key(source, {}, "package-v1") != key
    assert not build.is_up_to_date(source, parameters={}, package="package-v1", root=root)


def _cached(root, source, package="p"):
    """Pretend ``source`` ran with the current inputs, reading data/alpha.csv."""
    build.output_path(source).write_text(json.dumps(NOTEBOOK, indent=1))
    entry = {
        "key": build.cache_key(source, {}, package),
        "reads": {"data/alpha.csv": build.cache.file_hash(root / "data" / "alpha.csv")},
    }
    build.cache.write_entry(source, root, entry)
    return build.cache.cache_file(source, root)


def test_an_entry_with_current_inputs_is_up_to_date_until_a_read_file_changes(project):
    source = project / "notebooks" / "alpha.py"
    _cached(project, source)
    assert build.is_up_to_date(source, parameters={}, package="p", root=project)
    (project / "data" / "alpha.csv").write_text("x\n2\n")
    assert not build.is_up_to_date(source, parameters={}, package="p", root=project)


def test_a_truncated_or_malformed_entry_counts_as_missing(project):
    source = project / "notebooks" / "alpha.py"
    entry = _cached(project, source)
    text = entry.read_text()
    entry.write_text(text[: len(text) // 2])
    assert not build.is_up_to_date(source, parameters={}, package="p", root=project)
    entry.write_text(json.dumps(["not", "an", "entry"]))
    assert not build.is_up_to_date(source, parameters={}, package="p", root=project)


def test_without_its_executed_notebook_an_entry_is_stale(project):
    source = project / "notebooks" / "alpha.py"
    _cached(project, source)
    build.output_path(source).unlink()
    assert not build.is_up_to_date(source, parameters={}, package="p", root=project)


def test_package_hash_ignores_the_build_subpackage_and_the_command_line(tmp_path):
    package = tmp_path / "milkbone"
    (package / "build").mkdir(parents=True)
    (package / "analysis").mkdir()
    (package / "build" / "execute.py").write_text("x = 1\n")
    (package / "cli.py").write_text("c = 1\n")
    (package / "analysis" / "clinical.py").write_text("y = 1\n")
    before = build.package_hash(package)
    (package / "build" / "execute.py").write_text("x = 2\n")
    (package / "cli.py").write_text("c = 2\n")
    assert build.package_hash(package) == before
    (package / "analysis" / "clinical.py").write_text("y = 2\n")
    assert build.package_hash(package) != before


def test_the_installed_package_hash_skips_exactly_build_and_cli():
    assert build.NOT_NOTEBOOK_INPUTS == ("build", "cli.py")
    assert build.package_hash() == build.package_hash(build.cache.PACKAGE)


def test_an_empty_or_truncated_executed_notebook_counts_as_not_cached(project):
    source = project / "notebooks" / "alpha.py"
    _cached(project, source)
    notebook = build.output_path(source)
    text = notebook.read_text()
    notebook.write_text("")
    assert not build.is_up_to_date(source, parameters={}, package="p", root=project)
    notebook.write_text(text[: len(text) // 2])
    assert not build.is_up_to_date(source, parameters={}, package="p", root=project)
    notebook.write_text(text)  # the very file the run wrote: cached again
    assert build.is_up_to_date(source, parameters={}, package="p", root=project)


def test_an_entry_that_records_no_executed_notebook_counts_as_missing(project):
    source = project / "notebooks" / "alpha.py"
    entry = _cached(project, source)
    record = json.loads(entry.read_text())
    del record["output"]  # as written before entries recorded it
    entry.write_text(json.dumps(record))
    assert not build.is_up_to_date(source, parameters={}, package="p", root=project)


def test_entries_are_written_whole_and_leave_no_temporary_file(project):
    source = project / "notebooks" / "alpha.py"
    entry = _cached(project, source)
    record = json.loads(entry.read_text())
    # the entry vouches for the executed notebook by its SHA-256 (hashlib, independently)
    expected = hashlib.sha256(build.output_path(source).read_bytes()).hexdigest()
    assert record["output"] == expected
    assert sorted(p.name for p in entry.parent.iterdir()) == ["alpha.json"]
