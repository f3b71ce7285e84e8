"""Work in a forked child: its text comes back, its failure is raised in the parent."""

from __future__ import annotations

import os

import pytest

from kpi.services.forked import ChildWorkError, in_child


def test_the_child_s_text_comes_back() -> None:
    parent = os.getpid()

    def where() -> bytes:  # runs in the child: its own process id
        return f"{os.getpid()} ü".encode()

    with in_child(where) as pending:
        here = "parent work"
        pid, word = pending().decode().split()
    assert int(pid) != parent and word == "ü" and here == "parent work"


def test_a_failure_in_the_child_is_raised_with_its_message() -> None:
    def broken() -> bytes:
        raise ValueError("no such unit")

    with (
        pytest.raises(ChildWorkError, match="ValueError: no such unit"),
        in_child(broken) as pending,
    ):
        pending()


def test_a_failure_in_the_parent_ends_the_child(monkeypatch: pytest.MonkeyPatch) -> None:
    forked: list[int] = []
    fork = os.fork

    def recorded() -> int:
        pid = fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recorded)
    with pytest.raises(KeyError), in_child(lambda: b"x" * 10) as _pending:
        raise KeyError("parent")
    # this child is gone and reaped (the test process may have other children of its own)
    with pytest.raises(ChildProcessError):
        os.waitpid(forked[0], os.WNOHANG)
