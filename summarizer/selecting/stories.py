"""The brief of a day of many stories: its top stories as sections, the rest a line each.

A wire's day or a newsroom's intake holds many stories; sections named after themes would mix
them (a heading "United States" over four sentences from three stories). So when the day holds
several stories (``summarizer.stories``) and no themes file of the user's fits it, each of the
top stories is a section under its own title: its main fact first (the opening of its newest
report: a folder may hold a story's whole week), then the best of what the story adds,
chosen as the editor's brief chooses its lead (``brief.lead_items``), so each story reads as
a short brief of its own. The section's title is the headline of the report its main fact
comes from, and its other items are the best of those that headline tells: a story followed
for months is many events, and four lines from four of its reports are no section under one
of their headlines (``_told_items``). The smaller stories follow as one line each, their
main fact, under "Also today": among stories alike in size, a toll of lives first. A feed's
day (many items, each a story of its own, no two stories told twice) is its lines alone,
under "In brief": the one story two of its items tell may be two items that share a word.

Every item of a story's section comes from that story's articles: an item merged from
sentences of several stories (a wire copy filed in two) goes to the story most of its
sentences come from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from summarizer.models import Article, Item, Section, Story, ThemesUsed
from summarizer.ranking.concepts import ConceptModel
from summarizer.selecting import fresh, hooks, news, once
from summarizer.selecting.brief import Chosen, lead_items, order_lead, select_brief
from summarizer.selecting.budget import STORY
from summarizer.selecting.story_titles import main_fact_headlines, section_title, told_by
from summarizer.stories.detect import is_one_story, standing
from summarizer.text.statements import repeats, statement
from summarizer.text.value import grave, lives, news_value, public
from summarizer.themes.choice import AUTO, FIT, measure_fit
from summarizer.themes.fit import learn_items
from summarizer.themes.themefile import Theme

# The top stories that get a section of their own; the next ones a line each.
TOP_STORIES = 6
ALSO_TODAY = 10
# A story's section: its main fact and its best few items, in about this many words.
STORY_ITEMS = 4
STORY_WORDS = 100
# A story carried by fewer articles than this is a line under "Also today", not a section;
# so is one with fewer items than this to say (a heading over one line is no section).
MIN_ARTICLES = 2
MIN_ITEMS = 2
# A day of this many stories is a day of many though none has two articles (a feed's items).
FEED_STORIES = 5
# The share of a day of stories' articles its stories told twice hold at least (``_told_twice``).
TOLD_SHARE = 0.25
ALSO_KEY = "also-today"
ALSO_TITLE = "Also today"
IN_BRIEF = "In brief"


def by_stories(
    stories: Sequence[Story],
    items: Sequence[Item],
    themes: Sequence[Theme],
    asked: Path | str | None,
) -> ThemesUsed | None:
    """How the brief is organised when its sections are the day's stories, or None when it
    is themed. They are when the day holds several (two with more than one article each) and
    the user neither asked for themes learned from the whole day (``--themes auto``) nor named
    a themes file that fits the whole day. The bundled themes, which describe one story (the
    war's Diplomacy, Battlefield, NATO), never stand over a day of many: their common words
    ("strike", "talks") would put a ferry strike under Battlefield. Decided before any theme
    is learned: a day of many stories needs none."""
    if asked == AUTO or is_one_story(stories):
        return None
    # Several stories means two told by more than one article each, or a feed's many items
    # on as many stories: two reports of one ferry disaster that read as two stories are not
    # a day of many.
    if not (_told_twice(stories) or _feed(stories)):
        return None
    fit = measure_fit(items, themes).fit
    if asked is not None and fit >= FIT:
        return None
    return ThemesUsed("stories", round(fit, 4))


def _told_twice(stories: Sequence[Story]) -> bool:
    """Whether two or more of the day's stories are told by more than one article each, and
    those stories hold ``TOLD_SHARE`` of the day's articles: a day of stories, not a feed's
    items, each a story of its own. Among a feed's 40 short items, two pairs that share a word
    or two (a golf round and a hockey game: "Cup") are no day of stories, and their headings
    would stand over unrelated lines."""
    told = [len(story.articles) for story in stories if len(story.articles) >= MIN_ARTICLES]
    day = sum(len(story.articles) for story in stories)
    return len(told) >= 2 and sum(told) >= TOLD_SHARE * day


def _feed(stories: Sequence[Story]) -> bool:
    """Whether the day is a feed's items, each a story of its own: ``FEED_STORIES`` or more
    stories, no two told twice."""
    return len(stories) >= FEED_STORIES and not _told_twice(stories)


def story_note(stories: Sequence[Story], chosen: Chosen) -> str:
    """The line the build prints on how the brief is organised."""
    shown = sum(1 for section in chosen.sections if section.kind == "story")
    also = sum(len(section.items) for section in chosen.sections if section.kind == "also")
    if not shown:  # a feed's day: its lines are the brief
        told = f"stories: the day holds {len(stories)}, a feed's items; {also} a line each"
        return told + " (`brief stories` lists them all)"
    return (
        f"stories: the day holds {len(stories)}; the top {shown} are the brief's sections"
        + (f", {also} more a line each" if also else "")
        + " (`brief stories` lists them all)"
    )


def select_stories(
    items: Sequence[Item],
    model: ConceptModel | None,
    stories: Sequence[Story],
    articles: Mapping[int, Article],
    date: dt.date | None = None,
    themes: Sequence[Theme] = (),
) -> Chosen:
    """The sections of a day of many stories (module docstring); no lead block, as each
    story opens with its own main fact. A top story the ``themes`` fit (as a themes file must
    fit a day: ``FIT``) is briefed in them: its main news, then its themes' sections."""
    kept = hooks.without_hooks(fresh.showable(items, articles, date), articles)
    own = _items_by_story(kept, stories)
    # A feed's day is its items' lines: the one story two of them tell may be two items
    # that share a team's name, and its section would head the lines with their sport
    # (reading 21: "Garcia a key player in Europeans' success" over Moya's Davis Cup).
    top = 0 if _feed(stories) else TOP_STORIES
    sections: list[Section] = []
    also: list[tuple[tuple[int, int, int], Item]] = []
    for n, story in enumerate(stories):
        mine = own.get(n, [])
        if not mine:
            continue
        theirs = _articles_of(story, mine, articles)
        newest = _newest(story, articles) or date
        shown = sum(1 for section in sections if section.kind == "story")
        if shown < top and len(story.articles) >= MIN_ARTICLES:
            told = theirs, newest, themes
            parts = _story_sections(f"story-{n + 1}", story, mine, model, articles, told)
            if len(parts) > 1 or (parts and len(parts[0].items) >= MIN_ITEMS):
                sections += parts
                continue
        # a smaller story, or one with only a line to say: a line under "Also today"
        if line := _main_fact(mine, theirs, newest):
            also.append((_rank_key(story, feed=not top), line))
    if also:
        lines = _new_lines([line for _, line in sorted(also, key=_also_order)], sections)
        title = ALSO_TITLE if sections else IN_BRIEF  # a feed's day: its lines are the brief
        sections.append(Section(ALSO_KEY, title, lines, "also"))
    return Chosen((), tuple(sections))


def _story_sections(
    key: str,
    story: Story,
    items: Sequence[Item],
    model: ConceptModel | None,
    day: Mapping[int, Article],
    told: tuple[Mapping[int, Article], dt.date | None, Sequence[Theme]],
) -> list[Section]:
    """A top story's section, its main fact first; and when the ``themes`` fit it, its
    themes' sections after it (``kind`` "theme", with the story's articles)."""
    articles, date, themes = told
    paths = tuple(day[a].path for a in sorted(story.articles) if a in day)
    parts: list[Section] = []
    if themes and measure_fit(items, themes).fit >= FIT:
        placer = learn_items(items, themes)
        chosen = select_brief(items, model, themes, placer, articles, keep_themes=True, date=date)
        picked = list(chosen.lead)
        parts = [replace(s, theme=f"{key}-{s.theme}", articles=paths) for s in chosen.sections]
        title = section_title(story, picked, day) if picked else ""
    else:
        title, picked = _told_items(story, items, model, articles, date, day)
    if not picked:
        return []
    return [Section(key, title, tuple(picked), "story", paths), *parts]


def _told_items(
    story: Story,
    items: Sequence[Item],
    model: ConceptModel | None,
    articles: Mapping[int, Article],
    date: dt.date | None,
    day: Mapping[int, Article],
) -> tuple[str, list[Item]]:
    """A story section's title and items, agreeing: a story followed for years has many
    reports, and its best items can come from four of them, which no headline tells. So the
    main fact is chosen first; when no headline of its reports tells every item chosen
    (``told_by``), the headline of the report it is printed from heads the section and the
    items are the best of those that headline tells. Fewer items are better than items the
    title does not tell; but a headline telling only the main fact would leave a section of
    one line, and then the items stand as chosen, under the title that fits them best
    (``section_title``), as they do when a headline tells them all."""
    picked = _story_items(items, model, articles, date)
    heads = main_fact_headlines(story, picked, day)
    if not heads or any(all(told_by(text, ids, picked, day)) for text, ids in heads):
        # no headline to agree with, or one of the main fact's reports tells every item
        # already: the items stand, under the title that fits them (``section_title``)
        return (section_title(story, picked, day) if picked else ""), picked
    text, reports = heads[0]
    pool = [it for it, ok in zip(items, told_by(text, reports, items, day), strict=True) if ok]
    again = _story_items(pool, model, articles, date, picked[0])
    if len(again) < 2:
        return section_title(story, picked, day), picked
    return text, again


def _story_items(
    items: Sequence[Item],
    model: ConceptModel | None,
    articles: Mapping[int, Article],
    date: dt.date | None,
    first: Item | None = None,
) -> list[Item]:
    """A story's main fact (``first`` when already chosen) and its best few items, each fact
    once."""
    chosen = lead_items(
        items, model, articles, STORY_WORDS, STORY_ITEMS, date, first, older=True, worth=STORY
    )
    picked, _ = once.one_each(chosen, [], items, articles)
    return list(order_lead(picked, articles)[:STORY_ITEMS])


def _new_lines(ordered: Sequence[Item], shown: Sequence[Section]) -> tuple[Item, ...]:
    """The first ``ALSO_TODAY`` of the ``ordered`` lines that say nothing the brief said
    before them (``statements.repeats``, the brief's own test: two stories' lines may share
    a figure and its words, "30 others ... four years ago", "a 30-day sentence ... 40 years
    ago")."""
    said = [statement(item.text) for section in shown for item in section.items]
    lines: list[Item] = []
    for line in ordered:
        if len(lines) == ALSO_TODAY:
            break
        new = statement(line.text)
        if not any(repeats(new, old) for old in said):
            lines.append(line)
            said.append(new)
    return tuple(lines)


def _rank_key(story: Story, feed: bool = False) -> tuple[int, int, int]:
    """How far up the day's stories a story is (``detect.standing``); on a ``feed``'s day
    only how new, where two items that share a team's name are no bigger story."""
    rank = standing(story)
    return (0, 0, rank[2]) if feed else rank


def _also_order(
    entry: tuple[tuple[int, int, int], Item],
) -> tuple[tuple[int, int, int], bool, int, bool, float]:
    """Smaller stories' lines by their story's place, and among stories alike (a feed's
    items, one article each) a toll of lives first (``value.grave``; the larger count first,
    ``value.lives``), then public affairs (``value.public``), each the line that reads most
    as news and says most of the day first: a bank's review of its policy below a plane
    crash that killed 54, a football score below a parliament's vote."""
    rank, line = entry
    worth = news.importance(line) * news_value(line.text)
    return rank, not grave(line.text), -lives(line.text), not public(line.text), -worth


def _newest(story: Story, articles: Mapping[int, Article]) -> dt.date | None:
    """The date of the story's newest report: its news is what that report says."""
    dates = [d for a in story.articles if a in articles and (d := articles[a].date)]
    return max(dates) if dates else None


def _articles_of(
    story: Story, items: Sequence[Item], articles: Mapping[int, Article]
) -> dict[int, Article]:
    """The story's articles, and any other an item of it was also merged from."""
    ids = {*story.articles, *(s.article for item in items for s in item.sentences)}
    return {a: articles[a] for a in sorted(ids) if a in articles}


def _main_fact(
    items: Sequence[Item], articles: Mapping[int, Article], date: dt.date | None
) -> Item | None:
    """A smaller story's one line: the opening of its newest report, else an opening of an
    earlier one; None when no report's opening can stand alone (a line that needs the one
    before it is worse than no line)."""
    new = fresh.fresh(items, articles, date) or list(items)
    found = news.main_fact(new, articles)
    if found is not None:
        return found
    earlier = news.openings(items)
    return news.by_importance(earlier)[0] if earlier else None


def _items_by_story(items: Sequence[Item], stories: Sequence[Story]) -> dict[int, list[Item]]:
    """Each item under the story most of its sentences come from (the first such story on a
    tie), in the order given."""
    story_of = {a: n for n, story in enumerate(stories) for a in story.articles}
    own: dict[int, list[Item]] = {}
    for item in items:
        counts: dict[int, int] = {}
        for sentence in item.sentences:
            if sentence.article in story_of:
                n = story_of[sentence.article]
                counts[n] = counts.get(n, 0) + 1
        if counts:
            best = min(counts, key=lambda n: (-counts[n], n))
            own.setdefault(best, []).append(item)
    return own
