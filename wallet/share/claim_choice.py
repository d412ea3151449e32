"""The claims of an SD-JWT VC a learner may choose to reveal, with their values to show.

The share wizard lists them with tick boxes; the chosen paths go to
:class:`wallet.share.presentation.PresentedCredential` ``reveal``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from wallet.crypto.sd_jwt import disclosable_claims, path_from_text
from wallet.model import Credential, CredentialFormat

_PREVIEW_CHARACTERS = 80


@dataclass(frozen=True)
class RevealableClaim:
    path: str  # "given_name", "address/locality", "nationalities/1"
    preview: str  # the value, shortened for a list


def revealable_claims(credential: Credential) -> tuple[RevealableClaim, ...]:
    """Nothing for other formats: they are shown whole, as signed."""
    if credential.format is not CredentialFormat.SD_JWT_VC:
        return ()
    token = credential.signed_bytes.decode("ascii").strip()
    return tuple(RevealableClaim(path, _preview(_value_at(credential.document, path)))
                 for path in disclosable_claims(token))


def _value_at(claims: Any, path: str) -> Any:
    value = claims
    for segment in path_from_text(path):
        if isinstance(value, dict):
            value = value.get(segment)
        elif isinstance(value, list) and segment.isdigit() and int(segment) < len(value):
            value = value[int(segment)]
        else:
            return None
    return value


def _preview(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(text.split())
    if len(text) > _PREVIEW_CHARACTERS:
        return text[: _PREVIEW_CHARACTERS - 1] + "…"
    return text
