"""Stacks: ECTS totals of chosen credentials by EQF level and field of study, and goals (a
collection the learner names, with a target in ECTS) — stackability, Annex II of the Council
Recommendation on micro-credentials."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from wallet.app.credentials import parsed_credential
from wallet.store.repository import CredentialRepository

GOAL_SETTING = "goal:"  # + collection name → target ECTS
NO_GROUP = "—"  # a credential without an EQF level or field of study


@dataclass(frozen=True)
class StackTotals:
    credentials: int
    ects: float
    by_level: dict[str, float]  # "EQF 6" → ECTS
    by_field: dict[str, float]  # field of study in ``lang`` → ECTS
    without_ects: int


def stack_totals(repository: CredentialRepository, ids: Sequence[int], lang: str) -> StackTotals:
    """The ECTS of credentials ``ids`` (all of the wallet's when empty), added up."""
    chosen = list(ids) or repository.ids()
    by_level: dict[str, float] = defaultdict(float)
    by_field: dict[str, float] = defaultdict(float)
    total = 0.0
    missing = 0
    for credential_id in chosen:
        view = parsed_credential(repository, credential_id).view
        if view.ects is None:
            missing += 1
            continue
        total += view.ects
        by_level[f"EQF {view.eqf_level}" if view.eqf_level else NO_GROUP] += view.ects
        by_field[view.field_of_study.pick(lang) if view.field_of_study else NO_GROUP] += view.ects
    return StackTotals(len(chosen), total, dict(by_level), dict(by_field), missing)


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
