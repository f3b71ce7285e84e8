"""The first HTML page the server sends, in the dashboard's language.

Streamlit's index.html says `<html lang="en">` and `<title>Streamlit</title>` until the
script runs; a screen reader or a browser's translate offer reads that first. The page is
rewritten once on its way out; the script then keeps `lang` in step (dashboard/chrome.py).
"""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Message = MutableMapping[str, Any]
Send = Callable[[Message], Awaitable[None]]
MAX_PAGE = 1_000_000  # index.html is a few KB; anything larger passes through untouched


def rewrite(page: bytes, lang: str, title: str) -> bytes:
    try:
        text = page.decode("utf-8")
    except UnicodeDecodeError:  # not the page we know: sent as it is
        return page
    text = text.replace('<html lang="en">', f'<html lang="{lang}">', 1)
    text = text.replace("<title>Streamlit</title>", f"<title>{html.escape(title)}</title>", 1)
    return text.encode("utf-8")


def is_page_request(scope: MutableMapping[str, Any]) -> bool:
    path = str(scope.get("path", ""))
    skipped = ("/_stcore", "/static", "/api", "/media", "/component", "/app/static")
    return (
        scope.get("type") == "http"
        and scope.get("method") == "GET"
        and not any(path.startswith(p) for p in skipped)
    )


def uncompressed(scope: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """The page request without Accept-Encoding: a 8 KB page is rewritten as plain text."""
    headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"accept-encoding"]
    return {**scope, "headers": headers}


def in_language(send: Send, lang: str, title: str) -> Send:
    """A `send` that rewrites an HTML response body (buffered, it is small)."""
    state: dict[str, Any] = {"start": None, "body": b"", "pass": False}

    async def sending(message: Message) -> None:
        if state["pass"]:
            await send(message)
            return
        if message["type"] == "http.response.start":
            headers = dict(message.get("headers", []))
            html_page = b"text/html" in headers.get(b"content-type", b"")
            if not html_page or b"content-encoding" in headers:
                state["pass"] = True
                await send(message)
                return
            state["start"] = message
            return
        state["body"] += message.get("body", b"")
        if message.get("more_body") and len(state["body"]) < MAX_PAGE:
            return
        body = (
            rewrite(state["body"], lang, title) if len(state["body"]) < MAX_PAGE else state["body"]
        )
        start = dict(state["start"])
        start["headers"] = [
            (k, str(len(body)).encode() if k == b"content-length" else v)
            for k, v in start.get("headers", [])
        ]
        state["pass"] = True
        await send(start)
        await send(
            {
                "type": "http.response.body",
                "body": body,
                "more_body": bool(message.get("more_body")),
            }
        )

    return sending
