"""Present credentials to a verifier: a W3C presentation signed by one of the holder's profiles.

The one path of ``kredo present`` and the share wizard: check the request, load the chosen
credentials, pick the holder profile, build and sign the presentation
(:mod:`wallet.share.presentation`), save it when asked, and remember the share in the wallet's
log. Also which claims of an SD-JWT VC the learner may hold back (:func:`claim_choices`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from wallet.app.credentials import parsed_credential
from wallet.app.share_forms import ShareForm
from wallet.errors import SharingError
from wallet.export.file_output import write_file
from wallet.share.claim_choice import RevealableClaim, revealable_claims
from wallet.share.holder import HolderProfiles
from wallet.share.presentation import PresentedCredential, build_presentation, presentation_bytes
from wallet.store.repository import CredentialRepository
from wallet.translation import tr

PRESENTATION_FILE_NAME = "presentation.json"


@dataclass(frozen=True)
class PresentationRequest:
    """What the learner asked for. ``reveal`` names, per credential id, the SD-JWT VC claims
    to show (a credential left out shows all its claims); ``profile`` is a holder profile's
    label (None: the default one); ``challenge`` and ``domain`` are the verifier's."""

    credential_ids: tuple[int, ...]
    reveal: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    profile: str | None = None
    challenge: str | None = None
    domain: str | None = None


@dataclass(frozen=True)
class SignedPresentation:
    """The presentation as written (UTF-8 JSON), and what was shared, by whom, for whom."""

    data: bytes
    holder: str  # the did:key that signed
    profile: str  # the label of its holder profile
    credential_ids: tuple[int, ...]
    revealed: Mapping[int, tuple[str, ...]]  # the claims chosen per SD-JWT VC
    challenge: str | None
    domain: str | None
    suggested_name: str = PRESENTATION_FILE_NAME


def present_credentials(
    repository: CredentialRepository,
    request: PresentationRequest,
    *,
    form: ShareForm = ShareForm.PRESENTATION,
    recipient: str | None = None,
    save_to: Path | None = None,
) -> SignedPresentation:
    """Sign a presentation of the requested credentials and log it as shared in ``form``
    with ``recipient``; with ``save_to`` the file is written first (nothing is logged when
    that fails). Raises :class:`SharingError` for a request that cannot be presented."""
    presentation = sign_presentation(repository, request)
    if save_to is not None:
        write_file(save_to, presentation.data)
    repository.log_share(presentation.credential_ids, form=form, recipient=recipient)
    return presentation


def sign_presentation(
    repository: CredentialRepository, request: PresentationRequest
) -> SignedPresentation:
    """The signed presentation alone, for a use case that delivers and logs it its own way
    (a QR code); :func:`present_credentials` is the whole use case."""
    _check_request(request)
    profiles = HolderProfiles(repository)
    holder = profiles.choose(request.profile)
    chosen = [
        PresentedCredential(parsed_credential(repository, credential_id),
                            request.reveal.get(credential_id))
        for credential_id in request.credential_ids
    ]
    presentation = build_presentation(
        chosen,
        holder_key=holder.signing_key(),
        challenge=request.challenge,
        domain=request.domain,
        binding_keys=profiles.possession_keys(),
    )
    return SignedPresentation(
        data=presentation_bytes(presentation),
        holder=holder.did,
        profile=holder.label,
        credential_ids=request.credential_ids,
        revealed=dict(request.reveal),
        challenge=request.challenge,
        domain=request.domain,
    )


def _check_request(request: PresentationRequest) -> None:
    ids = request.credential_ids
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise SharingError(
            tr("Credential {id} is listed twice; list each once.", id=repeated[0])
        )
    strangers = sorted(set(request.reveal) - set(ids))
    if strangers:
        raise SharingError(
            tr(
                "Claims to reveal were chosen for credential {id}, which is not being presented.",
                id=strangers[0],
            )
        )


@dataclass(frozen=True)
class ClaimChoice:
    """An SD-JWT VC among the chosen credentials, and the claims the learner may hold back."""

    credential_id: int
    title: str
    claims: tuple[RevealableClaim, ...]


def claim_choices(
    repository: CredentialRepository, credential_ids: Iterable[int], *, lang: str
) -> list[ClaimChoice]:
    """For each chosen credential that can show only some claims: its title and its claims.
    Other credentials are left out: they are presented whole, as signed."""
    choices: list[ClaimChoice] = []
    for credential_id in credential_ids:
        credential = parsed_credential(repository, credential_id)
        claims = revealable_claims(credential)
        if claims:
            title = credential.view.title.pick(lang) if credential.view.title else ""
            choices.append(
                ClaimChoice(credential_id, title or credential.format.display_name, claims)
            )
    return choices
