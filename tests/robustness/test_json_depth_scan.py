"""The JSON depth pre-scan: same answers as a byte-by-byte scan, and linear on hostile input.

The scan runs before every ``json.loads`` of an untrusted file (several times per import), so
it must be fast on a 150 KB EDC and must not turn quadratic on a string that never ends.
"""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from tests.robustness.corpus import all_seeds
from tests.robustness.mutations import fuzz_settings
from wallet.json_input import json_depth_exceeds


def _byte_by_byte(raw: bytes, limit: int) -> bool:
    """The obvious state machine the fast scan replaced: the specification of the answer."""
    depth, in_string, escaped = 0, False, False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in b"[{":
            depth += 1
            if depth > limit:
                return True
        elif byte in b"]}":
            depth -= 1
    return False


@fuzz_settings(400)
@given(st.lists(st.sampled_from([b"[", b"]", b"{", b"}", b'"', b"\\", b"a", b"\n", b'\\"',
                                 b'""', b"\xc4\x8d"]), max_size=80),
       st.integers(0, 6))
def test_same_answer_as_a_byte_by_byte_scan(parts: list[bytes], limit: int) -> None:
    raw = b"".join(parts)
    assert json_depth_exceeds(raw, limit) == _byte_by_byte(raw, limit)


def test_same_answer_on_every_seed() -> None:
    for raw in all_seeds().values():
        for limit in (3, 8, 64):
            assert json_depth_exceeds(raw, limit) == _byte_by_byte(raw, limit)


def test_an_unterminated_string_of_escaped_quotes_is_scanned_in_linear_time() -> None:
    # GIVEN 2 MB that open a string and never close it, full of escaped quotes (a regex that
    # retried at each quote would take minutes)
    hostile = b'{"a": "' + b'\\"' * 1_000_000
    started = time.perf_counter()
    # THEN the scan answers at once: nothing after the opening quote counts
    assert json_depth_exceeds(hostile, 8) is False
    assert time.perf_counter() - started < 2.0
