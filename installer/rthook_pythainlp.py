"""PyInstaller runtime hook: runs before any app code in both executables.

pythainlp creates a data folder in the user's home directory on import unless it is read
only; the frozen app ships the few corpus files it needs inside the bundle.
"""

import os

os.environ["PYTHAINLP_READ_ONLY"] = "1"
