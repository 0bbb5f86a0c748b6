"""Which sentences the stand-alone rules refuse or repair, rule by rule, with examples to read.

Usage:
    python benchmarks/standalone.py CLUSTER [CLUSTER ...] [--examples N] [--json]

Each CLUSTER is a folder (or file) ``brief build`` reads: one DUC or TAC cluster of the shared
dev data, or any day's articles. Every sentence that stands alone in form (``is_standalone``)
is judged in its article as the brief judges it (``sentences.in_context``, and the interview
paragraphs of ``voices.py``), and counted under the rule that refuses it, or under "named in
brackets" when a description gets its body's name. Reading the examples of a rule on clusters
it was not written on is how its false refusals are found: a good news sentence refused costs
the brief its best item.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from summarizer.models import Article, Sentence
from summarizer.pipeline import ReadOptions, load
from summarizer.text import voices
from summarizer.text.sentences import in_context, is_standalone, lowercase_words

REPAIRED = "named in brackets"
INTERVIEW = "interview question or answer"


@dataclass
class Tally:
    """Sentences that stand alone in form, and what the rules made of them."""

    judged: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, rule: str, text: str) -> None:
        self.counts[rule] += 1
        self.examples[rule].append(text)


def judge_article(article: Article, sentences: list[Sentence], tally: Tally) -> None:
    """Count one article's sentences under the rule that refuses or repairs each."""
    ordinary = lowercase_words(article.paragraphs)
    interview = voices.interview_paragraphs(article.paragraphs)
    printed = [s.as_printed for s in sentences]
    for i, sentence in enumerate(sentences):
        if not is_standalone(sentence.text):
            continue
        tally.judged += 1
        if sentence.paragraph in interview:
            tally.add(INTERVIEW, sentence.text)
            continue
        reading = in_context(sentence.text, (article.title, *printed[:i]), ordinary)
        if reading.refused:
            tally.add(reading.refused, sentence.text)
        elif reading.names:
            head, name = reading.names[0]
            tally.add(REPAIRED, f"[{name}] {head}: {sentence.text}")


def judge_clusters(clusters: list[str]) -> Tally:
    tally = Tally()
    for cluster in clusters:
        corpus = load([cluster], ReadOptions(quiet=True))
        by_article: dict[int, list[Sentence]] = defaultdict(list)
        for sentence in corpus.sentences:
            by_article[sentence.article].append(sentence)
        for article in corpus.articles:
            judge_article(article, by_article[article.id], tally)
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", nargs="+")
    parser.add_argument("--examples", type=int, default=10, help="examples shown per rule")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    tally = judge_clusters(args.clusters)
    shown = random.Random(0)  # the same examples every run
    examples = {
        rule: shown.sample(texts, min(args.examples, len(texts)))
        for rule, texts in sorted(tally.examples.items())
    }
    if args.json:
        print(json.dumps({"judged": tally.judged, "counts": tally.counts, "examples": examples}))
        return 0
    print(f"{tally.judged} sentences stand alone in form")
    for rule, count in tally.counts.most_common():
        print(f"\n{rule}: {count} ({100 * count / max(tally.judged, 1):.1f}%)")
        for text in examples[rule]:
            print(f"  - {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
