"""Browser fixtures: the app served on a free port, and Chromium from the system."""

from __future__ import annotations

import logging
import os
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.conftest import make_app

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = {"phone": 320, "desktop": 1280}
# Where `make screenshots` writes them (not in git), for a person to look at.
SCREENSHOTS = Path(os.environ.get("SCREENSHOTS_DIR") or Path(__file__).parents[2] / "screenshots")


def find_chromium() -> str | None:
    for name in (os.environ.get("CHROMIUM_PATH"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None  # fall back to Playwright's own download


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    path = find_chromium()
    if path:
        args["executable_path"] = path
    return args


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    app = make_app(tmp_path_factory.mktemp("browser") / "browser.db")
    app.config["QUICK_EXIT_URL"] = "https://www.bbc.co.uk/weather"
    return app


@pytest.fixture(scope="session")
def base_url(live_app):
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request in the output
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def neutral_site(page):
    """The quick exit's neutral site, answered locally (this machine has no internet)."""
    page.route(
        "https://www.bbc.co.uk/**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>Weather</title>"
        ),
    )
    return "https://www.bbc.co.uk/weather"
