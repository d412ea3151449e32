"""The bundled snapshot: every list the EU LOTL of August 2026 pins, dated, with its history."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from tests.trust.conftest import BUNDLED, CZ_EXTRACT, LOTL, MIRROR
from wallet.errors import TrustMaterialError
from wallet.trust import bundled_snapshot
from wallet.trust.snapshot import TrustSnapshot
from wallet.trust.trusted_list import parse_trusted_list

# The territories the LOTL sequence 390 points to for which no verifiable list could be had
# (resources/trust/SOURCES.md says why).
LEFT_OUT = {"DE", "HR", "LI"}


def _pointed_to_by_the_lotl() -> set[str]:
    return {
        pointer.territory
        for pointer in parse_trusted_list(LOTL.read_bytes()).pointers
        if pointer.territory not in (None, "EU")
        and pointer.mime_type == "application/vnd.etsi.tsl+xml"
    }


def test_every_territory_of_the_lotl_is_in_the_snapshot_or_said_to_be_missing() -> None:
    # GIVEN the bundled snapshot and the LOTL it was built from
    snapshot = bundled_snapshot()
    # THEN each territory the LOTL points to is a source, except three named with a reason
    sources = {source.territory for source in snapshot.sources}
    left_out = {item.territory: item.reason for item in snapshot.left_out}
    assert sources | set(left_out) == _pointed_to_by_the_lotl()
    assert not sources & set(left_out)
    assert set(left_out) == LEFT_OUT
    assert left_out["DE"] == left_out["LI"] == "no copy of the list was available"
    assert "not signed by the certificate known for its operator" in left_out["HR"]
    assert len(sources) == 28  # the other 26 EU member states, IS, NO and the UK's last list


def test_every_list_was_verified_against_the_lotl_never_self_pinned() -> None:
    snapshot = bundled_snapshot()
    assert snapshot.lotl is not None
    assert (snapshot.lotl.territory, snapshot.lotl.sequence_number) == ("EU", 390)
    assert snapshot.lotl.retrieved_from == f"{MIRROR} : eu-lotl.xml"
    assert "pinned in resources/trust/lotl-pins.pem" in snapshot.lotl.signature
    for source in snapshot.sources:
        assert source.signature == "verified; signer pinned by the EU LOTL sequence 390"
        assert source.retrieved_from.startswith(f"{MIRROR} : {source.territory}/")
        assert source.signer_sha256 is not None
    assert snapshot.outdated_note is None


def test_the_snapshot_is_dated_by_its_newest_list() -> None:
    snapshot = bundled_snapshot()
    newest = max(source.issue_date for source in snapshot.sources)
    assert snapshot.snapshot_date == newest == datetime(2026, 8, 19, 13, 56, 19, tzinfo=UTC)
    czech = next(source for source in snapshot.sources if source.territory == "CZ")
    assert (czech.sequence_number, czech.issue_date.date().isoformat()) == (181, "2026-08-09")


def test_outdated_follows_the_earliest_next_update() -> None:
    # GIVEN the snapshot; the earliest NextUpdate is Norway's copy (published at an address
    # the operator stopped updating: SOURCES.md)
    snapshot = bundled_snapshot()
    earliest = min(
        source.next_update
        for source in (*snapshot.sources, snapshot.lotl)
        if source is not None and source.next_update is not None
    )
    assert earliest == datetime(2026, 8, 4, 7, 11, 53, tzinfo=UTC)
    # THEN it counts as outdated exactly from then on, and says so today
    assert not snapshot.outdated(earliest - timedelta(seconds=1))
    assert snapshot.outdated(earliest + timedelta(seconds=1))
    assert snapshot.outdated(datetime(2026, 12, 7, tzinfo=UTC))
    # AND a note from whoever built it makes it outdated whatever the date
    marked = replace(snapshot, outdated_note="built from old copies")
    assert marked.outdated(earliest - timedelta(days=30))


def test_every_anchor_was_once_a_qualified_seal_ca_and_every_authority_a_qtst() -> None:
    snapshot = bundled_snapshot()
    assert len(snapshot.anchors) == 434
    assert len(snapshot.timestamp_authorities) == 1390
    assert all(
        any(period.trusted_for_seals for period in anchor.history) for anchor in snapshot.anchors
    )
    assert all(
        any(period.trusted_for_timestamps for period in authority.history)
        for authority in snapshot.timestamp_authorities
    )
    territories = {source.territory for source in snapshot.sources}
    assert {anchor.territory for anchor in snapshot.anchors} <= territories


def test_the_czech_seal_cas_of_2019_are_still_there_with_the_same_history() -> None:
    # GIVEN the independent extract of the 2019 Czech list's CA/QC services
    services = json.loads(CZ_EXTRACT.read_text(encoding="utf-8"))["services"]
    seal_cas_2019 = {s["sha256"] for s in services if "ForeSeals" in s["additional_service_info"]}
    # THEN the 2026 list still names each of them (now with history after 2019), and adds the
    # CAs issued since, such as I.CA's 2022 generation
    czech = [anchor for anchor in bundled_snapshot().anchors if anchor.territory == "CZ"]
    assert seal_cas_2019 < {anchor.sha256 for anchor in czech}
    assert len(czech) == 24
    subjects = {anchor.certificate.subject.rfc4514_string() for anchor in czech}
    assert any("I.CA EU Qualified CA2/RSA 06/2022" in subject for subject in subjects)


def test_anchors_follow_history() -> None:
    snapshot = bundled_snapshot()
    # Qualified seals exist since eIDAS applied (1 July 2016, 00:00 in Brussels).
    assert snapshot.certificates_at(datetime(2016, 6, 30, 21, 59, tzinfo=UTC)) == ()
    at_eidas = snapshot.certificates_at(datetime(2016, 6, 30, 22, 0, tzinfo=UTC))
    at_2019 = snapshot.certificates_at(datetime(2019, 8, 1, tzinfo=UTC))
    at_2026 = snapshot.certificates_at(datetime(2026, 8, 1, tzinfo=UTC))
    assert 0 < len(at_eidas) < len(at_2019) < len(at_2026) < len(snapshot.anchors)


def test_unreadable_certificates_are_counted_in_their_source() -> None:
    counted = {s.territory: s.unreadable_certificates for s in bundled_snapshot().sources}
    assert {territory: n for territory, n in counted.items() if n} == {"BG": 7, "FR": 1, "NO": 4}


def test_json_round_trip() -> None:
    snapshot = bundled_snapshot()
    again = TrustSnapshot.from_json(snapshot.to_json().encode())
    assert again == snapshot
    assert snapshot.to_json() == BUNDLED.read_text(encoding="utf-8")


def test_a_snapshot_written_before_the_lotl_was_kept_still_loads() -> None:
    # GIVEN the bundled file without the fields added with the EU-wide snapshot
    document = json.loads(BUNDLED.read_text(encoding="utf-8"))
    for key in ("lotl", "left_out"):
        del document[key]
    for source in document["sources"]:
        del source["unreadable_certificates"]
    # WHEN it is read THEN the lists and anchors are the same, and nothing is invented
    older = TrustSnapshot.from_json(json.dumps(document).encode())
    assert older.lotl is None and older.left_out == ()
    assert older.anchors == bundled_snapshot().anchors
    assert {source.unreadable_certificates for source in older.sources} == {0}


def test_certificate_not_matching_its_pin_is_refused() -> None:
    document = json.loads(BUNDLED.read_text(encoding="utf-8"))
    first, second = document["anchors"][0], document["anchors"][1]
    first["der_base64"] = second["der_base64"]
    with pytest.raises(TrustMaterialError, match="damaged"):
        TrustSnapshot.from_json(json.dumps(document).encode())


def test_unknown_format_is_refused() -> None:
    document = json.loads(BUNDLED.read_text(encoding="utf-8"))
    document["format"] = "something-else/9"
    with pytest.raises(TrustMaterialError):
        TrustSnapshot.from_json(json.dumps(document).encode())
