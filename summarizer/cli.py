"""Command line: parse arguments, run the pipeline, map errors to one line and an exit status.

Each command imports what it runs when it runs (the pipeline, delivery): ``--help``,
``--version`` and a mistyped option answer at once, without numpy, scipy, nltk or sumy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from summarizer import __version__
from summarizer.config import CONFIG_NAME, DEFAULT_RANKER, Config, load_config, with_overrides
from summarizer.config import text as config_text
from summarizer.errors import BriefError, ConfigError
from summarizer.models import Skipped
from summarizer.reading import dates, fetch
from summarizer.runtime.resources import examples_dir
from summarizer.storage.atomic import atomic_write_text

if TYPE_CHECKING:
    from summarizer import pipeline

PROG = "brief"


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from exc


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from exc
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value!r}")
    return number


def _days(value: str) -> int:
    try:
        number = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from exc
    if not 0 <= number <= 366:
        raise argparse.ArgumentTypeError(f"must be from 0 to 366: {value!r}")
    return number


def _when(end: bool) -> Callable[[str], dt.datetime]:
    """An argparse type for ``--since``/``--until``: relative (24h) or an ISO date or time."""

    def parse(value: str) -> dt.datetime:
        try:
            return dates.parse_bound(value, dt.datetime.now(dt.UTC), end=end)
        except ValueError as exc:  # also a time out of the calendar's range
            raise argparse.ArgumentTypeError(str(exc)) from exc

    return parse


def _title(value: str) -> str:
    """``--title``: one line, as brief.toml's ``title`` must be."""
    try:
        return config_text(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{exc}: {value!r}") from exc


def _themes_option(value: str) -> Path | str:
    """``--themes``: a file, or ``auto`` (learned themes)."""
    return "auto" if value == "auto" else Path(value)


def _positive_number(value: str) -> float:
    try:
        number = float(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from exc
    if not number > 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"must be more than 0: {value!r}")
    return number


def _add_input_options(p: argparse.ArgumentParser) -> None:
    """Options on what is read: a list of sources, a date window, size and network limits."""
    p.add_argument("--sources-file", type=Path, metavar="FILE",
                   help="file listing sources (paths or URLs), one a line")  # fmt: skip
    p.add_argument("--since", type=_when(end=False), metavar="WHEN",
                   help="only articles from WHEN on: 24h, 2d, 2025-06-24 or ISO time")  # fmt: skip
    p.add_argument("--until", type=_when(end=True), metavar="WHEN",
                   help="only articles up to WHEN (a date means the end of that day)")  # fmt: skip
    p.add_argument("--max-size", type=_positive_number, default=50, metavar="MB",
                   help="skip inputs larger than this (default: %(default)s)")  # fmt: skip
    p.add_argument("--timeout", type=_positive_number, default=fetch.DEFAULT_TIMEOUT,
                   metavar="SECONDS",
                   help="network timeout for URLs (default: %(default)s)")  # fmt: skip
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar and no list of skipped inputs on stderr")  # fmt: skip


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Turn a day's news articles into a short, sourced, themed brief."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    algo = {
        "default": DEFAULT_RANKER,
        "metavar": "NAME",
        "help": "ranking algorithm (default: %(default)s); an unknown name lists those installed",
    }

    b = sub.add_parser("build", help="write the brief as Markdown, HTML and JSON")
    b.add_argument("sources", nargs="*", metavar="SOURCES", help="files or folders of articles "
                   "(default: the bundled sample corpus)")  # fmt: skip
    b.add_argument("--out", type=Path, metavar="DIR",
                   help="output folder (default: briefs)")  # fmt: skip
    b.add_argument("--date", type=_date, help="date of the brief (default: newest article date)")
    b.add_argument("--title", type=_title, help="title (default: Daily Brief)")
    b.add_argument("--themes", type=_themes_option, metavar="FILE|auto",
                   help="themes file (TOML), or auto: learn the themes from the day "
                   "(default: the bundled themes where they fit the day)")  # fmt: skip
    b.add_argument("--templates", type=Path, metavar="DIR",
                   help="folder searched for templates before the defaults")  # fmt: skip
    b.add_argument("--algorithm", **{**algo, "default": None})  # type: ignore[arg-type]
    b.add_argument("--items", type=_positive, metavar="N",
                   help="most items in the brief (default: as many as the day holds)")  # fmt: skip
    b.add_argument("--words", type=_positive, metavar="N",
                   help="about N words in the brief (default: as the day holds)")  # fmt: skip
    past = b.add_mutually_exclusive_group()
    past.add_argument("--history-days", type=_days, metavar="N",
                      help="leave out what the briefs of the last N days in --out said, mark "
                      "updates (default: 7)")  # fmt: skip
    past.add_argument("--no-history", action="store_true",
                      help="ignore earlier briefs: build the day's brief alone")  # fmt: skip
    _add_input_options(b)

    s = sub.add_parser("summarize", help="print a plain extractive summary, one sentence a line")
    s.add_argument("sources", nargs="*", metavar="SOURCES",
                   help="files, folders or URLs of articles")  # fmt: skip
    size = s.add_mutually_exclusive_group()
    size.add_argument("--words", type=_positive, metavar="N",
                      help="stop at the sentence that reaches N words (default: 100)")  # fmt: skip
    size.add_argument("--sentences", type=_positive, metavar="N", help="print N sentences")
    s.add_argument("--algorithm", **algo)  # type: ignore[arg-type]
    _add_input_options(s)
    _add_evaluate_command(sub)
    _add_build_delivery_options(b)
    _add_delivery_commands(sub)
    _add_themes_command(sub)
    return parser


