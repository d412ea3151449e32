"""Third-party files from public repositories get the verdict their specifications give offline.

The corpus and the expected verdicts live in ``tests/assets/realworld`` (``expected.json``, with
the why and the source of each file in ``SOURCES.md``). Where Kredo disagrees today, the case is
listed in ``KNOWN_WRONG`` with what Kredo does wrong: it is a strict xfail, so it turns into a
loud failure the day Kredo gets it right, and the entry must then be removed.
"""

from __future__ import annotations

import contextlib
import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from wallet.crypto.data_integrity import verify_proof
from wallet.did import key_resolver
from wallet.errors import WalletError
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions

CORPUS = Path(__file__).resolve().parents[1] / "assets" / "realworld"
EXPECTED: dict[str, dict[str, str]] = json.loads(
    (CORPUS / "expected.json").read_text(encoding="utf-8")
)
VERDICTS = {"verified", "partially_verified", "indeterminate", "failed"}
NOT_A_CREDENTIAL = "not_a_credential"
# Validity windows in the corpus run to 2029 and 2030: a fixed clock keeps the verdicts stable.
CLOCK = datetime(2026, 12, 1, tzinfo=UTC)

# relative path -> what Kredo does wrong today
KNOWN_WRONG: dict[str, str] = {}


def _verdict_cases() -> list[Any]:
    cases = []
    for relative_path, entry in sorted(EXPECTED.items()):
        if entry["expected"] == NOT_A_CREDENTIAL:
            continue
        marks = []
        if relative_path in KNOWN_WRONG:
            # Only a wrong verdict or a typed refusal is the known fault; a crash still fails.
            marks.append(
                pytest.mark.xfail(
                    strict=True,
                    raises=(AssertionError, WalletError),
                    reason=KNOWN_WRONG[relative_path],
                )
            )
        cases.append(pytest.param(relative_path, entry["expected"], id=relative_path, marks=marks))
    return cases


def _verify(relative_path: str) -> str:
    raw = (CORPUS / relative_path).read_bytes()
    return verify_file_bytes(raw, options=VerifyOptions(now=CLOCK)).status.value


@pytest.mark.parametrize(("relative_path", "expected"), _verdict_cases())
def test_offline_verdict_is_the_one_the_specifications_give(
    relative_path: str, expected: str
) -> None:
    # GIVEN a credential exactly as its publisher put it in a public repository
    # WHEN Kredo verifies it offline
    verdict = _verify(relative_path)
    # THEN the verdict is the one its specifications give (see expected.json for why)
    assert verdict == expected, EXPECTED[relative_path]["why"]


@pytest.mark.parametrize(
    "relative_path",
    sorted(path for path, entry in EXPECTED.items() if entry["expected"] == NOT_A_CREDENTIAL),
)
def test_a_file_that_is_not_a_credential_is_refused_with_a_typed_error(relative_path: str) -> None:
    # GIVEN a third-party JSON file that is not a credential (type metadata, a bare test document)
    raw = (CORPUS / relative_path).read_bytes()
    # WHEN Kredo is asked to verify it
    # THEN it refuses with one of its own errors, which the faces turn into a sentence
    with pytest.raises(WalletError):
        verify_file_bytes(raw, options=VerifyOptions(now=CLOCK))


@pytest.mark.parametrize("relative_path", sorted(EXPECTED))
def test_no_file_crashes_verification(relative_path: str, caplog: pytest.LogCaptureFixture) -> None:
    # GIVEN any file of the corpus
    raw = (CORPUS / relative_path).read_bytes()
    # WHEN Kredo verifies it, with errors of every logger captured
    # (a typed refusal is an answer; any other exception fails this test)
    with caplog.at_level(logging.ERROR), contextlib.suppress(WalletError):
        verify_file_bytes(raw, options=VerifyOptions(now=CLOCK))
    # THEN no check crashed behind the user's back (a crash would be shown as "internal error")
    assert [record.getMessage() for record in caplog.records] == []


def test_p384_signature_over_blank_nodes_is_mathematically_valid() -> None:
    # GIVEN the W3C ecdsa-rdfc-2019 P-384 'employ' vector, whose document has blank nodes
    document = json.loads(
        (CORPUS / "w3c-di" / "ecdsa-rdfc-2019-p384-employ-signedECDSAP384.json").read_bytes()
    )
    # WHEN its proof is checked with the did:key it names
    result = verify_proof(document, resolve=key_resolver(), now=CLOCK)
    # THEN the signature holds (the file still fails, for its issuer binding, not as altered)
    assert result.signature_valid


def test_expected_verdicts_cover_exactly_the_corpus() -> None:
    # GIVEN the files in the corpus folder and the expected.json that describes them
    files = {
        path.relative_to(CORPUS).as_posix()
        for path in CORPUS.rglob("*")
        if path.is_file() and path.name not in {"expected.json", "SOURCES.md"}
    }
    # THEN every file has a verdict in Kredo's vocabulary, a reason and a source, and no more
    assert set(EXPECTED) == files
    for entry in EXPECTED.values():
        assert entry["expected"] in VERDICTS | {NOT_A_CREDENTIAL}
        assert entry["why"].strip() and entry["source"].strip()
    # AND every known disagreement names a file of the corpus
    assert set(KNOWN_WRONG) <= files
