"""The stacks window on a real wallet: it says what it stacks and how many, counts a credential
held in three forms once and lists the copies, names what failed, switches to a tag or a
collection, and shows every column title whole on a 1280×720 screen, in English and Czech."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QTableWidget, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from tests.ui.conftest import VECTORS, Settle
from ui.dates_shown import number_text
from ui.i18n import Translation
from ui.session import WalletSession
from ui.stacks_dialog import StacksDialog
from wallet.app.importing import import_paths
from wallet.app.stacks import StackSelection, add_to_collection, stack_totals
from wallet.app.verifying import verify_stored
from wallet.store.wallet import OpenWallet

SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"
UNSEALED = VECTORS / "edc" / "Sample-MC-Annex1-unsigned.jsonld"
UPLOAD = VECTORS / "edc" / "Sample-MC-Annex1-unsigned-uploadable.json"
MUNI = VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld"
XML = VECTORS / "edc" / "edc-v1-xml-credential-xades-signed.xml"
PARTICIPATION = VECTORS / "edc" / "Sample-CertOfPart-signed.jsonld"
OB3 = VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json"
LAPTOP_WIDTH, LAPTOP_HEIGHT = 1280, 720


def _import(opened: OpenWallet, *paths: Path) -> list[int]:
    return [o.id for o in import_paths(opened.repository, list(paths)) if o.id is not None]


def _open(qtbot: QtBot, session: WalletSession, settle: Settle, ids: list[int]) -> StacksDialog:
    dialog = StacksDialog(session, ids)
    qtbot.addWidget(dialog)
    settle()
    assert dialog.totals is not None
    return dialog


def _column(table: QTableWidget, column: int) -> list[str]:
    cells = [table.item(row, column) for row in range(table.rowCount())]
    return [cell.text() for cell in cells if cell is not None]


def _title(table: QTableWidget, column: int) -> str:
    item = table.horizontalHeaderItem(column)
    assert item is not None
    return item.text()


def _top(tree: QTreeWidget, index: int) -> QTreeWidgetItem:
    item = tree.topLevelItem(index)
    assert item is not None
    return item


@pytest.fixture(params=["en", "cs"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translation = Translation(app)
    translation.use(str(request.param))
    yield str(request.param)
    translation.use("en")


def test_the_chosen_cards_count_once_and_the_failed_one_is_named(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle
) -> None:
    # GIVEN one micro-credential sealed, unsealed and wrapped, and a 4-ECTS one that failed
    sealed, unsealed, upload, muni = _import(opened, SEALED, UNSEALED, UPLOAD, MUNI)
    verify_stored(opened.repository, muni)
    # WHEN the four chosen cards are stacked
    dialog = _open(qtbot, session, settle, [sealed, unsealed, upload, muni])
    # THEN the window says what it stacks and how many
    assert dialog.scope.currentText() == "The chosen cards (4)"
    assert dialog.heading.text() == "Stacked: the 4 chosen credentials."
    # AND counts 2 ECTS once, flagged as not yet verified, and the failed 4 ECTS not at all
    assert dialog.summary.text().split("\n") == [
        "1 credential counted: 2 ECTS, 60 hours of workload.",
        "1 counted credential is not yet verified: 2 ECTS of the total.",
        "1 credential left out: 4 ECTS not counted.",
    ]
    assert (_column(dialog.level_table, 0), _column(dialog.level_table, 2)) == (["EQF 6"], ["2"])
    assert _column(dialog.body_table, 0) == ["University of Zed"]
    # AND lists the three copies it counted once, and what it left out
    merged = _top(dialog.details, 0)
    assert merged.text(0) == "Counted once: 3 copies of “Digital micro-credential creation”."
    children = [merged.child(i) for i in range(merged.childCount())]
    copies = [child.text(0) for child in children if child is not None]
    assert copies[0] == (f"#{sealed} · European Digital Credential (sealed) · "
                         "Not yet checked (counted)")
    assert [c.split(" · ")[0] for c in copies] == [f"#{i}" for i in (sealed, unsealed, upload)]
    assert _top(dialog.details, 1).text(0) == (
        "Left out: “Foundations of Data Analysis in Python”: its verification failed.")


def test_the_stack_can_be_the_wallet_a_tag_or_a_collection(
    qtbot: QtBot, session: WalletSession, opened: OpenWallet, settle: Settle
) -> None:
    # GIVEN four credentials, two tagged "data", two in a collection; none chosen
    sealed, muni, xml, _ = _import(opened, SEALED, MUNI, XML, OB3)
    opened.repository.tag(muni, ["data"])
    opened.repository.tag(xml, ["data"])
    add_to_collection(opened.repository, "Master plan", [sealed, muni])
    dialog = _open(qtbot, session, settle, [])
    # THEN it starts with the whole wallet, and offers each collection and tag with its size
    options = [dialog.scope.itemText(i) for i in range(dialog.scope.count())]
    assert options == ["All credentials in the wallet (4)", "Collection “Master plan” (2)",
                       "Tag “data” (2)"]
    assert dialog.heading.text() == "Stacked: the whole wallet, 4 credentials."
    # WHEN the tag is chosen
    dialog.scope.setCurrentIndex(2)
    settle()
    # THEN only its credentials count
    assert dialog.heading.text() == "Stacked: the credentials tagged “data”, 2 credentials."
    assert dialog.totals is not None and dialog.totals.total.workload_hours == 400
    # WHEN the collection is chosen and saved as a goal of 30 ECTS
    dialog.scope.setCurrentIndex(1)
    settle()
    assert dialog.totals.total.ects == 6
    dialog.goal_name.setText("Data analyst")
    dialog.goal_target.setValue(30)
    assert (dialog.progress.value(), dialog.progress.maximum()) == (6, 30)
    dialog.save_as_goal()
    settle()
    # THEN the goal holds the credentials that counted, with their ECTS and its target
    goal = next(c for c in opened.repository.collections() if c.name == "Data analyst")
    assert goal.credential_ids == (sealed, muni)
    assert stack_totals(opened.repository, StackSelection.collection("Data analyst"),
                        "en").total.ects == 6
    assert opened.repository.get_setting("goal:Data analyst") == "30"


def test_every_column_title_shows_whole_on_a_laptop_screen(
    qtbot: QtBot, language: str, session: WalletSession, opened: OpenWallet, settle: Settle
) -> None:
    # GIVEN real credentials with long awarding bodies, the interface in English or Czech
    ids = _import(opened, SEALED, MUNI, XML, PARTICIPATION, OB3)
    dialog = _open(qtbot, session, settle, ids)
    # THEN the window asks for no more than a 1280×720 screen
    need = dialog.minimumSizeHint()
    assert need.width() <= LAPTOP_WIDTH and need.height() <= LAPTOP_HEIGHT, language
    assert dialog.width() <= LAPTOP_WIDTH and dialog.height() <= LAPTOP_HEIGHT
    # WHEN it is shown at the least it asks for
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(need)
    settle()
    # THEN every column title of every table fits its column, nothing elided
    for page, table in enumerate((dialog.level_table, dialog.body_table, dialog.field_table)):
        dialog.tabs.setCurrentIndex(page)
        QApplication.processEvents()
        header = table.horizontalHeader()
        metrics = header.fontMetrics()
        for column in range(table.columnCount()):
            title = _title(table, column)
            assert metrics.horizontalAdvance(title) <= header.sectionSize(column), (
                language, title, header.sectionSize(column))
    # AND every tab title is whole
    bar = dialog.tabs.tabBar()
    for page in range(dialog.tabs.count()):
        assert bar.fontMetrics().horizontalAdvance(dialog.tabs.tabText(page)) <= (
            bar.tabRect(page).width()), (language, dialog.tabs.tabText(page))
    if language == "cs":
        titles = [_title(dialog.level_table, c) for c in range(4)]
        assert titles == ["Úroveň EQF", "Certifikáty", "Kredity ECTS",
                          "Pracovní zátěž (hodiny)"]


@pytest.mark.parametrize("language", ["cs"], indirect=True)
def test_numbers_in_czech(
    qtbot: QtBot, language: str, session: WalletSession, opened: OpenWallet, settle: Settle
) -> None:
    # GIVEN the interface in Czech and a wallet of real credentials
    _import(opened, SEALED, MUNI, XML)
    dialog = _open(qtbot, session, settle, [])
    # THEN the window speaks Czech, numbers grouped and written the Czech way
    assert dialog.scope.currentText() == "Všechny certifikáty v peněžence (3)"
    assert dialog.heading.text() == "Kumulováno: celá peněženka, 3 certifikáty."
    assert dialog.summary.text().split("\n")[0] == (
        "Započítány 3 certifikáty: 6 ECTS, pracovní zátěž 460 h.")
    assert _column(dialog.level_table, 3) == ["460"]
    assert [number_text(v) for v in (2.5, 1200.0)] == ["2,5", "1\u00a0200"]
