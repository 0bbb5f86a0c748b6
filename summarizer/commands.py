"""What each command of ``brief`` runs, from its parsed arguments: the pipeline's stages for
``build``, ``summarize`` and ``stories``, delivery for ``send`` and ``publish``, the ROUGE
evaluation for ``evaluate``. ``cli`` parses the arguments and maps what these raise to one line
and an exit status.

Each command imports what it runs when it runs (the pipeline, delivery): ``--help`` and a
mistyped option answer without numpy, scipy, nltk or sumy.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from summarizer.config import Config, load_config, with_overrides
from summarizer.config.options import OPTIONS
from summarizer.errors import ConfigError

if TYPE_CHECKING:
    from summarizer import pipeline
    from summarizer.models import Skipped

PROG = "brief"


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


# Each command by name, as ``cli`` dispatches it.
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "build": _build,
    "summarize": _summarize,
    "send": _send,
    "publish": _publish,
    "stories": _stories,
    "themes": _themes,
    "evaluate": _evaluate,
}
