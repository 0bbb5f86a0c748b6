"""Headless Chromium driven over the DevTools protocol on a pipe: no extra package, no port.

Chromium reads commands from file descriptor 3 and writes replies to 4, each a JSON message
ended by a NUL byte (``--remote-debugging-pipe``). Every read has a deadline, and the browser
is closed (killed if it must be) when the ``with`` block ends, so a test cannot hang on it.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--remote-debugging-pipe",
)  # fmt: skip
DEADLINE = 30.0  # seconds for any one reply; local pages load in well under one


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """One headless Chromium process and its DevTools connection."""

    def __init__(self, process: subprocess.Popen[bytes], to_browser: int, from_browser: int):
        self.process, self._out, self._in = process, to_browser, from_browser
        self._buffer = b""
        self._events: list[dict[str, Any]] = []
        self._next_id = 0

    def call(self, method: str, params: dict[str, Any] | None = None, session: str = "") -> Any:
        """Send one command and return its result; a DevTools error fails the test."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise AssertionError(f"{method} failed: {reply['error']}")
                return reply.get("result", {})
            self._events.append(reply)

    def wait_for(self, event: str, session: str) -> dict[str, Any]:
        for index, seen in enumerate(self._events):
            if seen.get("method") == event and seen.get("sessionId") == session:
                return self._events.pop(index)
        while True:
            message = self._read()
            if message.get("method") == event and message.get("sessionId") == session:
                return message
            self._events.append(message)

    def _read(self) -> dict[str, Any]:
        deadline = time.monotonic() + DEADLINE
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([self._in], [], [], max(remaining, 0))
            if not ready:
                raise TimeoutError(f"chromium did not answer within {DEADLINE} s")
            chunk = os.read(self._in, 1 << 20)
            if not chunk:
                raise ConnectionError("chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def new_page(self) -> Page:
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})
        page = Page(self, session["sessionId"])
        page.call("Page.enable")
        return page


class Page:
    """A tab: load a URL at a viewport size, read the DOM, take screenshots."""

    def __init__(self, browser: Browser, session: str) -> None:
        self.browser, self.session = browser, session

    def call(self, method: str, params: dict[str, Any] | None = None) -> Any:
        return self.browser.call(method, params, self.session)

    def load(self, url: str, width: int, height: int, *, dark: bool = False) -> None:
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}
        self.call("Emulation.setDeviceMetricsOverride", metrics)
        scheme = "dark" if dark else "light"
        features = [{"name": "prefers-color-scheme", "value": scheme}]
        self.call("Emulation.setEmulatedMedia", {"features": features})
        self.call("Page.navigate", {"url": url})
        self.browser.wait_for("Page.loadEventFired", self.session)

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise AssertionError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path) -> Path:
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path


def _above(fd: int) -> int:
    """A copy of ``fd`` numbered 10 or more, so placing the pipe at 3 and 4 clobbers nothing."""
    copy = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return copy


@contextmanager
def chromium(executable: str) -> Iterator[Browser]:
    """Start headless Chromium with a throwaway profile; always stop it afterwards."""
    browser_reads, we_write = os.pipe()
    we_read, browser_writes = os.pipe()
    browser_reads, browser_writes = _above(browser_reads), _above(browser_writes)

    def place_pipe() -> None:  # in the child, before exec
        os.dup2(browser_reads, 3)
        os.dup2(browser_writes, 4)

    with tempfile.TemporaryDirectory(prefix="brief-chromium-") as profile:
        process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=place_pipe,
            close_fds=False,
        )
        os.close(browser_reads)
        os.close(browser_writes)
        try:
            yield Browser(process, we_write, we_read)
        finally:
            _stop(process, we_write, we_read)


def _stop(process: subprocess.Popen[bytes], *fds: int) -> None:
    with suppress(OSError):
        os.write(fds[0], json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
    for fd in fds:
        os.close(fd)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
