"""``make bench``: speed and size figures on data generated fresh each run. Prints a table.

Sections (``--only`` picks some): ``verify`` (Kredo against the reference JS verifier on the
same 200 OB 3.0 files, side by side, with their ratio, and Kredo in 2 worker processes;
throughput per format on 200 freshly signed credentials each; one full EDC seal check),
``import`` (1,000 signed OB 3.0 credentials imported, verified and saved; database size),
``search`` (FTS p50/p95 and the list over 10,000 credentials, the GUI's list model), ``app``
(start to first paint of the desktop app offscreen with 0 / 1,000 / 10,000 credentials, peak
RSS), ``qr`` (encode, render, decode). ``--json`` prints the figures and the machine as JSON
instead. The targets of issue 8 and issue 16 are printed next to their figures;
docs/benchmarks.md records the runs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks import (
    processes,
    qr_codes,
    search_and_list,
    verify_throughput,
    versus_reference,
)
from tests.benchmarks.report import Figure, machine, table
from tests.benchmarks.wallets import bulk_import, large_wallet, new_wallet

SECTIONS = ("verify", "import", "search", "app", "qr")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the list model needs a Qt app


def run(sections: set[str], workdir: Path, *, verify_count: int = 200,
        large: int = 10_000) -> list[Figure]:
    figures: list[Figure] = []
    if "verify" in sections:
        figures += versus_reference.measure(workdir, verify_count)
        figures += verify_throughput.measure(verify_count)
    homes: dict[int, Path] = {}
    if sections & {"import", "app"}:
        wallet, made = bulk_import(workdir)
        figures += made
        homes[wallet.credentials] = wallet.home
    if sections & {"search", "app"}:
        wallet, made = large_wallet(workdir, large)
        figures += made
        homes[wallet.credentials] = wallet.home
        if "search" in sections:
            figures += search_and_list.measure(wallet)
    if "app" in sections:
        empty = workdir / "wallet-0"
        new_wallet(empty)
        homes[0] = empty
        figures += processes.python_start(workdir)
        figures += processes.gui_start(homes, workdir)
    if "qr" in sections:
        figures += qr_codes.measure()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--only", action="append", choices=SECTIONS,
                        help="run only this section (repeatable)")
    args = parser.parse_args(argv)
    sections = set(args.only or SECTIONS)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kredo-bench-") as name:
        figures = run(sections, Path(name))
    elapsed = time.perf_counter() - started
    if args.json:
        json.dump({"machine": machine(), "seconds": round(elapsed, 1),
                   "figures": [f.to_json() for f in figures]}, sys.stdout, indent=2,
                  ensure_ascii=False)
        print()
    else:
        described = machine()
        print(f"{described['cpu']}, {described['cores']} cores, {described['memory']}; "
              f"Python {described['python']}, SQLCipher {described['sqlcipher']}, "
              f"PySide6 {described['pyside6']}")
        print(table(figures))
        print(f"\n({elapsed:.0f} s)")
    return 0  # a missed target is a finding for the table, not a broken build


if __name__ == "__main__":
    sys.exit(main())
