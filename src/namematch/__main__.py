"""``python -m namematch``: the command-line interface."""

from namematch.cli import main

raise SystemExit(main())
