"""Themes: which section each item belongs to.

Takes ``Item``s and a themes file (or none) and gives each item's theme with its reasons: the
file's words, words learned from the day (``fit``), or themes learned from the day alone with
printable titles (``learned``, ``titles``).
"""
