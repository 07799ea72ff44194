"""Ready for a right-to-left language: logical CSS, left-to-right codes and contacts,
and <html dir> from the language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask_babel import force_locale

from webapp.content import render_markdown
from webapp.i18n import text_direction

CSS = Path(__file__).parents[2] / "webapp" / "static" / "css" / "site.css"
# Properties that name a physical side: in a right-to-left page they point the wrong way.
PHYSICAL = re.compile(
    r"(?<![\w-])(margin|padding|border|inset|scroll-margin|scroll-padding)-(left|right)\b"
    r"|(?<![\w-])border-(top|bottom)-(left|right)-radius\b"
    r"|(?<![\w-])(left|right)\s*:"
    r"|(?<![\w-])(float|clear|text-align)\s*:\s*(left|right)\b"
)
# Four values give left and right separately; three or fewer keep them equal.
FOUR_SIDES = re.compile(
    r"(?<![\w-])(margin|padding|border-width|border-style|border-color|inset)\s*:\s*([^;}]+)"
)


def declarations() -> list[tuple[int, str]]:
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m[0].count("\n"), CSS.read_text(), flags=re.S)
    return list(enumerate(text.splitlines(), start=1))


def test_the_css_uses_logical_properties_for_left_and_right():
    found = [f"{n}: {line.strip()}" for n, line in declarations() if PHYSICAL.search(line)]
    assert found == []


def test_no_four_value_shorthand_sets_left_and_right_differently():
    found = []
    for number, line in declarations():
        for match in FOUR_SIDES.finditer(line):
            values = match[2].replace("!important", "").split()
            if len(values) == 4 and values[1] != values[3]:
                found.append(f"{number}: {match[0]}")
    assert found == []


def test_the_checks_above_would_catch_physical_css():
    assert PHYSICAL.search(".a { margin-left: 1rem; }")
    assert PHYSICAL.search(".a { left: 0; }")
    assert PHYSICAL.search(".a { float: right; }")
    assert not PHYSICAL.search(".a { margin-inline-start: 1rem; float: inline-end; }")
    assert FOUR_SIDES.search(".a { padding: 0 1rem 0 2rem; }")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Call 0300 123 3393 today.", "0300 123 3393"),
        ("Call [116 123](tel:116123).", "116 123"),
        ("Email jo@samaritans.org.", "jo@samaritans.org"),
        ("Write to [hello@example.org](mailto:hello@example.org).", "hello@example.org"),
    ],
)
def test_phone_numbers_and_email_addresses_stay_left_to_right(text, kept):
    assert f'<span dir="ltr">{kept}</span>' in render_markdown(text)


def test_ordinary_words_and_short_numbers_are_left_alone():
    html = render_markdown("In 2026, 15 people met on 3 May.")
    assert "dir=" not in html


def test_the_page_direction_follows_the_language(app):
    with app.test_request_context():
        assert text_direction() == "ltr"
        with force_locale("ar"):
            assert text_direction() == "rtl"
        with force_locale("cy"):
            assert text_direction() == "ltr"


def test_codes_to_keep_are_left_to_right(app):
    with app.test_request_context():
        template = app.jinja_env.from_string(
            '{% from "components/code.html" import keep_code with context %}'
            '{{ keep_code("abcd-efgh", "story-code", "Copied") }}'
        )
        html = template.render()
    box = re.search(r'<p class="code-box"[^>]*>', html)[0]
    assert 'dir="ltr"' in box
