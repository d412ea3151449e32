"""How the ``signature`` check verifies an Open Badges 2.0 assertion (OB 2.0 §Verification).

An OB 2.0 badge is proven by its issuer's web presence, so checking it needs the network,
which is used only when the user allowed it; documents the caller already holds (a key,
a badge class, an issuer profile, by id) are used offline. The documents are read as plain
compacted JSON, the form the 2.0 specification publishes them in.

Hosted badges (``verification.type`` ``HostedBadge``):

1. the assertion's ``id`` is fetched; the hosted copy must have the same ``id`` and say what
   the presented copy says (recipient, badge, dates, evidence, verification);
2. the badge class (when ``badge`` is a URL) and the issuer profile are fetched; each must be
   the document its URL names;
3. the assertion must be hosted where its issuer allows: ``verification.startsWith`` or
   ``allowedOrigins`` of the issuer profile, by default the issuer profile's own origin;
4. a hosted copy saying ``revoked: true`` revokes the badge (reported by the status check).

Signed badges (``SignedBadge``):

1. the key document at ``verification.creator`` (a ``CryptographicKey`` with ``publicKeyPem``);
2. the RS256 JWS over the assertion, with that key;
3. the key's ``owner`` is the issuer profile, and the profile lists it when it lists keys;
4. the issuer's ``revocationList``, when it names one, must not list the assertion.

The verdict on revocation is handed to the status check (``SignerEvidence.revocation``): a
badge whose issuer was not asked is never reported as not revoked.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from wallet.crypto.ob2_jws import verify_ob2_signed_assertion
from wallet.errors import InputTooLarge, NetworkError, NetworkNotAllowed, WalletError
from wallet.json_input import load_json_object
from wallet.json_values import as_list, id_of
from wallet.model import Credential
from wallet.net import fetch
from wallet.translation import tr
from wallet.verify.checks.base import CheckContext
from wallet.verify.checks.blockcerts_proof import judge_merkle_proof_2017
from wallet.verify.checks.evidence import RevocationEvidence, SignerEvidence
from wallet.verify.report import CheckMode, CheckStatus, IssuerInfo
from wallet.verify.sentences import first_sentences

# OB 2.0 documents are small JSON; a key, a badge class or a profile is a few KB.
MAX_DOCUMENT_BYTES = 256 * 1024
ACCEPT = "application/ld+json, application/json"
HOSTED_TYPES = frozenset({"HostedBadge", "hosted"})
SIGNED_TYPES = frozenset({"SignedBadge", "signed"})
# Blockcerts 2.0: an OB 2.0 assertion proven by a Merkle proof anchored on a blockchain.
BLOCKCERTS_TYPES = frozenset({"MerkleProofVerification2017", "MerkleProof2017"})
# What a hosted copy must repeat exactly; ``badge`` is compared by its id.
COMPARED_FIELDS = ("recipient", "badge", "issuedOn", "expires", "evidence", "verification")

class _Failed(Exception):
    """Internal: the badge failed verification, with one sentence for a person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _Document(enum.Enum):
    """The documents a badge is checked against (each has its own sentences)."""

    HOSTED_COPY = "hosted copy"
    KEY = "key document"
    REVOCATION_LIST = "revocation list"
    BADGE_CLASS = "badge class"
    ISSUER_PROFILE = "issuer profile"


class _Documents:
    """Documents by URL: the caller's first, then the network (only when allowed)."""

    def __init__(self, context: CheckContext) -> None:
        self._known = context.options.documents
        self._online = context.options.online
        self._seen: dict[str, dict[str, Any]] = {}
        self.used_network = False

    def get(self, url: str, what: _Document) -> dict[str, Any]:
        if url in self._known:
            return dict(self._known[url])
        if url not in self._seen:
            got = fetch(url, allowed=self._online, max_bytes=MAX_DOCUMENT_BYTES, accept=ACCEPT)
            self.used_network = True
            try:
                document = load_json_object(got.body, what=_document_name(what))
            except WalletError as exc:
                raise _Failed(exc.message) from None
            if document.get("id") != url:
                raise _Failed(_another_document(what, _host(url)))
            self._seen[url] = document
        return self._seen[url]


