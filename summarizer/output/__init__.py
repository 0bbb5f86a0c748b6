"""Output: the ``Brief`` and its Markdown and HTML.

Takes the chosen items and gives one frozen ``Brief`` (full names restored in brackets, older
items dated), then renders it through the Jinja2 templates; templates see only the ``Brief``.
"""
