"""The verification panel: the verdict, then each check with its sentence and expert details.

It shows a typed :class:`~wallet.verify.report.VerificationReport`. Its sentences are shown in
the interface language of the moment (``Sentence.localized``), whatever language they were
made or saved in.
"""

from __future__ import annotations

from html import escape

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.dates_shown import stored_moment_text
from ui.desk_details import details_text, in_current_language
from ui.desk_wording import (
    NOT_PUBLISHED,
    check_outcome,
    outcome_colour,
    outcome_symbol,
    outcome_text,
)
from ui.signal_emit import emit
from ui.status_chip import (
    check_name,
    check_status_text,
    chip_colour,
    chip_text,
    on_background,
    verdict_meaning,
)
from wallet.verify.report import CheckResult, IssuerInfo, VerificationReport


def _window_colour() -> QColor:
    return QApplication.palette().color(QPalette.ColorRole.Window)


class CheckCard(QFrame):
    """One check: symbol and name, the sentence, and the expert details behind a toggle."""

    def __init__(self, check: CheckResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check_id = check.id
        self.status = check.status.value
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # A status nobody publishes is OK for the verdict, but shown as "not published".
        outcome = check_outcome(check)
        colour = on_background(outcome_colour(outcome), _window_colour()).name()
        self.status_text = (outcome_text(outcome) if outcome == NOT_PUBLISHED
                            else check_status_text(self.status))
        self.title = QLabel(
            f"<span style='color:{colour}; font-weight:bold'>{outcome_symbol(outcome)} "
            f"{escape(check_name(self.check_id))} — {escape(self.status_text)}</span>"
        )
        self.message = QLabel(in_current_language(check.message))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(f"{check_name(self.check_id)}: {self.status_text}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        details = details_text(check.details) if check.details else ""
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setText(details)
        self.details.hide()
        if details:
            toggle = QToolButton()
            toggle.setText(self.tr("Details"))
            toggle.setCheckable(True)
            toggle.setAccessibleName(self.tr("Show details"))
            toggle.toggled.connect(self.details.setVisible)
            layout.addWidget(toggle, 0, Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(self.details)


class VerifyPanel(QWidget):
    verify_requested = Signal(bool)  # online?

    def __init__(self, parent: QWidget | None = None, *, with_buttons: bool = True) -> None:
        super().__init__(parent)
        self.verdict = QLabel()
        self.verdict.setAccessibleName(self.tr("Verification verdict"))
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.meaning = QLabel()
        self.meaning.setWordWrap(True)
        self.meaning.setAccessibleName(self.tr("What the verdict means"))
        self.when = QLabel()
        self.when.setWordWrap(True)
        self.issuer = QLabel()
        self.issuer.setWordWrap(True)
        self.issuer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cards: list[CheckCard] = []
        self._checks = QVBoxLayout()
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.addLayout(self._checks)
        holder_layout.addStretch(1)
        scroller = QScrollArea()
        scroller.setWidget(holder)
        scroller.setWidgetResizable(True)
        scroller.setAccessibleName(self.tr("Verification checks"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict)
        layout.addWidget(self.meaning)
        layout.addWidget(self.when)
        layout.addWidget(self.issuer)
        layout.addWidget(scroller, 1)
        self.again = QPushButton(self.tr("Verify again"))
        self.online = QPushButton(self.tr("Verify online…"))
        self.online.setToolTip(
            self.tr("Looks up revocation lists and issuer keys on the internet, after asking.")
        )
        if with_buttons:
            buttons = QHBoxLayout()
            buttons.addWidget(self.again)
            buttons.addWidget(self.online)
            buttons.addStretch(1)
            layout.addLayout(buttons)
        self.again.clicked.connect(lambda: emit(self.verify_requested, False))
        self.online.clicked.connect(self._ask_online)
        self.clear()

    def _ask_online(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Verify online"),
            self.tr(
                "Kredo will contact the issuer's servers to fetch revocation lists and keys. "
                "They may learn that this credential is being checked. Go online?"
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            emit(self.verify_requested, True)

    def _clear_cards(self) -> None:
        while self._checks.count():
            item = self._checks.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                # Deleted now, on the GUI thread: a deleteLater racing the garbage collector
                # over the Python wrapper crashed PySide6 6.12 now and then.
                widget.hide()
                shiboken6.delete(widget)
        self.cards = []

    def clear(self, message: str | None = None) -> None:
        self._clear_cards()
        self.verdict.setText(f"<b>{chip_text('unchecked')}</b>")
        self.meaning.clear()
        self.when.setText(message or self.tr("This credential has not been checked yet."))
        self.issuer.clear()

    def show_running(self) -> None:
        self.when.setText(self.tr("Checking…"))

    def show_report(
        self, report: VerificationReport, *, checked_at: str | None = None,
        mode: str | None = None,
    ) -> None:
        self._clear_cards()
        status = report.status.value
        self.status = status
        colour = on_background(chip_colour(status), _window_colour()).name()
        self.verdict.setText(
            f"<span style='font-size:15pt; color:{colour}'><b>{chip_text(status)}</b></span>"
        )
        self.meaning.setText(verdict_meaning(status))
        how = {
            "offline": self.tr("offline"),
            "network": self.tr("online"),
            "cache": self.tr("from cache"),
        }.get(mode or "offline", mode or "")
        self.when.setText(
            self.tr("Checked %1 (%2).").replace("%1", stored_moment_text(checked_at or ""))
            .replace("%2", how)
            if checked_at
            else self.tr("Checked just now (%1).").replace("%1", how)
        )
        self.issuer.setText(self._issuer_sentence(report.issuer))
        self._add_checks(report)

    def _add_checks(self, report: VerificationReport, prefix: str = "") -> None:
        for check in report.checks:
            card = CheckCard(check)
            self.cards.append(card)
            self._checks.addWidget(card)
        for number, nested in enumerate(report.credentials, start=1):
            status = nested.status.value
            colour = on_background(chip_colour(status), _window_colour()).name()
            heading = QLabel(
                f"<b>{escape(self.tr('Credential %1').replace('%1', prefix + str(number)))}: "
                f"<span style='color:{colour}'>{chip_text(status)}</span></b>"
            )
            self._checks.addWidget(heading)
            self._add_checks(nested, f"{prefix}{number}.")

    def _issuer_sentence(self, issuer: IssuerInfo | None) -> str:
        if issuer is None:
            return ""
        who = issuer.name or issuer.identifier or self.tr("unknown")
        parts = [self.tr("Issuer: %1").replace("%1", who)]
        if issuer.country:
            parts.append(issuer.country)
        if issuer.awarding_body and issuer.awarding_body != issuer.name:
            parts.append(self.tr("awarded by %1").replace("%1", issuer.awarding_body))
        parts.append(
            self.tr("on a trusted list (%1)").replace(
                "%1", in_current_language(issuer.trust_source or ""))
            if issuer.trusted
            else self.tr("not on any trusted list")
        )
        return " · ".join(parts)
