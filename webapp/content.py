"""Content pages in two variants: plain English (content/) and easy read (easyread/).

Both are Markdown with front matter and share a slug. A translation sits in a
folder named for its language inside either root (content/cy/help.md,
easyread/cy/help.md); a page not translated yet falls back to English and says so
with its `language`, which the templates put in a `lang` attribute. Easy-read bodies are a list
of sections; each section starts with a picture line, `![alt](file.svg)`.
Output is sanitised with nh3 even though the files are ours, and cached by the
file's modification time so an operator's edit shows without a restart.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

import frontmatter
import markdown
import nh3
from babel import localedata
from flask import current_app, g, has_request_context, request
from flask_babel import get_locale

from .page_cache import note_content_read

STANDARD = "standard"
EASYREAD = "easyread"
VARIANTS = (STANDARD, EASYREAD)
VIEW_COOKIE = "view"
SOURCE_LANGUAGE = "en"

PICTURE_LINE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<src>[a-z0-9][a-z0-9\-]*\.svg)\)\s*$")
MONTH = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})(-\d{2})?$")
VERSION_LENGTH = 12
SLUG = re.compile(r"^[a-z0-9][a-z0-9\-]*(/[a-z0-9][a-z0-9\-]*)*$")

ALLOWED_TAGS = {
    "p", "h2", "h3", "h4", "ul", "ol", "li", "a", "strong", "em", "code", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "br", "hr", "abbr", "dl", "dt", "dd",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "hreflang"}, "abbr": {"title"}, "th": {"scope"}}


@dataclass(frozen=True)
class Section:
    picture: str
    alt: str
    html: str


@dataclass(frozen=True)
class Page:
    slug: str
    variant: str
    title: str
    description: str
    html: str = ""
    sections: tuple[Section, ...] = ()
    meta: dict = field(default_factory=dict)
    body: str = ""  # the Markdown source, for content with its own structure (agreements)
    language: str = SOURCE_LANGUAGE  # the language the words are written in

    # Worked out once per page read from its file (pages are kept until the file changes):
    # a content page's kept rendering is keyed by its check, so it is asked every time.
    @cached_property
    def version(self) -> str:
        return body_version(self.meta, self.body)

    @cached_property
    def check(self) -> Check | None:
        """Who checked this page, when, and whether it is unchanged since."""
        return check_of(self.meta, self.version)


@dataclass(frozen=True)
class Check:
    """A self-advocacy group checked an easy-read page (front matter `checked:`).

    `current` is False once the page's words change after the check: the version
    recorded then no longer matches the page's version now."""

    group: str
    month: date
    current: bool


def body_version(meta: dict, body: str) -> str:
    """A short fingerprint of a page's words: its body and its front matter (title,
    intro...), except the record of the check itself. Spaces at line ends do not count."""
    about = json.dumps(
        {k: v for k, v in meta.items() if k != "checked"}, sort_keys=True, default=str
    )
    words = "\n".join(line.rstrip() for line in body.strip().splitlines())
    return hashlib.sha256(f"{about}\n{words}".encode()).hexdigest()[:VERSION_LENGTH]


def parse_month(value) -> date:
    """`2026-10` (or a date, as YAML reads `2026-10-01`) as the first of that month."""
    if isinstance(value, date):
        return value.replace(day=1)
    match = MONTH.match(str(value).strip())
    if not match:
        raise ValueError(f"a month is written like 2026-10, not {value!r}")
    return date(int(match["year"]), int(match["month"]), 1)


def check_of(meta: dict, version: str) -> Check | None:
    recorded = meta.get("checked")
    if not isinstance(recorded, dict) or not str(recorded.get("by") or "").strip():
        return None
    return Check(
        group=str(recorded["by"]).strip(),
        month=parse_month(recorded.get("month")),
        current=str(recorded.get("version", "")).strip() == version,
    )


def check_record(page: Page, group: str, month: date) -> str:
    """The front matter to add to an easy-read page after a check session."""
    return (
        "checked:\n"
        f"  by: {json.dumps(group, ensure_ascii=False)}\n"
        f"  month: {month:%Y-%m}\n"
        f"  version: {page.version}\n"
    )


def easyread_slugs() -> list[str]:
    """Every easy-read page's slug (agreements and error pages included)."""
    root = Path(current_app.config["EASYREAD_DIR"])
    slugs = (p.relative_to(root).with_suffix("").as_posix() for p in root.rglob("*.md"))
    return sorted(slug for slug in slugs if not is_language_folder(slug.split("/")[0]))


def is_language_folder(name: str) -> bool:
    """A folder of translations (cy/, ar/), shipped or still being written: never a page."""
    return name in current_app.config["LANGUAGES"] or is_locale_name(name)


