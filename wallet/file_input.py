"""Reading input files with the input cap: one file, a folder's files, a stream."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from wallet.errors import InputTooLarge, WalletError
from wallet.limits import MAX_INPUT_BYTES
from wallet.translation import tr


def iter_input_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and every file below named folders (sorted, links not followed)."""
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    yield Path(root) / name
        else:
            yield path


def read_limited(path: Path) -> bytes:
    """Read a file, refusing anything above the input cap without reading it whole."""
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputTooLarge(_too_large(size))
        with path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise WalletError(tr("The file {name} does not exist.", name=path.name)) from None
    except IsADirectoryError:
        raise WalletError(tr("{name} is a folder.", name=path.name)) from None
    except PermissionError:
        raise WalletError(
            tr("Kredo may not read {name} (permission denied).", name=path.name)
        ) from None
    except OSError as exc:
        raise WalletError(
            tr("{name} could not be read ({reason}).", name=path.name, reason=exc.strerror)
        ) from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLarge(_too_large(len(data)))
    return data


def read_stream_limited(read: Callable[[int], bytes]) -> bytes:
    data = read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLarge(_too_large(len(data)))
    return data


def _too_large(size: int) -> str:
    return tr(
        "The file is larger than {limit} MB, the limit for one credential (it has {size} MB "
        "or more).",
        limit=MAX_INPUT_BYTES // (1024 * 1024), size=size // (1024 * 1024),
    )
