"""The bundled snapshot and the script that builds it, offline on the real Czech list."""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import pytest

from tests.trust.conftest import CZ_EXTRACT
from wallet.errors import TrustMaterialError
from wallet.trust import bundled_snapshot
from wallet.trust.snapshot import TrustSnapshot

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "resources" / "trust" / "eu-qualified-eseal-cas.json"
DSS_COPY = (
    "esig/dss @ d9473b8efea72fd5754623fa92bb9311f2b005c5 : "
    "dss-tsl-validation/src/test/resources/lotlCache/CZ.xml"
)
OUTDATED_NOTE = json.loads(BUNDLED.read_text(encoding="utf-8"))["outdated_note"]


@pytest.fixture(scope="module")
def update_trust() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_trust", ROOT / "packaging" / "update_trust.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["update_trust"] = module
    spec.loader.exec_module(module)
    return module


def test_bundled_snapshot_holds_exactly_the_seal_cas_of_the_list() -> None:
    # GIVEN the independent extract of the CZ list's CA/QC services
    services = json.loads(CZ_EXTRACT.read_text(encoding="utf-8"))["services"]
    for_seals = {s["sha256"] for s in services if "ForeSeals" in s["additional_service_info"]}
    # THEN the bundled anchors are those 10 certificates, no more, no less
    snapshot = bundled_snapshot()
    assert {anchor.sha256 for anchor in snapshot.anchors} == for_seals
    assert len(snapshot.anchors) == 10
    assert {anchor.territory for anchor in snapshot.anchors} == {"CZ"}


def test_bundled_snapshot_says_it_is_old() -> None:
    snapshot = bundled_snapshot()
    assert snapshot.snapshot_date == datetime(2019, 8, 23, 8, 0, tzinfo=UTC)
    assert snapshot.outdated_note and "2019" in snapshot.outdated_note
    assert snapshot.outdated(datetime(2019, 9, 1, tzinfo=UTC))  # marked outdated by its builder
    (source,) = snapshot.sources
    assert source.retrieved_from == DSS_COPY
    assert "self-pinned" in source.signature


def test_outdated_follows_next_update_when_not_marked() -> None:
    snapshot = bundled_snapshot()
    fresh = TrustSnapshot(snapshot.snapshot_date, snapshot.sources, snapshot.anchors, None)
    assert not fresh.outdated(datetime(2020, 2, 22, tzinfo=UTC))
    assert fresh.outdated(datetime(2020, 2, 23, 0, 0, 1, tzinfo=UTC))


def test_bundled_file_is_reproducible_from_the_list(
    update_trust: ModuleType, cz_tl_bytes: bytes
) -> None:
    # WHEN the script rebuilds the snapshot offline from the same list
    rebuilt = update_trust.build_from_file(
        cz_tl_bytes,
        pins=None,
        location="https://tsl.gov.cz/publ/TSL_CZ.xtsl",
        retrieved_from=DSS_COPY,
        outdated_note=OUTDATED_NOTE,
    )
    # THEN it writes byte for byte what is committed
    assert rebuilt.to_json() == BUNDLED.read_text(encoding="utf-8")


def test_json_round_trip() -> None:
    snapshot = bundled_snapshot()
    again = TrustSnapshot.from_json(snapshot.to_json().encode())
    assert again == snapshot


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


def test_anchors_follow_history() -> None:
    snapshot = bundled_snapshot()
    # Before eIDAS there were no qualified seals; no CA is an anchor then.
    assert snapshot.certificates_at(datetime(2016, 1, 1, tzinfo=UTC)) == ()
    # I.CA (78) gained ForeSeals on 2017-08-16; PostSignum (21, 57) on 2017-08-30 22:00.
    at_2017_08_20 = snapshot.certificates_at(datetime(2017, 8, 20, tzinfo=UTC))
    at_2019 = snapshot.certificates_at(datetime(2019, 8, 1, tzinfo=UTC))
    assert 0 < len(at_2017_08_20) < len(at_2019) == 10


def test_script_refuses_a_list_signed_by_someone_else(
    update_trust: ModuleType, cz_tl_bytes: bytes
) -> None:
    # GIVEN pins that are real certificates, but not the list's signer
    pins = update_trust.load_pem_certificates(ROOT / "resources" / "trust" / "lotl-pins.pem")
    assert len(pins) == 8
    # WHEN the online path is run with every download answered by the CZ list
    # THEN the "LOTL" is refused before anything is written
    with pytest.raises(TrustMaterialError):
        update_trust.build_from_network(["CZ"], pins, fetch=lambda url: cz_tl_bytes)


def test_script_takes_the_xml_pointer_for_a_territory(
    update_trust: ModuleType, cz_tl_bytes: bytes
) -> None:
    from wallet.trust.trusted_list import parse_trusted_list

    trusted_list = parse_trusted_list(cz_tl_bytes)
    pointer = update_trust.national_pointer(trusted_list, "EU")
    assert pointer.location == "https://ec.europa.eu/tools/lotl/eu-lotl.xml"
    with pytest.raises(SystemExit):
        update_trust.national_pointer(trusted_list, "SK")


def test_script_refuses_plain_http(update_trust: ModuleType) -> None:
    with pytest.raises(SystemExit, match="plain HTTP"):
        update_trust.fetch_https("http://tsl.gov.cz/publ/TSL_CZ.xtsl")


def test_lotl_pins_come_from_the_signed_list(update_trust: ModuleType, cz_tl_bytes: bytes) -> None:
    from wallet.trust.trusted_list import parse_trusted_list

    pins = update_trust.load_pem_certificates(ROOT / "resources" / "trust" / "lotl-pins.pem")
    (pointer,) = parse_trusted_list(cz_tl_bytes).pointer_for("EU")
    assert list(pointer.certificates) == pins
