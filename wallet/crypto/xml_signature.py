"""Verify an enveloped XMLDSig signature: an ETSI trusted list's (TS 119 612 §5.7.1), or the
XAdES seal of a legacy Europass XML credential.

Such a document is signed with one ``ds:Signature`` holding a reference with ``URI=""``
(the whole document minus the signature) and, for XAdES, a reference to its
``SignedProperties``. Kredo checks only what these documents use, so that nothing unusual
slips past:

1. exactly one ``ds:Signature`` in the document (for a trusted list: a direct child of the
   root);
2. canonicalization: inclusive or exclusive C14N 1.0, with or without comments, as the
   ``SignedInfo`` says; transforms limited to enveloped-signature, those C14N methods and,
   where the profile allows it, the XPath filter ``not(ancestor-or-self::ds:Signature)``
   that older EU signers use instead of enveloped-signature, or the XPath Filter 2.0
   ``subtract`` of ``/descendant::ds:Signature`` that the Commission's DSS-based sealer
   puts on Europass XML presentations (with one signature in the document all three
   select the same nodes);
3. every reference's digest (SHA-256/384/512) over its canonical bytes; one of them must be
   the whole document, so what is parsed afterwards is exactly what was signed; any other
   must point inside the signature (signed properties, key info), so nothing can be moved
   around it;
4. the signature over the canonical ``SignedInfo`` with the key of the signing certificate in
   ``KeyInfo`` (RSA PKCS#1 v1.5, RSASSA-PSS or ECDSA with SHA-256/384/512; RSASSA-PSS by the
   RFC 9231 identifiers: ``…#sha256-rsa-MGF1`` and its twins with the parameters they imply,
   as the German trusted list is signed, or ``…#rsa-pss`` with its ``RSAPSSParams``; see
   :mod:`wallet.crypto.xml_rsa_pss`);
5. XAdES ``SigningCertificate`` or ``SigningCertificateV2``, when present, must name that
   same certificate.

Whether the signing certificate is trusted (the one a territory's operator is known to use,
or a seal certificate on a trusted list) is the caller's decision: the result gives the
certificate. SHA-1 is refused: it no longer proves integrity.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding
from lxml import etree

from wallet.crypto.xml_rsa_pss import RSA_PSS_METHODS, BadPssParametersError, pss_padding
from wallet.translation import tr
from wallet.xml_input import XADES_NS, XML_DSIG_NS

_DS = f"{{{XML_DSIG_NS}}}"
_XADES = f"{{{XADES_NS}}}"

_C14N = {
    "http://www.w3.org/TR/2001/REC-xml-c14n-20010315": (False, False),
    "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments": (False, True),
    "http://www.w3.org/2001/10/xml-exc-c14n#": (True, False),
    "http://www.w3.org/2001/10/xml-exc-c14n#WithComments": (True, True),
}
_ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"
_XPATH = "http://www.w3.org/TR/1999/REC-xpath-19991116"
_NOT_IN_SIGNATURE = "not(ancestor-or-self::{prefix}:Signature)"
_XPATH_FILTER2 = "http://www.w3.org/2002/06/xmldsig-filter2"
_SUBTRACT_SIGNATURES = "/descendant::{prefix}:Signature"
_SIGNED_PROPERTIES = "http://uri.etsi.org/01903#SignedProperties"
_DIGESTS = {
    "http://www.w3.org/2001/04/xmlenc#sha256": "sha256",
    "http://www.w3.org/2001/04/xmldsig-more#sha384": "sha384",
    "http://www.w3.org/2001/04/xmlenc#sha512": "sha512",
}
_SIGNATURE_METHODS: dict[str, tuple[str, hashes.HashAlgorithm]] = {
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256": ("rsa", hashes.SHA256()),
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384": ("rsa", hashes.SHA384()),
    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512": ("rsa", hashes.SHA512()),
    "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256": ("ec", hashes.SHA256()),
    "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384": ("ec", hashes.SHA384()),
    "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512": ("ec", hashes.SHA512()),
}


@dataclass(frozen=True)
class SignatureProfile:
    """Where the signature may sit and what it may use; ``subject`` says which document
    (``"list"`` or ``"credential"``), choosing the sentences its problems are told in."""

    subject: str
    signature_in_root: bool
    xpath_enveloped: bool


TRUSTED_LIST = SignatureProfile("list", signature_in_root=True, xpath_enveloped=False)
XML_CREDENTIAL = SignatureProfile("credential", signature_in_root=False, xpath_enveloped=True)


@dataclass(frozen=True)
class XmlSignatureResult:
    """What the signature check found; ``problems`` are sentences for a person.

    ``signature`` is the checked ``ds:Signature`` element, ``certificates`` every certificate
    of its ``KeyInfo`` (signer first) and ``content`` the octets of each reference other than
    the signed properties, in order (the input of a XAdES content timestamp).
    """

    valid: bool
    signer: x509.Certificate | None
    signing_time: datetime | None
    problems: tuple[str, ...]
    signature: etree._Element | None = field(default=None, repr=False)
    certificates: tuple[x509.Certificate, ...] = field(default=(), repr=False)
    content: tuple[bytes, ...] = field(default=(), repr=False)


class _BadSignatureError(Exception):
    """Internal: the signature is not valid; the argument names the reason (``_PROBLEMS``)."""


# Each reason as a sentence about a trusted list, and about a credential (the subject is
# part of the sentence: Czech inflects it differently in each).
_PROBLEMS: dict[str, tuple[Callable[[], str], Callable[[], str]]] = {
    "one_signature_in_root": (
        lambda: tr("The list must carry exactly one signature, directly in its root."),
        lambda: tr("The credential must carry exactly one signature, directly in its root."),
    ),
    "one_signature": (
        lambda: tr("The list must carry exactly one signature."),
        lambda: tr("The credential must carry exactly one signature."),
    ),
    "algorithm": (
        lambda: tr("The list is signed with an algorithm Kredo does not accept."),
        lambda: tr("The credential is signed with an algorithm Kredo does not accept."),
    ),
    "incomplete": (
        lambda: tr("The list's signature is incomplete or has repeated parts."),
        lambda: tr("The credential's signature is incomplete or has repeated parts."),
    ),
    "canonicalization": (
        lambda: tr("The list's signature uses a canonicalization Kredo does not accept."),
        lambda: tr("The credential's signature uses a canonicalization Kredo does not accept."),
    ),
    "base64": (
        lambda: tr("The list's signature holds damaged base64 data."),
        lambda: tr("The credential's signature holds damaged base64 data."),
    ),
    "signs_nothing": (
        lambda: tr("The list's signature signs nothing."),
        lambda: tr("The credential's signature signs nothing."),
    ),
    "transform": (
        lambda: tr("The list's signature uses a transform Kredo does not accept."),
        lambda: tr("The credential's signature uses a transform Kredo does not accept."),
    ),
    "not_enveloped": (
        lambda: tr("The list's signature does not exclude itself from what it signs."),
        lambda: tr("The credential's signature does not exclude itself from what it signs."),
    ),
    "changed": (
        lambda: tr("The list was changed after it was signed."),
        lambda: tr("The credential was changed after it was signed."),
    ),
    "outside": (
        lambda: tr("The list's signature refers to content outside the signature."),
        lambda: tr("The credential's signature refers to content outside the signature."),
    ),
    "properties_changed": (
        lambda: tr("The list's signed properties were changed after it was signed."),
        lambda: tr("The credential's signed properties were changed after it was signed."),
    ),
    "reference": (
        lambda: tr("The list's signature has a reference Kredo does not accept."),
        lambda: tr("The credential's signature has a reference Kredo does not accept."),
    ),
    "digest": (
        lambda: tr("The list's signature uses a digest Kredo does not accept."),
        lambda: tr("The credential's signature uses a digest Kredo does not accept."),
    ),
    "key_information": (
        lambda: tr("The list's signature does not match its key information."),
        lambda: tr("The credential's signature does not match its key information."),
    ),
    "not_whole": (
        lambda: tr("The list's signature does not cover the whole list."),
        lambda: tr("The credential's signature does not cover the whole credential."),
    ),
    "missing_part": (
        lambda: tr("The list's signature refers to a part that is missing or repeated."),
        lambda: tr("The credential's signature refers to a part that is missing or repeated."),
    ),
    "no_certificate": (
        lambda: tr("The list's signature does not include its signing certificate."),
        lambda: tr("The credential's signature does not include its signing certificate."),
    ),
    "certificate_unreadable": (
        lambda: tr("The list's signing certificate cannot be read."),
        lambda: tr("The credential's signing certificate cannot be read."),
    ),
    "value_malformed": (
        lambda: tr("The list's signature value is malformed."),
        lambda: tr("The credential's signature value is malformed."),
    ),
    "contents": (
        lambda: tr("The list's signature does not match its contents."),
        lambda: tr("The credential's signature does not match its contents."),
    ),
    "key_algorithm": (
        lambda: tr("The list's signing key does not fit its signature algorithm."),
        lambda: tr("The credential's signing key does not fit its signature algorithm."),
    ),
    "signing_certificate": (
        lambda: tr("The list's signed properties name a different signing certificate."),
        lambda: tr("The credential's signed properties name a different signing certificate."),
    ),
}


def _problem(reason: str, profile: SignatureProfile) -> str:
    about_list, about_credential = _PROBLEMS[reason]
    return about_list() if profile.subject == "list" else about_credential()


def verify_enveloped_signature(
    tree: etree._ElementTree, *, profile: SignatureProfile = TRUSTED_LIST
) -> XmlSignatureResult:
    """Check the document's own signature; never raises for a bad signature, only reports it."""
    signer: x509.Certificate | None = None
    signing_time: datetime | None = None
    signature: etree._Element | None = None
    certificates: tuple[x509.Certificate, ...] = ()
    try:
        root = tree.getroot()
        # 1. exactly one signature (enveloped in the root, for a trusted list)
        everywhere = root.findall(f".//{_DS}Signature")
        signatures = root.findall(f"{_DS}Signature") if profile.signature_in_root else everywhere
        if len(everywhere) != 1 or len(signatures) != 1:
            raise _BadSignatureError(
                "one_signature_in_root"
                if profile.signature_in_root
                else "one_signature"
            )
        signature = signatures[0]
        signed_info = _one(signature, f"{_DS}SignedInfo")
        c14n_method = _c14n_of(_one(signed_info, f"{_DS}CanonicalizationMethod"))
        certificates = _key_info_certificates(signature)
        signer = certificates[0]
        signing_time = _signing_time(signature)
        # 3. references
        content = _check_references(tree, signature, signed_info, profile)
        # 4. signature value over canonical SignedInfo
        method_element = _one(signed_info, f"{_DS}SignatureMethod")
        method = method_element.get("Algorithm", "")
        value = _b64(_one(signature, f"{_DS}SignatureValue").text)
        signed = _canonical(signed_info, *c14n_method)
        if method in RSA_PSS_METHODS:
            _verify_pss_value(signer, method_element, value, signed)
        elif method in _SIGNATURE_METHODS:
            _verify_value(signer, method, value, signed)
        else:
            raise _BadSignatureError("algorithm")
        # 5. XAdES SigningCertificate(V2) names the key's certificate
        _check_signing_certificate_reference(signature, signer)
    except _BadSignatureError as problem:
        sentence = _problem(str(problem), profile)
        return XmlSignatureResult(False, signer, signing_time, (sentence,), signature, certificates)
    return XmlSignatureResult(True, signer, signing_time, (), signature, certificates, content)


