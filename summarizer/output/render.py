"""Turn a finished ``Brief`` into Markdown and HTML text (``render_all`` adds the JSON, whose
one owner is ``storage.brief_json``).

The Markdown is the source of truth and the HTML is that Markdown converted and wrapped in a
page template, so the two can never disagree. Article text comes from scraped pages and is
untrusted: every piece of it is escaped before it reaches Markdown, and the HTML page
autoescapes everything else it prints.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

import jinja2
import markdown as markdown_lib
from jinja2.loaders import split_template_path
from markupsafe import Markup

from summarizer.errors import ConfigError, TemplateError
from summarizer.models import Brief, SourceRef
from summarizer.runtime.resources import default_templates_dir
from summarizer.storage.brief_json import brief_to_json

if TYPE_CHECKING:  # importlib.resources.abc is 3.11+; this name works for type checking
    from importlib.abc import Traversable

MARKDOWN_TEMPLATE = "brief.md.j2"
HTML_TEMPLATE = "brief.html.j2"
MARKDOWN_EXTENSIONS = ("sane_lists", "tables")

# Characters that act anywhere in a line. "|" only matters with tables, which we enable.
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]#|])")
# An "&" that the HTML would read as the start of a character reference.
_ENTITY_START = re.compile(r"&(?=#?\w+;)")
# Characters that act only at the start of a line: bullets, and "1." / "1)" list numbers.
_LEADING_BULLET = re.compile(r"^([-+])")
_LEADING_NUMBER = re.compile(r"^(\d+)([.)])")
# Everything else in a URL is percent-encoded, so it cannot end a Markdown link early.
_URL_SAFE = "/:?#@!$&+,;=%~"
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def md_escape(text: object) -> str:
    """Make article text inert in Markdown: it renders as exactly the characters given.

    White space is collapsed first, because a line break inside an item would end the list
    entry and let the rest of the text start a heading, list or code block of its own.
    """
    flat = " ".join(str(text).split())
    # A bare "&" renders as itself ("Barnes & Noble"): only one that would start an entity
    # ("&lt;") is escaped, so the Markdown a reader opens says "&", not "&amp;".
    flat = _ENTITY_START.sub("&amp;", flat).replace("<", "&lt;").replace(">", "&gt;")
    flat = _INLINE_SPECIALS.sub(r"\\\1", flat)
    flat = _LEADING_BULLET.sub(r"\\\1", flat)
    return _LEADING_NUMBER.sub(r"\1\\\2", flat)


def safe_url(url: str | None) -> str | None:
    """An http(s) URL fit for a Markdown link target, or None when it must not be linked.

    Other schemes (``javascript:``, ``data:``) are dropped rather than trusted, and characters
    that could close the link or start a title are percent-encoded.
    """
    if not url or not url.strip():
        return None
    candidate = url.strip()
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    return quote(candidate, safe=_URL_SAFE)


def md_link(name: str, url: str | None) -> str:
    """The outlet name, linked when its URL is usable; the name is always the link text."""
    target = safe_url(url)
    label = md_escape(name)
    if target is None:
        return label
    if not label:
        label = md_escape(urlsplit(target).hostname or "source")
    return f"[{label}]({target})"


def unique_outlets(sources: Iterable[SourceRef]) -> list[SourceRef]:
    """One entry per outlet, first-seen order: two articles by one outlet credit it once.

    A later article's URL is used when the first one had none, so the outlet stays linkable.
    """
    chosen: dict[str, SourceRef] = {}
    for ref in sources:
        key = ref.name.casefold()
        if key not in chosen or (chosen[key].url is None and ref.url):
            chosen[key] = ref
    return list(chosen.values())


def iso_date(value: dt.date | None) -> str | None:
    """YYYY-MM-DD, dropping any time part so a datetime cannot leak a timestamp."""
    if value is None:
        return None
    return dt.date(value.year, value.month, value.day).isoformat()


def long_date(value: dt.date) -> str:
    """Format as "Wednesday, 25 June 2025" without the locale, so output is reproducible."""
    return f"{_DAYS[value.weekday()]}, {value.day} {_MONTHS[value.month - 1]} {value.year}"


def short_date(value: dt.date) -> str:
    """Format as "24 June 2025", locale-free like ``long_date``."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def day_month(value: dt.date, year_of: dt.date | None = None) -> str:
    """Format as "24 June", with the year when it is not ``year_of``'s ("24 June 2024")."""
    text = f"{value.day} {_MONTHS[value.month - 1]}"
    return text if year_of is None or year_of.year == value.year else f"{text} {value.year}"


