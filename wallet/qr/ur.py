"""Uniform Resources (BCR-2020-005): ``ur:<type>/<message>`` for a single part and
``ur:<type>/<seqNum>-<seqLen>/<fragment>`` for the parts of a fountain-coded message, the
bodies in minimal Bytewords. URs are case-insensitive; in QR codes they are written in upper
case so the code uses alphanumeric mode.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wallet.errors import MalformedCredential
from wallet.qr.bytewords import decode_minimal, encode_minimal
from wallet.qr.fountain import FountainPart
from wallet.translation import tr

SCHEME = "ur:"
_TYPE = re.compile(r"^[a-z0-9-]+$")
_SEQUENCE = re.compile(r"^([1-9][0-9]{0,9})-([1-9][0-9]{0,9})$")


@dataclass(frozen=True)
class UrText:
    """One parsed UR text: a whole message (``part`` is None) or one fountain part."""

    type: str
    message: bytes | None = None
    part: FountainPart | None = None


def is_ur(text: str) -> bool:
    return text[:3].lower() == SCHEME


def single_part_ur(ur_type: str, message: bytes) -> str:
    return f"{SCHEME}{ur_type}/{encode_minimal(message)}"


def multi_part_ur(ur_type: str, part: FountainPart) -> str:
    return f"{SCHEME}{ur_type}/{part.seq_num}-{part.seq_len}/{encode_minimal(part.to_cbor())}"


def parse_ur(text: str) -> UrText:
    lowered = text.strip().lower()
    if not lowered.startswith(SCHEME):
        raise _invalid(tr("it does not start with ur:"))
    components = lowered[len(SCHEME) :].split("/")
    ur_type = components[0]
    if not _TYPE.match(ur_type):
        raise _invalid(tr("its type is not lower-case letters, digits and hyphens"))
    if len(components) == 2:
        return UrText(ur_type, message=decode_minimal(components[1]))
    if len(components) != 3:
        raise _invalid(tr("it has neither one nor two path components after the type"))
    sequence = _SEQUENCE.match(components[1])
    if sequence is None:
        raise _invalid(tr("its sequence is not <number>-<count>"))
    part = FountainPart.from_cbor(decode_minimal(components[2]))
    if (part.seq_num, part.seq_len) != (int(sequence[1]), int(sequence[2])):
        raise _invalid(tr("its sequence does not match the sequence inside the frame"))
    return UrText(ur_type, part=part)


def _invalid(reason: str) -> MalformedCredential:
    """``reason`` is a ``tr()`` clause that ends the sentence."""
    return MalformedCredential(tr("The multi-part QR frame is invalid: {reason}.", reason=reason))
