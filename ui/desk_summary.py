"""The summary row above the tabs: a presentation's verdict, how its credentials fared, and
who presented it (the holder, and whether the challenge and domain were checked).

Rich text; everything that comes from the presentation is escaped.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ui.desk_details import in_current_language
from ui.desk_wording import check_outcome, outcome_symbol, outcome_text, verdict_words
from ui.status_chip import on_background
from wallet.app.desk import Presenter, ReceivedItem

translate = QCoreApplication.translate  # pyside6-lupdate collects translate("Context", "…")


def needs_summary(item: ReceivedItem) -> bool:
    return item.presenter is not None or len(item.credentials) > 1


def summary_html(item: ReceivedItem, background: QColor) -> str:
    words = verdict_words(item.status)
    colour = on_background(words.colour, background).name()
    what = (translate("DeskSummary", "Presentation") if item.presenter is not None
            else translate("DeskSummary", "Received"))
    counts = Counter(c.report.status for c in item.credentials)
    tally = ", ".join(
        f"{verdict_words(status).symbol} {count} × {escape(verdict_words(status).label)}"
        for status, count in counts.items())
    carried = translate("DeskSummary", "%n credential(s)", "", len(item.credentials))
    lines = [
        f"<b>{escape(what)} ({escape(item.source)}): "
        f"<span style='color:{colour}'>{words.symbol} {escape(words.label)}</span></b>"
        f" — {escape(carried)}: {tally}"
    ]
    if item.presenter is not None:
        lines.append(_presenter_html(item.presenter))
    return "<br>".join(lines)


def _presenter_html(presenter: Presenter) -> str:
    """Who presented it and the holder check's sentence; then challenge and domain."""
    holder = presenter.holder or translate("DeskSummary", "no holder named")
    by = translate("DeskSummary", "Presented by")
    line = f"{escape(by)}: <code>{escape(holder)}</code>"
    check = presenter.check
    if check is not None:
        outcome = check_outcome(check)
        line += (f" — {outcome_symbol(outcome)} {escape(outcome_text(outcome))}: "
                 f"{escape(in_current_language(check.message))}")
    proven = check is not None and check.status.value == "ok"
    request = " · ".join((_request_html(presenter.challenge_expected, proven, "challenge"),
                          _request_html(presenter.domain_expected, proven, "domain")))
    return f"{line}<br>{request}"


def _request_html(expected: bool, proven: bool, what: str) -> str:
    if what == "challenge":
        text = (translate("DeskSummary", "Challenge: answered") if expected and proven
                else translate("DeskSummary", "Challenge: not answered") if expected
                else translate("DeskSummary", "Challenge: none given, not checked"))
    else:
        text = (translate("DeskSummary", "Domain: answered") if expected and proven
                else translate("DeskSummary", "Domain: not answered") if expected
                else translate("DeskSummary", "Domain: none given, not checked"))
    return escape(text)
