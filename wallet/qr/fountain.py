"""The BC-UR fountain code (BCR-2020-005 §"Multi-part URs"): a message cut into equal
fragments, sent as an endless sequence of parts that each carry one fragment or the XOR of
several, so a reader can start anywhere, miss frames, and still finish.

Encoder, as the specification fixes it (any other UR decoder reads our parts):
1. ``fragment_len`` = the smallest ceil(len / n) ≤ ``max_fragment_len`` (n = 1, 2, ...);
   the message is zero-padded to ``seq_len`` × ``fragment_len``.
2. Parts ``1..seq_len`` carry the fragments in order ("pure" parts).
3. Part ``n > seq_len`` seeds Xoshiro256** with SHA-256(``n`` ‖ ``checksum``) (two big-endian
   u32), draws a degree ``d`` from the weights 1/1 .. 1/seq_len (Vose alias sampler), shuffles
   the fragment indexes with the same generator and XORs the first ``d`` of them.

Decoder: every part is one equation over GF(2) (which fragments were XORed, and the result).
We keep the equations in reduced row-echelon form (Gaussian elimination with Python integers
as bit sets and as fragment data), which recovers the message from any set of parts that
determines it; BC-UR's reference peeling decoder needs the same or more parts.
"""

from __future__ import annotations

import functools
import math
import zlib
from dataclasses import dataclass

import cbor2

from wallet.errors import InputTooLarge, MalformedCredential, SharingError
from wallet.limits import MAX_INPUT_BYTES
from wallet.qr.xoshiro import Xoshiro256
from wallet.translation import grouped, tr, tr_n

MIN_FRAGMENT_LEN = 10
# Fragments one message may have when read: half an hour of frames at 5 a second. Mixing
# tables grow with this number, so a frame announcing millions of fragments is refused.
MAX_FRAGMENTS = 10_000
_U32 = 1 << 32


