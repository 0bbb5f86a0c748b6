"""History: what earlier briefs already said.

Takes the earlier briefs' JSON (in ``--out`` and in the published site) and the day's
``Item``s; gives the items with what was already said left out or discounted, and updates
marked as new.
"""
