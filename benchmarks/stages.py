"""Where a build's time goes: each stage of `brief build` timed on its own, in one process.

Usage:
    python benchmarks/stages.py DUC2006_DOCS [--articles N] [--repeat 3]

DUC2006_DOCS is DEV_DATA/duc2006/docs (NIST data, never committed); the first N articles in
sorted order (all by default). Each stage is the pipeline's own call, timed in turn: imports,
reading and cleaning, stories, splitting, ranking, merging, themes, theme model, selecting
(the concepts' model and the brief: of the stories on a day of several, else themed);
medians of --repeat runs, each a fresh process. Exits 0 with a message when the folder is
absent. Not a test: run by hand, on an idle machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

_RUN = """
import json, sys, time
t0 = time.perf_counter()
from summarizer import config, pipeline
from summarizer.cleaning import intake
from summarizer.reading import sources
from summarizer.text import sentences
from summarizer.ranking.rankers import get_ranker, rank_sentences
from summarizer.merging.redundancy import merge
from summarizer.pipeline import _concepts
from summarizer.history.earlier import NO_HISTORY
from summarizer.selecting.brief import select_brief
from summarizer.selecting.stories import by_stories, select_stories
from summarizer.stories.detect import find_stories
from summarizer.themes.choice import choose_themes, file_themes
from summarizer.themes.fit import learn_items
took = {"imports": time.perf_counter() - t0}
def timed(name, call):
    start = time.perf_counter()
    value = call()
    took[name] = time.perf_counter() - start
    return value
found, _ = sources.gather(sys.argv[1:])
articles, _ = timed("reading and cleaning", lambda: intake.read_and_clean(found))
stories = timed("stories", lambda: find_stories(articles))
found = timed("splitting", lambda: sentences.split_all(articles))
ranker = get_ranker(config.DEFAULT_RANKER)
scores = timed("ranking", lambda: rank_sentences(ranker, found))
by_id = {a.id: a for a in articles}
items = timed("merging", lambda: merge(found, scores, by_id))
themes = file_themes(None)
choice = timed("themes", lambda: choose_themes(items, themes, None))
model = timed("theme model", lambda: learn_items(items, choice.themes))
corpus = pipeline.Corpus(tuple(articles), tuple(found), ())
def select():
    concepts = _concepts(ranker, corpus, NO_HISTORY)
    if by_stories(stories, items, themes, None) is not None:
        return select_stories(items, concepts, stories, by_id, None, themes)
    return select_brief(items, concepts, choice.themes, model, by_id)
timed("selecting", select)
print(json.dumps(took))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", type=Path)
    parser.add_argument("--articles", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.docs.is_dir():
        print(f"{args.docs}: not found, nothing to measure")
        return 0
    files = sorted(str(p) for p in args.docs.rglob("*") if p.is_file())
    files = files[: args.articles] if args.articles else files
    runs = []
    for _ in range(args.repeat):
        done = subprocess.run(
            [sys.executable, "-c", _RUN, *files], capture_output=True, text=True, check=True
        )
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"{len(files)} articles, wall seconds, median of {args.repeat}")
    for stage in runs[0]:
        print(f"{stage:<22} {statistics.median(r[stage] for r in runs):6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
