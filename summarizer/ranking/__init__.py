"""Ranking: one score per sentence across all the day's articles.

Takes ``Sentence``s and gives scores: the default concept ranker (the day's weighted
concepts), or a sumy algorithm, or a plug-in ranker from ``daily_brief.rankers``.
"""
