"""End to end: `kpi serve --demo` as a real process on a free port serves the dashboard and
the API from one server; the API's status is byte for byte what `kpi status` prints."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

KPI = Path(sys.executable).with_name("kpi")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str, token: str | None = None) -> tuple[int, bytes, dict[str, str]]:
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return (
                response.status,
                response.read(),
                {k.lower(): v for k, v in response.headers.items()},
            )
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), {k.lower(): v for k, v in exc.headers.items()}


def kpi(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [str(KPI), *args], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    return done.stdout


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    work = tmp_path_factory.mktemp("server")
    env = {**os.environ, "KPI_DATABASE_URL": f"sqlite:///{work / 'kpi.db'}"}
    port = free_port()
    log = (work / "serve.log").open("wb")
    process = subprocess.Popen(
        [str(KPI), "serve", "--port", str(port), "--demo"],
        cwd=work,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while get_health(url) != b"ok":
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError((work / "serve.log").read_text(errors="replace")[-3000:])
        time.sleep(0.3)
    yield url, env
    process.terminate()
    process.wait(timeout=30)
    log.close()


def get_health(url: str) -> bytes:
    try:
        return get(f"{url}/_stcore/health")[1].strip()
    except OSError:
        return b""


@pytest.mark.slow
def test_status_equals_the_cli_and_needs_a_token(server: tuple[str, dict[str, str]]) -> None:
    url, env = server
    token = kpi(env, "tokens", "add", "e2e").strip().splitlines()[-1]
    status, body, headers = get(f"{url}/api/v1/status?as_of=2026-Q3", token)
    assert status == 200, body
    printed = kpi(env, "status", "--as-of", "2026-Q3", "--format", "json")
    assert body.decode() + "\n" == printed
    assert len(json.loads(body)) == 16 and headers["etag"]
    refused, body, _ = get(f"{url}/api/v1/status?as_of=2026-Q3")
    assert refused == 401 and json.loads(body)["error"]["code"] == "unauthorized"
    kpi(env, "tokens", "revoke", "e2e")
    assert get(f"{url}/api/v1/status", token)[0] == 401


@pytest.mark.slow
def test_openapi_describes_every_route_and_the_dashboard_still_serves(
    server: tuple[str, dict[str, str]],
) -> None:
    url, env = server
    status, body, _ = get(f"{url}/api/v1/openapi.json")
    assert status == 200
    paths = set(json.loads(body)["paths"])
    token = kpi(env, "tokens", "add", "e2e-routes").strip().splitlines()[-1]
    for path in sorted(paths - {"/api/v1/openapi.json"}):
        query = "?indicator=1.1" if path.endswith("/series") else ""
        assert get(f"{url}{path}{query}", token)[0] == 200, path
        assert (
            get(f"{url}{path}{query}&format=csv" if query else f"{url}{path}?format=csv", token)[0]
            == 200
        )
    assert get(f"{url}/api/v1/nothing", token)[0] == 404
    page_status, page, _ = get(url)
    assert page_status == 200 and b"<html" in page.lower()
