"""Receiving credentials from an issuer, in the steps a face (GUI or CLI) walks through.

1. :func:`preview_offer`: read the offer (fetching it when it is a link), fetch the issuer's
   metadata, and return what the learner should see before deciding: the issuer's name and
   logo, the offered credentials, whether a transaction code (PIN) is needed.
2. The face asks the learner: the PIN if needed, and whether to go on.
3. :func:`redeem_offer`: get an access token (pre-authorized code with the PIN, or the
   authorization code flow in the system browser), prove possession of a holder key, ask for
   each offered credential, and verify every credential received. Nothing is stored.
4. The face shows the verification reports and asks the learner to confirm.
5. The application layer (:func:`wallet.app.receiving.store_received`) imports the confirmed
   credentials into the wallet, exactly as received.

Deferred credentials come back as :class:`PendingCredential`; :func:`collect_deferred` asks
for them again later. Every step touches the network only through the caller's
:class:`NetworkPolicy`, which carries the learner's permission.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from wallet.errors import IssuanceError, NetworkNotAllowed, NetworkTimeout, WalletError
from wallet.formats import parse_credential
from wallet.issuance.authorization import DEFAULT_CLIENT_ID, authorization_request
from wallet.issuance.credential_request import (
    CredentialAnswer,
    ProofRejected,
    credential_request_body,
    request_credential,
    request_deferred,
    request_nonce,
)
from wallet.issuance.discovery import (
    fetch_authorization_server_metadata,
    fetch_issuer_metadata,
)
from wallet.issuance.issuer_http import CREDENTIAL_MAX_BYTES, NetworkPolicy, get_json, host_of
from wallet.issuance.loopback_redirect import DEFAULT_WAIT_SECONDS, LoopbackRedirect
from wallet.issuance.metadata import (
    AuthorizationServerMetadata,
    CredentialConfiguration,
    IssuerMetadata,
    pick_display,
)
from wallet.issuance.offer import (
    CredentialOffer,
    OfferReference,
    TransactionCodeSpec,
    parse_offer_text,
)
from wallet.issuance.proof import proof_jwt
from wallet.issuance.proof_keys import KeyProvider, choose_binding
from wallet.issuance.token import AccessToken, authorization_code_token, pre_authorized_token
from wallet.model import Credential
from wallet.translation import tr
from wallet.verify.engine import verify_credential
from wallet.verify.options import VerifyOptions
from wallet.verify.report import VerificationReport

Flow = Literal["pre-authorized_code", "authorization_code"]
UrlOpener = Callable[[str], object]


@dataclass(frozen=True)
class OfferedCredential:
    configuration_id: str
    format: str
    name: str | None
    types: tuple[str, ...]
    logo_uri: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "configuration_id": self.configuration_id,
            "format": self.format,
            "name": self.name,
            "types": list(self.types),
            "logo_uri": self.logo_uri,
        }


@dataclass(frozen=True)
class OfferPreview:
    """What the learner sees before anything is asked of the issuer on their behalf."""

    offer: CredentialOffer
    metadata: IssuerMetadata
    issuer_name: str | None
    issuer_logo_uri: str | None
    credentials: tuple[OfferedCredential, ...]
    flow: Flow

    @property
    def issuer_host(self) -> str:
        return host_of(self.offer.credential_issuer)

    @property
    def tx_code(self) -> TransactionCodeSpec | None:
        """The PIN the issuer sent by another channel, when the offer needs one."""
        if self.flow != "pre-authorized_code" or self.offer.pre_authorized is None:
            return None
        return self.offer.pre_authorized.tx_code

    def to_json(self) -> dict[str, Any]:
        spec = self.tx_code
        return {
            "credential_issuer": self.offer.credential_issuer,
            "issuer_name": self.issuer_name,
            "issuer_logo_uri": self.issuer_logo_uri,
            "flow": self.flow,
            "protocol": self.metadata.protocol,
            "transaction_code": None
            if spec is None
            else {
                "input_mode": spec.input_mode,
                "length": spec.length,
                "description": spec.description,
            },
            "credentials": [c.to_json() for c in self.credentials],
        }


@dataclass(frozen=True)
class ReceivedCredential:
    """One credential as the issuer sent it, parsed and verified, not yet stored."""

    configuration_id: str
    raw: bytes = field(repr=False)
    credential: Credential | None = field(repr=False)
    report: VerificationReport | None
    error: str | None = None  # why it could not be read, when ``credential`` is None

    def to_json(self) -> dict[str, Any]:
        return {
            "configuration_id": self.configuration_id,
            "format": self.credential.format.value if self.credential else None,
            "title": self.credential.title if self.credential else None,
            "verification": self.report.status.value if self.report else None,
            "error": self.error,
        }


@dataclass(frozen=True)
class PendingCredential:
    """A deferred credential: ask :func:`collect_deferred` after ``interval`` seconds."""

    configuration_id: str
    transaction_id: str = field(repr=False)
    interval: int
    endpoint: str
    token: AccessToken = field(repr=False)


@dataclass(frozen=True)
class IssuanceResult:
    received: tuple[ReceivedCredential, ...] = ()
    pending: tuple[PendingCredential, ...] = ()


# --- step 1: the offer and the issuer ---------------------------------------------------


def preview_offer(text: str, *, policy: NetworkPolicy, language: str = "en") -> OfferPreview:
    """Parse the offer, fetch it if it is a link, fetch the issuer's metadata."""
    parsed = parse_offer_text(text)
    if isinstance(parsed, OfferReference):
        parsed = _fetch_offer(parsed, policy)
    offer = parsed
    metadata = fetch_issuer_metadata(offer.credential_issuer, policy=policy)
    offered = []
    for configuration_id in offer.credential_configuration_ids:
        configuration = metadata.configuration(configuration_id)
        display = pick_display(configuration.display, language)
        offered.append(
            OfferedCredential(
                configuration_id=configuration_id,
                format=configuration.format,
                name=display.name if display else None,
                types=configuration.types,
                logo_uri=display.logo_uri if display else None,
            )
        )
    issuer_display = pick_display(metadata.display, language)
    return OfferPreview(
        offer=offer,
        metadata=metadata,
        issuer_name=issuer_display.name if issuer_display else None,
        issuer_logo_uri=issuer_display.logo_uri if issuer_display else None,
        credentials=tuple(offered),
        flow=_flow(offer),
    )


