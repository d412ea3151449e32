"""The credential list: the model's orders, the proxy's filter, and selections kept across both.

Rows are real ``CredentialSummary`` values as the repository makes them; the model and the
proxy are the ones the main window uses.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QListView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.conftest import VECTORS, Settle
from ui.credential_filter import CredentialFilter, CredentialFilterProxy, SortKey, row_order
from ui.credential_model import CredentialListModel, CredentialRoles
from ui.main_window import MainWindow
from ui.session import WalletSession
from wallet.app.importing import import_paths
from wallet.model import CredentialFormat, LangText
from wallet.store.records import CredentialSummary, IndexFields
from wallet.store.wallet import OpenWallet

SEALED = VECTORS / "edc" / "Sample-MC-Annex1-signed.jsonld"
MUNI = VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld"
OB3 = VECTORS / "w3c" / "1edtech-obv3-ldp-signed-credential.json"


def _row(n: int, title: str, issuer: str, issued: str, ects: float | None,
         status: str | None = None) -> CredentialSummary:
    return CredentialSummary(
        id=n, format=CredentialFormat.VC_JSONLD,
        index=IndexFields(title=LangText({"en": title, "cs": f"{title} (cs)"}),
                          issuer_name=issuer, issued=issued, ects=ects),
        imported_at=f"2026-11-{n:02d}T10:00:00Z", tags=(), verification_status=status)


# Given in relevance order (what a search returns): ids 3, 1, 4, 2, 5.
ROWS = [
    _row(3, "Photonics", "Univerzita Karlova", "2025-03-01", 5, "verified"),
    _row(1, "cryptography basics", "Masarykova univerzita", "2024-01-10", 2),
    _row(4, "Accounting", "Masarykova univerzita", "2025-03-01", 5, "failed"),
    _row(2, "Machine learning", "ČVUT", "2023-06-30", None),
    _row(5, "Ethics of AI", "univerzita Karlova", "2026-01-01", 2, "verified"),
]


def _list(qtbot: QtBot) -> tuple[CredentialListModel, CredentialFilterProxy, QListView]:
    model = CredentialListModel(lang="en")
    proxy = CredentialFilterProxy()
    proxy.setSourceModel(model)
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    return model, proxy, view


def _ids(proxy: CredentialFilterProxy) -> list[int]:
    return [proxy.index(r, 0).data(CredentialRoles.ID) for r in range(proxy.rowCount())]


def _selected(view: QListView) -> set[int]:
    return {i.data(CredentialRoles.ID) for i in view.selectionModel().selectedRows()}


def test_each_order_sorts_the_rows_and_relevance_restores_the_given_order(
        qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    # GIVEN the rows of a search, best match first
    model, proxy, _view = _list(qtbot)
    model.set_rows(ROWS)
    assert _ids(proxy) == [3, 1, 4, 2, 5]
    # WHEN each order is chosen THEN the rows follow it; equal keys keep the given order
    expected = {
        SortKey.NEWEST: [5, 4, 3, 1, 2],  # 4 and 3 share a date: the higher id first
        SortKey.TITLE: [4, 1, 5, 2, 3],  # case does not matter
        # case does not matter; "ČVUT" comes last (code points, as before: no collation)
        SortKey.ISSUER: [1, 4, 3, 5, 2],
        SortKey.ECTS: [3, 4, 1, 5, 2],  # most first, no ECTS last
    }
    for key, ids in expected.items():
        model.set_order(row_order(key, model))
        assert _ids(proxy) == ids, key
    model.set_order(row_order(SortKey.RELEVANCE, model))
    assert _ids(proxy) == [3, 1, 4, 2, 5]
    # AND new rows arrive in the order chosen
    model.set_order(row_order(SortKey.TITLE, model))
    model.set_rows(ROWS[:3])
    assert _ids(proxy) == [4, 1, 3]
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)


def test_the_title_order_follows_the_language(qtbot: QtBot) -> None:
    model, proxy, _view = _list(qtbot)
    model.set_rows([_row(1, "Beta", "X", "2024-01-01", 1), _row(2, "Alpha", "X", "2024-01-01", 1)])
    model.set_order(row_order(SortKey.TITLE, model))
    assert _ids(proxy) == [2, 1]
    # WHEN the language changes to one where the titles sort the other way round
    model.set_rows([
        CredentialSummary(1, CredentialFormat.VC_JSONLD,
                          IndexFields(title=LangText({"en": "Beta", "cs": "Anatomie"})),
                          "2026-01-01", ()),
        CredentialSummary(2, CredentialFormat.VC_JSONLD,
                          IndexFields(title=LangText({"en": "Alpha", "cs": "Zoologie"})),
                          "2026-01-01", ()),
    ])
    model.set_language("cs")
    # THEN the order follows the titles shown
    assert [proxy.index(r, 0).data() for r in range(2)] == ["Anatomie", "Zoologie"]


def test_a_new_order_keeps_the_selection(qtbot: QtBot) -> None:
    # GIVEN two selected cards
    model, proxy, view = _list(qtbot)
    model.set_rows(ROWS)
    for credential_id in (1, 5):
        row = _ids(proxy).index(credential_id)
        view.selectionModel().select(proxy.index(row, 0),
                                     QItemSelectionModel.SelectionFlag.Select)
    # WHEN the order changes (a layout change, not a reset)
    model.set_order(row_order(SortKey.TITLE, model))
    # THEN the same credentials are selected, wherever they moved
    assert _selected(view) == {1, 5}
    model.set_order(row_order(SortKey.NEWEST, model))
    assert _selected(view) == {1, 5}


def test_the_filter_narrows_rows_and_applies_to_new_rows(qtbot: QtBot) -> None:
    model, proxy, _view = _list(qtbot)
    model.set_rows(ROWS)
    # WHEN only Masaryk University's credentials with at least 5 ECTS are asked for
    proxy.set_filter(CredentialFilter(issuer="Masarykova univerzita", min_ects=5))
    assert _ids(proxy) == [4]
    # AND by status: never verified counts as "unchecked"
    proxy.set_filter(CredentialFilter(state="unchecked"))
    assert _ids(proxy) == [1, 2]
    # THEN new rows are filtered the same way
    model.set_rows([*ROWS, _row(6, "New", "X", "2026-02-02", 1)])
    assert _ids(proxy) == [1, 2, 6]
    # AND an empty filter shows everything again
    proxy.set_filter(CredentialFilter())
    assert _ids(proxy) == [3, 1, 4, 2, 5, 6]


def test_a_load_of_the_window_filters_each_row_once(
        qtbot: QtBot, opened: OpenWallet, session: WalletSession, settle: Settle,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt asks Python about every row each time the proxy filters: with 10,000 credentials the
    window filtered them twice per load before (0.16 s of the first paint)."""
    # GIVEN a wallet with three credentials, and the real proxy's answers being counted
    for vector in (SEALED, MUNI, OB3):
        assert [o.status for o in import_paths(opened.repository, [vector])] == ["imported"]
    asked: list[int] = []
    accepts = CredentialFilterProxy.filterAcceptsRow

    def counted(self: CredentialFilterProxy, row: int, parent: QModelIndex) -> bool:
        asked.append(row)
        return accepts(self, row, parent)

    monkeypatch.setattr(CredentialFilterProxy, "filterAcceptsRow", counted)
    # WHEN the window is opened and loads the list
    window = MainWindow(session)
    qtbot.addWidget(window)
    settle()
    # THEN every row was shown, and the proxy asked about each row once
    assert window.proxy.rowCount() == 3
    assert sorted(asked) == [0, 1, 2]
    # AND the same for a reload with a filter set
    window.format_filter.setCurrentIndex(window.format_filter.findData("vc-jsonld"))
    asked.clear()
    window.reload()
    settle()
    assert sorted(asked) == list(range(window.model.rowCount()))
