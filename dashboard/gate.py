"""Which sessions may upload, as the script last saw them; read by the server guard.

The script records every session's right to upload on each run (`record`), and the guard
in dashboard/server.py refuses `/_stcore/upload_file` for any other session. Both import
this module by the same name, so they share this one table.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

MAX_HELD_FILES = 3  # files one session keeps in server memory; older ones are dropped
PRUNE_AT = 256  # past this many entries, sessions that have closed are dropped

_lock = threading.Lock()
_uploaders: set[str] = set()


def record(
    session_id: str | None, may_upload: bool, is_active: Callable[[str], bool] | None = None
) -> None:
    """Called by the script on every run, before and after the viewer is known."""
    if not session_id:
        return
    with _lock:
        if may_upload:
            _uploaders.add(session_id)
        else:
            _uploaders.discard(session_id)
        if is_active is not None and len(_uploaders) > PRUNE_AT:
            _uploaders.intersection_update({s for s in _uploaders if is_active(s)})


def may_upload(session_id: str) -> bool:
    with _lock:
        return session_id in _uploaders
