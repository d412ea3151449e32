"""Which template shows a credential: the Annex I micro-credential, an Open Badge, or the
generic one for a Verifiable Credential that is not about learning.

A W3C VC goes to the micro-credential template only when it carries at least one Annex I
element beyond who, what and when (credits, level, outcomes, assessment, participation,
quality assurance): a work permit shown there would read "not stated" eight times and hide
what it does say. European Digital Credentials, Europass XML, SD-JWT learning credentials and
Open Badges 2.0 are micro-credential formats and keep their template.
"""

from __future__ import annotations

import enum

from wallet.formats.badge_view import OPEN_BADGE_3_NAME, credential_object, is_open_badge
from wallet.model import Credential, CredentialFormat, MicroCredentialView

_VC_FORMATS = frozenset({CredentialFormat.VC_JSONLD, CredentialFormat.VC_JWT})


class ViewKind(enum.StrEnum):
    MICRO_CREDENTIAL = "micro-credential"
    OPEN_BADGE = "open-badge"
    GENERIC = "generic"


def view_kind(credential: Credential) -> ViewKind:
    if credential.format not in _VC_FORMATS:
        return ViewKind.MICRO_CREDENTIAL
    doc = credential_object(credential)
    if doc is not None and is_open_badge(doc):
        return ViewKind.OPEN_BADGE
    return ViewKind.MICRO_CREDENTIAL if has_learning_elements(credential.view) else (
        ViewKind.GENERIC)


def has_learning_elements(view: MicroCredentialView) -> bool:
    """The view states an Annex I element only a learning credential has."""
    return bool(
        view.learning_outcomes
        or any(value is not None for value in (
            view.ects, view.workload_hours, view.eqf_level, view.nqf_level, view.assessment,
            view.participation, view.quality_assurance))
    )


def kind_display_name(credential: Credential) -> str:
    """What the credential is, for a person: ``Open Badge 3.0`` for a badge, else its format."""
    if view_kind(credential) is ViewKind.OPEN_BADGE:
        return OPEN_BADGE_3_NAME
    return credential.format.display_name
