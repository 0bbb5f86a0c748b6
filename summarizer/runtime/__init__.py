"""Runtime: what every stage may use.

Packaged resources (templates, examples, NLTK data paths), progress reporting on stderr, the
worker processes that read, clean and split a large day in input order, and patterns asked
only of the texts that hold a word they need (``gated``).
"""
