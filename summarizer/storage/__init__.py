"""Storage: files written whole and the brief's JSON format.

Gives atomic writes (a brief is never half written, nothing already written is lost) and the
one module that writes and reads the brief's JSON (``brief_json``, with ``schema_version``).
"""
