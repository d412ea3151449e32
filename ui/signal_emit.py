"""Emitting a Qt signal from Python without wearing ``True`` away (a PySide6 6.12 bug).

``SignalInstance.emit`` returns ``True`` without taking a reference to it, so every emit
from Python takes one of ``True``'s references away. Importing the GUI leaves ``True`` about
3,000 of them; after that many emits CPython frees ``True`` and aborts ("bool_dealloc:
deallocating True or False"). Every background job emits (``ui.tasks``), so a long "Verify
all" or a big import got there, and so did the GUI test suite when it exited.

:func:`emit` gives the reference back, only where this PySide6 takes it (found out once, at
import): with a PySide6 that returns ``True`` properly it is a plain ``emit``.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    fired = Signal()


def _emit_takes_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.fired.emit()
    return sys.getrefcount(True) < before


EMIT_TAKES_A_REFERENCE = _emit_takes_a_reference()


def emit(signal: SignalInstance, *args: object) -> None:
    """``signal.emit(*args)``, and ``True``'s reference back if this PySide6 took it."""
    send: Callable[..., object] = signal.emit  # typed as returning None; it returns True
    if send(*args) is True and EMIT_TAKES_A_REFERENCE:
        _incref(True)
