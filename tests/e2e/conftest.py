"""Start the real app with `streamlit run` and drive Debian's Chromium through Playwright (offline)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from scales.app import wake
from tests.servers import wait_healthy

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(script: str, env: dict, base_path: str = "") -> tuple[subprocess.Popen, str]:
    """`streamlit run script` on a free local port, headless (under `base_path`, as behind a proxy, if given);
    the process and its URL once healthy."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.headless=true", f"--server.port={port}",
         "--server.address=127.0.0.1", "--browser.gatherUsageStats=false", f"--server.baseUrlPath={base_path}"],
        cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}" + (f"/{base_path}" if base_path else "")
    wait_healthy(url, process)
    if script == "app.py":
        assert wake(url), "the dashboard's script did not run without error at start"  # as `scales dashboard`
    return process, url


def _stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def _warm_up(browser, url: str) -> None:
    """One visit that lets the server load everything once, so timed visits see a warm server."""
    page = browser.new_page()
    page.goto(url)
    wait_for_app(page)
    page.close()


@pytest.fixture(scope="session")
def bare_url(browser) -> Iterator[str]:
    """A bare Streamlit page served the same way, warmed up once: the yardstick for first paint."""
    process, url = _serve("tests/e2e/bare_app.py", dict(os.environ))
    _warm_up(browser, url)
    yield url
    _stop(process)


@pytest.fixture(scope="session")
def app_url(atlas, mirror: Path, browser) -> Iterator[str]:
    """The dashboard served on a free local port (the atlas fixture has filled the cache already).

    One warm-up visit of the home page absorbs Streamlit's first-run quirk with a `pages/` folder
    (a deep link as the very first request shows a "Page not found" notice; see the README).
    """
    process, url = _serve("app.py", {**os.environ, "SCALES_MIRROR": str(mirror)})
    _warm_up(browser, url)
    yield url
    _stop(process)


NO_BROWSER = "Debian's chromium is not installed (apt-get install chromium chromium-driver)"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without Chromium the browser tests are skipped with the reason, unless SCALES_E2E=1 (as in
    .ci/run) asks for them: then they fail, so CI cannot pass without them."""
    if Path(CHROMIUM).exists() or os.environ.get("SCALES_E2E") == "1":
        return
    skip = pytest.mark.skip(reason=f"{NO_BROWSER}; set SCALES_E2E=1 to require the browser tests")
    for item in items:
        if Path(str(item.path)).is_relative_to(Path(__file__).parent):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{NO_BROWSER}; .ci/run installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, app_url: str):
    """A fresh page that may only reach the local app: tiles and CDNs are blocked, as offline."""
    context = browser.new_context(viewport={"width": 1500, "height": 1100})
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(app_url) else route.abort())
    yield page
    context.close()


def wait_for_app(page) -> None:
    """Wait the way Streamlit's own e2e suite does: connected, then the script no longer running."""
    page.wait_for_timeout(250)
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=30000)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30000)
