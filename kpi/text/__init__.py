"""The one catalogue of user-facing words, in Vietnamese (default) and English.

Each module of the package holds the words of one area as `STRINGS`, a map of
key -> (vi, en). They are merged here; a key defined twice is an error at import,
so no area can silently override another's words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import ModuleType

from kpi.text import (
    access,
    app,
    catalogue,
    cli,
    cli_commands,
    cli_help,
    cli_usage,
    errors,
    exports,
    mail,
    overview,
    problems,
    publish,
    refusals,
    reports,
    statuses,
    streamlit_words,
    tables,
    tasks,
    templates,
)

LANGS = ("vi", "en")
MODULES: tuple[ModuleType, ...] = (
    access,
    app,
    catalogue,
    cli,
    cli_commands,
    cli_help,
    cli_usage,
    errors,
    exports,
    mail,
    overview,
    problems,
    publish,
    refusals,
    reports,
    statuses,
    streamlit_words,
    tables,
    tasks,
    templates,
)


class DuplicateKey(ValueError):
    """Two catalogue modules define the same key."""


def merge(parts: Mapping[str, Mapping[str, tuple[str, str]]]) -> dict[str, tuple[str, str]]:
    """One map from the areas' maps; refuses a key that two areas define."""
    merged: dict[str, tuple[str, str]] = {}
    owner: dict[str, str] = {}
    for area, strings in parts.items():
        for key, words in strings.items():
            if key in merged:
                raise DuplicateKey(f"text key {key!r} is defined in {owner[key]} and {area}")
            merged[key] = words
            owner[key] = area
    return merged


STRINGS: dict[str, tuple[str, str]] = merge({m.__name__: m.STRINGS for m in MODULES})


def words(key: str, lang: str = "vi") -> str:
    """The unformatted template of `key` in `lang` (English for "en", else Vietnamese)."""
    vi, en = STRINGS[key]
    return en if lang == "en" else vi


# English counts agree with their number: "{n} {n|problem|problems}" reads "1 problem",
# "3 problems". Vietnamese has no plural and never needs it.
_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")


def _is_one(value: object) -> bool:
    return str(value).strip() in {"1", "1.0"}


def fill(template: str, /, **values: object) -> str:
    """`template` with its plural choices made and `values` formatted in."""
    if not values:
        return template
    chosen = _PLURAL.sub(lambda m: m[2] if _is_one(values.get(m[1])) else m[3], template)
    return chosen.format(**values)


def t(key: str, lang: str = "vi", /, **values: object) -> str:
    """The string for `key` in `lang`, formatted with `values`."""
    return fill(words(key, lang), **values)


def both(key: str, /, **values: object) -> tuple[str, str]:
    """(vi, en) of `key`, for messages that carry both languages (API errors)."""
    vi, en = (t(key, lang, **values) for lang in LANGS)
    return vi, en
