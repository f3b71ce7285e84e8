"""The child-process reader: a native library that eats memory, loops or aborts cannot
take the calling process with it; the caller gets a message."""

from __future__ import annotations

import os
import signal
import time

import pytest

from kpi.problems import FileRejected, Problem
from loaders.sandbox import run_limited


def allocate(size: int) -> int:
    return len(bytearray(size))


def sleep(seconds: float) -> None:
    time.sleep(seconds)


def abort() -> None:
    os.kill(os.getpid(), signal.SIGABRT)


def refuse() -> None:
    raise FileRejected(Problem("no_header"))


def test_a_result_comes_back() -> None:
    assert run_limited(allocate, 1000, memory=2**30, seconds=10) == 1000


def test_memory_beyond_the_limit_is_a_message() -> None:
    with pytest.raises(FileRejected) as caught:
        run_limited(allocate, 3 * 2**30, memory=2**28, seconds=10)
    assert caught.value.problem.code == "too_big_in_memory"


def test_time_beyond_the_limit_is_a_message() -> None:
    started = time.monotonic()
    with pytest.raises(FileRejected) as caught:
        run_limited(sleep, 60, memory=2**30, seconds=1)
    assert caught.value.problem.code == "too_slow"
    assert time.monotonic() - started < 10


def test_an_abort_is_a_message() -> None:
    with pytest.raises(FileRejected) as caught:
        run_limited(abort, memory=2**30, seconds=10)
    assert caught.value.problem.code == "too_big_in_memory"


def test_the_readers_own_refusal_comes_back_as_is() -> None:
    with pytest.raises(FileRejected) as caught:
        run_limited(refuse, memory=2**30, seconds=10)
    assert caught.value.problem.code == "no_header"
