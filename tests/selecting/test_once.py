"""One fact once: two chosen items that state one fact in other words become one item,
credited to each outlet whose own sentence states it; items that merely share names stay."""

from __future__ import annotations

import datetime as dt

from summarizer.models import Article, Item, Sentence, SourceRef
from summarizer.selecting.once import one_each
from summarizer.text.facts import one_fact
from summarizer.text.statements import statement

DAY = dt.date(2025, 3, 4)
OUTLETS = ["Coast Post", "Bay Wire", "Harbour Times", "Metro Daily", "Valley News"]
ARTICLES = {
    i: Article(i, f"{i}.txt", name, f"Title {i}", DAY, None, ("x",))
    for i, name in enumerate(OUTLETS)
}
# The rest of the day: other stories, so words of one story weigh as on a real day.
OTHERS = [
    "The city council approved a budget for two new libraries in the north district.",
    "Heavy snow closed the mountain pass for a third day, stranding hundreds of lorries.",
    "A local bakery won the national bread prize for its rye loaf this year.",
    "Teachers in the province began a two-day strike over pay and class sizes.",
    "The orchestra announced a summer season of free concerts in the harbour park.",
    "Shares in the shipping company rose after it reported higher quarterly profits.",
]


def _item(score: float, *credits: tuple[int, str]) -> Item:
    """An item showing the first credit's sentence, credited to each (article, sentence)."""
    sents = tuple(Sentence(a, k, text) for k, (a, text) in enumerate(credits))
    refs = tuple(
        SourceRef(ARTICLES[a].outlet, ARTICLES[a].title, ARTICLES[a].path, None, DAY, text)
        for a, text in credits
    )
    return Item(text=credits[0][1], score=score, sources=refs, sentences=sents)


def _day(*chosen: Item) -> list[Item]:
    return [*chosen, *(_item(0.1, (4, text)) for text in OTHERS)]


def _names(item: Item) -> list[str]:
    return [ref.name for ref in item.sources]


def test_two_wordings_of_one_fact_become_one_item_with_both_credits() -> None:
    strong = _item(
        0.9, (0, "The ferry fire killed all 43 passengers aboard, the coast guard said.")
    )
    weak = _item(0.5, (1, "All 43 passengers died when fire swept through the ferry."))
    lead, body = one_each([strong], [weak], _day(strong, weak), ARTICLES)
    assert body == []
    [merged] = lead
    assert merged.text == strong.text
    assert _names(merged) == ["Coast Post", "Bay Wire"]
    assert [s.article for s in merged.sentences] == [0, 1]


def test_the_merged_item_takes_the_better_place_of_the_two() -> None:
    main = _item(0.4, (2, "Mayor Dana Whitfield opened the new harbour bridge in Eastport."))
    weak = _item(0.5, (1, "All 43 passengers died when fire swept through the ferry."))
    strong = _item(
        0.9, (0, "The ferry fire killed all 43 passengers aboard, the coast guard said.")
    )
    lead, body = one_each([main, weak], [strong], _day(main, strong, weak), ARTICLES)
    assert [it.text for it in lead] == [main.text, strong.text]
    assert body == []


def test_the_main_fact_keeps_its_place_and_its_words() -> None:
    """The lead's first item is the newest report's opening: an item of more weight that
    states its fact joins it, and does not take the news's place and words."""
    main = _item(0.5, (1, "All 43 passengers died when fire swept through the ferry."))
    strong = _item(
        0.9, (0, "The ferry fire killed all 43 passengers aboard, the coast guard said.")
    )
    lead, body = one_each([main], [strong], _day(strong, main), ARTICLES)
    assert [it.text for it in lead] == [main.text]
    assert body == []
    assert _names(lead[0]) == ["Bay Wire", "Coast Post"]


