"""The frozen app's entry script: the same `clinic-app` launcher as the installed console script."""

import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
