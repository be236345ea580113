import sys

from asr_desktop.cli import main

sys.exit(main())
