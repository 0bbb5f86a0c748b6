"""Run ``brief`` as a user would, in a real child process with a time limit, cheaply.

A fresh interpreter pays about 2.5 s of imports per run, too slow for a matrix of bad inputs
and a fuzz test. Children here are forked from a server process that imported the tool once
(multiprocessing's forkserver: no test thread is copied into them), so each run is a separate
process, with its own stdout, stderr and exit status, killed if it outlives its limit.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["tests.clirun_child"])


@dataclass(frozen=True)
class Run:
    """How one run ended: exit status (None: killed at the time limit), output, seconds."""

    status: int | None
    out: str
    err: str
    seconds: float

    @property
    def hung(self) -> bool:
        return self.status is None


def brief(*args: str, folder: Path, limit: float = 30.0) -> Run:
    """``brief ARGS`` with its working folder ``folder``; killed after ``limit`` seconds."""
    from tests.clirun_child import run_main

    out, err = folder / ".run.out", folder / ".run.err"
    child = _CONTEXT.Process(target=run_main, args=(list(args), str(folder), str(out), str(err)))
    started = time.monotonic()
    child.start()
    child.join(limit)
    if child.is_alive():
        child.kill()
        child.join()
        status = None
    else:
        status = child.exitcode
    seconds = time.monotonic() - started
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in (out, err)]
    for path in (out, err):
        path.unlink(missing_ok=True)
    return Run(status, texts[0], texts[1], seconds)


if __name__ == "__main__":  # pragma: no cover - a manual check: python -m tests.clirun ARGS
    result = brief(*sys.argv[1:], folder=Path(os.getcwd()))
    print(result)
