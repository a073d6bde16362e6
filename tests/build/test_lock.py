"""The lock file, environment.yml and the installed environment agree (milkbone.build.lock)."""

from __future__ import annotations

from importlib import metadata

import pytest

from milkbone.build import lock


def test_environment_yml_installs_exactly_the_lock():
    assert lock.environment_pins() == lock.lock_pins()


def test_direct_requirements_are_pinned_in_the_lock_at_the_same_version():
    direct = lock.parse_pins((lock.ROOT / "requirements.in").read_text().splitlines())
    pins = lock.lock_pins()
    assert {name: pins.get(name) for name in direct} == direct


def test_installed_environment_matches_the_lock():
    pins = lock.lock_pins()
    installed = {lock.normalise(d.metadata["Name"]): d.version for d in metadata.distributions()}
    drift = {n: (v, installed.get(n)) for n, v in pins.items() if installed.get(n) != v}
    assert drift == {}


def test_a_drifted_environment_yml_is_detected(tmp_path):
    pins = dict(lock.lock_pins(), pandas="2.0.0")
    drifted = tmp_path / "environment.yml"
    drifted.write_text(lock.render_environment(pins))
    assert lock.environment_pins(drifted) != lock.lock_pins()


def test_a_loose_requirement_is_refused():
    with pytest.raises(ValueError, match="not an exact pin"):
        lock.parse_pins(["pandas>=2"])


def test_lock_command_checks_and_writes_environment_yml(tmp_path, monkeypatch, capsys):
    from milkbone import cli

    environment = tmp_path / "environment.yml"
    monkeypatch.setattr(lock, "ENVIRONMENT", environment)
    environment.write_text(lock.render_environment(dict(lock.lock_pins(), pandas="2.0.0")))
    assert cli.main(["lock", "--check"]) == 1
    assert "disagree" in capsys.readouterr().out
    assert lock.write_environment(environment=environment) == environment
    assert lock.pins_agree(environment=environment)
