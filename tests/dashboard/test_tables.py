"""The readable tables and the widget-text style sheet, without Streamlit running: words for
headers, no 'None' or snake_case anywhere, times in Việt Nam, the real upload limit."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from dashboard import tables
from kpi.storage.access import CHANGE_COLUMNS
from kpi.storage.queries import UPLOAD_LIST_COLUMNS

UTC = dt.UTC
SNAKE = re.compile(r"^[a-z]+(_[a-z]+)+$")


def cells(frame: pd.DataFrame) -> list[str]:
    return [str(v) for v in frame.to_numpy().ravel()]


def plain(frame: pd.DataFrame) -> None:
    """No header in snake_case, no cell a Python None, NaN or dict."""
    assert not [c for c in frame.columns if SNAKE.match(str(c))], list(frame.columns)
    shown = cells(frame)
    for bad in ("None", "nan", "NaT", "<NA>"):
        assert bad not in shown, bad
    assert not any(v.startswith("{") for v in shown)


def unit(code: str) -> str:
    return {"VPB": "Văn phòng Bộ"}.get(code, code)


def indicator(code: str) -> str:
    return f"{code} · Dịch vụ công trực tuyến"


CHANGES = pd.DataFrame(
    [
        (dt.datetime(2026, 12, 1, 16, 37), "a@b.vn", "1.1", "VPB", "2026-Q3", 2, 68.04, 70.1,
         None, "q3.csv", 4),
        (dt.datetime(2026, 11, 30, 1, 5), "a@b.vn", "1.1", "VPB", "2026-Q2", 1, None, 68.04,
         "đầu kỳ", None, None),
    ],
    columns=CHANGE_COLUMNS,
)  # fmt: skip


def test_changes_read_as_before_and_after() -> None:
    shown = tables.changes_table(CHANGES, "vi", unit, indicator)
    plain(shown)
    assert list(shown.columns) == [
        "Thời điểm (giờ Việt Nam)",
        "Người thực hiện",
        "Chỉ tiêu",
        "Giá trị: trước → sau",
        "Đơn vị",
        "Quý",
        "Lần sửa",
        "Ghi chú",
        "Tệp",
    ]
    first, second = shown.to_dict("records")
    assert first["Thời điểm (giờ Việt Nam)"] == "01/12/2026 23:37"
    assert first["Giá trị: trước → sau"] == "68,0% → 70,1%"
    assert (first["Đơn vị"], first["Quý"], first["Tệp"]) == ("Văn phòng Bộ", "Quý 3/2026", "q3.csv")
    assert second["Giá trị: trước → sau"] == "mới → 68,0%"
    assert (second["Tệp"], second["Ghi chú"]) == ("—", "đầu kỳ")
    english = tables.changes_table(CHANGES, "en", unit, indicator)
    assert english.columns[0] == "When (Vietnam time)"
    assert english.iloc[1]["Value: before → after"] == "new → 68.0%"
    assert english.iloc[0]["Quarter"] == "Q3 2026"


def test_actions_in_words() -> None:
    raw = pd.DataFrame(
        [
            {
                "id": 2,
                "at": dt.datetime(2026, 12, 1, 1, 0, tzinfo=UTC),
                "actor": "cb@bnv.gov.vn",
                "action": "upload.refused",
                "outcome": "refused",
                "upload_id": 7.0,
                "unit_code": None,
                "detail": {"file": "x.csv", "units_outside_scope": ["VPB"]},
            },
            {
                "id": 1,
                "at": dt.datetime(2026, 11, 30, 1, 0, tzinfo=UTC),
                "actor": "admin",
                "action": "lock.open",
                "outcome": "ok",
                "upload_id": None,
                "unit_code": "VPB",
                "detail": {"period": "2026-Q3", "until": "2026-12-15", "reason": "Bổ sung"},
            },
        ]
    )
    shown = tables.actions_table(raw, "vi", unit)
    plain(shown)
    refused, opened = shown.to_dict("records")
    assert (refused["Hành động"], refused["Kết quả"], refused["Đơn vị"]) == (
        "Từ chối tệp số liệu",
        "Bị từ chối",
        "—",
    )
    assert refused["Chi tiết"] == "tệp x.csv: có dòng của đơn vị ngoài phạm vi (Văn phòng Bộ)"
    assert opened["Đơn vị"] == "Văn phòng Bộ"
    assert opened["Thời điểm (giờ Việt Nam)"] == "30/11/2026 08:00"
    assert tables.actions_table(raw, "en", unit).iloc[1]["Action"] == "Quarter reopened"


def test_upload_attempts_in_words() -> None:
    raw = pd.DataFrame(
        [
            (9, dt.datetime(2026, 12, 1), "cb@x", "x.csv", "unreadable", 1, 0, 0, 0, 0, 2560,
             "h", None),
            (8, dt.datetime(2026, 12, 1), "cb@x", "y.csv", "committed", 0, 1200, 1200, 0, 0, 0,
             "h", "Quý 3"),
        ],
        columns=UPLOAD_LIST_COLUMNS,
    )  # fmt: skip
    shown = tables.uploads_table(raw, "vi")
    plain(shown)
    bad, good = shown.to_dict("records")
    assert (bad["Kết quả"], bad["Số lỗi"], bad["Dung lượng"]) == (
        "Không đọc được tệp",
        "1",
        "2,5 KB",
    )
    assert (good["Kết quả"], good["Số dòng"], good["Dung lượng"]) == ("Đã ghi", "1.200", "—")
    assert good["Ghi chú"] == "Quý 3"
    demo = raw.assign(note="Dữ liệu minh họa")  # the demo loader's note, in each language
    assert set(tables.uploads_table(demo, "en")["Note"]) == {"Demo data"}
    label = tables.attempt_label(raw.iloc[0].to_dict(), "en")
    assert label == "#9 · x.csv · File unreadable · cb@x · 01/12/2026 07:00"


def test_readable_fills_every_gap() -> None:
    frame = pd.DataFrame({"Số": [1.0, None], "Chữ": ["a", None], "Ngày": [pd.NaT, pd.NaT]})
    assert cells(tables.readable(frame)) == ["1.0", "a", "—", "—", "—", "—"]


def test_history_shows_every_value_with_one_decimal() -> None:
    from dashboard.history_table import readable_history

    rows = pd.DataFrame(
        {
            "unit_code": ["VPB", "VPB", "VPB"],
            "period": ["2026-Q2", "2026-Q2", "2026-Q2"],
            "revision": [1, 2, 3],
            "value": [46.01, 46.6, 47.0],
            "numerator": [4601.0, None, 47.0],
            "denominator": [10000.0, None, 100.0],
            "note": [None, None, None],
            "created_by": ["a@b.vn"] * 3,
            "created_at": [dt.datetime(2026, 11, 1, 1, 0)] * 3,
            "file_name": ["q.csv"] * 3,
        }
    )
    shown = readable_history(rows, pd.Series([False] * 3), {"VPB": "VPB"}, "vi")
    assert list(shown["Giá trị: trước → sau"]) == [
        "mới → 46,0%",
        "46,0% → 46,6%",
        "46,6% → 47,0%",
    ]


EMPTY_CELLS = [None, float("nan")]  # what a database NULL becomes in an object / str column


def gaps(columns: list[str]) -> pd.DataFrame:
    """A row of None and a row of NaN under every column the builders read."""
    return pd.DataFrame([dict.fromkeys(columns, v) for v in EMPTY_CELLS])


def no_missing_words(frame: pd.DataFrame) -> None:
    shown = cells(frame) + [str(c) for c in frame.columns]
    for bad in ("None", "nan", "NaN", "NaT", "<NA>"):
        assert not [c for c in shown if bad in c], (bad, shown)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_builder_turns_none_and_nan_into_a_dash(lang: str) -> None:
    from dashboard import ui
    from dashboard.history_table import readable_history

    history_columns = ["unit_code", "period", "revision", "value", "numerator", "denominator"]
    history_columns += ["note", "created_by", "created_at", "file_name"]
    action_columns = ["id", "at", "actor", "action", "outcome", "upload_id", "unit_code"]
    built = [
        tables.changes_table(gaps(CHANGE_COLUMNS), lang, unit, indicator),
        tables.actions_table(gaps([*action_columns, "detail"]), lang, unit),
        tables.uploads_table(gaps(UPLOAD_LIST_COLUMNS), lang),
        readable_history(gaps(history_columns), pd.Series([True, False]), {}, lang),
    ]
    for frame in built:
        no_missing_words(frame)
        no_missing_words(ui.escaped(frame))
        assert tables.MISSING in cells(frame)


def test_a_static_table_cell_is_a_dash_or_plain_text() -> None:
    from dashboard import ui

    frame = pd.DataFrame({"a": [None, float("nan"), pd.NA, "x@y.vn", "http://x.vn", "[b](c)"]})
    shown = list(ui.escaped(frame)["a"])
    assert shown[:3] == ["—", "—", "—"]
    # an e-mail or address is not linked (a word joiner after "@" and "://"'s colon) and
    # markdown stays literal
    assert shown[3:] == ["x\\@\u2060y\\.vn", "http\\:\u2060\\/\\/x\\.vn", "\\[b\\]\\(c\\)"]
