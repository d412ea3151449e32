"""An Open Badge 3.0 as a badge: what it was for (achievement type, criteria, alignments),
who issued it (the issuer's profile), and the Annex I elements it states. An OB 3.0 is
signed by its issuer, not sealed by an organisation, so there is no "sealing organisation"
row; pictures it carries inline are shown above the text (``ui.detail_panel``), a picture by
address is named as text and never downloaded."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from ui.html_rows import ShownRows, chip, table_row, table_start, text_html
from ui.markdown_html import markdown_html
from wallet.formats.badge_view import OPEN_BADGE_3_NAME, BadgeAlignment, BadgeView
from wallet.model import Organisation

# Annex I rows the badge template writes its own way (or not at all: the issuer's profile
# takes the place of the "sealing organisation").
_OWN_ROWS = frozenset({"title", "issuer", "awarding_body", "learning_outcomes", "credential_id"})
# Rows an OB 3.0 writes in Markdown (its criteria narrative too: ``_badge_rows``).
_MARKDOWN_ROWS = frozenset({"description", "assessment", "further_information"})


# Called by this name with literal strings, so that lupdate collects them: a wrapper taking
# the text as a variable hid them, and the Czech never reached the catalogue.
translate = QCoreApplication.translate


def badge_html(badge: BadgeView, shown: ShownRows) -> str:
    """The badge's page, with the Annex I rows it states."""
    lang, labels = shown.lang, shown.labels
    parts = [
        f"<h2>{escape(shown.title)}</h2>",
        f"<p>{escape(OPEN_BADGE_3_NAME)} {chip(translate('BadgeHtml', 'Badge'))}</p>",
        table_start(),
    ]
    parts.extend(_badge_rows(badge, lang))
    parts.extend(table_row(labels[row.key], _value_html(row.key, row.value))
                 for row in shown.rows
                 if row.value is not None and row.key not in _OWN_ROWS
                 and not _repeats_criteria(badge, row.key, row.value, lang))
    for key in ("learning_outcomes", "credential_id"):
        value = shown.value(key)
        if value:
            parts.append(table_row(labels[key], text_html(value)))
    parts.append("</table>")
    parts.extend(_issuer_section(badge, lang))
    return "\n".join(parts)


def _value_html(key: str, value: str) -> str:
    return markdown_html(value) if key in _MARKDOWN_ROWS else text_html(value)


def _repeats_criteria(badge: BadgeView, key: str, value: str, lang: str) -> bool:
    """The assessment row when the credential states no assessment of its own: the Annex I
    view falls back on the criteria narrative, which the badge already shows as criteria."""
    return (key == "assessment" and badge.criteria is not None
            and value.strip() == badge.criteria.pick(lang).strip())


def _badge_rows(badge: BadgeView, lang: str) -> list[str]:
    rows: list[str] = []
    if badge.image_url:
        rows.append(table_row(translate("BadgeHtml", "Badge image"),
                              _not_downloaded(badge.image_url)))
    if badge.achievement_type:
        rows.append(table_row(translate("BadgeHtml", "Achievement type"),
                              text_html(badge.achievement_type)))
    criteria = [markdown_html(badge.criteria.pick(lang))] if badge.criteria else []
    if badge.criteria_url:
        criteria.append(f"<p style='margin:0'>{text_html(badge.criteria_url)}</p>")
    if criteria:
        rows.append(table_row(translate("BadgeHtml", "Criteria"), "".join(criteria)))
    if badge.alignments:
        items = "".join(f"<li>{_alignment_html(a, lang)}</li>" for a in badge.alignments)
        rows.append(table_row(translate("BadgeHtml", "Alignments"),
                              f"<ul style='margin:0'>{items}</ul>"))
    return rows


def _alignment_html(alignment: BadgeAlignment, lang: str) -> str:
    name = alignment.name.pick(lang) if alignment.name else alignment.code or ""
    facts = [(translate("BadgeHtml", "Type"), alignment.kind),
             (translate("BadgeHtml", "Framework"), alignment.framework),
             (translate("BadgeHtml", "Code"), alignment.code if alignment.name else None),
             (translate("BadgeHtml", "Address"), alignment.url)]
    details = "; ".join(f"{escape(label)}: {text_html(value)}" for label, value in facts if value)
    return f"<b>{text_html(name)}</b>" + (f"<br>{details}" if details else "")


def _issuer_section(badge: BadgeView, lang: str) -> list[str]:
    issuer: Organisation | None = badge.issuer
    if issuer is None:
        return []
    facts = [
        (translate("BadgeHtml", "Name"), issuer.name.pick(lang) if issuer.name else None),
        (translate("BadgeHtml", "Web"), issuer.homepage),
        (translate("BadgeHtml", "E-mail"), issuer.email),
        (translate("BadgeHtml", "Country or region"),
         issuer.country.pick(lang) if issuer.country else None),
        (translate("BadgeHtml", "Identifier"), issuer.identifier),
    ]
    parts = [f"<h3>{escape(translate('BadgeHtml', 'Issuer'))}</h3>", table_start()]
    parts.extend(table_row(label, text_html(value)) for label, value in facts if value)
    if badge.issuer_image_url:
        parts.append(table_row(translate("BadgeHtml", "Picture"),
                               _not_downloaded(badge.issuer_image_url)))
    parts.append("</table>")
    return parts


def _not_downloaded(url: str) -> str:
    note = translate("BadgeHtml", "(not downloaded: Kredo does not fetch pictures)")
    return f"{text_html(url)}<br><i>{escape(note)}</i>"
