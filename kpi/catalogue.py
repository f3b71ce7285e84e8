"""The indicator catalogue of Phụ lục I: a data file plus a typed, validated loader."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path

from kpi.messages import Explained, say
from kpi.periods import PeriodError, Quarter, parse_quarter

DATA_FILE = "indicators.csv"
REQUIRED_COLUMNS = (
    "code",
    "group",
    "name_vi",
    "name_en",
    "short_name_vi",
    "short_name_en",
    "unit",
    "comparator",
    "target",
    "target_period",
    "period_type",
    "baseline_period",
    "lead_units",
    "lead_unit_codes",
    "coordinating_units",
    "coordinating_unit_codes",
)


class CatalogueError(Explained, ValueError):
    """The catalogue file breaks one of its rules."""


class Comparator(StrEnum):
    """'>=' where the plan writes '≥ N', '=' for a plain N: both mean 'reach at least N'."""

    AT_LEAST = ">="
    EQUAL = "="


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    group: str
    name_vi: str
    name_en: str
    short_name_vi: str
    short_name_en: str
    unit: str
    comparator: Comparator
    target: float
    target_period: Quarter
    period_type: str
    baseline_period: Quarter | None
    lead_units: str
    lead_unit_codes: tuple[str, ...]
    coordinating_units: str
    coordinating_unit_codes: tuple[str, ...]

    def name(self, lang: str = "vi") -> str:
        return self.name_en if lang == "en" else self.name_vi

    def short_name(self, lang: str = "vi") -> str:
        return self.short_name_en if lang == "en" else self.short_name_vi


@dataclass(frozen=True)
class Catalogue:
    indicators: tuple[Indicator, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {i.code: i for i in self.indicators})

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.indicators)

    def __len__(self) -> int:
        return len(self.indicators)

    def __contains__(self, code: object) -> bool:
        return code in self.by_code

    def __getitem__(self, code: str) -> Indicator:
        return self.by_code[code]

    @property
    def by_code(self) -> Mapping[str, Indicator]:
        by_code: dict[str, Indicator] = object.__getattribute__(self, "_by_code")
        return by_code

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(i.code for i in self.indicators)


def _codes(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(";") if part.strip())


def _parse_row(line: int, row: Mapping[str, str]) -> Indicator:
    def fail(column: str, why: object) -> CatalogueError:
        return CatalogueError(say("error.catalogue.row", line=line, column=column, why=why))

    code = (row.get("code") or "").strip()
    if not code:
        raise fail("code", say("error.catalogue.no_code"))
    try:
        target = float(row["target"])
    except ValueError as exc:
        raise fail("target", say("error.not_a_number", value=row["target"])) from exc
    if not 0 <= target <= 100:
        raise fail("target", say("error.catalogue.target_range", target=target))
    if row["unit"] != "%":
        raise fail("unit", say("error.catalogue.percent_only"))
    if row["period_type"] != "quarter":
        raise fail("period_type", say("error.catalogue.quarters_only"))
    try:
        comparator = Comparator(row["comparator"])
        target_period = parse_quarter(row["target_period"])
        baseline = parse_quarter(row["baseline_period"]) if row["baseline_period"] else None
    except (ValueError, PeriodError) as exc:
        raise fail("comparator/period", exc) from exc
    for column in ("name_vi", "name_en", "short_name_vi", "short_name_en", "lead_units"):
        if not row[column].strip():
            raise fail(column, say("error.empty_field"))
    return Indicator(
        code=code,
        group=row["group"].strip(),
        name_vi=row["name_vi"].strip(),
        name_en=row["name_en"].strip(),
        short_name_vi=row["short_name_vi"].strip(),
        short_name_en=row["short_name_en"].strip(),
        unit="%",
        comparator=comparator,
        target=target,
        target_period=target_period,
        period_type="quarter",
        baseline_period=baseline,
        lead_units=row["lead_units"].strip(),
        lead_unit_codes=_codes(row["lead_unit_codes"]),
        coordinating_units=row["coordinating_units"].strip(),
        coordinating_unit_codes=_codes(row["coordinating_unit_codes"]),
    )


def parse_catalogue(text: str) -> Catalogue:
    """Parse and validate catalogue CSV text."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise CatalogueError(say("error.catalogue.missing_columns", columns=", ".join(missing)))
    indicators = tuple(_parse_row(n, row) for n, row in enumerate(reader, start=2))
    codes = [i.code for i in indicators]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise CatalogueError(say("error.catalogue.duplicates", codes=", ".join(duplicates)))
    if not indicators:
        raise CatalogueError(say("error.catalogue.empty"))
    return Catalogue(indicators)


def load_catalogue(path: Path | None = None) -> Catalogue:
    """Load the packaged catalogue, or another file with the same columns."""
    if path is None:
        text = resources.files("kpi.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8-sig")
    return parse_catalogue(text)
