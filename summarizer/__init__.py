"""daily-brief: a short, sourced, themed brief from a day's news articles on one story."""

__version__ = "0.2.0"
