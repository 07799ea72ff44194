"""Easy-read lint over easyread/ (GUIDE section 5)."""

from __future__ import annotations

import re
from pathlib import Path

import frontmatter
import pytest

from webapp.config import Config
from webapp.content import SOURCE_LANGUAGE, split_sections

ROOT = Path(__file__).resolve().parents[2]
EASYREAD = ROOT / "easyread"
CONTENT = ROOT / "content"
PICTURES = ROOT / "webapp" / "static" / "pictures"
MAX_WORDS = 15

NUMBER_WORDS = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|million)\b",
    re.IGNORECASE,
)
# Translations live in a folder named for their language (easyread/cy/help.md). The
# only rule that depends on the language is which words are numbers. Welsh numbers
# mutate (tair, dair, thair), and the list leaves out "un" (also "the same", "one of")
# and "deg" (also "fair", as in "yn deg").
NUMBER_WORDS_IN = {
    SOURCE_LANGUAGE: NUMBER_WORDS,
    "cy": re.compile(
        r"\b(dau|ddau|dwy|ddwy|tri|dri|thri|tair|dair|thair|pedwar|bedwar|pedair|bedair|pump|"
        r"bump|pum|bum|chwech|chwe|saith|wyth|naw|ugain|cant|gant|chant|mil|fil|miliwn)\b",
        re.IGNORECASE,
    ),
}


def language_of(name: str) -> str:
    folder = name.split("/")[0]
    return folder if folder in Config.LANGUAGES else SOURCE_LANGUAGE


BLOCK_CAPITALS = re.compile(r"\b[A-Z]{2,}\b")
ITALICS = re.compile(r"(?<![*\w])\*(?!\*)[^*\n]+\*(?!\*)|(?<![_\w])_(?!_)[^_\n]+_(?![_\w])")


def files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md"))


def plain_text(markdown_text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)  # links keep their words
    text = re.sub(r"[*#>`]", "", text)
    return text


def sentences(words: str) -> list[str]:
    found = []
    for line in plain_text(words).splitlines():
        line = re.sub(r"^\s*(?:[-+]|\d+\.)\s+", "", line).strip()
        found += [s.strip() for s in re.split(r"(?<=[.!?:;])\s+", line) if s.strip()]
    return found


def word_count(sentence: str) -> int:
    return len([w for w in sentence.split() if re.search(r"\w", w)])


EASYREAD_FILES = files(EASYREAD)


def test_there_is_easy_read_content():
    assert len(EASYREAD_FILES) >= 8


def test_every_content_page_has_an_easy_read_twin_and_back():
    assert files(CONTENT) == EASYREAD_FILES


@pytest.mark.parametrize("name", EASYREAD_FILES)
def test_easy_read_page(name):
    post = frontmatter.load(EASYREAD / name)
    assert post.metadata.get("title"), "front matter needs a title"
    problems = []
    sections = split_sections(post.content)
    assert sections, "the page has no sections"
    for number, (picture, _alt, words) in enumerate(sections, start=1):
        if not picture:
            problems.append(f"section {number} has no picture")
        elif not (PICTURES / picture).is_file():
            problems.append(f"section {number}: picture {picture} is not in static/pictures")
        if not words.strip():
            problems.append(f"section {number} has a picture but no words")
        for sentence in sentences(words):
            if word_count(sentence) > MAX_WORDS:
                problems.append(f"{word_count(sentence)} words: {sentence!r}")
        text = plain_text(words)
        for found in NUMBER_WORDS_IN[language_of(name)].findall(text):
            problems.append(f"write numbers as digits: {found!r}")
        for found in BLOCK_CAPITALS.findall(text):
            problems.append(f"no block capitals or acronyms: {found!r}")
        if ITALICS.search(words):
            problems.append(f"no italics: {ITALICS.search(words).group(0)!r}")
    assert not problems, "\n".join(problems)


def test_the_lint_catches_what_it_should():
    assert word_count("a " * 16) == 16
    assert sentences("Short one. Another here!\n- A list item") == [
        "Short one.",
        "Another here!",
        "A list item",
    ]
    assert NUMBER_WORDS.search("We have three groups")
    assert not NUMBER_WORDS.search("Someone can help")
    assert NUMBER_WORDS_IN["cy"].search("Mae gennym dair cymuned")
    assert not NUMBER_WORDS_IN["cy"].search("Rydyn ni'n trin pawb yn deg")
    assert language_of("cy/help.md") == "cy" and language_of("help.md") == "en"
    assert BLOCK_CAPITALS.search("Read the PANEL rules")
    assert not BLOCK_CAPITALS.search("I can read it")
    assert ITALICS.search("This is *important*")
    assert not ITALICS.search("This is **important**")
