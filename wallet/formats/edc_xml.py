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
    return root_name(raw) == ROOT_NAME


def root_name(raw: bytes) -> str | None:
    """The local name of the XML root element, read from the first bytes; never raises."""
    head = raw[:_DETECT_WINDOW].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return None
    head = _PROLOG_NOISE.sub(b"", head)
    for match in _FIRST_TAG.finditer(head):
        # Skip "<!DOCTYPE name": the preceding character is "!", which the pattern excludes,
        # so any match is a real element; the first one is the root.
        return match.group(2).decode("ascii", "replace")
    return None


def parse(raw: bytes) -> Credential:
    """Parse a legacy europassCredential; raises only WalletError subclasses."""
    root = read_xml(raw)
    if _local(root) != ROOT_NAME:
        raise NotACredential(tr("This XML file is not a Europass credential."))
    return credential_from_element(root, raw, signed=has_signature(root))


def credential_from_element(element: etree._Element, raw: bytes, *, signed: bool) -> Credential:
    """The credential an ``europassCredential`` element holds; ``raw`` is what its seal (if
    any) covers: its own file, or the Europass presentation sealed around it."""
    view = _LegacyReader(element).view()
    document: dict[str, Any] = view.to_json()
    document["xsdVersion"] = element.get("xsdVersion")
    return Credential(
        raw=raw,
        format=CredentialFormat.EDC_XML,
        document=document,
        view=view,
        media_type="application/xml",
        extras={"signed": signed},
    )


def has_signature(element: etree._Element) -> bool:
    """An XMLDSig signature anywhere inside ``element``."""
    return element.find(f".//{{{_XMLDSIG}}}Signature") is not None


def read_xml(raw: bytes) -> etree._Element:
    """The root element of a Europass XML file, parsed defensively (no DTD, no network)."""
    return _parse_xml(raw)


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


def _first_child(element: etree._Element | None, *names: str) -> etree._Element | None:
    """The first child named by one of ``names``, tried in order (a format's alternatives)."""
    return next((c for name in names if (c := _child(element, name)) is not None), None)


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
        # EDCI 0.4 (2019) puts the language on the element itself: <title lang="en">.
        content = _plain(element)
        if not content:
            return None
        lang = element.get("lang")
        return LangText.from_values({lang: content}) if lang else LangText.plain(content)
    return LangText.from_values(values)


def _first_texts(elements: Iterable[etree._Element | None]) -> LangText | None:
    """The first of several alternative elements that has text (ELM v2 name, then 2019's)."""
    return next((t for e in elements if (t := _texts(e)) is not None), None)


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
        achievement = _main_achievement(_child(subject, "achievements"))
        spec = self.linked(_child(achievement, "specifiedBy"))
        process = self.linked(_child(achievement, "wasAwardedBy"))
        awarding_body = self.organisation(self.linked(_child(process, "awardingBody")))
        issuer = self.organisation(self.linked(_child(root, "issuer")))
        assessments = list(self.linked_children(achievement, "wasDerivedFrom"))
        assessment_specs = [
            s for a in assessments if (s := self.linked(_child(a, "specifiedBy"))) is not None
        ]
        # ELM v2 says issued; the EDCI 0.4 drafts of 2019 say issuanceDate.
        issued = _date(
            _first_child(root, "issued", "issuanceDate"), tr("issue date")
        )
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
            valid_until=_date(
                _first_child(root, "expirationDate", "validUntil"), tr("expiry date")
            ),
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
            for name in (
                "registration", "legalIdentifier", "vatIdentifier", "taxIdentifier", "identifier"
            )
            for e in _children(org, name)
            if (value := _plain(e))
        ]
        location = _child(org, "hasLocation")
        email = _address(
            _child(_child(org, "contactPoint"), "mailBox"),
            _child(_child(org, "contactPoint"), "email"),
            _child(_child(org, "communication"), "mailBox"),
        )
        return Organisation(
            # ELM v2 prefLabel / altLabel; the EDCI 0.4 drafts preferredName / alternativeName.
            name=_first_texts(
                _child(org, name)
                for name in ("prefLabel", "preferredName", "altLabel", "alternativeName")
            ),
            identifier=org.get("id"),
            legal_identifiers=tuple(dict.fromkeys(identifiers)),
            country=_code_labels(_children(_child(location, "hasAddress"), "country"))
            or _code_labels(_children(location, "spatialCode"))
            or _code_labels(_children(org, "spatial")),
            homepage=_address(_child(org, "homepage")),
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


def _main_achievement(achievements: etree._Element | None) -> etree._Element | None:
    """The credential's main claim: the first achievement (ELM v2 ``learningAchievement``;
    the 2019 drafts also ``qualificationAward`` and others), preferring one that names how it
    was awarded, as the EU viewer puts it first."""
    if achievements is None:
        return None
    found = [child for child in achievements if isinstance(child.tag, str)]
    awarded = [a for a in found if _child(a, "wasAwardedBy") is not None]
    return (awarded or found or [None])[0]


def _address(*elements: etree._Element | None) -> str | None:
    """A web or mail address, as ELM v2 (``uri="..."`` or a ``<uri>`` child) or the 2019
    drafts (``id="..."``) write it."""
    for element in elements:
        if element is None:
            continue
        value = element.get("uri") or _plain(_child(element, "uri")) or element.get("id")
        if value:
            return value
    return None


def _eqf(element: etree._Element | None) -> int | None:
    uri = element.get("uri") if element is not None else None
    match = _EQF_URI.search(uri) if uri else None
    return int(match.group(1)) if match else None
