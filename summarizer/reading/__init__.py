"""Reading: where the day's text comes from.

Takes the user's sources (folders, files, URLs, feeds, pages, JSON Lines, DUC SGML) and gives
``RawDocument``s: decoded, size-checked text with whatever title, date and outlet the source
carried. Each format has one ``readers.Reader`` found through the ``daily_brief.readers``
entry points; inputs that cannot be read come back as ``Skipped`` with a reason.
"""
