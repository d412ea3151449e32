"""Read trusted-list XML safely: no DTD, no entities, no network, bounded size.

Trusted lists come from the web (or from a file a user picked), so the parser treats them
as hostile: a ``DOCTYPE`` is refused outright, which rules out entity expansion and external
references whatever the parser's defaults are.
"""

from __future__ import annotations

from lxml import etree

from wallet.errors import InputTooLarge, MalformedCredential
from wallet.translation import tr

TSL_NS = "http://uri.etsi.org/02231/v2#"
TSL_ADDITIONAL_NS = "http://uri.etsi.org/02231/v2/additionaltypes#"
TSL_SIE_NS = "http://uri.etsi.org/TrstSvc/SvcInfoExt/eSigDir-1999-93-EC-TrustedList/#"
XML_DSIG_NS = "http://www.w3.org/2000/09/xmldsig#"
XADES_NS = "http://uri.etsi.org/01903/v1.3.2#"

# National lists reach a few MB (the Czech list was 2.5 MB in 2025, with its history);
# the biggest EU lists stay well below this.
MAX_TRUSTED_LIST_BYTES = 64 * 1024 * 1024


def parse_xml(raw: bytes, *, what: str | None = None) -> etree._ElementTree:
    """Parse ``raw`` into a tree, or raise one typed error with a sentence for a person.

    ``what`` names the document as the subject of a sentence (a ``tr()`` sentence); the
    default is "The trusted list".
    """
    what = what or tr("The trusted list")
    if len(raw) > MAX_TRUSTED_LIST_BYTES:
        raise InputTooLarge(
            tr("{what} is larger than Kredo accepts.", what=what),
            details=f"{len(raw)} bytes > {MAX_TRUSTED_LIST_BYTES}",
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=False,
        remove_pis=False,
        huge_tree=False,
    )
    try:
        tree = etree.ElementTree(etree.fromstring(raw, parser))
    except etree.XMLSyntaxError as error:
        raise MalformedCredential(
            tr("{what} is not well-formed XML.", what=what), details=str(error)
        ) from error
    if tree.docinfo.doctype:
        raise MalformedCredential(
            tr("{what} declares a document type, which trusted lists never do.", what=what),
            details="DOCTYPE refused",
        )
    return tree
