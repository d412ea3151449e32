"""Derive the stored index columns and search text from a credential's view."""

from __future__ import annotations

from collections.abc import Iterable

from wallet.model import Credential, LangText, MicroCredentialView
from wallet.store.records import IndexFields, ListDescription, SearchText

# The one-string columns (the issuer filter's key, the subject) hold English first; the list
# shows the title and the issuer from their every-language columns instead.
_KEY_LANGUAGE = "en"


def index_fields(credential: Credential, view_kind: str | None = None) -> IndexFields:
    """The list's fields; ``view_kind`` is the app layer's (the store cannot tell a badge)."""
    view = credential.view
    issuer = _organisation_name(view)
    issued = view.issued or view.awarded or view.valid_from
    return IndexFields(
        title=view.title,
        issuer_name=issuer.pick(_KEY_LANGUAGE) if issuer else _organisation_identifier(view),
        issuer_names=issuer,
        issued=issued.isoformat() if issued else None,
        subject_name=view.learner_name.pick(_KEY_LANGUAGE) if view.learner_name else None,
        ects=view.ects,
        eqf_level=view.eqf_level,
        view_kind=view_kind,
    )


def list_description(credential: Credential, view_kind: str) -> ListDescription:
    """What describing a stored row again writes (see ``CredentialRepository.describe``)."""
    return ListDescription(issuer_names=_organisation_name(credential.view), view_kind=view_kind)


def search_text(credential: Credential) -> SearchText:
    view = credential.view
    organisations = [o for o in (view.awarding_body, view.issuer) if o is not None]
    return SearchText(
        title=_all_languages([view.title]),
        issuer="\n".join(filter(None, [_all_languages(o.name for o in organisations),
                                        *(o.identifier for o in organisations)])),
        subject=_all_languages([view.learner_name]),
        description=_all_languages([view.description]),
        outcomes=_all_languages(view.learning_outcomes),
    )


def _organisation_name(view: MicroCredentialView) -> LangText | None:
    for organisation in (view.awarding_body, view.issuer):
        if organisation is not None and organisation.name is not None:
            return organisation.name
    return None


def _organisation_identifier(view: MicroCredentialView) -> str | None:
    """An issuer known only by its id (a URL or DID) is listed by that id."""
    for organisation in (view.awarding_body, view.issuer):
        if organisation is not None and organisation.identifier:
            return organisation.identifier
    return None


def _all_languages(texts: Iterable[LangText | None]) -> str:
    seen: list[str] = []
    for text in texts:
        if text is None:
            continue
        for value in text.values.values():
            if value not in seen:
                seen.append(value)
    return "\n".join(seen)
