"""The previous data version keeps being served while the new one is built in the background."""

from __future__ import annotations

import threading

from dashboard.warm import Version, Warm


class Builds:
    """A build that waits for the test to let it finish, and counts its calls."""

    def __init__(self) -> None:
        self.calls: list[Version] = []
        self.go = threading.Event()
        self.fail = False

    def __call__(self, version: Version) -> str:
        self.calls.append(version)
        if len(self.calls) > 1:  # the first build (the server's start) is in the foreground
            assert self.go.wait(10)
        if self.fail:
            raise RuntimeError("database gone")
        return f"figures of {version}"


def test_the_old_version_serves_until_the_new_one_is_built() -> None:
    builds = Builds()
    warm = Warm(builds)
    assert warm.served((1, 1)) == (1, 1) and warm.ready((1, 1)) == "figures of (1, 1)"
    assert warm.served((2, 5)) == (1, 1)  # a commit landed: its figures are being built
    assert warm.served((2, 5)) == (1, 1) and warm.ready((2, 5)) is None
    assert not warm.wait((2, 5), 0.05)
    builds.go.set()
    assert warm.wait((2, 5), 10)
    assert warm.served((2, 5)) == (2, 5) and warm.ready((2, 5)) == "figures of (2, 5)"
    assert warm.ready((1, 1)) is None  # the old figures are let go
    assert builds.calls == [(1, 1), (2, 5)]  # each version built once


def test_a_failed_build_keeps_the_old_version_and_is_tried_again() -> None:
    builds = Builds()
    warm = Warm(builds)
    warm.served((1, 1))
    builds.fail = True
    builds.go.set()
    assert warm.served((2, 2)) == (1, 1)
    assert not warm.wait((2, 2), 0.5)
    assert warm.ready((1, 1)) == "figures of (1, 1)"  # still served
    builds.fail = False
    assert warm.served((2, 2)) == (1, 1)  # the next poll builds it again
    assert warm.wait((2, 2), 10) and warm.served((2, 2)) == (2, 2)


def test_forget_builds_again_in_the_foreground() -> None:
    builds = Builds()
    builds.go.set()
    warm = Warm(builds)
    warm.served((3, 3))
    warm.forget()
    assert warm.ready((3, 3)) is None
    assert warm.served((3, 3)) == (3, 3) and len(builds.calls) == 2
