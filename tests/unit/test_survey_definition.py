"""The survey file: the default one is complete, and a mistake in an edited one is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from webapp.surveys.definition import SurveyFileError, parse, shape

ROOT = Path(__file__).resolve().parents[2]
PICTURES = ROOT / "webapp" / "static" / "pictures"


def test_the_default_survey_asks_what_the_terms_of_reference_ask():
    survey = parse((ROOT / "content" / "surveys" / "feelings.toml").read_text())
    keys = [q.key for q in survey.questions]
    assert keys == ["listened-to", "safe-to-share", "influence", "worth-it", "one-thing"]
    assert [q.kind for q in survey.questions] == ["scale"] * 4 + ["text"]
    for question in survey.questions:
        assert question.plain and question.easy and (PICTURES / question.picture).exists()
        for point in question.points:  # every face has its words, in both variants
            assert point.plain and point.easy and (PICTURES / point.picture).exists()
        if question.is_scale:
            assert question.yes_values == {"yes"}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('title_plain="a"\ntitle_easy="a"\n[[questions]]\nkey="x"\nkind="poll"\nplain="a"\n'
         'easy="a"\npicture="ear.svg"', "kind must be"),
        ('title_plain="a"\ntitle_easy="a"\n[[questions]]\nkey="x"\nkind="scale"\nplain="a"\n'
         'easy="a"\npicture="ear.svg"', "names a scale"),
    ],
)  # fmt: skip
def test_a_mistake_in_the_file_says_what_to_fix(text, problem):
    with pytest.raises(SurveyFileError, match=problem):
        parse(text)


@pytest.mark.parametrize("language", ["cy"])
def test_a_translated_survey_keeps_the_keys_and_values_answers_are_stored_by(language):
    english = parse((ROOT / "content" / "surveys" / "feelings.toml").read_text())
    translated = parse((ROOT / "content" / language / "surveys" / "feelings.toml").read_text())
    assert shape(translated) == shape(english)
    assert translated.title_plain != english.title_plain  # the words really are translated
    for ours, theirs in zip(translated.questions, english.questions, strict=True):
        assert ours.plain != theirs.plain and ours.easy != theirs.easy
