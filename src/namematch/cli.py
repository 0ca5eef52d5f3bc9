"""The ``namematch`` command line (last stage: it only calls the public API).

Commands: ``normalize``, ``parse``, ``romanize``, ``keys``, ``score``,
``resolve``, ``cluster``, ``link``, ``demo``. Output is a readable table by
default, or ``--format jsonl|csv``. Errors end with a one-line message on
stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import namematch
from namematch import _build

__all__ = ["build_parser", "main"]

EXIT_USAGE = 2
EXIT_ERROR = 1


class CLIError(Exception):
    """An error to report as one line on stderr."""


# -- input -----------------------------------------------------------------


def _decode(raw: bytes, label: str) -> str:
    """Decode a whole input as UTF-8 (or UTF-16 with a BOM); CLIError saying where it fails."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise CLIError(f"{label}: not valid UTF-16 ({exc.reason})") from exc
    if b"\x00" in raw[:4096]:
        raise CLIError(f"{label}: binary file, expected UTF-8 text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CLIError(f"{label}:{line}: not valid UTF-8 ({exc.reason})") from exc


def _read_text_file(path: str) -> str:
    p = Path(path)
    if not p.exists():
        raise CLIError(f"{path}: no such file")
    if p.is_dir():
        raise CLIError(f"{path}: is a directory")
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise CLIError(f"{path}: cannot read ({exc.strerror})") from exc
    return _decode(raw, path)


def _read_stdin() -> str:
    """All of standard input, decoded like a file (the locale's decoding is not used)."""
    if sys.stdin is None:
        return ""
    buffer = getattr(sys.stdin, "buffer", None)
    return sys.stdin.read() if buffer is None else _decode(buffer.read(), "<stdin>")


def _stdin_lines() -> Iterator[str]:
    """Lines of standard input, read as they come, strictly UTF-8 whatever the locale
    (undecodable bytes would otherwise be echoed back as lone surrogates or raise)."""
    if sys.stdin is None:
        return
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # replaced by a text stream (tests, embedding)
        yield from sys.stdin
        return
    for n, raw in enumerate(buffer, 1):
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if b"\x00" in raw:
            raise CLIError(f"<stdin>:{n}: binary input (NUL byte), expected UTF-8 text")
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CLIError(f"<stdin>:{n}: not valid UTF-8 ({exc.reason})") from exc


def _names_from(args: argparse.Namespace) -> Iterator[str]:
    names = list(getattr(args, "names", []) or [])
    if not names or names == ["-"]:
        for line in _stdin_lines():
            line = line.rstrip("\r\n")
            if line.strip():
                yield line
        return
    yield from names


def _load_registry(path: str) -> namematch.Registry:
    p = Path(path)
    if not p.exists():
        raise CLIError(f"{path}: no such registry file")
    try:
        with open(p, "rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise CLIError(f"{path}: cannot read ({exc.strerror})") from exc
    try:
        if head == b"SQLite format 3\x00":
            return namematch.Registry.load(p)
        if p.suffix.lower() == ".csv":
            return namematch.Registry.from_csv(p)
        return namematch.Registry.from_jsonl(p)
    except namematch.RegistryError as exc:
        raise CLIError(f"bad registry: {exc}") from exc


# -- output ----------------------------------------------------------------


class _Out:
    """Writes rows as a table, JSON lines or CSV."""

    def __init__(self, fmt: str, columns: Sequence[str]):
        self.fmt, self.columns = fmt, list(columns)
        self.rows: list[dict[str, Any]] = []
        self._csv = None
        if fmt == "csv":
            self._csv = csv.DictWriter(sys.stdout, fieldnames=self.columns, extrasaction="ignore")
            self._csv.writeheader()

    def row(self, **values: Any) -> None:
        if self.fmt == "jsonl":
            print(json.dumps(values, ensure_ascii=False))
        elif self._csv is not None:
            self._csv.writerow({k: ("|".join(map(str, v)) if isinstance(v, list) else v) for k, v in values.items()})
        else:
            self.rows.append(values)

    def close(self) -> None:
        if self.fmt != "table" or not self.rows:
            return
        cells = [[_cell(r.get(c, "")) for c in self.columns] for r in self.rows]
        widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(self.columns)]
        print("  ".join(c.ljust(w) for c, w in zip(self.columns, widths)).rstrip())
        for row in cells:
            print("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())


def _cell(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    if isinstance(v, list | tuple):
        return " | ".join(map(str, v))
    return "" if v is None else str(v)


def _add_format(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["table", "jsonl", "csv"], default="table", help="output format")


# -- commands --------------------------------------------------------------


def _cmd_normalize(args: argparse.Namespace) -> int:
    out = _Out(args.format, ["name", "normalized", "script"])
    for name in _names_from(args):
        out.row(name=name, normalized=namematch.normalize(name), script=namematch.script_of(name))
    out.close()
    return 0


def _cmd_parse(args: argparse.Namespace) -> int:
    if args.format == "jsonl":
        for name in _names_from(args):
            print(json.dumps(namematch.parse(name).to_dict(), ensure_ascii=False))
        return 0
    out = _Out(args.format, ["name", "unit", "norm", "role", "script"])
    for name in _names_from(args):
        for t in namematch.parse(name).tokens:
            out.row(name=name, unit=t.text, norm=t.norm, role=t.role, script=t.script)
    out.close()
    return 0


def _cmd_romanize(args: argparse.Namespace) -> int:
    out = _Out(args.format, ["name", "romanized", "alternatives"])
    for name in _names_from(args):
        out.row(name=name, romanized=namematch.romanize(name, convention=args.convention),
                alternatives=namematch.romanizations(name, limit=args.limit)[1:])
    out.close()
    return 0


def _cmd_keys(args: argparse.Namespace) -> int:
    out = _Out(args.format, ["name", "keys"])
    for name in _names_from(args):
        out.row(name=name, keys=sorted(namematch.keys(name)))
    out.close()
    return 0


def _cmd_score(args: argparse.Namespace) -> int:
    if args.explain:
        ex = namematch.explain(args.a, args.b)
        print(ex.to_json() if args.format == "jsonl" else ex)
        return 0
    out = _Out(args.format, ["a", "b", "score", "match"])
    s = namematch.score(args.a, args.b)
    out.row(a=args.a, b=args.b, score=s, match=s >= namematch.DEFAULT_THRESHOLD)
    out.close()
    return 0


def _cmd_resolve(args: argparse.Namespace) -> int:
    reg = _load_registry(args.registry)
    out = _Out(args.format, ["mention", "rank", "id", "name", "score", "alias"])
    names = list(_names_from(args))
    bar = _progress(len(names))
    for mention in names:
        if args.match:  # the registry's decision: one person or none
            found = reg.match(mention, threshold=args.match_threshold, margin=args.margin)
            cands = [found] if found is not None else []
        else:
            cands = reg.resolve(mention, limit=args.limit, threshold=args.threshold)
        if not cands:
            out.row(mention=mention, rank=0, id=None, name=None, score=0.0, alias=None)
        for rank, c in enumerate(cands, 1):
            out.row(mention=mention, rank=rank, id=c.person.id, name=c.person.name, score=c.score, alias=c.alias)
        bar()
    out.close()
    return 0


def _cmd_cluster(args: argparse.Namespace) -> int:
    text = _read_stdin() if args.file == "-" else _read_text_file(args.file)
    names = [line.strip() for line in text.splitlines() if line.strip()]
    groups = namematch.cluster(names, threshold=args.threshold)
    out = _Out(args.format, ["group", "size", "names"])
    for k, g in enumerate(groups, 1):
        out.row(group=k, size=len(g), names=g)
    out.close()
    return 0


def _collect_documents(paths: Iterable[str]) -> dict[str, str]:
    docs: dict[str, str] = {}
    for path in paths:
        p = Path(path)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in (".txt", ".md"))
            if not files:
                raise CLIError(f"{path}: no .txt files in directory")
            for f in files:
                docs[str(f.relative_to(p).with_suffix(""))] = _read_text_file(str(f))
        else:
            docs[p.stem if p.stem not in docs else str(p)] = _read_text_file(path)
    return docs


def _cmd_link(args: argparse.Namespace) -> int:
    reg = _load_registry(args.registry) if args.registry else None
    docs = _collect_documents(args.paths)
    entities = namematch.resolve_documents(docs, registry=reg)
    out = _Out(args.format, ["entity", "id", "name", "doc_id", "start", "end", "script", "mention"])
    for k, ent in enumerate(entities, 1):
        for m in ent.mentions:
            out.row(entity=k, id=ent.person.id if ent.person else None, name=ent.name, doc_id=m.doc_id,
                    start=m.start, end=m.end, script=m.script, mention=m.text)
    out.close()
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from namematch._demo import run_demo

    return run_demo()


def _progress(total: int) -> Callable[[], None]:
    """A progress counter on stderr for long runs, only when stderr is a terminal."""
    state = {"done": 0}
    show = total >= 200 and sys.stderr is not None and sys.stderr.isatty()

    def step() -> None:
        state["done"] += 1
        if show and (state["done"] % 50 == 0 or state["done"] == total):
            sys.stderr.write(f"\r{state['done']}/{total}")
            if state["done"] == total:
                sys.stderr.write("\n")
            sys.stderr.flush()

    return step


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``namematch`` command."""
    parser = argparse.ArgumentParser(
        prog="namematch",
        description="Resolve person names across Arabic, Persian and Latin script.",
        formatter_class=argparse.RawDescriptionHelpFormatter,  # the --version line is not wrapped
    )
    parser.add_argument("--version", action="version", version=f"namematch {namematch.__version__} ({_build.describe()})")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def names_command(name: str, help_text: str, func: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("names", nargs="*", metavar="NAME", help="names to process; '-' or none reads stdin")
        _add_format(p)
        p.set_defaults(func=func)
        return p

    names_command("normalize", "print the normalised form and script of each name", _cmd_normalize)
    names_command("parse", "print the name units and roles of each name", _cmd_parse)
    p = names_command("romanize", "print the most likely Latin spelling of each name", _cmd_romanize)
    p.add_argument("--convention", choices=["arabic", "persian"], default=None)
    p.add_argument("--limit", type=int, default=5, help="alternatives to show")
    names_command("keys", "print the retrieval keys of each name", _cmd_keys)

    p = sub.add_parser("score", help="score two names", description="Score two names (0..1).")
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("--explain", action="store_true", help="show the alignment and the rules that fired")
    _add_format(p)
    p.set_defaults(func=_cmd_score)

    p = names_command("resolve", "resolve mentions against a registry (JSONL, CSV or saved index)", _cmd_resolve)
    p.add_argument("--registry", required=True, metavar="FILE")
    p.add_argument("--limit", type=int, default=1)
    p.add_argument("--threshold", type=float, default=namematch.DEFAULT_THRESHOLD,
                   help="lowest pair score listed (ranked candidates)")
    p.add_argument("--match", action="store_true",
                   help="decide as Registry.match: the person the mention refers to, or none")
    p.add_argument("--match-threshold", type=float, default=None,
                   help="with --match: chance (candidate model) the best candidate must reach (default 0.7)")
    p.add_argument("--margin", type=float, default=None,
                   help="with --match: log-odds lead over a differently named rival (default 1.0)")

    p = sub.add_parser("cluster", help="group the names of a file (one per line) into persons",
                       description="Group the names of a file (one per line, '-' for stdin) into persons.")
    p.add_argument("file")
    p.add_argument("--threshold", type=float, default=None)
    _add_format(p)
    p.set_defaults(func=_cmd_cluster)

    p = sub.add_parser("link", help="find and link person mentions in text files",
                       description="Find person mentions in text files or folders and link them across documents.")
    p.add_argument("paths", nargs="+", metavar="FILE|DIR")
    p.add_argument("--registry", metavar="FILE", default=None)
    _add_format(p)
    p.set_defaults(func=_cmd_link)

    p = sub.add_parser("demo", help="link the bundled example articles to the bundled registry",
                       description="Link the bundled example articles to the bundled example registry.")
    p.set_defaults(func=_cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("namematch: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): stop quietly
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 128 + getattr(signal, "SIGPIPE", 13)
    except CLIError as exc:
        print(f"namematch: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except (OSError, ValueError, UnicodeError) as exc:
        print(f"namematch: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
