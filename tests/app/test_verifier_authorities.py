"""The verifier certificate authorities a learner trusts, kept in a real encrypted wallet."""

from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from tests.oid4vp.verifier_keys import verifier_certificate
from wallet.app.verifier_authorities import (
    VERIFIER_AUTHORITIES_KEY,
    add_verifier_authorities,
    remove_verifier_authority,
    verifier_anchors,
    verifier_authorities,
)
from wallet.errors import TrustMaterialError
from wallet.store.repository import CredentialRepository


def test_a_pem_bundle_is_added_once_and_a_damaged_entry_is_never_trusted(
    repository: CredentialRepository,
) -> None:
    # GIVEN a PEM file holding two verifier CAs
    first, second = verifier_certificate().ca, verifier_certificate().ca
    bundle = b"".join(c.public_bytes(Encoding.PEM) for c in (first, second))
    # WHEN it is added twice
    assert len(add_verifier_authorities(repository, bundle, name="cas.pem")) == 2
    assert add_verifier_authorities(repository, bundle, name="cas.pem") == ()
    # THEN both are trusted, once each, in the order given
    assert verifier_anchors(repository) == (first, second)
    # GIVEN the setting damaged by hand (an entry that is no certificate)
    items = json.loads(repository.get_setting(VERIFIER_AUTHORITIES_KEY) or "[]")
    repository.set_setting(VERIFIER_AUTHORITIES_KEY,
                           json.dumps([{"der": "bm90IGEgY2VydA=="}, *items]))
    # THEN it is left out, and the others still count
    assert verifier_anchors(repository) == (first, second)


def test_removing_needs_an_unambiguous_fingerprint(repository: CredentialRepository) -> None:
    # GIVEN one trusted CA (DER)
    ca = verifier_certificate().ca
    (added,) = add_verifier_authorities(repository, ca.public_bytes(Encoding.DER),
                                        name="ca.der")
    # WHEN a too short fingerprint is given THEN nothing is removed
    with pytest.raises(TrustMaterialError, match="first eight hex digits"):
        remove_verifier_authority(repository, added.fingerprint[:4])
    assert len(verifier_authorities(repository)) == 1
    # WHEN its fingerprint, written with colons, is given THEN it is no longer trusted
    colons = ":".join(added.fingerprint[i:i + 2] for i in range(0, 16, 2)).upper()
    assert remove_verifier_authority(repository, colons).name == "Kredo Test Verifier CA"
    assert verifier_anchors(repository) == ()
