"""The table downloads of every page: demo data is marked on the file's first line."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from dashboard import data, ui


@pytest.mark.parametrize(("demo", "first"), [(True, "Dữ liệu minh họa"), (False, "Mã")])
def test_a_table_download_says_demo_on_its_first_line(
    monkeypatch: pytest.MonkeyPatch, demo: bool, first: str
) -> None:
    sent: dict[str, Any] = {}
    monkeypatch.setattr(data, "has_demo", lambda: demo)
    monkeypatch.setattr(ui, "lang", lambda: "vi")
    monkeypatch.setattr(ui.st, "table", lambda *a, **k: None)
    monkeypatch.setattr(
        ui.st, "download_button", lambda _label, body, *a, **k: sent.update(body=body)
    )
    ui.wrapped_table(pd.DataFrame({"Mã": ["1.1"], "Giá trị": [1.5]}), "x", "k")
    text = sent["body"].decode("utf-8-sig")
    assert text.splitlines()[0].strip('"').startswith(first)
    assert "1.1" in text


def test_a_long_log_shows_its_newest_rows_in_a_bounded_box_and_the_csv_holds_all(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drawn: dict[str, Any] = {}
    monkeypatch.setattr(data, "has_demo", lambda: False)
    monkeypatch.setattr(ui, "lang", lambda: "vi")
    monkeypatch.setattr(ui.st, "table", lambda shown, **k: drawn.update(shown=shown, **k))
    monkeypatch.setattr(ui.st, "caption", lambda text: drawn.update(caption=text))
    monkeypatch.setattr(
        ui.st, "download_button", lambda _label, body, *a, **k: drawn.update(body=body)
    )
    log = pd.DataFrame({"Ghi chú": [f"ghi chú số {n}" for n in range(1500)]})
    ui.wrapped_table(log, "x", "k", rows=200)
    shown = drawn["shown"].data if hasattr(drawn["shown"], "data") else drawn["shown"]
    assert list(shown["Ghi chú"]) == [f"ghi chú số {n}" for n in range(200)]  # the newest
    assert drawn["height"] == ui.SCROLL_HEIGHT
    assert drawn["caption"] == (
        "Bảng hiện 200 dòng mới nhất trong 1.500 dòng; tệp CSV có đủ 1.500 dòng."
    )
    assert len(drawn["body"].decode("utf-8-sig").splitlines()) == 1 + 1500
    drawn.clear()
    ui.wrapped_table(log.head(3), "x", "k", rows=200)
    assert drawn["height"] == "content" and "caption" not in drawn  # a short table: no box
