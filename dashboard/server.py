"""The one web server: the Streamlit dashboard, the read API at /api/v1, and the guard.

`kpi serve` runs this file (`streamlit run dashboard/server.py` finds `app` and serves it
with uvicorn). Every Starlette route or middleware of the project is added here, in one place.

The guard:
- drops the websocket `clear_cache` message: the shared caches (engine, catalogue, data
  frames) belong to every user, so no client may wipe them;
- accepts `PUT /_stcore/upload_file/<session>/<file>` only for a session whose viewer may
  upload (recorded by the script in dashboard/gate.py), and keeps at most
  `gate.MAX_HELD_FILES` files per session in memory; the size cap stays Streamlit's
  `server.maxUploadSize`.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `streamlit run` puts only dashboard/ on the path
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402
from starlette.middleware import Middleware  # noqa: E402
from starlette.routing import Mount  # noqa: E402

from dashboard import first_page, gate, warm  # noqa: E402
from dashboard.gate import is_clear_cache  # noqa: E402
from kpi.api import PREFIX, create_api  # noqa: E402

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[MutableMapping[str, Any], Receive, Send], Awaitable[None]]

SCRIPT = Path(__file__).resolve().parent / "streamlit_app.py"
UPLOAD_PATH = re.compile(r"/_stcore/upload_file/(?P<session>[^/]+)/(?P<file>[^/]+)/?$")
STREAM_PATH = "/_stcore/stream"
_LOGGER = logging.getLogger("kpi.server")


def without_clear_cache(receive: Receive) -> Receive:
    async def guarded() -> Message:
        while True:
            message = await receive()
            if not is_clear_cache(message):
                return message
            _LOGGER.warning("clear_cache from a client ignored: shared caches are kept")

    return guarded


def make_room(session_id: str) -> None:
    """Drop the session's oldest held files so the new one makes at most MAX_HELD_FILES."""
    from streamlit.runtime import Runtime

    if Runtime.exists():
        drop_oldest(Runtime.instance().uploaded_file_mgr, session_id)


def drop_oldest(manager: object, session_id: str) -> None:
    from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager

    if not isinstance(manager, MemoryUploadedFileManager):  # another store bounds itself
        return
    held = manager.file_storage.get(session_id, {})
    for file_id in list(held)[: max(0, len(held) - gate.MAX_HELD_FILES + 1)]:
        manager.remove_file(session_id, file_id)


async def refuse(send: Send, status: int, text: bytes) -> None:
    headers = [(b"content-type", b"text/plain; charset=utf-8")]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": text})


class Guard:
    """ASGI middleware in front of Streamlit's own routes (see the module docstring)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if scope["type"] == "websocket" and path.endswith(STREAM_PATH):
            await self.app(scope, without_clear_cache(receive), send)
            return
        found = UPLOAD_PATH.search(path) if scope["type"] == "http" else None
        if found and scope.get("method") == "PUT":
            session_id = found.group("session")
            if not gate.may_upload(session_id):  # refused before a byte of the body is read
                await refuse(send, 403, b"upload not allowed for this session")
                return
            make_room(session_id)
        if first_page.is_page_request(scope):
            scope = first_page.uncompressed(scope)
            send = first_page.in_language(send, page_language(), page_title())
        await self.app(scope, receive, send)


def page_language() -> str:
    from kpi.settings import load_settings

    try:
        return "en" if load_settings().default_lang == "en" else "vi"
    except Exception:  # a settings error is reported by the page itself, not here
        return "vi"


def page_title() -> str:
    from kpi.text import t

    return t("page_title", page_language())


warm.share_arenas()  # before any session's thread allocates
app = st.App(str(SCRIPT), routes=[Mount(PREFIX, app=create_api())], middleware=[Middleware(Guard)])
