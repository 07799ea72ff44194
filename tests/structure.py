"""The structure every full page must have (after alphagov/notifications-admin).

Exactly one h1; a title that starts with the h1 text (after "Error: " when the
page shows errors); unique ids; HTML that parses; lang set; a skip-link target
that exists; every aria-describedby and label target present.
"""

from __future__ import annotations

import html5lib
from bs4 import BeautifulSoup


def normalise(text: str) -> str:
    return " ".join(text.split())


def check_page(response) -> BeautifulSoup:
    html = response.get_data(as_text=True)
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(html)  # raises on any parse error

    soup = BeautifulSoup(html, "html.parser")
    assert soup.html.get("lang"), "the <html> element needs a lang"
    assert soup.html.get("dir") in ("ltr", "rtl")

    h1s = soup.find_all("h1")
    assert len(h1s) == 1, f"expected exactly one h1, found {len(h1s)}"
    heading = normalise(h1s[0].get_text(" "))
    title = normalise(soup.title.get_text())
    if soup.select_one("[data-error-summary]"):
        assert title.startswith("Error: "), title
        title = title.removeprefix("Error: ")
    assert title.startswith(heading), f"title {title!r} should start with h1 {heading!r}"

    ids = [tag["id"] for tag in soup.find_all(id=True)]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, f"duplicate ids: {duplicates}"

    skip = soup.select_one("a.skip-link")
    assert skip is not None, "no skip link"
    assert skip["href"].startswith("#") and soup.find(id=skip["href"][1:]), "skip target missing"

    for tag in soup.find_all(attrs={"aria-describedby": True}):
        for ref in tag["aria-describedby"].split():
            assert soup.find(id=ref), f"aria-describedby points at missing id {ref}"
    for label in soup.find_all("label", attrs={"for": True}):
        assert soup.find(id=label["for"]), f"label for missing id {label['for']}"
    for form in soup.find_all("form", method=lambda m: m and m.lower() == "post"):
        assert form.find("input", attrs={"name": "csrf_token"}), "a POST form has no CSRF token"
        assert form.has_attr("novalidate"), "forms are validated on the server: add novalidate"
    return soup
