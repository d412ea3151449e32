"""Legacy Europass credentials in XML (ELM v1/v2, root ``europassCredential``, XAdES-signed).

These files predate ELM v3 (2023). They keep one copy of each organisation, specification
and learning outcome in ``...References`` sections and point at them with ``idref``; this
module follows those links for the first achievement, which is what the EU viewer shows as
the credential's main claim.

XML is read defensively: a file with a DOCTYPE is refused before parsing (no external
entities, no entity expansion bombs), and lxml runs with network, DTD loading and entity
resolution off. The Europass *CV* XML (root ``Candidate``) is not a credential: ``detect``
says no, and the format registry answers with :class:`NotACredential`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from lxml import etree

from wallet.errors import InputTooLarge, MalformedCredential, NotACredential
from wallet.formats.elm_values import duration_hours
from wallet.json_values import merge_texts, parse_datetime, parse_number
from wallet.limits import MAX_INPUT_BYTES
from wallet.model import Credential, CredentialFormat, LangText, MicroCredentialView, Organisation
from wallet.translation import tr

ROOT_NAME = "europassCredential"
_XMLDSIG = "http://www.w3.org/2000/09/xmldsig#"
# Where the root element's name is looked for; real files name it within a few hundred bytes.
_DETECT_WINDOW = 64 * 1024
_PROLOG_NOISE = re.compile(rb"<\?.*?\?>|<!--.*?-->", re.DOTALL)
_FIRST_TAG = re.compile(rb"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")
_EQF_URI = re.compile(r"/snb/eqf/([1-8])$")
_WHITESPACE = re.compile(r"\s+")
_ECTS_NAMES = frozenset({"ectscreditpoints", "creditpoints", "ects"})


def detect(raw: bytes) -> bool:
    """The root element is ``europassCredential``. Never raises."""
    head = raw[:_DETECT_WINDOW].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return False
    head = _PROLOG_NOISE.sub(b"", head)
    for match in _FIRST_TAG.finditer(head):
        # Skip "<!DOCTYPE name": the preceding character is "!", which the pattern excludes,
        # so any match is a real element; the first one is the root.
        return match.group(2) == ROOT_NAME.encode()
    return False


def parse(raw: bytes) -> Credential:
    """Parse a legacy europassCredential; raises only WalletError subclasses."""
    root = _parse_xml(raw)
    if _local(root) != ROOT_NAME:
        raise NotACredential(tr("This XML file is not a Europass credential."))
    view = _LegacyReader(root).view()
    document: dict[str, Any] = view.to_json()
    document["xsdVersion"] = root.get("xsdVersion")
    return Credential(
        raw=raw,
        format=CredentialFormat.EDC_XML,
        document=document,
        view=view,
        media_type="application/xml",
        extras={"signed": root.find(f".//{{{_XMLDSIG}}}Signature") is not None},
    )


def _parse_xml(raw: bytes) -> etree._Element:
    if len(raw) > MAX_INPUT_BYTES:
        raise InputTooLarge(tr(
            "The XML file is above the {limit} MB limit for one credential.",
            limit=MAX_INPUT_BYTES // (1024 * 1024),
        ))
    # A credential never needs a DTD; refusing it outright closes XXE and entity bombs.
    if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:
        raise MalformedCredential(_doctype_refused())
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )
    try:
        root = etree.fromstring(raw, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise MalformedCredential(
            tr("The XML file is not well-formed."), details=str(exc)
        ) from None
    tree = root.getroottree()
    # Other encodings (UTF-16) hide the DOCTYPE from the byte check above.
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise MalformedCredential(_doctype_refused())
    return root


def _doctype_refused() -> str:
    return tr(
        "The XML file declares a DOCTYPE, which credentials never use; Kredo does not read it."
    )


# --- element helpers ----------------------------------------------------------------------


def _local(element: Any) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element | None, name: str) -> list[etree._Element]:
    if element is None:
        return []
    return [child for child in element if _local(child) == name]


def _child(element: etree._Element | None, name: str) -> etree._Element | None:
    found = _children(element, name)
    return found[0] if found else None


def _plain(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    text = _WHITESPACE.sub(" ", "".join(element.itertext())).strip()
    return text or None


def _texts(element: etree._Element | None) -> LangText | None:
    """``<x><text lang="en">...</text></x>``: a language map (whitespace folded)."""
    if element is None:
        return None
    values: dict[str, list[str]] = {}
    for text in _children(element, "text"):
        content = _plain(text)
        if content:
            values.setdefault(text.get("lang") or "und", []).append(content)
    if not values:
        content = _plain(element)
        return LangText.plain(content) if content else None
    return LangText.from_values(values)


def _code_label(element: etree._Element | None) -> LangText | None:
    """A coded value (``uri=...``) labelled by ``targetName``; without a label, the URI's code."""
    if element is None:
        return None
    label = _texts(_child(element, "targetName"))
    if label is not None:
        return label
    uri = element.get("uri")
    return LangText.plain(uri.rstrip("/").rsplit("/", 1)[-1]) if uri else None


def _code_labels(elements: Iterable[etree._Element]) -> LangText | None:
    return merge_texts((_code_label(e) for e in elements), separator=", ")


def _date(element: etree._Element | None, what: str) -> datetime | None:
    return parse_datetime(_plain(element), what=what)


def _learner_name(subject: etree._Element) -> LangText | None:
    return _texts(_child(subject, "fullName")) or merge_texts(
        (_texts(_child(subject, "givenNames")), _texts(_child(subject, "familyName"))),
        separator=" ",
    )


