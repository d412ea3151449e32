"""Xoshiro256** 1.0 (Blackman and Vigna), seeded as BC-UR seeds it: SHA-256 of the seed bytes,
read as four big-endian 64-bit words. The fountain code's choice of fragments depends on this
generator bit for bit, so it is tested against the BC-UR reference sequences."""

from __future__ import annotations

import hashlib

_MASK = (1 << 64) - 1


def _rotl(x: int, k: int) -> int:
    return ((x << k) | (x >> (64 - k))) & _MASK


class Xoshiro256:
    def __init__(self, seed: bytes) -> None:
        digest = hashlib.sha256(seed).digest()
        self._s = [int.from_bytes(digest[i : i + 8], "big") for i in range(0, 32, 8)]

    def next(self) -> int:
        s = self._s
        result = (_rotl((s[1] * 5) & _MASK, 7) * 9) & _MASK
        t = (s[1] << 17) & _MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = _rotl(s[3], 45)
        return result

    def next_double(self) -> float:
        return self.next() / float(1 << 64)

    def next_int(self, low: int, high: int) -> int:
        """An integer in ``[low, high]`` (both included), as the reference computes it."""
        return int(self.next_double() * (high - low + 1)) + low

    def next_data(self, count: int) -> bytes:
        return bytes(self.next_int(0, 255) for _ in range(count))
