"""Frozen entry point of the console program ``redactor`` (redactor.cli:main)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # Export runs in worker processes; a frozen child must stop here, not start the CLI.
    multiprocessing.freeze_support()
    from redactor.cli import main

    sys.exit(main())