def _add_evaluate_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    e = sub.add_parser("evaluate", help="score each algorithm's summaries against human ones "
                       "(ROUGE-1 and ROUGE-2 recall)")  # fmt: skip
    e.add_argument("clusters", type=Path, metavar="CLUSTERS",
                   help="folder of cluster folders, each holding one story's articles")  # fmt: skip
    e.add_argument("references", type=Path, metavar="REFERENCES",
                   help="human summaries: REFERENCES/<cluster>/* or <cluster>.* files")  # fmt: skip
    e.add_argument("--words", type=_positive, default=100, metavar="N",
                   help="cut each summary to its first N words (default: %(default)s)")  # fmt: skip
    e.add_argument("--algorithm", nargs="+", default=[DEFAULT_RANKER], metavar="NAME",
                   help="algorithms to compare, or all (default: %(default)s)")  # fmt: skip
    e.add_argument("--update", action="store_true",
                   help="update setting: batches TOPIC-A, -B, -C of one topic; each later "
                   "batch also given the summaries before it (B given A, C given A+B)")  # fmt: skip
    e.add_argument("--json", action="store_true", help="print the results as JSON")
    e.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def _add_themes_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``brief themes suggest``: a draft themes file for a new story."""
    t = sub.add_parser("themes", help="help writing a themes file")
    actions = t.add_subparsers(dest="themes_command", required=True, metavar="ACTION")
    g = actions.add_parser("suggest", help="print a draft themes file (TOML) for the story "
                           "the articles tell, to edit and pass to build --themes")  # fmt: skip
    g.add_argument("sources", nargs="*", metavar="SOURCES",
                   help="files, folders or URLs of articles")  # fmt: skip
    g.add_argument("--k", type=_positive, metavar="N",
                   help="number of themes to propose (default: as many as the day holds, "
                   "2 to 6, as brief build learns them)")  # fmt: skip
    g.add_argument("--out", type=Path, metavar="FILE",
                   help="write the draft to FILE instead of printing it")  # fmt: skip
    _add_input_options(g)


def _add_config_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", type=Path, metavar="FILE",
                   help=f"settings file (default: ./{CONFIG_NAME} when there is one)")  # fmt: skip


def _add_recipients_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--to", action="append", metavar="ADDR",
                   help="recipient, repeatable (default: email.to in the config)")  # fmt: skip


def _add_site_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", type=Path, metavar="DIR",
                   help="site folder (default: site.dir in the config)")  # fmt: skip


def _add_build_delivery_options(b: argparse.ArgumentParser) -> None:
    """``build --publish --send``: the daily job in one command."""
    _add_config_option(b)
    b.add_argument("--publish", action="store_true", help="then add the brief to the site")
    b.add_argument("--send", action="store_true", help="then email the brief")
    _add_site_option(b)
    _add_recipients_option(b)


def _add_delivery_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    brief_help = "the .html or .json file that brief build wrote"
    m = sub.add_parser("send", help="email a built brief")
    m.add_argument("brief", type=Path, metavar="BRIEF", help=brief_help)
    _add_config_option(m)
    _add_recipients_option(m)
    m.add_argument("--dry-run", action="store_true",
                   help="write the message to BRIEF's .eml file instead of sending it")  # fmt: skip
    m.add_argument("--eml", type=Path, metavar="FILE",
                   help="write the message to FILE instead of sending it")  # fmt: skip
    p = sub.add_parser("publish", help="add a built brief to the static site and its feed")
    p.add_argument("brief", type=Path, metavar="BRIEF", help=brief_help)
    _add_config_option(p)
    _add_site_option(p)


def _report_skipped(skipped: Sequence[Skipped], quiet: bool = False) -> None:
    if quiet:
        return  # still listed in the brief itself
    for item in skipped:
        print(f"{PROG}: skipped {item.path}: {item.reason}", file=sys.stderr)


def _sources(args: argparse.Namespace) -> tuple[str, ...]:
    """The sources named on the command line, then those the sources file lists."""
    from summarizer.reading.sources import sources_file

    listed = sources_file(args.sources_file) if args.sources_file else []
    return (*args.sources, *listed)


def _read_options(args: argparse.Namespace) -> pipeline.ReadOptions:
    """The options every reading command shares."""
    from summarizer import pipeline

    if args.since and args.until and args.since > args.until:
        raise ConfigError("--since is later than --until")
    return pipeline.ReadOptions(
        max_bytes=int(args.max_size * 1024 * 1024),
        timeout=args.timeout,
        window=dates.Window(args.since, args.until),
        quiet=args.quiet,
    )


def _config(args: argparse.Namespace) -> Config:
    """The config file's settings with the options given on the command line on top."""
    options = ("out", "title", "themes", "templates", "algorithm", "items", "words")
    no_history = getattr(args, "no_history", False)
    return with_overrides(
        load_config(args.config),
        **{name: getattr(args, name, None) for name in options},
        history_days=0 if no_history else getattr(args, "history_days", None),
        email_to=tuple(args.to) if getattr(args, "to", None) else None,
        site_dir=getattr(args, "site", None),
    )


