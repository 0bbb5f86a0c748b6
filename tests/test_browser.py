"""The brief and the site as a reader sees them: headless Chromium at phone and desktop widths.

Screenshots are kept under ``tests/output/browser/`` (ignored by git; CI keeps them as
artefacts). Chromium is Debian's ``chromium`` package, which ``.ci/run`` installs; where it is
missing outside CI the tests skip and say why, and in CI they fail instead.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from summarizer import pipeline
from summarizer.config import EmailSettings, SiteSettings
from summarizer.delivery.mail import build_message
from summarizer.delivery.publish import publish
from summarizer.delivery.stored import load_stored
from summarizer.runtime.resources import examples_dir
from tests.chromium import Browser, Page, chromium, find_chromium
from tests.paths import TESTS

pytestmark = pytest.mark.process

OUTPUT = TESTS / "output" / "browser"
TITLE = "Ukraine Brief"
WIDTHS = {"phone": (375, 812), "desktop": (1280, 800)}
MAIL = EmailSettings(sender="brief@example.org", to=("ann@example.org",))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = find_chromium()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing in CI: .ci/run should have installed it")
        pytest.skip("chromium is not installed (Debian: apt-get install chromium)")
    with chromium(executable) as running:
        yield running


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample brief as built, and the site it was published to (two dates)."""
    root = tmp_path_factory.mktemp("browser")
    for day in (24, 25):
        request = pipeline.BuildRequest(
            sources=(str(examples_dir()),), out_dir=root / "briefs", algorithm="concepts", title=TITLE, date=dt.date(2025, 6, day),
        )  # fmt: skip
        result = pipeline.build(request)
        publish(load_stored(result.paths[1]), SiteSettings(dir=root / "site"))
    email = root / "email.html"  # the HTML part of the email, styles inlined
    message = build_message(load_stored(result.paths[1]), MAIL)
    email.write_text(message.get_body(("html",)).get_content(), encoding="utf-8")  # type: ignore[union-attr]
    return {
        "email": email,
        "brief": root / "briefs" / "2025-06-25.html",
        "index": root / "site" / "index.html",
        "page": root / "site" / "2025-06-25.html",
    }


@pytest.fixture(scope="module")
def tab(browser: Browser) -> Page:
    return browser.new_page()


def luminance(css_colour: str) -> float:
    """WCAG relative luminance of an ``rgb(...)``/``rgba(...)`` colour."""
    red, green, blue = (int(v) / 255 for v in re.findall(r"[\d.]+", css_colour)[:3])

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def assert_not_blank(png: Path, width: int, height: int) -> None:
    image = Image.open(png).convert("RGB")
    assert image.size == (width, height)
    pixels = np.asarray(image)
    inked = (pixels != pixels[0, 0]).any(axis=2).mean()  # share unlike the background
    assert inked > 0.02, f"{png.name} is (nearly) blank"
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 10, f"{png.name} has no detail"


LAYOUT = """JSON.stringify({
  title: document.title,
  h1: document.querySelector('h1').innerText,
  text: document.body.innerText.length,
  scroll: document.documentElement.scrollWidth,
  inner: window.innerWidth,
  font: parseFloat(getComputedStyle(document.querySelector('li') || document.body).fontSize),
  main: document.querySelector('main').getBoundingClientRect().width,
  bg: getComputedStyle(document.body).backgroundColor,
  fg: getComputedStyle(document.body).color,
  link: document.querySelector('a') ? getComputedStyle(document.querySelector('a')).color : null
})"""


@pytest.mark.parametrize("name", ["brief", "index", "page", "email"])
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_page_renders_readably(tab: Page, pages: dict[str, Path], name: str, size: str) -> None:
    width, height = WIDTHS[size]
    tab.load(pages[name].as_uri(), width, height)
    shot = tab.screenshot(OUTPUT / f"{name}-{size}-{width}.png")
    assert_not_blank(shot, width, height)
    seen = json.loads(tab.evaluate(LAYOUT))
    assert TITLE in seen["title"] and seen["h1"] == TITLE
    assert seen["text"] > 500
    assert seen["scroll"] <= seen["inner"], "the page scrolls sideways"
    assert seen["font"] >= 16, "text too small to read"
    assert seen["main"] <= 720, "lines too long to read comfortably"
    assert contrast(seen["fg"], seen["bg"]) >= 7
    if seen["link"]:
        assert contrast(seen["link"], seen["bg"]) >= 4.5


@pytest.mark.parametrize("name", ["brief", "index", "email"])
def test_dark_mode_is_dark_and_readable(tab: Page, pages: dict[str, Path], name: str) -> None:
    width, height = WIDTHS["phone"]
    tab.load(pages[name].as_uri(), width, height, dark=True)
    assert_not_blank(tab.screenshot(OUTPUT / f"{name}-phone-dark.png"), width, height)
    seen = json.loads(tab.evaluate(LAYOUT))
    assert luminance(seen["bg"]) < 0.05 and luminance(seen["fg"]) > 0.6
    assert contrast(seen["fg"], seen["bg"]) >= 7
    if seen["link"]:
        assert contrast(seen["link"], seen["bg"]) >= 4.5
