"""``packaging/update_trust.py`` on real lists: the LOTL of August 2026 and the CY and IS lists it
pins, offline from files and through the online path with every download served from them."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import pytest
from cryptography import x509

from tests.trust.conftest import (
    CY_TL,
    EU_LISTS,
    IS_TL,
    LOTL,
    LOTL_PINS,
    MIRROR,
)
from wallet.errors import TrustMaterialError
from wallet.trust import bundled_snapshot
from wallet.trust.snapshot import TrustSnapshot
from wallet.trust.trusted_list import TslPointer, parse_trusted_list

SMALL = ["CY", "IS"]


@pytest.fixture(scope="module")
def pins(update_trust: ModuleType) -> list[x509.Certificate]:
    pinned: list[x509.Certificate] = update_trust.load_pem_certificates(LOTL_PINS)
    return pinned


def _offline(
    update_trust: ModuleType,
    folder: Path,
    pins: list[x509.Certificate],
    **options: object,
) -> TrustSnapshot:
    snapshot: TrustSnapshot = update_trust.build_from_files(
        folder / "eu-lotl.xml", folder, pins, retrieved_from=MIRROR, **options
    )
    return snapshot


@pytest.fixture
def lists_copy(tmp_path: Path) -> Path:
    """A private copy of the real lists that a test may damage."""
    copy = tmp_path / "lists"
    shutil.copytree(EU_LISTS, copy)
    return copy


def test_offline_build_verifies_real_lists_from_the_lotl_down(
    update_trust: ModuleType, pins: list[x509.Certificate]
) -> None:
    # WHEN the CY and IS lists are built offline with the bundled LOTL pins
    snapshot = _offline(update_trust, EU_LISTS, pins, territories=SMALL)
    # THEN both are admitted as signed by the certificates the LOTL names for them
    assert [(s.territory, s.sequence_number) for s in snapshot.sources] == [
        ("CY", 53),
        ("IS", 39),
    ]
    assert snapshot.lotl is not None and snapshot.lotl.sequence_number == 390
    lotl = parse_trusted_list(LOTL.read_bytes())
    assert [s.location for s in snapshot.sources] == [
        update_trust.national_pointer(lotl, t).location for t in SMALL
    ]
    # AND it holds their three + one seal CAs and four timestamp units
    assert [(a.territory, a.service_name) for a in snapshot.anchors] == [
        ("CY", "JCC CA for EU Qualified e-Seals"),
        ("CY", "JCC Issuing CA for eSeals"),
        ("CY", "JCC Issuing CA for eSeals G1"),
        ("IS", "Fullgilt audkenni 2021"),
    ]
    assert [a.service_name for a in snapshot.timestamp_authorities] == [
        f"Signet TSA {year}" for year in (2022, 2023, 2024, 2025)
    ]
    # AND it is dated by its newest list, so the same copies always give the same file
    assert snapshot.snapshot_date == datetime(2026, 8, 3, 13, 16, 38, tzinfo=UTC)  # the LOTL


def test_the_bundled_snapshot_is_what_the_script_makes_of_these_lists(
    update_trust: ModuleType, pins: list[x509.Certificate]
) -> None:
    # GIVEN the same copies of the LOTL, CY and IS as the bundled snapshot names
    rebuilt = _offline(update_trust, EU_LISTS, pins, territories=SMALL)
    bundled = bundled_snapshot()
    # THEN the bundled snapshot holds exactly what the script makes of them
    assert rebuilt.lotl == bundled.lotl
    assert rebuilt.sources == tuple(s for s in bundled.sources if s.territory in SMALL)
    assert rebuilt.anchors == tuple(a for a in bundled.anchors if a.territory in SMALL)
    assert rebuilt.timestamp_authorities == tuple(
        a for a in bundled.timestamp_authorities if a.territory in SMALL
    )


def test_a_territory_without_a_copy_stops_the_build_unless_allowed(
    update_trust: ModuleType, pins: list[x509.Certificate]
) -> None:
    # WHEN every territory of the LOTL is asked for and only CY and IS have a copy
    with pytest.raises(SystemExit, match="AT: no copy of the list was available"):
        _offline(update_trust, EU_LISTS, pins)
    # THEN allowing the others to be missing builds CY and IS and says what is missing
    lotl = parse_trusted_list(LOTL.read_bytes())
    others = [t for t in update_trust.lotl_territories(lotl) if t not in SMALL]
    snapshot = _offline(update_trust, EU_LISTS, pins, allow_missing=others)
    assert [s.territory for s in snapshot.sources] == SMALL
    assert [item.territory for item in snapshot.left_out] == others
    assert len(others) == 29


def test_a_list_with_one_changed_byte_is_refused(
    update_trust: ModuleType, pins: list[x509.Certificate], lists_copy: Path
) -> None:
    # GIVEN the Icelandic list with one letter of a timestamp unit's name changed
    tampered = lists_copy / "IS" / "TSL_IS.xml"
    raw = tampered.read_bytes()
    assert raw.count(b"Signet TSA 2025") == 2  # its names in Icelandic and English
    tampered.write_bytes(raw.replace(b"Signet TSA 2025", b"Signet TSA 2026", 1))
    # WHEN the snapshot is built THEN nothing is written, and the reason is told
    with pytest.raises(SystemExit, match=r"IS: The trusted list's signature is not valid"):
        _offline(update_trust, lists_copy, pins, territories=SMALL)
    # AND when the maintainer lets IS be missing, it is left out with that reason
    snapshot = _offline(update_trust, lists_copy, pins, territories=SMALL, allow_missing=["IS"])
    assert [s.territory for s in snapshot.sources] == ["CY"]
    (left_out,) = snapshot.left_out
    assert left_out.territory == "IS"
    assert "The list was changed after it was signed." in left_out.reason
    assert {a.territory for a in (*snapshot.anchors, *snapshot.timestamp_authorities)} == {"CY"}


def test_a_lotl_signed_by_an_unpinned_key_is_refused(
    update_trust: ModuleType, cz_tl_bytes: bytes
) -> None:
    # GIVEN the pins of 2019 (the eight certificates of OJ C 276/2019, as the Czech list of
    # 2019 names them); the LOTL of 2026 is signed by a key the Commission announced later
    (pointer,) = parse_trusted_list(cz_tl_bytes).pointer_for("EU")
    pins_2019 = list(pointer.certificates)
    # WHEN the snapshot is built with them THEN the LOTL is refused before any list is read
    with pytest.raises(TrustMaterialError, match="not signed by the certificate known"):
        _offline(update_trust, EU_LISTS, pins_2019, territories=SMALL)
    # AND the same for real certificates that sign other lists (here the Icelandic operator's)
    signer = parse_trusted_list(IS_TL.read_bytes()).signature.signer
    with pytest.raises(TrustMaterialError, match="not signed by the certificate known"):
        _offline(update_trust, EU_LISTS, [signer], territories=SMALL)


def test_a_list_signed_by_another_operator_is_refused(
    update_trust: ModuleType, pins: list[x509.Certificate]
) -> None:
    # GIVEN a source that answers the Cypriot list when Iceland's is asked for
    def swapped(territory: str, pointer: TslPointer) -> object:
        path = CY_TL if territory == "IS" else IS_TL
        return update_trust.ListCopy(path.read_bytes(), path.name)

    lotl = update_trust.ListCopy(LOTL.read_bytes(), "eu-lotl.xml")
    # THEN the intact, genuinely signed list is refused: its signer is not Iceland's
    with pytest.raises(SystemExit, match="IS: The trusted list is not signed by"):
        update_trust.assemble_snapshot(lotl, pins, swapped, territories=["IS"])


def test_a_folder_with_a_list_the_lotl_does_not_point_to_is_refused(
    update_trust: ModuleType, pins: list[x509.Certificate], lists_copy: Path
) -> None:
    # GIVEN a folder that also holds a list whose territory has no pointer: the LOTL itself
    # (as a second file), which no LOTL pins
    (lists_copy / "EU").mkdir()
    shutil.copy(LOTL, lists_copy / "EU" / "copy-of-the-lotl.xml")
    with pytest.raises(SystemExit, match="the LOTL points to no list of EU"):
        _offline(update_trust, lists_copy, pins, territories=SMALL)


def test_online_path_with_every_download_served_locally(
    update_trust: ModuleType, pins: list[x509.Certificate]
) -> None:
    # GIVEN downloads answered from the real files; SK's pointer is http:// and fails
    lotl = parse_trusted_list(LOTL.read_bytes())
    location = {t: update_trust.national_pointer(lotl, t).location for t in ("CY", "IS", "SK")}
    served = {
        update_trust.LOTL_URL: LOTL.read_bytes(),
        location["CY"]: CY_TL.read_bytes(),
        location["IS"]: IS_TL.read_bytes(),
    }
    asked: list[str] = []

    def fetch(url: str) -> bytes:
        asked.append(url)
        if url not in served:
            raise OSError("connection refused")
        return served[url]

    now = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    # WHEN the online build runs for CY, IS and SK, SK allowed to be missing
    snapshot = update_trust.build_from_network(
        pins, territories=["CY", "IS", "SK"], allow_missing=["SK"], fetch=fetch, now=now
    )
    # THEN CY and IS are admitted with their URLs as source, dated now
    assert [(s.territory, s.retrieved_from) for s in snapshot.sources] == [
        ("CY", location["CY"]),
        ("IS", location["IS"]),
    ]
    assert snapshot.snapshot_date == now
    # AND SK's http:// address was asked for over https only, and is left out with the reason
    assert location["SK"] == "http://tl.nbu.gov.sk/kca/tsl/tsl.xml"
    assert "https://tl.nbu.gov.sk/kca/tsl/tsl.xml" in asked
    assert not any(url.startswith("http://") for url in asked)
    (left_out,) = snapshot.left_out
    assert left_out.territory == "SK" and "could not be fetched: connection refused" in (
        left_out.reason
    )


def test_online_path_refuses_a_lotl_download_signed_by_someone_else(
    update_trust: ModuleType, pins: list[x509.Certificate]
) -> None:
    # GIVEN every download answered with the Icelandic list (intact, but not the LOTL)
    with pytest.raises(TrustMaterialError):
        update_trust.build_from_network(pins, fetch=lambda url: IS_TL.read_bytes())


def test_script_refuses_plain_http(update_trust: ModuleType) -> None:
    with pytest.raises(update_trust.DownloadRefused, match="plain HTTP"):
        update_trust.fetch_https("http://tsl.gov.cz/publ/TSL_CZ.xtsl")


def test_a_list_older_than_the_bundled_one_is_refused(update_trust: ModuleType) -> None:
    # GIVEN the bundled snapshot, and one that says CY was already at sequence 54
    bundled = bundled_snapshot()
    newer = replace(
        bundled,
        sources=tuple(
            replace(s, sequence_number=54) if s.territory == "CY" else s for s in bundled.sources
        ),
    )
    # THEN rebuilding from the real sequence 53 would go backwards, and is refused
    with pytest.raises(SystemExit, match="CY: sequence 53 is older than the bundled 54"):
        update_trust.refuse_rollback(bundled, newer)
    update_trust.refuse_rollback(bundled, bundled)  # the same lists again are fine


def test_main_writes_the_snapshot_offline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], update_trust: ModuleType
) -> None:
    # WHEN the script runs offline on the two lists
    output = tmp_path / "snapshot.json"
    update_trust.main(
        [
            "--lotl-file", str(LOTL), "--list-dir", str(EU_LISTS),
            "--retrieved-from", MIRROR, "--territory", "CY", "--territory", "IS",
            "--output", str(output),
        ]
    )
    # THEN it writes a snapshot the app reads, and says what it holds
    written = TrustSnapshot.from_json(output.read_bytes())
    assert [s.territory for s in written.sources] == SMALL
    assert "4 seal anchors and 4 timestamp authorities from 2 lists, dated 2026-08-03" in (
        capsys.readouterr().out
    )

