"""Cleaning: page furniture out, one ``Article`` per input.

Takes ``RawDocument``s and gives ``Article``s: text without bylines, widgets, share lines and
"Source:" trailers, entities and markup decoded, with the title, date, outlet and kind (news or
opinion) kept as fields rather than left in the text.
"""
