"""A library's modules imported beneath packages whose ``__init__`` waits: the rest of the
library is not loaded, and loads whole, once, at the first name the packages are asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pyrun import says_ok

pytestmark = pytest.mark.process

# A library whose package __init__ counts its runs, loads a module that copes without an
# optional one, and defines a name its submodule imports.
_LIBRARY = {
    "lib/__init__.py": "import lib.heavy\nRUNS = 1\nGREETING = 'hello'\n",
    "lib/heavy.py": "try:\n    import json.tool as TOOL\nexcept ImportError:\n    TOOL = None\n",
    "lib/sub/__init__.py": "from lib.sub.word import WORD\n",
    "lib/sub/word.py": "from lib import GREETING\nWORD = 'word'\n",
}

_NAME_ASKED = """
import sys
sys.path.insert(0, {root!r})
from summarizer.runtime import deferred
deferred.import_beneath(("lib", "lib.sub"), ("lib.sub.word",), later={{"lib": ("GREETING",)}})
word = sys.modules["lib.sub.word"]
assert word.WORD == "word" and "lib.heavy" not in sys.modules, sorted(sys.modules)
assert word.GREETING.upper() == "HELLO"  # the name used: the whole library loads
assert "lib.heavy" in sys.modules and sys.modules["lib"].RUNS == 1
import lib.sub.word
assert lib.sub.word is word and lib.sub.WORD == "word", "loaded once, and in its package"
print("ok")
"""

_WHOLE = """
import sys
sys.path.insert(0, {root!r})
from summarizer.runtime import deferred
later, hidden = {{"lib": ("GREETING",)}}, ("json.tool",)
deferred.import_beneath(("lib", "lib.sub"), ("lib.sub.word",), later=later, hidden=hidden)
deferred.whole("lib")
import lib
assert lib.RUNS == 1 and lib.heavy.TOOL is None and "json.tool" not in sys.modules
assert lib.sub.word is sys.modules["lib.sub.word"]
import json.tool  # hidden only while the library loaded
print("ok")
"""


def _write(root: Path) -> None:
    for name, text in _LIBRARY.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


def test_a_name_asked_of_a_waiting_package_loads_the_whole_library_once(tmp_path: Path) -> None:
    _write(tmp_path)
    says_ok(_NAME_ASKED.format(root=str(tmp_path)))


def test_the_whole_library_loads_with_its_hidden_modules_hidden(tmp_path: Path) -> None:
    _write(tmp_path)
    says_ok(_WHOLE.format(root=str(tmp_path)))
