"""``python -m namematch`` and the ``namematch`` command: :func:`namematch.cli.main`.

This module is the command's entry point, kept small: its first statements make a
Ctrl-C while the command's modules are still loading end the process quietly with
exit code 130, instead of a ``KeyboardInterrupt`` traceback (:func:`namematch.cli.main`
takes over from there).
"""

import signal
import sys


def _interrupted(signum: int, frame: object) -> None:
    print("namematch: interrupted", file=sys.stderr)
    raise SystemExit(130)


if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not when the caller ignores SIGINT
    signal.signal(signal.SIGINT, _interrupted)


def main() -> int:
    """Run the ``namematch`` command with ``sys.argv``; returns the exit code."""
    from namematch.cli import main as run

    return run()


if __name__ == "__main__":
    raise SystemExit(main())
