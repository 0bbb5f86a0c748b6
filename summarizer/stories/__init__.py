"""Stories: which of the day's articles tell the same story.

Takes the day's ``Article``s (after reading and cleaning, before ranking) and gives
``Story``s: groups of articles about the same event or ongoing story, wire copies and
rewrites included, each with a title a reader can use, its outlets and dates, largest first
(``detect.find_stories``); and whether the day is one story or several (``detect.is_one_story``),
so a day of one story keeps its themed brief and a day of many can brief its top stories;
the articles of the story some words name (``detect.story_articles``, for ``build --story``).
Which headline heads a story, in the story list and in the brief, is ``headlines``' to say.
"""
