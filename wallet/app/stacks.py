"""Stacks: the ECTS credits and workload of a chosen set of credentials, added up by EQF level,
awarding body and field of study, and goals (a collection the learner names, with a target in
ECTS) — stackability, Annex II of the Council Recommendation on micro-credentials.

What a total says must be plain, so a stack

- is an explicit selection (:class:`StackSelection`): the whole wallet, a collection, a tag or
  the credentials the learner chose;
- counts a credential held in several forms once (:mod:`wallet.app.stack_copies`), from its
  best-verified copy;
- leaves out what its last verification proved wrong (failed, expired, revoked) and says so;
- counts what was not yet verified, or could not be checked, but keeps those credits apart so
  the faces can flag them: they are the learner's own credentials, usually just unchecked.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from wallet.app.stack_copies import group_copies, identity_keys
from wallet.errors import WalletError
from wallet.formats import parse_credential
from wallet.model import Credential, CredentialFormat, LangText
from wallet.store.records import Collection, StoredCredential
from wallet.store.repository import CredentialRepository
from wallet.translation import tr
from wallet.verify.list_state import ListState

GOAL_SETTING = "goal:"  # + collection name → target ECTS
_Key = TypeVar("_Key")


class StackScope(enum.StrEnum):
    ALL = "all"
    COLLECTION = "collection"
    TAG = "tag"
    CHOSEN = "chosen"


@dataclass(frozen=True)
class StackSelection:
    """What is stacked; build it with the class methods."""

    scope: StackScope
    name: str | None = None  # the collection's or the tag's
    ids: tuple[int, ...] = ()  # the chosen credentials

    @classmethod
    def everything(cls) -> StackSelection:
        return cls(StackScope.ALL)

    @classmethod
    def collection(cls, name: str) -> StackSelection:
        return cls(StackScope.COLLECTION, name=name.strip())

    @classmethod
    def tag(cls, name: str) -> StackSelection:
        return cls(StackScope.TAG, name=name.strip())

    @classmethod
    def chosen(cls, ids: Iterable[int]) -> StackSelection:
        return cls(StackScope.CHOSEN, ids=tuple(dict.fromkeys(ids)))


class Standing(enum.StrEnum):
    """How far a counted credential's last verification went."""

    PROVEN = "proven"  # verified or partially verified: its signature or seal was proven
    NOT_CHECKED = "not_checked"  # never verified in this wallet
    INDETERMINATE = "indeterminate"  # could not be checked (the signature was not proven)


class LeftOutReason(enum.StrEnum):
    FAILED = "failed"
    EXPIRED = "expired"
    REVOKED = "revoked"
    UNREADABLE = "unreadable"  # the stored bytes no longer parse


_LEFT_OUT_STATES = {ListState.FAILED: LeftOutReason.FAILED,
                    ListState.EXPIRED: LeftOutReason.EXPIRED,
                    ListState.REVOKED: LeftOutReason.REVOKED}
_PREFERENCE = (ListState.VERIFIED, ListState.PARTIALLY_VERIFIED, None, ListState.INDETERMINATE)


@dataclass(frozen=True)
class StackEntry:
    """One stored credential of the selection, with what a stack reads from it."""

    id: int
    title: str
    format: CredentialFormat
    state: ListState | None  # its last verdict; None: never verified
    ects: float | None = None
    workload_hours: float | None = None
    eqf_level: int | None = None
    awarding_body: str | None = None
    field_of_study: str | None = None


@dataclass(frozen=True)
class CountedCredential:
    """One credential as counted: the copy whose figures count, and every copy selected."""

    entry: StackEntry
    copies: tuple[StackEntry, ...]

    @property
    def standing(self) -> Standing:
        if self.entry.state is None:
            return Standing.NOT_CHECKED
        if self.entry.state is ListState.INDETERMINATE:
            return Standing.INDETERMINATE
        return Standing.PROVEN


@dataclass(frozen=True)
class LeftOut:
    """A selected credential not counted, and why; ``counted_instead`` names the copy of the
    same credential that is counted in its place, if one is."""

    entry: StackEntry
    reason: LeftOutReason
    counted_instead: int | None = None


