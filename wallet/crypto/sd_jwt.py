"""SD-JWT VC verification and selective presentation (RFC 9901, draft-ietf-oauth-sd-jwt-vc).

An SD-JWT is ``<issuer-signed JWT>~<disclosure>~...~<disclosure>~[<key binding JWT>]``. The
issuer signs only digests of the selectively disclosable claims; each disclosure
(``[salt, name, value]`` for an object property, ``[salt, value]`` for an array element)
proves one claim by hashing to a digest the issuer signed. The holder chooses which
disclosures to pass on (:func:`present`) and may prove possession of the key named in
``cnf.jwk`` with a key binding JWT bound to exactly that presentation (``sd_hash``).

Verification returns separate checks; it raises only when the issuer part is not a JWS.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from wallet.base64url import b64url_decode, b64url_encode
from wallet.check_status import CheckStatus
from wallet.crypto.finding import Finding
from wallet.crypto.jwk import PrivateKey, PublicKey, public_key_from_jwk
from wallet.crypto.jws import SUPPORTED_ALGS, JwsFailure, sign_compact_jws, verify_compact_jws
from wallet.crypto.jws_compact import CompactJws
from wallet.crypto.jwt_vc import CLOCK_SKEW, check_jwt_times
from wallet.dates import parse_numeric_date
from wallet.errors import MalformedCredential, SharingError, WalletError
from wallet.json_input import load_json, load_json_object
from wallet.translation import tr, tr_n

SD_JWT_VC_TYPES = frozenset({"dc+sd-jwt", "vc+sd-jwt"})
KB_JWT_TYPE = "kb+jwt"
# How old a key binding JWT may be: it proves presence *now*, so minutes, not days.
KB_MAX_AGE = timedelta(minutes=5)

# RFC 9901 §4.1.1 names hashes from the IANA "Named Information Hash Algorithm" registry.
_DIGESTS: dict[str, Callable[[bytes], Any]] = {
    "sha-256": hashlib.sha256,
    "sha-384": hashlib.sha384,
    "sha-512": hashlib.sha512,
    "sha3-256": hashlib.sha3_256,
    "sha3-384": hashlib.sha3_384,
    "sha3-512": hashlib.sha3_512,
}
_RESERVED_NAMES = frozenset({"_sd", "...", "_sd_alg"})

PathSegment = str | int


# --- structure ------------------------------------------------------------------------


@dataclass(frozen=True)
class SdJwtParts:
    """The ``~``-separated parts, as the exact strings received."""

    issuer_jwt: str
    disclosures: tuple[str, ...]
    kb_jwt: str | None

    @classmethod
    def from_text(cls, text: str) -> SdJwtParts:
        if not isinstance(text, str) or "~" not in text:
            raise MalformedCredential(
                tr("This is not an SD-JWT (expected a signed token followed by “~”).")
            )
        if not text.isascii():
            # RFC 9901 §4: base64url parts joined by "~"; digests are taken over the ASCII.
            raise MalformedCredential(tr("The SD-JWT contains characters that cannot be in one."))
        pieces = text.strip().split("~")
        issuer_jwt, middle, last = pieces[0], pieces[1:-1], pieces[-1]
        if issuer_jwt.count(".") != 2:
            raise MalformedCredential(tr("The SD-JWT does not start with a signed token."))
        if any(not piece for piece in middle):
            raise MalformedCredential(tr("The SD-JWT contains an empty disclosure."))
        return cls(issuer_jwt=issuer_jwt, disclosures=tuple(middle), kb_jwt=last or None)

    @property
    def presented(self) -> str:
        """``<issuer JWT>~<disclosures>~`` — the exact string a key binding's ``sd_hash`` covers."""
        return "".join(f"{part}~" for part in (self.issuer_jwt, *self.disclosures))


@dataclass(frozen=True)
class Disclosure:
    """One verified disclosure and where its claim sits in the rebuilt claims."""

    encoded: str
    digest: str
    salt: str
    name: str | None  # None for an array element
    value: Any
    path: tuple[PathSegment, ...]

    @property
    def path_text(self) -> str:
        return path_to_text(self.path)


