"""``kredo --version``: the multi-line component report, gathered only when asked for.

argparse's own ``version`` action takes a ready string when the parser is built; gathering it
means opening SQLCipher and reading the trust snapshot, which no other command should pay for.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from wallet.app.version_info import version_lines


class PrintVersionAction(argparse.Action):
    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", "show the versions of Kredo and its parts, then exit")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        sys.stdout.write("\n".join(version_lines()) + "\n")
        sys.stdout.flush()
        parser.exit(0)
