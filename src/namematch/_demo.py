"""The ``namematch demo`` command: link the bundled example corpus (private).

The corpus (``namematch/data/demo``) is a dozen short articles in English,
Arabic and Persian about public diplomatic meetings, with an example registry.
:func:`run_demo` links them with :func:`namematch.link.resolve_documents` and
prints each registry person found, with the documents and spellings that
mention them, then the new persons the registry lacks.
"""

from __future__ import annotations

import json
import os
import sys
from importlib import resources
from importlib.abc import Traversable
from typing import TextIO

from namematch.link import Entity, resolve_documents
from namematch.registry import Person, Registry

__all__ = ["load_demo", "run_demo"]


def _demo_dir() -> Traversable:
    return resources.files("namematch").joinpath("data").joinpath("demo")


def load_demo() -> tuple[dict[str, str], Registry]:
    """The bundled articles (``{doc_id: text}``) and the example registry."""
    root = _demo_dir()
    docs = {
        entry.name[: -len(".txt")]: entry.read_text(encoding="utf-8")
        for entry in sorted(root.joinpath("articles").iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".txt")
    }
    persons = []
    for line in root.joinpath("registry.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            persons.append(Person.from_dict(json.loads(line)))
    return docs, Registry(persons)


def _scripts(entity: Entity) -> str:
    order = ("latin", "arabic", "persian")
    return ", ".join(s for s in order if s in entity.scripts)


def _print_entity(entity: Entity, out: TextIO) -> None:
    head = entity.name if entity.person is None else f"{entity.name}  [{entity.person.id}]"
    out.write(f"  {head}\n")
    out.write(f"      documents : {', '.join(entity.doc_ids)}\n")
    out.write(f"      spellings : {' · '.join(entity.spellings)}\n")
    out.write(f"      scripts   : {_scripts(entity)}  ({len(entity.mentions)} mentions)\n")


def run_demo(out: TextIO | None = None, *, html: str | None = None) -> int:
    """Link the bundled corpus to the bundled registry and print the persons found;
    with ``html``, also write the HTML report there and print its path.

    Returns 0 (the command's exit code).
    """
    out = sys.stdout if out is None else out
    docs, registry = load_demo()
    entities = resolve_documents(docs, registry)
    known = [e for e in entities if e.person is not None]
    new = [e for e in entities if e.person is None]
    mentions = sum(len(e.mentions) for e in entities)
    out.write(
        f"namematch demo: {len(docs)} articles (English, Arabic, Persian), "
        f"registry of {len(registry)} persons\n"
        f"{mentions} person mentions, {len(known)} registry persons, {len(new)} new persons\n\n"
    )
    out.write("Registry persons found\n")
    for e in known:
        _print_entity(e, out)
    out.write("\nNew persons (not in the registry)\n")
    if not new:
        out.write("  (none)\n")
    for e in new:
        _print_entity(e, out)
    if html is not None:
        from namematch.report import write_html_report

        os.makedirs(os.path.dirname(os.path.abspath(html)), exist_ok=True)
        write_html_report(html, entities, docs, title="namematch demo: persons in the example articles",
                          registry=registry)
        out.write(f"\nHTML report: {os.path.abspath(html)}\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run_demo())
