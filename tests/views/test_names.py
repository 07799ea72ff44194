"""Names that cannot mislead (issue 10): tidied where they are typed, and look-alikes of
someone else's name refused with a plain message that keeps what was typed."""

from __future__ import annotations

import datetime as dt

from webapp import config, create_app
from webapp.database import write_transaction
from webapp.extensions import db
from webapp.join.demo import DEMO_MEMBER
from webapp.migrations import STEPS, migrate
from webapp.models import Member, SchemaVersion

NAME, PASSWORD = DEMO_MEMBER  # "Quiet Heron"
LOOK_ALIKE = "Quiet Hеron"  # with a Cyrillic е
LOOKS_SAME = "Someone already uses a name that looks the same as"


def summary(soup) -> str:
    return soup.select_one("[data-error-summary]").get_text(" ", strip=True)


def start_joining(pages):
    pages.submit("/join/welcome", {})
    pages.submit("/join/community", {"community": "people"})


def test_joining_with_a_look_alike_name_is_refused_and_keeps_what_was_typed(pages):
    start_joining(pages)
    soup = pages.submit("/join/name", {"own_name": LOOK_ALIKE}, status=422)
    assert f"{LOOKS_SAME} {LOOK_ALIKE}. Choose a name that looks different" in summary(soup)
    assert soup.find("input", {"name": "own_name"})["value"] == LOOK_ALIKE
    soup = pages.submit("/join/name?view=easyread", {"own_name": "quiet  HERON"}, status=422)
    assert "Someone already has that name." in summary(soup)


def test_invisible_characters_are_taken_out_of_a_new_name(pages):
    start_joining(pages)
    soup = pages.submit("/join/name", {"own_name": "Quiet\u200b Heron\u202e"}, status=422)
    assert "Someone already uses the name Quiet Heron." in summary(soup)
    pages.submit("/join/name", {"own_name": "\u2066Calm\u200d Lark\u202e\u2069"})
    pages.submit("/join/sign_in", {"password": "river candle meadow", "email": "lark@example.org"})
    pages.submit("/join/check", {})
    with db.connection_context():
        member = Member.by_name("calm lark")
        assert (member.display_name, member.name_key) == ("Calm Lark", "calm lark")
        assert (member.name_skeleton, member.name_shape) == ("calrn lark", "calrn lark")


def test_changing_to_a_look_alike_name_is_refused_but_your_own_look_alike_is_fine(pages):
    pages.submit("/sign-in", {"name": NAME, "password": PASSWORD})
    with db.connection_context():
        Member.create(display_name="Kind Otter", community=Member.by_name(NAME).community,
                      password_hash="x")  # fmt: skip
    soup = pages.submit("/account/name", {"name": "Kind Οtter"}, status=422)  # Greek Ο
    assert f"{LOOKS_SAME} Kind Οtter" in summary(soup)
    assert soup.find("input", {"name": "name"})["value"] == "Kind Οtter"
    pages.submit("/account/name", {"name": "QUIET HЕRON"})  # their own name, Cyrillic Е
    with db.connection_context():
        member = Member.by_name("quiet hеron")
        assert (member.display_name, member.name_skeleton) == ("QUIET HЕRON", "quiet heron")
        assert member.name_shape == "qulet heron", "a capital I looks like an l"


def test_create_admin_refuses_a_look_alike(app):
    result = app.test_cli_runner().invoke(
        args=["create-admin", "--name", LOOK_ALIKE, "--password", "river candle meadow"]
    )
    assert result.exit_code != 0 and LOOKS_SAME in result.output


def test_the_migration_gives_every_name_its_keys_and_tidies_what_it_can(tmp_path):
    app = create_app(config.TestConfig(), DATABASE_URL=f"sqlite:///{tmp_path / 'old.db'}")
    with app.app_context(), db.connection_context():
        db.create_tables([SchemaVersion])
        for version, name, run in STEPS[:9]:  # the database as it was before look-alike keys
            with write_transaction():
                run(db.obj)
                SchemaVersion.create(version=version, name=name, applied_on=dt.date.today())
        for name, key in [("Sam\u202e", "sam\u202e"), ("Sam", "sam"), ("Ann", "ann")]:
            db.execute_sql(
                "INSERT INTO member (display_name, name_key, community_id, password_hash, "
                "status, role, joined_on) VALUES (?, ?, 1, 'x', 'active', 'member', '2026-01-01')",
                (name, key),
            )
        assert migrate()[0] == "10: names that cannot mislead: look-alike keys"
        rows = {
            m.name_key: (m.display_name, m.name_skeleton, m.name_shape) for m in Member.select()
        }
    assert rows == {
        "sam": ("Sam", "sarn", "sarn"),
        "sam\u202e": ("Sam\u202e", "sarn", "sarn"),  # would clash: kept; its keys show it
        "ann": ("Ann", "ann", "ann"),
    }
