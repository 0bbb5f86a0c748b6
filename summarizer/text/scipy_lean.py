"""scipy's sparse matrices, imported without numpy's submodules that no command uses.

Why: scipy (1.15 and later) copies numpy's namespace for its array-API layer, asking numpy
for each of its public names; numpy loads each of its lazily loaded submodules on that first
ask: its test and Fortran tools (``numpy.testing``, ``numpy.f2py``: about 0.1 s at every
start, a third of importing ``scipy.sparse``), masked arrays, polynomials, string and record
arrays (``numpy.ma`` …: another 0.02-0.03 s). While scipy loads, those names are stand-ins
that load the real module when first used, then they are taken away again: each loads as
usual for anyone who asks.

Every module of ours that needs scipy imports it from here, so whichever loads first, scipy
loads this way (as ``nltk_lean`` does for nltk).
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

import numpy

# Not here: numpy.fft and numpy.random, which scipy imports by name: they load anyway.
# numpy.ma loads when numpy's own ``unique`` first asks for it (a summary's path does not).
_LAZY = ("char", "core", "ctypeslib", "f2py", "ma", "polynomial", "rec", "strings", "testing")


class _StandIn(types.ModuleType):
    """A numpy submodule not loaded yet: loaded when one of its names is asked for."""

    def __getattr__(self, name: str) -> Any:
        return getattr(importlib.import_module(self.__name__), name)


def _load_scipy() -> None:
    """Import scipy.sparse with numpy's lazily loaded submodules (``_LAZY``) stood in for."""
    if "scipy.sparse" in sys.modules:
        return
    names = vars(numpy)
    stand_ins = {
        name: _StandIn(f"numpy.{name}")
        for name in _LAZY
        if name not in names and f"numpy.{name}" not in sys.modules
    }
    names.update(stand_ins)
    try:
        import scipy.sparse  # noqa: F401
    finally:
        for name, stand_in in stand_ins.items():
            if names.get(name) is stand_in:
                del names[name]


_load_scipy()

from scipy import sparse  # noqa: E402

__all__ = ["sparse"]
