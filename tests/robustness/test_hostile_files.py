"""Hostile files and names in a folder: every good file imported, every bad one named in a
sentence, nothing hangs.

Before: a named pipe in a folder hung ``import``, ``verify`` and ``scan`` forever (``open`` of a
FIFO waits for a writer); a file name from a ZIP made on Windows (cp1250 bytes, not UTF-8)
crashed the import with ``UnicodeEncodeError`` when its name was stored, stopping every file
after it; a 5,000-digit integer did the same with ``ValueError``.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
from pathlib import Path

import pytest

from tests.robustness.processes import run_kredo
from tests.robustness.wallets import new_wallet, open_test_wallet
from wallet.errors import InputTooLarge, WalletError
from wallet.file_input import display_name, iter_input_files, read_limited
from wallet.terminal_text import escape_surrogates, terminal_text

VECTORS = Path(__file__).resolve().parents[1] / "assets" / "vectors" / "w3c"
REGRESSIONS = Path(__file__).resolve().parent / "regressions"
GOOD = ("eddsa-rdfc-2022-signedDataInt.json", "ecdsa-rdfc-2019-p256-signedECDSAP256.json",
        "ed25519signature2020-signedEdSig.json")
CP1250_NAME = b"zkou\x9aka z lo\x9d\xe1k\xf9.json"  # "zkouška z loďáků.json" in cp1250


def _read_in_a_thread(path: Path) -> BaseException | bytes | None:
    """What ``read_limited`` gives within 10 s, or None when it is still blocked."""
    outcome: list[BaseException | bytes] = []

    def read() -> None:
        try:
            outcome.append(read_limited(path))
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(10)
    return outcome[0] if outcome else None


def test_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    # GIVEN a FIFO nobody writes to (open() of it blocked forever)
    pipe = tmp_path / "credential.json"
    os.mkfifo(pipe)
    # WHEN it is read / THEN a sentence, at once
    outcome = _read_in_a_thread(pipe)
    assert isinstance(outcome, WalletError), outcome
    assert outcome.message == ("credential.json is not an ordinary file (a named pipe); Kredo "
                               "reads only ordinary files.")


def test_a_device_a_socket_and_a_folder_are_refused(tmp_path: Path) -> None:
    assert "(a device)" in str(_read_in_a_thread(Path("/dev/zero")))
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "s.sock"))
        assert "(a socket)" in str(_read_in_a_thread(tmp_path / "s.sock"))
    finally:
        server.close()
    assert str(_read_in_a_thread(tmp_path)) == f"{tmp_path.name} is a folder."


def test_a_slow_read_is_given_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a file of several read chunks and a time bound already over after the first
    # (a file on a stalled network share never ends within the bound)
    big = tmp_path / "slow.json"
    big.write_bytes(b" " * (3 * 1024 * 1024))
    monkeypatch.setattr("wallet.file_input.MAX_READ_SECONDS", 0)
    # THEN the read stops with a sentence
    outcome = _read_in_a_thread(big)
    assert isinstance(outcome, WalletError)
    assert outcome.message == "Reading slow.json took longer than 0 seconds; Kredo stopped."


def test_the_size_is_checked_on_the_opened_file(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(17 * 1024 * 1024)
    assert isinstance(_read_in_a_thread(big), InputTooLarge)


def test_names_that_are_not_utf8_are_shown_escaped(tmp_path: Path) -> None:
    # GIVEN a file whose name is cp1250 bytes (Python holds them as lone surrogates)
    path = Path(os.fsdecode(bytes(tmp_path) + b"/" + CP1250_NAME))
    path.write_bytes(b"{}")
    # THEN the walk yields it, its name prints and stores escaped, and it is read
    assert list(iter_input_files([tmp_path])) == [path]
    assert display_name(path) == "zkou\\x9aka z lo\\x9d\\xe1k\\xf9.json"
    assert read_limited(path) == b"{}"
    missing = Path(os.fsdecode(b"chyb\xec.json"))
    with pytest.raises(WalletError, match=r"The file chyb\\xec.json does not exist."):
        read_limited(missing)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may list any folder")
def test_a_folder_that_cannot_be_listed_is_reported_and_the_walk_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(b"{}")
    locked = tmp_path / "b-locked"
    locked.mkdir()
    (tmp_path / "c.json").write_bytes(b"{}")
    locked.chmod(0)
    try:
        files = list(iter_input_files([tmp_path]))
        assert files == [tmp_path / "a.json", tmp_path / "c.json", locked]
        with pytest.raises(WalletError, match="may not read the folder b-locked"):
            read_limited(locked)
    finally:
        locked.chmod(0o700)


def test_terminal_text_shows_what_is_there() -> None:
    # A fake verdict line: carriage return, cursor up, erase line, green, a tick.
    fake = "Alumni\r\x1b[1A\x1b[2K\x1b[32m✔ issuer on the EU trusted list\x1b[0m"
    assert terminal_text(fake) == (
        "Alumni\\r\\x1b[1A\\x1b[2K\\x1b[32m✔ issuer on the EU trusted list\\x1b[0m")
    # bidi override (shows "txt.exe" as "exe.txt"), C1 CSI, line separator, newline, tab
    assert terminal_text("a\u202etxt.exe\u2066b\u2069") == "a\\u202etxt.exe\\u2066b\\u2069"
    assert terminal_text("x\x9b31my\u2028z\n\tw") == "x\\x9b31my\\u2028z\\n\\tw"
    assert terminal_text("first line\n\tsecond", multiline=True) == "first line\n\tsecond"
    assert terminal_text("a\rb", multiline=True) == "a\\rb"
    # undecodable file-name bytes, and half a UTF-16 pair
    assert terminal_text(os.fsdecode(b"caf\xe9")) == "caf\\xe9"
    assert terminal_text("\ud800") == "\\ud800"
    # ordinary text, Czech, emoji with a zero-width joiner: untouched
    for text in ("Základy programování — 4 ECTS", "👩‍🎓 Mgr. Jana Nováková", "a\\x1b"):
        assert terminal_text(text) == text
    assert escape_surrogates(os.fsdecode(b"\x1b[31m\xff")) == "\x1b[31m\\xff"


@pytest.mark.slow
def test_a_folder_mixing_hostile_and_good_files_imports_every_good_file(tmp_path: Path) -> None:
    # GIVEN a folder as it comes out of a stranger's ZIP: good credentials, one under a
    # cp1250 name, a named pipe, JSON Python's reader chokes on, and a PDF bomb
    folder = tmp_path / "from-a-zip"
    folder.mkdir()
    shutil.copy(VECTORS / GOOD[0], folder / "a-good.json")
    shutil.copy(VECTORS / GOOD[1], Path(os.fsdecode(bytes(folder) + b"/" + CP1250_NAME)))
    os.mkfifo(folder / "m-pipe.json")
    for name in ("json-integer-5000-digits.json", "json-lone-surrogate.json",
                 "json-float-overflow.json"):
        shutil.copy(REGRESSIONS / name, folder / f"n-{name}")
    shutil.copy(VECTORS / GOOD[2], folder / "z-good.json")
    home = tmp_path / "home"
    new_wallet(home)
    # WHEN the folder is imported
    result = run_kredo(home, "import", str(folder), timeout=60)
    output = result.stdout + result.stderr
    # THEN every good file is in, each bad one has its sentence, and nothing crashed
    assert result.returncode == 2, output
    assert "Traceback" not in output
    for sentence in ("is not an ordinary file (a named pipe)",
                     "holds a number with more than 4,300 digits",
                     "holds a broken character (half of a UTF-16 surrogate pair)",
                     "JSON holds a number too large to read"):
        assert sentence in output, output
    with open_test_wallet(home) as wallet:
        sources = {wallet.repository.get(i).source for i in wallet.repository.ids()}
    assert {Path(s).name for s in sources} == {
        "a-good.json", "zkou\\x9aka z lo\\x9d\\xe1k\\xf9.json", "z-good.json"}
