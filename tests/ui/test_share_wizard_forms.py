"""The share wizard's holder profile and its PDF form, on a real wallet and the real worker."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import VECTORS, Settle
from ui.session import WalletSession
from ui.share_wizard import ChoosePage, ShareWizard
from wallet.app.holders import add_holder_profile, holder_profiles
from wallet.app.importing import import_paths
from wallet.app.verifying import VerifyRequest, verify_stored
from wallet.share.holder import FIRST_PROFILE_LABEL
from wallet.store.wallet import OpenWallet

OB3 = VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json"
SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"
SEALED_OTHER = VECTORS / "edc" / "Sample-CertOfPart-signed.jsonld"
TAMPERED = (VECTORS.parent / "realworld" / "dcc"
            / "v2-ob3-ed25519signature2020-tampered.json")


def _import(opened: OpenWallet, *paths: Path) -> list[int]:
    return [o.id for o in import_paths(opened.repository, list(paths)) if o.id is not None]


def _share(qtbot: QtBot, wizard: ShareWizard, settle: Settle, form: str) -> None:
    qtbot.addWidget(wizard)
    wizard.show()
    settle()
    wizard.form_page.set_form(form)
    wizard.next()  # choose → form
    wizard.form_page.recipient.setText("ACME HR")
    wizard.next()  # form → done: the worker makes it
    settle()
    assert wizard.done_page.ready, wizard.done_page.status.text()


def test_the_default_profile_is_the_one_offered_and_it_signs(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle, tmp_path: Path
) -> None:
    # GIVEN a second holder profile that the learner made the default
    ids = _import(opened, OB3)
    holder_profiles(opened.repository)  # the wallet's first profile
    work = add_holder_profile(opened.repository, "Work", make_default=True)
    wizard = ShareWizard(session, ids, None)
    # WHEN the wizard makes a presentation without the learner touching the profile box
    _share(qtbot, wizard, settle, "presentation")
    # THEN the box shows the default profile, and that profile signed
    profiles = wizard.form_page.profile
    assert [profiles.itemText(i) for i in range(profiles.count())] == [FIRST_PROFILE_LABEL, "Work"]
    assert profiles.currentText() == "Work"
    out = tmp_path / "vp.json"
    wizard.write_to(out)
    assert json.loads(out.read_bytes())["holder"] == work.did


def test_the_pdf_form_makes_the_pdf_of_one_credential_and_logs_it(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle, tmp_path: Path
) -> None:
    # GIVEN one sealed EDC chosen
    ids = _import(opened, SEALED)
    wizard = ShareWizard(session, ids, None)
    # WHEN the learner shares it as a PDF and saves it
    _share(qtbot, wizard, settle, "pdf")
    assert wizard.package is not None and wizard.package.suggested_name == "credential.pdf"
    out = tmp_path / "credential.pdf"
    wizard.write_to(out)
    # THEN the file is the PDF, logged as shared with the recipient
    assert out.read_bytes()[:5] == b"%PDF-"
    assert [(e.form, e.recipient) for e in opened.repository.share_log()] == [
        ("pdf", "ACME HR")]


def test_the_wizard_warns_before_a_failed_or_unproven_credential_is_shared(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle
) -> None:
    # GIVEN a credential altered after signing (a DCC fixture) and an OB 3.0 credential whose
    # issuer key is only online, both verified in the wallet, and a sealed EDC left unchecked
    failed, unproven, unchecked = _import(opened, TAMPERED, OB3, SEALED_OTHER)
    for credential_id in (failed, unproven):
        verify_stored(opened.repository, credential_id, VerifyRequest())
    wizard = ShareWizard(session, [unchecked], None)
    qtbot.addWidget(wizard)
    wizard.show()
    settle()
    page = wizard.choose
    # WHEN only the unchecked one is ticked THEN no warning
    assert not page.warning.isVisible()
    # WHEN the learner ticks the failed one THEN the page says the employer's check will fail
    _tick(page, failed)
    assert page.warning.isVisible()
    assert "failed its last verification" in page.warning.text()
    # AND ticking the unproven one adds that it could not be checked
    _tick(page, unproven)
    assert "could not be checked" in page.warning.text()
    # AND unticking both takes the warning away
    _tick(page, failed, checked=False)
    _tick(page, unproven, checked=False)
    assert not page.warning.isVisible()


def _tick(page: ChoosePage, credential_id: int, *, checked: bool = True) -> None:
    for i in range(page.list.count()):
        item = page.list.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == credential_id:
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            return
    raise AssertionError(f"credential {credential_id} is not listed")
