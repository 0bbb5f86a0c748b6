"""Run a short Python program in a fresh interpreter: what a module does at import time can
only be seen in a process that has not imported it yet."""

from __future__ import annotations

import subprocess
import sys


def says_ok(code: str) -> None:
    """Run ``code`` with ``python -c``; it must exit 0 having printed "ok"."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
