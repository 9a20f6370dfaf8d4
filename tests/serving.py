"""A real server and a real browser for the tests that need them: the app under uvicorn in a
thread on a free loopback port, and Debian's chromium driven by Playwright (no download)."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from playwright.sync_api import Browser, sync_playwright

CHROMIUM = Path(os.environ.get("DOSSIER_CHROMIUM", "/usr/bin/chromium"))


@contextlib.contextmanager
def listening(app: Any, **config: Any) -> Iterator[int]:
    """`app` served on 127.0.0.1 (uvicorn's `config` added: TLS files…) until the block ends;
    yields the port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    served = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", **config))
    thread = threading.Thread(target=served.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not served.started:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.05)
        yield port
    finally:
        served.should_exit = True
        thread.join(timeout=10)


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's chromium (skips the test when it is not installed)."""
    if not CHROMIUM.exists():
        pytest.skip(f"no chromium at {CHROMIUM}: `make test` installs Debian's chromium package")
    with sync_playwright() as playwright:
        # --no-sandbox: chromium refuses to run as root with its sandbox (CI runs as root).
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                              args=["--no-sandbox"])
        try:
            yield launched
        finally:
            launched.close()