@lru_cache(maxsize=1024)
def is_locale_name(name: str) -> bool:
    """Babel's answer, kept: for a name that is not a locale it reads every locale's name
    (about 800), and every content page asks, home included."""
    return localedata.exists(name)


class PageNotFound(LookupError):
    pass


# Phone numbers and email addresses read left to right inside right-to-left text too.
LEFT_TO_RIGHT = re.compile(r"\+?\d[\d ]{5,}\d|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
TEXT_BETWEEN_TAGS = re.compile(r">([^<]+)<")


def keep_left_to_right(html: str) -> str:
    """Mark numbers, phone numbers and email addresses in sanitised HTML as left to right.

    Runs after nh3, on text it has already escaped: what is matched holds no markup."""

    def in_text(match: re.Match) -> str:
        wrapped = LEFT_TO_RIGHT.sub(lambda m: f'<span dir="ltr">{m[0]}</span>', match[1])
        return f">{wrapped}<"

    return TEXT_BETWEEN_TAGS.sub(in_text, html)


def render_markdown(text: str) -> str:
    html = markdown.markdown(text, extensions=["sane_lists", "tables"], output_format="html")
    return keep_left_to_right(nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES))


def split_sections(body: str) -> list[tuple[str, str, str]]:
    """Split an easy-read body into (picture, alt, words) triples.

    Words before the first picture line become a section with no picture, which
    the easy-read lint reports.
    """
    sections: list[tuple[str, str, str]] = []
    picture, alt, words = "", "", []
    for line in body.splitlines():
        match = PICTURE_LINE.match(line.strip())
        if match:
            if picture or "".join(words).strip():
                sections.append((picture, alt, "\n".join(words).strip()))
            picture, alt, words = match["src"], match["alt"].strip(), []
        else:
            words.append(line)
    if picture or "".join(words).strip():
        sections.append((picture, alt, "\n".join(words).strip()))
    return sections


_cache: dict[Path, tuple[float, Page]] = {}


def _parse(path: Path, slug: str, variant: str, language: str) -> Page:
    post = frontmatter.load(path)
    meta = dict(post.metadata)
    common = {
        "slug": slug,
        "variant": variant,
        "language": language,
        "title": str(meta.get("title", slug)),
        "description": str(meta.get("description", "")),
        "meta": meta,
        "body": post.content,
    }
    if variant == EASYREAD:
        sections = tuple(
            Section(picture=pic, alt=alt, html=render_markdown(words))
            for pic, alt, words in split_sections(post.content)
        )
        return Page(sections=sections, **common)
    return Page(html=render_markdown(post.content), **common)


def current_language() -> str:
    """The visitor's language; English outside a request (building blueprints, commands)."""
    if not has_request_context():
        return SOURCE_LANGUAGE
    return str(get_locale() or SOURCE_LANGUAGE)


def content_root(variant: str) -> Path:
    return Path(current_app.config["EASYREAD_DIR" if variant == EASYREAD else "CONTENT_DIR"])


def localised_file(root: Path, relative: str, language: str | None = None) -> tuple[Path, str]:
    """(path, language) of a content file: the translation when there is one, else English."""
    language = language or current_language()
    if language != SOURCE_LANGUAGE:
        translated = root / language / relative
        if translated.is_file():
            return translated, language
        note_content_read(translated, None)  # a kept page must notice a new translation
    return root / relative, SOURCE_LANGUAGE


def page_path(slug: str, variant: str, language: str | None = None) -> tuple[Path, str]:
    # A language folder is never a page of its own (/cy/help is not a page).
    if not SLUG.match(slug) or is_language_folder(slug.split("/")[0]):
        raise PageNotFound(slug)
    return localised_file(content_root(variant), f"{slug}.md", language)


def load_page(slug: str, variant: str | None = None, language: str | None = None) -> Page:
    """The page in the visitor's variant and language, cached until the file changes."""
    variant = variant or current_variant()
    path, language = page_path(slug, variant, language)
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        raise PageNotFound(slug) from None
    note_content_read(path, mtime)
    cached = _cache.get(path)
    if cached and cached[0] == mtime:
        return cached[1]
    page = _parse(path, slug, variant, language)
    _cache[path] = (mtime, page)
    return page


def current_variant() -> str:
    """?view= wins (so a link can be shared), then the cookie, then plain English."""
    variant = g.get("variant")  # asked for many times a page: one lookup when known
    if variant is None:
        asked = request.args.get("view")
        cookie = request.cookies.get(VIEW_COOKIE)
        variant = g.variant = next((v for v in (asked, cookie) if v in VARIANTS), STANDARD)
        g.variant_from_query = asked in VARIANTS
    return variant


def is_easyread() -> bool:
    return current_variant() == EASYREAD
