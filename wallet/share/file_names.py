"""Safe, readable file names for what Kredo writes out: ``digital-micro-credential.jsonld``."""

from __future__ import annotations

import re
import unicodedata

from wallet.model import Credential, CredentialFormat

# What a credential file is called by its media type; JSON-LD EDC files end in .jsonld
# because that is what the Europass wallet and the EDC viewer expect.
_EXTENSIONS = {
    "application/ld+json": ".jsonld",
    "application/vc+ld+json": ".json",
    "application/json": ".json",
    "application/jwt": ".jwt",
    "application/vc+jwt": ".jwt",
    "application/dc+sd-jwt": ".sd-jwt",
    "application/xml": ".xml",
    "image/png": ".png",
    "image/svg+xml": ".svg",
}
_MAX_STEM = 60


def slug(text: str, *, fallback: str = "credential") -> str:
    """``Základy analýzy dat <v Pythonu>`` → ``zaklady-analyzy-dat-v-pythonu`` (ASCII only)."""
    ascii_text = (
        unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    )
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:_MAX_STEM].rstrip("-")
    return stem or fallback


def extension_for(media_type: str) -> str:
    return _EXTENSIONS.get(media_type.split(";", maxsplit=1)[0].strip().lower(), ".bin")


def credential_file_name(credential: Credential, lang: str = "en") -> str:
    """The title as a slug plus the extension of the credential's own media type."""
    title = credential.view.title.pick(lang) if credential.view.title else ""
    if credential.format in (CredentialFormat.EDC_SEALED, CredentialFormat.EDC_JSONLD):
        return slug(title) + ".jsonld"  # a sealed EDC is a JWS JSON object, named as EDC
    return slug(title) + extension_for(credential.media_type)
