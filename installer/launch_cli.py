"""Entry point of the frozen ``asr-cli`` executable (PyInstaller needs a script)."""

import sys

from asr_desktop.cli import main

sys.exit(main())
