"""``resources/trust/lotl-pins.pem``: the LOTL signing certificates of OJ C/2026/1944, checked
against what the LOTL and the national lists (each signed by its own member state) announce."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from tests.trust.conftest import CY_TL, IS_TL, LOTL, LOTL_PINS
from wallet.trust.trusted_list import parse_trusted_list

# The SHA-256 of the six certificates of OJ C/2026/1944, as iText transcribed them from the
# Official Journal (itext/itext-eu-trusted-lists-resources @ bbb8fb5 : CertificatesC20261944):
# an independent reading of the OJ, which this machine cannot fetch.
OJ_C_2026_1944 = {
    "d2064fdd70f6982dcc516b86d9d5c56aea939417c624b2e478c0b29de54f8474",
    "e0a620fbb6747362bb933ac44169d676a553444716cf5f31605f12a22b8396b1",
    "c0641c4f7d56c431b1c924742db7fce9c1eef7d7fd212113a2768486b3abcdc5",
    "df7e29360c34b2b8d6d5f40325c1d4d12c9922cecd33b7407674a74b2b3ca1e5",
    "b63d416744e7098bf9ec2caa596a93bc2468e37f8284ba65ecc061711bcbaa18",
    "236103f03a8031ae8f47f9059bf8de38564cdbfebedde4a597d50f8980aa653b",
}


def _sha256s(certificates: Iterable[x509.Certificate]) -> set[str]:
    return {hashlib.sha256(c.public_bytes(Encoding.DER)).hexdigest() for c in certificates}


@pytest.fixture(scope="module")
def pins(update_trust: ModuleType) -> set[str]:
    return _sha256s(update_trust.load_pem_certificates(LOTL_PINS))


def test_the_pins_are_the_certificates_of_the_official_journal(pins: set[str]) -> None:
    assert pins == OJ_C_2026_1944


def test_the_pins_are_what_the_lotl_announces_for_itself_and_it_is_signed_by_one(
    update_trust: ModuleType, pins: set[str]
) -> None:
    # GIVEN the LOTL sequence 390, verified against the pins
    lotl = update_trust.verify_lotl(
        LOTL.read_bytes(), update_trust.load_pem_certificates(LOTL_PINS)
    )
    # THEN its pointer to itself names exactly the pinned certificates
    assert _sha256s(update_trust.announced_lotl_signers(lotl)) == pins
    assert update_trust.pin_changes(lotl, update_trust.load_pem_certificates(LOTL_PINS)) is None
    assert lotl.signature.signer is not None
    assert _sha256s([lotl.signature.signer]) <= pins


@pytest.mark.parametrize("national", [CY_TL, IS_TL], ids=["CY", "IS"])
def test_member_states_announce_the_same_lotl_signers_in_their_own_signed_lists(
    national: Path, pins: set[str]
) -> None:
    # GIVEN a national list, signed by its member state (and pinned by the LOTL)
    trusted_list = parse_trusted_list(national.read_bytes())
    assert trusted_list.signature.valid
    # THEN its pointer to the LOTL names the same six certificates
    (pointer,) = trusted_list.pointer_for("EU")
    assert pointer.location == "https://ec.europa.eu/tools/lotl/eu-lotl.xml"
    assert _sha256s(pointer.certificates) == pins


def test_the_pins_of_2019_would_warn_that_the_commission_announced_new_signers(
    update_trust: ModuleType, cz_tl_bytes: bytes
) -> None:
    # GIVEN the eight certificates of OJ C 276/2019, as the Czech list of 2019 names them
    (pointer,) = parse_trusted_list(cz_tl_bytes).pointer_for("EU")
    lotl = parse_trusted_list(LOTL.read_bytes())
    # THEN only one of them is still announced, and the script says the pins must move
    assert len(_sha256s(pointer.certificates) & OJ_C_2026_1944) == 1
    warning = update_trust.pin_changes(lotl, list(pointer.certificates))
    assert warning is not None
    assert "announces 5 signing certificate(s) that lotl-pins.pem lacks" in warning
    assert "no longer names 7 pinned one(s)" in warning
