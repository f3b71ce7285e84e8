"""Indicator metadata (definition, counts, source, method, who answers for it).

Kept beside the catalogue in `kpi/data/indicator_metadata.csv`, filled only where
the plan says it; an empty field stays empty and is shown as such, never guessed.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from kpi.catalogue import Catalogue, CatalogueError, Indicator
from kpi.messages import say
from kpi.text import LANGS, t

DATA_FILE = "indicator_metadata.csv"
# English of the one-language fields (unit names, plan references), beside the file's own.
EN_FILE = "indicator_metadata_en.csv"
EMPTY_MARK = {lang: t("metadata.empty", lang) for lang in LANGS}

# field -> bilingual in the file? (its label is the catalogue's "metadata.<field>")
FIELDS: dict[str, bool] = {
    "definition": True,
    "numerator": True,
    "denominator": True,
    "unit_of_measure": False,
    "periodicity": True,
    "data_source": True,
    "method": True,
    "responsible_unit": False,
    "contact": False,
    "plan_reference": False,
}


@dataclass(frozen=True, slots=True)
class IndicatorMetadata:
    code: str
    values: Mapping[str, str]  # "definition_vi", "unit_of_measure", ... -> text ("" = not given)

    def get(self, field: str, lang: str = "vi") -> str:
        """The field in `lang` ("" when the plan does not say it)."""
        if FIELDS[field]:
            return self.values.get(f"{field}_{lang}", "")
        written = self.values.get(field, "")
        if lang == "en" and written:
            return _english().get(self.code, {}).get(f"{field}_en") or written
        return written

    def record(self) -> dict[str, str | None]:
        """Flat record for the API and the package: every column, None when empty."""
        return {key: (text or None) for key, text in self.values.items()}


@functools.cache
def _english() -> dict[str, dict[str, str]]:
    text = resources.files("kpi.data").joinpath(EN_FILE).read_text(encoding="utf-8")
    return {row["code"]: row for row in csv.DictReader(io.StringIO(text))}


def lead_units(indicator: Indicator, lang: str = "vi") -> str:
    """The lead units as the catalogue writes them; in English, the metadata's English of
    the responsible unit (the same units, a test holds them equal)."""
    if lang == "en":
        return _english().get(indicator.code, {}).get("responsible_unit_en") or indicator.lead_units
    return indicator.lead_units


def columns() -> list[str]:
    """The file's columns after `code`, in order."""
    out: list[str] = []
    for name, bilingual in FIELDS.items():
        out.extend([f"{name}_vi", f"{name}_en"] if bilingual else [name])
    return out


def label(field: str, lang: str = "vi") -> str:
    return t(f"metadata.{field}", lang)


def rows(
    meta: IndicatorMetadata, last_updated: str | None, lang: str = "vi"
) -> list[tuple[str, str]]:
    """(label, text) for every field, an empty one marked as such, last updated at the end."""
    empty = EMPTY_MARK[lang if lang in EMPTY_MARK else "vi"]
    out = [(label(name, lang), meta.get(name, lang) or empty) for name in FIELDS]
    out.append((t("metadata.last_updated", lang), last_updated or empty))
    return out


def parse_metadata(text: str, catalogue: Catalogue) -> dict[str, IndicatorMetadata]:
    """One record per catalogue indicator; unknown codes or missing columns are errors."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ["code", *columns()] if c not in (reader.fieldnames or [])]
    if missing:
        raise CatalogueError(say("error.metadata.missing_columns", columns=", ".join(missing)))
    found: dict[str, IndicatorMetadata] = {}
    for line, row in enumerate(reader, start=2):
        code = (row.get("code") or "").strip()
        if code not in catalogue:
            raise CatalogueError(say("error.metadata.unknown_indicator", line=line, code=code))
        values = {c: (row.get(c) or "").strip() for c in columns()}
        found[code] = IndicatorMetadata(code, values)
    blank = dict.fromkeys(columns(), "")
    return {i.code: found.get(i.code, IndicatorMetadata(i.code, blank)) for i in catalogue}


def load_metadata(catalogue: Catalogue) -> dict[str, IndicatorMetadata]:
    text = resources.files("kpi.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return parse_metadata(text, catalogue)
