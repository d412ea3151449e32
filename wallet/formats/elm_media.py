"""ELM v3 ``MediaObject``s (logos, official page images) and ``Organisation``s."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from typing import Any

from wallet.formats.elm_values import concept_label, uri_code
from wallet.json_values import as_list, first, first_object, id_of, lang_text, merge_texts, objects
from wallet.model import Image, LangText, Organisation, normalise_language

# EU file-type authority table codes → media types.
_MEDIA_TYPES = {
    "JPEG": "image/jpeg",
    "JPG": "image/jpeg",
    "PNG": "image/png",
    "SVG": "image/svg+xml",
    "GIF": "image/gif",
    "PDF": "application/pdf",
}
_IDENTIFIER_KEYS = (
    "eIDASIdentifier",
    "registration",
    "vatIdentifier",
    "taxIdentifier",
    "identifier",
)


def media_image(
    media: Any, *, role: str, language: str | None = None, page: int | None = None
) -> Image | None:
    """An :class:`Image` from a MediaObject with inline base64 ``content`` or a ``contentURL``.

    A MediaObject whose content is not valid base64 is left out rather than failing the
    whole credential: the picture is decoration, the claims are what the learner needs.
    """
    if not isinstance(media, Mapping):
        return None
    media_type = _media_type(media.get("contentType"))
    data: bytes | None = None
    content = media.get("content")
    if isinstance(content, str) and content.strip():
        try:
            data = base64.b64decode("".join(content.split()), validate=True)
        except (binascii.Error, ValueError):
            data = None
    url = first(media.get("contentURL") or media.get("contentUrl"))
    url = url if isinstance(url, str) and url.strip() else None
    if data is None and url is None:
        return None
    return Image(media_type=media_type, data=data, url=url, language=language, role=role, page=page)


def _media_type(content_type: Any) -> str:
    code = uri_code(id_of(content_type) or "") if content_type is not None else None
    if code and code.upper() in _MEDIA_TYPES:
        return _MEDIA_TYPES[code.upper()]
    label = concept_label(content_type)
    if label is not None:
        text = label.pick("en").upper()
        if text in _MEDIA_TYPES:
            return _MEDIA_TYPES[text]
        if "/" in text:
            return text.lower()
    return "application/octet-stream"


def page_images(display_parameter: Any) -> tuple[Image, ...]:
    """Official page images of ``displayParameter.individualDisplay``, one per language and page."""
    parameters = first_object(display_parameter)
    if parameters is None:
        return ()
    images: list[Image] = []
    for display in objects(parameters.get("individualDisplay")):
        language = language_code(display.get("language"))
        for index, detail in enumerate(objects(display.get("displayDetail")), start=1):
            page = detail.get("page")
            page_number = page if isinstance(page, int) and not isinstance(page, bool) else index
            image = media_image(
                detail.get("image"), role="page", language=language, page=page_number
            )
            if image is not None:
                images.append(image)
    return tuple(images)


def language_code(concept: Any) -> str | None:
    """``.../authority/language/CES`` → ``cs``."""
    identifier = id_of(first(concept))
    code = uri_code(identifier) if identifier else None
    return normalise_language(code) if code else None


def organisation(value: Any) -> Organisation | None:
    """An Organisation; a bare identifier (DID, URI) gives an Organisation with only that."""
    if isinstance(value, str):
        return Organisation(identifier=value) if value.strip() else None
    org = first_object(value)
    if org is None:
        return None
    name = (
        lang_text(org.get("legalName"))
        or lang_text(org.get("prefLabel"))
        or lang_text(org.get("altLabel"))
    )
    identifiers: list[str] = []
    for key in _IDENTIFIER_KEYS:
        for item in as_list(org.get(key)):
            notation = item.get("notation") if isinstance(item, Mapping) else item
            if isinstance(notation, str) and notation.strip() and notation not in identifiers:
                identifiers.append(notation.strip())
    homepage = first_object(org.get("homepage"))
    homepage_url = homepage.get("contentURL") if homepage else None
    identifier = org.get("id")
    return Organisation(
        name=name,
        identifier=identifier if isinstance(identifier, str) else None,
        legal_identifiers=tuple(identifiers),
        country=location_country(org.get("location")),
        homepage=homepage_url if isinstance(homepage_url, str) else None,
        email=_email(org.get("contactPoint")),
        logo=media_image(first_object(org.get("logo")), role="logo"),
    )


def location_country(locations: Any) -> LangText | None:
    """Country of the first located address (``address.countryCode``), labels as in the file."""
    for location in objects(locations):
        countries = [concept_label(a.get("countryCode")) for a in objects(location.get("address"))]
        country = merge_texts(countries, separator=", ")
        if country is not None:
            return country
    return None


def _email(contact_points: Any) -> str | None:
    for contact in objects(contact_points):
        for mailbox in as_list(contact.get("emailAddress")):
            address = mailbox.get("id") if isinstance(mailbox, Mapping) else mailbox
            if isinstance(address, str) and address.strip():
                return address.removeprefix("mailto:").strip()
    return None