def _build(args: argparse.Namespace) -> int:
    from summarizer import pipeline
    from summarizer.delivery import targets as delivery
    from summarizer.selecting.brief import Size

    config = _config(args)
    targets = delivery.targets_for(config, publish=args.publish, send=args.send)
    delivery.check(targets, config)
    sources = _sources(args) or config.sources or (str(examples_dir()),)
    result = pipeline.build(
        pipeline.BuildRequest(
            sources=sources,
            out_dir=config.out,
            algorithm=config.algorithm,
            size=Size(config.items, config.words),
            title=config.title,
            date=args.date,
            themes=config.themes,
            templates_dir=config.templates,
            read=_read_options(args),
            history_days=config.history_days,
            history_site=config.site.dir if "site" in targets else None,
        )
    )
    for line in result.warnings:
        print(f"{PROG}: warning: {line}", file=sys.stderr)
    _report_skipped(result.brief.skipped, args.quiet)
    if not args.quiet:
        print(f"{PROG}: {result.themes_note}", file=sys.stderr)
    for path in result.paths:
        print(path)
    if targets:
        delivery.deliver_file(result.paths[-1], targets, config, print)
    return 0


def _send(args: argparse.Namespace) -> int:
    from summarizer.delivery import targets as delivery
    from summarizer.delivery.send import send_brief
    from summarizer.delivery.stored import load_stored

    config = _config(args)
    eml = args.eml or (args.brief.with_suffix(".eml") if args.dry_run else None)
    if eml is None:
        delivery.check(["email"], config)
        delivery.deliver_file(args.brief, ["email"], config, print)
    else:
        stored = load_stored(args.brief, config.templates)
        where = config.where()
        print(send_brief(stored, config.email, where=where, templates=config.templates, eml=eml))
    return 0


