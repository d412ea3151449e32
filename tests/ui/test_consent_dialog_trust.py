"""The consent dialog confirming who asks, against the real ``@openid4vc/openid4vp`` verifier
on 127.0.0.1: x509 verifiers under a certificate authority the learner trusts in the wallet,
did:web verifiers looked up online only with permission; and what the dialog says beside a
credential (trusted authorities Kredo cannot judge, credentials bound to another holder)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding
from pytestqt.qtbot import QtBot

from tests.oid4vp.owf_verifier import DidSigner, OwfVerifier, owf_verifier
from tests.oid4vp.verifier_keys import verifier_certificate
from tests.oid4vp.wallet_credentials import Issuer
from tests.ui.learner_wallet import LEARNING_QUERY, VC_QUERY, fill_wallet, loopback
from ui.consent_dialog import ConsentDialog
from ui.session import WalletSession
from wallet.app.importing import import_bytes
from wallet.app.verifier_authorities import verifier_authorities
from wallet.app.verify_habits import ONLINE_CHECKS_SETTING
from wallet.store.wallet import OpenWallet

__all__ = ["loopback", "owf_verifier"]
BADGE_QUERY: dict[str, Any] = {
    "id": "badge", "format": "ldp_vc",
    "meta": {"type_values": [["https://purl.imsglobal.org/spec/vc/ob/vocab.html"
                              "#OpenBadgeCredential"]]}}
pytestmark = pytest.mark.usefixtures("loopback")


@pytest.fixture
def learner(opened: OpenWallet) -> OpenWallet:
    fill_wallet(opened)
    return opened


def _shown(qtbot: QtBot, session: WalletSession, link: str) -> ConsentDialog:
    dialog = ConsentDialog(session, link=link)
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=20_000)
    except qtbot.TimeoutError:
        pytest.fail(f"the request was not shown: {dialog.status.text()}")
    return dialog


def test_an_x509_verifier_is_confirmed_once_the_learner_trusts_its_ca(
    qtbot: QtBot, session: WalletSession, learner: OpenWallet, owf_verifier: OwfVerifier,
    tmp_path: Path,
) -> None:
    # GIVEN the npm verifier signing its request as x509_san_dns:localhost under a test CA
    certificate = verifier_certificate("localhost")
    verifier_session = owf_verifier.create({"credentials": [LEARNING_QUERY]},
                                           certificate=certificate)
    # WHEN the learner opens it before trusting that CA
    dialog = _shown(qtbot, session, verifier_session.link)
    # THEN the verifier is shown, but not confirmed
    assert "Kredo could not confirm who this is" in dialog.verifier.text()
    assert "does not know the authority" in dialog.verifier.text()
    # WHEN they trust the CA (a DER file) from the dialog
    dialog.trust_button.click()
    authorities = dialog.authorities_dialog
    assert authorities is not None
    ca_file = tmp_path / "verifier-ca.der"
    ca_file.write_bytes(certificate.ca.public_bytes(Encoding.DER))
    authorities.add_file(ca_file)
    # THEN the same request shows as confirmed, without fetching it again
    qtbot.waitUntil(lambda: "Kredo confirmed who this is" in dialog.verifier.text(),
                    timeout=20_000)
    assert "from a certificate authority Kredo trusts" in dialog.verifier.text()
    assert owf_verifier.state(verifier_session)["fetched"] == 1
    qtbot.waitUntil(lambda: authorities.authorities.count() == 1, timeout=20_000)
    assert "Kredo Test Verifier CA" in authorities.authorities.item(0).text()
    # AND the CA is kept in the wallet: a new request by the verifier is confirmed at once,
    # and the verifier accepts the answer
    (kept,) = verifier_authorities(learner.repository)
    assert kept.name == "Kredo Test Verifier CA"
    second = owf_verifier.create({"credentials": [LEARNING_QUERY]}, certificate=certificate)
    again = _shown(qtbot, session, second.link)
    assert "Kredo confirmed who this is" in again.verifier.text()
    again.share_button.click()
    qtbot.waitUntil(lambda: again.outcome is not None or again.share_button.isEnabled(),
                    timeout=20_000)
    (answer,) = owf_verifier.state(second)["answers"]
    assert answer["accepted"], answer.get("error")
    # AND removing the CA makes the next request "not confirmed" again
    authorities.authorities.setCurrentRow(0)
    authorities.remove_button.click()
    qtbot.waitUntil(lambda: verifier_authorities(learner.repository) == (), timeout=20_000)
    third = owf_verifier.create({"credentials": [LEARNING_QUERY]}, certificate=certificate)
    last = _shown(qtbot, session, third.link)
    assert "could not confirm" in last.verifier.text()


def test_a_did_web_verifier_is_looked_up_only_when_online_checks_allow_it(
    qtbot: QtBot, session: WalletSession, learner: OpenWallet, owf_verifier: OwfVerifier,
) -> None:
    # GIVEN a did:web verifier whose server publishes its DID document, and online checks off
    signer = DidSigner("", "", "ES256", ec.generate_private_key(ec.SECP256R1()), web=True)
    offline = owf_verifier.create({"credentials": [LEARNING_QUERY]}, did=signer)
    # WHEN the learner opens its link
    dialog = ConsentDialog(session, link=offline.link)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.lookup_button.isVisibleTo(dialog), timeout=20_000)
    # THEN the dialog says the DID document was not consulted; nothing was looked up
    assert "did not consult the verifier's DID document" in dialog.status.text()
    assert dialog.pages.currentIndex() == 0
    assert owf_verifier.state(offline)["did_fetched"] == 0
    # WHEN the learner lets Kredo look it up this once
    dialog.lookup_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=20_000)
    # THEN the verifier is confirmed as its DID, looked up once
    assert "Kredo confirmed who this is" in dialog.verifier.text()
    assert "looked up this verifier's DID document online" in dialog.verifier.text()
    assert owf_verifier.state(offline)["did_fetched"] == 1
    # GIVEN online checks allowed in the wallet WHEN another request of it is opened
    learner.repository.set_setting(ONLINE_CHECKS_SETTING, "1")
    online = owf_verifier.create({"credentials": [LEARNING_QUERY]}, did=signer)
    shown = _shown(qtbot, session, online.link)
    # THEN it is looked up at once, confirmed, and the verifier accepts the answer
    assert "Kredo confirmed who this is" in shown.verifier.text()
    shown.share_button.click()
    qtbot.waitUntil(lambda: shown.outcome is not None or shown.share_button.isEnabled(),
                    timeout=20_000)
    (answer,) = owf_verifier.state(online)["answers"]
    assert answer["accepted"], answer.get("error")


def test_a_credential_kredo_cannot_judge_shows_the_sentence_beside_it(
    qtbot: QtBot, session: WalletSession, learner: OpenWallet, owf_verifier: OwfVerifier,
) -> None:
    # GIVEN a verifier accepting VC-JWTs vouched for by an OpenID Federation
    query = {**VC_QUERY, "trusted_authorities": [
        {"type": "openid_federation", "values": ["https://federation.example.eu"]}]}
    verifier_session = owf_verifier.create({"credentials": [query]})
    # WHEN the learner opens its link
    dialog = _shown(qtbot, session, verifier_session.link)
    picker = dialog.pickers["course"]
    # THEN the VC-JWT is on offer, with the sentence saying Kredo cannot tell
    assert picker.combo.count() == 1
    assert picker.authority_note.isVisibleTo(picker)
    assert "cannot tell" in picker.authority_note.text()
    assert "OpenID Federation" in picker.authority_note.text()


def test_a_credential_issued_to_another_holder_is_listed_but_not_offered(
    qtbot: QtBot, session: WalletSession, learner: OpenWallet, owf_verifier: OwfVerifier,
) -> None:
    # GIVEN the wallet also holds an Open Badge issued to someone else's DID
    other = Issuer(holder="did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")
    (outcome,) = import_bytes(learner.repository, json.dumps(other.ob3()).encode(),
                              source="test")
    assert outcome.status == "imported", outcome.error
    # WHEN a verifier asks for a badge, holder binding required (the default)
    verifier_session = owf_verifier.create({"credentials": [BADGE_QUERY]})
    dialog = _shown(qtbot, session, verifier_session.link)
    picker = dialog.pickers["badge"]
    # THEN it is not offered: the dialog lists it with the reason, and Share is off
    assert picker.candidates == ()
    (note,) = picker.not_offered_notes
    assert "issued to another holder" in note.text()
    assert not dialog.share_button.isEnabled()
    # WHEN a verifier does not require holder binding
    unbound: dict[str, Any] = {**BADGE_QUERY, "require_cryptographic_holder_binding": False}
    second = owf_verifier.create({"credentials": [unbound]})
    dialog = _shown(qtbot, session, second.link)
    picker = dialog.pickers["badge"]
    assert picker.combo.count() == 1 and picker.not_offered_notes == []
    dialog.share_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None or dialog.share_button.isEnabled(),
                    timeout=20_000)
    # THEN it is offered and the verifier accepts it, without holder binding
    (answer,) = owf_verifier.state(second)["answers"]
    assert answer["accepted"], answer.get("error")
    (presented,) = answer["checked"]["presented"]["badge"]
    assert presented["cryptographic_holder_binding"] is False


def test_an_sd_jwt_vc_is_named_by_its_title(
    qtbot: QtBot, session: WalletSession, learner: OpenWallet, owf_verifier: OwfVerifier,
) -> None:
    # GIVEN the learning credential, whose issuer gave it a title claim
    verifier_session = owf_verifier.create({"credentials": [LEARNING_QUERY]})
    # WHEN a verifier asks for it THEN the dialog names it by that title, not by its format
    dialog = _shown(qtbot, session, verifier_session.link)
    picker = dialog.pickers["learning"]
    assert picker.combo.itemText(0) == "Základy datové analýzy"


def test_only_a_verifier_named_by_certificate_offers_to_trust_its_authority(
    qtbot: QtBot, session: WalletSession, learner: OpenWallet, owf_verifier: OwfVerifier,
) -> None:
    # GIVEN an unsigned verifier, known only by its answer address
    verifier_session = owf_verifier.create({"credentials": [LEARNING_QUERY]})
    # WHEN its request is shown THEN there is no certificate authority to trust
    dialog = _shown(qtbot, session, verifier_session.link)
    assert not dialog.trust_button.isVisibleTo(dialog)
    # AND a verifier signing with a certificate offers it
    signed = owf_verifier.create({"credentials": [LEARNING_QUERY]},
                                 certificate=verifier_certificate("localhost"))
    other = _shown(qtbot, session, signed.link)
    assert other.trust_button.isVisibleTo(other)
