"""No module of the GUI emits a signal with the plain ``.emit`` of PySide6 6.12, which wears
``True``'s references away until the interpreter aborts: ``ui.signal_emit.emit`` is the one
way. A bound ``.emit`` handed to ``connect`` as a slot wears it away too (Qt calls it from
C++ through Python), so a signal is forwarded by connecting it to the other signal itself."""

from __future__ import annotations

import ast
import ctypes
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ui.signal_emit import EMIT_TAKES_A_REFERENCE, emit

UI = Path(__file__).resolve().parents[2] / "ui"
ALLOWED = {UI / "signal_emit.py"}
MANY = 500
SLACK = 100


def plain_emits(source: str) -> list[int]:
    """The lines where ``something.emit`` is called or handed on."""
    tree = ast.parse(source)
    return sorted(node.lineno for node in ast.walk(tree)
                  if isinstance(node, ast.Attribute) and node.attr == "emit")


def test_the_check_finds_a_call_and_a_slot() -> None:
    # GIVEN code that emits plainly, hands emit on as a slot, and uses the helper
    source = ("self.changed.emit()\n"
              "button.clicked.connect(self.chosen.emit)\n"
              "emit(self.changed)\n")
    # WHEN it is checked THEN the first two lines are found, the helper is not
    assert plain_emits(source) == [1, 2]


def test_no_gui_module_emits_plainly() -> None:
    # GIVEN every module of the GUI but the helper itself
    found = {}
    for path in sorted(UI.rglob("*.py")):
        if path in ALLOWED:
            continue
        # WHEN each is read for `.emit`
        lines = plain_emits(path.read_text(encoding="utf-8"))
        if lines:
            found[str(path.relative_to(UI.parent))] = lines
    # THEN none is there: each goes through ui.signal_emit.emit
    assert found == {}


class _Relay(QObject):
    first = Signal()
    second = Signal()


def test_forwarding_a_signal_to_a_signal_keeps_true() -> None:
    # GIVEN a signal connected to another signal (the form that replaced `connect(x.emit)`)
    relay = _Relay()
    arrived: list[int] = []
    relay.first.connect(relay.second)
    relay.second.connect(lambda: arrived.append(1))
    before = sys.getrefcount(True)
    # WHEN the first is emitted many times
    for _ in range(MANY):
        emit(relay.first)
    # THEN each reached the second, and True kept its references
    assert len(arrived) == MANY
    assert abs(sys.getrefcount(True) - before) <= SLACK


def test_a_bound_emit_as_a_slot_is_what_wears_true_away() -> None:
    # GIVEN a signal connected to another signal's bound `emit` (what the check forbids)
    relay = _Relay()
    relay.first.connect(relay.second.emit)
    before = sys.getrefcount(True)
    # WHEN it is emitted a few times
    for _ in range(10):
        emit(relay.first)
    lost = before - sys.getrefcount(True)
    # THEN with this PySide6, True lost one reference for each; give them back (the test
    # must not leave True weaker than it found it)
    if EMIT_TAKES_A_REFERENCE:
        assert lost >= 10 - 5
        for _ in range(max(lost, 0)):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    else:
        assert abs(lost) <= 5
