"""`mkdocs serve` previews the working copy as a draft and rebuilds when notice/ changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.integration.sites import make_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, needle: str, timeout: float = 40) -> str:
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        try:
            text = fetch(url)
            if needle in text:
                return text
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{needle!r} did not appear at {url}; last page:\n{text[:500]}")


@pytest.mark.slow
def test_serve_shows_draft_and_reloads_on_edit(tmp_path):
    project = make_project(tmp_path / "project")
    port = free_port()
    env = os.environ | {"NOTICE_AS_OF": "2026-11-29", "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        root = f"http://127.0.0.1:{port}/"
        first = wait_for(root, "nk-notice")
        assert "nk-banner--draft" not in first  # the working copy equals the latest version
        index = project / "notice/index.md"
        index.write_text(index.read_text().replace("This notice explains", "This draft notice explains"))
        page = wait_for(root, "This draft notice explains")
        assert "nk-banner--draft" in page and "DRAFT" in page
        changes = fetch(root + "draft/changes/")
        assert "<ins" in changes and "draft" in changes
    finally:
        server.terminate()
        server.wait(timeout=10)
