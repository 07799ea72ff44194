"""Easy-read lint over easyread/ (GUIDE section 5)."""

from __future__ import annotations

from pathlib import Path

import frontmatter
import pytest

from webapp.content import split_sections
from webapp.easyread_rules import (
    BLOCK_CAPITALS,
    ITALICS,
    MAX_WORDS,
    NUMBER_WORDS,
    hints,
    plain_text,
    sentences,
    word_count,
)

ROOT = Path(__file__).resolve().parents[2]
EASYREAD = ROOT / "easyread"
CONTENT = ROOT / "content"
PICTURES = ROOT / "webapp" / "static" / "pictures"


def files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md"))


EASYREAD_FILES = files(EASYREAD)


def test_there_is_easy_read_content():
    assert len(EASYREAD_FILES) >= 8


def test_every_content_page_has_an_easy_read_twin_and_back():
    assert files(CONTENT) == EASYREAD_FILES


@pytest.mark.parametrize("name", EASYREAD_FILES)
def test_easy_read_page(name):
    post = frontmatter.load(EASYREAD / name)
    assert post.metadata.get("title"), "front matter needs a title"
    problems = []
    sections = split_sections(post.content)
    assert sections, "the page has no sections"
    for number, (picture, _alt, words) in enumerate(sections, start=1):
        if not picture:
            problems.append(f"section {number} has no picture")
        elif not (PICTURES / picture).is_file():
            problems.append(f"section {number}: picture {picture} is not in static/pictures")
        if not words.strip():
            problems.append(f"section {number} has a picture but no words")
        for sentence in sentences(words):
            if word_count(sentence) > MAX_WORDS:
                problems.append(f"{word_count(sentence)} words: {sentence!r}")
        text = plain_text(words)
        for found in NUMBER_WORDS.findall(text):
            problems.append(f"write numbers as digits: {found!r}")
        for found in BLOCK_CAPITALS.findall(text):
            problems.append(f"no block capitals or acronyms: {found!r}")
        if ITALICS.search(words):
            problems.append(f"no italics: {ITALICS.search(words).group(0)!r}")
    assert not problems, "\n".join(problems)


def test_the_lint_catches_what_it_should():
    assert word_count("a " * 16) == 16
    assert sentences("Short one. Another here!\n- A list item") == [
        "Short one.",
        "Another here!",
        "A list item",
    ]
    assert NUMBER_WORDS.search("We have three groups")
    assert not NUMBER_WORDS.search("Someone can help")
    assert BLOCK_CAPITALS.search("Read the PANEL rules")
    assert not BLOCK_CAPITALS.search("I can read it")
    assert ITALICS.search("This is *important*")
    assert not ITALICS.search("This is **important**")


def test_hints_for_a_facilitator_follow_the_same_rules(app):
    with app.test_request_context():
        assert hints("We will meet on the 3rd. You can come.") == []
        found = [str(h) for h in hints("We have THREE ideas and " + "many words " * 10 + ".")]
        assert any("words" in h for h in found)
        assert any("digits" in h for h in found)
        assert any("THREE" in h for h in found)
