"""Every page says what it is about in a meta description (search results, Lighthouse)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "url",
    ["/", "/help", "/stories/", "/share/", "/join/", "/sign-in", "/settings", "/?view=easyread"],
)
def test_every_page_has_a_meta_description(pages, url):
    descriptions = pages.get(url).select('meta[name="description"]')
    assert len(descriptions) == 1
    assert len(descriptions[0]["content"].strip()) > 20


def test_a_content_page_uses_its_front_matter(pages):
    meta = pages.get("/help").select_one('meta[name="description"]')
    assert meta["content"] == "Plain answers to common questions about using Common Ground."


def test_the_easy_read_start_link_says_where_it_goes(pages):
    soup = pages.get("/?view=easyread")
    assert soup.select_one("a.button--start").get_text(strip=True) == "Join Common Ground"
