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
    monkeypatch.setattr(ui.st, "dataframe", lambda *a, **k: None)
    monkeypatch.setattr(
        ui.st, "download_button", lambda _label, body, *a, **k: sent.update(body=body)
    )
    ui.table_with_download(pd.DataFrame({"Mã": ["1.1"], "Giá trị": [1.5]}), "x", "k")
    text = sent["body"].decode("utf-8-sig")
    assert text.splitlines()[0].strip('"').startswith(first)
    assert "1.1" in text
