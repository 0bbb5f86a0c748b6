"""Delivery: sending a built brief.

Takes a built brief read back from its JSON and gives it to the targets named in
``brief.toml``: email over SMTP, a static site with an Atom feed, or a plug-in target from
``daily_brief.targets`` with its own ``brief.toml`` table.
"""
