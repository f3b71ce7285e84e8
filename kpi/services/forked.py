"""Work of a single-threaded command on the second core: a forked child computes a
result while the parent goes on, and hands it back through a temporary file.

Fork copies the parent's frames without pickling them (pages are shared until
written). Only commands fork: a server's other threads would not exist in the child.
The child never touches the database: the SQLite files it inherits are closed by the
kernel when it exits, which releases none of the parent's locks (those are per process).
"""

from __future__ import annotations

import gc
import os
import signal
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

Pending = Callable[[], bytes]
AVAILABLE = hasattr(os, "fork")  # POSIX; elsewhere the command works on one core


@contextmanager
def in_child(work: Callable[[], bytes]) -> Iterator[Pending]:
    """Run `work` in a forked child; the yielded function waits for its bytes (and
    raises ChildWorkError with the child's message if it failed)."""
    with tempfile.TemporaryFile() as out:
        gc.freeze()  # the child's collections would touch, and so copy, every page
        pid = os.fork()
        if pid == 0:  # the child: never returns into the parent's code
            _child(out, work)
        state: dict[str, Any] = {"waited": False}

        def result() -> bytes:
            _pid, status = os.waitpid(pid, 0)
            state["waited"] = True
            out.seek(0)
            data = out.read()
            if os.waitstatus_to_exitcode(status) != 0:
                raise ChildWorkError(data.decode(errors="replace") or f"exit status {status}")
            return data

        try:
            yield result
        finally:
            gc.unfreeze()
            if not state["waited"]:  # the parent failed first: the child's text is not needed
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)


def _child(out: Any, work: Callable[[], bytes]) -> None:
    gc.disable()  # a short life: nothing worth collecting
    code = 0
    try:
        data = work()
    except BaseException as exc:  # the parent raises it, with this message
        data, code = f"{type(exc).__name__}: {exc}".encode(), 1
    try:
        out.write(data)
        out.flush()
    finally:
        os._exit(code)  # no atexit handlers, no flush of the parent's buffers


class ChildWorkError(RuntimeError):
    """The forked child's work failed (its message says why)."""
