"""merging stage."""
