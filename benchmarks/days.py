"""The days the speed benchmark runs on, written as folders of plain-text articles.

Usage:
    python benchmarks/days.py DEV_DATA OUT

The shared floor (``floor.py``) and sumy run (``sumy_lexrank.py``) read a folder of plain-text
``.txt`` articles, so every day is one: a title line, a ``date YYYY-MM-DD`` line, the body's
paragraphs and a ``Source: OUTLET`` trailer (the cleaning stage takes the last two as the
article's date and outlet, as it does on the seeds). ``brief`` reads the same folder.

- ``duc2006-500`` and ``duc2006-1250``: the first 500 and all 1,250 DUC 2006 articles;
- ``duc2007``: the DUC 2007 update batches as one day (250 articles); ``tac2011``: TAC 2011
  as one day (100 articles);
- ``ag10k``: the 7,600 AG News test items and 2,400 of them again with their figures and
  capitalised names varied, 10,000 short items;
- ``synth10k`` (and its first 1,250, 2,500 and 5,000 as ``synth1250`` …): DUC 2006 eight
  times over, each copy after the first with every figure and capitalised name varied, so
  no copy merges with another (the order interleaves the copies, so every prefix is a mix);
- ``lex80a`` and ``lex80b``: two different 80-article DUC 2006 days of 1,900-2,300 sentences,
  for the whole process against sumy LexRank.

NIST data is read from DEV_DATA and written only under OUT (a temporary folder): never commit
it. Exits 0 with a message when DEV_DATA lacks a set.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import functools
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from summarizer.models import Source
from summarizer.reading.duc import read_duc

COPIES = 8  # DUC 2006's 1,250 articles eight times: 10,000
SIZES = (1250, 2500, 5000)  # prefixes of the synthetic day, for time(2N) / time(N)
_NUMBER = re.compile(r"\d")
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}\b")
_STAMP = re.compile(r"(\d{4})/(\d\d)/(\d\d) ")
_WRITTEN = re.compile(r"(?:[A-Z][a-z]+day, )?([A-Z][a-z]+ \d{1,2}, \d{4})\s*")


@dataclass(frozen=True)
class Doc:
    title: str
    date: str
    outlet: str
    body: str

    def text(self) -> str:
        return f"{self.title}\n\ndate {self.date}\n\n{self.body}\n\nSource: {self.outlet}\n"


def duc_docs(folder: Path) -> list[Doc]:
    """Every article of a DUC docs folder, in cluster and file order."""
    docs = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        text = path.read_text(encoding="utf-8", errors="replace")
        for raw in read_duc(Source(str(path)), text):
            date = raw.date.isoformat() if raw.date else "2006-01-01"
            docs.append(Doc(raw.title or path.name, date, raw.outlet or "Wire", raw.text))
    return docs


def tac_docs(folder: Path) -> list[Doc]:
    """TAC 2011 source texts: a title line (a few start with a date, "2005/01/08 Tsunami
    aid …"), the date written out ("Saturday, January 1, 2005"), the body. One text has no
    date: it takes the date of the text before it, of its own topic."""
    docs: list[Doc] = []
    for path in sorted(folder.glob("*.english")):
        title, _, rest = path.read_text(encoding="utf-8").strip().partition("\n")
        rest, date = rest.strip(), docs[-1].date if docs else "2005-01-01"
        if stamp := _STAMP.match(title):
            title, date = title[stamp.end() :], "-".join(stamp.groups())
        if written := _WRITTEN.match(rest):
            rest = rest[written.end() :]
            if not stamp:  # the title's stamp, where there is one, is the date
                date = _iso(written[1])
        docs.append(Doc(title.strip(), date, "WikiNews", rest.strip()))
    return docs


def _iso(written: str) -> str:
    return dt.datetime.strptime(written, "%B %d, %Y").date().isoformat()


def ag_docs(csv_path: Path) -> list[Doc]:
    """AG News test items: title and description, one short article each."""
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = [(title, text) for _, title, text in csv.reader(handle)]
    return [Doc(t.replace("\\", " "), "2004-08-01", "AG", d.replace("\\", " ")) for t, d in rows]


def varied(doc: Doc, copy: int, names: list[str]) -> Doc:
    """The article with every digit shifted and every capitalised name inside a sentence
    swapped for another (a different one per copy): the same shape, other facts."""

    def name(match: re.Match[str]) -> str:
        return names[(hash_of(match[0]) + copy * 7919) % len(names)]

    def change(text: str) -> str:
        text = _NUMBER.sub(lambda m: str((int(m[0]) + copy) % 10), text)
        return _NAME.sub(name, text)

    return Doc(change(doc.title), doc.date, doc.outlet, change(doc.body))


def hash_of(word: str) -> int:
    """A stable hash (Python's own changes with each process)."""
    return sum((i + 1) * ord(c) for i, c in enumerate(word))


def names_in(docs: list[Doc]) -> list[str]:
    return sorted({m for doc in docs for m in _NAME.findall(doc.body)})


def interleaved(docs: list[Doc], copies: int) -> Iterator[Doc]:
    """``copies`` varied copies of the day, one article of each copy in turn."""
    names = names_in(docs)
    for doc in docs:
        for copy in range(copies):
            yield doc if copy == 0 else varied(doc, copy, names)


def write_day(folder: Path, docs: list[Doc]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    width = len(str(len(docs)))
    for i, doc in enumerate(docs):
        (folder / f"{i:0{width}d}.txt").write_text(doc.text(), encoding="utf-8")


@functools.cache
def _splitter() -> Callable[[str], list[str]]:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = {"mr", "mrs", "dr", "gen", "sen", "rep", "gov", "u.s", "inc"}
    split: Callable[[str], list[str]] = PunktSentenceTokenizer(params).tokenize
    return split


def sentences(doc: Doc) -> int:
    """About the sentences the shared tools find (Punkt with a list of abbreviations)."""
    return len(_splitter()(doc.text()))


def lexrank_days(docs: list[Doc], count: int = 2) -> list[list[Doc]]:
    """``count`` disjoint runs of 80 articles with 1,900-2,300 sentences each."""
    sizes = [sentences(doc) for doc in docs]
    days: list[list[Doc]] = []
    start = 0
    while len(days) < count and start + 80 <= len(docs):
        if 1900 <= sum(sizes[start : start + 80]) <= 2300:
            days.append(docs[start : start + 80])
            start += 80
        else:
            start += 10
    return days


def make_days(dev: Path, out: Path) -> dict[str, Path]:
    """Write every day the dev data allows under ``out``; name -> folder."""
    days: dict[str, list[Doc]] = {}
    duc2006 = dev / "duc2006" / "docs"
    if duc2006.is_dir():
        docs = duc_docs(duc2006)
        days["duc2006-500"], days["duc2006-1250"] = docs[:500], docs
        synthetic = list(interleaved(docs, COPIES))
        days["synth10k"] = synthetic
        days |= {f"synth{n}": synthetic[:n] for n in SIZES}
        days |= {f"lex80{'ab'[i]}": day for i, day in enumerate(lexrank_days(docs))}
    if (dev / "duc2007_update" / "docs").is_dir():
        days["duc2007"] = duc_docs(dev / "duc2007_update" / "docs")
    tac = dev / "tac2011_multiling_english" / "source_texts"
    if tac.is_dir():
        days["tac2011"] = tac_docs(tac)
    ag = dev / "topics" / "ag_news_test" / "test.csv"
    if ag.is_file():
        items = ag_docs(ag)
        names = names_in(items)
        more = [varied(doc, 1, names) for doc in items[: 10_000 - len(items)]]
        days["ag10k"] = items + more
    for name, docs in days.items():
        write_day(out / name, docs)
    return {name: out / name for name in days}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dev_data", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    if not args.dev_data.is_dir():
        print(f"no dev data at {args.dev_data}: nothing to write")
        return 0
    for name, folder in make_days(args.dev_data, args.out).items():
        print(f"{name}: {sum(1 for _ in folder.iterdir())} articles in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