def verify_ob2(credential: Credential, context: CheckContext) -> SignerEvidence:
    assertion = credential.document
    verification = assertion.get("verification")
    kinds = set(_types(verification))
    kind = next(iter(sorted(kinds & (SIGNED_TYPES | HOSTED_TYPES))), None)
    documents = _Documents(context)
    signer = IssuerInfo(name=_embedded_issuer_name(assertion))
    if kinds & BLOCKCERTS_TYPES or set(_types(assertion.get("signature"))) & BLOCKCERTS_TYPES:
        return _blockcerts(assertion, signer)
    try:
        if kind in SIGNED_TYPES or _looks_signed(credential):
            finding = _verify_signed(credential, context, documents)
        elif kind in HOSTED_TYPES:
            finding = _verify_hosted(assertion, documents)
        else:
            finding = SignerEvidence(
                CheckStatus.FAILED,
                tr("The badge does not say how to verify it (hosted or signed)."),
                signer,
            )
    except NetworkNotAllowed:
        finding = SignerEvidence(CheckStatus.SKIPPED, _offline_reason(kind, verification), signer)
    except InputTooLarge as exc:
        finding = SignerEvidence(CheckStatus.FAILED, exc.message, signer, mode=CheckMode.NETWORK)
    except NetworkError as exc:
        finding = SignerEvidence(
            CheckStatus.SKIPPED,
            tr(
                "The badge could not be checked with its issuer. {reason}",
                reason=exc.message,
            ),
            signer,
            mode=CheckMode.NETWORK,
        )
    except _Failed as failure:
        finding = SignerEvidence(
            CheckStatus.FAILED,
            failure.message,
            signer,
            mode=CheckMode.NETWORK if documents.used_network else CheckMode.OFFLINE,
        )
    if finding.status is CheckStatus.OK:
        return finding
    return replace(
        finding,
        revocation=RevocationEvidence(
            CheckStatus.SKIPPED,
            tr(
                "Whether the issuer revoked this badge was not checked, because the badge "
                "itself could not be checked with its issuer."
            ),
            finding.mode,
        ),
    )


# --- hosted --------------------------------------------------------------------------------


def _verify_hosted(assertion: Mapping[str, Any], documents: _Documents) -> SignerEvidence:
    # 1. The hosted copy, same id, same claims.
    assertion_id = assertion.get("id")
    if not isinstance(assertion_id, str) or not assertion_id.startswith(("https://", "http://")):
        raise _Failed(
            tr("A hosted badge must have a web address as its id, and this one has none.")
        )
    hosted = documents.get(assertion_id, _Document.HOSTED_COPY)
    differing = [
        name
        for name in COMPARED_FIELDS
        if _comparable(assertion, name) != _comparable(hosted, name)
    ]
    if differing:
        raise _Failed(
            tr(
                "The badge differs from the copy its issuer hosts (in {fields}): it was "
                "altered, or the issuer changed it.",
                fields=", ".join(differing),
            )
        )
    # 2. Badge class and issuer profile.
    profile = _issuer_profile(hosted, documents)
    # 3. Hosted where the issuer allows.
    if not _hosting_allowed(assertion_id, profile):
        raise _Failed(
            tr(
                "The badge is hosted at {host}, a place its issuer does not name for its badges.",
                host=_host(assertion_id),
            )
        )
    return SignerEvidence(
        CheckStatus.OK,
        tr("The badge matches the copy its issuer hosts at {host}.", host=_host(assertion_id)),
        _issuer_info(profile),
        mode=CheckMode.NETWORK if documents.used_network else CheckMode.OFFLINE,
        details={"verification": "hosted", "hosted_at": assertion_id, "issuer": profile["id"]},
        # 4. Revocation as the host says it.
        revocation=_hosted_revocation(hosted),
    )


def _hosted_revocation(hosted: Mapping[str, Any]) -> RevocationEvidence:
    if hosted.get("revoked") is True:
        return RevocationEvidence(
            CheckStatus.FAILED, _revoked(hosted.get("revocationReason")), CheckMode.NETWORK
        )
    return RevocationEvidence(
        CheckStatus.OK,
        tr("The issuer's hosted copy of the badge does not say it is revoked."),
        CheckMode.NETWORK,
    )


def _hosting_allowed(assertion_id: str, profile: Mapping[str, Any]) -> bool:
    policy = profile.get("verification")
    policy = policy if isinstance(policy, Mapping) else {}
    prefixes = [p for p in as_list(policy.get("startsWith")) if isinstance(p, str) and p]
    if prefixes:
        return any(assertion_id.startswith(prefix) for prefix in prefixes)
    origins = [o for o in as_list(policy.get("allowedOrigins")) if isinstance(o, str)]
    if origins:
        return (urlsplit(assertion_id).hostname or "") in origins
    return urlsplit(assertion_id).netloc == urlsplit(str(profile.get("id", ""))).netloc


# --- signed --------------------------------------------------------------------------------


