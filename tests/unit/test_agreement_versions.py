"""The version logic: accept, a new version, agreeing again, withdrawing."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import make_app
from webapp.agreements.documents import load_agreement, split_principles
from webapp.agreements.service import (
    can_post,
    pending_agreements,
    record_consent,
    withdraw_consent,
)
from webapp.extensions import db
from webapp.models import Community, Member

ROOT = Path(__file__).resolve().parents[2]


def bump(folder: Path, slug: str, version: int) -> None:
    for name in ("content", "easyread"):
        path = folder / name / "agreements" / f"{slug}.md"
        text = path.read_text()
        current = load_version(text)
        path.write_text(text.replace(f"version: {current}\n", f"version: {version}\n", 1))


def load_version(text: str) -> int:
    line = next(line for line in text.splitlines() if line.startswith("version:"))
    return int(line.split(":")[1])


def test_accept_new_version_agree_again_withdraw(tmp_path):
    for name in ("content", "easyread"):
        shutil.copytree(ROOT / name, tmp_path / name)
    app = make_app(tmp_path / "v.db", CONTENT_DIR=tmp_path / "content",
                   EASYREAD_DIR=tmp_path / "easyread")  # fmt: skip
    with app.app_context(), db.connection_context():
        member = Member.create(display_name="Vera", name_key="vera", password_hash="x",
                               community=Community.by_slug("staff"))  # fmt: skip
        # Staff sign the Community Agreement first, then the partners' two (issue 17).
        assert [a.slug for a in pending_agreements(member)] == [
            "panel",
            "charter",
            "collaborative-action",
        ]
        assert not can_post(member)

        panel = load_agreement("panel", "standard")
        record_consent(member, panel, [p.key for p in panel.principles])
        assert [a.slug for a in pending_agreements(member)] == ["charter", "collaborative-action"]
        assert not can_post(member) and member.status != "active"
        for slug in ("charter", "collaborative-action"):
            other = load_agreement(slug, "standard")
            record_consent(member, other, [p.key for p in other.principles])
        assert pending_agreements(member) == [] and can_post(member)
        assert member.status == "active"

        bump(tmp_path, "panel", panel.version + 1)
        assert [a.slug for a in pending_agreements(member)] == ["panel"], "re-consent required"
        assert not can_post(member)
        newer = load_agreement("panel", "standard")
        record_consent(member, newer, [p.key for p in newer.principles])
        assert can_post(member)

        withdraw_consent(member)
        assert member.status == "paused" and not can_post(member)


def test_principles_are_split_on_their_headings_with_the_picture_above():
    body = "![](a.svg)\nIntro.\n\n![](b.svg)\n## one: First\nWords.\n\n## two: Second\nMore."
    assert split_principles(body) == [
        ("one", "First", "![](b.svg)\nWords."),
        ("two", "Second", "More."),
    ]
