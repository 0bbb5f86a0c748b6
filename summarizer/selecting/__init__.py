"""Selecting: what goes in the brief, within its length.

Takes ranked, merged, themed ``Item``s and gives the chosen items per section: the most
concept weight within the item and word budget, nothing said twice.
"""
