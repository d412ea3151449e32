"""Verifying a seal against the EU-wide trust anchors says nothing on the terminal: some
anchors' names are longer than X.520 allows, and ``cryptography`` would warn on each read."""

from __future__ import annotations

import warnings
from pathlib import Path

from wallet.trust import TrustStore
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions

SEALED = Path(__file__).resolve().parents[1] / "assets" / "vectors" / "edc" / (
    "Sample-MC-Annex1-signed.jsonld"
)


def test_sealed_sample_against_eu_anchors_emits_no_warning() -> None:
    # GIVEN the bundled EU trust anchors (some with over-long names) and the EU sealed sample
    store = TrustStore.bundled()
    raw = SEALED.read_bytes()
    # WHEN it is verified with every warning recorded, none filtered
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = verify_file_bytes(raw, options=VerifyOptions(trust=store))
    # THEN the seal was checked against the anchors and nothing was warned
    assert report.check("signature") is not None
    assert [str(w.message) for w in caught] == []
