"""Where the tests find the repository, their fixtures and the shared development data."""

from __future__ import annotations

import os
from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"
# ../shared beside the checkout (CI puts it there); tests that need it skip when it is absent.
SHARED = REPO.parent / "shared"
DEV_DATA = Path(os.environ.get("BRIEF_DEV_DATA", SHARED / "dev-data"))
