"""Every offered language is complete: the interface catalogue and every content page.

A translation is a folder named for its language in content/ and easyread/
(content/cy/help.md). Agreements must keep the English version and principles, so a
consent given in Welsh means the same as one given in English.
"""

from __future__ import annotations

import re
from pathlib import Path

import frontmatter
import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from webapp.agreements.documents import split_principles
from webapp.config import Config
from webapp.content import SOURCE_LANGUAGE

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"
ROOTS = (ROOT / "content", ROOT / "easyread")
TRANSLATIONS = sorted(code for code in Config.LANGUAGES if code != SOURCE_LANGUAGE)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
TOPICS = Path("lists") / "story-topics.yml"


def catalogue(code: str):
    with (LOCALES / code / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle)


def messages(found) -> list:
    """The messages of a catalogue (or of the catalogue for a language code)."""
    return [
        message for message in (catalogue(found) if isinstance(found, str) else found) if message.id
    ]


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def shipped_pages(root: Path) -> list[Path]:
    """The English pages: every Markdown file outside the language folders."""
    return sorted(
        path.relative_to(root)
        for path in root.rglob("*.md")
        if path.relative_to(root).parts[0] not in Config.LANGUAGES
    )


def untranslated(code) -> list[str]:
    found = []
    for message in messages(code):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or message.fuzzy:
            found.append(message.id if isinstance(message.id, str) else message.id[0])
    return found


def placeholder_mismatches(code) -> list[str]:
    found = []
    for message in messages(code):
        english = message.id if isinstance(message.id, str) else message.id[-1]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        found += [s for s in strings if s and placeholders(s) != placeholders(english)]
    return found


def test_there_is_a_translation():
    assert "cy" in TRANSLATIONS


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_every_string_is_translated_and_none_is_fuzzy(code):
    missing = untranslated(code)
    assert not missing, f"{len(missing)} not translated (or fuzzy), e.g. {missing[:5]}"


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_placeholders_match_the_english(code):
    assert not placeholder_mismatches(code)


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_plural_strings_have_every_form(code):
    forms = catalogue(code).num_plurals
    for message in messages(code):
        if isinstance(message.id, tuple):
            assert len(message.string) == forms, message.id


@pytest.mark.parametrize("code", TRANSLATIONS)
@pytest.mark.parametrize("root", ROOTS, ids=lambda r: r.name)
def test_every_content_page_is_translated(code, root):
    missing = [str(page) for page in shipped_pages(root) if not (root / code / page).is_file()]
    assert not missing, f"no {code} version of {root.name}: {missing}"


@pytest.mark.parametrize("code", TRANSLATIONS)
@pytest.mark.parametrize("root", ROOTS, ids=lambda r: r.name)
def test_translated_agreements_keep_version_and_principles(code, root):
    for english_path in (root / "agreements").glob("*.md"):
        english = frontmatter.load(english_path)
        translated = frontmatter.load(root / code / "agreements" / english_path.name)
        for key in ("version", "required_for"):
            assert translated.metadata[key] == english.metadata[key], (english_path.name, key)
        assert [p[0] for p in split_principles(translated.content)] == [
            p[0] for p in split_principles(english.content)
        ], english_path.name
        assert len(translated.metadata.get("changes", [])) == len(english.metadata["changes"])


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_translated_story_topics_keep_the_keys(code):
    def keys(path: Path) -> list[str]:
        return [row["key"] for row in yaml.safe_load(path.read_text(encoding="utf-8"))]

    assert keys(ROOT / "content" / code / TOPICS) == keys(ROOT / "content" / TOPICS)


def test_the_checks_catch_what_they_should():
    sample = Catalog(locale="cy")
    sample.add("Done", "Wedi'i wneud")
    sample.add("Left", "")
    sample.add("Doubtful", "Amheus", flags=["fuzzy"])
    sample.add("Hello %(name)s", "Helo %(enw)s")
    assert untranslated(sample) == ["Left", "Doubtful"]
    assert placeholder_mismatches(sample) == ["Helo %(enw)s"]
    assert placeholders("Hello %(name)s, {n} left") == ["%(name)s", "{n}"]
    assert placeholders("Helo %(enw)s") != placeholders("Hello %(name)s")
    assert shipped_pages(ROOT / "content")
    assert not any(page.parts[0] == "cy" for page in shipped_pages(ROOT / "content"))
