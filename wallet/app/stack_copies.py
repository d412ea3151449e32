"""Which credentials in a stack are the same credential in another form.

A learner often holds one credential several times: the sealed EDC the university issued,
the unsealed JSON-LD it was built from, the ``{"credential": …}`` upload wrapper, an Open
Badge copy. Their bytes differ, so the wallet keeps each one, but a stack must count the
credential once. Two stored credentials are copies of one credential when they share

1. the credential's own identifier: its ``id`` (EDC, VC, Open Badges, SD-JWT ``jti``), or
   an identifier the awarding body wrote in the credential (EDC ``identifier``, a certificate
   number: sealing gives an EDC a new ``id`` but keeps its certificate number), scoped by
   the awarding body, since two universities may both number a certificate ``C012``;
2. or, for a credential with no identifier at all, its content: the same awarding body,
   title, day of award (else of issue) and credits.

Copies sharing a key with a copy that shares a key with them are one credential too
(connected, not only pairwise).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from wallet.json_values import objects, plain_string
from wallet.model import Credential, CredentialFormat, MicroCredentialView, Organisation

# EDC ids of this form name a node inside one document (``urn:epass:org:1``), not a
# credential or an organisation in the world: two documents reuse them for different things.
_DOCUMENT_LOCAL = "urn:epass:"
_EDC_FORMATS = (CredentialFormat.EDC_SEALED, CredentialFormat.EDC_JSONLD)


def identity_keys(credential: Credential) -> frozenset[str]:
    """The keys under which this credential is the same as another copy of it."""
    view = credential.view
    keys: set[str] = set()
    credential_id = (view.credential_id or "").strip()
    if credential_id and not credential_id.startswith(_DOCUMENT_LOCAL):
        keys.add("id\n" + credential_id)
    body = organisation_key(view.awarding_body or view.issuer)
    if body is not None and credential.format in _EDC_FORMATS:
        keys.update(f"identifier\n{body}\n{scheme}\n{notation}"
                    for scheme, notation in _edc_identifiers(credential.document))
    if not keys:
        content = _content_key(view, body)
        if content is not None:
            keys.add(content)
    return frozenset(keys)


def organisation_key(organisation: Organisation | None) -> str | None:
    """An awarding body as a comparable key: its name (any form of one credential names it
    the same way), else an identifier that means something outside the document."""
    if organisation is None:
        return None
    if organisation.name is not None:
        return " ".join(organisation.name.pick("en").split()).casefold()
    identifier = (organisation.identifier or "").strip()
    if identifier and not identifier.startswith(_DOCUMENT_LOCAL):
        return identifier
    return None


def _edc_identifiers(document: Any) -> list[tuple[str, str]]:
    if not isinstance(document, Mapping):
        return []
    found = []
    for item in objects(document.get("identifier")):
        notation = plain_string(item.get("notation"))
        if notation is not None:
            found.append((plain_string(item.get("schemeName")) or "", notation))
    return found


def _content_key(view: MicroCredentialView, body: str | None) -> str | None:
    moment = view.awarded or view.issued or view.valid_from
    if body is None or view.title is None or moment is None:
        return None  # too little to tell two credentials apart: each counts on its own
    title = " ".join(view.title.pick("en").split()).casefold()
    return f"content\n{body}\n{title}\n{moment.date().isoformat()}\n{view.ects!r}"


def group_copies(keys: Sequence[Iterable[str]]) -> list[list[int]]:
    """Positions of ``keys`` grouped into copies of one credential, each group in the order
    given, the groups in the order of their first member."""
    parent = list(range(len(keys)))

    def root(position: int) -> int:
        while parent[position] != position:
            parent[position] = parent[parent[position]]
            position = parent[position]
        return position

    first_with: dict[str, int] = {}
    for position, own in enumerate(keys):
        for key in own:
            seen = first_with.setdefault(key, position)
            parent[root(position)] = root(seen)
    groups: dict[int, list[int]] = {}
    for position in range(len(keys)):
        groups.setdefault(root(position), []).append(position)
    return sorted(groups.values(), key=lambda members: members[0])
