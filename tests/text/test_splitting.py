"""Sentence splitting: each behaviour the brief relies on, on small hand-written examples."""

from __future__ import annotations

from pathlib import Path

import nltk
import pytest

from summarizer.text import splitting
from summarizer.text.splitting import split_sentences

ONE_SENTENCE = [
    # abbreviations
    "The U.S. Senate met on Jan. 4 with Gen. Ruth Ortiz and Mr. Alan Pike of Delta Corp. present.",
    "Talks began at 9 a.m. and went on past 11 p.m. that night.",
    "Delegates came from the U.K., the E.U. and the U.N., among others.",
    "Ask about smaller items, e.g. pens, i.e. anything cheap, vs. big ones.",
    "The court ruled in Smith vs. Jones that No. 5 was void (see p. 12).",
    "The firm, based in Reno, Nev., reported to the Dept. of Energy.",
    # initials
    "The novel by J. R. R. Tolkien sold well.",
    "Mayor Ines E. Okafor opened the bridge.",
    "Ambassador Linda T. Greer arrived.",
    # numbers
    "The constant is 3.14 and the loan was $2.5 billion at 1.5% interest.",
    "Turnout was 61.7 percent, up from 58.2 percent in 2019.",
    # ellipses in the middle
    "The minister paused ... and then kept reading.",
    "We waited...and waited for the bus.",
    "They said . . . nothing at all about it.",
    "The vote, he said… was never in doubt.",
    # web addresses and e-mail
    "Details are at https://news.example.org/2024/05/story.html for readers.",
    "Write to press.office@example.gov.uk with questions.",
    # mid-sentence quotations and asides
    "She called the plan “a disaster.” in a letter on Monday.",
    "The senator (who had voted no. Twice.) left early.",
    "Fans of Yahoo! across the region were upset.",
    "Staff at the Lawrence (Mass.) High School were told.",
    # abbreviations inside a name: a cut would leave "Brown & Sons…" or "Charles Graner…"
    "He joined the investment bank Alex. Brown & Sons in 1985.",
    "A court martial found Army Spc. Charles Graner guilty of abuse.",
    "The bill was backed by Del. Eleanor Holmes Norton of the District.",
]


@pytest.mark.parametrize("text", ONE_SENTENCE)
def test_no_false_boundary(text: str) -> None:
    assert split_sentences(text) == [text]


