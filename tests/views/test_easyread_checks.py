"""Easy read checked by self-advocates: recorded in front matter, shown on the page,
and shown as changed once the words change after the check."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import PageClient, make_app
from tests.databases import copies
from webapp.content import EASYREAD, body_version, check_of, load_page, parse_month

ROOT = Path(__file__).parents[2]
CHECKED = "Checked by Speak Up Together in October 2026"
CHANGED = "Changed since it was checked"


@pytest.fixture
def site(tmp_path):
    """The app on a copy of the content, so a test can check and change pages."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "easyread", tmp_path / "easyread")
    app = make_app(
        tmp_path / "test.db",
        CONTENT_DIR=str(tmp_path / "content"),
        EASYREAD_DIR=str(tmp_path / "easyread"),
    )
    yield app, tmp_path / "easyread"
    copies().drop(app.config["DATABASE_URL"])


def record(app, slug: str, *args: str) -> str:
    result = app.test_cli_runner().invoke(args=["easyread-check", slug, *args])
    assert result.exit_code == 0, result.output
    return result.output


def add_front_matter(path: Path, lines: str) -> None:
    """Put lines at the end of a page's front matter, as an operator would paste them."""
    text = path.read_text()
    end = text.index("\n---", 3)
    path.write_text(text[:end] + "\n" + lines.rstrip("\n") + text[end:])
    os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 1))  # a new mtime for the cache


def mark(soup) -> str | None:
    found = soup.select_one(".checked-mark")
    return " ".join(found.get_text().split()) if found else None


def test_a_page_never_checked_shows_no_mark(site):
    app, _ = site
    soup = PageClient(app.test_client()).get("/help?view=easyread")
    assert mark(soup) is None


def test_the_recorded_check_shows_until_the_words_change(site):
    app, folder = site
    printed = record(app, "help", "--group", "Speak Up Together", "--month", "2026-10")
    assert "easyread/help.md" in printed
    add_front_matter(folder / "help.md", printed[printed.index("checked:") :])
    pages = PageClient(app.test_client())

    assert mark(pages.get("/help?view=easyread")) == CHECKED
    assert mark(pages.get("/help?view=standard")) is None  # the check is of the easy read

    page = folder / "help.md"
    page.write_text(page.read_text().replace("questions", "things", 1))
    os.utime(page, (page.stat().st_atime, page.stat().st_mtime + 2))
    assert mark(pages.get("/help?view=easyread")) == CHANGED

    # Checked again: the new version is recorded and the mark comes back.
    again = record(app, "help", "--group", "Speak Up Together", "--month", "2026-10")
    text = page.read_text()
    start = text.index("checked:")
    page.write_text(text[:start] + text[text.index("\n---", start) + 1 :])
    add_front_matter(page, again[again.index("checked:") :])
    assert mark(pages.get("/help?view=easyread")) == CHECKED


def test_an_agreement_shows_its_check_in_easy_read(site):
    app, folder = site
    printed = record(app, "agreements/panel", "--group", "Speak Up Together", "--month", "2026-10")
    add_front_matter(folder / "agreements" / "panel.md", printed[printed.index("checked:") :])
    soup = PageClient(app.test_client()).get("/agreements/panel?view=easyread")
    assert mark(soup) == CHECKED


def test_the_list_of_checks_says_which_pages_changed(site):
    app, folder = site
    printed = record(app, "contact", "--group", "Speak Up Together", "--month", "2026-10")
    add_front_matter(folder / "contact.md", printed[printed.index("checked:") :])
    output = app.test_cli_runner().invoke(args=["easyread-checks"]).output
    assert "contact: checked (Speak Up Together, 2026-10)" in output
    assert "help: never checked" in output


def test_an_unknown_page_is_a_plain_error(site):
    app, _ = site
    result = app.test_cli_runner().invoke(args=["easyread-check", "no-such-page"])
    assert result.exit_code != 0
    assert "no easy-read page" in result.output


def test_the_version_ignores_the_check_and_line_end_spaces_but_not_words():
    meta = {"title": "Help"}
    assert body_version(meta, "Words.\n") == body_version(meta, "Words.   \n")
    assert body_version(meta, "Words.") == body_version({**meta, "checked": {"by": "x"}}, "Words.")
    assert body_version(meta, "Words.") != body_version(meta, "Other words.")
    assert body_version(meta, "Words.") != body_version({"title": "Help me"}, "Words.")


def test_months_are_read_as_written_or_as_yaml_dates():
    assert parse_month("2026-10") == dt.date(2026, 10, 1)
    assert parse_month(dt.date(2026, 10, 17)) == dt.date(2026, 10, 1)
    with pytest.raises(ValueError):
        parse_month("October")


def test_a_record_without_a_group_is_no_check():
    assert check_of({"checked": {"month": "2026-10", "version": "x"}}, "x") is None
    assert check_of({}, "x") is None


def test_every_shipped_check_is_well_formed(app):
    """A typing slip in a page's record fails here, not on the live page."""
    from webapp.content import easyread_slugs

    with app.test_request_context():
        for slug in easyread_slugs():
            check = load_page(slug, EASYREAD).check  # raises on a malformed month
            assert check is None or (check.group and check.month.day == 1), slug