@dataclass(frozen=True)
class Figures:
    credentials: int = 0
    ects: float = 0.0
    workload_hours: float = 0.0
    without_ects: int = 0

    def plus(self, entry: StackEntry) -> Figures:
        return Figures(self.credentials + 1, self.ects + (entry.ects or 0.0),
                       self.workload_hours + (entry.workload_hours or 0.0),
                       self.without_ects + (entry.ects is None))


@dataclass(frozen=True)
class LevelTotal:
    level: int | None  # EQF level; None: the credentials state none
    figures: Figures


@dataclass(frozen=True)
class NamedTotal:
    name: str | None  # an awarding body or a field of study; None: not stated
    figures: Figures


@dataclass(frozen=True)
class StackTotals:
    selection: StackSelection
    selected: int  # stored credentials in the selection
    counted: tuple[CountedCredential, ...]
    left_out: tuple[LeftOut, ...]
    total: Figures
    by_level: tuple[LevelTotal, ...]
    by_body: tuple[NamedTotal, ...]
    by_field: tuple[NamedTotal, ...]
    by_standing: dict[Standing, Figures] = field(default_factory=dict)

    @property
    def merged(self) -> tuple[CountedCredential, ...]:
        """The credentials held in more than one copy, each counted once."""
        return tuple(c for c in self.counted if len(c.copies) > 1)

    @property
    def left_out_figures(self) -> Figures:
        """What the credentials left out would have added (copies counted otherwise aside)."""
        figures = Figures()
        for item in self.left_out:
            if item.counted_instead is None:
                figures = figures.plus(item.entry)
        return figures

    def standing(self, standing: Standing) -> Figures:
        return self.by_standing.get(standing, Figures())


# --- what is stacked -------------------------------------------------------------------


def selected_ids(repository: CredentialRepository, selection: StackSelection) -> list[int]:
    """The stored credentials ``selection`` names, in import order (chosen: as chosen)."""
    if selection.scope is StackScope.ALL:
        return repository.ids()
    if selection.scope is StackScope.CHOSEN:
        return list(selection.ids)
    name = selection.name or ""
    if selection.scope is StackScope.COLLECTION:
        for collection in repository.collections():
            if collection.name == name:
                return list(collection.credential_ids)
        raise WalletError(tr("There is no collection called “{name}”.", name=name))
    if name not in repository.all_tags():
        raise WalletError(tr("No credential is tagged “{name}”.", name=name))
    return [summary.id for summary in repository.list(tag=name)]


@dataclass(frozen=True)
class StackChoices:
    """What a learner can stack, with how many credentials each holds."""

    everything: int
    collections: tuple[tuple[str, int], ...]
    tags: tuple[tuple[str, int], ...]


def stack_choices(repository: CredentialRepository) -> StackChoices:
    return StackChoices(
        repository.count(),
        tuple((c.name, len(c.credential_ids)) for c in repository.collections()),
        tuple((t, len(repository.list(tag=t))) for t in repository.all_tags()))


# --- adding up -------------------------------------------------------------------------


@dataclass(frozen=True)
class CollectionTotal:
    """A collection with its total as the Stacks window adds it up (for the sidebar)."""

    collection: Collection
    totals: StackTotals


def collection_totals(repository: CredentialRepository, lang: str) -> list[CollectionTotal]:
    """Every collection, by name, each added up by :func:`stack_totals`: a credential held
    in several forms counted once, failed ones left out."""
    return [CollectionTotal(c, stack_totals(repository, StackSelection.collection(c.name), lang))
            for c in repository.collections()]


def stack_totals(
    repository: CredentialRepository, selection: StackSelection, lang: str
) -> StackTotals:
    """The selection's credentials added up: each credential once, failed ones left out."""
    ids = selected_ids(repository, selection)
    readable: list[tuple[StackEntry, frozenset[str]]] = []
    left_out: list[LeftOut] = []
    for credential_id in ids:
        stored = repository.get(credential_id)
        state = _last_state(repository, credential_id)
        try:
            credential = parse_credential(stored.raw)
        except WalletError:
            left_out.append(LeftOut(_unreadable_entry(stored, state, lang),
                                    LeftOutReason.UNREADABLE))
            continue
        readable.append((_entry(stored, credential, state, lang), identity_keys(credential)))
    counted: list[CountedCredential] = []
    for members in group_copies([keys for _, keys in readable]):
        copies = tuple(readable[m][0] for m in members)
        usable = [c for c in copies if c.state not in _LEFT_OUT_STATES]
        best = min(usable, key=_preference) if usable else None
        if best is not None:
            counted.append(CountedCredential(best, copies))
        left_out.extend(LeftOut(c, _LEFT_OUT_STATES[c.state], best.id if best else None)
                        for c in copies if c.state in _LEFT_OUT_STATES)
    return _added_up(selection, len(ids), counted, left_out)


