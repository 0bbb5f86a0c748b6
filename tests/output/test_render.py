"""Rendering: structure of the Markdown, safety of the HTML, template lookup (the JSON is
storage.brief_json's: tests/storage/test_brief_json.py)."""

from __future__ import annotations

import dataclasses
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from summarizer.errors import ConfigError, TemplateError
from summarizer.models import Brief, Section, Skipped
from summarizer.output import render
from summarizer.output.render import Renderer, markdown_to_html, md_escape
from summarizer.storage.brief_json import brief_to_json
from tests.conftest import DAY, HOSTILE_TEXT, item, make_brief, ref
from tests.htmlcheck import assert_good_page

_CAPTURED = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "li", "p", "em", "title", "style"}
_INVISIBLE = {"head", "title", "style", "script"}


class Page(HTMLParser):
    """Parses a page into its tags, the text of interesting elements and its visible text."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.captured: list[tuple[str, dict[str, str | None], str]] = []
        self._open: list[tuple[str, dict[str, str | None], list[str]]] = []
        self._hidden: list[str] = []
        self._visible: list[str] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag in _CAPTURED:
            self._open.append((tag, dict(attrs), []))
        if tag in _INVISIBLE:
            self._hidden.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._hidden and self._hidden[-1] == tag:
            self._hidden.pop()
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                name, attrs, parts = self._open.pop(index)
                self.captured.append((name, attrs, " ".join("".join(parts).split())))
                break

    def handle_data(self, data: str) -> None:
        for _, _, parts in self._open:
            parts.append(data)
        if not self._hidden:
            self._visible.append(data)

    @property
    def tags(self) -> list[str]:
        return [tag for tag, _ in self.elements]

    @property
    def visible_text(self) -> str:
        return " ".join("".join(self._visible).split())

    def texts(self, tag: str) -> list[str]:
        return [text for name, _, text in self.captured if name == tag]

    def links(self) -> list[tuple[str | None, str]]:
        return [(attrs.get("href"), text) for name, attrs, text in self.captured if name == "a"]

    def headings(self) -> list[tuple[str, str]]:
        return [(tag, text) for tag, _, text in self.captured if tag in {"h1", "h2", "h3"}]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _line_with(markdown_text: str, needle: str) -> str:
    return next(line for line in markdown_text.splitlines() if needle in line)


# --- Markdown structure -------------------------------------------------------------------


def test_markdown_has_title_date_sections_and_items_in_order(sample_brief: Brief) -> None:
    text = Renderer().markdown(sample_brief)
    assert text.startswith("# NATO summit in The Hague\n")
    assert "Wednesday, 25 June 2025" in text
    order = [
        "## Diplomacy",
        "Zelenskyy and Trump met for 50 minutes.",
        "Officials said",
        "## Defence spending",
        "Allies agreed to spend 5% of GDP on defence.",
        "## Sources",
        "## Skipped files",
    ]
    positions = [text.index(needle) for needle in order]
    assert positions == sorted(positions)
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_items_are_list_entries_with_outlets_in_order(sample_brief: Brief) -> None:
    text = Renderer().markdown(sample_brief)
    line = _line_with(text, "Allies agreed")
    assert line.startswith("- ")
    assert line.index("The Guardian") < line.index("Reuters")


def test_more_than_three_outlets_shows_first_three_and_count(sample_brief: Brief) -> None:
    renderer = Renderer()
    text = renderer.markdown(sample_brief)
    line = _line_with(text, "met for 50 minutes")
    assert "+2 more" in line
    for shown in ("Reuters", "BBC News", "AP"):
        assert shown in line
    for hidden in ("The Guardian", "Kyiv Independent"):
        assert hidden not in line
    page = Page(renderer.html(sample_brief, text))
    entry = next(li for li in page.texts("li") if "met for 50 minutes" in li)
    assert entry.endswith("Reuters, BBC News, AP +2 more")


def test_three_outlets_or_fewer_have_no_count() -> None:
    three = item("Three outlets.", ref("A", None), ref("B", None), ref("C", None))
    brief = make_brief(sections=(Section("t", "T", (three,)),))
    line = _line_with(Renderer().markdown(brief), "Three outlets")
    assert "more" not in line
    assert line.endswith("A, B, C*")


def test_an_outlet_is_credited_once_per_item() -> None:
    twice = item(
        "Twice.", ref("Reuters", None), ref("BBC", None), ref("Reuters", "https://r.test/")
    )
    brief = make_brief(sections=(Section("t", "T", (twice,)),))
    line = _line_with(Renderer().markdown(brief), "Twice.")
    assert line.count("Reuters") == 1
    assert "[Reuters](https://r.test/)" in line


def test_outlets_are_linked_only_when_url_known(sample_brief: Brief) -> None:
    renderer = Renderer()
    text = renderer.markdown(sample_brief)
    assert "[Reuters](https://www.reuters.com/world/nato-summit)" in text
    assert "[AP]" not in text
    links = Page(renderer.html(sample_brief, text)).links()
    assert ("https://www.reuters.com/world/nato-summit", "Reuters") in links
    assert all(label != "AP" for _, label in links)


def test_link_text_is_meaningful(sample_brief: Brief) -> None:
    renderer = Renderer()
    page = Page(renderer.render_all(sample_brief)["html"])
    outlets = {source.name for source in sample_brief.sources}
    assert page.links()
    for href, label in page.links():
        assert href and href.startswith("https://")
        assert label in outlets
        assert label.lower() not in {"here", "click here", "link"}


def test_unsafe_urls_are_not_linked_and_odd_ones_are_encoded() -> None:
    evil = ref("Evil", "javascript:alert(1)")
    odd = ref("Odd", 'https://example.test/a_(b) c"d')
    brief = make_brief(sections=(Section("t", "T", (item("Text.", evil, odd),)),))
    renderer = Renderer()
    text = renderer.markdown(brief)
    links = Page(renderer.html(brief, text)).links()
    assert ("https://example.test/a_%28b%29%20c%22d", "Odd") in links
    assert all(label != "Evil" for _, label in links)
    assert "javascript" not in renderer.html(brief, text).lower()


def test_sources_section_lists_every_source(sample_brief: Brief) -> None:
    text = Renderer().markdown(sample_brief)
    sources = text[text.index("## Sources") : text.index("## Skipped files")]
    entries = [line for line in sources.splitlines() if line.startswith("- ")]
    assert len(entries) == len(sample_brief.sources)
    for entry, source in zip(entries, sample_brief.sources, strict=True):
        assert source.name in entry and source.title in entry
        if source.date is None:
            assert "(" not in entry.replace(f"({source.url})", "")
        else:
            assert entry.endswith(f"({source.date.isoformat()})")
        if source.url:
            assert f"[{source.name}]({source.url})" in entry


def test_a_day_of_many_articles_lists_the_cited_ones_and_counts_the_rest() -> None:
    """141,607 articles made a 17 MB page: the page names 50, the items' sources among them,
    and counts the rest; the JSON keeps every one."""
    many = tuple(ref(f"Outlet {n:06d}") for n in range(2_000))
    cited = (many[1_999], many[1_500])  # beyond the first 50: listed all the same
    section = Section("world", "World", (item("Talks resumed in Vienna.", *cited),))
    brief = make_brief(sections=(section,), sources=many)
    for text in (Renderer().markdown(brief), Page(Renderer().html(brief)).visible_text):
        sources = text[text.index("Sources") : text.index("Skipped files")]
        assert sum(f"Outlet {n:06d} report" in sources for n in range(2_000)) == 50
        assert "Outlet 001999 report" in sources and "Outlet 001500 report" in sources
        assert "Outlet 000000 report" in sources and "Outlet 000047 report" in sources
        assert "Outlet 000048 report" not in sources
        assert "and 1,950 more articles, listed in the brief's JSON" in sources
    assert len(json.loads(brief_to_json(brief))["sources"]) == 2_000


def test_fifty_sources_are_all_listed_with_no_count() -> None:
    brief = make_brief(sources=tuple(ref(f"Outlet {n:02d}") for n in range(50)))
    text = Renderer().markdown(brief)
    assert all(f"Outlet {n:02d} report" in text for n in range(50))
    assert "more article" not in text


def test_skipped_section_only_when_files_were_skipped(sample_brief: Brief) -> None:
    text = Renderer().markdown(sample_brief)
    assert _line_with(text, "photo.jpg") == "- inbox/photo.jpg: binary file"
    assert "Skipped files" not in Renderer().markdown(make_brief(skipped=()))


def test_empty_brief_still_renders() -> None:
    brief = Brief("Nothing today", make_brief().date, (), (), ())
    output = Renderer().render_all(brief)
    assert "## Sources" in output["md"]
    assert Page(output["html"]).texts("h1") == ["Nothing today"]


# --- Escaping -------------------------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    "*stars* and _underscores_ and **strong** __text__",
    "[click](http://evil.test) and ![pic](http://evil.test/x.png) and <http://evil.test>",
    "`code` and ``more code``",
    "# not a heading",
    "## trailing hashes ##",
    "1. not a list",
    "2) not a list either",
    "1986. A good year",
    "- not a bullet",
    "+ not a bullet",
    "* not a bullet",
    "> not a quote",
    "---",
    "a | b | c",
    "back\\slash \\* \\< \\\\",
    "&amp; &lt;b&gt; &#60;i&#62; stay literal",
    "first line\n\n## injected heading\n\n    indented code\n- injected item",
    "    indented",
    "Zelenskyy\u2019s \u201creal peace\u201d \u2014 5% & rising",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_md_escape_renders_exactly_the_text(text: str) -> None:
    for markdown_text, tags in ((md_escape(text), ["p"]), (f"- {md_escape(text)}", ["ul", "li"])):
        page = Page(markdown_to_html(markdown_text))
        assert page.tags == tags
        assert page.visible_text == _flat(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_article_text_is_inert_everywhere_in_the_page(text: str) -> None:
    outlet = ref(text, "https://example.test/a")
    section = Section("t", text, (item(text, outlet),))
    brief = make_brief(sections=(section,), skipped=(Skipped(text, text),), title=text)
    renderer = Renderer()
    markdown_text = renderer.markdown(brief)
    page = Page(renderer.html(brief, markdown_text))
    allowed = {"html", "head", "meta", "title", "style", "body", "main", "footer"}
    assert set(page.tags) <= allowed | {"p", "h1", "h2", "ul", "li", "em", "a"}
    flat = _flat(text)
    expected = [("h1", flat), ("h2", flat), ("h2", "Sources"), ("h2", "Skipped files")]
    assert page.headings() == expected
    assert page.links() == [("https://example.test/a", flat)] * 2
    entries = page.texts("li")
    assert entries[0] == f"{flat} — {flat}"
    assert entries[-1] == f"{flat}: {flat}"
    assert page.texts("title") == [f"{flat} — 2025-06-25"]


def test_script_in_an_item_shows_as_text(sample_brief: Brief) -> None:
    renderer = Renderer()
    page = Page(renderer.render_all(sample_brief)["html"])
    assert "script" not in page.tags
    assert HOSTILE_TEXT in page.visible_text
    assert all(href != "http://evil.test" for href, _ in page.links())


# --- HTML page ----------------------------------------------------------------------------


def test_html_page_is_self_contained_and_accessible(sample_brief: Brief) -> None:
    html = Renderer().render_all(sample_brief)["html"]
    page = Page(html)
    assert html.startswith("<!DOCTYPE html>")
    assert ("html", {"lang": "en"}) in page.elements
    assert page.tags.count("h1") == 1
    metas = [attrs for tag, attrs in page.elements if tag == "meta"]
    assert {"charset": "utf-8"} in metas
    viewport = [m.get("content") or "" for m in metas if m.get("name") == "viewport"]
    assert len(viewport) == 1 and "width=device-width" in viewport[0]
    assert page.texts("title") == ["NATO summit in The Hague — 2025-06-25"]
    head = html[: html.index("</head>")]
    assert "<style>" in head and page.tags.count("style") == 1
    lowered = html.lower()
    for banned in ("<link", "<script", "@import", "url(", "src=", "@font-face"):
        assert banned not in lowered
    assert all(tag == "a" for tag, attrs in page.elements if "href" in attrs)
    css = page.texts("style")[0]
    assert "@media (prefers-color-scheme: dark)" in css
    assert "max-width" in css


def test_html_page_is_valid_html5_with_ordered_headings(sample_brief: Brief) -> None:
    assert_good_page(Renderer().render_all(sample_brief)["html"])
    assert_good_page(Renderer().render_all(make_brief(sections=(), sources=()))["html"])


def test_other_pages_render_with_the_same_filters_and_escaping(tmp_path: Path) -> None:
    (tmp_path / "other.html.j2").write_text("<p>{{ text }} {{ day | longdate }}</p>")
    page = Renderer(tmp_path).page("other.html.j2", text="<b>", day=DAY)
    assert page == "<p>&lt;b&gt; Wednesday, 25 June 2025</p>"


def test_html_headings_follow_the_brief(sample_brief: Brief) -> None:
    page = Page(Renderer().render_all(sample_brief)["html"])
    assert page.headings() == [
        ("h1", "NATO summit in The Hague"),
        ("h2", "Diplomacy"),
        ("h2", "Defence spending"),
        ("h2", "Sources"),
        ("h2", "Skipped files"),
    ]


def test_render_all_keys_and_consistency(sample_brief: Brief) -> None:
    renderer = Renderer()
    output = renderer.render_all(sample_brief)
    assert list(output) == ["md", "html", "json"]
    assert output["md"] == renderer.markdown(sample_brief)
    assert output["html"] == renderer.html(sample_brief)
    # The page is the Markdown made for it: the same brief, plus how each outlet put it.
    for_page = renderer.markdown(sample_brief, for_html=True)
    assert output["html"] == renderer.html(sample_brief, for_page)
    assert "<details>" in for_page and "<details>" not in output["md"]


# --- Credits: each outlet's words, figures that differ, older items ------------------------


def test_markdown_names_the_outlet_with_another_figure_and_the_older_date(
    sample_brief: Brief,
) -> None:
    line = _line_with(Renderer().markdown(sample_brief), "Allies agreed")
    assert line.endswith("(https://www.reuters.com/world/nato-summit)* (Kyiv Independent: 3\\.5)"
                         " · 24 June 2025")  # fmt: skip
    page = Page(Renderer().render_all(sample_brief)["html"])
    entry = next(li for li in page.texts("li") if li.startswith("Allies agreed"))
    assert "The Guardian, Reuters (Kyiv Independent: 3.5) · 24 June 2025" in entry


def test_the_page_offers_how_each_outlet_put_it_without_script(sample_brief: Brief) -> None:
    page = Renderer().render_all(sample_brief)["html"]
    assert "<script" not in page
    assert page.count("<details><summary>How each outlet put it</summary>") == 2
    details = page[page.index("<details>") : page.index("</details>")]
    assert "<em>The Guardian</em>: “Zelenskyy met Trump for 50 minutes in The Hague.”" in details
    assert "<em>Kyiv Independent</em>: “Trump and Zelenskyy met for 50 minutes" in details
    spend = page[page.index("Allies agreed") :]
    assert "<em>Kyiv Independent</em> (3.5): “Allies agreed to spend 3.5% of GDP" in spend
    assert_good_page(page)


def test_an_outlets_own_words_are_escaped_on_the_page() -> None:
    hostile = ref("Evil", None, text=HOSTILE_TEXT)
    brief = make_brief(sections=(Section("t", "T", (item("A plain statement.", hostile),)),))
    page = Renderer().render_all(brief)["html"]
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="http://evil.test"' not in page


def test_an_item_with_no_outlet_words_offers_none() -> None:
    plain = item("A plain statement.", ref("Reuters"))  # an old brief: no sentences kept
    brief = make_brief(sections=(Section("t", "T", (plain,)),))
    assert "<details>" not in Renderer().render_all(brief)["html"]


# --- Template lookup ----------------------------------------------------------------------


def test_default_templates_are_found() -> None:
    folder = render.default_template_dir()
    for name in ("brief.md.j2", "brief.html.j2", "brief.css"):
        assert (folder / name).is_file()


def test_user_template_overrides_default(tmp_path: Path, sample_brief: Brief) -> None:
    (tmp_path / "brief.md.j2").write_text("CUSTOM {{ brief.title | md }}\n", encoding="utf-8")
    (tmp_path / "brief.css").write_text("body { color: rebeccapurple; }\n", encoding="utf-8")
    output = Renderer(tmp_path).render_all(sample_brief)
    assert output["md"] == "CUSTOM NATO summit in The Hague\n"
    assert output["html"].startswith("<!DOCTYPE html>")  # not overridden: packaged default
    assert "rebeccapurple" in output["html"]
    assert "prefers-color-scheme" not in output["html"]


def test_user_templates_are_autoescaped_in_html(tmp_path: Path) -> None:
    (tmp_path / "brief.html.j2").write_text("<h1>{{ brief.title }}</h1>{{ body }}", "utf-8")
    brief = make_brief(title="<b>bold</b>")
    html = Renderer(tmp_path).render_all(brief)["html"]
    assert html.startswith("<h1>&lt;b&gt;bold&lt;/b&gt;</h1>")


@pytest.mark.parametrize(
    ("name", "source", "mentioned"),
    [
        ("brief.md.j2", "{% for x in %}", "brief.md.j2"),
        ("brief.md.j2", "{{ brief.no_such_field }}", "brief.md.j2"),
        ("brief.md.j2", "{{ brief.title | no_such_filter }}", "brief.md.j2"),
        ("brief.html.j2", "{% include 'missing.css' %}", "missing.css"),
        ("brief.md.j2", "{% include 'brief.md.j2' %}", "brief.md.j2 never ends"),
        ("brief.html.j2", "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "calls itself"),
    ],
)
def test_broken_template_raises_template_error(
    tmp_path: Path, sample_brief: Brief, name: str, source: str, mentioned: str
) -> None:
    (tmp_path / name).write_text(source, encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        Renderer(tmp_path).render_all(sample_brief)
    message = str(caught.value)
    assert mentioned in message
    assert "\n" not in message


def test_missing_default_template_raises_template_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_brief: Brief
) -> None:
    monkeypatch.setattr(render, "default_template_dir", lambda: tmp_path)
    with pytest.raises(TemplateError, match=r"brief\.md\.j2 not found"):
        Renderer().markdown(sample_brief)


def test_missing_user_folder_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="templates folder"):
        Renderer(tmp_path / "nope")


def test_a_view_is_printed_under_its_label_in_every_output() -> None:
    view = dataclasses.replace(
        item("The consensus on the harbour plan does not exist.", ref("The Globe")),
        label="Opinion — Jeff Jacoby",
    )
    brief = make_brief(sections=(Section("t", "T", (view,)),))
    out = Renderer().render_all(brief)
    line = _line_with(out["md"], "consensus")
    assert line.startswith("- *Opinion — Jeff Jacoby:* The consensus on the harbour plan")
    assert "<em>Opinion — Jeff Jacoby:</em> The consensus" in out["html"]
    [entry] = json.loads(out["json"])["sections"][0]["items"]
    assert entry["label"] == "Opinion — Jeff Jacoby"
    news = json.loads(
        brief_to_json(make_brief(sections=(Section("t", "T", (item("Plain.", ref("AP")),)),)))
    )
    assert "label" not in news["sections"][0]["items"][0]


def test_a_bare_ampersand_reads_as_itself_in_the_markdown() -> None:
    """The Markdown brief is read as it is (mailed, published): "Barnes & Noble", not
    "Barnes &amp; Noble"; an "&" that would start an entity is still escaped."""
    assert md_escape("Barnes & Noble bought Ingram") == "Barnes & Noble bought Ingram"
    assert md_escape("AT&T;") == "AT&amp;T;"
    assert Page(markdown_to_html(md_escape("Barnes & Noble"))).visible_text == "Barnes & Noble"
