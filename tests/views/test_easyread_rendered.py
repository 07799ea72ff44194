"""The easy-read lint, applied to the words templates add (not only easyread/ files)."""

from __future__ import annotations

import pytest

from tests.unit.test_easyread_lint import (
    BLOCK_CAPITALS,
    MAX_WORDS,
    NUMBER_WORDS,
    sentences,
    word_count,
)

PAGES = [
    "/settings", "/join/welcome", "/no-such-page", "/sign-in",
    "/share/welcome", "/stories/", "/stories/code",
]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_easy_read_sections_in_templates_follow_the_rules(pages, path):
    soup = pages.get(f"{path}?view=easyread", status=404 if "no-such" in path else 200)
    sections = soup.select(".easyread__section")
    assert sections
    problems = []
    for section in sections:
        assert section.find("img"), "every section has a picture"
        text = section.select_one(".easyread__words").get_text("\n")
        problems += [s for s in sentences(text) if word_count(s) > MAX_WORDS]
        problems += NUMBER_WORDS.findall(text) + BLOCK_CAPITALS.findall(text)
    assert not problems, problems
