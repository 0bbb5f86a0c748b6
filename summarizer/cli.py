"""Command line: parse arguments, run the pipeline, map errors to one line and an exit status.

The options of every command are declared once in ``config.options``; this module adds them
to the parsers, with the positional arguments. Each command imports what it runs when it runs
(the pipeline, delivery): ``--help``, ``--version`` and a mistyped option answer at once,
without numpy, scipy, nltk or sumy.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import json
import os
import select
import signal
import sys
import threading
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer import __version__
from summarizer.config import Config, load_config, with_overrides
from summarizer.config.options import (
    BUILD,
    EVALUATE,
    FILE_COMMANDS,
    OPTIONS,
    PUBLISH,
    SEND,
    STORIES,
    SUGGEST,
    SUMMARIZE,
    Option,
    of_command,
)
from summarizer.errors import BriefError, ConfigError, RepairedInput, Terminated

if TYPE_CHECKING:
    from summarizer import pipeline
    from summarizer.models import Skipped

PROG = "brief"
_SOURCES = "files, folders or URLs of articles"
_BRIEF = "the .md, .html or .json file that brief build wrote"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Turn a day's news articles into a short, sourced, themed brief."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    b = sub.add_parser("build", help="write the brief as Markdown, HTML and JSON")
    b.add_argument("sources", nargs="*", metavar="SOURCES", help=f"{_SOURCES} (default: "
                   "brief.toml's sources, else the bundled sample corpus)")  # fmt: skip
    s = sub.add_parser("summarize", help="print a plain extractive summary, one sentence a line")
    s.add_argument("sources", nargs="*", metavar="SOURCES",
                   help=f"{_SOURCES} (default: brief.toml's sources)")  # fmt: skip
    e = sub.add_parser("evaluate", help="score each algorithm's summaries against human ones "
                       "(ROUGE-1 and ROUGE-2 recall)")  # fmt: skip
    e.add_argument("clusters", type=Path, metavar="CLUSTERS",
                   help="folder of cluster folders, each holding one story's articles")  # fmt: skip
    e.add_argument("references", type=Path, metavar="REFERENCES",
                   help="human summaries: REFERENCES/<cluster>/* or <cluster>.* files")  # fmt: skip
    m = sub.add_parser("send", help="email a built brief")
    m.add_argument("brief", type=Path, metavar="BRIEF", help=_BRIEF)
    p = sub.add_parser("publish", help="add a built brief to the static site and its feed")
    p.add_argument("brief", type=Path, metavar="BRIEF", help=_BRIEF)
    r = sub.add_parser("stories", help="list the day's stories, largest first: title, "
                       "articles, outlets, dates")  # fmt: skip
    r.add_argument("sources", nargs="*", metavar="SOURCES", help=_SOURCES)
    t = sub.add_parser("themes", help="help writing a themes file")
    actions = t.add_subparsers(dest="themes_command", required=True, metavar="ACTION")
    g = actions.add_parser("suggest", help="print a draft themes file (TOML) for the story "
                           "the articles tell, to edit and pass to build --themes")  # fmt: skip
    g.add_argument("sources", nargs="*", metavar="SOURCES", help=_SOURCES)
    parsers = {BUILD: b, SUMMARIZE: s, STORIES: r, EVALUATE: e, SEND: m, PUBLISH: p, SUGGEST: g}
    for command, each in parsers.items():
        _add_options(each, command)
    return parser


def _add_options(parser: argparse.ArgumentParser, command: str) -> None:
    """The command's declared options, in the table's order; a group's exclude each other."""
    groups: dict[str, argparse._MutuallyExclusiveGroup] = {}
    for option in of_command(command):
        target: argparse._ActionsContainer = parser
        if option.group is not None:
            if option.group not in groups:
                groups[option.group] = parser.add_mutually_exclusive_group()
            target = groups[option.group]
        target.add_argument(*option.flags, **_argument(option, command))


