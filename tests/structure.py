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


def check_partial(response, landing_page: BeautifulSoup | None = None) -> BeautifulSoup:
    """What every htmx fragment must hold (after render_page): HTML that parses, one thing for
    focus to go to (the error summary, a heading marked for focus, or one h1), ids that stay
    unique once it lands in the page, and its title and page options sent out of band."""
    html = response.get_data(as_text=True)
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parseFragment(html)  # raises on any parse error
    soup = BeautifulSoup(html, "html.parser")

    titles = soup.find_all("title", recursive=False)
    assert len(titles) == 1, "a fragment sends its page's title, once, at the top level"
    title = normalise(titles[0].get_text())
    options = soup.find(id="page-options")
    assert options is not None and options.get("hx-swap-oob") == "true", "page options out of band"

    swapped = [tag for tag in soup.find_all(recursive=False) if tag.name not in ("title", "nav")]
    assert len(swapped) == 1, f"one element is swapped in, found {[t.name for t in swapped]}"
    target = swapped[0]
    summary = target.select_one("[data-error-summary]")
    if summary is not None:
        assert title.startswith("Error: "), title
    else:
        marked = target.select("[data-focus-after-swap]")
        h1s = target.find_all("h1")
        assert len(marked) == 1 or len(h1s) == 1, "one heading for focus to go to"
        if h1s and not marked:
            assert h1s[0].get("tabindex") == "-1", "the heading can take focus"
            assert title.startswith(normalise(h1s[0].get_text(" "))), (title, h1s[0].get_text())

    ids = [tag["id"] for tag in target.find_all(id=True)] + (
        [target["id"]] if target.get("id") else []
    )
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, f"duplicate ids in the fragment: {duplicates}"
    if landing_page is not None and target.get("id"):
        old = landing_page.find(id=target["id"])
        assert old is not None, f"#{target['id']} is not on the page it lands in"
        around = (
            {t["id"] for t in landing_page.find_all(id=True)}
            - {t["id"] for t in old.find_all(id=True)}
            - {target["id"], "page-options"}
            - {t["id"] for t in landing_page.find(id="page-options").find_all(id=True)}
        )
        clash = around & set(ids)
        assert not clash, f"ids already on the page around the fragment: {clash}"
    return soup
