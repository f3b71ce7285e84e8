"""The shared page style and the first page's language."""

from __future__ import annotations

from dashboard import chrome, first_page


def test_the_style_holds_no_angle_bracket_the_sanitiser_would_drop() -> None:
    body = chrome.STYLE.split("<style>", 1)[1].rsplit("</style>", 1)[0]
    assert "<" not in body and ">" not in body.replace("> [", "").replace("> script", "")
    assert "focus-visible" in body and chrome.CAPTION in body


def test_the_first_page_is_rewritten_in_the_dashboard_language() -> None:
    page = b'<!DOCTYPE html>\n<html lang="en">\n<head><title>Streamlit</title></head></html>'
    out = first_page.rewrite(page, "vi", "KPI Monitor · Bộ Nội vụ").decode()
    assert '<html lang="vi">' in out and "<title>KPI Monitor · Bộ Nội vụ</title>" in out
    assert first_page.is_page_request({"type": "http", "method": "GET", "path": "/audit"})
    assert not first_page.is_page_request({"type": "http", "method": "GET", "path": "/api/v1/x"})
    assert chrome.FAVICON.is_file()


def test_a_compressed_or_foreign_page_passes_through_untouched() -> None:
    gz = b"\x1f\x8b\x08\x00 not text"
    assert first_page.rewrite(gz, "vi", "x") == gz
    scope = {"type": "http", "headers": [(b"accept-encoding", b"gzip"), (b"host", b"h")]}
    assert first_page.uncompressed(scope)["headers"] == [(b"host", b"h")]
