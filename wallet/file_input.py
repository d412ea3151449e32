"""Reading input files with the input cap: one file, a folder's files, a stream.

Files come from strangers (a folder unpacked from a ZIP, a download), so:

* only regular files are opened: a named pipe would block forever, a device has no end; each
  is refused with a sentence, and the file is opened with ``O_NONBLOCK`` so even one swapped
  in after the check cannot block the open;
* a read has a time bound (``MAX_READ_SECONDS``) besides the size cap;
* a name the file system gives as bytes that are not UTF-8 (Python holds them as lone
  surrogates) is shown with those bytes escaped (:func:`display_name`), never as a crash;
* a folder that cannot be listed is yielded itself, so its reader reports it and the walk
  goes on.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from wallet.errors import InputTooLarge, WalletError
from wallet.limits import MAX_INPUT_BYTES, MAX_READ_SECONDS
from wallet.terminal_text import terminal_text
from wallet.translation import tr

_CHUNK = 1024 * 1024


def display_name(path: Path) -> str:
    """The file's name as it may be printed or stored: undecodable bytes and control
    characters shown escaped (``caf\\xe9.json``)."""
    return terminal_text(path.name or str(path))


def display_path(path: Path) -> str:
    """The whole path, escaped the same way."""
    return terminal_text(str(path))


def iter_input_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and every file below named folders (sorted, links not followed).

    A folder that cannot be listed is yielded itself: :func:`read_limited` then says why.
    """
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        yield from _walk(path)


def _walk(folder: Path) -> Iterator[Path]:
    unreadable: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=False,
                                     onerror=lambda exc: unreadable.append(Path(exc.filename))):
        yield from unreadable
        unreadable.clear()
        dirs.sort()
        for name in sorted(files):
            yield Path(root) / name
    yield from unreadable


def read_limited(path: Path) -> bytes:
    """Read a regular file, refusing anything above the input cap without reading it whole,
    anything that is not a regular file, and a read that takes longer than the time bound."""
    name = display_name(path)
    try:
        _check_kind(path, path.stat(), name)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
                     | getattr(os, "O_BINARY", 0))
        try:
            info = os.fstat(fd)
            _check_kind(path, info, name)  # the same file as checked, not one swapped in
            if info.st_size > MAX_INPUT_BYTES:
                raise InputTooLarge(_too_large(info.st_size))
            data = _read_within_time(fd, name)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise WalletError(tr("The file {name} does not exist.", name=name)) from None
    except PermissionError:
        raise WalletError(
            tr("Kredo may not read {name} (permission denied).", name=name)
        ) from None
    except OSError as exc:
        raise WalletError(
            tr("{name} could not be read ({reason}).", name=name, reason=exc.strerror)
        ) from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLarge(_too_large(len(data)))
    return data


def read_stream_limited(read: Callable[[int], bytes]) -> bytes:
    data = read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLarge(_too_large(len(data)))
    return data


def _check_kind(path: Path, info: os.stat_result, name: str) -> None:
    if stat.S_ISREG(info.st_mode):
        return
    if stat.S_ISDIR(info.st_mode):
        if not os.access(path, os.R_OK | os.X_OK):
            raise WalletError(tr("Kredo may not read the folder {name} (permission denied).",
                                 name=name))
        raise WalletError(tr("{name} is a folder.", name=name))
    raise WalletError(
        tr("{name} is not an ordinary file ({kind}); Kredo reads only ordinary files.",
           name=name, kind=_kind_of(info.st_mode)))


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return tr("a named pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return tr("a device")
    if stat.S_ISSOCK(mode):
        return tr("a socket")
    return tr("something else")


def _read_within_time(fd: int, name: str) -> bytes:
    """Up to the cap plus one byte, in chunks, giving up once the time bound has passed (a
    file on a stalled network share). A single stalled read cannot be interrupted here."""
    deadline = time.monotonic() + MAX_READ_SECONDS
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_INPUT_BYTES:
        chunk = os.read(fd, min(_CHUNK, MAX_INPUT_BYTES + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if time.monotonic() > deadline:
            raise WalletError(tr("Reading {name} took longer than {seconds} seconds; Kredo "
                                 "stopped.", name=name, seconds=MAX_READ_SECONDS))
    return b"".join(chunks)


def _too_large(size: int) -> str:
    return tr(
        "The file is larger than {limit} MB, the limit for one credential (it has {size} MB "
        "or more).",
        limit=MAX_INPUT_BYTES // (1024 * 1024), size=size // (1024 * 1024),
    )
