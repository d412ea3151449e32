"""Paints a credential as a card: thumbnail, title, awarding body, date, ECTS, EQF, status chip."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.annex_labels import short_format_name
from ui.credential_model import CredentialRoles
from ui.dates_shown import number_text, stored_day_text
from ui.issuer_names import issuer_label
from ui.status_chip import chip_colour, chip_text
from wallet.model import CredentialFormat

ModelIndex = QModelIndex | QPersistentModelIndex

CARD_HEIGHT = 84
THUMB = 56
MARGIN = 10


BADGE_KIND = "open-badge"  # wallet.formats.view_kind.ViewKind values, as the list stores them
GENERIC_KIND = "generic"


def kind_label(index: ModelIndex) -> str:
    """What the card calls the credential: a badge (Open Badges 3.0 and 2.0) a badge, a
    credential that is not about learning a neutral document, else its format's short name."""
    translate = QCoreApplication.translate
    fmt = CredentialFormat(index.data(CredentialRoles.FORMAT))
    kind = str(index.data(CredentialRoles.KIND) or "")
    if kind == BADGE_KIND or fmt is CredentialFormat.OB2:
        return translate("CardDelegate", "Badge")
    if kind == GENERIC_KIND:
        return translate("CardDelegate", "Document")
    return short_format_name(fmt)


def card_facts(index: ModelIndex) -> str:
    """The card's last line: date, ECTS, EQF and format, dates and numbers the interface
    language's way (``27. 9. 2023  ·  2,5 ECTS`` in Czech)."""
    translate = QCoreApplication.translate
    issued = str(index.data(CredentialRoles.ISSUED) or "")
    facts = [stored_day_text(issued) if issued else ""]
    ects = index.data(CredentialRoles.ECTS)
    if ects:
        facts.append(translate("CardDelegate", "%1 ECTS").replace("%1", number_text(ects)))
    eqf = index.data(CredentialRoles.EQF)
    if eqf:
        facts.append(translate("CardDelegate", "EQF %1").replace("%1", str(eqf)))
    facts.append(kind_label(index))
    return "  ·  ".join(f for f in facts if f)


class CardDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        # As wide as the view, never wider: a wider hint makes a stray horizontal scrollbar.
        return QSize(option.rect.width(), CARD_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        card = option.rect.adjusted(6, 4, -6, -4)
        base = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(base)
        painter.drawRoundedRect(card, 8, 8)
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )

        thumb_rect = QRect(card.left() + MARGIN, card.top() + (card.height() - THUMB) // 2,
                           THUMB, THUMB)
        self._paint_thumbnail(painter, thumb_rect, index)

        chip = chip_text(str(index.data(CredentialRoles.STATE)))
        chip_font = QFont(option.font)
        chip_font.setPointSizeF(max(option.font.pointSizeF() * 0.85, 7))
        chip_font.setBold(True)
        chip_metrics = QFontMetrics(chip_font)
        chip_width = chip_metrics.horizontalAdvance(chip) + 16
        chip_rect = QRect(card.right() - MARGIN - chip_width, card.top() + MARGIN, chip_width,
                          chip_metrics.height() + 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(chip_colour(str(index.data(CredentialRoles.STATE))))
        painter.drawRoundedRect(chip_rect, chip_rect.height() / 2, chip_rect.height() / 2)
        painter.setFont(chip_font)
        painter.setPen(QColor("white"))
        painter.drawText(chip_rect, Qt.AlignmentFlag.AlignCenter, chip)

        left = thumb_rect.right() + MARGIN
        text_width = chip_rect.left() - MARGIN - left
        title_font = QFont(option.font)
        title_font.setBold(True)
        title_font.setPointSizeF(option.font.pointSizeF() * 1.1)
        painter.setFont(title_font)
        painter.setPen(text_colour)
        title_metrics = QFontMetrics(title_font)
        title = title_metrics.elidedText(str(index.data(CredentialRoles.TITLE)),
                                         Qt.TextElideMode.ElideRight, text_width)
        top = card.top() + MARGIN
        painter.drawText(QRect(left, top, text_width, title_metrics.height()),
                         Qt.AlignmentFlag.AlignLeft, title)

        painter.setFont(option.font)
        metrics = QFontMetrics(option.font)
        issuer = metrics.elidedText(issuer_label(str(index.data(CredentialRoles.ISSUER) or "—")),
                                    Qt.TextElideMode.ElideRight,
                                    card.right() - MARGIN - left)
        top += title_metrics.height() + 2
        painter.drawText(QRect(left, top, card.right() - left, metrics.height()),
                         Qt.AlignmentFlag.AlignLeft, issuer)

        muted = QColor(text_colour)
        muted.setAlphaF(0.7)
        painter.setPen(muted)
        top += metrics.height() + 2
        painter.drawText(QRect(left, top, card.right() - left, metrics.height()),
                         Qt.AlignmentFlag.AlignLeft, card_facts(index))
        painter.restore()

    def _paint_thumbnail(self, painter: QPainter, rect: QRect, index: ModelIndex) -> None:
        image = index.data(CredentialRoles.THUMBNAIL)
        if isinstance(image, QImage) and not image.isNull():
            scaled = image.scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)
            x = rect.left() + (rect.width() - scaled.width()) // 2
            y = rect.top() + (rect.height() - scaled.height()) // 2
            painter.drawImage(x, y, scaled)
            return
        # No image (yet): a coloured tile with the kind's first word, made to fit.
        word = kind_label(index).split(" ")[0]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#2f5d8a"))
        painter.drawRoundedRect(rect, 10, 10)
        painter.setPen(QColor("white"))
        font = painter.font()
        font.setBold(True)
        while (QFontMetrics(font).horizontalAdvance(word) > rect.width() - 6
               and font.pointSizeF() > 6):
            font.setPointSizeF(font.pointSizeF() - 0.5)
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, word)
