"""Run a reader that cannot be bounded from inside (a native library) in a child
process with an address-space limit and a deadline. Whatever the file makes the
library do (allocate hundreds of GiB, abort, loop), the server process survives
and the officer gets a message."""

from __future__ import annotations

import faulthandler
import os
import pickle
import resource
import select
import signal
import time
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

from kpi.problems import FileRejected, Problem

T = TypeVar("T")
MAX_RESULT_BYTES = 1 << 30


def _address_space() -> int:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[0])
    return pages * os.sysconf("SC_PAGE_SIZE")


def _child(func: Callable[..., Any], args: tuple[Any, ...], memory: int, out: int) -> None:
    faulthandler.disable()  # a native abort here is expected and told as a message
    limit = _address_space() + memory
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        result: tuple[str, Any] = ("ok", func(*args))
    except FileRejected as exc:
        result = ("rejected", exc.problem)
    except MemoryError:
        result = ("rejected", Problem("too_big_in_memory"))
    except Exception:  # any library error is the file's fault: a message, not a trace
        result = ("rejected", Problem("unreadable_file"))
    payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(payload)
    while view:
        view = view[os.write(out, view) :]


def _collect(read_end: int, pid: int, deadline: float) -> bytes | None:
    """The child's answer, or None when the deadline passed (the child is then killed)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            os.kill(pid, signal.SIGKILL)
            return None
        ready, _, _ = select.select([read_end], [], [], min(left, 1.0))
        if not ready:
            continue
        chunk = os.read(read_end, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > MAX_RESULT_BYTES:
            os.kill(pid, signal.SIGKILL)
            return b""
        chunks.append(chunk)


def run_limited(func: Callable[..., T], *args: Any, memory: int, seconds: float) -> T:
    """`func(*args)` in a forked child; its FileRejected comes back as is, any crash,
    memory exhaustion or overrun as a FileRejected with a plain message."""
    read_end, write_end = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # the child only reads bytes
        pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        code = 0
        try:
            os.close(read_end)
            _child(func, args, memory, write_end)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    try:
        payload = _collect(read_end, pid, time.monotonic() + seconds)
    finally:
        os.close(read_end)
        _, status = os.waitpid(pid, 0)
    if payload is None:
        raise FileRejected(Problem("too_slow", params={"seconds": int(seconds)}))
    if not payload or os.WIFSIGNALED(status):
        raise FileRejected(Problem("too_big_in_memory"))
    kind, value = pickle.loads(payload)
    if kind == "rejected":
        raise FileRejected(value)
    return value
