"""htmx responses, one way: every fragment passes check_partial, and an error asked for as a
fragment comes back as a whole page that htmx swaps in (never left unswapped)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.structure import check_partial

HX = {"HX-Request": "true"}


def page(client, url) -> BeautifulSoup:
    return BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser")


def token(soup) -> str:
    return soup.find("input", {"name": "csrf_token"})["value"]


def test_a_conversation_turn_and_its_error_are_whole_fragments(client):
    client.get("/join/")
    landing = page(client, "/join/welcome")
    check_partial(client.get("/join/welcome", headers=HX), landing)
    client.post("/join/welcome", data={"csrf_token": token(landing)})
    landing = page(client, "/join/community")
    response = client.post("/join/community", data={"csrf_token": token(landing)}, headers=HX)
    assert response.status_code == 422
    soup = check_partial(response, landing)
    assert soup.title.get_text().startswith("Error: ")


def test_the_share_welcome_fragment(client):
    client.get("/share/")
    landing = page(client, "/share/welcome")
    check_partial(client.get("/share/welcome", headers=HX), landing)


def test_an_error_asked_for_as_a_fragment_is_a_whole_page_swapped_into_the_body(client):
    response = client.get("/stories/no-such-story", headers=HX)
    assert response.status_code == 404
    assert response.headers["HX-Retarget"] == "body"
    assert response.headers["HX-Reswap"] == "innerHTML"
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert soup.find("h1").get_text(strip=True) in soup.title.get_text()
    assert soup.find(id="live-region") is not None, "the page arrives with its live region"


def test_a_boosted_error_is_the_whole_page_without_a_retarget(client):
    response = client.get("/stories/no-such-story", headers={**HX, "HX-Boosted": "true"})
    assert response.status_code == 404
    assert "HX-Retarget" not in response.headers
    assert "<html" in response.get_data(as_text=True)
