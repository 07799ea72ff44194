"""Every offered language is complete: the interface catalogue and every content page.

A translation is a folder named for its language in content/ and easyread/
(content/cy/help.md). Agreements must keep the English version and principles, so a
consent given in Welsh means the same as one given in English. The catalogue checks
themselves are webapp/catalogues.py (tested in test_catalogues.py); here every offered
language must pass them in full.
"""

from __future__ import annotations

from pathlib import Path

import frontmatter
import pytest
import yaml
from babel.messages.pofile import read_po

from webapp.agreements.documents import split_principles
from webapp.catalogues import check_language
from webapp.config import Config
from webapp.content import SOURCE_LANGUAGE

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"
ROOTS = (ROOT / "content", ROOT / "easyread")
TRANSLATIONS = sorted(code for code in Config.LANGUAGES if code != SOURCE_LANGUAGE)
TOPICS = Path("lists") / "story-topics.yml"


def shipped_pages(root: Path) -> list[Path]:
    """The English pages: every Markdown file outside the language folders."""
    return sorted(
        path.relative_to(root)
        for path in root.rglob("*.md")
        if path.relative_to(root).parts[0] not in Config.LANGUAGES
    )


def test_there_is_a_translation():
    assert "cy" in TRANSLATIONS


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_every_string_is_translated_and_none_is_fuzzy(code):
    report = check_language(LOCALES, code)
    assert report.total > 1000
    assert not report.missing, (
        f"{len(report.missing)} not translated (or fuzzy): {report.missing[:5]}"
    )
    assert not report.mismatches


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_plural_strings_have_every_form(code):
    with (LOCALES / code / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalogue = read_po(handle)
    for message in catalogue:
        if message.id and isinstance(message.id, tuple):
            assert len(message.string) == catalogue.num_plurals, message.id


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


def test_the_page_check_leaves_out_the_language_folders():
    pages = shipped_pages(ROOT / "content")
    assert Path("help.md") in pages
    assert not any(page.parts[0] == "cy" for page in pages)
