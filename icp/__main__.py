import sys

from icp.cli import main

if __name__ == "__main__":  # the file worker's processes import this module as __mp_main__
    sys.exit(main())