@dataclass(frozen=True)
class SdJwtVerification:
    """Every check of one SD-JWT VC, kept apart; ``claims`` are the disclosed claims."""

    header: Mapping[str, Any]
    issuer_payload: Mapping[str, Any]
    claims: Mapping[str, Any]
    disclosed: tuple[Disclosure, ...]
    signature: Finding
    disclosures: Finding
    type_check: Finding
    time: Finding
    key_binding: Finding
    holder_key: PublicKey | None = None
    signature_failure: JwsFailure | None = None

    @property
    def valid(self) -> bool:
        checks = (self.signature, self.disclosures, self.type_check, self.time)
        return all(c.passed for c in checks) and self.key_binding.status is not CheckStatus.FAILED


# --- verification ---------------------------------------------------------------------


def verify_sd_jwt(
    sd_jwt: str,
    issuer_key: PublicKey,
    *,
    now: datetime,
    expected_nonce: str | None = None,
    expected_audience: str | None = None,
    require_key_binding: bool = False,
    allowed_algs: Collection[str] = SUPPORTED_ALGS,
    clock_skew: timedelta = CLOCK_SKEW,
    kb_max_age: timedelta = KB_MAX_AGE,
) -> SdJwtVerification:
    """Verify an SD-JWT VC (RFC 9901 §7.1 and §7.3); raises only for input that is not one."""
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    # 1. Separate the parts and decode the issuer-signed JWT.
    parts = SdJwtParts.from_text(sd_jwt)
    jws = CompactJws.from_text(parts.issuer_jwt)
    payload = load_json_object(jws.payload, what=tr("The SD-JWT's payload"))

    # 2. The issuer's signature.
    outcome = verify_compact_jws(jws, issuer_key, allowed_algs=allowed_algs)
    signature = Finding.of(outcome.valid, outcome.message)

    # 3-5. Every disclosure must hash to a digest the issuer signed, exactly once.
    claims, disclosed, disclosures = _checked_disclosures(payload, parts.disclosures)

    # 6. SD-JWT VC rules: the token type and a credential type (``vct``).
    type_check = _type_check(jws.header, payload)

    # 7. Time, over the signed claims plus any disclosed ones.
    time = check_jwt_times({**payload, **claims}, now, clock_skew=clock_skew)

    # 8. Key binding: the holder's proof for this exact presentation.
    key_binding, holder_key = _check_key_binding(
        parts,
        claims if claims else payload,
        payload.get("_sd_alg", "sha-256"),
        now=now,
        expected_nonce=expected_nonce,
        expected_audience=expected_audience,
        require=require_key_binding,
        allowed_algs=allowed_algs,
        clock_skew=clock_skew,
        max_age=kb_max_age,
    )
    return SdJwtVerification(
        header=jws.header,
        issuer_payload=payload,
        claims=claims,
        disclosed=disclosed,
        signature=signature,
        disclosures=disclosures,
        type_check=type_check,
        time=time,
        key_binding=key_binding,
        holder_key=holder_key,
        signature_failure=outcome.failure,
    )


def _checked_disclosures(
    payload: Mapping[str, Any], encoded: Sequence[str]
) -> tuple[Mapping[str, Any], tuple[Disclosure, ...], Finding]:
    """The disclosed claims and disclosures, and the finding on them (none when refused)."""
    try:
        claims, disclosed = _disclose(payload, encoded)
    except _DisclosureRejectedError as rejected:
        return {}, (), Finding(CheckStatus.FAILED, (rejected.message,))
    return claims, disclosed, Finding(CheckStatus.OK, (tr_n(
        "The one disclosed claim was signed by the issuer.",
        "All {n} disclosed claims were signed by the issuer.",
        len(disclosed),
    ),))


def _type_check(header: Mapping[str, Any], payload: Mapping[str, Any]) -> Finding:
    problems: list[str] = []
    if header.get("typ") not in SD_JWT_VC_TYPES:
        problems.append(tr("The token does not declare itself an SD-JWT verifiable credential."))
    if not isinstance(payload.get("vct"), str) or not payload["vct"]:
        problems.append(tr("The SD-JWT VC does not name its credential type (vct)."))
    return Finding.from_problems(problems, tr("The token is an SD-JWT VC."))


# --- presentation ---------------------------------------------------------------------


