"""Start the real ``kredo`` command in a child process (guarded, headless, no prompts)."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.robustness.guarded_cli import BATCH, MARKER, SEPARATOR
from tests.robustness.wallets import BACKUP_PASSPHRASE, PASSPHRASE

REPO_ROOT = Path(__file__).resolve().parents[2]


def kredo_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KREDO_")}
    env.update({
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "KREDO_PASSPHRASE": PASSPHRASE,
        "KREDO_BACKUP_PASSPHRASE": BACKUP_PASSPHRASE,
        "PYTHONUNBUFFERED": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
    })
    env.update(extra)
    return env


def kredo_command(home: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "tests.robustness.guarded_cli", "--home", str(home), *args]


def start_kredo(home: Path, *args: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(kredo_command(home, *args), cwd=REPO_ROOT, env=kredo_env(**env),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run_kredo(home: Path, *args: str, timeout: float = 120,
              **env: str) -> subprocess.CompletedProcess[str]:
    # Undecodable bytes (a file name from the file system) are read as \xNN, not an error.
    result = subprocess.run(kredo_command(home, *args), cwd=REPO_ROOT, env=kredo_env(**env),
                            capture_output=True, text=True, errors="backslashreplace",
                            timeout=timeout, check=False)
    assert MARKER not in result.stderr, result.stderr
    assert "Traceback" not in result.stderr or "--debug" in args, result.stderr
    return result


def run_kredo_batch(commands: list[list[str]], batch_file: Path,
                    **env: str) -> list[tuple[int, str, str]]:
    """Run many ``kredo`` commands in one child process: (exit code, stdout, stderr) each."""
    batch_file.write_text(json.dumps(commands), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tests.robustness.guarded_cli", BATCH, str(batch_file)],
        cwd=REPO_ROOT, env=kredo_env(**env), capture_output=True, text=True, timeout=600,
        check=False)
    assert result.returncode == 0, result.stderr
    assert MARKER not in result.stderr, result.stderr
    # Each stream: output 0, "<RS>EXIT c0\n", output 1, "<RS>EXIT c1\n", ...
    outs, errs = result.stdout.split(SEPARATOR), result.stderr.split(SEPARATOR)
    assert len(outs) == len(errs) == len(commands) + 1, result.stderr[-2000:]
    codes = [int(part.split("\n", 1)[0].removeprefix("EXIT ")) for part in outs[1:]]
    outputs = [outs[0], *(part.split("\n", 1)[1] for part in outs[1:-1])]
    errors = [errs[0], *(part.split("\n", 1)[1] for part in errs[1:-1])]
    return list(zip(codes, outputs, errors, strict=True))


# --- under a memory limit -----------------------------------------------------------------

# Address space for a child: pdfium, Pillow and zxing-cpp need about 0.7 GiB of mappings
# before reading anything, so 1.5 GiB leaves room for work and none for a gigabyte.
ADDRESS_SPACE = 3 * 1024 * 1024 * 1024 // 2
MIB = 1024 * 1024


@dataclass(frozen=True)
class LimitedRun:
    returncode: int
    stdout: str
    stderr: str
    peak_rss: int  # bytes, this child alone (from wait4)
    seconds: float


def run_kredo_limited(home: Path, *args: str, timeout: float = 120,
                      address_space: int = ADDRESS_SPACE, **env: str) -> LimitedRun:
    """``kredo ARGS`` in a child whose address space is capped (``RLIMIT_AS``), so an unbounded
    allocation fails there instead of passing on a large machine; its own peak RSS measured."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))

    started = time.monotonic()
    child = subprocess.Popen(kredo_command(home, *args), cwd=REPO_ROOT, env=kredo_env(**env),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             preexec_fn=limit)  # noqa: PLW1509 - no threads run code in between
    outputs: dict[str, bytes] = {}
    readers = [threading.Thread(target=lambda n=name, s=stream: outputs.__setitem__(n, s.read()))
               for name, stream in (("out", child.stdout), ("err", child.stderr))]
    for reader in readers:
        reader.start()
    status, usage = _wait_with_timeout(child, started + timeout)
    for reader in readers:
        reader.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    stderr = outputs["err"].decode("utf-8", "replace")
    assert MARKER not in stderr, stderr
    return LimitedRun(child.returncode, outputs["out"].decode("utf-8", "replace"), stderr,
                      usage.ru_maxrss * 1024, time.monotonic() - started)


def _wait_with_timeout(child: subprocess.Popen[bytes],
                       deadline: float) -> tuple[int, resource.struct_rusage]:
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid == child.pid:
            return status, usage
        if time.monotonic() > deadline:
            child.kill()
            _pid, status, usage = os.wait4(child.pid, 0)
            child.returncode = os.waitstatus_to_exitcode(status)
            raise AssertionError(f"kredo did not finish in time (killed): {child.args}")
        time.sleep(0.02)