def _languages(root: etree._Element) -> tuple[str, ...]:
    return tuple(
        dict.fromkeys(
            lang.lower()
            for e in _children(_child(root, "language"), "language")
            if (lang := _plain(e))
        )
    )


class _LegacyReader:
    """Follows the ``idref`` links of one europassCredential document."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.by_id: dict[str, etree._Element] = {}
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            for key in ("id", "{http://data.europa.eu/europass/model/credentials/w3c#}id"):
                value = element.get(key)
                if value and value not in self.by_id and element.get("idref") is None:
                    self.by_id[value] = element

    def linked(self, element: etree._Element | None) -> etree._Element | None:
        """An element that may be a reference (``idref``) or carry its content inline."""
        if element is None:
            return None
        ref = element.get("idref")
        return self.by_id.get(ref) if ref else element

    def linked_children(
        self, element: etree._Element | None, name: str
    ) -> Iterator[etree._Element]:
        for child in _children(element, name):
            target = self.linked(child)
            if target is not None:
                yield target

    def view(self) -> MicroCredentialView:
        root = self.root
        subject = _child(root, "credentialSubject")
        if subject is None:
            raise MalformedCredential(
                tr("The credential names no learner (no credentialSubject).")
            )
        achievement = next(
            iter(_children(_child(subject, "achievements"), "learningAchievement")), None
        )
        spec = self.linked(_child(achievement, "specifiedBy"))
        process = self.linked(_child(achievement, "wasAwardedBy"))
        awarding_body = self.organisation(self.linked(_child(process, "awardingBody")))
        issuer = self.organisation(self.linked(_child(root, "issuer")))
        assessments = list(self.linked_children(achievement, "wasDerivedFrom"))
        assessment_specs = [
            s for a in assessments if (s := self.linked(_child(a, "specifiedBy"))) is not None
        ]
        issued = _date(_child(root, "issued"), tr("issue date"))
        valid_from = _date(_child(root, "validFrom"), tr("valid-from date"))
        return MicroCredentialView(
            learner_name=_learner_name(subject),
            learner_identifier=_plain(_child(subject, "nationalId"))
            or _plain(_child(subject, "identifier")),
            learner_birth_date=_plain(_child(subject, "dateOfBirth")),
            title=_texts(_child(root, "title")) or _texts(_child(achievement, "title")),
            description=_texts(_child(root, "description")),
            awarding_body=awarding_body,
            issuer=issuer,
            issuer_country=(awarding_body.country if awarding_body else None)
            or (issuer.country if issuer else None),
            issued=issued or valid_from,
            valid_from=valid_from,
            valid_until=_date(_child(root, "expirationDate"), tr("expiry date")),
            awarded=_date(_child(process, "date"), tr("awarding date")),
            learning_outcomes=self.learning_outcomes(spec),
            ects=self.ects(spec),
            workload_hours=duration_hours(_plain(_child(spec, "volumeOfLearning"))),
            eqf_level=_eqf(_child(spec, "eqfLevel")),
            nqf_level=_code_labels(_children(spec, "nqfLevel")),
            assessment=_code_labels(t for s in assessment_specs for t in _children(s, "type")),
            participation=_code_labels(_children(spec, "mode")),
            prerequisites=_texts(_child(spec, "entryRequirementsNote")),
            supervision=_code_labels(
                m for a in assessments for m in _children(a, "idVerificationMethod")
            ),
            grade=merge_texts(
                LangText.plain(g) for a in assessments if (g := _plain(_child(a, "grade")))
            ),
            credential_id=root.get("{http://data.europa.eu/europass/model/credentials/w3c#}id")
            or root.get("id"),
            types=(ROOT_NAME,),
            languages=_languages(root),
        )

    def organisation(self, org: etree._Element | None) -> Organisation | None:
        if org is None:
            return None
        identifiers = [
            value
            for name in ("registration", "vatIdentifier", "taxIdentifier", "identifier")
            for e in _children(org, name)
            if (value := _plain(e))
        ]
        homepage = _child(org, "homepage")
        mailbox = _child(_child(org, "contactPoint"), "mailBox")
        email = mailbox.get("uri") if mailbox is not None else None
        location = _child(org, "hasLocation")
        return Organisation(
            name=_texts(_child(org, "prefLabel")) or _texts(_child(org, "altLabel")),
            identifier=org.get("id"),
            legal_identifiers=tuple(dict.fromkeys(identifiers)),
            country=_code_labels(_children(_child(location, "hasAddress"), "country")),
            homepage=homepage.get("uri") if homepage is not None else None,
            email=email.removeprefix("mailto:") if email else None,
        )

    def learning_outcomes(self, spec: etree._Element | None) -> tuple[LangText, ...]:
        outcomes = self.linked_children(_child(spec, "learningOutcomes"), "learningOutcome")
        texts = (_texts(_child(o, "prefLabel")) or _texts(_child(o, "title")) for o in outcomes)
        return tuple(t for t in texts if t is not None)

    @staticmethod
    def ects(spec: etree._Element | None) -> float | None:
        for child in spec if spec is not None else ():
            if _local(child).lower() in _ECTS_NAMES:
                return parse_number(_plain(child))
        return None


def _eqf(element: etree._Element | None) -> int | None:
    uri = element.get("uri") if element is not None else None
    match = _EQF_URI.search(uri) if uri else None
    return int(match.group(1)) if match else None
