"""``namematch link`` and ``namematch demo`` (part of :mod:`namematch.cli`): person mentions
found and linked in text files and folders.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import namematch
from namematch.cli._io import CLIError, printable, read_stdin, read_text_file
from namematch.cli._options import (
    add_format,
    add_registry_options,
    add_scorer_options,
    unit_interval,
)
from namematch.cli._output import Out, person_attributes
from namematch.cli._registry import Guarded, load_registry, scorer_of

#: Suffixes of the files ``link`` reads from a folder.
TEXT_SUFFIXES = (".txt", ".md")


def _walk(folder: str) -> list[str]:
    """The text files under ``folder``, sorted; an unreadable subfolder is an error, not a skip."""
    found: list[str] = []

    def failed(exc: OSError) -> None:
        where = exc.filename if exc.filename is not None else folder
        raise CLIError(f"{printable(os.fspath(where))}: cannot read folder ({exc.strerror})")

    for root, dirs, files in os.walk(folder, onerror=failed):
        dirs.sort()
        found.extend(os.path.join(root, f) for f in files if f.lower().endswith(TEXT_SUFFIXES))
    return sorted(found)


def _collect_documents(paths: Iterable[str]) -> dict[str, str]:
    """``{doc_id: text}``: a file's id is its path as given, a folder's files are their paths
    under it (``folder/sub/a.txt``), standard input is ``<stdin>``; ids are unique."""
    docs: dict[str, str] = {}
    sources: dict[str, str] = {}
    for path in paths:
        if path == "-":
            if "<stdin>" not in docs:
                docs["<stdin>"] = read_stdin()
            continue
        if os.path.isdir(path):
            files = _walk(path)
            if not files:
                raise CLIError(f"{printable(path)}: no {' or '.join(TEXT_SUFFIXES)} files in directory")
        else:
            files = [path]
        for f in files:
            doc_id = printable(os.path.normpath(f))
            real = os.path.realpath(f)
            if doc_id in docs:
                if sources[doc_id] == real:
                    continue  # the same file named twice
                raise CLIError(f"{doc_id}: two inputs have this document id")
            docs[doc_id], sources[doc_id] = read_text_file(f), real
    return docs


class _CountedDocs(Mapping[str, str]):
    """The documents, advancing a progress bar as :func:`namematch.resolve_documents` reads each."""

    def __init__(self, docs: Mapping[str, str], step: Callable[[], None]) -> None:
        self._docs, self._step = docs, step

    def __getitem__(self, key: str) -> str:
        text = self._docs[key]
        self._step()
        return text

    def __iter__(self) -> Iterator[str]:
        return iter(self._docs)

    def __len__(self) -> int:
        return len(self._docs)


def _cmd_link(args: argparse.Namespace) -> int:
    from namematch import _progress

    reg = load_registry(args.registry, args) if args.registry else None
    docs = _collect_documents(args.paths)
    scorer = scorer_of(args)
    lexicon = None if scorer is None else scorer.lexicon
    with _progress.steps(len(docs), desc="linking documents", unit="doc") as step:
        counted = _CountedDocs(docs, step)
        if reg is not None:
            entities = Guarded(reg, args.registry)(namematch.resolve_documents, counted, registry=reg,
                                                    threshold=args.threshold, scorer=scorer, lexicon=lexicon)
        else:
            entities = namematch.resolve_documents(counted, threshold=args.threshold, scorer=scorer, lexicon=lexicon)
    if args.format == "html":
        title = f"namematch: persons in {len(docs)} document{'s' if len(docs) != 1 else ''}"
        sys.stdout.write(namematch.html_report(entities, docs, title=title, registry=reg))
        return 0
    out = Out(args.format, ["entity", "id", "name", "doc_id", "start", "end", "script", "mention", "attributes"])
    for k, ent in enumerate(entities, 1):
        for m in ent.mentions:
            out.row(entity=k, id=ent.person.id if ent.person else None, name=ent.name, doc_id=m.doc_id,
                    start=m.start, end=m.end, script=m.script, mention=m.text, attributes=person_attributes(ent.person))
    out.close()
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from namematch._demo import run_demo

    return run_demo(html=args.html)


def add_commands(sub: Any) -> None:
    """Add ``namematch link`` to the subparsers ``sub``."""
    cluster_threshold = importlib.import_module("namematch.cluster").CLUSTER_THRESHOLD
    p = sub.add_parser("link", help="find and link person mentions in text files",
                       description="Find person mentions in text files or folders (their .txt and .md files, "
                                   "read recursively) and link them across documents.")
    p.add_argument("paths", nargs="+", metavar="FILE|DIR",
                   help="text files or folders; '-' reads one document from standard input")
    add_registry_options(p, required=False)
    add_scorer_options(p)
    p.add_argument("--threshold", type=unit_interval("--threshold"), default=None,
                   help=f"clustering of persons not in the registry: chance from which mentions join "
                        f"(default: {cluster_threshold})")
    add_format(p, extra=["html"])
    p.set_defaults(func=_cmd_link)


def add_demo(sub: Any) -> None:
    """Add ``namematch demo`` to the subparsers ``sub`` (listed last)."""
    p = sub.add_parser("demo", help="link the bundled example articles to the bundled registry",
                       description="Link the bundled example articles to the bundled example registry.")
    p.add_argument("--html", metavar="FILE", default=None,
                   help="also write the HTML report of the persons found to FILE and print its path")
    p.set_defaults(func=_cmd_demo)
