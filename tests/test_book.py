"""The whole book executes and builds with warnings as errors (slow)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from milkbone import build, paths

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built_site():
    """Run ``milkbone build`` exactly as ``make book`` does; reuses the notebook cache."""
    completed = subprocess.run(
        [sys.executable, "-m", "milkbone.cli", "build"],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return paths.BUILD / "html"


def _page(site, stem):
    return (site / "notebooks" / f"{stem}.html").read_text(encoding="utf-8")


def test_every_notebook_is_a_page(built_site):
    for source in build.notebook_sources():
        assert (built_site / "notebooks" / f"{source.stem}.html").exists()


def test_site_loads_nothing_from_the_network(built_site):
    remote = re.compile(r'<(?:script|link)[^>]+(?:src|href)="(?:https?:)?//[^"]+"')
    for page in built_site.rglob("*.html"):
        found = remote.findall(page.read_text(encoding="utf-8"))
        assert not found, f"{page.relative_to(built_site)} loads {found[:2]}"


def test_mathjax_is_served_locally(built_site):
    assert (built_site / "_static" / "mathjax" / "MathJax.js").exists()
    page = _page(built_site, "10_trial_design")
    assert 'class="math' in page  # the daily-intake formula
    assert 'src="../_static/mathjax/MathJax.js?config=' in page


def test_trial_design_page_shows_glued_numbers_and_evidence(built_site):
    html = _page(built_site, "10_trial_design")
    text = re.sub(r"<[^>]+>", " ", html)
    assert "Of 104 women enrolled" in re.sub(r"\s+", " ", text)
    for level in ("published", "recomputed"):
        assert f">{level}<" in html
    assert "Figure 1." in text and "Table 1." in text


def test_execution_report_is_published(built_site):
    html = (built_site / "book" / "execution_report.html").read_text(encoding="utf-8")
    for source in build.notebook_sources():
        assert f"notebooks/{source.name}" in html


def test_math_is_typeset_offline_in_a_browser(built_site, tmp_path):
    """MathJax from the site itself typesets the formula, with the network unused."""
    import shutil

    browser = shutil.which("chromium")
    if browser is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    page = built_site / "notebooks" / "10_trial_design.html"
    completed = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path}",
            "--virtual-time-budget=8000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert 'class="MathJax' in completed.stdout  # typeset output, not raw TeX
