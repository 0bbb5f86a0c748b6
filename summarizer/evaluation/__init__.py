"""Evaluation: ``brief evaluate``.

Takes news clusters with human summaries and gives ROUGE-1/2 recall per algorithm.
"""
