import sys

from .cli import main

# Guarded: worker processes started by "spawn" (Dask's local scheduler) import this module.
if __name__ == "__main__":
    sys.exit(main())
