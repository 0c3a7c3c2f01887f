"""The page, end to end in headless Chromium (Debian's package, driven by Playwright).

Types a statement, checks the verdict and the highlighted passage, opens the
disagreements view, and saves screenshots under test-output/.
"""

from __future__ import annotations

import shutil
import threading

import pytest
from werkzeug.serving import make_server

from tests.conftest import IN_CI, ROOT, make_settings

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
OUTPUT = ROOT / "test-output"
# As the workplace's probe starts it: no sandbox as root, nothing from the network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser(tmp_path):
    if CHROMIUM is None:
        if IN_CI:
            pytest.fail("chromium is not installed (make test installs Debian's package)")
        pytest.skip("chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def site(seeded_store, make_app):
    """The seeded app served over real HTTP on a free loopback port."""
    app = make_app(make_settings(seeded_store.db.url))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_statement_gets_its_verdict_and_highlighted_passage(browser, site):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(site + "/")
    page.fill("#statement", "Humanitarian corridors saved more than 200,000 people in six days.")
    page.click("#verify")
    page.wait_for_selector("#result:not([hidden])", timeout=20_000)
    assert page.inner_text("#verdict") == "contradicted"
    marks = page.locator("mark.passage")
    assert marks.count() >= 1
    assert "130,000" in marks.first.inner_text()
    assert "number" in page.inner_text("#matches") and "The Times of Israel" in page.inner_text(
        "#matches"
    )
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "verify.png"), full_page=True)

    page.click("#tab-disagreements")
    page.wait_for_selector("#disagreements li", timeout=20_000)
    listing = page.inner_text("#disagreements")
    assert "RIA Novosti" in listing and "RT" in listing and "important progress" in listing
    page.screenshot(path=str(OUTPUT / "disagreements.png"), full_page=True)
    page.close()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_the_page_shows_an_api_error_instead_of_failing_silently(browser, site):
    page = browser.new_page()
    page.goto(site + "/")
    page.fill("#statement", "   ")
    page.click("#verify")
    page.wait_for_selector("#error:not([hidden])", timeout=20_000)
    assert "blank" in page.inner_text("#error").lower()
    page.close()
