"""Every option of every command, declared once: the table the rest is derived from.

The command line's flags (cli.py), the brief.toml reader and its checks (``toml``), the
defaults of ``Config``, ``EmailSettings`` and ``SiteSettings`` (``settings``) and the README's
table of options (``docs``) all read ``OPTIONS``, so a default, a range or a help line is
written in one place and cannot drift between them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from summarizer.config import values
from summarizer.config.values import Value

CONFIG_NAME = "brief.toml"
# The ranker a brief uses unless told otherwise (``--algorithm``, ``algorithm =``).
DEFAULT_RANKER = "concepts"
DEFAULT_PORTS = {"none": 25, "starttls": 587, "tls": 465}
SECURITY_MODES = tuple(DEFAULT_PORTS)
# brief.toml's tables; keys outside them are top-level ones.
SECTIONS = ("email", "site")

BUILD, SUMMARIZE, SUGGEST = "build", "summarize", "themes suggest"
SEND, PUBLISH, EVALUATE = "send", "publish", "evaluate"
STORIES = "stories"
# The commands that read articles, and those that read brief.toml.
READING = (BUILD, SUMMARIZE, STORIES, SUGGEST)
FILE_COMMANDS = (BUILD, SUMMARIZE, SEND, PUBLISH)


@dataclass(frozen=True)
class Option:
    """One option: what it is called, what it takes, its default and help, and where it can
    be given (a brief.toml key, the flags of some commands, or both).

    ``name`` is the setting's field (``items``, ``email.sender``) when brief.toml can set it,
    else the command line's name for it; ``toml`` is its key there. ``kind``: a flag takes a
    ``value``, is a ``switch``, is ``repeated`` for more values, or takes ``several``.
    A switch that ``sets`` another option stores a value in it (``--no-history``). ``shows``
    is the default in words where it is not a value (the newest article's date).
    """

    name: str
    value: Value[Any]
    help: str
    default: Any = None
    toml: str | None = None
    flags: tuple[str, ...] = ()
    commands: tuple[str, ...] = ()
    metavar: str | None = None
    kind: Literal["value", "switch", "repeated", "several"] = "value"
    sets: tuple[str, Any] | None = None
    group: str | None = None
    shows: str | None = None

    @property
    def section(self) -> str:
        """The brief.toml table of a setting ("" for the top level)."""
        return self.name.rpartition(".")[0]

    @property
    def field(self) -> str:
        """The setting's field in its dataclass."""
        return self.name.rpartition(".")[2]

    @property
    def key(self) -> str:
        """The key in its brief.toml table."""
        return (self.toml or "").rpartition(".")[2]

    @property
    def dest(self) -> str:
        """Where the command line puts it: ``email_to`` for ``email.to``, as
        ``with_overrides`` takes it."""
        return self.sets[0] if self.sets else self.name.replace(".", "_")

    @property
    def shown_default(self) -> str:
        """The default as help shows it; empty when there is none."""
        if self.shows is not None:
            return self.shows
        if self.default is None or self.default is False or self.default == ():
            return ""
        if isinstance(self.default, tuple):
            return ", ".join(_plain(item) for item in self.default)
        return _plain(self.default)

    def help_for(self, command: str) -> str:
        """The help line of the option in one command: the default, and the key in
        brief.toml when the command reads the file."""
        notes = [f"default: {self.shown_default}"] if self.shown_default else []
        if self.toml and command in FILE_COMMANDS:
            notes.append(f"brief.toml: {self.toml}")
        return f"{self.help} ({'; '.join(notes)})" if notes else self.help


def _plain(value: Any) -> str:
    """20.0 as 20: how a person writes a default."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def of_command(command: str) -> tuple[Option, ...]:
    """The options a command takes on its command line, in table order."""
    return tuple(option for option in OPTIONS if command in option.commands)


def in_file(section: str) -> tuple[Option, ...]:
    """The options a brief.toml table holds ("" for the top level), in table order."""
    return tuple(o for o in OPTIONS if o.toml is not None and o.section == section)


_HISTORY_HELP = "leave out what the briefs of the last N days in --out said, mark updates; 0: none"
_UPDATE_HELP = (
    "update setting: batches TOPIC-A, -B, -C of one topic; each later batch also given the "
    "summaries before it (B given A, C given A+B)"
)

# fmt: off
# A brief's length follows the day: about 5-8 items for one story, more for a large day.
_AS_THE_DAY_HOLDS = "as many as the day's news holds"

OPTIONS: tuple[Option, ...] = (
    # What build writes, and how.
    Option("sources", values.SOURCES, "files, folders or URLs that build and summarize read when "
           "the command line names none (build with neither: the bundled sample corpus)",
           default=(),
           toml="sources"),
    Option("out", values.PATH, "output folder", default=Path("briefs"), toml="out",
           flags=("--out",), commands=(BUILD,), metavar="DIR"),
    Option("date", values.DATE, "date of the brief, as YYYY-MM-DD", flags=("--date",),
           commands=(BUILD,), metavar="YYYY-MM-DD", shows="the newest article date"),
    Option("title", values.TEXT, "title", default="Daily Brief", toml="title",
           flags=("--title",), commands=(BUILD,), metavar="TEXT"),
    Option("themes", values.THEMES, "themes file (TOML), or auto: learn the themes from the day",
           toml="themes", flags=("--themes",), commands=(BUILD,), metavar="FILE|auto",
           shows="the bundled themes where they fit the day"),
    Option("templates", values.PATH, "folder searched for templates before the defaults",
           toml="templates", flags=("--templates",), commands=(BUILD,), metavar="DIR"),
    Option("algorithm", values.RANKER, "ranking algorithm; an unknown name lists those installed",
           default=DEFAULT_RANKER, toml="algorithm", flags=("--algorithm",),
           commands=(BUILD, SUMMARIZE), metavar="NAME"),
    Option("items", values.whole(1, 100), "most items in the brief", toml="items",
           flags=("--items",), commands=(BUILD,), metavar="N", shows=_AS_THE_DAY_HOLDS),
    Option("words", values.whole(20, 5000), "about N words in the brief", toml="words",
           flags=("--words",), commands=(BUILD,), metavar="N", shows=_AS_THE_DAY_HOLDS),
    Option("story", values.TEXT, "build the brief of the day's story these words match best "
           "(brief stories lists the stories)", flags=("--story",), commands=(BUILD,),
           metavar="WORDS"),
    Option("history_days", values.whole(0, 366), _HISTORY_HELP, default=7, toml="history_days",
           flags=("--history-days",), commands=(BUILD,), metavar="N", group="history"),
    Option("no_history", values.FLAG, "ignore earlier briefs: build the day's brief alone",
           flags=("--no-history",), commands=(BUILD,), kind="switch", sets=("history_days", 0),
           group="history"),
    Option("deliver", values.TEXTS, "where build delivers every brief: site, email or a plug-in "
           "target (as --publish and --send do; not with --no-deliver)", default=(),
           toml="deliver"),
    # What the reading commands read.
    Option("sources_file", values.PATH, "file listing sources (paths or URLs), one a line",
           flags=("--sources-file",), commands=READING, metavar="FILE"),
    Option("since", values.when(end=False), "only articles from WHEN on: 24h, 2d, 2025-06-24 or "
           "ISO time", flags=("--since",), commands=READING, metavar="WHEN"),
    Option("until", values.when(end=True), "only articles up to WHEN (a date means the end of "
           "that day)", flags=("--until",), commands=READING, metavar="WHEN"),
    Option("max_size", values.POSITIVE, "skip inputs larger than this many MB", default=50,
           flags=("--max-size",), commands=READING, metavar="MB"),
    Option("timeout", values.POSITIVE, "network timeout for URLs, in seconds", default=20.0,
           flags=("--timeout",), commands=READING, metavar="SECONDS"),
    Option("quiet", values.FLAG, "no progress bar, and no list of skipped inputs, on stderr",
           flags=("-q", "--quiet"), commands=(*READING, EVALUATE), kind="switch"),
    # Delivery: brief.toml itself, and what build, send and publish deliver to.
    Option("config", values.PATH, "settings file", flags=("--config",), commands=FILE_COMMANDS,
           metavar="FILE", shows=f"./{CONFIG_NAME} when there is one"),
    Option("publish", values.FLAG, "then add the brief to the site", flags=("--publish",),
           commands=(BUILD,), kind="switch"),
    Option("send", values.FLAG, "then email the brief", flags=("--send",), commands=(BUILD,),
           kind="switch"),
    Option("no_deliver", values.FLAG, "build only: deliver nowhere, whatever brief.toml's "
           "deliver says (a trial run)", flags=("--no-deliver",), commands=(BUILD,),
           kind="switch"),
    Option("site.dir", values.PATH, "site folder", toml="site.dir", flags=("--site",),
           commands=(BUILD, PUBLISH), metavar="DIR"),
    Option("email.to", values.ADDRESSES, "recipients; --to once for each, replacing the file's",
           default=(), toml="email.to", flags=("--to",), commands=(BUILD, SEND), metavar="ADDR",
           kind="repeated"),
    Option("dry_run", values.FLAG, "write the message to BRIEF's .eml file instead of sending it",
           flags=("--dry-run",), commands=(SEND,), kind="switch"),
    Option("eml", values.PATH, "write the message to FILE instead of sending it",
           flags=("--eml",), commands=(SEND,), metavar="FILE"),
    # summarize, themes suggest and evaluate.
    Option("summary_words", values.whole(1), "stop at the sentence that reaches N words",
           default=100, flags=("--words",), commands=(SUMMARIZE,), metavar="N", group="length"),
    Option("sentences", values.whole(1), "print N sentences", flags=("--sentences",),
           commands=(SUMMARIZE,), metavar="N", group="length"),
    Option("k", values.whole(1), "number of themes to propose", flags=("--k",),
           commands=(SUGGEST,), metavar="N",
           shows="as many as the day holds, 2 to 6, as build learns them"),
    Option("draft", values.PATH, "write the draft to FILE instead of printing it",
           flags=("--out",), commands=(SUGGEST,), metavar="FILE"),
    Option("cut_words", values.whole(1), "cut each summary to its first N words", default=100,
           flags=("--words",), commands=(EVALUATE,), metavar="N"),
    Option("algorithms", values.RANKER, "algorithms to compare, or all", default=(DEFAULT_RANKER,),
           flags=("--algorithm",), commands=(EVALUATE,), metavar="NAME",
           kind="several"),
    Option("update", values.FLAG, _UPDATE_HELP, flags=("--update",), commands=(EVALUATE,),
           kind="switch"),
    Option("json", values.FLAG, "print the results as JSON", flags=("--json",),
           commands=(STORIES, EVALUATE), kind="switch"),
    # [email]: how build --send and send mail the brief.
    Option("email.host", values.TEXT, "SMTP server", toml="email.host"),
    Option("email.port", values.whole(1, 65535), "SMTP port", toml="email.port",
           shows=", ".join(f"{port} ({mode})" for mode, port in DEFAULT_PORTS.items())),
    Option("email.security", values.choice(SECURITY_MODES), "how the connection is secured: "
           + ", ".join(SECURITY_MODES), default="starttls", toml="email.security"),
    Option("email.user", values.TEXT, "login; none without it", toml="email.user"),
    Option("email.password_env", values.ENV_NAME, "the environment variable the password is read "
           "from (never the file)", toml="email.password_env"),
    Option("email.sender", values.ADDRESS, "the address the brief comes from", toml="email.from",
           shows="email.user"),
    Option("email.subject", values.SUBJECT, "subject; fields: {title}, {date} (YYYY-MM-DD), "
           "{long_date}", default="{title} — {long_date}", toml="email.subject"),
    Option("email.list_unsubscribe", values.UNSUBSCRIBE, "List-Unsubscribe: one or a list, "
           "mailto: or https:", default=(), toml="email.list_unsubscribe"),
    Option("email.ca_file", values.PATH, "trust this CA instead of the system's (a private relay)",
           toml="email.ca_file"),
    Option("email.timeout", values.SECONDS, "seconds for each network step", default=30.0,
           toml="email.timeout"),
    Option("email.retries", values.whole(0, 10), "extra tries after a transient failure",
           default=2, toml="email.retries"),
    Option("email.retry_delay", values.SECONDS, "seconds before the first retry, doubled each "
           "time", default=5.0, toml="email.retry_delay"),
    # [site]: the static archive build --publish and publish add to.
    Option("site.title", values.TEXT, "the archive's title", toml="site.title",
           shows="the newest brief's title"),
    Option("site.base_url", values.BASE_URL, "the address the site is served from: makes the "
           "feed's links absolute", toml="site.base_url"),
    Option("site.headlines", values.whole(1, 20), "headline items per brief on the archive page",
           default=3, toml="site.headlines"),
)
# fmt: on

# The declared default of each option by name (a setting's ``email.timeout``, or a
# command-line name such as ``timeout``).
DEFAULTS: Mapping[str, Any] = MappingProxyType({option.name: option.default for option in OPTIONS})