def disclosable_claims(sd_jwt: str) -> tuple[str, ...]:
    """Paths (``"address/locality"``, ``"nationalities/1"``) the holder may choose to reveal."""
    _, disclosed = _holder_view(SdJwtParts.from_text(sd_jwt))
    return tuple(d.path_text for d in disclosed)


def present(
    sd_jwt: str,
    reveal: Collection[str],
    *,
    holder_key: PrivateKey | None = None,
    nonce: str | None = None,
    audience: str | None = None,
    now: datetime | None = None,
) -> str:
    """Keep only the disclosures needed to reveal the chosen claim paths; optionally sign a KB-JWT.

    Revealing a path reveals everything beneath it and the enclosing disclosures needed to
    reach it. A path that names no claim at all is an error, so a typo never silently
    hides what the learner meant to share.
    """
    parts = SdJwtParts.from_text(sd_jwt)
    claims, disclosed = _holder_view(parts)
    wanted = [path_from_text(text) for text in reveal]
    for path, text in zip(wanted, reveal, strict=True):
        if not _path_exists(claims, path):
            raise SharingError(tr("The credential has no claim “{claim}” to reveal.", claim=text))
    kept = {
        d.encoded
        for d in disclosed
        if any(_is_prefix(_as_text(d.path), w) or _is_prefix(w, _as_text(d.path)) for w in wanted)
    }
    chosen = SdJwtParts(
        issuer_jwt=parts.issuer_jwt,
        disclosures=tuple(d for d in parts.disclosures if d in kept),
        kb_jwt=None,
    )
    if holder_key is None:
        return chosen.presented
    if not nonce or not audience:
        raise SharingError(tr("A holder proof needs the verifier's nonce and audience."))
    moment = now or datetime.now(UTC)
    payload = load_json_object(
        CompactJws.from_text(parts.issuer_jwt).payload, what=tr("The SD-JWT's payload")
    )
    kb_payload = {
        "iat": int(moment.timestamp()),
        "aud": audience,
        "nonce": nonce,
        "sd_hash": _digest(payload.get("_sd_alg", "sha-256"), chosen.presented),
    }
    kb_jwt = sign_compact_jws(
        {"typ": KB_JWT_TYPE}, json.dumps(kb_payload).encode("utf-8"), holder_key
    )
    return chosen.presented + kb_jwt


def path_to_text(path: Sequence[PathSegment]) -> str:
    """``("address", "street")`` → ``"address/street"`` (JSON Pointer escaping, RFC 6901)."""
    return "/".join(str(s).replace("~", "~0").replace("/", "~1") for s in path)


def path_from_text(text: str) -> tuple[str, ...]:
    segments = text.strip().lstrip("/").split("/")
    return tuple(s.replace("~1", "/").replace("~0", "~") for s in segments)


# --- internals ------------------------------------------------------------------------


