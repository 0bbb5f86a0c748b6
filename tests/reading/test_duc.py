"""DUC SGML: what a wire story says it is, between its headline and its text."""

from __future__ import annotations

import datetime as dt

from summarizer.models import Source
from summarizer.reading.duc import read_duc

COLUMN = """<DOC>
<DOCNO> NYT19981013.0277 </DOCNO>
<DATE_TIME> 1998-10-13 19:40 </DATE_TIME>
<BODY>
<SLUG> BC-RICH-COLUMN-NYT </SLUG>
<HEADLINE>
COMMENTARY: THE ROAD TO LARAMIE
</HEADLINE>
   (The Week in Review) By G. CHAMBERS WILLIAMS III
 c.1998 N.Y. Times News Service
<TEXT>
<P> The ads themselves ooze malice. </P>
</TEXT>
</BODY>
</DOC>
"""


def test_the_slug_the_notes_and_the_byline_are_read() -> None:
    [doc] = read_duc(Source("NYT19981013.0277"), COLUMN)
    assert doc.labels == ("BC-RICH-COLUMN-NYT", "The Week in Review")
    assert doc.author == "G. Chambers Williams III"
    assert doc.title == "COMMENTARY: THE ROAD TO LARAMIE"
    assert doc.text == "The ads themselves ooze malice."  # the prelude is not the story


def test_an_editors_long_note_is_no_label() -> None:
    note = (
        "(See also IMPEACH-TRIAL, IMPEACH-SCENE, IMPEACH-NOTEBOOK, IMPEACH-EAGLES, DOWD-COLUMN, "
        "EDIT-IMPEACH, IMPEACH-HOWLONG?-REVIEW, IMPEACH-QUIXOTE-REVIEW, IMPEACH-CLINTON, "
        "IMPEACH-JUDGES, IMPEACH-ASSESS)"
    )
    [doc] = read_duc(Source("x"), COLUMN.replace("(The Week in Review)", note))
    assert doc.labels == ("BC-RICH-COLUMN-NYT",)


def test_a_story_without_a_prelude_has_only_its_category() -> None:
    story = COLUMN.replace("<SLUG> BC-RICH-COLUMN-NYT </SLUG>", "<CATEGORY> usa </CATEGORY>")
    story = story.replace("(The Week in Review) By G. CHAMBERS WILLIAMS III", "")
    [doc] = read_duc(Source("x"), story)
    assert doc.labels == ("usa",) and doc.author is None


def test_a_stated_date_with_day_and_month_swapped_is_the_docnos() -> None:
    swapped = COLUMN.replace("NYT19981013.0277", "APW19980603.0043").replace(
        "1998-10-13 19:40", "1998-03-06 01:28:00"
    )
    [doc] = read_duc(Source("x"), swapped)
    assert doc.date == dt.date(1998, 6, 3)  # a June report, not one of March


def test_a_stated_date_a_day_from_the_docnos_stands() -> None:
    late = COLUMN.replace("1998-10-13 19:40", "1998-10-14 00:40")
    [doc] = read_duc(Source("x"), late)
    assert doc.date == dt.date(1998, 10, 14)
