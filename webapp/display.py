"""Display settings: text size, contrast and line spacing, kept in one cookie.

The server writes the classes onto <html>, so the right style arrives with the
first byte: no flash of the wrong style, and no JavaScript needed.
"""

from __future__ import annotations

from flask import request

DISPLAY_COOKIE = "display"

# Each setting: its allowed values, the first being the default.
CHOICES: dict[str, tuple[str, ...]] = {
    "size": ("standard", "large", "largest"),
    "contrast": ("device", "standard", "high", "dark"),
    "spacing": ("standard", "wide"),
}
DEFAULTS = {name: values[0] for name, values in CHOICES.items()}


def parse(raw: str | None) -> dict[str, str]:
    """Read "size-large.contrast-dark" leniently: unknown parts fall back to defaults."""
    settings = dict(DEFAULTS)
    for part in (raw or "").split("."):
        name, _, value = part.partition("-")
        if name in CHOICES and value in CHOICES[name]:
            settings[name] = value
    return settings


def serialise(settings: dict[str, str]) -> str:
    return ".".join(f"{name}-{settings[name]}" for name in CHOICES)


def current_settings() -> dict[str, str]:
    return parse(request.cookies.get(DISPLAY_COOKIE))


def display_classes() -> str:
    settings = current_settings()
    return " ".join(f"{name}-{value}" for name, value in settings.items())
