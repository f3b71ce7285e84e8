from __future__ import annotations

import unicodedata

import pytest

from kpi.units import Unit, UnitError, UnitRegistry, check_tree, load_default_units, parse_units


def test_default_tree_has_ministry_root() -> None:
    units = load_default_units()
    registry = UnitRegistry(units)
    assert registry.root.code == "BNV"
    assert len(registry.children("BNV")) == len(units) - 1
    assert registry.get("CVTLT") is not None


def test_resolve_by_code_or_name_after_nfc_and_casefold() -> None:
    registry = UnitRegistry(load_default_units())
    nfd = unicodedata.normalize("NFD", "VĂN PHÒNG BỘ")
    assert registry.resolve(nfd).code == "VPB"  # type: ignore[union-attr]
    assert registry.resolve("vpb").code == "VPB"  # type: ignore[union-attr]
    assert registry.resolve("  Văn   phòng Bộ ").code == "VPB"  # type: ignore[union-attr]
    assert registry.resolve("Văn phòng") is None


def test_tree_rules() -> None:
    with pytest.raises(UnitError, match="gốc"):
        check_tree([Unit("A", "a", None), Unit("B", "b", None)])
    with pytest.raises(UnitError, match="cấp trên"):
        check_tree([Unit("A", "a", None), Unit("B", "b", "Z")])
    with pytest.raises(UnitError, match="thiếu cột"):
        parse_units("code,name\nA,a\n")


def test_descendants_and_leaves() -> None:
    registry = UnitRegistry(
        [
            Unit("BNV", "Bộ", None),
            Unit("HN", "Hà Nội", "BNV"),
            Unit("X1", "Xã 1", "HN"),
            Unit("X2", "Xã 2", "HN"),
            Unit("VPB", "Văn phòng Bộ", "BNV"),
        ]
    )
    assert registry.descendants("BNV") == ["HN", "X1", "X2", "VPB"]
    assert registry.leaves_under("BNV") == ["X1", "X2", "VPB"]
