"""Text: sentences, words and names.

Takes ``Article``s and gives ``Sentence``s (identified by article and position), their
content words and stems, the statements they make (figures, who did what), who is named by
surname alone, and whether a sentence can be read without the one before it.
"""
