"""Entry point of the frozen ``kredo-gui`` app (PyInstaller needs a script, not a function)."""

import sys

from ui.app import main

sys.exit(main())
