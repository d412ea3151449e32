"""Rebuild the bundled trust snapshot ``resources/trust/eu-qualified-eseal-cas.json``.

Kredo never fetches trust material at run time; this script is how the bundled copy is
renewed, deliberately and reviewably (like sigstore's ``update-embedded-root``).

Online (the normal way)::

    python packaging/update_trust.py --territory CZ --territory SK ...

1. fetch the EU List of Trusted Lists (LOTL) from ``LOTL_URL``;
2. check its signature and that its signer is one of the certificates pinned in
   ``resources/trust/lotl-pins.pem`` (the certificates the Commission announces in the
   Official Journal; update that file by hand from the OJ when the Commission rotates them);
3. for each territory, take the LOTL's pointer to the national list (XML form) and the
   certificates the LOTL pins for it; fetch the list and check its signature against them;
4. keep every CA/QC service that was ever granted ``ForeSeals`` and every qualified
   timestamp service (``TSA/QTST``), with their status histories, and write the snapshot
   with the date, the lists' sequence numbers and their sources.

Offline (``--from-file``), for a list obtained some other way: the caller names the
certificate to pin (``--pin-file``), or ``--self-pinned`` accepts the certificate in the list's
own signature, which only proves the list is intact, not who signed it; such a snapshot is
marked as such in its sources. ``--outdated-note`` marks the snapshot as old for the app.

Any failure stops the script without writing: a half-checked snapshot is worse than an old one.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import urllib.request
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from cryptography import x509

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wallet.trust.snapshot import (  # noqa: E402
    SnapshotSource,
    TrustSnapshot,
    build_snapshot,
    source_of,
)
from wallet.trust.trusted_list import (  # noqa: E402
    TrustedList,
    TslPointer,
    load_pinned_trusted_list,
    parse_trusted_list,
)

TRUST_DIR = ROOT / "resources" / "trust"
SNAPSHOT = TRUST_DIR / "eu-qualified-eseal-cas.json"
LOTL_PINS = TRUST_DIR / "lotl-pins.pem"
LOTL_URL = "https://ec.europa.eu/tools/lotl/eu-lotl.xml"
TSL_XML_MIME = "application/vnd.etsi.tsl+xml"
MAX_DOWNLOAD = 64 * 1024 * 1024
TIMEOUT_SECONDS = 30

Fetch = Callable[[str], bytes]


def fetch_https(url: str) -> bytes:
    """Download one list; only https, bounded in time and size."""
    if not url.startswith("https://"):
        raise SystemExit(f"refusing to fetch a trusted list over plain HTTP: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": "kredo-update-trust"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
        data: bytes = response.read(MAX_DOWNLOAD + 1)
    if len(data) > MAX_DOWNLOAD:
        raise SystemExit(f"{url} is larger than {MAX_DOWNLOAD} bytes")
    return data


def load_pem_certificates(path: Path) -> list[x509.Certificate]:
    return x509.load_pem_x509_certificates(path.read_bytes())


def national_pointer(lotl: TrustedList, territory: str) -> TslPointer:
    """The LOTL's pointer to a territory's machine-readable list (not its PDF twin)."""
    candidates = [
        pointer
        for pointer in lotl.pointer_for(territory)
        if pointer.mime_type == TSL_XML_MIME and pointer.certificates
    ]
    if len(candidates) != 1:
        raise SystemExit(
            f"the LOTL has {len(candidates)} XML pointers with certificates for {territory}"
        )
    return candidates[0]


def build_from_network(
    territories: Sequence[str],
    lotl_pins: Sequence[x509.Certificate],
    *,
    fetch: Fetch = fetch_https,
    now: datetime | None = None,
) -> TrustSnapshot:
    """Steps 1-4 of the module docstring; ``fetch`` is replaceable so tests stay offline."""
    lotl = load_pinned_trusted_list(fetch(LOTL_URL), lotl_pins)
    checked: list[tuple[TrustedList, SnapshotSource]] = []
    for territory in territories:
        pointer = national_pointer(lotl, territory)
        national = load_pinned_trusted_list(fetch(pointer.location), pointer.certificates)
        if national.territory != territory:
            raise SystemExit(f"{pointer.location} is the list of {national.territory}")
        checked.append(
            (
                national,
                source_of(
                    national,
                    location=pointer.location,
                    retrieved_from=pointer.location,
                    signature=(
                        f"verified; signer pinned by the EU LOTL sequence {lotl.sequence_number}"
                    ),
                ),
            )
        )
    return build_snapshot(checked, snapshot_date=now or datetime.now(UTC))


def build_from_file(
    raw: bytes,
    *,
    pins: Sequence[x509.Certificate] | None,
    location: str,
    retrieved_from: str,
    outdated_note: str | None,
    snapshot_date: datetime | None = None,
) -> TrustSnapshot:
    """One list from a file; ``pins=None`` means self-pinned (integrity only)."""
    if pins is None:
        # Parse once to learn the signer, then admit the list only if that signer verifies it.
        signer = parse_trusted_list(raw).signature.signer
        if signer is None:
            raise SystemExit("the list carries no signing certificate")
        trusted_list = load_pinned_trusted_list(raw, [signer])
        how = (
            "verified against the certificate in the list's own signature (self-pinned: "
            "proves the list is intact, not who signed it)"
        )
    else:
        trusted_list = load_pinned_trusted_list(raw, pins)
        how = "verified against a certificate pinned by the maintainer"
    source = source_of(
        trusted_list, location=location, retrieved_from=retrieved_from, signature=how
    )
    return build_snapshot(
        [(trusted_list, source)],
        snapshot_date=snapshot_date or trusted_list.issue_date,
        outdated_note=outdated_note,
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--territory", action="append", default=[], help="e.g. CZ (repeat)")
    parser.add_argument("--from-file", type=Path, help="build from one list on disk")
    parser.add_argument("--location", help="where the operator publishes that list")
    parser.add_argument("--retrieved-from", help="where that copy came from")
    parser.add_argument("--pin-file", type=Path, help="PEM certificate(s) pinned for it")
    parser.add_argument("--self-pinned", action="store_true", help="see the module docstring")
    parser.add_argument("--outdated-note", help="mark the snapshot as old, with the reason")
    parser.add_argument("--output", type=Path, default=SNAPSHOT)
    args = parser.parse_args(argv)
    if args.from_file:
        if not args.location or not args.retrieved_from:
            parser.error("--from-file needs --location and --retrieved-from")
        if bool(args.pin_file) == bool(args.self_pinned):
            parser.error("--from-file needs exactly one of --pin-file and --self-pinned")
        snapshot = build_from_file(
            args.from_file.read_bytes(),
            pins=load_pem_certificates(args.pin_file) if args.pin_file else None,
            location=args.location,
            retrieved_from=args.retrieved_from,
            outdated_note=args.outdated_note,
        )
    else:
        if not args.territory:
            parser.error("name at least one --territory")
        snapshot = build_from_network(args.territory, load_pem_certificates(LOTL_PINS))
        if args.outdated_note:
            snapshot = dataclasses.replace(snapshot, outdated_note=args.outdated_note)
    args.output.write_text(snapshot.to_json(), encoding="utf-8")
    print(
        f"{args.output.name}: {len(snapshot.anchors)} seal anchors and "
        f"{len(snapshot.timestamp_authorities)} timestamp authorities "
        f"from {len(snapshot.sources)} lists"
    )


if __name__ == "__main__":
    main()