def _argument(option: Option, command: str) -> dict[str, Any]:
    """``add_argument``'s keywords for a declared option. A setting brief.toml can hold
    defaults to None on a command that reads the file, so the file's value stays."""
    help_line = option.help_for(command).replace("%", "%%")
    if option.kind == "switch":
        if option.sets is None:
            return {"action": "store_true", "dest": option.dest, "help": help_line}
        return {"action": "store_const", "const": option.sets[1], "dest": option.dest,
                "help": help_line}  # fmt: skip
    from_file = option.toml is not None and command in FILE_COMMANDS
    return {
        "dest": option.dest,
        "type": _word(option.value.parse),
        "metavar": option.metavar,
        "help": help_line,
        "default": None if from_file else option.default,
        **({"action": "append"} if option.kind == "repeated" else {}),
        **({"nargs": "+"} if option.kind == "several" else {}),
    }


def _word(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    """An argparse type: a bad word becomes argparse's one line naming the flag."""

    def convert(word: str) -> Any:
        try:
            return parse(word)
        except (TypeError, ValueError) as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return convert


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
    from summarizer.reading.dates import Window

    if args.since and args.until and args.since > args.until:
        raise ConfigError("--since is later than --until")
    return pipeline.ReadOptions(
        max_bytes=int(args.max_size * 1024 * 1024),
        timeout=args.timeout,
        window=Window(args.since, args.until),
        quiet=args.quiet,
    )


def _config(args: argparse.Namespace) -> Config:
    """The config file's settings with the options given on the command line on top."""
    given = {
        option.dest: getattr(args, option.dest, None)
        for option in OPTIONS
        if option.toml is not None and option.flags
    }
    lists = {dest: tuple(value) for dest, value in given.items() if isinstance(value, list)}
    return with_overrides(load_config(args.config), **{**given, **lists})


def _deliveries(args: argparse.Namespace, config: Config) -> tuple[list[str], list[str]]:
    """The targets a build would deliver to, and those it will: none with ``--no-deliver``.
    They are checked and named on stderr before anything is built, so a trial run in a
    folder whose brief.toml delivers is never a surprise send."""
    if not (config.deliver or args.publish or args.send):
        return [], []  # nothing to deliver: the delivery modules (email, TLS) need not load
    from summarizer.delivery import targets as delivery

    planned = delivery.targets_for(config, publish=args.publish, send=args.send)
    if args.no_deliver:
        if args.publish or args.send:
            raise ConfigError(
                "--no-deliver contradicts --publish and --send; give one or the other"
            )
        return planned, []
    delivery.check(planned, config)
    if planned:
        where = delivery.describe(planned, config)
        print(f"{PROG}: delivering to: {where} once built (--no-deliver: build only)",
              file=sys.stderr)  # fmt: skip
    return planned, planned


def _build(args: argparse.Namespace) -> int:
    from summarizer import pipeline
    from summarizer.runtime.resources import examples_dir
    from summarizer.selecting.brief import Size

    config = _config(args)
    planned, targets = _deliveries(args, config)
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
            # a trial run reads the same history as the delivering one: the same brief
            history_site=config.site.dir if "site" in planned else None,
            story=args.story,
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
        from summarizer.delivery import targets as delivery

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
    from summarizer.storage.atomic import atomic_write_text

    draft, skipped = pipeline.suggest_themes(_sources(args), args.k, _read_options(args))
    _report_skipped(skipped, args.quiet)
    if args.draft:
        atomic_write_text(args.draft, draft)
        print(args.draft)
    else:
        print(draft, end="")
    return 0


def _stories(args: argparse.Namespace) -> int:
    from summarizer import pipeline
    from summarizer.stories import listing

    day = pipeline.day_stories(_sources(args), _read_options(args))
    _report_skipped(day.skipped, args.quiet)
    if args.json:
        articles = {a.id: a for a in day.articles}
        print(json.dumps(listing.as_json(day.stories, articles), indent=2, ensure_ascii=False))
    else:
        print("\n".join(listing.as_lines(day.stories)))
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from summarizer.evaluation import rouge
    from summarizer.ranking.rankers import ranker_names

    wanted = args.algorithms
    names = ranker_names() if "all" in wanted else list(dict.fromkeys(wanted))
    clusters, unmatched = rouge.find_clusters(args.clusters, args.references)
    for name in unmatched:
        print(f"{PROG}: no human summary for cluster {name}: left out", file=sys.stderr)
    words = args.cut_words
    if args.update:
        updates = rouge.evaluate_update(clusters, names, words, args.quiet)
        if args.json:
            print(json.dumps(rouge.update_json(updates, words), indent=2))
        else:
            print(rouge.update_table(updates, words))
        return 0
    scores = rouge.evaluate(clusters, names, words, args.quiet)
    if args.json:
        print(json.dumps(rouge.as_json(scores, words, unmatched), indent=2))
    else:
        print(rouge.table(scores, words))
    return 0


def _summarize(args: argparse.Namespace) -> int:
    from summarizer import pipeline

    config = _config(args)  # brief.toml's sources and algorithm, as build reads them
    words = None if args.sentences else args.summary_words
    items, skipped = pipeline.summarize(
        _sources(args) or config.sources, config.algorithm, words, args.sentences,
        _read_options(args),
    )  # fmt: skip
    _report_skipped(skipped, args.quiet)
    for item in items:  # a view's line says whose view it is (``merging.views``)
        print(f"{item.label}: {item.text}" if item.label else item.text)
    return 0


_COMMANDS = {
    "build": _build,
    "summarize": _summarize,
    "send": _send,
    "publish": _publish,
    "stories": _stories,
    "themes": _themes,
    "evaluate": _evaluate,
}


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


def _show_repairs() -> None:
    """Each input used with bytes replaced (``RepairedInput``) as one warning line on stderr,
    every time (in worker processes too: they start with this in place)."""
    shown = warnings.showwarning

    def show(message: Warning | str, category: type[Warning], *where: Any, **how: Any) -> None:
        if issubclass(category, RepairedInput):
            print(f"{PROG}: warning: {message}", file=sys.stderr)
        else:
            shown(message, category, *where, **how)

    warnings.simplefilter("always", RepairedInput)
    warnings.showwarning = show


@contextlib.contextmanager
def _terminate_unwinds() -> Iterator[None]:
    """SIGTERM raises ``Terminated``, so a stopped job unwinds as Ctrl-C does: nothing half
    written, worker processes ended, one line. Only the main thread may set a handler."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Terminated

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _stdout_closed() -> bool:
    """Whether standard output's reader has gone (a pipe's read end closed: poll says so);
    if so, it is pointed at the null device, so the flush at exit does not fail again."""
    try:
        fd = sys.stdout.fileno()
        if hasattr(select, "poll"):
            poller = select.poll()
            poller.register(fd, select.POLLOUT)
            if not any(event & select.POLLERR for _, event in poller.poll(0)):
                return False
        os.dup2(os.open(os.devnull, os.O_WRONLY), fd)
    except (OSError, ValueError):  # no file behind it
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``brief`` command; returns the exit status."""
    args = _parse(_parser(), argv)
    # A day's run makes a few hundred thousand small objects that live until it ends; the
    # cyclic collector's default pace rescans them over and over (a sixth of a large build).
    gc.set_threshold(50_000, 20, 100)
    # At exit the interpreter runs full collections over all of them, to free what the end of
    # the process frees anyway (0.4-0.8 s of a 500-article build): frozen, they are not rescanned.
    atexit.unregister(gc.freeze)  # once, however many commands a process runs
    atexit.register(gc.freeze)
    try:
        with warnings.catch_warnings(), _terminate_unwinds():
            _show_repairs()
            status = _COMMANDS[args.command](args)
            sys.stdout.flush()  # a closed pipe fails here, where it is answered, not at exit
            return status
    except BriefError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Terminated:
        print(f"{PROG}: terminated", file=sys.stderr)
        return Terminated.exit_code
    except BrokenPipeError as exc:
        if _stdout_closed():  # ``brief stories | head``: the reader has what it wanted
            return 141  # as a shell reports a pipe's writer ended by SIGPIPE
        print(f"{PROG}: internal error: {exc!r} (set BRIEF_DEBUG=1 for details)", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: still one line, the traceback only on request
        if os.environ.get("BRIEF_DEBUG"):
            raise
        print(f"{PROG}: internal error: {exc!r} (set BRIEF_DEBUG=1 for details)", file=sys.stderr)
        return 1
