"""Kredo against the reference verifier, side by side, on the same freshly made files.

The reference implementation (``@digitalbazaar/vc`` in Node, offline) signs ``count`` Open
Badges 3.0 credentials with ``eddsa-rdfc-2022`` under a fresh did:key, one file each. Then,
in alternating rounds so that both meet the same load on the machine, the reference verifies
them all in one Node process and Kredo verifies them all in one Python process (each warmed
by one untimed verification first, then timed over every file); the best round of each
counts. The ratio is Kredo's rate over the reference's, by the clock (the target) and by each
process's CPU time (steadier on a busy machine; Node's garbage collector threads count too).
Kredo's timed loop starts from the files' bytes (``parse_credential`` + ``verify_credential``);
the reference's from parsed JSON.

Then Kredo verifies the same files in ``jobs`` worker processes (warmed, then timed, the best
of the same number of passes).
Without node and npm, the files are signed by Kredo instead and the reference side is left
out with the reason. A signature that does not hold stops the benchmark.
"""

from __future__ import annotations

import json
import multiprocessing
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

from tests.benchmarks.report import Figure
from tests.interop.digitalbazaar_packages import DIGITALBAZAAR_VC
from tests.interop.npm_install import NpmUnavailable, find_node_and_npm, install
from tests.robustness.corpus import ob3_document, signers

SECTION = "verification against the reference (@digitalbazaar/vc 7.3.0 in Node)"
SCRIPT = Path(__file__).with_name("reference_throughput.mjs")
ROUNDS = 3
NODE_TIMEOUT_SECONDS = 300


def measure(workdir: Path, count: int = 200, jobs: int = 2) -> list[Figure]:
    folder = workdir / "reference-ob3"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        node = _reference_ready()
    except NpmUnavailable as exc:
        print(f"[bench] the reference verifier is left out: {exc}", file=sys.stderr)
        node = None
    if node is not None:
        _node(node, "issue", str(count), str(folder))
        made_by = "@digitalbazaar/vc"
    else:
        _sign_with_kredo(folder, count)
        made_by = "Kredo (no node)"
    files = sorted(folder.glob("*.json"))
    raws = [path.read_bytes() for path in files]

    kredo, reference = Rate(0.0, 0.0), Rate(0.0, 0.0)
    for _ in range(ROUNDS):
        if node is not None:
            reference = reference.best(_reference_rate(node, folder))
        kredo = kredo.best(kredo_rate(raws))
    pool_rate = kredo_rate_in_processes(files, jobs)

    name = f"OB3 eddsa-rdfc-2022, {count} files made by {made_by}"
    figures = [Figure(SECTION, f"{name}: Kredo, one process", kredo.wall, "/s",
                      higher_is_better=True)]
    if node is not None:
        figures += [
            Figure(SECTION, f"{name}: reference, one Node process", reference.wall, "/s",
                   higher_is_better=True),
            Figure(SECTION, "Kredo ÷ reference, one process each", kredo.wall / reference.wall,
                   "×", target=2.0, higher_is_better=True),
            Figure(SECTION, "Kredo by CPU time, one process", kredo.cpu, "/s",
                   higher_is_better=True),
            Figure(SECTION, "reference by CPU time, one Node process", reference.cpu, "/s",
                   higher_is_better=True),
            Figure(SECTION, "Kredo ÷ reference, by CPU time (steadier under load)",
                   kredo.cpu / reference.cpu, "×", higher_is_better=True),
        ]
    figures.append(Figure(SECTION, f"{name}: Kredo, {jobs} worker processes", pool_rate, "/s",
                          higher_is_better=True))
    return figures


@dataclass(frozen=True)
class Rate:
    """Credentials per second by the clock and by the process's CPU time (which other work
    on the machine disturbs less)."""

    wall: float
    cpu: float

    def best(self, other: Rate) -> Rate:
        return Rate(max(self.wall, other.wall), max(self.cpu, other.cpu))


def _reference_ready() -> str:
    node, _ = find_node_and_npm()
    folder = install("digitalbazaar-vc", DIGITALBAZAAR_VC)
    shutil.copyfile(SCRIPT, folder / SCRIPT.name)  # next to node_modules, where imports resolve
    return node


def _node(node: str, *args: str) -> dict[str, Any]:
    folder = install("digitalbazaar-vc", DIGITALBAZAAR_VC)
    completed = subprocess.run([node, str(folder / SCRIPT.name), *args], cwd=folder,
                               capture_output=True, text=True, timeout=NODE_TIMEOUT_SECONDS,
                               check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"the reference script failed: {completed.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(completed.stdout)
    return result


def _reference_rate(node: str, folder: Path) -> Rate:
    result = _node(node, "verify", str(folder))
    if result["verified"] != result["count"]:
        raise RuntimeError(f"the reference verified {result['verified']} of {result['count']}")
    count = float(result["count"])
    return Rate(count / float(result["seconds"]), count / float(result["cpuSeconds"]))


def _sign_with_kredo(folder: Path, count: int) -> None:
    keys = signers()
    for n in range(count):
        raw = keys.data_integrity(ob3_document(keys.ed_did, n), "eddsa-rdfc-2022")
        (folder / f"ob3-{n:04d}.json").write_bytes(raw)


def kredo_rate(raws: list[bytes]) -> Rate:
    """Credentials per second, one process: parse and verify each file's bytes."""
    _verify_bytes(raws[0])  # warm: imports, contexts
    started, cpu_started = time.perf_counter(), time.process_time()
    for raw in raws:
        _verify_bytes(raw)
    cpu = time.process_time() - cpu_started
    return Rate(len(raws) / (time.perf_counter() - started), len(raws) / cpu)


def _verify_bytes(raw: bytes) -> None:
    from wallet.formats import parse_credential
    from wallet.verify.engine import verify_credential
    from wallet.verify.options import VerifyOptions
    from wallet.verify.report import CheckStatus

    report = verify_credential(parse_credential(raw), options=VerifyOptions())
    signature = report.check("signature")
    if signature is None or signature.status is not CheckStatus.OK:
        raise RuntimeError(f"a signature did not hold: {signature}")


def kredo_rate_in_processes(files: list[Path], jobs: int) -> float:
    """Credentials per second with ``jobs`` worker processes, each warmed before the clock
    starts (the pool's start-up is not in the figure); the best of ``ROUNDS`` passes."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(jobs)
    paths = [str(path) for path in files]
    best = 0.0
    with context.Pool(jobs, initializer=_warm_worker, initargs=(paths[0], barrier)) as pool:
        pool.map(_ready, range(jobs), chunksize=1)  # returns once every worker passed the barrier
        for _ in range(ROUNDS):
            started = time.perf_counter()
            pool.map(_verify_file, paths, chunksize=8)
            best = max(best, len(files) / (time.perf_counter() - started))
    return best


def _warm_worker(first: str, barrier: Barrier) -> None:
    _verify_file(first)
    barrier.wait()


def _ready(_: int) -> None:
    return None


def _verify_file(path: str) -> None:
    _verify_bytes(Path(path).read_bytes())
