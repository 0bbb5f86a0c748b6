"""What every page we write must be: valid HTML5, a language, one h1, headings in order,
links whose text says where they go, and nothing active or embedded."""

from __future__ import annotations

import itertools
import re
from xml.etree.ElementTree import Element

import html5lib
from html5lib.html5parser import ParseError

_VAGUE = {"here", "click here", "link", "more", "read more", "this", "page"}
_HEADINGS = {f"h{n}" for n in range(1, 7)}


def parse_strict(source: str) -> list[Element]:
    """Parse as an HTML5 browser would, failing on any parse error; return every element."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        document: Element = parser.parse(source)
    except ParseError as exc:
        raise AssertionError(f"not valid HTML5: {exc}") from exc
    return list(document.iter())


def text_of(element: Element) -> str:
    return " ".join("".join(element.itertext()).split())


def assert_good_page(source: str) -> None:
    """Fail with the first problem found."""
    assert source.lstrip().lower().startswith("<!doctype html>"), "no HTML5 doctype"
    elements = parse_strict(source)
    assert elements[0].get("lang"), "the html element has no lang"
    headings = [e for e in elements if e.tag in _HEADINGS]
    levels = [int(h.tag[1]) for h in headings]
    assert levels.count(1) == 1, f"want exactly one h1, got levels {levels}"
    assert levels[0] == 1, f"the first heading is h{levels[0]}"
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"heading level jumps from h{before} to h{after}"
    assert all(text_of(h) for h in headings), "an empty heading"
    for link in (e for e in elements if e.tag == "a"):
        text, href = text_of(link), link.get("href") or ""
        assert text and text.lower() not in _VAGUE, f"link to {href} has text {text!r}"
        assert text != href, f"link text is the bare address {href}"
    for tag in ("script", "iframe", "object", "embed"):
        assert not any(e.tag == tag for e in elements), f"page has a <{tag}>"


def css_outside_at_rules(css: str) -> str:
    """The CSS left once comments and every ``@...{...}`` block are taken out."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    kept, depth, index = [], 0, 0
    while index < len(css):
        char = css[index]
        if depth == 0 and char == "@":
            depth, index = -1, index + 1  # inside an at-rule prelude, until its "{"
            continue
        if depth == -1:
            depth = 1 if char == "{" else -1
        elif depth > 0:
            depth += {"{": 1, "}": -1}.get(char, 0)
        else:
            kept.append(char)
        index += 1
    return "".join(kept).strip()


def assert_styles_inlined(source: str) -> None:
    """Email HTML: the look is in ``style`` attributes; a ``<style>`` holds only at-rules."""
    elements = parse_strict(source)
    for tag in ("body", "h1", "h2", "li"):
        styled = [e for e in elements if e.tag == tag]
        assert styled, f"no <{tag}>"
        for element in styled:
            assert "color" in (element.get("style") or "") or tag != "body", f"<{tag}> unstyled"
            assert element.get("style"), f"a <{tag}> has no inline style"
    assert "var(" not in source, "CSS variables left for the mail client to resolve"
    for style in (e for e in elements if e.tag == "style"):
        left = css_outside_at_rules(style.text or "")
        assert not left, f"rules only in <style>, not inlined: {left[:80]!r}"
    assert not any(e.tag == "link" for e in elements), "external stylesheet link"
