"""Europass XML presentations: the Commission's ``verifiablePresentation`` around credentials.

Two generations are read:

- ELM v2 (2020–2022, namespace ``http://data.europa.eu/snb/vp``): a presentation with its own
  ``vp:issuer``, one ``europassCredential`` as a direct child and an enveloped XAdES seal in
  ``vp:proof``. The "mandated issue" diploma supplements are of this kind: the credential
  inside has no seal of its own, the presentation's seal covers it.
- EDCI 0.4 (2019 drafts): ``verifiableCredentials/verifiableCredential`` entries, each holding
  any XML, and an (often empty) ``proof``.

A credential that carries a seal of its own is returned as its own document. One that has
none is covered only by the presentation's seal; when it is the presentation's only
credential, its bytes are the presentation's bytes, so that the seal which protects it is
verified with it and kept with it (the wallet stores what was sealed, never a re-serialised
part). Entries that hold no ``europassCredential`` are returned as they are: reading them
fails with the usual sentence, and verification reports them as unreadable.
"""

from __future__ import annotations

from lxml import etree

from wallet.errors import NotACredential
from wallet.formats.edc_xml import (
    ROOT_NAME,
    credential_from_element,
    has_signature,
    read_xml,
    root_name,
)
from wallet.model import Credential
from wallet.translation import tr, tr_n

PRESENTATION_ROOT = "verifiablePresentation"
_XMLDSIG = "http://www.w3.org/2000/09/xmldsig#"
_ENTRIES = "verifiableCredentials"
_ENTRY = "verifiableCredential"


def detect(raw: bytes) -> bool:
    """The XML root element is ``verifiablePresentation``. Never raises."""
    return root_name(raw) == PRESENTATION_ROOT


def parse(raw: bytes) -> Credential:
    """The one credential a presentation carries (several: import it, which reads each)."""
    root = _presentation_root(raw)
    entries = carried(root)
    if len(entries) == 1:
        return entry_credential(raw, root, entries[0])
    if not entries:
        raise NotACredential(tr("The presentation carries no credentials."))
    raise NotACredential(tr_n(
        "This Europass presentation carries {n} entry; import or verify the presentation "
        "to read each credential in it.",
        "This Europass presentation carries {n} entries; import or verify the presentation "
        "to read each credential in it.",
        len(entries),
    ))


def split(raw: bytes) -> list[bytes]:
    """The bytes of every entry the presentation carries, in order."""
    root = _presentation_root(raw)
    entries = carried(root)
    if len(entries) == 1 and _local(entries[0]) == ROOT_NAME and not has_signature(entries[0]):
        return [raw]  # covered by the presentation's seal only: keep the sealed bytes
    return [standalone(entry) for entry in entries]


def carried(root: etree._Element) -> list[etree._Element]:
    """The elements the presentation carries as credentials, in document order."""
    found: list[etree._Element] = []
    for child in _elements(root):
        if _local(child) == ROOT_NAME:
            found.append(child)
        elif _local(child) == _ENTRIES:
            for entry in _elements(child):
                if _local(entry) == _ENTRY:
                    found.extend(_elements(entry)[:1] or [entry])
    return found


def own_signature(root: etree._Element) -> etree._Element | None:
    """The presentation's own seal: a signature outside every credential it carries."""
    inside = {id(s) for e in carried(root) for s in e.iter(f"{{{_XMLDSIG}}}Signature")}
    mine = [s for s in root.iter(f"{{{_XMLDSIG}}}Signature") if id(s) not in inside]
    return mine[0] if mine else None


def carries_own_seals(root: etree._Element) -> bool:
    """Some credential inside is sealed on its own (besides any seal of the presentation)."""
    return any(has_signature(entry) for entry in carried(root))


def standalone(element: etree._Element) -> bytes:
    """An entry as a document of its own, with the namespaces it uses declared on it."""
    copy = etree.fromstring(etree.tostring(element))
    etree.cleanup_namespaces(copy)
    document: bytes = etree.tostring(copy, xml_declaration=True, encoding="UTF-8")
    return document


def presentation_root(raw: bytes) -> etree._Element:
    """The ``verifiablePresentation`` element; raises a typed error for any other XML."""
    return _presentation_root(raw)


def entry_credential(raw: bytes, root: etree._Element, entry: etree._Element) -> Credential:
    """One carried entry as a credential to verify: sealed on its own, its own document;
    otherwise with the presentation's bytes, whose seal (if any) is the one that covers it.
    Raises :class:`NotACredential` for an entry that is no Europass credential."""
    if _local(entry) != ROOT_NAME:
        raise NotACredential(tr(
            "An entry of the Europass presentation is not a Europass credential ({name}).",
            name=_local(entry)[:60],
        ))
    return _credential(root, entry, raw)


def _credential(root: etree._Element, element: etree._Element, raw: bytes) -> Credential:
    if has_signature(element):
        own = standalone(element)
        return credential_from_element(read_xml(own), own, signed=True)
    return credential_from_element(element, raw, signed=own_signature(root) is not None)


def _presentation_root(raw: bytes) -> etree._Element:
    root = read_xml(raw)
    if _local(root) != PRESENTATION_ROOT:
        raise NotACredential(tr("This XML file is not a Europass presentation."))
    return root


def _elements(element: etree._Element) -> list[etree._Element]:
    return [child for child in element if isinstance(child.tag, str)]


def _local(element: etree._Element) -> str:
    return str(etree.QName(element).localname)
