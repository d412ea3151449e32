"""Figures that need a process of their own: start to first paint, and peak memory.

``kredo-gui --screenshot`` (offscreen) starts the real app: Python and Qt start, the wallet
is unlocked (passphrase, production Argon2id), the main window loads the list on its worker
and is painted into a PNG; the process then exits. Its wall time from spawn to exit is the
start-to-first-paint figure (it includes the exit). The child reports its memory once
painted: RSS then, and the peak (VmHWM; usually Argon2id's 64 MiB during the unlock).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.report import Figure
from tests.benchmarks.wallets import PASSPHRASE

SECTION = "desktop app (offscreen)"
REPO_ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KREDO_")}
    env.update({"QT_QPA_PLATFORM": "offscreen", "KREDO_PASSPHRASE": PASSPHRASE,
                "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    return env


def _run(command: list[str]) -> tuple[float, str]:
    """(wall seconds, stderr) of one child process run to its end."""
    started = time.perf_counter()
    child = subprocess.run(command, cwd=REPO_ROOT, env=_env(), stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - started
    err = child.stderr.decode("utf-8", "replace")
    if child.returncode != 0:
        raise RuntimeError(f"{command[2:4]} failed ({child.returncode}): {err[-2000:]}")
    return elapsed, err


# The real entry point, then the kernel's view of its memory once the window was painted.
_GUI = ("import sys; from ui.app import main; code = main(sys.argv[1:]); "
        "sys.stderr.write(open('/proc/self/status').read()); sys.exit(code)")


def _status_mib(status: str, field: str) -> float:
    for line in status.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def gui_start(homes: dict[int, Path], workdir: Path, repeats: int = 3) -> list[Figure]:
    figures = []
    for count, home in sorted(homes.items()):
        runs = [_run([sys.executable, "-c", _GUI, "--home", str(home), "--screenshot",
                      str(workdir / f"first-paint-{count}.png")]) for _ in range(repeats)]
        best = min(seconds for seconds, _err in runs)
        after = max(_status_mib(err, "VmRSS") for _s, err in runs)
        # VmHWM, not the rusage of wait4: ru_maxrss starts from the parent's RSS at fork.
        peak = max(_status_mib(err, "VmHWM") for _s, err in runs)
        big = count == 10_000
        figures += [
            Figure(SECTION, f"start to first paint, {count:,} credentials (best of {repeats})",
                   best, "s", target=0.8 if big else None),
            Figure(SECTION, f"RSS after first paint, {count:,} credentials", after, "MiB"),
            Figure(SECTION, f"peak RSS, {count:,} credentials", peak, "MiB",
                   target=250.0 if big else None),
        ]
    return figures


def python_start() -> list[Figure]:
    """What any start pays before Kredo's own code: the interpreter, and Qt's import."""
    bare = _run([sys.executable, "-c", "pass"])[0]
    qt = _run([sys.executable, "-c", "import PySide6.QtWidgets"])[0]
    cli = _run([sys.executable, "-c", "import sys; from wallet.cli import main; "
                "sys.exit(main(['list', '--help']))"])[0]
    return [Figure(SECTION, "python -c pass", bare, "s"),
            Figure(SECTION, "python -c 'import PySide6.QtWidgets'", qt, "s"),
            Figure(SECTION, "kredo list --help (the CLI's imports)", cli, "s")]
