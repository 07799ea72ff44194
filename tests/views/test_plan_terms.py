"""Terms of reference: a facilitator writes versions (each kept and audited), and a member
reads exactly what changed since the version they last read."""

from __future__ import annotations

import pytest

from webapp.extensions import db
from webapp.facilitation.models import AuditEntry
from webapp.plans.models import TermsVersion

from .facilitation_helpers import setup_people, sign_in

TERMS = "/plan/people/terms"


@pytest.fixture
def people(app):
    return setup_people(app)


def answers(**changed) -> dict:
    data = {f"{key}_plain": f"The {key} part." for key in
            ("aim", "meets", "membership", "decisions", "confidentiality", "behaviour")}  # fmt: skip
    data.update(in_scope_plain="Letters\nCarers", out_of_scope_plain="Pay | the unions",
                review_on="2027-11-01")  # fmt: skip
    data.update(changed)
    return data


def test_each_save_is_a_kept_and_audited_version(pages, people):
    sign_in(pages, "Fair Kestrel")
    pages.submit(f"{TERMS}/edit", answers())
    pages.submit(f"{TERMS}/edit", answers(aim_plain="The aim, now sharper."))
    with db.connection_context():
        versions = list(TermsVersion.select().order_by(TermsVersion.version))
        assert [v.version for v in versions] == [1, 2]
        assert versions[0].parts["aim"]["plain"] == "The aim part."
        assert versions[1].made_by_name == "Fair Kestrel"
        assert (
            AuditEntry.select().where(AuditEntry.action == "wrote terms of reference").count() == 2
        )
    soup = pages.get(f"{TERMS}/versions")
    assert [a.get_text() for a in soup.select(".version-list a")] == ["Version 2", "Version 1"]


def test_a_member_sees_exactly_what_changed_since_they_last_read(pages, people):
    sign_in(pages, "Fair Kestrel")
    pages.submit(f"{TERMS}/edit", answers())
    pages.sign_out()
    sign_in(pages, "Plain Pigeon")
    first = pages.get(TERMS)
    assert not first.select(".what-changed")  # nothing to compare the first reading with
    pages.sign_out()
    sign_in(pages, "Fair Kestrel")
    pages.submit(f"{TERMS}/edit", answers(aim_plain="The aim part, done together.",
                                          in_scope_plain="Letters\nFeedback"))  # fmt: skip
    pages.sign_out()
    sign_in(pages, "Plain Pigeon")
    soup = pages.get(TERMS)
    changed = soup.select_one(".what-changed")
    names = [h.get_text() for h in changed.select("h3")]
    assert names == ["What we are working towards", "What is in scope: what we work on"]
    assert [i.get_text(strip=True) for i in changed.select("ins")] == [
        "put in:, done together",
        "Feedback",
    ]
    assert [d.get_text(strip=True) for d in changed.select("del")] == ["Carers"]
    assert "meets part" not in changed.get_text()  # an unchanged part is not repeated
    assert not pages.get(TERMS).select(".what-changed")  # read now: nothing new next time


def test_what_is_typed_is_kept_when_the_form_has_a_problem(pages, people):
    sign_in(pages, "Fair Kestrel")
    soup = pages.submit(f"{TERMS}/edit", answers(aim_plain="", in_scope_easy="Only one line",
                                                 in_scope_plain="One\nTwo"), status=422)  # fmt: skip
    assert soup.title.get_text().startswith("Error: ")
    assert "The meets part." in soup.find("textarea", {"name": "meets_plain"}).get_text()
    assert len(soup.select(".error-summary__list li")) == 2
    with db.connection_context():
        assert not TermsVersion.select().exists()


def test_members_read_and_only_facilitators_write(pages, people):
    sign_in(pages, "Plain Pigeon")
    pages.get(TERMS)
    pages.get(f"{TERMS}/edit", status=403)
    pages.get("/plan/staff/terms", status=403)  # another community's
    pages.sign_out()
    sign_in(pages, "Other Otter")  # facilitates Staff, not People
    pages.get(f"{TERMS}/edit", status=403)
    pages.get("/plan/staff/terms/edit")
    pages.sign_out()
    assert pages.get(TERMS, status=302).headers["Location"].startswith("/sign-in")