def test_sentences_sharing_names_but_stating_other_facts_both_stay() -> None:
    opened = _item(0.9, (0, "Mayor Dana Whitfield opened the new harbour bridge in Eastport."))
    lost = _item(0.6, (1, "Mayor Dana Whitfield lost a council vote over the Eastport tram fares."))
    buses = _item(0.8, (2, "The regional council approved 12 electric buses for Eastport."))
    acres = _item(0.7, (3, "The regional council bought 12 acres of woodland near Eastport."))
    lead, body = one_each(
        [opened, buses], [acres, lost], _day(opened, lost, buses, acres), ARTICLES
    )
    assert lead == [opened, buses]
    assert body == [acres, lost]


def test_an_outlet_whose_sentence_does_not_state_the_fact_is_not_credited() -> None:
    strong = _item(
        0.9, (0, "The ferry fire killed all 43 passengers aboard, the coast guard said.")
    )
    weak = _item(
        0.5,
        (1, "All 43 passengers died when fire swept through the ferry."),
        (2, "Fire swept through the ferry as it left the harbour at dawn."),
    )
    [merged], body = one_each([strong], [weak], _day(strong, weak), ARTICLES)
    assert body == []
    assert _names(merged) == ["Coast Post", "Bay Wire"]
    assert [s.article for s in merged.sentences] == [0, 1]


def test_a_paraphrase_too_far_in_words_to_credit_goes_without_its_credit() -> None:
    strong = _item(0.9, (0, "The crash killed all 217 people aboard."))
    weak = _item(0.5, (1, "All 217 passengers and crew died when the jet went down."))
    assert one_fact(statement(strong.text), statement(weak.text))
    [merged], body = one_each([strong], [weak], _day(strong, weak), ARTICLES)
    assert body == []
    assert _names(merged) == ["Coast Post"]


def test_another_figure_or_a_denial_is_not_the_same_fact() -> None:
    dead = statement("The crash killed all 217 people aboard.")
    assert not one_fact(dead, statement("The crash killed all 180 people aboard."))
    assert not one_fact(dead, statement("The airline denied that all 217 people aboard died."))


def test_a_line_that_says_part_of_the_lead_and_only_who_said_it_goes() -> None:
    """Reading 32 (TAC M009): "Rogge declared the Games closed" under the lead's "The Games
    were formally declared closed during a ceremony ..." told the reader only a name."""
    lead = _item(
        0.9,
        (
            0,
            "The Harbour Games were formally declared closed during a ceremony at the"
            " National Stadium, with the flag handed to the mayor of Northport.",
        ),
    )
    title = _item(
        0.8,
        (1, "Games Federation President Anna Berg declared the Harbour Games closed on Sunday."),
    )
    [kept], body = one_each([lead, title], [], _day(lead, title), ARTICLES)
    assert kept.text == lead.text and body == []
    # Part of a fact is not the fact: Bay Wire's sentence does not earn the lead's credit.
    assert _names(kept) == ["Coast Post"]


def test_a_line_with_a_figure_or_a_fact_of_its_own_stays() -> None:
    lead = _item(0.9, (0, "The new rule overhauls the standards for air bags in new cars."))
    figure = _item(0.6, (1, "The new air bag standards are credited with saving 5,000 lives."))
    said = _item(0.5, (2, "Regulators said the standards for air bags would be reviewed."))
    kept, body = one_each([lead], [figure, said], _day(lead, figure, said), ARTICLES)
    assert [it.text for it in (*kept, *body)] == [lead.text, figure.text, said.text]


def test_a_weaker_line_that_says_more_than_the_lead_stays() -> None:
    """Reading the change on the dev briefs (D0726F-B): the lead's "is moving his campaign"
    is all inside "The move is expected to cut his campaign staff ...", which says more."""
    lead = _item(
        0.9, (0, "Governor Ann Berg said on Monday that she is moving her campaign to Northport.")
    )
    more = _item(
        0.5, (1, "Berg's move is expected to cut her campaign staff, which she considered too big.")
    )
    kept, body = one_each([lead], [more], _day(lead, more), ARTICLES)
    assert [it.text for it in (*kept, *body)] == [lead.text, more.text]
