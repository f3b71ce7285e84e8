"""Refusals that remember their catalogue key, so each reader gets them in their language.

A service raises `SomeError(say("svc.cycle.not_approved", quarter=q, unit=code))`. The
`Phrase` is a str holding the Vietnamese text, so `str(e)` (what the CLI prints and the
tests compare) is unchanged; `e.text("en")` renders the same key and fields in English.
Fields keep their type (a Quarter, a HalfYear, a nested error) and are formatted only
when a language is chosen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol, runtime_checkable

from kpi.text import LANGS, t


@runtime_checkable
class Localized(Protocol):
    """A field value with one form per language."""

    def text(self, lang: str = "vi") -> str: ...


class Phrase(str):
    """A catalogue message: its Vietnamese text, plus the key and fields to render it again."""

    key: str
    fields: Mapping[str, object]

    def __new__(cls, key: str, fields: Mapping[str, object]) -> Phrase:
        phrase = super().__new__(cls, render(key, "vi", fields))
        phrase.key, phrase.fields = key, dict(fields)
        return phrase

    def text(self, lang: str = "vi") -> str:
        return render(self.key, lang, self.fields)


def say(key: str, /, **fields: object) -> Phrase:
    """The message of catalogue `key` with `fields`, kept renderable in every language."""
    return Phrase(key, fields)


class PerLang:
    """A field whose words the caller already has in both languages (e.g. a role's name)."""

    def __init__(self, vi: str, en: str) -> None:
        self.vi, self.en = vi, en

    def text(self, lang: str = "vi") -> str:
        return self.en if lang == "en" else self.vi

    def __str__(self) -> str:
        return self.vi


def joined(parts: Iterable[Localized], sep: str = "; ") -> PerLang:
    """Several phrases as one field, joined in each language."""
    items = list(parts)
    vi, en = (sep.join(part.text(lang) for part in items) for lang in LANGS)
    return PerLang(vi, en)


def _shown(value: object, lang: str) -> object:
    """A field as `lang` shows it; other values are left for the template's format spec."""
    # Imported here: kpi.periods raises phrases itself, and formatting imports periods.
    from kpi.formatting import quarter_label
    from kpi.periods import Quarter
    from kpi.task_progress import HalfYear

    if isinstance(value, Quarter):
        return quarter_label(value, lang)
    if isinstance(value, HalfYear):
        return value.label(lang)
    if isinstance(value, BaseException):
        return text_of(value, lang)
    if isinstance(value, Localized):
        return value.text(lang)
    return value


def render(key: str, lang: str, fields: Mapping[str, Any]) -> str:
    """The text of `key` in `lang`, each field formatted for that language."""
    return t(key, lang, **{name: _shown(value, lang) for name, value in fields.items()})


def text_of(exc: BaseException, lang: str = "vi") -> str:
    """What a person reads for `exc` in `lang`: its phrase rendered, or its own text."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first.text(lang) if isinstance(first, Phrase) else str(exc)


class Explained(Exception):
    """Mixin for refusals raised with a `say(...)` phrase: `str(e)` stays Vietnamese,
    `e.text(lang)` is the message in the reader's language."""

    @property
    def phrase(self) -> Phrase | None:
        first = self.args[0] if len(self.args) == 1 else None
        return first if isinstance(first, Phrase) else None

    @property
    def key(self) -> str | None:
        return self.phrase.key if self.phrase is not None else None

    @property
    def fields(self) -> Mapping[str, object]:
        return self.phrase.fields if self.phrase is not None else {}

    def text(self, lang: str = "vi") -> str:
        return text_of(self, lang)

    def both(self) -> tuple[str, ...]:
        """The message in each language of the catalogue, Vietnamese first."""
        return tuple(self.text(lang) for lang in LANGS)
