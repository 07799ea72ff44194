"""Translation catalogues: placeholders match the English in every shipped translation,
and the completeness report counts what it should."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from webapp.catalogues import check_catalogue, check_language, placeholders, shipped_catalogues

LOCALES = Path(__file__).parents[2] / "locales"


@pytest.mark.parametrize("language", shipped_catalogues(LOCALES))
def test_every_translation_keeps_the_english_placeholders(language):
    report = check_language(LOCALES, language)
    assert [
        f"{m.msgid!r}: English {sorted(m.english)}, translated {sorted(m.translated)}"
        for m in report.mismatches
    ] == []


def test_welsh_is_shipped():
    assert "cy" in shipped_catalogues(LOCALES)


def test_placeholders_of_both_kinds_are_found():
    assert placeholders("Wait %(num)s minutes, %(name)s. You have {n} words left.") == {
        "num",
        "name",
        "n",
    }
    assert placeholders("100% sure") == frozenset()


def sample() -> Catalog:
    catalogue = Catalog(locale="cy")
    catalogue.add("Help", "Help")
    catalogue.add("Hello %(name)s", "Helo %(enw)s")  # a renamed placeholder
    catalogue.add("Not yet", "")
    catalogue.add("Guessed", "Dyfalu", flags=["fuzzy"])
    catalogue.add(
        ("%(num)s minute", "%(num)s minutes"),
        ("un munud", "%(num)s munud", "%(num)s munud", "%(num)s munud", "%(num)s munud"),
    )
    catalogue.add(("%(num)s day", "%(num)s days"), ("%(num)s dydd %(extra)s", "", "", "", ""))
    return catalogue


def test_the_report_counts_translated_fuzzy_and_missing():
    report = check_catalogue(sample(), "cy")
    assert report.total == 6
    assert report.translated == 3  # Help, Hello and the minutes; not the half-done days
    assert report.fuzzy == 1
    assert report.missing == ["Not yet", "Guessed", "%(num)s day"]
    assert round(report.percent) == 50


def test_the_report_finds_each_placeholder_that_differs():
    mismatches = check_catalogue(sample(), "cy").mismatches
    assert [(m.msgid, sorted(m.translated)) for m in mismatches] == [
        ("Hello %(name)s", ["enw"]),
        ("%(num)s day", ["extra", "num"]),
    ]
