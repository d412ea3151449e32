"""Entry point of the frozen ``kredo`` command (PyInstaller needs a script, not a function)."""

import sys

from wallet.cli import main

sys.exit(main())