def _verify_signed(
    credential: Credential, context: CheckContext, documents: _Documents
) -> SignerEvidence:
    token = credential.signed_bytes.decode("utf-8", "replace").strip()
    if token.startswith("{"):
        raise _Failed(tr("The badge says it is signed, but it carries no signature."))
    verification = credential.document.get("verification")
    creator = verification.get("creator") if isinstance(verification, Mapping) else None
    if not isinstance(creator, str) or not creator:
        raise _Failed(tr("The signed badge does not say where its issuer's key is (creator)."))
    # 1. The key document.
    key_document = documents.get(creator, _Document.KEY)
    pem = key_document.get("publicKeyPem")
    if key_document.get("type") not in ("CryptographicKey", None) or not isinstance(pem, str):
        raise _Failed(tr("The issuer's key document holds no public key."))
    # 2. The signature.
    result = verify_ob2_signed_assertion(token, pem, now=context.now)
    if not result.signature.passed:
        raise _Failed(
            tr(
                "The badge's signature does not match it: it was altered after signing, or "
                "signed by another key."
            )
        )
    if not result.claims.passed:
        raise _Failed(first_sentences(result.claims.messages))
    # 3. The key belongs to the badge's issuer.
    profile = _issuer_profile(result.assertion, documents)
    if key_document.get("owner") != profile["id"]:
        raise _Failed(
            tr(
                "The signing key belongs to {owner}, not to the badge's issuer {issuer}.",
                owner=str(key_document.get("owner"))[:200],
                issuer=profile["id"],
            )
        )
    listed = [id_of(k) for k in as_list(profile.get("publicKey"))]
    if listed and creator not in listed:
        raise _Failed(tr("The badge's issuer does not list the signing key among its keys."))
    # 4. The issuer's revocation list.
    revocation = _signed_revocation(result.assertion, profile, documents)
    return SignerEvidence(
        CheckStatus.OK,
        tr("The {algorithm} signature by the issuer's key is valid.", algorithm="RS256"),
        _issuer_info(profile),
        mode=CheckMode.NETWORK if documents.used_network else CheckMode.OFFLINE,
        details={"verification": "signed", "key": creator, "issuer": profile["id"]},
        revocation=revocation,
    )


def _signed_revocation(
    assertion: Mapping[str, Any], profile: Mapping[str, Any], documents: _Documents
) -> RevocationEvidence:
    mode = CheckMode.NETWORK if documents.used_network else CheckMode.OFFLINE
    url = id_of(profile.get("revocationList"))
    if url is None:
        return RevocationEvidence(
            CheckStatus.OK, tr("The badge's issuer publishes no revocation list."), mode,
            published=False,
        )
    try:
        revocation_list = documents.get(url, _Document.REVOCATION_LIST)
    except NetworkNotAllowed:
        return RevocationEvidence(
            CheckStatus.SKIPPED,
            tr("The issuer's revocation list was not checked: it needs going online."),
            mode,
        )
    except NetworkError as exc:
        return RevocationEvidence(
            CheckStatus.SKIPPED,
            tr(
                "The issuer's revocation list could not be fetched. {reason}",
                reason=exc.message,
            ),
            CheckMode.NETWORK,
        )
    except _Failed as failure:
        return RevocationEvidence(CheckStatus.FAILED, failure.message, CheckMode.NETWORK)
    mode = CheckMode.NETWORK if documents.used_network else CheckMode.OFFLINE
    revoked = revocation_list.get("revokedAssertions")
    if not isinstance(revoked, list):
        return RevocationEvidence(
            CheckStatus.FAILED, tr("The issuer's revocation list lists no revoked badges."), mode
        )
    wanted = {v for v in (assertion.get("id"), assertion.get("uid")) if isinstance(v, str)}
    for item in revoked:
        if _revoked_names(item) & wanted:
            reason = item.get("revocationReason") if isinstance(item, Mapping) else None
            return RevocationEvidence(CheckStatus.FAILED, _revoked(reason), mode)
    return RevocationEvidence(
        CheckStatus.OK, tr("The issuer's revocation list does not list this badge."), mode
    )


def _revoked_names(item: Any) -> set[str]:
    """A revoked assertion is listed by its id, or as an object with ``id`` or ``uid``."""
    if isinstance(item, str):
        return {item}
    if isinstance(item, Mapping):
        return {v for k, v in item.items() if k in ("id", "uid") and isinstance(v, str)}
    return set()


# --- shared --------------------------------------------------------------------------------