def default_template_dir() -> Traversable:
    """The packaged templates in an installed wheel, else the checkout's ``templates/``."""
    return default_templates_dir()


class _ResourceLoader(jinja2.BaseLoader):
    """Loads package data, which need not be a real folder (for instance a zipped install)."""

    def __init__(self, root: Traversable) -> None:
        self.root = root

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        node = self.root
        for part in split_template_path(template):
            node = node / part
        if not node.is_file():
            raise jinja2.TemplateNotFound(template)
        return node.read_text(encoding="utf-8"), str(node), lambda: True


def _loader(user_dir: Path | None) -> jinja2.BaseLoader:
    """User folder first, so one file can be overridden while the rest stay packaged."""
    packaged = _ResourceLoader(default_template_dir())
    if user_dir is None:
        return packaged
    if not user_dir.is_dir():
        raise ConfigError(f"templates folder not found: {user_dir}")
    return jinja2.ChoiceLoader([jinja2.FileSystemLoader(user_dir), packaged])


def _environment(loader: jinja2.BaseLoader, *, autoescape: bool) -> jinja2.Environment:
    """StrictUndefined so a typo in a template fails loudly instead of printing nothing."""
    env = jinja2.Environment(
        loader=loader,
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=md_escape,
        md_link=md_link,
        outlets=unique_outlets,
        isodate=iso_date,
        longdate=long_date,
        shortdate=short_date,
        daymonth=day_month,
    )
    return env


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def _render(env: jinja2.Environment, name: str, **context: Any) -> str:
    """Render one template, turning every way it can fail into a one-line TemplateError."""
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateNotFound as exc:
        missing = exc.name or name
        raise TemplateError(f"template {missing} not found (needed by {name})") from exc
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.name or name} line {exc.lineno}"
        raise TemplateError(f"template {where} is broken: {_one_line(exc.message)}") from exc
    except RecursionError as exc:  # an include or macro that leads back to itself
        raise TemplateError(f"template {name} never ends: it includes or calls itself") from exc
    except (
        jinja2.TemplateError,
        OSError,
        TypeError,
        ValueError,
        LookupError,
        ArithmeticError,
        AttributeError,
    ) as exc:
        raise TemplateError(f"template {name} failed to render: {_one_line(exc)}") from exc


def markdown_to_html(text: str) -> str:
    """Convert the brief's Markdown; a fresh converter each time as they keep state."""
    converter = markdown_lib.Markdown(extensions=list(MARKDOWN_EXTENSIONS))
    return str(converter.convert(text))


class Renderer:
    """Renders briefs with the user's templates where given and the packaged ones otherwise."""

    def __init__(self, user_dir: Path | None = None) -> None:
        loader = _loader(user_dir)
        self._markdown_env = _environment(loader, autoescape=False)
        self._html_env = _environment(loader, autoescape=True)

    def markdown(self, brief: Brief, *, for_html: bool = False) -> str:
        """The brief as Markdown; the template escapes article text with the ``md`` filter.
        ``for_html``: the Markdown the HTML page is made from (with how each outlet put it)."""
        return _render(self._markdown_env, MARKDOWN_TEMPLATE, brief=brief, for_html=for_html)

    def html(self, brief: Brief, markdown_text: str | None = None) -> str:
        """A standalone page around the converted Markdown (by default the brief's own, made
        for the page).

        The converted body is marked safe because every article-derived piece of it was
        escaped on the way into Markdown; the page template autoescapes the rest.
        """
        if markdown_text is None:
            markdown_text = self.markdown(brief, for_html=True)
        body = Markup(markdown_to_html(markdown_text))
        return _render(self._html_env, HTML_TEMPLATE, brief=brief, body=body)

    def page(self, template: str, **context: Any) -> str:
        """Another HTML page (the site's archive and date pages), autoescaped like the brief."""
        return _render(self._html_env, template, **context)

    def render_all(self, brief: Brief) -> dict[str, str]:
        """Every format, keyed by the file suffix it is written under."""
        return {
            "md": self.markdown(brief),
            "html": self.html(brief),
            "json": brief_to_json(brief),  # not templated: its format is storage's
        }
