"""RSASSA-PSS in XML signatures: the identifiers of RFC 9231 (XMLDSig 1.1 additional URIs).

Two forms name it in a ``ds:SignatureMethod``:

- ``http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1`` (and the SHA-384 and SHA-512
  twins, §2.3.11): the hash names the message digest and MGF1's digest, the salt is as long
  as the digest and the trailer field is 0xBC. The German trusted list is signed this way.
- ``http://www.w3.org/2007/05/xmldsig-more#rsa-pss`` (§2.3.10) with an optional
  ``pss:RSAPSSParams`` child: ``ds:DigestMethod`` (default SHA-256),
  ``pss:MaskGenerationFunction`` (MGF1 only, its ``ds:DigestMethod`` defaulting to SHA-256),
  ``pss:SaltLength`` (default: the digest's length) and ``pss:TrailerField`` (1 only).

The salt length is fixed by these parameters, never guessed from the signature. SHA-1 is not
accepted, neither as the digest nor in MGF1.
"""

from __future__ import annotations

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from lxml import etree

from wallet.xml_input import XML_DSIG_NS

PSS_NS = "http://www.w3.org/2007/05/xmldsig-more#"
RSA_PSS_WITH_PARAMETERS = f"{PSS_NS}rsa-pss"
_MGF1 = f"{PSS_NS}MGF1"
_DS = f"{{{XML_DSIG_NS}}}"
_PSS = f"{{{PSS_NS}}}"

_DIGESTS: dict[str, type[hashes.HashAlgorithm]] = {
    "http://www.w3.org/2001/04/xmlenc#sha256": hashes.SHA256,
    "http://www.w3.org/2001/04/xmldsig-more#sha384": hashes.SHA384,
    "http://www.w3.org/2001/04/xmlenc#sha512": hashes.SHA512,
}
_IMPLIED: dict[str, type[hashes.HashAlgorithm]] = {
    f"{PSS_NS}sha256-rsa-MGF1": hashes.SHA256,
    f"{PSS_NS}sha384-rsa-MGF1": hashes.SHA384,
    f"{PSS_NS}sha512-rsa-MGF1": hashes.SHA512,
}
RSA_PSS_METHODS = frozenset({*_IMPLIED, RSA_PSS_WITH_PARAMETERS})
_LONGEST_SALT = 1024


class BadPssParametersError(ValueError):
    """The method's PSS parameters are malformed or name something Kredo does not accept."""


def pss_padding(method: etree._Element) -> tuple[hashes.HashAlgorithm, padding.PSS]:
    """The message digest and the PSS padding a ``ds:SignatureMethod`` element names."""
    algorithm = method.get("Algorithm", "")
    if algorithm in _IMPLIED:
        if _children(method):
            raise BadPssParametersError("parameters where the identifier implies them")
        digest = _IMPLIED[algorithm]()
        return digest, padding.PSS(padding.MGF1(_IMPLIED[algorithm]()), digest.digest_size)
    if algorithm != RSA_PSS_WITH_PARAMETERS:
        raise BadPssParametersError("not an RSASSA-PSS method")
    parameters = _only(method, f"{_PSS}RSAPSSParams", optional=True)
    if parameters is None:
        if _children(method):
            raise BadPssParametersError("unexpected content")
        return hashes.SHA256(), padding.PSS(padding.MGF1(hashes.SHA256()), 32)
    return _explicit(parameters)


def _explicit(parameters: etree._Element) -> tuple[hashes.HashAlgorithm, padding.PSS]:
    known = {
        f"{_DS}DigestMethod",
        f"{_PSS}MaskGenerationFunction",
        f"{_PSS}SaltLength",
        f"{_PSS}TrailerField",
    }
    if any(child.tag not in known for child in _children(parameters)):
        raise BadPssParametersError("unknown parameter")
    digest = _digest(_only(parameters, f"{_DS}DigestMethod", optional=True))
    mgf_digest: hashes.HashAlgorithm = hashes.SHA256()
    mgf = _only(parameters, f"{_PSS}MaskGenerationFunction", optional=True)
    if mgf is not None:
        if mgf.get("Algorithm") != _MGF1:
            raise BadPssParametersError("a mask generation function other than MGF1")
        mgf_digest = _digest(_only(mgf, f"{_DS}DigestMethod", optional=True))
    salt = _number(_only(parameters, f"{_PSS}SaltLength", optional=True), digest.digest_size)
    if salt > _LONGEST_SALT:
        raise BadPssParametersError("salt length out of range")
    if _number(_only(parameters, f"{_PSS}TrailerField", optional=True), 1) != 1:
        raise BadPssParametersError("a trailer field other than 0xBC")
    return digest, padding.PSS(padding.MGF1(mgf_digest), salt)


def _digest(element: etree._Element | None) -> hashes.HashAlgorithm:
    if element is None:
        return hashes.SHA256()
    algorithm = element.get("Algorithm", "")
    if algorithm not in _DIGESTS:
        raise BadPssParametersError("a digest Kredo does not accept")
    return _DIGESTS[algorithm]()


def _number(element: etree._Element | None, default: int) -> int:
    if element is None:
        return default
    text = (element.text or "").strip()
    if not text.isdigit() or not text.isascii():
        raise BadPssParametersError("not a number")
    return int(text)


def _children(element: etree._Element) -> list[etree._Element]:
    return [child for child in element if isinstance(child.tag, str)]


def _only(parent: etree._Element, tag: str, *, optional: bool) -> etree._Element | None:
    found = parent.findall(tag)
    if len(found) > 1 or (not found and not optional):
        raise BadPssParametersError("a parameter missing or repeated")
    return found[0] if found else None
