"""Entry point of the frozen ``ASR Desktop`` executable (PyInstaller needs a script)."""

import sys

from asr_desktop.ui.app import main

sys.exit(main())
