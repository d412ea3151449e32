"""Figures that need a process of their own: start to first paint, and peak memory.

``kredo-gui --screenshot`` (offscreen) starts the real app: Python and Qt start, the wallet
is unlocked (passphrase, production Argon2id), the main window loads the list on its worker
and is painted into a PNG; the process then exits. The child says on stderr when the PNG is
written: the wall time from spawn to that line is the start-to-first-paint figure; spawn to
exit is measured too (it adds the worker's shutdown and Python's exit). The child reports
its memory once painted: RSS then, and the peak (VmHWM; usually Argon2id's 64 MiB during the
unlock).

The children run as an installed app does: from byte-compiled modules (pip and PyInstaller
compile them at install). Their bytecode cache lives in the bench's temporary folder, filled
by one untimed run first; ``PYTHONDONTWRITEBYTECODE`` in the caller's environment would
otherwise make every timed start compile Kredo's sources again (0.1 s of each GUI start).
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


def _env(workdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("KREDO_") and k != "PYTHONDONTWRITEBYTECODE"}
    env.update({"QT_QPA_PLATFORM": "offscreen", "KREDO_PASSPHRASE": PASSPHRASE,
                "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
                "PYTHONPYCACHEPREFIX": str(workdir / "pycache")})
    return env


def _run(command: list[str], workdir: Path) -> tuple[float, str]:
    """(wall seconds, stderr) of one child process run to its end."""
    started = time.perf_counter()
    child = subprocess.run(command, cwd=REPO_ROOT, env=_env(workdir),
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - started
    err = child.stderr.decode("utf-8", "replace")
    if child.returncode != 0:
        raise RuntimeError(f"{command[2:4]} failed ({child.returncode}): {err[-2000:]}")
    return elapsed, err


PAINTED = "kredo-bench: painted"

# The real entry point; once the window is painted into the PNG, a line that says so and the
# kernel's view of the memory.
_GUI = f"""
import sys
import ui.app

def painted(*args, **kwargs):
    written = take_screenshot(*args, **kwargs)
    sys.stderr.write("{PAINTED}\\n" + open("/proc/self/status").read())
    sys.stderr.flush()
    return written

take_screenshot, ui.app.take_screenshot = ui.app.take_screenshot, painted
sys.exit(ui.app.main(sys.argv[1:]))
"""


def _run_gui(command: list[str], workdir: Path) -> tuple[float, float, str]:
    """(seconds to the painted line, seconds to exit, stderr) of one start of the app."""
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=REPO_ROOT, env=_env(workdir),
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    painted = float("nan")
    lines = []
    for raw in child.stderr:
        line = raw.decode("utf-8", "replace")
        if line.startswith(PAINTED):
            painted = time.perf_counter() - started
        lines.append(line)
    code = child.wait()
    exited = time.perf_counter() - started
    err = "".join(lines)
    if code != 0 or painted != painted:  # NaN: never painted
        raise RuntimeError(f"kredo-gui failed ({code}): {err[-2000:]}")
    return painted, exited, err


def _status_mib(status: str, field: str) -> float:
    for line in status.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def gui_start(homes: dict[int, Path], workdir: Path, repeats: int = 3) -> list[Figure]:
    figures = []
    for count, home in sorted(homes.items()):
        command = [sys.executable, "-c", _GUI, "--home", str(home), "--screenshot",
                   str(workdir / f"first-paint-{count}.png")]
        if not figures:
            _run_gui(command, workdir)  # untimed: fills the bytecode cache
        runs = [_run_gui(command, workdir) for _ in range(repeats)]
        best = min(painted for painted, _exited, _err in runs)
        to_exit = min(exited for _painted, exited, _err in runs)
        after = max(_status_mib(err, "VmRSS") for _p, _e, err in runs)
        # VmHWM, not the rusage of wait4: ru_maxrss starts from the parent's RSS at fork.
        peak = max(_status_mib(err, "VmHWM") for _p, _e, err in runs)
        big = count == 10_000
        figures += [
            Figure(SECTION, f"start to first paint, {count:,} credentials (best of {repeats})",
                   best, "s", target=0.8 if big else None),
            Figure(SECTION, f"start to exit, {count:,} credentials (best of {repeats})",
                   to_exit, "s"),
            Figure(SECTION, f"RSS after first paint, {count:,} credentials", after, "MiB"),
            Figure(SECTION, f"peak RSS, {count:,} credentials", peak, "MiB",
                   target=250.0 if big else None),
        ]
    return figures


def python_start(workdir: Path) -> list[Figure]:
    """What any start pays before Kredo's own code: the interpreter, and Qt's import; and
    the CLI's start (its parser of every command)."""
    cli_help = [sys.executable, "-c", "import sys; from wallet.cli import main; "
                "sys.exit(main(['list', '--help']))"]
    qt_import = [sys.executable, "-c", "import PySide6.QtWidgets"]
    for command in (cli_help, qt_import):
        _run(command, workdir)  # untimed: fills the bytecode cache
    bare = min(_run([sys.executable, "-c", "pass"], workdir)[0] for _ in range(3))
    qt = min(_run(qt_import, workdir)[0] for _ in range(3))
    cli = min(_run(cli_help, workdir)[0] for _ in range(3))
    return [Figure(SECTION, "python -c pass (best of 3)", bare, "s"),
            Figure(SECTION, "python -c 'import PySide6.QtWidgets' (best of 3)", qt, "s"),
            Figure(SECTION, "kredo list --help (the CLI's start, best of 3)", cli, "s")]
