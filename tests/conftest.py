"""Test-wide setup: headless Qt and a read-only pythainlp, set before anything imports them."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
