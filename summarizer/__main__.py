"""Allow ``python -m summarizer``."""

import sys

from summarizer.cli import main

# A spawned worker process imports this module again: only the command itself runs main.
if __name__ == "__main__":
    sys.exit(main())
