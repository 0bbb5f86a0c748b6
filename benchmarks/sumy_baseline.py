"""What a new user gets from sumy alone on the same articles, as a brief JSON to lint.

Usage:
    python benchmarks/sumy_baseline.py [SOURCES...] [--sentences 12] > /tmp/sumy.json
    python -m tests.brieflint /tmp/sumy.json   # from the checkout

The files are read as they are (no cleaning), joined into one document and ranked with sumy's
LexRank, as sumy's own README shows. sumy's tokenizer needs NLTK's punkt_tab, which cannot be
downloaded here, so its sentences come from our splitter, line by line — the only help given.
Each sentence is credited to the file it came from.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

from summarizer.runtime.resources import examples_dir
from summarizer.text.splitting import split_sentences
from summarizer.text.words import words


class _Words:
    """The word tokenizer sumy would use, without NLTK data."""

    def to_words(self, sentence: str) -> list[str]:
        return words(sentence)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", type=Path)
    parser.add_argument("--sentences", type=int, default=12)
    args = parser.parse_args()
    files = args.sources or sorted(examples_dir().glob("*.txt"))
    tokenizer = _Words()
    origin: dict[str, str] = {}
    paragraphs = []
    for path in files:
        sentences = []
        for line in path.read_text(encoding="utf-8").splitlines():
            for text in split_sentences(line):
                origin.setdefault(text, path.stem)
                sentences.append(SumySentence(text, tokenizer))
        paragraphs.append(Paragraph(sentences))
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    chosen = summarizer(ObjectDocumentModel(paragraphs), args.sentences)
    items: list[dict[str, Any]] = [
        {"text": str(s), "sources": [{"name": origin[str(s)]}]} for s in chosen
    ]
    brief = {"title": "sumy LexRank", "date": "", "sections": [{"theme": "all", "items": items}]}
    json.dump(brief, sys.stdout, ensure_ascii=False, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
