"""Verification over damaged credentials: a report every time, never a crash, never a false OK.

Two properties, on credentials this module signs itself (so damage can be *re-signed* and
reach the checks behind the signature: claims, times, canonicalization, disclosures):

1. Re-signed structural damage: ``verify_credential`` returns a report whose every check ran
   to an end — the engine turns an unexpected exception into "internal error" and logs
   "crashed"; either one fails the property.
2. Damage *after* signing (a changed value, a removed member, a changed disclosure, a changed
   seal payload): the signature check is never OK.
"""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from tests.robustness.corpus import (
    NOW,
    SD_JWT_AUDIENCE,
    SD_JWT_NONCE,
    all_seeds,
    b64url,
    ob3_document,
    sd_jwt_claims,
    signers,
    vc_jwt_payload,
)
from tests.robustness.mutations import JSON_VALUES, fuzz_settings, json_document_mutations
from wallet.base64url import b64url_decode
from wallet.errors import WalletError
from wallet.formats import parse_credentials
from wallet.verify.engine import verify_credential
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckStatus, VerificationReport

OPTIONS = VerifyOptions(now=NOW, challenge=SD_JWT_NONCE, domain=SD_JWT_AUDIENCE)
KEYS = signers()


class _CrashLog(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def crash_log() -> Iterator[_CrashLog]:
    handler = _CrashLog()
    logger = logging.getLogger("wallet")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def _verify_all(raw: bytes, crash_log: _CrashLog) -> list[VerificationReport]:
    try:
        credentials = parse_credentials(raw)
    except WalletError:
        return []
    reports = []
    for credential in credentials:
        before = len(crash_log.records)
        report = verify_credential(credential, options=OPTIONS)
        crashed = [r.getMessage() for r in crash_log.records[before:]]
        assert not crashed, crashed
        for check in report.checks:
            assert isinstance(check.status, CheckStatus)
            assert check.message and "internal error" not in check.message, check.message
        json.dumps(report.to_json())
        reports.append(report)
    return reports


def _signature_ok(report: VerificationReport) -> bool:
    check = report.check("signature")
    return check is not None and check.status is CheckStatus.OK


# --- 1. re-signed damage ----------------------------------------------------------------

SUITES = ("eddsa-rdfc-2022", "ecdsa-rdfc-2019")


@st.composite
def _resigned_data_integrity(draw: st.DrawFn) -> bytes:
    suite = draw(st.sampled_from(SUITES))
    issuer = KEYS.ed_did if suite == SUITES[0] else KEYS.p256_did
    document = draw(json_document_mutations(ob3_document(issuer), rounds=2))
    assume(isinstance(document, dict))
    try:
        return KEYS.data_integrity(document, suite)
    except WalletError:  # refusing to sign nonsense is fine; crashing is not
        assume(False)
        raise


@fuzz_settings(120)
@given(raw=_resigned_data_integrity())
def test_resigned_data_integrity_credentials_always_get_a_report(
        raw: bytes, crash_log: _CrashLog) -> None:
    _verify_all(raw, crash_log)


@fuzz_settings(250)
@given(payload=json_document_mutations(vc_jwt_payload("did:placeholder"), rounds=2),
       header=json_document_mutations({"alg": "EdDSA", "typ": "vc+jwt"}, rounds=1),
       damage_header=st.booleans())
def test_resigned_vc_jwts_always_get_a_report(
        payload: Any, header: Any, damage_header: bool, crash_log: _CrashLog) -> None:
    if isinstance(payload, dict) and payload.get("iss") == "did:placeholder":
        payload["iss"] = KEYS.ed_did
    kid = {"kid": f"{KEYS.ed_did}#{KEYS.ed_did.split(':')[-1]}"}
    if not damage_header:
        header = {"alg": "EdDSA", "typ": "vc+jwt", **kid}
    elif isinstance(header, dict):
        header = {**kid, **header}
    raw = KEYS.raw_eddsa_jws(json.dumps(header), json.dumps(payload))
    _verify_all(raw, crash_log)


@fuzz_settings(200)
@given(clear=json_document_mutations(sd_jwt_claims("did:placeholder")[0], rounds=2),
       disclosed=json_document_mutations(sd_jwt_claims("did:placeholder")[1], rounds=2))
def test_resigned_sd_jwt_vcs_always_get_a_report(
        clear: Any, disclosed: Any, crash_log: _CrashLog) -> None:
    assume(isinstance(clear, dict) and isinstance(disclosed, dict))
    if clear.get("iss") == "did:placeholder":
        clear["iss"] = KEYS.p256_did
    try:
        raw = KEYS.sd_jwt(clear, disclosed)
    except WalletError:
        return
    _verify_all(raw, crash_log)


# --- 2. damage after signing never verifies ---------------------------------------------


def _leaf_paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in _leaf_paths(v, (*prefix, k))]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in _leaf_paths(v, (*prefix, i))]
    return [prefix]


