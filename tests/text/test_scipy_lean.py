"""scipy loads without numpy's test and Fortran tools (and the other submodules no command
uses), and each still loads when asked for."""

from __future__ import annotations

import pytest

from tests.pyrun import says_ok

pytestmark = pytest.mark.process

_CHECK = """
import sys
from summarizer.text.scipy_lean import sparse
from summarizer.text.scipy_lean import _LAZY
assert not [name for name in _LAZY if f"numpy.{name}" in sys.modules], sorted(sys.modules)
assert sparse.csr_matrix([[1, 0], [0, 2]]).sum() == 3
import numpy
numpy.testing.assert_allclose([1.0], [1.0])  # numpy's own, loaded on first use
import scipy._lib.array_api_compat.numpy as xp
xp.testing.assert_allclose([2.0], [2.0])  # scipy's copy of numpy's names works too
assert xp.char.upper("a") == "A"
assert numpy.polynomial.Polynomial([1, 2])(1) == 3 and xp.strings.upper("a") == "A"
from scipy.sparse.linalg import svds
assert svds(sparse.random(6, 5, density=0.8, random_state=1), k=2)[1].shape == (2,)
print("ok")
"""


def test_scipy_sparse_loads_without_numpy_testing_which_loads_when_used() -> None:
    says_ok(_CHECK)


_LOADED_FIRST = """
import sys, numpy.testing
from summarizer.text.scipy_lean import sparse
import numpy
assert numpy.testing is sys.modules["numpy.testing"]
print("ok")
"""


def test_a_program_that_loaded_numpy_testing_first_keeps_it() -> None:
    says_ok(_LOADED_FIRST)