def _one(parent: etree._Element, tag: str) -> etree._Element:
    found = parent.findall(tag)
    if len(found) != 1:
        raise _BadSignatureError("incomplete")
    return found[0]


def _c14n_of(element: etree._Element) -> tuple[bool, bool]:
    algorithm = element.get("Algorithm", "")
    if algorithm not in _C14N:
        raise _BadSignatureError(
            "canonicalization"
        )
    return _C14N[algorithm]


def canonical_form(element: etree._Element, algorithm: str | None) -> bytes | None:
    """C14N of ``element`` by the algorithm URI (inclusive C14N 1.0 when none is named, as
    XMLDSig and XAdES default); ``None`` for an algorithm Kredo does not implement."""
    if algorithm is None:
        return _canonical(element, False, False)
    if algorithm not in _C14N:
        return None
    return _canonical(element, *_C14N[algorithm])


def _canonical(element: etree._Element, exclusive: bool, with_comments: bool) -> bytes:
    """C14N of one element as a document subset, keeping inherited namespaces (inclusive)."""
    canonical: bytes = etree.tostring(
        element, method="c14n", exclusive=exclusive, with_comments=with_comments
    )
    return canonical


def _b64(text: str | None) -> bytes:
    try:
        return base64.b64decode("".join((text or "").split()), validate=True)
    except (binascii.Error, ValueError) as error:
        raise _BadSignatureError("base64") from error


