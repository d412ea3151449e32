"""SD-JWT VC (``header.payload.sig~disclosure~...~[kb-jwt]``), e.g. the EUDI learning credential.

The steps follow RFC 9901 (SD-JWT) §7.1 "Processing of the SD-JWT": (1) split on ``~``,
(2) parse the issuer-signed JWT, (3) decode each disclosure and hash its base64url text with
``_sd_alg`` (default ``sha-256``), (4) replace each ``_sd`` digest and array ``{"...": d}``
element that has a disclosure, recursively, dropping digests without one, (5) reject a
disclosure used twice, never used, or naming a claim that already exists. The view is built
from the disclosed claims only; the signature check lives in ``wallet.crypto``.

Claim names of the EUDI learning credential (``urn:eu.europa.ec.eudi:learning:credential:1``)
are those the EUDI reference issuer publishes in its credential configuration
(``achievement_title``, ``achievement_description``, ``learning_outcomes``,
``assessment_grade``, ``language_of_classes``, ``learner_identification``,
``expected_study_time``, ``level_of_learning_experience``, ``form_of_participation``,
``types_of_quality_assurance``, ``prerequisites_to_enroll``, ``evaluator_verification``,
``integration_stackability_options``, ``issuing_authority``,
``issuing_country``, ``date_of_issuance``, ``date_of_expiry``, ``family_name``,
``given_name``); a few plain synonyms (``ects_points``, ``credits``, ``eqf_level``,
``issuance_date``, ``mode_of_participation``, ``quality_assurance``) are read as well. The
labels of the disclosed claims come from the bundled type metadata
(:mod:`wallet.formats.sd_jwt_vc_type_metadata`) and travel in ``extras["claim_labels"]``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wallet.base64url import b64url_decode, b64url_encode
from wallet.crypto.jws_compact import CompactJws, looks_like_compact_jws
from wallet.errors import InputTooLarge, MalformedCredential, NotACredential, WalletError
from wallet.formats.sd_jwt_vc_type_metadata import claim_labels, type_name
from wallet.formats.vc_jwt import credential_with_jwt_claims
from wallet.formats.vc_view import organisation_from, view_from_vc
from wallet.formats.vc_view_values import level_from_code, parse_epoch
from wallet.json_input import decode_text, load_json
from wallet.json_values import as_list, lang_text, parse_datetime, parse_number, plain_string
from wallet.limits import MAX_JSON_DEPTH
from wallet.model import (
    Credential,
    CredentialFormat,
    LangText,
    MicroCredentialView,
    Organisation,
    normalise_language,
)
from wallet.translation import tr

LEARNING_CREDENTIAL_VCT = "urn:eu.europa.ec.eudi:learning:credential:1"
MEDIA_TYPE = "application/dc+sd-jwt"
_HASHES = {"sha-256": hashlib.sha256, "sha-384": hashlib.sha384, "sha-512": hashlib.sha512}
_ISO_HOURS = re.compile(
    r"P(?:(?P<d>\d+(?:\.\d+)?)D)?T?(?:(?P<h>\d+(?:\.\d+)?)H)?"
    r"(?:(?P<m>\d+(?:\.\d+)?)M)?"
)
_SD_TYPS = frozenset({"vc+sd-jwt", "dc+sd-jwt", "sd-jwt", "example+sd-jwt"})


@dataclass(frozen=True)
class Disclosure:
    text: str  # the base64url form, which is what the digest covers
    name: str | None  # None for an array element
    value: Any


def detect(raw: bytes) -> bool:
    stripped = raw.strip()
    if b"~" not in stripped[:1_000_000]:
        return False
    issuer_jwt = stripped.split(b"~", 1)[0]
    if not looks_like_compact_jws(issuer_jwt):
        return False
    try:
        jws = CompactJws.from_text(issuer_jwt)
        payload = jws.payload_object()
    except WalletError:
        return False
    return (
        "_sd" in payload
        or "_sd_alg" in payload
        or "vct" in payload
        or jws.header.get("typ") in _SD_TYPS
    )


def parse(raw: bytes) -> Credential:
    text = decode_text(raw, what=tr("The SD-JWT")).strip()
    parts = text.split("~")
    if len(parts) < 2:
        raise NotACredential(tr("This is not an SD-JWT (no '~' separated disclosures)."))
    issuer_jws = CompactJws.from_text(parts[0], what=tr("The SD-JWT issuer token"))
    payload = issuer_jws.payload_object(what=tr("The SD-JWT issuer token payload"))
    key_binding = _key_binding(parts[-1])
    disclosures = [_decode_disclosure(p, i) for i, p in enumerate(parts[1:-1], start=1)]
    claims = disclose(payload, disclosures)
    vct = plain_string(claims.get("vct"))
    if isinstance(claims.get("credentialSubject"), dict):
        view = view_from_vc(credential_with_jwt_claims(claims, claims, only_missing=True))
    else:
        view = view_from_claims(claims)
    return Credential(
        raw=raw,
        format=CredentialFormat.SD_JWT_VC,
        document=claims,
        view=view,
        media_type=MEDIA_TYPE,
        extras={
            "jws_header": issuer_jws.header,
            "vct": vct,
            "issuer_jwt": parts[0],
            "disclosures": [d.text for d in disclosures],
            "key_binding_jwt": key_binding.compact if key_binding is not None else None,
            # Each disclosed element with its label from the bundled type metadata.
            "claim_labels": [
                {"claim": name, "label": dict(label.values)}
                for name, label in claim_labels(vct, claims)
            ],
        },
    )


def disclose(payload: dict[str, Any], disclosures: list[Disclosure]) -> dict[str, Any]:
    """The claims with every disclosed value put back and undisclosed digests removed."""
    alg = payload.get("_sd_alg", "sha-256")
    hash_fn = _HASHES.get(alg) if isinstance(alg, str) else None
    if hash_fn is None:
        raise MalformedCredential(
            tr("The SD-JWT uses a digest algorithm Kredo does not know."),
            details=f"_sd_alg={alg!r}",
        )
    by_digest: dict[str, Disclosure] = {}
    for disclosure in disclosures:
        digest = b64url_encode(hash_fn(disclosure.text.encode("ascii")).digest())
        if digest in by_digest:
            raise MalformedCredential(tr("The SD-JWT carries the same disclosure twice."))
        by_digest[digest] = disclosure
    used: set[str] = set()
    rebuilt = _rebuild(payload, by_digest, used, depth=0)
    if len(used) != len(by_digest):
        raise MalformedCredential(
            tr("The SD-JWT carries a disclosure that its signed claims do not refer to."),
            details=f"{len(by_digest) - len(used)} unreferenced disclosure(s)",
        )
    assert isinstance(rebuilt, dict)
    rebuilt.pop("_sd_alg", None)
    return rebuilt


def _rebuild(value: Any, by_digest: dict[str, Disclosure], used: set[str], *, depth: int) -> Any:
    if depth > MAX_JSON_DEPTH:
        raise InputTooLarge(
            tr("The SD-JWT nests claims deeper than {limit} levels.", limit=MAX_JSON_DEPTH)
        )
    if isinstance(value, dict):
        out = {
            k: _rebuild(v, by_digest, used, depth=depth + 1) for k, v in value.items() if k != "_sd"
        }
        for digest in as_list(value.get("_sd")):
            disclosure = _take(digest, by_digest, used)
            if disclosure is None:
                continue
            if disclosure.name is None:
                raise MalformedCredential(
                    tr("An SD-JWT array disclosure is used as an object claim.")
                )
            if disclosure.name in out:
                raise MalformedCredential(
                    tr("An SD-JWT disclosure repeats a claim that is already there.")
                )
            out[disclosure.name] = _rebuild(disclosure.value, by_digest, used, depth=depth + 1)
        return out
    if isinstance(value, list):
        items: list[Any] = []
        for element in value:
            if isinstance(element, dict) and set(element) == {"..."}:
                disclosure = _take(element["..."], by_digest, used)
                if disclosure is None:
                    continue
                if disclosure.name is not None:
                    raise MalformedCredential(
                        tr("An SD-JWT object disclosure is used as an array element.")
                    )
                items.append(_rebuild(disclosure.value, by_digest, used, depth=depth + 1))
            else:
                items.append(_rebuild(element, by_digest, used, depth=depth + 1))
        return items
    return value


def _take(digest: Any, by_digest: dict[str, Disclosure], used: set[str]) -> Disclosure | None:
    if not isinstance(digest, str):
        raise MalformedCredential(tr("An SD-JWT digest is not a string."))
    disclosure = by_digest.get(digest)
    if disclosure is None:
        return None  # a decoy or a claim the holder chose not to disclose
    if digest in used:
        raise MalformedCredential(tr("An SD-JWT disclosure is referred to twice."))
    used.add(digest)
    return disclosure


def _decode_disclosure(text: str, index: int) -> Disclosure:
    what = tr("SD-JWT disclosure {index}", index=index)
    if not text:
        raise MalformedCredential(tr("{what} is empty.", what=what))
    decoded = load_json(b64url_decode(text, what=what), what=what)
    if (
        not isinstance(decoded, list)
        or len(decoded) not in (2, 3)
        or not isinstance(decoded[0], str)
    ):
        raise MalformedCredential(tr(
            "{what} is not a [salt, name, value] or [salt, value] array.", what=what
        ))
    if len(decoded) == 2:
        return Disclosure(text, None, decoded[1])
    name = decoded[1]
    if not isinstance(name, str) or name in ("_sd", "..."):
        raise MalformedCredential(tr("{what} names an invalid claim.", what=what))
    return Disclosure(text, name, decoded[2])


def _key_binding(last: str) -> CompactJws | None:
    """The optional key-binding JWT after the last ``~`` (empty when there is none)."""
    if not last:
        return None
    return CompactJws.from_text(last, what=tr("The SD-JWT key-binding token"))


def view_from_claims(claims: dict[str, Any]) -> MicroCredentialView:
    """Flat SD-JWT VC claims (EUDI learning credential names) → view."""

    def text(*keys: str) -> LangText | None:
        return _first_text(claims, *keys)

    def date(*keys: str) -> datetime | None:
        return _first_date(claims, *keys)

    awarding_body, issuer, country = _organisations(claims)
    outcomes = tuple(
        t for t in (lang_text(o) for o in as_list(claims.get("learning_outcomes"))) if t is not None
    )
    class_languages = [
        normalise_language(v)
        for v in as_list(claims.get("language_of_classes"))
        if isinstance(v, str) and v.strip()
    ]
    vct = plain_string(claims.get("vct"))
    return MicroCredentialView(
        learner_name=_learner_name(claims),
        learner_identifier=plain_string(claims.get("learner_identification")),
        learner_birth_date=plain_string(claims.get("birth_date") or claims.get("birthdate")),
        # The learning credential names its title claim achievement_title (its type
        # metadata); other types say title or name; else the type's own display name.
        title=text("achievement_title", "title", "name") or type_name(vct),
        description=text("achievement_description", "description"),
        awarding_body=awarding_body,
        issuer=issuer,
        issuer_country=country,
        issued=date("date_of_issuance", "issuance_date", "iat"),
        valid_from=date("nbf"),
        valid_until=date("date_of_expiry", "expiry_date", "exp"),
        learning_outcomes=outcomes,
        ects=_first_number(claims, "ects_points", "ects", "credits"),
        workload_hours=_hours(claims.get("expected_study_time")),
        eqf_level=level_from_code(claims.get("eqf_level"))
        or level_from_code(claims.get("level_of_learning_experience")),
        assessment=text("type_of_assessment", "assessment_type"),
        participation=text("mode_of_participation", "form_of_participation"),
        quality_assurance=text("types_of_quality_assurance", "quality_assurance"),
        prerequisites=text("prerequisites_to_enroll", "prerequisites"),
        supervision=text("evaluator_verification", "supervision_and_verification"),
        grade=text("assessment_grade", "grade"),
        integration=text("integration_stackability_options"),
        further_information=text("further_information"),
        credential_id=plain_string(claims.get("jti")) or plain_string(claims.get("id")),
        types=(vct,) if vct else (),
        languages=tuple(sorted(set(class_languages))),
    )


def _first_text(claims: dict[str, Any], *keys: str) -> LangText | None:
    for key in keys:
        found = lang_text(claims.get(key))
        if found is not None:
            return found
    return None


def _first_date(claims: dict[str, Any], *keys: str) -> datetime | None:
    for key in keys:
        value = claims.get(key)
        found = parse_epoch(value) if isinstance(value, int | float) else parse_datetime(value)
        if found is not None:
            return found
    return None


def _learner_name(claims: dict[str, Any]) -> LangText | None:
    given = plain_string(claims.get("given_name"))
    family = plain_string(claims.get("family_name"))
    full_name = " ".join(p for p in (given, family) if p)
    return LangText.plain(full_name) if full_name else None


def _organisations(
    claims: dict[str, Any],
) -> tuple[Organisation | None, Organisation | None, LangText | None]:
    """(awarding body, issuer, issuing country): the authority, and who signs as ``iss``."""
    authority = organisation_from(claims.get("issuing_authority"))
    if authority is not None and authority.name is None and authority.identifier:
        # A plain string here is the authority's name, not an identifier.
        authority = Organisation(name=LangText.plain(authority.identifier))
    country = _first_text(claims, "issuing_country")
    iss = plain_string(claims.get("iss"))
    issuer = (
        Organisation(
            name=authority.name if authority else None,
            identifier=iss,
            country=country,
        )
        if (authority or iss or country)
        else None
    )
    if authority is not None and country is not None and authority.country is None:
        authority = Organisation(
            name=authority.name,
            identifier=authority.identifier,
            country=country,
            homepage=authority.homepage,
        )
    return authority or issuer, issuer, country


def _first_number(claims: dict[str, Any], *keys: str) -> float | None:
    for key in keys:
        number = parse_number(claims.get(key))
        if number is not None:
            return number
    return None


def _hours(value: Any) -> float | None:
    """Study time as a number of hours, or an ISO 8601 duration such as ``PT60H``."""
    number = parse_number(value)
    if number is not None:
        return number
    text = plain_string(value)
    if text is None or len(text) > 32:
        return None
    match = _ISO_HOURS.fullmatch(text.upper())
    if match is None or not any(match.groupdict().values()):
        return None
    days, hours, minutes = (float(match.group(k) or 0) for k in ("d", "h", "m"))
    return days * 24 + hours + minutes / 60