def _publish(args: argparse.Namespace) -> int:
    from summarizer.delivery import targets as delivery

    config = _config(args)
    delivery.check(["site"], config)
    delivery.deliver_file(args.brief, ["site"], config, print)
    return 0


def _themes(args: argparse.Namespace) -> int:
    from summarizer import pipeline

    draft, skipped = pipeline.suggest_themes(
        _sources(args),
        args.k,
        _read_options(args),
    )
    _report_skipped(skipped, args.quiet)
    if args.out:
        atomic_write_text(args.out, draft)
        print(args.out)
    else:
        print(draft, end="")
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from summarizer.evaluation import rouge
    from summarizer.ranking.rankers import ranker_names

    names = ranker_names() if "all" in args.algorithm else list(dict.fromkeys(args.algorithm))
    clusters, unmatched = rouge.find_clusters(args.clusters, args.references)
    for name in unmatched:
        print(f"{PROG}: no human summary for cluster {name}: left out", file=sys.stderr)
    if args.update:
        updates = rouge.evaluate_update(clusters, names, args.words, args.quiet)
        if args.json:
            print(json.dumps(rouge.update_json(updates, args.words), indent=2))
        else:
            print(rouge.update_table(updates, args.words))
        return 0
    scores = rouge.evaluate(clusters, names, args.words, args.quiet)
    if args.json:
        print(json.dumps(rouge.as_json(scores, args.words, unmatched), indent=2))
    else:
        print(rouge.table(scores, args.words))
    return 0


_COMMANDS = {
    "build": _build,
    "send": _send,
    "publish": _publish,
    "themes": _themes,
    "evaluate": _evaluate,
}


def _summarize(args: argparse.Namespace) -> int:
    from summarizer import pipeline

    words = None if args.sentences else (args.words or 100)
    items, skipped = pipeline.summarize(
        _sources(args),
        args.algorithm,
        words,
        args.sentences,
        _read_options(args),
    )
    _report_skipped(skipped, args.quiet)
    for item in items:
        print(item.text)
    return 0


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse, letting sources follow options (``build URL --timeout 3 DIR``): argparse takes
    the positionals before the first option only, and leaves the rest over."""
    args, rest = parser.parse_known_args(argv)
    if rest and isinstance(getattr(args, "sources", None), list):
        unknown = [arg for arg in rest if arg.startswith("-")]
        if not unknown:
            args.sources.extend(rest)
            return args
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``brief`` command; returns the exit status."""
    args = _parse(_parser(), argv)
    # A day's run makes a few hundred thousand small objects that live until it ends; the
    # cyclic collector's default pace rescans them over and over (a sixth of a large build).
    gc.set_threshold(50_000, 20, 100)
    try:
        return _COMMANDS.get(args.command, _summarize)(args)
    except BriefError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: still one line, the traceback only on request
        if os.environ.get("BRIEF_DEBUG"):
            raise
        print(f"{PROG}: internal error: {exc!r} (set BRIEF_DEBUG=1 for details)", file=sys.stderr)
        return 1
