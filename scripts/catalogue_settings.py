"""Settings for `fill_catalogue.py --check`: the project's, with the catalogue written to a scratch directory."""

import os
from pathlib import Path

from alliance.settings import *  # noqa: F403

LOCALE_PATHS = [Path(os.environ["ALLIANCE_LOCALE_DIR"])]