def _fetch_offer(reference: OfferReference, policy: NetworkPolicy) -> CredentialOffer:
    document = get_json(reference.uri, policy=policy, what=tr("The credential offer"))
    return CredentialOffer.from_json(document)


def _flow(offer: CredentialOffer) -> Flow:
    if offer.pre_authorized is not None:
        return "pre-authorized_code"
    # 1.0 §4.1.1: without grants the wallet uses the authorization code flow.
    return "authorization_code"


# --- step 3: tokens, proofs, credentials ------------------------------------------------


@dataclass(frozen=True)
class BrowserSignIn:
    """How the authorization code flow reaches the learner: the system browser by default."""

    open_url: UrlOpener = webbrowser.open
    timeout: float = DEFAULT_WAIT_SECONDS
    client_id: str = DEFAULT_CLIENT_ID
    cancelled: Callable[[], bool] = lambda: False


def redeem_offer(
    preview: OfferPreview,
    *,
    keys: KeyProvider,
    policy: NetworkPolicy,
    tx_code: str | None = None,
    verify_options: VerifyOptions | None = None,
    sign_in: BrowserSignIn | None = None,
) -> IssuanceResult:
    """Get the offered credentials and verify them; nothing is stored."""
    metadata = preview.metadata
    client_id: str | None = None
    if preview.flow == "pre-authorized_code":
        token = _pre_authorized_token(preview, tx_code, policy)
    else:
        sign_in = sign_in or BrowserSignIn()
        token = _authorization_code_token(preview, sign_in, policy)
        client_id = sign_in.client_id
    nonce = token.c_nonce
    received: list[ReceivedCredential] = []
    pending: list[PendingCredential] = []
    for configuration_id in preview.offer.credential_configuration_ids:
        configuration = metadata.configuration(configuration_id)
        answer, nonce = _ask_for_credential(
            metadata, configuration, token=token, nonce=nonce, keys=keys,
            client_id=client_id, policy=policy,
        )
        received += _received(configuration_id, answer.credentials, verify_options)
        if answer.transaction_id is not None:
            pending.append(_pending(metadata, configuration_id, answer, token))
    return IssuanceResult(received=tuple(received), pending=tuple(pending))


def collect_deferred(
    pending: PendingCredential,
    *,
    policy: NetworkPolicy,
    verify_options: VerifyOptions | None = None,
) -> IssuanceResult:
    """Ask once for a deferred credential: received now, or still pending."""
    answer = request_deferred(
        pending.endpoint, pending.transaction_id, token=pending.token, policy=policy
    )
    received = _received(pending.configuration_id, answer.credentials, verify_options)
    still: tuple[PendingCredential, ...] = ()
    if not answer.credentials:
        still = (
            PendingCredential(
                configuration_id=pending.configuration_id,
                transaction_id=answer.transaction_id or pending.transaction_id,
                interval=answer.interval or pending.interval,
                endpoint=pending.endpoint,
                token=pending.token,
            ),
        )
    return IssuanceResult(received=tuple(received), pending=still)


def _pre_authorized_token(
    preview: OfferPreview, tx_code: str | None, policy: NetworkPolicy
) -> AccessToken:
    grant = preview.offer.pre_authorized
    assert grant is not None  # the flow says so
    code = None
    if grant.tx_code is not None:
        if tx_code is None:
            raise IssuanceError(
                tr("The issuer asks for a transaction code (PIN); none was given.")
            )
        code = grant.tx_code.check(tx_code)
    server = _server_metadata(preview, grant.authorization_server, policy)
    endpoint = server.token_endpoint if server else None
    endpoint = endpoint or preview.metadata.token_endpoint
    if endpoint is None:
        raise IssuanceError(
            tr(
                "The issuer {host} publishes no token endpoint, so the offer cannot be "
                "redeemed.",
                host=preview.issuer_host,
            ),
        )
    return pre_authorized_token(endpoint, grant.code, tx_code=code, policy=policy)


