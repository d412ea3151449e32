"""Bytewords, minimal style (BCR-2020-012): each byte as the first and last letter of one of
256 four-letter words, followed by the CRC-32 of the bytes (big-endian) in the same form.

The word list is the specification's data. Decoding is strict: an unknown letter pair, an odd
length or a checksum mismatch raises :class:`MalformedCredential`.
"""

from __future__ import annotations

import zlib

from wallet.errors import MalformedCredential
from wallet.translation import tr

WORDS = (
    "ableacidalsoapexaquaarchatomauntawayaxisbackbaldbarnbeltbetabiasbluebodybragbrewbulbbuzz"
    "calmcashcatschefcityclawcodecolacookcostcruxcurlcuspcyandarkdatadaysdelidicedietdoordown"
    "drawdropdrumdulldutyeacheasyechoedgeepicevenexamexiteyesfactfairfernfigsfilmfishfizzflap"
    "flewfluxfoxyfreefrogfuelfundgalagamegeargemsgiftgirlglowgoodgraygrimgurugushgyrohalfhang"
    "hardhawkheathelphighhillholyhopehornhutsicedideaidleinchinkyintoirisironitemjadejazzjoin"
    "joltjowljudojugsjumpjunkjurykeepkenokeptkeyskickkilnkingkitekiwiknoblamblavalazyleaflegs"
    "liarlimplionlistlogoloudloveluaulucklungmainmanymathmazememomenumeowmildmintmissmonknail"
    "navyneednewsnextnoonnotenumbobeyoboeomitonyxopenovalowlspaidpartpeckplaypluspoempoolpose"
    "puffpumapurrquadquizraceramprealredorichroadrockroofrubyruinrunsrustsafesagascarsetssilk"
    "skewslotsoapsolosongstubsurfswantacotasktaxitenttiedtimetinytoiltombtoystriptunatwinugly"
    "undouniturgeuservastveryvetovialvibeviewvisavoidvowswallwandwarmwaspwavewaxywebswhatwhen"
    "whizwolfworkyankyawnyellyogayurtzapszerozestzinczonezoom"
)
assert len(WORDS) == 256 * 4

MINIMAL = tuple(WORDS[4 * i] + WORDS[4 * i + 3] for i in range(256))
_BYTE = {pair: value for value, pair in enumerate(MINIMAL)}
assert len(_BYTE) == 256  # the list is designed so first+last letter is unique


def encode_minimal(data: bytes) -> str:
    checked = data + zlib.crc32(data).to_bytes(4, "big")
    return "".join(MINIMAL[byte] for byte in checked)


def decode_minimal(text: str) -> bytes:
    lowered = text.lower()
    if len(lowered) % 2:
        raise _invalid(tr("its length is odd"))
    try:
        checked = bytes(_BYTE[lowered[i : i + 2]] for i in range(0, len(lowered), 2))
    except KeyError as exc:
        raise _invalid(tr("{word} is not a byteword", word=repr(exc.args[0]))) from None
    if len(checked) < 5:
        raise _invalid(tr("it is too short to hold a checksum"))
    body, checksum = checked[:-4], checked[-4:]
    if zlib.crc32(body).to_bytes(4, "big") != checksum:
        raise _invalid(tr("its checksum does not match (the frame was misread or altered)"))
    return body


def _invalid(reason: str) -> MalformedCredential:
    """``reason`` is a ``tr()`` clause that ends the sentence."""
    return MalformedCredential(
        tr("The multi-part QR frame's text is invalid: {reason}.", reason=reason)
    )
