"""Frozen entry point of the windowed program ``redactor-gui`` (redactor.cli:gui_main)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # Export runs in worker processes; a frozen child must stop here, not open a window.
    multiprocessing.freeze_support()
    from redactor.cli import gui_main

    sys.exit(gui_main())
