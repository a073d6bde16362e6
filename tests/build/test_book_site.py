"""The whole book executes and builds with warnings as errors (slow); the site's page rules,
the footer, the student edition. The ``built_site`` fixture is in ``tests/conftest.py``;
the same pages in a browser: ``tests/browser``."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from milkbone import build, paths

pytestmark = pytest.mark.slow


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


def test_footer_from_the_config_is_on_every_page(built_site):
    """Issue 14: html.extra_footer of _config.yml never appeared."""
    for page in [built_site / "book" / "intro.html", *(built_site / "notebooks").glob("*.html")]:
        assert "Participant-level results are simulated" in page.read_text(encoding="utf-8")


def test_chapters_collapse_code_and_end_with_rerun_and_numbers(built_site):
    for source in build.notebook_sources():
        html = _page(built_site, source.stem)
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
        assert "tag_hide-input" in html, source.stem
        assert "Rerun this page" in text and f"milkbone run notebooks/{source.stem}.py" in text
        assert "Numbers on this page" in text
        assert f"{source.stem}.ipynb" in text and f"{source.stem}.py" in text
        assert "(1940, 5)" not in text


def test_figures_link_to_their_cell_and_carry_their_caption_as_alt(built_site):
    html = _page(built_site, "21_bone_density")
    cell = re.search(r'<a href="#(cell-\d+)"><code[^>]*>(?:<span[^>]*>)?notebooks/21_bone', html)
    assert cell and f'id="{cell.group(1)}"' in html
    alts = re.findall(r'<img alt="([^"]*)"', html)
    assert alts and all(len(alt) > 20 and not alt.endswith(".png") for alt in alts)
    assert any(alt.startswith("Simulated. Figure 2.") for alt in alts)


def test_no_op_build_does_not_start_sphinx(built_site):
    completed = subprocess.run(
        [sys.executable, "-m", "milkbone.cli", "build"],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    assert "up to date (no input changed)" in completed.stdout


def test_student_edition_builds_without_solutions(built_site):
    completed = subprocess.run(
        [sys.executable, "-m", "milkbone.cli", "build", "--student"],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    student = paths.BUILD / "student" / "_build" / "html"
    for source in build.notebook_sources():
        reader = _page(built_site, source.stem)
        html = (student / "notebooks" / f"{source.stem}.html").read_text(encoding="utf-8")
        assert reader.count('class="solution') >= 3, source.stem  # dropdowns in the reader's
        assert 'class="solution' not in html, source.stem
        assert html.count('class="exercise') >= 3, source.stem
    assert (student / "book" / "instructors.html").exists()
