"""The lock file, environment.yml and the installed environment agree (milkbone._lock)."""

from __future__ import annotations

from importlib import metadata

import pytest

from milkbone import _lock


def test_environment_yml_installs_exactly_the_lock():
    assert _lock.environment_pins() == _lock.lock_pins()


def test_direct_requirements_are_pinned_in_the_lock_at_the_same_version():
    direct = _lock.parse_pins((_lock.ROOT / "requirements.in").read_text().splitlines())
    lock = _lock.lock_pins()
    assert {name: lock.get(name) for name in direct} == direct


def test_installed_environment_matches_the_lock():
    lock = _lock.lock_pins()
    installed = {_lock._normalise(d.metadata["Name"]): d.version for d in metadata.distributions()}
    drift = {n: (v, installed.get(n)) for n, v in lock.items() if installed.get(n) != v}
    assert drift == {}


def test_a_drifted_environment_yml_is_detected(tmp_path):
    pins = dict(_lock.lock_pins(), pandas="2.0.0")
    drifted = tmp_path / "environment.yml"
    drifted.write_text(_lock.render_environment(pins))
    assert _lock.environment_pins(drifted) != _lock.lock_pins()


def test_a_loose_requirement_is_refused():
    with pytest.raises(ValueError, match="not an exact pin"):
        _lock.parse_pins(["pandas>=2"])