@st.composite
def _tampered_data_integrity(draw: st.DrawFn) -> bytes:
    name = draw(st.sampled_from(["gen/ob3-eddsa.json", "gen/ob3-ecdsa.json"]))
    document = json.loads(all_seeds()[name])
    # Outside the proof and the contexts: those are checked by other, exact means.
    paths = [p for p in _leaf_paths(document) if p[0] not in ("proof", "@context")]
    path = draw(st.sampled_from(paths))
    target = document
    for step in path[:-1]:
        target = target[step]
    old = target[path[-1]]
    if draw(st.booleans()) and isinstance(old, str):
        new = draw(st.text(min_size=1, max_size=20).filter(lambda s: s != old))
        target[path[-1]] = new
    else:
        assume(not isinstance(target, list) or len(target) > 1)
        del target[path[-1]]
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


@fuzz_settings(120)
@given(raw=_tampered_data_integrity())
def test_a_changed_or_removed_value_breaks_a_data_integrity_proof(
        raw: bytes, crash_log: _CrashLog) -> None:
    for report in _verify_all(raw, crash_log):
        assert not _signature_ok(report)


@st.composite
def _tampered_disclosure(draw: st.DrawFn) -> bytes:
    pieces = all_seeds()["gen/sd-jwt-kb.txt"].decode("ascii").split("~")
    index = draw(st.integers(1, len(pieces) - 2))
    salt, name, value = json.loads(b64url_decode(pieces[index]))
    new_value = draw(JSON_VALUES.filter(lambda v: v != value))
    pieces[index] = b64url(json.dumps([salt, name, new_value]).encode("utf-8"))
    return "~".join(pieces).encode("ascii")


@fuzz_settings(100)
@given(raw=_tampered_disclosure())
def test_a_changed_disclosure_breaks_an_sd_jwt_vc(raw: bytes, crash_log: _CrashLog) -> None:
    # Refusing it at parse time (a disclosure the issuer never signed) is as good as failing.
    for report in _verify_all(raw, crash_log):
        assert not _signature_ok(report)


@st.composite
def _tampered_seal_payload(draw: st.DrawFn) -> bytes:
    envelope = json.loads(all_seeds()["edc/Sample-MC-Annex1-signed.jsonld"])
    inner = json.loads(envelope["payload"])
    document = copy.deepcopy(inner)
    paths = _leaf_paths(document)
    path = draw(st.sampled_from(paths))
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = draw(JSON_VALUES.filter(lambda v: v != target[path[-1]]))
    envelope["payload"] = json.dumps(document, ensure_ascii=False)
    return json.dumps(envelope, ensure_ascii=False).encode("utf-8")


@fuzz_settings(40)
@given(raw=_tampered_seal_payload())
def test_a_changed_seal_payload_breaks_the_seal(raw: bytes, crash_log: _CrashLog) -> None:
    for report in _verify_all(raw, crash_log):
        assert not _signature_ok(report)
