"""Loading, sanitising and caching content pages."""

from __future__ import annotations

import os

import pytest

from webapp.content import EASYREAD, STANDARD, PageNotFound, load_page, split_sections


@pytest.fixture
def content_app(app, tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "e").mkdir()
    app.config.update(CONTENT_DIR=tmp_path / "c", EASYREAD_DIR=tmp_path / "e")
    with app.test_request_context("/"):
        yield tmp_path


def write(path, text, mtime=None):
    path.write_text(text)
    if mtime:
        os.utime(path, (mtime, mtime))


def test_markdown_is_sanitised_even_from_our_own_files(content_app):
    write(
        content_app / "c" / "x.md",
        "---\ntitle: X\n---\nHello <script>alert(1)</script> [a](javascript:alert(1))"
        ' <img src=x onerror="alert(1)"> <b onclick="y()">bold</b>',
    )
    page = load_page("x", STANDARD)
    assert "<script" not in page.html
    assert "javascript:" not in page.html
    assert "onerror" not in page.html and "onclick" not in page.html
    assert "<img" not in page.html
    assert page.title == "X"


def test_pages_are_cached_until_the_file_changes(content_app):
    path = content_app / "c" / "x.md"
    write(path, "---\ntitle: First\n---\nOne", mtime=1_000_000)
    assert load_page("x", STANDARD).title == "First"
    write(path, "---\ntitle: Second\n---\nTwo", mtime=1_000_000)
    assert load_page("x", STANDARD).title == "First", "same mtime: the cached copy is used"
    write(path, "---\ntitle: Third\n---\nThree", mtime=2_000_000)
    assert load_page("x", STANDARD).title == "Third"


def test_easy_read_sections_start_with_a_picture(content_app):
    write(
        content_app / "e" / "x.md",
        "---\ntitle: X\n---\n![](house.svg)\nWe are here.\n\n![A phone](phone.svg)\nCall us.\n",
    )
    page = load_page("x", EASYREAD)
    assert [(s.picture, s.alt) for s in page.sections] == [
        ("house.svg", ""),
        ("phone.svg", "A phone"),
    ]
    assert "Call us." in page.sections[1].html


def test_words_before_the_first_picture_make_a_section_without_one():
    sections = split_sections("Loose words.\n![](a.svg)\nMore.")
    assert sections[0] == ("", "", "Loose words.")
    assert sections[1][0] == "a.svg"


@pytest.mark.parametrize("slug", ["../secret", "a/../../b", "UPPER", "", "x.md", "a//b"])
def test_bad_slugs_are_not_found(content_app, slug):
    with pytest.raises(PageNotFound):
        load_page(slug, STANDARD)


def test_missing_page_is_not_found(content_app):
    with pytest.raises(PageNotFound):
        load_page("nothing-here", EASYREAD)
