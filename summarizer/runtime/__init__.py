"""Runtime: what every stage may use.

Packaged resources (templates, examples, NLTK data paths), progress reporting on stderr, and
the worker processes that read, clean and split a large day in input order.
"""
