"""The choices of the consent dialog: which combination of credentials (a verifier's
credential set), which of the matching credentials, and which optional claims.

The rules live in :mod:`wallet.app.consent_choices`; these widgets only show them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.signal_emit import emit
from wallet.app.consent_choices import (
    SetChoice,
    candidate_title,
    claim_choices,
    credential_title,
    query_name,
    with_claims,
)
from wallet.share.oid4vp.dcql import CredentialQuery
from wallet.share.oid4vp.matching import Candidate, RequestMatch
from wallet.terminal_text import printable

LEAVE_OUT = -1  # the radio button id of "share none of these" in an optional set


def query_title(match: RequestMatch, query_id: str) -> str:
    query = match.query.query(query_id)
    return f"{printable(query_name(query))} ({query.format})"


class SetChooser(QGroupBox):
    """One credential set with more than one way to answer it: one radio button per option
    (those the wallet cannot answer greyed out), and "none" when the set is optional."""

    changed = Signal()

    def __init__(self, choice: SetChoice, match: RequestMatch,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = choice
        self.setTitle(self.tr("The verifier accepts any one of these") if choice.required
                      else self.tr("The verifier would also like (you may leave it out)"))
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for number, (option, answerable) in enumerate(zip(choice.options, choice.answerable,
                                                          strict=True)):
            text = " + ".join(query_title(match, q) for q in option)
            if not answerable:
                text += " " + self.tr("(not in your wallet)")
            button = QRadioButton(text)
            button.setEnabled(answerable)
            self.group.addButton(button, number)
            layout.addWidget(button)
        if not choice.required:
            button = QRadioButton(self.tr("Share none of these"))
            self.group.addButton(button, LEAVE_OUT)
            layout.addWidget(button)
        start = LEAVE_OUT if choice.preferred is None else choice.preferred
        chosen = self.group.button(start)
        if chosen is not None:
            chosen.setChecked(True)
        self.group.idToggled.connect(lambda _id, on: emit(self.changed) if on else None)

    def chosen_queries(self) -> tuple[str, ...]:
        number = self.group.checkedId()
        if number < 0 or number >= len(self.choice.options):
            return ()
        return self.choice.options[number]


def _note(text: str) -> QLabel:
    label = QLabel(printable(text))
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet("color: palette(placeholder-text)")
    return label


class QueryPicker(QGroupBox):
    """One credential query: the matching credentials to pick from (a list of boxes when the
    verifier accepts several), and the claims the answer discloses, optional ones untickable.
    Beside a credential, the sentence saying Kredo cannot tell whether the verifier's trusted
    authorities vouch for it; below, the matching credentials that cannot be offered (not
    bound to a key of the wallet), each with the reason."""

    def __init__(self, match: RequestMatch, query_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(query_title(match, query_id), parent)
        self.query: CredentialQuery = match.query.query(query_id)
        self.candidates = match.candidates(query_id)
        self.claim_boxes: dict[str, QCheckBox] = {}
        self.credential_boxes: list[QCheckBox] = []
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Credential to share"))
        self.claims = QWidget()
        self.claims_layout = QVBoxLayout(self.claims)
        self.claims_layout.setContentsMargins(12, 0, 0, 0)
        self.authority_note = _note("")
        self.authority_note.hide()
        self.not_offered_notes: list[QLabel] = []
        layout = QVBoxLayout(self)
        if not self.candidates:
            layout.addWidget(QLabel(self.tr("Nothing in your wallet matches this.")))
        elif self.query.multiple:
            for candidate in self.candidates:
                box = QCheckBox(printable(candidate_title(candidate)))
                box.setChecked(True)
                box.toggled.connect(self._show_claims)
                self.credential_boxes.append(box)
                layout.addWidget(box)
                if candidate.authority_note:
                    layout.addWidget(_note(candidate.authority_note))
        else:
            for candidate in self.candidates:
                self.combo.addItem(printable(candidate_title(candidate)))
            self.combo.currentIndexChanged.connect(self._show_claims)
            layout.addWidget(self.combo)
            layout.addWidget(self.authority_note)
        self._add_not_offered(match, query_id, layout)
        if self.candidates:
            layout.addWidget(self.claims)
            self._show_claims()

    def _add_not_offered(self, match: RequestMatch, query_id: str,
                         layout: QVBoxLayout) -> None:
        for refused in match.not_offered(query_id):
            box = QCheckBox(self.tr("%1 (cannot be offered)").replace(
                "%1", printable(credential_title(refused.credential))))
            box.setEnabled(False)
            layout.addWidget(box)
            note = _note(refused.reason)
            self.not_offered_notes.append(note)
            layout.addWidget(note)

    def picked(self) -> tuple[Candidate, ...]:
        """The credentials chosen, before the claims are applied."""
        if not self.candidates:
            return ()
        if self.query.multiple:
            return tuple(c for c, box in zip(self.candidates, self.credential_boxes,
                                             strict=True) if box.isChecked())
        return (self.candidates[max(self.combo.currentIndex(), 0)],)

    def kept_claims(self) -> set[str]:
        return {path for path, box in self.claim_boxes.items() if box.isChecked()}

    def chosen(self) -> tuple[Candidate, ...]:
        """The credentials chosen, each disclosing what the learner kept (raises
        :class:`wallet.errors.SharingError` when that is less than the verifier accepts)."""
        kept = self.kept_claims()
        return tuple(with_claims(self.query, c, kept) for c in self.picked())

    def set_claim(self, path: str, ticked: bool) -> None:
        self.claim_boxes[path].setChecked(ticked)

    def _show_claims(self) -> None:
        while (item := self.claims_layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.claim_boxes.clear()
        picked = self.picked()
        if not self.query.multiple:
            sentence = picked[0].authority_note if picked else None
            self.authority_note.setText(printable(sentence or ""))
            self.authority_note.setVisible(bool(sentence))
        if not picked:
            return
        choices = claim_choices(self.query, picked[0])
        if not choices:
            note = QLabel(self.tr("The whole credential is shared, as its issuer signed it."))
            note.setWordWrap(True)
            self.claims_layout.addWidget(note)
            return
        for choice in choices:
            text = printable(choice.path)
            if choice.required:
                text += " " + self.tr("(required)")
            box = QCheckBox(text)
            box.setChecked(choice.preferred or choice.required)
            box.setEnabled(not choice.required)
            self.claim_boxes[choice.path] = box
            self.claims_layout.addWidget(box)
