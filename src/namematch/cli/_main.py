"""The ``namematch`` command's parser and entry point (part of :mod:`namematch.cli`): arguments
decoded as UTF-8, every error one line on stderr with an exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import signal
import sys
from collections.abc import Sequence

import namematch
from namematch.cli import _fit, _link, _names, _resolve, _score
from namematch.cli._io import CLIError, printable
from namematch.cli._options import Parser

EXIT_USAGE = 2
EXIT_ERROR = 1
EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug in namematch, reported in one line
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``namematch`` command."""
    from namematch import _build

    parser = Parser(
        prog="namematch",
        description="Resolve person names across Arabic, Persian and Latin script.",
        epilog="Every command that reads names or text reads standard input for '-'.\n"
               "Scores and thresholds are on a 0-1 scale.",
    )
    parser.add_argument("--version", action="version", version=f"namematch {namematch.__version__} ({_build.describe()})",
                        help="print the version and the build (compiled or pure Python), then exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in (_names, _score, _resolve, _link, _fit):
        module.add_commands(sub)
    _link.add_demo(sub)
    return parser


def _options_of(parser: argparse.ArgumentParser) -> list[str]:
    return [o for action in parser._actions for o in action.option_strings]


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """Parse ``argv``; an unknown option is reported as unknown (with the closest real one)
    before any missing-argument message."""
    args, extras = parser.parse_known_args(argv)
    if extras:
        command = getattr(args, "command", None)
        target = parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction) and command in action.choices:
                target = action.choices[command]
        unknown = [e for e in extras if e.startswith("-") and e != "-"]
        if unknown:
            first = unknown[0].split("=", 1)[0]
            close = difflib.get_close_matches(first, _options_of(target), n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            target.error(f"unknown option {printable(unknown[0])}{hint}")
        target.error(f"unexpected arguments: {' '.join(printable(e) for e in extras)}")
    return args


def _decoded_argv(argv: Sequence[str]) -> list[str]:
    """The arguments as UTF-8 text whatever the locale. Python decodes them with the
    locale's encoding and passes undecodable bytes on as lone surrogates: recover the
    bytes and decode them as UTF-8; bytes that are not UTF-8 are refused, never echoed."""
    out = []
    for n, arg in enumerate(argv, 1):
        try:
            raw = os.fsencode(arg)
        except UnicodeError:  # text the locale cannot encode: it came in as text, keep it
            out.append(arg)
            continue
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise CLIError(f"argument {n} is not valid UTF-8: {printable(raw.decode('utf-8', 'surrogateescape'))}") from None
    return out


def _utf8_streams() -> None:
    """Write UTF-8 whatever the locale; stderr shows anything unencodable as escapes."""
    for stream, errors in ((sys.stdout, "strict"), (sys.stderr, "backslashreplace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            if (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8" or stream is sys.stderr:
                reconfigure(encoding="utf-8", errors=errors)
        except (ValueError, OSError, io.UnsupportedOperation):
            pass


def _run(argv: Sequence[str] | None) -> int:
    _utf8_streams()
    argv = _decoded_argv(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = _parse(parser, argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    return int(args.func(args))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    try:
        if getattr(signal.getsignal(signal.SIGINT), "__module__", None) == "namematch.__main__":
            signal.signal(signal.SIGINT, signal.default_int_handler)  # from here on: KeyboardInterrupt
        return _run(argv)
    except SystemExit as exc:  # argparse: --help, --version, usage errors (already printed)
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else EXIT_USAGE)
    except KeyboardInterrupt:
        _quiet_exit("namematch: interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): stop quietly
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 128 + getattr(signal, "SIGPIPE", 13)
    except CLIError as exc:
        _quiet_exit(f"namematch: error: {exc}")
        return EXIT_ERROR
    except (OSError, ValueError, UnicodeError) as exc:
        _quiet_exit(f"namematch: error: {printable(str(exc))}")
        return EXIT_ERROR
    except (RecursionError, MemoryError) as exc:
        _quiet_exit(f"namematch: error: input too large or too deeply nested ({type(exc).__name__})")
        return EXIT_ERROR
    except Exception as exc:  # a bug: one line, never a traceback
        _quiet_exit(f"namematch: internal error: {type(exc).__name__}: {printable(str(exc))} (please report it)")
        return EXIT_INTERNAL


def _quiet_exit(message: str) -> None:
    """Print ``message`` on stderr; a Ctrl-C while doing so does not add a traceback."""
    try:
        try:
            sys.stdout.flush()
        except (OSError, ValueError):
            pass
        print(message, file=sys.stderr)
    except KeyboardInterrupt:
        pass
