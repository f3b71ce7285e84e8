"""Reporting obligations: which unit reports which indicator, from which quarter, until which.

By default every indicator is owed by its lead units from the catalogue, for every
quarter. Rows imported by an administrator (`kpi obligations import`) add
obligations or replace the default of the same unit and indicator, for instance to
give it a first or last quarter.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from kpi.catalogue import Catalogue
from kpi.periods import PeriodError, Quarter, parse_quarter
from kpi.text import t
from kpi.units import UnitRegistry

REQUIRED_COLUMNS = ("unit_code", "indicator_code")
CSV_COLUMNS = (*REQUIRED_COLUMNS, "from_period", "to_period")


class ObligationError(ValueError):
    """An obligations file or row that cannot be used; the message says which row."""


@dataclass(frozen=True, order=True)
class Obligation:
    unit_code: str
    indicator_code: str
    first: Quarter | None = None  # None: from the first quarter there is
    last: Quarter | None = None  # None: with no end
    source: str = "catalogue"  # "catalogue" (default) or "import"

    def covers(self, quarter: Quarter) -> bool:
        """Whether the unit owes this indicator for the quarter."""
        if self.first is not None and quarter < self.first:
            return False
        return self.last is None or quarter <= self.last

    @property
    def key(self) -> tuple[str, str]:
        return (self.unit_code, self.indicator_code)


def default_obligations(catalogue: Catalogue) -> list[Obligation]:
    """Each indicator owed by each of its lead units, with no start or end."""
    return sorted(
        Obligation(unit, indicator.code)
        for indicator in catalogue
        for unit in dict.fromkeys(indicator.lead_unit_codes)
    )


def effective_obligations(catalogue: Catalogue, stored: Iterable[Obligation]) -> list[Obligation]:
    """The catalogue defaults, with stored rows added or replacing the same unit+indicator."""
    merged = {o.key: o for o in default_obligations(catalogue)}
    merged.update({o.key: o for o in stored})
    return sorted(merged.values(), key=lambda o: (o.unit_code, _position(catalogue, o)))


def _position(catalogue: Catalogue, obligation: Obligation) -> int:
    codes = list(catalogue.codes)
    code = obligation.indicator_code
    return codes.index(code) if code in codes else len(codes)


def owed_from(obligation: Obligation, catalogue: Catalogue, programme_baseline: Quarter) -> Quarter:
    """The first quarter a report is owed: the row's own start, else the indicator's baseline
    (the catalogue's, else the programme's). Before it no verdict uses the figures, so no
    report was due and none can be overdue."""
    if obligation.first is not None:
        return obligation.first
    code = obligation.indicator_code
    own = catalogue[code].baseline_period if code in catalogue else None
    return own or programme_baseline


def with_starts(
    obligations: Iterable[Obligation], catalogue: Catalogue, programme_baseline: Quarter
) -> list[Obligation]:
    """The obligations, each with the first quarter it is owed filled in."""
    return [
        o if o.first is not None else replace(o, first=owed_from(o, catalogue, programme_baseline))
        for o in obligations
    ]


def for_unit(obligations: Sequence[Obligation], unit_code: str) -> list[Obligation]:
    return [o for o in obligations if o.unit_code == unit_code]


def indicators_owed(
    obligations: Sequence[Obligation], unit_code: str, quarter: Quarter | None = None
) -> list[str]:
    """Indicator codes the unit reports (in that quarter, when given)."""
    return [
        o.indicator_code
        for o in for_unit(obligations, unit_code)
        if quarter is None or o.covers(quarter)
    ]


def _period(text: str | None, row: int, column: str) -> Quarter | None:
    if text is None or not text.strip():
        return None
    try:
        return parse_quarter(text.strip())
    except PeriodError as exc:
        raise ObligationError(t("error.obligations.cell", row=row, column=column, why=exc)) from exc


def parse_obligations(text: str, catalogue: Catalogue, registry: UnitRegistry) -> list[Obligation]:
    """Read an obligations CSV (unit_code,indicator_code[,from_period,to_period]).

    Units may be given by code or exact name. Every problem refuses the whole file.
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise ObligationError(t("error.obligations.missing_columns", columns=", ".join(missing)))
    found: dict[tuple[str, str], Obligation] = {}
    for row_number, raw in enumerate(reader, start=2):
        row = {str(k).strip(): (v or "").strip() for k, v in raw.items() if k is not None}
        if not any(row.values()):
            continue
        found_key, obligation = _row(row, row_number, catalogue, registry)
        if found_key in found:
            raise ObligationError(t("error.obligations.duplicate", row=row_number, pair=found_key))
        found[found_key] = obligation
    if not found:
        raise ObligationError(t("error.obligations.no_rows"))
    return sorted(found.values())


def _row(
    row: dict[str, str], number: int, catalogue: Catalogue, registry: UnitRegistry
) -> tuple[tuple[str, str], Obligation]:
    unit = registry.resolve(row.get("unit_code", ""))
    if unit is None:
        unknown = row.get("unit_code", "")
        raise ObligationError(t("error.obligations.unknown_unit", row=number, unit=unknown))
    code = row.get("indicator_code", "")
    if code not in catalogue.codes:
        raise ObligationError(t("error.obligations.unknown_indicator", row=number, code=code))
    first = _period(row.get("from_period"), number, "from_period")
    last = _period(row.get("to_period"), number, "to_period")
    if first is not None and last is not None and last < first:
        raise ObligationError(t("error.obligations.backwards", row=number))
    return (unit.code, code), Obligation(unit.code, code, first, last, "import")


def obligation_records(obligations: Sequence[Obligation]) -> list[dict[str, str | None]]:
    """Plain rows for tables and JSON: the CSV columns plus where the row comes from."""
    return [
        {
            "unit_code": o.unit_code,
            "indicator_code": o.indicator_code,
            "from_period": str(o.first) if o.first else None,
            "to_period": str(o.last) if o.last else None,
            "source": o.source,
        }
        for o in obligations
    ]