SPLITS = [
    # plain, ? and !
    ("The market fell. Investors sold.", ["The market fell.", "Investors sold."]),
    ("Who pays? Nobody knows.", ["Who pays?", "Nobody knows."]),
    ("It worked! Everyone cheered.", ["It worked!", "Everyone cheered."]),
    ("Really?! Yes.", ["Really?!", "Yes."]),
    # abbreviations and initials can end a sentence
    ("He moved to the U.S. He never left.", ["He moved to the U.S.", "He never left."]),
    ("She works for Bell Co. The pay is good.", ["She works for Bell Co.", "The pay is good."]),
    ("They met at 8 a.m. The meeting ran long.", ["They met at 8 a.m.", "The meeting ran long."]),
    ("The winners were Ana and I. Did you vote?", ["The winners were Ana and I.", "Did you vote?"]),
    ("It cost $4.50. Prices rose.", ["It cost $4.50.", "Prices rose."]),
    # closing quotes and brackets stay with their sentence
    (
        "He said “we want peace.” The army did not.",
        ["He said “we want peace.”", "The army did not."],
    ),
    ('She said "enough." Then she left.', ['She said "enough."', "Then she left."]),
    ("(The vote was close.) It passed.", ["(The vote was close.)", "It passed."]),
    # new sentences starting with a quote or a digit
    (
        "The talks ended. “We will return,” she said.",
        ["The talks ended.", "“We will return,” she said."],
    ),
    (
        "He lives in the U.S. “It is home,” he said.",
        ["He lives in the U.S.", "“It is home,” he said."],
    ),
    ("Sales fell in 2022. 2023 was better.", ["Sales fell in 2022.", "2023 was better."]),
    # ellipses that do end a sentence
    (
        "Prices kept rising.... Then the bank acted.",
        ["Prices kept rising....", "Then the bank acted."],
    ),
    ("“We shall see...” The talks went on.", ["“We shall see...”", "The talks went on."]),
    # a state abbreviation at the end of a sentence
    (
        "She lives in Dover, Del. The town is quiet.",
        ["She lives in Dover, Del.", "The town is quiet."],
    ),
    (
        "He grew up in Flint, Mich. His father was a welder.",
        ["He grew up in Flint, Mich.", "His father was a welder."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_boundaries(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_quotation_spanning_sentences_stays_whole() -> None:
    text = (
        "He said, “The rebels declared they are ‘not in the mood’ for talks. They want to "
        "fight on. This means the sanctions aren’t working.” Officials disagreed."
    )
    assert split_sentences(text) == [
        "He said, “The rebels declared they are ‘not in the mood’ for talks. They want to "
        "fight on. This means the sanctions aren’t working.”",
        "Officials disagreed.",
    ]


@pytest.mark.parametrize(
    "quote",
    [
        "“We are ready. We have waited long enough,” the mayor said.",
        '"We are ready. We have waited long enough," the mayor said.',
        "``We are ready. We have waited long enough,'' the mayor said.",
        "‘We are ready. We have waited long enough,’ the mayor said.",
        "“Why now? Why us?” the mayor asked.",
    ],
)
def test_quote_styles_with_attribution(quote: str) -> None:
    assert split_sentences(quote + " The council agreed.") == [quote, "The council agreed."]


def test_attribution_after_a_question_is_not_a_sentence() -> None:
    text = "“Who will pay for it?” Mayor Diaz asked. Nobody answered."
    assert split_sentences(text) == ["“Who will pay for it?” Mayor Diaz asked.", "Nobody answered."]


def test_apostrophes_are_not_quotes() -> None:
    text = "The Smiths’ house burned. Firefighters came. The ’90s were calm. They’re safe."
    assert split_sentences(text) == [
        "The Smiths’ house burned.",
        "Firefighters came.",
        "The ’90s were calm.",
        "They’re safe.",
    ]


def test_unclosed_quote_falls_back_to_normal_splitting() -> None:
    text = "He said: “We will stay. We will rebuild. The town is ours"
    assert split_sentences(text) == [
        "He said: “We will stay.",
        "We will rebuild.",
        "The town is ours",
    ]


def test_news_paragraph() -> None:
    text = (
        "KYIV (Reuters) -- Russian forces shelled the city overnight, officials said on Tuesday.\n"
        "Gov. Oleh Syniehubov said 3.5 tonnes of aid had arrived by 6 a.m. Many queued for\n"
        "water. “We have no power, no heat,” said Olena K. Marchenko, 64. Repairs could take\n"
        "weeks, the U.N. said."
    )
    assert [" ".join(s.split()) for s in split_sentences(text)] == [
        "KYIV (Reuters) -- Russian forces shelled the city overnight, officials said on Tuesday.",
        "Gov. Oleh Syniehubov said 3.5 tonnes of aid had arrived by 6 a.m.",
        "Many queued for water.",
        "“We have no power, no heat,” said Olena K. Marchenko, 64.",
        "Repairs could take weeks, the U.N. said.",
    ]


def test_sentences_are_exact_slices_and_newlines_kept() -> None:
    text = "  First line of it\ncontinues here.   Second one\nends here.  \n"
    sentences = split_sentences(text)
    assert sentences == ["First line of it\ncontinues here.", "Second one\nends here."]
    assert all(s in text for s in sentences)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. Buy milk 2. Buy bread", ["1. Buy milk", "2. Buy bread"]),
        ("a) Call home. b) Pay rent.", ["a) Call home.", "b) Pay rent."]),
        ("• Fuel prices • Food prices", ["• Fuel prices", "• Food prices"]),
    ],
)
def test_run_in_lists(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_blank_input(text: str) -> None:
    assert split_sentences(text) == []


def test_punctuation_only_is_one_piece() -> None:
    assert split_sentences("! ! !") == ["! ! !"]


def test_needs_no_nltk_data(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("nltk data must not be loaded")

    monkeypatch.setattr(nltk.data, "load", refuse)
    monkeypatch.setattr(nltk.data, "find", refuse)
    assert split_sentences("It works. No data needed.") == ["It works.", "No data needed."]


def test_pysbd_is_not_used() -> None:
    assert "pysbd" not in Path(splitting.__file__).read_text(encoding="utf-8")


def test_deterministic() -> None:
    text = "Dr. Ames left at 5 p.m. Friday. “Why?” nobody asked. It rained."
    assert split_sentences(text) == split_sentences(text)


@pytest.mark.parametrize("text", [*ONE_SENTENCE, *(text for text, _ in SPLITS)])
def test_punkt_is_asked_the_same_as_its_debug_path(text: str) -> None:
    """The splitter asks Punkt only for its break decisions; they must be the decisions
    Punkt's own per-candidate path (``debug_decisions``) reports, so splitting is unchanged."""
    masked = splitting._mask(text, list(splitting._ELLIPSIS.finditer(text)))
    fast = list(splitting.tokenizer().break_periods(masked))
    debug = [
        int(d["period_index"])
        for d in splitting.tokenizer().debug_decisions(masked)
        if d["break_decision"]
    ]
    assert fast == debug
