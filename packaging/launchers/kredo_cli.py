"""Entry point of the frozen ``kredo`` command (PyInstaller needs a script, not a function)."""

import multiprocessing
import sys

from wallet.cli import main

# `kredo verify` on many files starts worker processes; where they are spawned (Windows,
# macOS), a frozen worker must run the worker, not the command again.
multiprocessing.freeze_support()
sys.exit(main())