def _check_references(
    tree: etree._ElementTree,
    signature: etree._Element,
    signed_info: etree._Element,
    profile: SignatureProfile,
) -> tuple[bytes, ...]:
    references = signed_info.findall(f"{_DS}Reference")
    if not references:
        raise _BadSignatureError("signs_nothing")
    covers_document = False
    content: list[bytes] = []
    for reference in references:
        uri = reference.get("URI")
        enveloped, exclusive, with_comments = _transforms(reference, profile)
        if uri == "":
            if not enveloped:
                raise _BadSignatureError("not_enveloped")
            # A same-document reference "" drops comments whatever the transform says.
            data = _document_without(tree, signature, exclusive)
            covers_document = True
        elif uri is not None and uri.startswith("#") and not enveloped:
            target = _element_by_id(tree, uri[1:])
            if not _is_inside(target, signature):
                # Anything else signed by id could be moved around (signature wrapping).
                raise _BadSignatureError("outside")
            data = _canonical(target, exclusive, with_comments)
        else:
            raise _BadSignatureError("reference")
        _check_digest(reference, data)
        if reference.get("Type") != _SIGNED_PROPERTIES:
            content.append(data)
    if not covers_document:
        raise _BadSignatureError("not_whole")
    return tuple(content)


def _transforms(reference: etree._Element, profile: SignatureProfile) -> tuple[bool, bool, bool]:
    """(enveloped, exclusive C14N, with comments) as the reference's transforms say."""
    enveloped = False
    c14n: list[str] = []
    for transform in reference.findall(f"{_DS}Transforms/{_DS}Transform"):
        algorithm = transform.get("Algorithm", "")
        if algorithm == _ENVELOPED or (
            profile.xpath_enveloped
            and (
                _is_not_in_signature_filter(transform, algorithm)
                or _is_subtract_signatures_filter(transform, algorithm)
            )
        ):
            enveloped = True
        elif algorithm in _C14N:
            c14n.append(algorithm)
        else:
            raise _BadSignatureError("transform")
    if len(c14n) > 1:
        raise _BadSignatureError("transform")
    # Without an explicit C14N transform a node-set is turned into bytes with inclusive C14N.
    exclusive, with_comments = _C14N[c14n[0]] if c14n else (False, False)
    return enveloped, exclusive, with_comments