def _authorization_code_token(
    preview: OfferPreview, sign_in: BrowserSignIn, policy: NetworkPolicy
) -> AccessToken:
    grant = preview.offer.authorization_code
    server = _server_metadata(preview, grant.authorization_server if grant else None, policy)
    if server is None or server.token_endpoint is None:
        raise IssuanceError(
            tr(
                "The issuer {host} has no authorization server Kredo can sign in at.",
                host=preview.issuer_host,
            )
        )
    configurations = [
        preview.metadata.configuration(i) for i in preview.offer.credential_configuration_ids
    ]
    with LoopbackRedirect() as receiver:
        request = authorization_request(
            server,
            configurations,
            credential_issuer=preview.offer.credential_issuer,
            redirect_uri=receiver.redirect_uri,
            issuer_state=grant.issuer_state if grant else None,
            client_id=sign_in.client_id,
        )
        sign_in.open_url(request.url)
        code = receiver.wait_for_code(
            request.state, timeout=sign_in.timeout, cancelled=sign_in.cancelled
        )
    return authorization_code_token(
        server.token_endpoint,
        code,
        redirect_uri=request.redirect_uri,
        code_verifier=request.pkce.verifier,
        client_id=request.client_id,
        policy=policy,
    )


def _server_metadata(
    preview: OfferPreview, named: str | None, policy: NetworkPolicy
) -> AuthorizationServerMetadata | None:
    """The authorization server's metadata; ``None`` when an issuer without one publishes
    its token endpoint itself (draft 11 style)."""
    servers = preview.metadata.authorization_servers
    server = named or (servers[0] if servers else preview.offer.credential_issuer)
    try:
        return fetch_authorization_server_metadata(server, policy=policy)
    except (NetworkNotAllowed, NetworkTimeout):
        raise
    except WalletError:
        if preview.metadata.token_endpoint is not None:
            return None
        raise


def _ask_for_credential(
    metadata: IssuerMetadata,
    configuration: CredentialConfiguration,
    *,
    token: AccessToken,
    nonce: str | None,
    keys: KeyProvider,
    client_id: str | None,
    policy: NetworkPolicy,
) -> tuple[CredentialAnswer, str | None]:
    """One credential request, retried once with a fresh nonce if the proof was refused."""
    identifiers = token.credential_identifiers.get(configuration.id, ())
    for attempt in (1, 2):
        proofs: list[str] = []
        if configuration.needs_proof:
            if metadata.nonce_endpoint is not None:
                # 1.0 §7: with a nonce endpoint every proof gets a fresh nonce from it.
                nonce = request_nonce(metadata.nonce_endpoint, policy=policy)
            alg, form = choose_binding(configuration)
            proofs.append(
                proof_jwt(
                    keys(alg, form),
                    audience=metadata.credential_issuer,
                    nonce=nonce,
                    client_id=client_id,
                )
            )
        body = credential_request_body(
            metadata,
            configuration,
            proofs=proofs,
            credential_identifier=identifiers[0] if identifiers else None,
        )
        try:
            answer = request_credential(
                metadata.credential_endpoint, body, token=token, policy=policy
            )
        except ProofRejected as rejected:
            if attempt == 2 or (rejected.c_nonce is None and metadata.nonce_endpoint is None):
                raise
            nonce = rejected.c_nonce
            continue
        # 1.0 nonces are single-use: the next request fetches a fresh one.
        next_nonce = answer.c_nonce if metadata.nonce_endpoint is None else None
        return answer, next_nonce
    raise AssertionError("unreachable")  # pragma: no cover


def _pending(
    metadata: IssuerMetadata, configuration_id: str, answer: CredentialAnswer, token: AccessToken
) -> PendingCredential:
    if metadata.deferred_credential_endpoint is None:
        raise IssuanceError(
            tr(
                "The issuer will issue the credential later but publishes no address to ask "
                "for it."
            ),
        )
    return PendingCredential(
        configuration_id=configuration_id,
        transaction_id=answer.transaction_id or "",
        interval=answer.interval or 5,
        endpoint=metadata.deferred_credential_endpoint,
        token=token,
    )


def _received(
    configuration_id: str, raws: Sequence[bytes], verify_options: VerifyOptions | None
) -> list[ReceivedCredential]:
    received = []
    for raw in raws:
        if len(raw) > CREDENTIAL_MAX_BYTES:
            too_large = tr("The credential is too large.")
            received.append(ReceivedCredential(configuration_id, raw, None, None, too_large))
            continue
        try:
            credential = parse_credential(raw)
        except WalletError as exc:
            received.append(ReceivedCredential(configuration_id, raw, None, None, exc.message))
            continue
        try:
            report = verify_credential(credential, options=verify_options)
        except WalletError as exc:
            received.append(ReceivedCredential(configuration_id, raw, None, None, exc.message))
            continue
        received.append(ReceivedCredential(configuration_id, raw, credential, report))
    return received
