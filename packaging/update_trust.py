"""Rebuild the bundled trust snapshot ``resources/trust/eu-qualified-eseal-cas.json``.

Kredo never fetches trust material at run time; this script is how the bundled copy is
renewed, deliberately and reviewably (like sigstore's ``update-embedded-root``).

Online (the normal way, ``make update-trust``)::

    python packaging/update_trust.py [--territory CZ ...] [--allow-missing DE ...]

Offline, from copies obtained some other way (a mirror repository, another machine)::

    python packaging/update_trust.py --lotl-file DIR/eu-lotl.xml --list-dir DIR \\
        --retrieved-from "owner/repository @ commit"

Both make the same checks, from the LOTL down:

1. the EU List of Trusted Lists (fetched from ``LOTL_URL``, or ``--lotl-file``) must be intact
   and signed with one of the certificates pinned in ``resources/trust/lotl-pins.pem``: the
   certificates the Commission announces in the Official Journal (C series, "information on
   the list of trusted lists"). When it announces new ones, a maintainer replaces that file
   from the new notice (``resources/trust/SOURCES.md`` says how the current pins were checked);
2. for each territory the LOTL points to (or each one named with ``--territory``), the
   national list (fetched from the LOTL's pointer, or found in ``--list-dir`` by its
   ``SchemeTerritory``) must be intact, be that territory's list, and be signed with one of the
   certificates the LOTL names for it;
3. no list may be older (a lower sequence number) than the one already bundled;
4. every CA/QC service that was ever granted ``ForeSeals`` and every qualified timestamp service
   (``TSA/QTST``) is kept with its status history; the snapshot records the LOTL, each list's
   sequence number, dates and source, and every territory it lacks with the reason.

A territory whose list is missing or fails a check stops the script, unless the maintainer
allowed it with ``--allow-missing``: it is then left out, and the snapshot says why. Nothing
unverified is ever written: a half-checked snapshot is worse than an old one.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import urllib.request
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wallet.errors import TrustMaterialError  # noqa: E402
from wallet.trust.snapshot import (  # noqa: E402
    LeftOutList,
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
LOTL_TYPE = "http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUlistofthelists"
LOTL_TERRITORY = "EU"
TSL_XML_MIME = "application/vnd.etsi.tsl+xml"
MAX_DOWNLOAD = 64 * 1024 * 1024
TIMEOUT_SECONDS = 30
NO_COPY = "no copy of the list was available"

Fetch = Callable[[str], bytes]


@dataclass(frozen=True)
class ListCopy:
    """The bytes of one list as published, and where this copy came from."""

    raw: bytes
    retrieved_from: str  # the URL, or "repository @ commit : path"


class ListRefused(Exception):
    """A national list that cannot be admitted; the message says why, for the snapshot."""


class DownloadRefused(Exception):
    """A download Kredo will not make or keep (plain HTTP, too large)."""


# Finds the copy of a territory's list (raises ListRefused when there is none).
CopyOf = Callable[[str, TslPointer], ListCopy]


def fetch_https(url: str) -> bytes:
    """Download one list; only https, bounded in time and size."""
    if not url.startswith("https://"):
        raise DownloadRefused(f"refusing to fetch a trusted list over plain HTTP: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": "kredo-update-trust"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
        data: bytes = response.read(MAX_DOWNLOAD + 1)
    if len(data) > MAX_DOWNLOAD:
        raise DownloadRefused(f"{url} is larger than {MAX_DOWNLOAD} bytes")
    return data


def load_pem_certificates(path: Path) -> list[x509.Certificate]:
    return x509.load_pem_x509_certificates(path.read_bytes())


# --- 1. the LOTL ----------------------------------------------------------------------------


def verify_lotl(raw: bytes, pins: Sequence[x509.Certificate]) -> TrustedList:
    """The LOTL, admitted only if intact and signed with a pinned certificate."""
    lotl = load_pinned_trusted_list(raw, pins)
    if lotl.tsl_type != LOTL_TYPE or lotl.territory != LOTL_TERRITORY:
        raise SystemExit(f"not the EU List of Trusted Lists: {lotl.territory} {lotl.tsl_type}")
    return lotl


def announced_lotl_signers(lotl: TrustedList) -> tuple[x509.Certificate, ...]:
    """The certificates the LOTL's pointer to itself names for signing it (the OJ's set)."""
    found: list[x509.Certificate] = []
    for pointer in lotl.pointer_for(LOTL_TERRITORY):
        if pointer.mime_type == TSL_XML_MIME:
            found.extend(c for c in pointer.certificates if c not in found)
    return tuple(found)


def pin_changes(lotl: TrustedList, pins: Sequence[x509.Certificate]) -> str | None:
    """A warning when the LOTL announces other signers than the pins: the OJ may have moved."""
    announced = {_der(c) for c in announced_lotl_signers(lotl)}
    pinned = {_der(c) for c in pins}
    if announced == pinned:
        return None
    return (
        f"the LOTL announces {len(announced - pinned)} signing certificate(s) that "
        f"lotl-pins.pem lacks and no longer names {len(pinned - announced)} pinned one(s): "
        "check the Official Journal notice and update the pins"
    )


def lotl_territories(lotl: TrustedList) -> tuple[str, ...]:
    """Every territory whose machine-readable list the LOTL points to."""
    return tuple(
        sorted(
            {
                pointer.territory
                for pointer in lotl.pointers
                if pointer.territory
                and pointer.territory != LOTL_TERRITORY
                and pointer.mime_type == TSL_XML_MIME
            }
        )
    )


# --- 2. each national list ------------------------------------------------------------------


def national_pointer(lotl: TrustedList, territory: str) -> TslPointer:
    """The LOTL's pointer to a territory's machine-readable list (not its PDF twin)."""
    candidates = [
        pointer
        for pointer in lotl.pointer_for(territory)
        if pointer.mime_type == TSL_XML_MIME and pointer.certificates
    ]
    if len(candidates) != 1:
        raise ListRefused(f"the LOTL has {len(candidates)} XML pointers with certificates")
    return candidates[0]


def admit_national_list(
    lotl: TrustedList, pointer: TslPointer, territory: str, copy: ListCopy
) -> tuple[TrustedList, SnapshotSource]:
    """A national list, admitted only if intact, of ``territory``, and signed as the LOTL says."""
    try:
        national = load_pinned_trusted_list(copy.raw, pointer.certificates)
    except TrustMaterialError as error:
        detail = f" ({error.details})" if error.details else ""
        raise ListRefused(f"{error.message}{detail}") from error
    if national.territory != territory:
        raise ListRefused(f"the copy is the list of {national.territory}")
    source = source_of(
        national,
        location=pointer.location,
        retrieved_from=copy.retrieved_from,
        signature=f"verified; signer pinned by the EU LOTL sequence {lotl.sequence_number}",
    )
    return national, source


def assemble_snapshot(
    lotl_copy: ListCopy,
    lotl_pins: Sequence[x509.Certificate],
    copy_of: CopyOf,
    *,
    territories: Sequence[str] = (),
    allow_missing: Collection[str] = (),
    snapshot_date: datetime | None = None,
) -> TrustSnapshot:
    """Steps 1, 2 and 4 of the module docstring, wherever the copies come from.

    Without ``snapshot_date`` the snapshot is dated by the newest list in it, so the same
    copies always give the same file.
    """
    lotl = verify_lotl(lotl_copy.raw, lotl_pins)
    notice = pin_changes(lotl, lotl_pins)
    if notice:
        print(f"warning: {notice}", file=sys.stderr)
    admitted: list[tuple[TrustedList, SnapshotSource]] = []
    left_out: list[LeftOutList] = []
    for territory in territories or lotl_territories(lotl):
        try:
            pointer = national_pointer(lotl, territory)
            admitted.append(
                admit_national_list(lotl, pointer, territory, copy_of(territory, pointer))
            )
        except ListRefused as refusal:
            if territory not in allow_missing:
                raise SystemExit(
                    f"{territory}: {refusal}; nothing written "
                    f"(--allow-missing {territory} leaves it out)"
                ) from refusal
            left_out.append(LeftOutList(territory=territory, reason=str(refusal)))
    lotl_source = source_of(
        lotl,
        location=LOTL_URL,
        retrieved_from=lotl_copy.retrieved_from,
        signature="verified; signed with a certificate pinned in resources/trust/lotl-pins.pem",
    )
    newest = max([lotl.issue_date, *(national.issue_date for national, _ in admitted)])
    return build_snapshot(
        admitted,
        snapshot_date=snapshot_date or newest,
        lotl=lotl_source,
        left_out=left_out,
    )


# --- where the copies come from -------------------------------------------------------------


def build_from_network(
    lotl_pins: Sequence[x509.Certificate],
    *,
    territories: Sequence[str] = (),
    allow_missing: Collection[str] = (),
    fetch: Fetch = fetch_https,
    now: datetime | None = None,
) -> TrustSnapshot:
    """Fetch the LOTL and the lists it points to; ``fetch`` is replaceable so tests stay offline."""

    def download(territory: str, pointer: TslPointer) -> ListCopy:
        # The list is checked against its pinned signers, but the transport stays https: an
        # http:// pointer (SK in 2026) is tried at the same address over https.
        url = "https://" + pointer.location.removeprefix("http://").removeprefix("https://")
        try:
            return ListCopy(fetch(url), url)
        except (OSError, DownloadRefused) as error:
            raise ListRefused(f"{url} could not be fetched: {error}") from error

    try:
        lotl_raw = fetch(LOTL_URL)
    except (OSError, DownloadRefused) as error:
        raise SystemExit(f"the LOTL could not be fetched: {error}") from error
    return assemble_snapshot(
        ListCopy(lotl_raw, LOTL_URL),
        lotl_pins,
        download,
        territories=territories,
        allow_missing=allow_missing,
        snapshot_date=now or datetime.now(UTC),
    )


def copies_in_folder(
    folder: Path, *, retrieved_from: str, exclude: Iterable[Path] = ()
) -> dict[str, ListCopy]:
    """Every trusted list (``*.xml``) under ``folder``, by the territory it says it is for.

    The territory is read before any check; :func:`admit_national_list` then decides. Two
    copies of one territory, or a file that is no trusted list, stop the script.
    """
    skip = {path.resolve() for path in exclude}
    copies: dict[str, ListCopy] = {}
    for path in sorted(folder.rglob("*.xml")):
        if path.resolve() in skip:
            continue
        raw = path.read_bytes()
        try:
            territory = parse_trusted_list(raw).territory
        except TrustMaterialError as error:
            raise SystemExit(f"{path}: {error.message} ({error.details})") from error
        if territory in copies:
            raise SystemExit(f"{path}: a second list of {territory}")
        where = path.relative_to(folder).as_posix()
        copies[territory] = ListCopy(raw, f"{retrieved_from} : {where}")
    return copies


def build_from_files(
    lotl_file: Path,
    list_dir: Path,
    lotl_pins: Sequence[x509.Certificate],
    *,
    retrieved_from: str,
    territories: Sequence[str] = (),
    allow_missing: Collection[str] = (),
) -> TrustSnapshot:
    """The offline mode: the LOTL and national lists from files, checked as online."""
    copies = copies_in_folder(list_dir, retrieved_from=retrieved_from, exclude=[lotl_file])
    lotl_where = (
        lotl_file.relative_to(list_dir).as_posix()
        if lotl_file.resolve().is_relative_to(list_dir.resolve())
        else lotl_file.name
    )
    lotl_copy = ListCopy(lotl_file.read_bytes(), f"{retrieved_from} : {lotl_where}")
    pointed_to = lotl_territories(verify_lotl(lotl_copy.raw, lotl_pins))
    unexpected = sorted(set(copies) - set(pointed_to))
    if unexpected:
        # A list the LOTL does not point to has no pinned signer: its folder is not what it
        # seems. (Lists not asked for with --territory are only ignored.)
        raise SystemExit(f"the LOTL points to no list of {', '.join(unexpected)}")

    def in_folder(territory: str, pointer: TslPointer) -> ListCopy:
        if territory not in copies:
            raise ListRefused(NO_COPY)
        return copies[territory]

    return assemble_snapshot(
        lotl_copy,
        lotl_pins,
        in_folder,
        territories=territories or pointed_to,
        allow_missing=allow_missing,
    )


# --- 3. never backwards ---------------------------------------------------------------------


def refuse_rollback(snapshot: TrustSnapshot, previous: TrustSnapshot) -> None:
    """Stop when a list is older than the one already bundled (a replayed, older copy)."""
    before: Mapping[str, int] = {
        source.territory: source.sequence_number
        for source in (*previous.sources, *([previous.lotl] if previous.lotl else []))
    }
    for source in (*snapshot.sources, *([snapshot.lotl] if snapshot.lotl else [])):
        bundled = before.get(source.territory)
        if bundled is not None and source.sequence_number < bundled:
            raise SystemExit(
                f"{source.territory}: sequence {source.sequence_number} is older than the "
                f"bundled {bundled}; nothing written"
            )


def _der(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(Encoding.DER)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--territory", action="append", default=[], help="only these (repeat); default: all"
    )
    parser.add_argument(
        "--allow-missing",
        action="append",
        default=[],
        metavar="TERRITORY",
        help="leave this territory out, with the reason, if its list is missing or fails",
    )
    parser.add_argument("--lotl-file", type=Path, help="offline: the LOTL on disk")
    parser.add_argument("--list-dir", type=Path, help="offline: folder with the national lists")
    parser.add_argument(
        "--retrieved-from", help='offline: where the files came from ("repository @ commit")'
    )
    parser.add_argument("--lotl-pins", type=Path, default=LOTL_PINS)
    parser.add_argument("--outdated-note", help="mark the snapshot as old, with the reason")
    parser.add_argument("--output", type=Path, default=SNAPSHOT)
    args = parser.parse_args(argv)
    pins = load_pem_certificates(args.lotl_pins)
    if args.lotl_file or args.list_dir:
        if not (args.lotl_file and args.list_dir and args.retrieved_from):
            parser.error("offline needs --lotl-file, --list-dir and --retrieved-from")
        snapshot = build_from_files(
            args.lotl_file,
            args.list_dir,
            pins,
            retrieved_from=args.retrieved_from,
            territories=args.territory,
            allow_missing=args.allow_missing,
        )
    else:
        snapshot = build_from_network(
            pins, territories=args.territory, allow_missing=args.allow_missing
        )
    if args.output.exists():
        refuse_rollback(snapshot, TrustSnapshot.from_json(args.output.read_bytes()))
    if args.outdated_note:
        snapshot = dataclasses.replace(snapshot, outdated_note=args.outdated_note)
    args.output.write_text(snapshot.to_json(), encoding="utf-8")
    for item in snapshot.left_out:
        print(f"left out {item.territory}: {item.reason}")
    print(
        f"{args.output.name}: {len(snapshot.anchors)} seal anchors and "
        f"{len(snapshot.timestamp_authorities)} timestamp authorities "
        f"from {len(snapshot.sources)} lists, dated {snapshot.snapshot_date:%Y-%m-%d}"
    )


if __name__ == "__main__":
    main()
