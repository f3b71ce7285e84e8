"""Indicator metadata: one record per indicator, only what the plan says, empty shown empty."""

from __future__ import annotations

import pytest

from kpi.catalogue import Catalogue, CatalogueError
from kpi.metadata import EMPTY_MARK, FIELDS, columns, load_metadata, parse_metadata, rows


def test_every_indicator_has_a_record_from_the_plan(catalogue: Catalogue) -> None:
    metadata = load_metadata(catalogue)
    assert list(metadata) == list(catalogue.codes)
    for indicator in catalogue:
        meta = metadata[indicator.code]
        assert meta.get("unit_of_measure") == "%"  # "Đơn vị tính" column of Phụ lục I
        assert meta.get("responsible_unit") == indicator.lead_units  # "Đơn vị chủ trì"
        assert meta.get("plan_reference").startswith(f"Phụ lục I mục {indicator.code};")
        assert meta.get("contact") == "" and meta.get("method", "en") == ""  # the plan is silent


def test_only_12_names_its_denominator(catalogue: Catalogue) -> None:
    metadata = load_metadata(catalogue)
    named = [c for c, m in metadata.items() if m.get("denominator")]
    assert named == ["1.2"]
    assert metadata["1.2"].get("denominator", "en") == "All eligible administrative procedures"


def test_empty_fields_are_marked_in_both_languages(catalogue: Catalogue) -> None:
    meta = load_metadata(catalogue)["1.1"]
    shown = dict(rows(meta, None, "vi"))
    assert (
        shown["Định nghĩa"] == EMPTY_MARK["vi"] and shown["Cập nhật lần cuối"] == EMPTY_MARK["vi"]
    )
    english = dict(rows(meta, "01/12/2026 10:00", "en"))
    assert english["Unit of measure"] == "%" and english["Last updated"] == "01/12/2026 10:00"
    assert len(english) == len(FIELDS) + 1


def test_unknown_code_or_missing_column_is_refused(catalogue: Catalogue) -> None:
    header = "code," + ",".join(columns())
    with pytest.raises(CatalogueError, match=r"9\.9"):
        parse_metadata(header + "\n9.9" + "," * len(columns()) + "\n", catalogue)
    with pytest.raises(CatalogueError, match="thiếu cột"):
        parse_metadata("code,definition_vi\n1.1,x\n", catalogue)
    blank = parse_metadata(header + "\n", catalogue)
    assert all(v == "" for v in blank["1.1"].values.values())
