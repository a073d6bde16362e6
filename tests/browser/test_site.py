"""Every built page in headless Chromium: what a reader's browser shows (issue 14).

One visit per page collects everything (console, requests, images, tables, math) and
saves a screenshot into ``_build/screenshots/``; the tests below assert on it, each
naming the pages that fail.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from milkbone import paths

pytestmark = pytest.mark.slow

SCREENSHOTS = paths.BUILD / "screenshots"
FILE_NAME = re.compile(r"^[\w.-]+\.(png|svg|jpe?g|gif|webp)$|^[0-9a-f]{32,}", re.IGNORECASE)
MATH_TIMEOUT_MS = 20_000

INSPECT = """() => {
  const article = document.querySelector('article') || document.body;
  const scrollerOf = (table) => {
    for (let el = table.parentElement; el && el !== document.body; el = el.parentElement) {
      const overflow = getComputedStyle(el).overflowX;
      if (overflow === 'auto' || overflow === 'scroll') return el;
      if (el === article) break;
    }
    return null;
  };
  const tables = [...article.querySelectorAll('table')]
    // DataTables draws a scrolling table's header as a second table that follows the body's
    // scroll position; the body table is checked instead
    .filter(t => t.getClientRects().length && !t.closest('.dt-scroll-head, .dataTables_scrollHead'))
    .map((t, index) => {
      const scroller = scrollerOf(t);
      const frame = (scroller || article).getBoundingClientRect();
      const first = t.querySelector('tr > :first-child');
      const key = first ? first.getBoundingClientRect() : frame;
      const width = t.getBoundingClientRect().width;
      return {
        index, caption: (t.querySelector('th') || {}).textContent || '',
        overflows: width > frame.width + 1,
        scrolls: !!scroller && scroller.scrollWidth > scroller.clientWidth + 1,
        keyVisible: key.left >= frame.left - 1 && key.left < frame.right,
      };
    });
  const images = [...article.querySelectorAll('img')].map(i => ({
    alt: (i.getAttribute('alt') || '').trim(), src: i.getAttribute('src') || ''}));
  return {
    tables, images,
    math: article.querySelectorAll('.math').length,
    typeset: document.querySelectorAll('.MathJax, .MathJax_Display, .MathJax_Preview').length,
  };
}"""


def _pages(site: Path) -> list[str]:
    """Every page a reader can reach from the table of contents."""
    found = [site / "index.html", *sorted((site / "book").glob("*.html"))]
    found += sorted((site / "notebooks").glob("*.html"))
    return [str(p.relative_to(site)) for p in found if p.exists()]


def _visit(page, url: str, site_url: str) -> dict:
    record = {"console": [], "outside": []}
    page.on("console", lambda m: record["console"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: record["console"].append(str(error)))

    def route(request_route):
        request = request_route.request
        if request.url.startswith((site_url, "data:", "blob:")):
            request_route.continue_()
        else:
            record["outside"].append(request.url)
            request_route.abort()

    page.route("**/*", route)
    page.goto(url, wait_until="networkidle")
    if page.evaluate("document.querySelectorAll('article .math').length"):
        try:
            page.wait_for_function(
                "document.querySelectorAll('.MathJax, .MathJax_Display').length > 0",
                timeout=MATH_TIMEOUT_MS,
            )
        except Exception:
            record["console"].append("MathJax did not typeset within the timeout")
    record.update(page.evaluate(INSPECT))
    return record


@pytest.fixture(scope="session")
def visits(browser, site_url, built_site) -> dict[str, dict]:
    """Each page loaded once, as a reader's browser loads it; a screenshot of each."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    results = {}
    for name in _pages(built_site):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        results[name] = _visit(page, site_url + name, site_url)
        shot = SCREENSHOTS / (name.replace("/", "_").removesuffix(".html") + ".png")
        page.screenshot(path=str(shot), full_page=True)
        context.close()
    return results


def test_every_page_was_visited_and_photographed(visits, built_site):
    assert len(visits) >= 10  # intro, four book pages, the chapters
    for name in visits:
        shot = SCREENSHOTS / (name.replace("/", "_").removesuffix(".html") + ".png")
        assert shot.stat().st_size > 10_000, name


def test_no_console_errors(visits):
    errors = {name: v["console"] for name, v in visits.items() if v["console"]}
    assert not errors


def test_no_request_leaves_the_site(visits):
    outside = {name: v["outside"][:3] for name, v in visits.items() if v["outside"]}
    assert not outside


def test_every_image_has_alt_text_that_is_not_a_file_name(visits):
    bad = {
        name: [
            i["alt"] or i["src"] for i in v["images"] if not i["alt"] or FILE_NAME.match(i["alt"])
        ]
        for name, v in visits.items()
    }
    assert not {name: images for name, images in bad.items() if images}
    assert sum(len(v["images"]) for v in visits.values()) >= 5  # the figures are there


def test_no_key_column_is_hidden_without_a_way_to_reach_it(visits):
    """A table wider than the page scrolls inside a frame, and its first column shows."""
    bad = {
        name: [t["caption"][:40] for t in v["tables"] if (t["overflows"] and not t["scrolls"])
               or not t["keyVisible"]]
        for name, v in visits.items()
    }  # fmt: skip
    assert not {name: tables for name, tables in bad.items() if tables}


def test_math_is_typeset(visits):
    pages_with_math = {name: v for name, v in visits.items() if v["math"]}
    assert pages_with_math  # the trial design's daily-intake formula at least
    assert all(v["typeset"] > 0 for v in pages_with_math.values())


def test_claims_table_shows_the_verdict_on_the_first_screen(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "notebooks/40_claims_audit.html", wait_until="networkidle")
    header = page.locator("th", has_text=re.compile(r"^\s*verdict\s*$")).first
    header.wait_for(timeout=15_000)
    box = header.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 1280
    page.close()


def test_numbers_on_the_page_open_to_key_value_level_and_function(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "notebooks/21_bone_density.html", wait_until="networkidle")
    page.get_by_text("Numbers on this page").first.click()
    rows = page.locator("table.milkbone-numbers tbody tr")
    rows.first.wait_for(state="visible", timeout=10_000)
    assert rows.count() >= 20
    first = rows.first.inner_text()
    assert "bone_density." in first and "simulated" in first
    assert page.locator("table.milkbone-numbers code", has_text="milkbone.").count() >= 5
    page.close()


def test_the_search_box_finds_a_term(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "index.html", wait_until="networkidle")
    page.locator("button.search-button-field:visible").first.click()  # opens the dialog
    box = page.locator("#pst-search-dialog input[name='q']")
    box.fill("calcium")
    box.press("Enter")
    page.wait_for_url(re.compile(r"search\.html\?q=calcium"))
    results = page.locator("#search-results li")
    results.first.wait_for(timeout=20_000)
    assert results.count() >= 3
    page.close()
