"""The wheel ships the templates, the themes file and the sample corpus, and finds them.

Templates live outside the package in the repository and are force-included by hatchling, so
a packaging mistake would only show up after installation; building the wheel catches it.
"""

from __future__ import annotations

import fnmatch
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.paths import REPO

pytestmark = pytest.mark.process

REQUIRED = (
    "summarizer/templates/brief.md.j2",
    "summarizer/templates/brief.html.j2",
    "summarizer/templates/themes.toml",
    "summarizer/templates/email-dark.css",
    "summarizer/templates/site.css",
    "summarizer/templates/site_index.html.j2",
    "summarizer/templates/site_page.html.j2",
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel once, in an isolated environment, exactly as a release would."""
    out = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(REPO)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    wheels = list(out.glob("daily_brief-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.mark.slow
def test_wheel_contains_templates_themes_and_examples(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in REQUIRED:
        assert required in names, f"{required} missing from {wheel.name}"
    assert fnmatch.filter(names, "summarizer/examples/*.txt")
    assert not fnmatch.filter(names, "summarizer/templates/templates/*")


@pytest.mark.slow
def test_installed_package_renders_with_its_own_templates(wheel: Path, tmp_path: Path) -> None:
    """Unpacked away from the checkout, the package must use the templates inside itself."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    script = (
        "import datetime, summarizer.output.render as r\n"
        "from summarizer.models import Brief\n"
        "print(r.default_template_dir())\n"
        "b = Brief('Packaged', datetime.date(2025, 6, 25), (), (), ())\n"
        "print(r.Renderer().render_all(b)['html'][:15])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    folder, start = result.stdout.splitlines()
    assert Path(folder) == site / "summarizer" / "templates"
    assert start == "<!DOCTYPE html>"
