"""What the learner may choose when answering a verifier (the consent dialog's choices).

- :func:`set_choices`: the combinations of credentials the verifier accepts (DCQL
  ``credential_sets``, OpenID4VP 1.0 §6.2): one option of each set; an optional set may be
  left out. Without sets every credential query is required.
- :func:`claim_choices`: the claims an SD-JWT VC would disclose. A claim is required when
  every claim combination the credential can answer (``claim_sets``, §6.3) holds it; the
  others the learner may untick. :func:`with_claims` gives the candidate that discloses the
  verifier's most preferred combination within the claims the learner kept.

Other formats go whole, as their issuer signed them: they have no claims to choose.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

from wallet.errors import SharingError
from wallet.model import Credential
from wallet.share.oid4vp.dcql import CredentialQuery, DcqlQuery
from wallet.share.oid4vp.matching import Candidate, HeldCredential, RequestMatch, match_request
from wallet.translation import tr


@dataclass(frozen=True)
class SetChoice:
    """One combination to choose: ``options`` (query ids each), which the wallet can answer,
    and the option chosen at first (None: leave this optional set out)."""

    required: bool
    options: tuple[tuple[str, ...], ...]
    answerable: tuple[bool, ...]
    preferred: int | None


@dataclass(frozen=True)
class ClaimChoice:
    """A claim the answer may disclose: ``path`` as ``a/b/0``; ticked at first when
    ``preferred``; ``required`` claims cannot be left out."""

    path: str
    required: bool
    preferred: bool


def set_choices(match: RequestMatch) -> tuple[SetChoice, ...]:
    """The verifier's combinations, each with the option the learner starts from."""
    query = match.query
    if not query.credential_sets:
        ids = tuple(q.id for q in query.credentials)
        return (SetChoice(True, (ids,), (match.answerable(ids),), 0),)
    choices = []
    for credential_set in query.credential_sets:
        answerable = tuple(match.answerable(o) for o in credential_set.options)
        first = next((i for i, ok in enumerate(answerable) if ok), None)
        if first is None and credential_set.required:
            first = 0
        choices.append(SetChoice(credential_set.required, credential_set.options, answerable,
                                 first))
    return tuple(choices)


def claim_choices(query: CredentialQuery, candidate: Candidate) -> tuple[ClaimChoice, ...]:
    """The claims ``candidate`` may disclose for ``query`` (none: it goes whole)."""
    if candidate.disclose is None:
        return ()
    combinations = _answerable_combinations(query, candidate)
    shown = list(dict.fromkeys(p for c in (candidate.disclose, *combinations) for p in c))
    return tuple(ClaimChoice(path, all(path in c for c in combinations) if combinations
                             else True, path in candidate.disclose) for path in shown)


def with_claims(query: CredentialQuery, candidate: Candidate, kept: Collection[str]
                ) -> Candidate:
    """``candidate`` disclosing the verifier's most preferred claim combination that stays
    within ``kept``; refuses when no combination the verifier accepts fits."""
    if candidate.disclose is None:
        return candidate
    for combination in _answerable_combinations(query, candidate):
        if set(combination) <= set(kept):
            return replace(candidate, disclose=combination)
    raise SharingError(tr("The verifier needs more of {name} than you chose to show; "
                          "nothing was sent.", name=query_name(query)))


def query_name(query: CredentialQuery) -> str:
    """What a credential query asks for, as briefly as it says: a type, else its id."""
    kinds = query.vct_values or tuple(t[-1] for t in query.type_values if t)
    return kinds[0] if kinds else query.id


def candidate_title(candidate: Candidate) -> str:
    return credential_title(candidate.credential)


def credential_title(credential: Credential) -> str:
    """The credential's title, else its format's name."""
    title = credential.view.title.pick("en") if credential.view.title else None
    return title or credential.format.display_name


def _answerable_combinations(query: CredentialQuery, candidate: Candidate
                             ) -> tuple[tuple[str, ...], ...]:
    """The disclosures of each claim combination the credential answers, preferred first."""
    held = [HeldCredential(candidate.credential_id, candidate.credential)]
    found: list[tuple[str, ...]] = []
    for claims in query.claim_alternatives():
        # The candidate passed the holder binding check already; only its claims count here.
        single = replace(query, claims=claims, claim_sets=(), require_binding=False)
        (match,) = match_request(DcqlQuery((single,)), held).matches
        if match.candidates and match.candidates[0].disclose is not None:
            found.append(match.candidates[0].disclose)
    return tuple(found)
