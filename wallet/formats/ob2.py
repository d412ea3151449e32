"""Open Badges 2.0 assertions: hosted (plain JSON) or signed (a compact JWS of the assertion).

Nothing is fetched: ``badge`` and ``issuer`` may be URLs, and then the view shows only the
URL. A hosted assertion is kept exactly as read; checking it against its host is an online,
opt-in verification step.
"""

from __future__ import annotations

from typing import Any

from wallet.crypto.jws_compact import CompactJws, peek_payload_object
from wallet.errors import NotACredential, WalletError
from wallet.formats.vc_view import (
    eqf_level_from_alignments,
    is_outcome_alignment,
    organisation_from,
    quality_assurance_text,
)
from wallet.formats.vc_view_values import image_from
from wallet.json_input import load_json_object, looks_like_json_object
from wallet.json_values import as_list, first_object, lang_text, parse_datetime, plain_string
from wallet.model import Credential, CredentialFormat, Image, MicroCredentialView
from wallet.translation import tr

OB2_CONTEXT = "https://w3id.org/openbadges/v2"


def is_assertion(obj: dict[str, Any]) -> bool:
    """``"type": "Assertion"`` (possibly a list or a full IRI) with a recipient or badge."""
    types = {t for t in as_list(obj.get("type")) if isinstance(t, str)}
    named = bool(types & {"Assertion", "obi:Assertion", "https://w3id.org/openbadges#Assertion"})
    contexts = [c for c in as_list(obj.get("@context")) if isinstance(c, str)]
    in_context = any("openbadges" in c and "v3" not in c for c in contexts)
    return (named or in_context) and ("badge" in obj or "recipient" in obj)


def detect(raw: bytes) -> bool:
    if looks_like_json_object(raw):
        try:
            return is_assertion(load_json_object(raw))
        except WalletError:
            return False
    payload = peek_payload_object(raw)
    return payload is not None and is_assertion(payload)


def parse(raw: bytes) -> Credential:
    if looks_like_json_object(raw):
        assertion = load_json_object(raw, what=tr("The badge assertion"))
        media_type, header = "application/ld+json", None
    else:
        jws = CompactJws.from_text(raw, what=tr("The signed badge"))
        assertion = jws.payload_object(what=tr("The signed badge payload"))
        media_type, header = "application/jwt", jws.header
    if not is_assertion(assertion):
        raise NotACredential(tr("This is not an Open Badges 2.0 assertion."))
    return Credential(
        raw=raw,
        format=CredentialFormat.OB2,
        document=assertion,
        view=view_from_assertion(assertion),
        media_type=media_type,
        extras={"jws_header": header} if header is not None else {},
    )


def view_from_assertion(assertion: dict[str, Any]) -> MicroCredentialView:
    badge = first_object(assertion.get("badge")) or {}
    issuer = organisation_from(badge.get("issuer"))
    recipient = first_object(assertion.get("recipient")) or {}
    criteria = first_object(badge.get("criteria")) or {}
    alignments = [a for a in as_list(badge.get("alignment")) if isinstance(a, dict)]
    images = tuple(i for i in (image_from(assertion.get("image")), image_from(badge.get("image")))
                   if i is not None)
    title = lang_text(badge.get("name"))
    # As in OB 3.0: a level or a quality-assurance decision is not something learnt.
    outcomes = tuple(t for t in (lang_text(a.get("targetName")) for a in alignments
                                 if is_outcome_alignment(a)) if t is not None)
    return MicroCredentialView(
        learner_identifier=_recipient_identity(recipient),
        title=title,
        description=lang_text(badge.get("description")),
        awarding_body=issuer,
        issuer=issuer,
        issued=parse_datetime(assertion.get("issuedOn")),
        valid_until=parse_datetime(assertion.get("expires")),
        learning_outcomes=outcomes,
        eqf_level=eqf_level_from_alignments(alignments),
        quality_assurance=quality_assurance_text(alignments, None),
        assessment=lang_text(criteria.get("narrative")),
        further_information=lang_text(assertion.get("narrative")),
        credential_id=plain_string(assertion.get("id")),
        types=tuple(t for t in as_list(assertion.get("type")) if isinstance(t, str)),
        images=_unique(images),
        languages=title.languages if title is not None else (),
    )


def _recipient_identity(recipient: dict[str, Any]) -> str | None:
    # A hashed identity (``sha256$...``) says nothing to a person: show it only in clear.
    if recipient.get("hashed") is True:
        return None
    return plain_string(recipient.get("identity"))


def _unique(images: tuple[Image, ...]) -> tuple[Image, ...]:
    seen: list[Image] = []
    for image in images:
        if image not in seen:
            seen.append(image)
    return tuple(seen)