def _issuer_profile(assertion: Mapping[str, Any], documents: _Documents) -> dict[str, Any]:
    """The issuer profile the badge class names, with ``id`` set to the URL it came from."""
    badge = assertion.get("badge")
    if isinstance(badge, str):
        badge = documents.get(badge, _Document.BADGE_CLASS)
    if not isinstance(badge, Mapping):
        raise _Failed(tr("The badge does not name its badge class."))
    issuer = badge.get("issuer")
    issuer_url = id_of(issuer)
    if issuer_url is None:
        raise _Failed(tr("The badge class does not name its issuer."))
    return {**documents.get(issuer_url, _Document.ISSUER_PROFILE), "id": issuer_url}


def _issuer_info(profile: Mapping[str, Any]) -> IssuerInfo:
    name = profile.get("name")
    identifier = str(profile["id"])
    return IssuerInfo(
        name=name if isinstance(name, str) else None,
        identifier=identifier,
        domain=urlsplit(identifier).hostname,
    )


def _comparable(document: Mapping[str, Any], name: str) -> Any:
    value = document.get(name)
    return id_of(value) if name == "badge" else value


def _types(value: Any) -> list[str]:
    """``type`` of an object as a list of strings (OB 2.0 and Blockcerts allow either)."""
    found = value.get("type") if isinstance(value, Mapping) else None
    return [t for t in as_list(found) if isinstance(t, str)]


def _blockcerts(assertion: Mapping[str, Any], signer: IssuerInfo) -> SignerEvidence:
    """A Blockcerts 2.0 badge: its hash and Merkle path are checked offline; the blockchain
    transaction that anchors the root is not (blockcerts_proof)."""
    judged = judge_merkle_proof_2017(assertion)
    if judged.status is CheckStatus.FAILED:
        return SignerEvidence(CheckStatus.FAILED, judged.message, signer, details=judged.details)
    return SignerEvidence(
        CheckStatus.SKIPPED,
        judged.message,
        signer,
        details=judged.details,
        revocation=RevocationEvidence(
            CheckStatus.SKIPPED,
            tr(
                "Whether the issuer revoked this badge was not checked, because the badge "
                "itself could not be checked with its issuer."
            ),
            CheckMode.OFFLINE,
        ),
    )


def _looks_signed(credential: Credential) -> bool:
    return credential.signed_bytes.lstrip()[:1] != b"{"


def _embedded_issuer_name(assertion: Mapping[str, Any]) -> str | None:
    badge = assertion.get("badge")
    issuer = badge.get("issuer") if isinstance(badge, Mapping) else None
    name = issuer.get("name") if isinstance(issuer, Mapping) else None
    return name if isinstance(name, str) else None


def _offline_reason(kind: Any, verification: Any) -> str:
    if kind in SIGNED_TYPES:
        creator = verification.get("creator") if isinstance(verification, Mapping) else None
        if isinstance(creator, str):
            return tr(
                "The badge's signature was not checked: its issuer's key is published at "
                "{host}, which needs going online.",
                host=_host(creator),
            )
        return tr(
            "The badge's signature was not checked: its issuer's key is published, which "
            "needs going online."
        )
    return tr(
        "The badge was not checked: an Open Badges 2.0 badge is checked against the copy its "
        "issuer hosts, which needs going online."
    )


def _revoked(reason: Any) -> str:
    """The badge is revoked, with the issuer's reason when it gives one."""
    if isinstance(reason, str) and reason:
        return tr("The issuer has revoked this badge ({reason}).", reason=reason[:200])
    return tr("The issuer has revoked this badge.")


def _document_name(document: _Document) -> str:
    """The document as the subject of a sentence about reading it."""
    if document is _Document.HOSTED_COPY:
        return tr("The issuer's hosted copy of the badge")
    if document is _Document.KEY:
        return tr("The issuer's key document")
    if document is _Document.REVOCATION_LIST:
        return tr("The issuer's revocation list")
    if document is _Document.BADGE_CLASS:
        return tr("The badge class")
    return tr("The issuer's profile")


def _another_document(document: _Document, host: str) -> str:
    """The document fetched from ``host`` names another address as its id."""
    if document is _Document.HOSTED_COPY:
        return tr("The issuer's hosted copy of the badge at {host} says it is another document.",
                  host=host)
    if document is _Document.KEY:
        return tr("The issuer's key document at {host} says it is another document.", host=host)
    if document is _Document.REVOCATION_LIST:
        return tr("The issuer's revocation list at {host} says it is another document.",
                  host=host)
    if document is _Document.BADGE_CLASS:
        return tr("The badge class at {host} says it is another document.", host=host)
    return tr("The issuer's profile at {host} says it is another document.", host=host)


def _host(url: str) -> str:
    return urlsplit(url).netloc[:200] or url[:200]