def _added_up(selection: StackSelection, selected: int, counted: Sequence[CountedCredential],
              left_out: Sequence[LeftOut]) -> StackTotals:
    entries = [c.entry for c in counted]
    by_standing: dict[Standing, Figures] = {}
    for credential in counted:
        by_standing[credential.standing] = by_standing.get(
            credential.standing, Figures()).plus(credential.entry)
    levels = _grouped(entries, lambda e: e.eqf_level)
    return StackTotals(
        selection=selection, selected=selected, counted=tuple(counted),
        left_out=tuple(sorted(left_out, key=lambda item: item.entry.id)),
        total=_figures(entries),
        by_level=tuple(LevelTotal(level, figures) for level, figures in
                       sorted(levels.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))),
        by_body=_named(_grouped(entries, lambda e: e.awarding_body)),
        by_field=_named(_grouped(entries, lambda e: e.field_of_study)),
        by_standing=by_standing)


def _figures(entries: Iterable[StackEntry]) -> Figures:
    figures = Figures()
    for entry in entries:
        figures = figures.plus(entry)
    return figures


def _grouped(entries: Iterable[StackEntry],
             key: Callable[[StackEntry], _Key]) -> dict[_Key, Figures]:
    groups: dict[_Key, Figures] = {}
    for entry in entries:
        groups[key(entry)] = groups.get(key(entry), Figures()).plus(entry)
    return groups


def _named(groups: dict[str | None, Figures]) -> tuple[NamedTotal, ...]:
    """Most ECTS first, then by name; "not stated" last."""
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] is None, -kv[1].ects,
                                                     (kv[0] or "").casefold()))
    return tuple(NamedTotal(name, figures) for name, figures in ordered)


def _preference(entry: StackEntry) -> tuple[int, int]:
    """The copy whose figures count: the best verdict, then the first imported."""
    return _PREFERENCE.index(entry.state), entry.id


def _last_state(repository: CredentialRepository, credential_id: int) -> ListState | None:
    record = repository.latest_verification(credential_id)
    if record is None:
        return None
    try:
        return ListState(record.status)
    except ValueError:
        return None  # a status word this Kredo does not know: as good as not checked


def _pick(text: LangText | None, lang: str) -> str | None:
    return " ".join(text.pick(lang).split()) if text is not None else None


def _entry(stored: StoredCredential, credential: Credential, state: ListState | None,
           lang: str) -> StackEntry:
    view = credential.view
    body = view.awarding_body or view.issuer
    return StackEntry(
        id=stored.id, title=_pick(view.title, lang) or _untitled(stored), format=stored.format,
        state=state, ects=view.ects, workload_hours=view.workload_hours,
        eqf_level=view.eqf_level, awarding_body=_pick(body.name if body else None, lang),
        field_of_study=_pick(view.field_of_study, lang))


def _unreadable_entry(stored: StoredCredential, state: ListState | None,
                      lang: str) -> StackEntry:
    title = stored.index.title.pick(lang) if stored.index.title else _untitled(stored)
    return StackEntry(id=stored.id, title=title, format=stored.format, state=state,
                      ects=stored.index.ects, eqf_level=stored.index.eqf_level,
                      awarding_body=stored.index.issuer_name)


def _untitled(stored: StoredCredential) -> str:
    return tr("credential #{id} without a title", id=stored.id)


# --- goals -----------------------------------------------------------------------------


def add_to_collection(repository: CredentialRepository, name: str, ids: Sequence[int]) -> int:
    """Put credentials ``ids`` into the collection called ``name`` (made when new)."""
    collection = repository.ensure_collection(name.strip())
    if ids:
        repository.add_to_collection(collection, ids)
    return collection


def save_goal(
    repository: CredentialRepository, name: str, target_ects: float, ids: Sequence[int]
) -> None:
    """A goal: the collection ``name`` holding ``ids``, with ``target_ects`` to reach."""
    add_to_collection(repository, name, ids)
    repository.set_setting(GOAL_SETTING + name.strip(), f"{target_ects:g}")