def _check_digest(reference: etree._Element, data: bytes) -> None:
    """The referenced bytes hash to the reference's digest; which change it was, if not."""
    method = _one(reference, f"{_DS}DigestMethod").get("Algorithm", "")
    if method not in _DIGESTS:
        raise _BadSignatureError("digest")
    expected = _b64(_one(reference, f"{_DS}DigestValue").text)
    if hashlib.new(_DIGESTS[method], data).digest() != expected:
        if reference.get("URI") == "":
            raise _BadSignatureError("changed")
        if reference.get("Type") == _SIGNED_PROPERTIES:
            raise _BadSignatureError("properties_changed")
        raise _BadSignatureError("key_information")


def _is_not_in_signature_filter(transform: etree._Element, algorithm: str) -> bool:
    """The XPath filter ``not(ancestor-or-self::ds:Signature)``, ``ds`` bound to XMLDSig.

    With exactly one signature in the document (checked first) it drops the same nodes as
    the enveloped-signature transform; any other XPath is refused.
    """
    if algorithm != _XPATH:
        return False
    expressions = transform.findall(f"{_DS}XPath")
    if len(expressions) != 1:
        return False
    expression = "".join((expressions[0].text or "").split())
    return any(
        namespace == XML_DSIG_NS and expression == _NOT_IN_SIGNATURE.format(prefix=prefix)
        for prefix, namespace in expressions[0].nsmap.items()
        if prefix
    )


def _is_subtract_signatures_filter(transform: etree._Element, algorithm: str) -> bool:
    """XPath Filter 2.0 (W3C Recommendation 2002) subtracting ``/descendant::ds:Signature``.

    With exactly one signature in the document (checked first) it drops the same nodes as
    the enveloped-signature transform; any other filter or expression is refused.
    """
    if algorithm != _XPATH_FILTER2:
        return False
    expressions = [child for child in transform if isinstance(child.tag, str)]
    if len(expressions) != 1 or expressions[0].tag != f"{{{_XPATH_FILTER2}}}XPath":
        return False
    expression = expressions[0]
    if expression.get("Filter") != "subtract":
        return False
    text = "".join((expression.text or "").split())
    return any(
        namespace == XML_DSIG_NS and text == _SUBTRACT_SIGNATURES.format(prefix=prefix)
        for prefix, namespace in expression.nsmap.items()
        if prefix
    )


