"""Every ``namematch`` command line the docs show is one the parser accepts (options and values).

The shell examples (```bash blocks of ``docs/*.md`` and ``README.md``) are split as a shell
splits them; the ``namematch`` command of each line (after a pipe too) is parsed by
:func:`namematch.cli.build_parser`, redirections and comments left out. Files they name need
not exist: this checks the spelling of the options, not a run.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from namematch.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
PAGES = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]


def _commands() -> list[tuple[str, list[str]]]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for block in re.findall(r"```bash\n(.*?)```", text, flags=re.S):
            for line in block.replace("\\\n", " ").splitlines():
                words = shlex.split(line, comments=True)
                while "|" in words:
                    words = words[words.index("|") + 1:]
                if not words or words[0] != "namematch":
                    continue
                argv, skip = [], False
                for w in words[1:]:
                    if skip:
                        skip = False
                    elif w in ("<", ">", "2>", ">>"):
                        skip = True
                    else:
                        argv.append(w)
                found.append((f"{page.name}: {line.strip()}", argv))
    return found


COMMANDS = _commands()


def test_the_docs_show_commands() -> None:
    assert {argv[0] for _where, argv in COMMANDS} >= {"score", "resolve", "link", "fit"}


@pytest.mark.parametrize(("where", "argv"), COMMANDS, ids=[w for w, _ in COMMANDS])
def test_a_documented_command_line_parses(where: str, argv: list[str]) -> None:
    args = build_parser().parse_args(argv)
    assert callable(args.func), where
