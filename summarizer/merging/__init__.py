"""Merging: one ``Item`` per fact.

Takes scored ``Sentence``s and gives ``Item``s: copies, wire copies and paraphrases become one
item credited to every outlet whose own sentence states it; figures that count the same thing
and differ are kept as disagreements.
"""
