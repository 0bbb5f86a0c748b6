"""CI runs the README's test command word for word, gates included, with the gates' tools
pinned in the test extra that command installs."""

from __future__ import annotations

import re
import tomllib

from tests.paths import REPO

GATES = ("ruff", "mypy", "import-linter")


def readme_test_command() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"Run the tests:\n\n```sh\n(.*?)```", readme, re.DOTALL)
    assert block, "README lost its 'Run the tests:' command"
    [command] = block.group(1).strip().splitlines()
    return command


def test_ci_runs_the_readmes_test_command_with_the_gates() -> None:
    command = readme_test_command()
    assert "bash .ci/checks && python -m pytest" in command
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert command in ci.splitlines()


def test_the_gates_tools_are_pinned_in_the_test_extra() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extra = project["optional-dependencies"]["test"]
    pinned = {requirement.split("==")[0] for requirement in extra if "==" in requirement}
    assert set(GATES) <= pinned
    checks = (REPO / ".ci" / "checks").read_text(encoding="utf-8")
    for command in ("ruff check", "ruff format --check", "mypy", "lint-imports"):
        assert f"\ngate {command}" in checks, command