def nominal_fragment_length(message_len: int, min_len: int, max_len: int) -> int:
    """The reference ``find_nominal_fragment_length``: the fewest equal fragments ≤ ``max_len``."""
    if message_len <= max_len:
        return message_len
    max_count = max(1, message_len // min_len)
    length = message_len
    for count in range(1, max_count + 1):
        length = math.ceil(message_len / count)
        if length <= max_len:
            break
    return length


def partition(message: bytes, fragment_len: int) -> list[bytes]:
    count = math.ceil(len(message) / fragment_len)
    padded = message.ljust(count * fragment_len, b"\0")
    return [padded[i : i + fragment_len] for i in range(0, len(padded), fragment_len)]


def alias_tables(weights: list[float]) -> tuple[tuple[float, ...], tuple[int, ...]]:
    """Vose's alias tables for sampling indexes by ``weights``, built in the reference's order
    (its small and large lists are filled from the highest index down)."""
    count = len(weights)
    total = 0.0
    for weight in weights:  # left to right like the reference (sum() compensates on 3.12+)
        total += weight
    scaled = [w * count / total for w in weights]
    small = [i for i in range(count - 1, -1, -1) if scaled[i] < 1]
    large = [i for i in range(count - 1, -1, -1) if scaled[i] >= 1]
    probs = [0.0] * count
    aliases = [0] * count
    while small and large:
        a = small.pop()
        g = large.pop()
        probs[a] = scaled[a]
        aliases[a] = g
        scaled[g] += scaled[a] - 1
        (small if scaled[g] < 1 else large).append(g)
    for index in large + small:  # leftovers (small ones only through rounding) are certain
        probs[index] = 1.0
    return tuple(probs), tuple(aliases)


def sample(tables: tuple[tuple[float, ...], tuple[int, ...]], rng: Xoshiro256) -> int:
    probs, aliases = tables
    r1, r2 = rng.next_double(), rng.next_double()
    i = min(int(len(probs) * r1), len(probs) - 1)
    return i if r2 < probs[i] else aliases[i]


@functools.lru_cache(maxsize=8)
def _degree_tables(seq_len: int) -> tuple[tuple[float, ...], tuple[int, ...]]:
    return alias_tables([1.0 / i for i in range(1, seq_len + 1)])


def choose_degree(seq_len: int, rng: Xoshiro256) -> int:
    """How many fragments part ``n > seq_len`` mixes: weight 1/d for degree d."""
    return sample(_degree_tables(seq_len), rng) + 1


def choose_fragments(seq_num: int, seq_len: int, checksum: int) -> frozenset[int]:
    if seq_num <= seq_len:
        return frozenset((seq_num - 1,))
    rng = Xoshiro256(seq_num.to_bytes(4, "big") + checksum.to_bytes(4, "big"))
    degree = choose_degree(seq_len, rng)
    remaining = list(range(seq_len))
    chosen = []
    for _ in range(degree):  # the reference shuffles all; the rest of the shuffle is unused
        index = min(rng.next_int(0, len(remaining) - 1), len(remaining) - 1)
        chosen.append(remaining.pop(index))
    return frozenset(chosen)


@dataclass(frozen=True)
class FountainPart:
    seq_num: int
    seq_len: int
    message_len: int
    checksum: int
    data: bytes

    def to_cbor(self) -> bytes:
        return cbor2.dumps([self.seq_num, self.seq_len, self.message_len, self.checksum, self.data])

    @classmethod
    def from_cbor(cls, raw: bytes) -> FountainPart:
        try:
            items = cbor2.loads(raw)
        except Exception as exc:  # cbor2 raises several types for broken input
            raise _malformed(tr("its CBOR is damaged")) from exc
        if (
            not isinstance(items, list)
            or len(items) != 5
            or not all(type(v) is int for v in items[:4])
            or not isinstance(items[4], bytes)
        ):
            raise _malformed(tr("it is not [seqNum, seqLen, messageLen, checksum, data]"))
        if cbor2.dumps(items) != raw:
            raise _malformed(tr("its CBOR is not in the minimal form or has extra bytes"))
        part = cls(items[0], items[1], items[2], items[3], items[4])
        part.check()
        return part

    def check(self) -> None:
        fragment_len = len(self.data)
        if not (1 <= self.seq_num < _U32 and 0 <= self.checksum < _U32):
            raise _malformed(tr("its sequence number or checksum is out of range"))
        if self.message_len > MAX_INPUT_BYTES:
            raise InputTooLarge(tr(
                "The multi-part QR code announces a message larger than Kredo reads (16 MiB)."
            ))
        if self.seq_len > MAX_FRAGMENTS:
            raise InputTooLarge(tr_n(
                "The multi-part QR code announces {count} part; Kredo reads codes of at most "
                "{limit}.",
                "The multi-part QR code announces {count} parts; Kredo reads codes of at most "
                "{limit}.",
                self.seq_len, count=grouped(self.seq_len), limit=grouped(MAX_FRAGMENTS),
            ))
        if fragment_len < 1 or self.message_len < 1 or self.seq_len < 1:
            raise _malformed(tr("it announces an empty message"))
        if self.seq_len != math.ceil(self.message_len / fragment_len):
            raise _malformed(tr("its fragment count does not match the message length"))


class FountainEncoder:
    def __init__(
        self, message: bytes, max_fragment_len: int, *, min_fragment_len: int = MIN_FRAGMENT_LEN
    ) -> None:
        if not message:
            raise SharingError(tr("There is nothing to put into a QR code."))
        self.message_len = len(message)
        self.checksum = zlib.crc32(message)
        self.fragment_len = nominal_fragment_length(
            len(message), min_fragment_len, max_fragment_len
        )
        self.fragments = partition(message, self.fragment_len)
        self.seq_len = len(self.fragments)

    def part(self, seq_num: int) -> FountainPart:
        data = 0
        for index in choose_fragments(seq_num, self.seq_len, self.checksum):
            data ^= int.from_bytes(self.fragments[index], "big")
        return FountainPart(
            seq_num,
            self.seq_len,
            self.message_len,
            self.checksum,
            data.to_bytes(self.fragment_len, "big"),
        )


@dataclass
class _Row:
    mask: int  # bit i set: fragment i is XORed into data
    data: int


class FountainDecoder:
    """Collects parts of ONE message; a part of another message raises ``SharingError``."""

    def __init__(self) -> None:
        self._first: FountainPart | None = None
        self._rows: dict[int, _Row] = {}  # pivot bit → row; rows fully reduced on pivots
        self._seen: set[int] = set()
        self.parts_received = 0

    @property
    def seq_len(self) -> int | None:
        return self._first.seq_len if self._first else None

    @property
    def fragments_known(self) -> int:
        """Independent equations so far: the message is complete at ``seq_len``."""
        return len(self._rows)

    @property
    def complete(self) -> bool:
        return self._first is not None and len(self._rows) == self._first.seq_len

    def receive(self, part: FountainPart) -> bool:
        """Adds a part; True when it taught us something new."""
        part.check()
        first = self._first
        if first is None:
            self._first = first = part
        elif (part.seq_len, part.message_len, part.checksum, len(part.data)) != (
            first.seq_len,
            first.message_len,
            first.checksum,
            len(first.data),
        ):
            raise SharingError(tr(
                "This QR frame belongs to a different multi-part code than the frames read "
                "before it; scan the frames of one code at a time."
            ))
        self.parts_received += 1
        if self.complete or part.seq_num in self._seen:
            return False
        self._seen.add(part.seq_num)
        mask = 0
        for index in choose_fragments(part.seq_num, part.seq_len, part.checksum):
            mask |= 1 << index
        return self._add_equation(mask, int.from_bytes(part.data, "big"))

    def _add_equation(self, mask: int, data: int) -> bool:
        # Reduce by the known pivots (each row holds one pivot; no other row holds it).
        pending = mask
        while pending:
            low = pending & -pending
            pending ^= low
            row = self._rows.get(low.bit_length() - 1)
            if row is not None:
                mask ^= row.mask
                data ^= row.data
        if not mask:
            return False  # nothing new: a duplicate or a combination of known parts
        pivot = (mask & -mask).bit_length() - 1
        bit = 1 << pivot
        for row in self._rows.values():
            if row.mask & bit:
                row.mask ^= mask
                row.data ^= data
        self._rows[pivot] = _Row(mask, data)
        return True

    def message(self) -> bytes:
        first = self._first
        if first is None or not self.complete:
            raise SharingError(tr("The multi-part QR code is not complete yet."))
        fragment_len = len(first.data)
        joined = b"".join(
            self._rows[i].data.to_bytes(fragment_len, "big") for i in range(first.seq_len)
        )
        message = joined[: first.message_len]
        if zlib.crc32(message) != first.checksum:
            raise MalformedCredential(tr(
                "The multi-part QR code was reassembled but its checksum does not match; "
                "a frame was misread or altered."
            ))
        return message


def _malformed(reason: str) -> MalformedCredential:
    """``reason`` is a ``tr()`` clause that ends the sentence."""
    return MalformedCredential(tr("The multi-part QR frame is invalid: {reason}.", reason=reason))
