"""The survey as the operator wrote it: content/surveys/feelings.toml.

Read with the standard library's TOML reader and kept until the file changes, so an edit to
the wording shows without a restart (adding or removing a question needs one: the
conversation's turns are built when the app starts).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from flask import current_app

from ..content import SOURCE_LANGUAGE, current_language, is_easyread, localised_file

SURVEY = "feelings"
SCALE, TEXT = "scale", "text"
FACES = ("happy", "in-between", "sad")


@dataclass(frozen=True)
class Point:
    """One answer on a scale: its stored value, its words in both variants, and its face."""

    value: str
    plain: str
    easy: str
    face: str
    counts_as_yes: bool = False

    @property
    def words(self) -> str:
        return self.easy if _easy() else self.plain

    @property
    def picture(self) -> str:
        return f"faces/{self.face}.svg"


@dataclass(frozen=True)
class Question:
    key: str
    kind: str
    plain: str
    easy: str
    picture: str
    points: tuple[Point, ...] = ()
    feeling_plain: str = ""
    feeling_easy: str = ""

    @property
    def words(self) -> str:
        return self.easy if _easy() else self.plain

    @property
    def feeling(self) -> str:
        """How a result reads after "7 in 10 members": "feel listened to"."""
        chosen = self.feeling_easy if _easy() else self.feeling_plain
        return chosen or self.words

    @property
    def is_scale(self) -> bool:
        return self.kind == SCALE

    def point(self, value: str | None) -> Point | None:
        return next((p for p in self.points if p.value == value), None)

    @property
    def yes_values(self) -> set[str]:
        return {p.value for p in self.points if p.counts_as_yes}


@dataclass(frozen=True)
class Survey:
    title_plain: str
    title_easy: str
    questions: tuple[Question, ...]
    language: str = SOURCE_LANGUAGE  # the language its words are in

    def lang_if_not(self, language: str) -> str | None:
        """Its language, when it differs from the page's: it fell back to English."""
        return self.language if self.language != language else None

    @property
    def title(self) -> str:
        return self.title_easy if _easy() else self.title_plain

    def question(self, key: str) -> Question | None:
        return next((q for q in self.questions if q.key == key), None)

    @property
    def scale_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.is_scale)

    @property
    def text_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if not q.is_scale)


def _easy() -> bool:
    try:
        return is_easyread()
    except RuntimeError:  # outside a request: plain English
        return False


class SurveyFileError(ValueError):
    """The survey file says something that cannot work; the message says what to fix."""


def parse(text: str) -> Survey:
    data = tomllib.loads(text)
    scales = {
        name: tuple(Point(**{k: v for k, v in point.items()}) for point in scale["points"])
        for name, scale in data.get("scales", {}).items()
    }
    questions = []
    for raw in data.get("questions", []):
        raw = dict(raw)
        kind = raw.get("kind")
        if kind not in (SCALE, TEXT):
            raise SurveyFileError(f"{raw.get('key')}: kind must be 'scale' or 'text'")
        points = scales.get(raw.pop("scale", ""), ()) if kind == SCALE else ()
        if kind == SCALE and not points:
            raise SurveyFileError(f"{raw['key']}: a scale question names a scale from [scales]")
        for point in points:
            if point.face not in FACES:
                raise SurveyFileError(f"{raw['key']}: a face is one of {', '.join(FACES)}")
        questions.append(Question(points=points, **raw))
    keys = [q.key for q in questions]
    if len(set(keys)) != len(keys):
        raise SurveyFileError("two questions have the same key")
    return Survey(data["title_plain"], data["title_easy"], tuple(questions))


_cache: dict[Path, tuple[float, Survey]] = {}


SHIPPED_ROOT = Path(__file__).resolve().parents[2] / "content"
RELATIVE = f"surveys/{SURVEY}.toml"
SHIPPED = SHIPPED_ROOT / RELATIVE


def survey_path(language: str | None = None) -> Path:
    """The operator's survey in CONTENT_DIR, or the one shipped when their folder has none,
    each in the visitor's language when translated (content/cy/surveys/...), else English."""
    chosen, _ = localised_file(Path(current_app.config["CONTENT_DIR"]), RELATIVE, language)
    return chosen if chosen.exists() else localised_file(SHIPPED_ROOT, RELATIVE, language)[0]


def shape(survey: Survey) -> list:
    """Everything answers are stored by: a translation must keep it exactly."""
    return [
        (q.key, q.kind, q.picture, [(p.value, p.face, p.counts_as_yes) for p in q.points])
        for q in survey.questions
    ]


def _read(path: Path, language: str) -> Survey:
    changed = path.stat().st_mtime
    cached = _cache.get(path)
    if cached is None or cached[0] != changed:
        cached = (changed, replace(parse(path.read_text(encoding="utf-8")), language=language))
        _cache[path] = cached
    return cached[1]


def load_survey() -> Survey:
    """The survey in the visitor's language; English when the translation has fallen
    behind the English (a question added or a key changed), so answers always fit."""
    english = _read(survey_path(SOURCE_LANGUAGE), SOURCE_LANGUAGE)
    path = survey_path()
    if path == survey_path(SOURCE_LANGUAGE):
        return english
    translated = _read(path, current_language())
    return translated if shape(translated) == shape(english) else english
