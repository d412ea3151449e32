"""The verification desk with what an employer receives: each kind of file opened in the desk
shows its verdict, its title and learner; withheld SD-JWT claims never show; a presentation
of two credentials gets a summary row and a tab each; several files make a table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, Qt, QTranslator, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage
from pytestqt.qtbot import QtBot

from tests.ui import desk_files as files
from tests.ui.conftest import Settle
from ui.desk_credential import DeskCredentialView
from ui.desk_wording import verdict_words
from ui.session import WalletSession
from ui.verification_desk import VerificationDesk
from wallet.app.importing import import_paths
from wallet.app.pdf_sharing import stored_credential_pdf
from wallet.app.presenting import PresentationRequest, sign_presentation
from wallet.app.verifying import VerifyRequest, verify_options, verify_received
from wallet.bundled_resources import resource_path
from wallet.qr.encode import encode_for_qr
from wallet.qr.render import frames_gif, qr_png
from wallet.store.wallet import OpenWallet

SEALED_TITLE, SEALED_LEARNER = "Digital micro-credential creation", "Ana Andromeda"


@pytest.fixture(autouse=True)
def english_plurals() -> Iterator[None]:
    """The English catalogue, as the app loads it: "%n claim(s)" reads "4 claims"."""
    app = QCoreApplication.instance()
    assert app is not None
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "kredo_en.qm")))
    app.installTranslator(translator)
    yield
    app.removeTranslator(translator)


@pytest.fixture
def desk(qtbot: QtBot, session: WalletSession) -> VerificationDesk:
    desk = VerificationDesk(session)
    qtbot.addWidget(desk)
    return desk


def _open(desk: VerificationDesk, settle: Settle, *paths: Path) -> None:
    desk.scan_paths(list(paths))
    settle()


def _tab(desk: VerificationDesk, index: int = 0) -> DeskCredentialView:
    view = desk.results.widget(index)
    assert isinstance(view, DeskCredentialView)
    return view


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _verdict(view: DeskCredentialView) -> str:
    return view.verdict.text()


def _presentation(opened: OpenWallet, *paths: Path, **request: str) -> bytes:
    ids = [o.id for o in import_paths(opened.repository, list(paths)) if o.id is not None]
    return sign_presentation(opened.repository,
                             PresentationRequest(tuple(ids), **request)).data


@pytest.mark.parametrize(
    ("name", "make", "verdict", "title", "learner"),
    [
        ("sealed.jsonld", files.SEALED.read_bytes, "Partially verified",
         SEALED_TITLE, SEALED_LEARNER),
        ("edc.xml", files.EDC_XML.read_bytes, None,  # whatever the core finds: not proven here
         "Master of Science: Climate Studies and Biofuture", "Karolina OSTROWSKA"),
        ("ob3.json", files.ob3_signed, "Partially verified", "Základy kryptografie 1",
         "Jana Nováková"),
        ("vc.jwt", files.vc_jwt, "Partially verified", "Základy kryptografie 1",
         "Jana Nováková"),
        ("ob2.jws", files.ob2_signed, "Could not be checked", "Open Science", None),
        ("badge.png", files.baked_png, "Partially verified", "Základy kryptografie 1",
         "Jana Nováková"),
    ],
)
def test_a_credential_file_shows_its_verdict_title_and_learner(
    desk: VerificationDesk, settle: Settle, tmp_path: Path, name: str, make: object,
    verdict: str | None, title: str, learner: str | None,
) -> None:
    # GIVEN a credential file of one kind, as an applicant would send it
    assert callable(make)
    path = _write(tmp_path, name, make())
    if verdict is None:
        found = verify_received(path.read_bytes(), verify_options(VerifyRequest()))
        verdict = verdict_words(found.status).label
    # WHEN the employer opens it in the desk
    _open(desk, settle, path)
    # THEN its one tab is titled by the credential, and shows the verdict and what it says
    assert desk.results.count() == 1
    assert title[:20] in desk.results.tabText(0)
    view = _tab(desk)
    assert verdict in _verdict(view)
    assert view.meaning.text()  # the verdict explained in a sentence
    assert title in view.shown_text
    if learner:
        assert learner in view.shown_text
    assert not desk.table.isVisible()


def test_a_sealed_edc_shows_its_page_and_readable_expert_details(
    desk: VerificationDesk, settle: Settle
) -> None:
    # GIVEN the EU's sealed micro-credential sample
    _open(desk, settle, files.SEALED)
    view = _tab(desk)
    # THEN the issuer's own page image is shown with the Annex I view
    assert view.examined.pages
    assert "kredo-page:1" in view.body.toHtml()
    # AND the seal's details read as labelled text, not JSON, and can be copied
    signature = next(card for card in view.cards if card.check_id == "signature")
    details = signature.details.text()
    assert "Certificate chain" in details and "Algorithm" in details
    assert "{" not in details and '"' not in details
    signature.copy_details()
    assert "Certificate chain" in QGuiApplication.clipboard().text()


def test_a_tampered_credential_fails(
    desk: VerificationDesk, settle: Settle, tmp_path: Path
) -> None:
    # GIVEN an OB 3.0 credential renamed after signing
    signed = _write(tmp_path, "ob3.json", files.ob3_signed())
    tampered = files.tampered_copy(signed, tmp_path, "Základy kryptografie 1".encode(),
                                   b"Leadership Badge")
    _open(desk, settle, tampered)
    # THEN it fails, says so plainly, and still shows what it claims
    view = _tab(desk)
    assert "Failed" in _verdict(view)
    assert "Do not rely on it" in view.meaning.text()
    assert "Leadership Badge" in desk.results.tabText(0)


def test_no_published_status_reads_not_published_never_ok(
    desk: VerificationDesk, settle: Settle, tmp_path: Path
) -> None:
    # GIVEN an OB 3.0 credential whose issuer publishes no revocation status
    _open(desk, settle, _write(tmp_path, "ob3.json", files.ob3_signed()))
    # THEN the revocation check says "Not published", not "OK"
    status = next(card for card in _tab(desk).cards if card.check_id == "status")
    assert status.outcome == "not_published"
    assert "Not published" in status.title.text()
    assert "OK" not in status.title.text()


def test_sd_jwt_with_key_binding_shows_only_what_was_disclosed(
    desk: VerificationDesk, settle: Settle, tmp_path: Path
) -> None:
    # GIVEN an SD-JWT VC presented with four of its eight claims, bound to the employer's
    # challenge and domain
    path = _write(tmp_path, "learning.sd-jwt", files.sd_jwt_with_key_binding())
    desk.challenge.setText(files.CHALLENGE)
    desk.domain.setText(files.DOMAIN)
    # WHEN it is opened
    _open(desk, settle, path)
    view = _tab(desk)
    shown = view.shown_text
    # THEN the disclosed claims are shown, with how many were kept back
    assert "Data Science Fundamentals" in desk.results.tabText(0)
    assert "Jana" in shown and "Nováková" in shown
    assert "kept back up to 4 claims" in shown
    # AND the withheld claims' values are nowhere to be seen
    for withheld in ("Univerzita Karlova", "Cleans data with pandas", "Explains a regression",
                     "2025-05-20", "issuing_authority", "learning_outcomes"):
        assert withheld not in shown
        assert withheld not in desk.summary.text()
    assert "Failed" not in _verdict(view)


def test_a_presentation_of_two_credentials_has_a_summary_row_and_two_tabs(
    desk: VerificationDesk, settle: Settle, opened: OpenWallet, tmp_path: Path
) -> None:
    # GIVEN a presentation the share wizard's use case signed for a challenge and domain
    data = _presentation(opened, files.OB3, files.SEALED, challenge=files.CHALLENGE,
                         domain=files.DOMAIN)
    path = _write(tmp_path, "presentation.json", data)
    desk.challenge.setText(files.CHALLENGE)
    desk.domain.setText(files.DOMAIN)
    # WHEN the employer opens it
    _open(desk, settle, path)
    # THEN a summary row names the presenter and the challenge and domain answered
    summary = desk.summary.text()
    assert desk.summary.isVisibleTo(desk)
    assert "2 credentials" in summary
    assert "did:key:" in summary
    assert "Challenge: answered" in summary and "Domain: answered" in summary
    # AND each credential has its tab, titled by its title
    assert desk.results.count() == 2
    titles = [desk.results.tabText(i) for i in range(2)]
    assert any("Teamwork Badge" in t for t in titles)
    assert any(SEALED_TITLE[:20] in t for t in titles)
    assert SEALED_LEARNER in _tab(desk, 1).shown_text + _tab(desk, 0).shown_text


def test_a_presentation_for_another_challenge_fails(
    desk: VerificationDesk, settle: Settle, opened: OpenWallet, tmp_path: Path
) -> None:
    # GIVEN a presentation made for another employer's challenge
    path = _write(tmp_path, "vp.json", _presentation(opened, files.OB3, challenge="other",
                                                      domain=files.DOMAIN))
    desk.challenge.setText(files.CHALLENGE)
    desk.domain.setText(files.DOMAIN)
    _open(desk, settle, path)
    # THEN the summary says it failed and the challenge was not answered
    assert "Failed" in desk.summary.text()
    assert "Challenge: not answered" in desk.summary.text()


@pytest.mark.parametrize(
    ("make", "holder_named"),
    [(files.jwt_presentation, True), (files.enveloped_presentation, False)],
)
def test_jwt_and_enveloped_presentations_show_their_credential(
    desk: VerificationDesk, settle: Settle, tmp_path: Path, make: object, holder_named: bool
) -> None:
    # GIVEN a VP-JWT signed for the challenge, or an unsigned VP with an enveloped VC-JWT
    assert callable(make)
    path = _write(tmp_path, "vp.txt", make())
    desk.challenge.setText(files.CHALLENGE)
    desk.domain.setText(files.DOMAIN)
    _open(desk, settle, path)
    # THEN its credential is shown by title and learner, with the presenter in the summary
    assert desk.results.count() == 1
    assert "Základy kryptografie 1" in desk.results.tabText(0)
    assert "Jana Nováková" in _tab(desk).shown_text
    assert ("did:key:" in desk.summary.text()) is holder_named
    assert ("Challenge: answered" in desk.summary.text()) is holder_named


def test_a_pdf_and_an_animated_code_are_read_in_the_desk(
    desk: VerificationDesk, settle: Settle, opened: OpenWallet, tmp_path: Path
) -> None:
    # GIVEN a Kredo PDF (the credential attached, a QR on the page) and an animated GIF code
    ids = [o.id for o in import_paths(opened.repository, [files.OB3]) if o.id is not None]
    pdf = _write(tmp_path, "credential.pdf",
                 stored_credential_pdf(opened.repository, ids[0], lang="en").data)
    encoding = encode_for_qr(files.SEALED.read_bytes())
    gif = _write(tmp_path, "code.gif", frames_gif(encoding.frames))
    # WHEN both are opened at once
    _open(desk, settle, pdf, gif)
    # THEN both are in the table with their titles
    cells = {desk.model.cell(item, 2) for item in desk.items}
    assert "Teamwork Badge" in cells
    assert SEALED_TITLE in cells


def test_several_files_make_a_sortable_table_with_progress(
    desk: VerificationDesk, settle: Settle, tmp_path: Path, qtbot: QtBot
) -> None:
    # GIVEN a folder of applications: good, tampered and not a credential at all
    folder = tmp_path / "applications"
    folder.mkdir()
    signed = _write(folder, "a-ob3.json", files.ob3_signed())
    files.tampered_copy(signed, folder, "Základy kryptografie 1".encode(), b"Forged")
    _write(folder, "c-vc.jwt", files.vc_jwt())
    _write(folder, "notes.txt", b"not a credential")
    progress: list[tuple[int, int]] = []
    desk.progress.valueChanged.connect(lambda v: progress.append((v, desk.progress.maximum())))
    # WHEN the folder is opened
    _open(desk, settle, folder)
    # THEN every credential has a row: file, verdict, title, learner, issuer
    assert desk.table.isVisibleTo(desk)
    assert desk.proxy.rowCount() == 3
    rows = {desk.model.cell(item, 0): item for item in desk.items}
    assert set(rows) == {"a-ob3.json", "tampered-a-ob3.json", "c-vc.jwt"}
    assert desk.model.cell(rows["c-vc.jwt"], 3) == "Jana Nováková"
    assert "notes.txt" in desk.message.text()
    assert progress and progress[-1] == (4, 4)
    # AND sorting by verdict puts the failed one first
    desk.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    first = desk.proxy.index(0, 0).data()
    assert first.startswith("tampered-")
    # AND choosing a row shows that file below
    desk.table.selectRow(0)
    assert "Failed" in _verdict(_tab(desk))


def test_dropped_files_and_pasted_text_are_verified(
    desk: VerificationDesk, settle: Settle, tmp_path: Path
) -> None:
    # GIVEN a credential file dropped on the desk
    path = _write(tmp_path, "dropped.jwt", files.vc_jwt())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    desk.dropEvent(drop)
    settle()
    # THEN it is verified and shown
    assert desk.current is not None and desk.current.source == "dropped.jwt"
    assert "Jana Nováková" in _tab(desk).shown_text
    # WHEN a presentation's text is pasted instead
    QGuiApplication.clipboard().setText(files.enveloped_presentation().decode())
    desk.paste()
    settle()
    # THEN it is verified as the clipboard's
    assert desk.current is not None and desk.current.presenter is not None
    # AND a pasted picture of a QR code is read too
    QGuiApplication.clipboard().setImage(QImage.fromData(qr_png(
        encode_for_qr(files.OB3.read_bytes()).frames[0])))
    desk.paste()
    settle()
    assert "Teamwork Badge" in desk.results.tabText(0)


def test_markup_in_a_credential_is_shown_as_text(
    desk: VerificationDesk, settle: Settle, tmp_path: Path
) -> None:
    # GIVEN a validly signed credential whose title is HTML
    title = "<b>Bold</b><img src='https://tracker.example/x.png'><a href='x'>click</a>"
    _open(desk, settle, _write(tmp_path, "markup.json", files.ob3_signed(title)))
    view = _tab(desk)
    # THEN the markup is shown as the characters it is, never interpreted
    assert "<b>Bold</b>" in view.body.toPlainText()
    assert "tracker.example" not in view.body.toHtml().split("&lt;img")[0]
    assert "<img src='https://tracker" not in view.body.toHtml()
    assert "<b>Bold</b>" in desk.results.tabText(0)
