"""Reporting units: a tree with the ministry (BNV) at its root."""

from __future__ import annotations

import csv
import functools
import io
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kpi.messages import Explained, say

ROOT_CODE = "BNV"
DATA_FILE = "units.csv"
# English of the ministry's own units, by code; a unit added later keeps its own name
EN_FILE = "units_en.csv"


class UnitError(Explained, ValueError):
    """A unit file or reference that breaks the tree's rules."""


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    name: str
    parent: str | None


@functools.cache
def english_names() -> dict[str, str]:
    """code -> official English name, for the units the package ships."""
    text = resources.files("kpi.data").joinpath(EN_FILE).read_text(encoding="utf-8")
    return {row["code"]: row["name_en"].strip() for row in csv.DictReader(io.StringIO(text))}


def unit_name(unit: Unit, lang: str = "vi") -> str:
    """The unit's name in `lang`: the English by code where known, else its own name."""
    if lang == "en":
        return english_names().get(unit.code) or unit.name
    return unit.name


def fold_name(text: str) -> str:
    """Key for matching a unit by name: NFC, trimmed, single spaces, case-folded."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


class UnitRegistry:
    """Look units up by code or by exact full name; walk the tree."""

    def __init__(self, units: Iterable[Unit]) -> None:
        self._units = {u.code: u for u in units}
        self._by_name = {fold_name(u.name): u for u in self._units.values()}
        self._children: dict[str, list[str]] = {}
        for unit in self._units.values():
            if unit.parent:
                self._children.setdefault(unit.parent, []).append(unit.code)
        # asked once per unit when every scope is judged: found once, not per call
        roots = [u for u in self._units.values() if u.parent is None]
        self._root = roots[0] if roots else Unit(ROOT_CODE, "Bộ Nội vụ", None)

    def __iter__(self) -> Iterator[Unit]:
        return iter(self._units.values())

    def __len__(self) -> int:
        return len(self._units)

    def __contains__(self, code: object) -> bool:
        return code in self._units

    def get(self, code: str) -> Unit | None:
        return self._units.get(code)

    def name(self, code: str, lang: str = "vi") -> str:
        """The name of the unit `code` in `lang`; the code itself when no such unit."""
        unit = self._units.get(code)
        return unit_name(unit, lang) if unit is not None else code

    @property
    def root(self) -> Unit:
        return self._root

    def resolve(self, ref: str) -> Unit | None:
        """A unit by code (exact, then case-insensitive) or by exact full name."""
        text = unicodedata.normalize("NFC", str(ref)).strip()
        if text in self._units:
            return self._units[text]
        upper = text.upper()
        if upper in self._units:
            return self._units[upper]
        return self._by_name.get(fold_name(text))

    def children(self, code: str) -> list[str]:
        return list(self._children.get(code, []))

    def descendants(self, code: str) -> list[str]:
        """Every unit below `code`, depth first."""
        out: list[str] = []
        stack = list(reversed(self.children(code)))
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(reversed(self.children(current)))
        return out

    def leaves_under(self, code: str) -> list[str]:
        return [c for c in self.descendants(code) if not self._children.get(c)]


def parse_units(text: str) -> list[Unit]:
    """Read `code,name,parent` rows; parents must exist in the file or be given later."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = {"code", "name", "parent"} - set(reader.fieldnames or [])
    if missing:
        raise UnitError(say("error.units.missing_columns", columns=", ".join(sorted(missing))))
    units: list[Unit] = []
    for line, row in enumerate(reader, start=2):
        code = unicodedata.normalize("NFC", (row["code"] or "").strip())
        name = " ".join(unicodedata.normalize("NFC", row["name"] or "").split())
        parent = (row["parent"] or "").strip() or None
        if not code or not name:
            raise UnitError(say("error.units.missing_code", line=line))
        if len(code) > 32:
            raise UnitError(say("error.units.code_too_long", line=line, code=code))
        units.append(Unit(code, name, parent))
    return units


def check_unique_names(units: Iterable[Unit]) -> None:
    """Units are found by name too: two units whose names fold alike would be one."""
    seen: dict[str, str] = {}
    for unit in units:
        key = fold_name(unit.name)
        other = seen.setdefault(key, unit.code)
        if other != unit.code:
            raise UnitError(
                say("error.units.same_name", name=unit.name, other=other, code=unit.code)
            )


def check_tree(units: Iterable[Unit]) -> None:
    """Every parent exists, there is one root, and no cycles."""
    by_code = {u.code: u for u in units}
    roots = [u for u in by_code.values() if u.parent is None]
    if len(roots) != 1:
        raise UnitError(say("error.units.one_root", n=len(roots)))
    for unit in by_code.values():
        seen = {unit.code}
        parent = unit.parent
        while parent is not None:
            if parent not in by_code:
                raise UnitError(say("error.units.no_parent", code=unit.code, parent=parent))
            if parent in seen:
                raise UnitError(say("error.units.cycle", code=unit.code))
            seen.add(parent)
            parent = by_code[parent].parent


def load_default_units(path: Path | None = None) -> list[Unit]:
    if path is None:
        text = resources.files("kpi.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8-sig")
    units = parse_units(text)
    check_tree(units)
    return units