class _DisclosureRejectedError(Exception):
    """Internal: the sentence why the disclosures cannot be accepted."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message  # the tr() sentence itself, not str() of it


def _digest(alg: Any, text: str) -> str:
    digest_fn = _DIGESTS.get(alg) if isinstance(alg, str) else None
    if digest_fn is None:
        raise _DisclosureRejectedError(
            tr("The SD-JWT uses a digest algorithm Kredo does not support."))
    return b64url_encode(digest_fn(text.encode("ascii")).digest())


def _holder_view(parts: SdJwtParts) -> tuple[dict[str, Any], tuple[Disclosure, ...]]:
    payload = load_json_object(
        CompactJws.from_text(parts.issuer_jwt).payload, what=tr("The SD-JWT's payload")
    )
    try:
        return _disclose(payload, parts.disclosures)
    except _DisclosureRejectedError as rejected:
        raise MalformedCredential(rejected.message) from None


def _disclose(
    payload: Mapping[str, Any], encoded: Sequence[str]
) -> tuple[dict[str, Any], tuple[Disclosure, ...]]:
    """RFC 9901 §7.1 steps 3-5: replace digests by disclosed claims, reject anything odd."""
    disclosing = _Disclosing(payload.get("_sd_alg", "sha-256"), encoded)
    claims = disclosing.walk(payload, ())
    if set(disclosing.by_digest) - disclosing.seen:
        raise _DisclosureRejectedError(tr(
            "A disclosure does not belong to this credential: its digest is not in the signed data."
        ))
    return claims, tuple(disclosing.found)


class _Disclosing:
    """One walk over the signed claims: each digest met is replaced by its disclosure."""

    def __init__(self, alg: Any, encoded: Sequence[str]) -> None:
        # 3. The presented disclosures by digest; the same one twice is refused.
        self.by_digest: dict[str, str] = {}
        for text in encoded:
            digest = _digest(alg, text)
            if digest in self.by_digest:
                raise _DisclosureRejectedError(tr("The same disclosure is presented twice."))
            self.by_digest[digest] = text
        self.seen: set[str] = set()
        self.found: list[Disclosure] = []

    def walk(self, node: Any, path: tuple[PathSegment, ...]) -> Any:
        """4. Objects and arrays, recursively; anything else is kept as signed."""
        if isinstance(node, dict):
            return self._object(node, path)
        if isinstance(node, list):
            return self._array(node, path)
        return node

    def _object(self, node: dict[str, Any], path: tuple[PathSegment, ...]) -> dict[str, Any]:
        digests = node.get("_sd", [])
        if not isinstance(digests, list):
            raise _DisclosureRejectedError(
                tr("The SD-JWT's signed data holds a malformed digest list.")
            )
        out = {
            k: self.walk(v, (*path, k))
            for k, v in node.items()
            if k != "_sd" and not (k == "_sd_alg" and not path)
        }
        for digest in digests:
            disclosed = self._claim(digest, path, in_array=False)
            if disclosed is None:
                continue
            name, value = disclosed
            if name in out:
                raise _DisclosureRejectedError(
                    tr("A disclosure overwrites a claim that is already there.")
                )
            out[str(name)] = value
        return out

    def _array(self, node: list[Any], path: tuple[PathSegment, ...]) -> list[Any]:
        items: list[Any] = []
        for element in node:
            if isinstance(element, dict) and "..." in element:
                if len(element) != 1:
                    raise _DisclosureRejectedError(
                        tr("An array placeholder in the SD-JWT is malformed.")
                    )
                disclosed = self._claim(element["..."], (*path, len(items)), in_array=True)
                if disclosed is not None:
                    items.append(disclosed[1])
            else:
                items.append(self.walk(element, (*path, len(items))))
        return items

    def _claim(
        self, digest: Any, path: tuple[PathSegment, ...], *, in_array: bool
    ) -> tuple[str | None, Any] | None:
        """5. The disclosed (name, value) for ``digest``; None when it was not presented."""
        if not isinstance(digest, str):
            raise _DisclosureRejectedError(
                tr("The SD-JWT's signed data holds a malformed digest."))
        if digest in self.seen:
            raise _DisclosureRejectedError(tr("The SD-JWT's signed data repeats a digest."))
        self.seen.add(digest)
        if digest not in self.by_digest:
            return None  # not presented, or a decoy digest
        text = self.by_digest[digest]
        item = _decode_disclosure(text)
        if len(item) != (2 if in_array else 3):
            raise _DisclosureRejectedError(
                tr("A disclosure has the wrong shape for where the issuer placed it.")
            )
        name = None if in_array else item[1]
        if name is not None and (not isinstance(name, str) or name in _RESERVED_NAMES):
            raise _DisclosureRejectedError(tr("A disclosure has an invalid claim name."))
        full_path = path if in_array else (*path, str(name))
        # ``value`` keeps the disclosure as issued (nested digests included).
        self.found.append(Disclosure(text, digest, item[0], name, item[-1], full_path))
        return name, self.walk(item[-1], full_path)


def _decode_disclosure(text: str) -> list[Any]:
    try:
        item = load_json(b64url_decode(text, what=tr("A disclosure")), what=tr("A disclosure"))
    except WalletError:
        raise _DisclosureRejectedError(tr("A disclosure cannot be read.")) from None
    if not isinstance(item, list) or len(item) not in (2, 3) or not isinstance(item[0], str):
        raise _DisclosureRejectedError(tr("A disclosure is not a salted claim."))
    return item


def _check_key_binding(
    parts: SdJwtParts,
    claims: Mapping[str, Any],
    sd_alg: Any,
    *,
    now: datetime,
    expected_nonce: str | None,
    expected_audience: str | None,
    require: bool,
    allowed_algs: Collection[str],
    clock_skew: timedelta,
    max_age: timedelta,
) -> tuple[Finding, PublicKey | None]:
    """RFC 9901 §7.3: a ``kb+jwt`` signed by ``cnf.jwk`` over this exact presentation."""
    if parts.kb_jwt is None:
        if require:
            return Finding(
                CheckStatus.FAILED,
                (tr("The credential was presented without the holder's proof of possession."),),
            ), None
        return Finding.skipped(tr("The holder did not add a proof of possession.")), None

    def failed(message: str, key: PublicKey | None = None) -> tuple[Finding, PublicKey | None]:
        return Finding(CheckStatus.FAILED, (message,)), key

    cnf = claims.get("cnf")
    jwk = cnf.get("jwk") if isinstance(cnf, dict) else None
    if not isinstance(jwk, dict):
        return failed(
            tr("The credential names no holder key, so the holder's proof cannot be checked.")
        )
    try:
        holder_key = public_key_from_jwk(jwk)
        kb = CompactJws.from_text(parts.kb_jwt)
        kb_claims = load_json_object(kb.payload, what=tr("The holder's proof"))
    except MalformedCredential as exc:
        return failed(tr("The holder's proof cannot be read: {reason}", reason=exc.message))
    if kb.header.get("typ") != KB_JWT_TYPE:
        return failed(
            tr("The holder's proof is not a key binding JWT (typ is not kb+jwt)."), holder_key
        )
    outcome = verify_compact_jws(kb, holder_key, allowed_algs=allowed_algs)
    if not outcome.valid:
        return failed(
            tr("The holder's proof is not signed by the holder's key. {reason}",
               reason=outcome.message),
            holder_key,
        )
    try:
        expected_hash = _digest(sd_alg, parts.presented)
    except _DisclosureRejectedError as rejected:
        return failed(rejected.message, holder_key)
    problems = [
        *_kb_request_problems(kb_claims, expected_hash, expected_nonce, expected_audience),
        *_kb_time_problems(kb_claims.get("iat"), now, clock_skew, max_age),
    ]
    result = Finding.from_problems(
        problems, tr("The holder proved possession of the credential's key.")
    )
    return result, holder_key


def _kb_request_problems(
    kb_claims: Mapping[str, Any],
    expected_hash: str,
    expected_nonce: str | None,
    expected_audience: str | None,
) -> list[str]:
    """The holder's proof is for this presentation, this request and this verifier."""
    problems: list[str] = []
    if kb_claims.get("sd_hash") != expected_hash:
        problems.append(tr("The holder's proof was made for a different presentation (sd_hash)."))
    nonce = kb_claims.get("nonce")
    if not isinstance(nonce, str) or (expected_nonce is not None and nonce != expected_nonce):
        problems.append(tr("The holder's proof answers a different request (nonce)."))
    aud = kb_claims.get("aud")
    if not isinstance(aud, str) or (expected_audience is not None and aud != expected_audience):
        problems.append(tr("The holder's proof was made for a different verifier (aud)."))
    return problems


def _kb_time_problems(
    iat: Any, now: datetime, clock_skew: timedelta, max_age: timedelta
) -> list[str]:
    """The holder's proof was made just now (``iat``, within ``max_age``)."""
    issued = parse_numeric_date(iat)  # None too for a number no calendar holds
    if issued is None:
        return [tr("The holder's proof is not dated (iat).")]
    if issued > now + clock_skew:
        return [tr("The holder's proof is dated in the future.")]
    if issued < now - max_age - clock_skew:
        return [tr("The holder's proof is too old to show the holder is present.")]
    return []


def _path_exists(claims: Any, path: Sequence[str]) -> bool:
    node = claims
    for segment in path:
        if isinstance(node, dict) and segment in node:
            node = node[segment]
        elif isinstance(node, list) and segment.isdigit() and int(segment) < len(node):
            node = node[int(segment)]
        else:
            return False
    return True


def _as_text(path: Sequence[PathSegment]) -> tuple[str, ...]:
    return tuple(str(segment) for segment in path)


def _is_prefix(prefix: Sequence[str], path: Sequence[str]) -> bool:
    return tuple(path[: len(prefix)]) == tuple(prefix)
