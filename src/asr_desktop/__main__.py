"""``python -m asr_desktop`` opens the desktop app (``--demo`` for the demo database)."""

import sys

from asr_desktop.ui.app import main

sys.exit(main())