def _document_without(
    tree: etree._ElementTree, signature: etree._Element, exclusive: bool
) -> bytes:
    """The enveloped-signature transform: the root element minus the signature element."""
    root = tree.getroot()
    copy = etree.fromstring(etree.tostring(root))
    copied = copy.findall(f".//{_DS}Signature")[0]
    parent = copied.getparent()
    assert parent is not None
    # lxml keeps the text after an element in its ``tail``; that text is not part of the
    # signature element, so it must stay in the document when the element goes.
    tail = copied.tail
    previous = copied.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(copied)
    return _canonical(copy, exclusive, False)


def _element_by_id(tree: etree._ElementTree, identifier: str) -> etree._Element:
    matches = [
        element
        for element in tree.getroot().iter()
        if isinstance(element.tag, str) and element.get("Id") == identifier
    ]
    if len(matches) != 1:
        raise _BadSignatureError(
            "missing_part"
        )
    return matches[0]


def _is_inside(element: etree._Element, ancestor: etree._Element) -> bool:
    return any(parent is ancestor for parent in element.iterancestors())


def _key_info_certificates(signature: etree._Element) -> tuple[x509.Certificate, ...]:
    elements = signature.findall(f"{_DS}KeyInfo/{_DS}X509Data/{_DS}X509Certificate")
    if not elements:
        raise _BadSignatureError(
            "no_certificate"
        )
    try:
        # The first certificate is the signer's (XMLDSig §4.5.4 leaves order open; trusted
        # lists and EU seals put the signer first).
        return tuple(x509.load_der_x509_certificate(_b64(e.text)) for e in elements)
    except ValueError as error:
        raise _BadSignatureError("certificate_unreadable") from error


def _signing_time(signature: etree._Element) -> datetime | None:
    found = signature.find(f".//{_XADES}SigningTime")
    if found is None or not found.text:
        return None
    try:
        return datetime.fromisoformat(found.text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def _verify_value(signer: x509.Certificate, method: str, value: bytes, signed: bytes) -> None:
    kind, algorithm = _SIGNATURE_METHODS[method]
    key = signer.public_key()
    try:
        if kind == "rsa" and isinstance(key, rsa.RSAPublicKey):
            key.verify(value, signed, padding.PKCS1v15(), algorithm)
            return
        if kind == "ec" and isinstance(key, ec.EllipticCurvePublicKey):
            # XMLDSig ECDSA values are r || s, each the size of the curve order.
            half = len(value) // 2
            if len(value) % 2 or not half:
                raise _BadSignatureError("value_malformed")
            der = encode_dss_signature(
                int.from_bytes(value[:half], "big"), int.from_bytes(value[half:], "big")
            )
            key.verify(der, signed, ec.ECDSA(algorithm))
            return
    except InvalidSignature as error:
        raise _BadSignatureError(
            "contents"
        ) from error
    raise _BadSignatureError("key_algorithm")


def _verify_pss_value(
    signer: x509.Certificate, method: etree._Element, value: bytes, signed: bytes
) -> None:
    """RSASSA-PSS (RFC 8017 §8.1) with the parameters the method names or spells out."""
    key = signer.public_key()
    if not isinstance(key, rsa.RSAPublicKey):
        raise _BadSignatureError("key_algorithm")
    try:
        digest, scheme = pss_padding(method)
    except BadPssParametersError as error:
        raise _BadSignatureError("algorithm") from error
    try:
        key.verify(value, signed, scheme, digest)
    except InvalidSignature as error:
        raise _BadSignatureError("contents") from error


def _check_signing_certificate_reference(
    signature: etree._Element, signer: x509.Certificate
) -> None:
    digests = [
        *signature.findall(f".//{_XADES}SigningCertificate/{_XADES}Cert/{_XADES}CertDigest"),
        *signature.findall(f".//{_XADES}SigningCertificateV2/{_XADES}Cert/{_XADES}CertDigest"),
    ]
    if not digests:
        return
    der = signer.public_bytes(Encoding.DER)
    for digest in digests:
        method = _one(digest, f"{_DS}DigestMethod").get("Algorithm", "")
        expected = _b64(_one(digest, f"{_DS}DigestValue").text)
        if method in _DIGESTS and hashlib.new(_DIGESTS[method], der).digest() == expected:
            return
    raise _BadSignatureError(
        "signing_certificate"
    )
