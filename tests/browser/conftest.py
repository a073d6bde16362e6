"""The built site in headless Chromium, driven by Playwright (issue 14).

Debian's ``chromium`` is used (``executable_path``); Playwright never downloads a
browser. Without it the tests skip with one line saying how to install it, except on
CI (``CI=true``), where a skipped browser test is a failure: ``.ci/run`` installs it.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

INSTALL_HINT = (
    "the browser tests need Debian's chromium: sudo apt-get install chromium "
    "(Playwright drives it; it never downloads a browser)"
)


def chromium_path() -> str | None:
    """Debian's Chromium, if installed."""
    return shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )


def _missing(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"on CI the browser tests must run, not skip: {reason}")
    pytest.skip(reason)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        """Serve without writing a line per request to the test output."""


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site served over HTTP on a free local port, as a reader's browser gets it."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium through Playwright."""
    executable = chromium_path()
    if executable is None:
        _missing(INSTALL_HINT)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed: make test installs it from requirements.lock")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()
