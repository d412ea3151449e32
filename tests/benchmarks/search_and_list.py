"""Full-text search over 10,000 credentials, the whole list, and the GUI's list model.

Queries are what people type: whole words and prefixes, with and without háčky and čárky,
issuer names, learner names, two-word phrases, and words found nowhere. Two figures per
query: the search itself (``search_ids``: ranked ids, for a view that holds the rows) and
the search with a summary of every match (``list(search=...)``), where a common word means
thousands of rows.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable, Sized

from tests.benchmarks.report import Figure
from tests.benchmarks.wallets import BenchWallet, open_bench_wallet

SECTION = "search and list (10,000 credentials)"
QUERIES = (
    "kryptografie", "kryptograf", "zaklady", "Základy", "datova analyza", "Python",
    "strojove uceni", "Masarykova", "univerzita karlova", "Brne", "Nováková", "novakova",
    "Svoboda", "phishing", "rozvaha", "zlomku", "GDPR", "fotonika", "etika", "energie",
    "harmonogram", "zemedelstvi", "Liberci", "Pardubice", "mikrocertifikat", "nenalezeno",
    "xyzzy", "Ostravska", "ucetnictvi", "komunikace",
)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _timed(action: Callable[[str], Sized], queries: list[str]) -> tuple[list[float], list[int]]:
    times, hits = [], []
    for query in queries:
        started = time.perf_counter()
        found = action(query)
        times.append((time.perf_counter() - started) * 1000)
        hits.append(len(found))
    return times, hits


def measure(wallet: BenchWallet, rounds: int = 10) -> list[Figure]:
    rng = random.Random(7)
    queries = [q for _ in range(rounds) for q in rng.sample(QUERIES, len(QUERIES))]
    with open_bench_wallet(wallet.home) as opened:
        repo = opened.repository
        for query in QUERIES:  # warm the page cache, as a running app has it
            repo.list(search=query)
        ids_ms, hits = _timed(repo.search_ids, queries)
        rows_ms, _ = _timed(lambda q: repo.list(search=q), queries)
        started = time.perf_counter()
        everything = repo.list()
        list_ms = (time.perf_counter() - started) * 1000
        assert len(everything) == wallet.credentials
        gui = _gui_list(everything, queries, repo.search_ids)
    figures = [
        Figure(SECTION, f"FTS search, ranked ids: p50 ({len(queries)} queries)",
               _percentile(ids_ms, 0.5), "ms"),
        Figure(SECTION, "FTS search, ranked ids: p95", _percentile(ids_ms, 0.95), "ms",
               target=10.0),
        Figure(SECTION, "FTS search + summaries of every match: p50",
               _percentile(rows_ms, 0.5), "ms"),
        Figure(SECTION, "FTS search + summaries of every match: p95",
               _percentile(rows_ms, 0.95), "ms"),
        Figure(SECTION, "matches per query: median", statistics.median(hits), "rows"),
        Figure(SECTION, "matches per query: 95th percentile", _percentile(
            [float(h) for h in hits], 0.95), "rows"),
        Figure(SECTION, "list all 10,000 summaries (SQL + objects)", list_ms, "ms"),
    ]
    return figures + gui


def _gui_list(rows: list, queries: list[str],  # type: ignore[type-arg]
              search_ids: Callable[[str], list[int]]) -> list[Figure]:
    """The main window's list: the model, the filter proxy in front of it and a view, as the
    window has them (a status filter set, so the proxy asks Python about every row)."""
    try:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication, QListView

        from ui.credential_filter import (
            CredentialFilter,
            CredentialFilterProxy,
            SortKey,
            ranked,
            row_order,
        )
        from ui.credential_model import CredentialListModel
    except ImportError as exc:  # the GUI is optional for the core figures
        print(f"list model skipped: {exc}")
        return []
    app = QApplication.instance() or QApplication([])
    model = CredentialListModel("cs")
    proxy = CredentialFilterProxy()
    proxy.setSourceModel(model)
    view = QListView()
    view.setModel(proxy)
    started = time.perf_counter()
    model.set_rows(rows)
    filled = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    titles = [model.data(model.index(r, 0), Qt.ItemDataRole.DisplayRole)
              for r in range(model.rowCount())]
    read = (time.perf_counter() - started) * 1000
    proxy.set_filter(CredentialFilter(state="unchecked"))
    started = time.perf_counter()
    model.set_rows(rows)
    shown = proxy.rowCount()
    filtered = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    model.set_order(row_order(SortKey.TITLE, model))
    by_title = (time.perf_counter() - started) * 1000
    model.set_order(None)

    def type_and_show(query: str) -> list[int]:
        """What typing in the search box costs once the window holds every row."""
        model.set_rows(ranked(rows, search_ids(query)))
        proxy.rowCount()
        return model.ids()

    typing_ms, _ = _timed(type_and_show, queries)
    assert len(titles) == len(rows) == shown and app is not None
    return [
        Figure(SECTION, "list model: set 10,000 rows", filled, "ms"),
        Figure(SECTION, "list model: read all 10,000 titles", read, "ms"),
        Figure(SECTION, "list model + filter proxy: set 10,000 rows", filtered, "ms"),
        Figure(SECTION, "list model: sort 10,000 rows by title", by_title, "ms"),
        Figure(SECTION, "search as you type (ids + rows shown): p50",
               _percentile(typing_ms, 0.5), "ms"),
        Figure(SECTION, "search as you type (ids + rows shown): p95",
               _percentile(typing_ms, 0.95), "ms"),
    ]
