"""A library's modules imported without running its packages' ``__init__``.

Why: a library's package ``__init__`` often imports the whole library (nltk's: parsers,
corpus readers, translation metrics; nameparser's: its parser, locales and pipeline), a tenth
of a second or more at every start, where we use one module of it that loads in a fraction of
that (Punkt and Snowball; a word list). ``import_beneath`` makes the packages on the way to
those modules as modules whose ``__init__`` has not run (``_Deferred``): their submodules
import as usual, and the first name asked of one that is not a submodule loads the whole
library (``whole``), as importing it would have, and answers from there. A library already
imported is used as it is.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

# For each library loaded beneath its packages: modules hidden while the whole of it loads.
_HIDDEN: dict[str, tuple[str, ...]] = {}


class _Deferred(types.ModuleType):
    """A package whose ``__init__`` has not run: a submodule asked of it is imported, any
    other name loads the whole library and is taken from there."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        child = f"{self.__name__}.{name}"
        if child in sys.modules or importlib.util.find_spec(child) is not None:
            return importlib.import_module(child)
        whole(self.__name__.partition(".")[0])
        return getattr(importlib.import_module(self.__name__), name)


class _Later:
    """A name a package's ``__init__`` defines, which a module imported beneath it imports
    but may never use (nltk.corpus's ``stopwords``): taken from the whole library when used."""

    def __init__(self, package: str, name: str) -> None:
        self._package = package
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        whole(self._package.partition(".")[0])
        return getattr(getattr(importlib.import_module(self._package), self._name), attribute)


def import_beneath(
    packages: Sequence[str],
    modules: Iterable[str],
    later: Mapping[str, Iterable[str]] | None = None,
    hidden: tuple[str, ...] = (),
) -> None:
    """Import ``modules`` beneath ``packages`` (parents first, the library's top package
    first of all) made ``_Deferred``; ``later``: names of a package's ``__init__`` that those
    modules import (``_Later``); ``hidden``: modules hidden while the whole library loads."""
    top = packages[0]
    if top not in sys.modules:
        spec = importlib.util.find_spec(top)
        if spec is None or not spec.submodule_search_locations:
            raise ModuleNotFoundError(f"No module named {top!r}", name=top)
        _HIDDEN[top] = hidden
        _make_deferred(spec.submodule_search_locations[0], packages, later or {})
    for name in modules:
        importlib.import_module(name)


def _make_deferred(root: str, packages: Sequence[str], later: Mapping[str, Iterable[str]]) -> None:
    """``packages`` as ``_Deferred`` modules in ``sys.modules``, each an attribute of its
    parent; the top package's folder is ``root``."""
    top = packages[0]
    for name in packages:
        package = _Deferred(name)
        package.__path__ = [root + name[len(top) :].replace(".", "/")]
        package.__package__ = name
        for attribute in later.get(name, ()):
            setattr(package, attribute, _Later(name, attribute))
        sys.modules[name] = package
        parent, _, child = name.rpartition(".")
        if parent:
            setattr(sys.modules[parent], child, package)


def whole(top: str) -> None:
    """Import the whole library ``top`` where only modules beneath its packages are loaded
    (``import_beneath``), its hidden modules hidden meanwhile; the modules loaded are kept."""
    if not isinstance(sys.modules.get(top), _Deferred):
        return
    waiting = [n for n, m in sys.modules.items() if isinstance(m, _Deferred)]
    waiting = [n for n in waiting if n == top or n.startswith(f"{top}.")]
    for name in waiting:
        del sys.modules[name]
    hidden = [name for name in _HIDDEN.get(top, ()) if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # its import fails
    try:
        for name in waiting:  # the top package first: each as importing it would load it
            importlib.import_module(name)
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    _attach_submodules(top)


def _attach_submodules(top: str) -> None:
    """Make each loaded module of ``top`` an attribute of its package, as an import does:
    the packages are new, and a submodule loaded before them was not imported again."""
    for name, module in list(sys.modules.items()):
        parent, _, child = name.rpartition(".")
        package = sys.modules.get(parent)
        if name.startswith(f"{top}.") and module is not None and package is not None:
            vars(package).setdefault(child, module)
