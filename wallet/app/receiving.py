"""Receiving credentials from an issuer: an OpenID4VCI offer, or an https link to a credential.

The protocol steps (preview, redeem, deferred) live in :mod:`wallet.issuance`; this module
joins them to the wallet the same way for ``kredo receive`` and the GUI's receive dialog:

1. :func:`preview` the offer (the issuer's metadata: who offers what, whether a PIN is needed);
2. :func:`prepare_receiving` on the wallet: the holder keys every offered credential will be
   bound to, and the wallet's trust to verify what arrives (the only database step before
   the issuer is asked, so the GUI talks to the issuer away from the database worker);
3. :func:`redeem` the offer, and :func:`collect_deferred_until` for credentials issued later;
4. :func:`store_received`: only what was read and whose verification did not fail
   (:func:`storable`).

Naming an offer or a link is the learner's permission to contact that issuer.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from wallet.app.importing import CredentialSink, ImportOutcome, import_bytes
from wallet.app.verifying import VerifyRequest, verify_options
from wallet.issuance import (
    IssuanceResult,
    LinkedCredential,
    NetworkPolicy,
    OfferPreview,
    PendingCredential,
    ReceivedCredential,
    collect_deferred,
    fetch_linked_credential,
    preview_offer,
    redeem_offer,
)
from wallet.issuance.offer import OFFER_SCHEME
from wallet.issuance.proof_keys import BindingForm, ProofKey, choose_binding, proof_key
from wallet.net import DEFAULT_TIMEOUT
from wallet.share.holder import HolderKeyStore
from wallet.store.repository import CredentialRepository
from wallet.verify.options import VerifyOptions
from wallet.verify.report import OverallStatus

LINK_CONFIGURATION = "link"  # what a credential fetched from a link is received as


def is_offer(text: str) -> bool:
    """An offer scheme, or a link carrying an offer parameter (a wallet link of an issuer);
    anything else is taken as a link to a credential."""
    try:
        parts = urlsplit(text.strip())
    except ValueError:
        return False
    query = parse_qs(parts.query)
    return parts.scheme.lower() == OFFER_SCHEME or any(
        name in query for name in ("credential_offer", "credential_offer_uri")
    )


def preview(text: str, *, language: str, timeout: float = DEFAULT_TIMEOUT) -> OfferPreview:
    """Read the offer (fetching it when it is a link) and the issuer's metadata."""
    return preview_offer(text.strip(), policy=_allowed(timeout), language=language)


@dataclass(frozen=True)
class ReceiveSetup:
    """What receiving needs from the wallet, read before the issuer is asked."""

    keys: Mapping[tuple[str, BindingForm], ProofKey] = field(repr=False)
    options: VerifyOptions = field(repr=False)

    def key(self, alg: str, form: BindingForm) -> ProofKey:
        return self.keys[(alg, form)]


def prepare_receiving(
    repository: CredentialRepository, offer: OfferPreview | None, *, online: bool
) -> ReceiveSetup:
    """The holder key for each credential of ``offer`` (the P-256 key is made the first time
    an issuer needs it) and the wallet's trust, online checks only when ``online``."""
    keys: dict[tuple[str, BindingForm], ProofKey] = {}
    if offer is not None:
        keys = _holder_keys(repository, offer)
    return ReceiveSetup(keys, verify_options(VerifyRequest(online=online), settings=repository))


def redeem(
    offer: OfferPreview, setup: ReceiveSetup, *, tx_code: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> IssuanceResult:
    """Ask the issuer for the offered credentials and verify them; nothing is stored."""
    return redeem_offer(offer, keys=setup.key, policy=_allowed(timeout), tx_code=tx_code,
                        verify_options=setup.options)


def collect_deferred_until(
    pending: Sequence[PendingCredential], setup: ReceiveSetup, *, seconds: float,
    timeout: float = DEFAULT_TIMEOUT, sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> IssuanceResult:
    """Ask again for credentials the issuer issues later, at the pace it asked for, for up
    to ``seconds``: what arrived, and what is still pending then."""
    received: list[ReceivedCredential] = []
    waiting = list(pending)
    deadline = clock() + seconds
    while waiting and clock() < deadline:
        sleep(min(waiting[0].interval, max(0.0, deadline - clock())))
        still: list[PendingCredential] = []
        for item in waiting:
            later = collect_deferred(item, policy=_allowed(timeout),
                                     verify_options=setup.options)
            received += later.received
            still += later.pending
        waiting = still
    return IssuanceResult(received=tuple(received), pending=tuple(waiting))


def fetch_link(url: str, setup: ReceiveSetup, *, timeout: float = DEFAULT_TIMEOUT
               ) -> LinkedCredential:
    """The credential (or Open Badges 2.0 hosted assertion) behind an https link, verified."""
    return fetch_linked_credential(url.strip(), policy=_allowed(timeout),
                                   verify_options=setup.options)


def linked_as_received(linked: LinkedCredential) -> ReceivedCredential:
    return ReceivedCredential(configuration_id=LINK_CONFIGURATION, raw=linked.raw,
                              credential=linked.credential, report=linked.report)


def offer_source(offer: OfferPreview) -> str:
    """Where the wallet records credentials from this offer as coming from."""
    return f"openid4vci:{offer.issuer_host}"


def storable(item: ReceivedCredential) -> bool:
    """Read, verified, and not failed: what Kredo stores (a failed credential never is)."""
    return (
        item.credential is not None
        and item.report is not None
        and item.report.status is not OverallStatus.FAILED
    )


def store_received(
    sink: CredentialSink, received: Sequence[ReceivedCredential], *, source: str
) -> list[ImportOutcome]:
    """Import the confirmed credentials exactly as received. One that could not be read is an
    ``error`` outcome with its sentence; one whose verification failed is left out."""
    outcomes: list[ImportOutcome] = []
    for item in received:
        if item.credential is None:
            outcomes.append(ImportOutcome(source=source, status="error", error=item.error))
        elif storable(item):
            outcomes += import_bytes(sink, item.raw, source=source)
    return outcomes


def _allowed(timeout: float) -> NetworkPolicy:
    return NetworkPolicy(allowed=True, timeout=timeout)


def _holder_keys(
    store: HolderKeyStore, offer: OfferPreview
) -> dict[tuple[str, BindingForm], ProofKey]:
    keys: dict[tuple[str, BindingForm], ProofKey] = {}
    for configuration_id in offer.offer.credential_configuration_ids:
        configuration = offer.metadata.configuration(configuration_id)
        if configuration.needs_proof:
            binding = choose_binding(configuration)
            if binding not in keys:
                keys[binding] = proof_key(store, *binding)
    return keys
