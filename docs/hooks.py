"""mkdocs hook: docstring examples render as Python code blocks, roles as code.

The API reference is generated from docstrings whose examples are bare doctest
lines (``>>> call`` then its output). Markdown reads ``>>>`` as nested block
quotes, glues each output to its input and takes outputs such as ``[('a', 'b')]``
for cross-references. This hook adds a Markdown preprocessor that wraps each run
of doctest lines (up to a blank line) in a fenced ``python`` block; text already
inside a fence is left alone. The pages' own examples are fenced already. Sphinx
roles in docstrings (``:func:`tokenize```, ``:class:`~namematch.Registry```) show as
the inline code they name.

>>> _DoctestBlocks().run(["Text.", "", ">>> f([1])", "[('a', 'b')]", "", "See :func:`f`."])
['Text.', '', '```python', '>>> f([1])', "[('a', 'b')]", '```', '', 'See `f`.']
>>> _roles_as_code(":class:`~namematch.registry.Registry` and :meth:`Registry.match`")
'`Registry` and `Registry.match`'

"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from mkdocs.plugins import event_priority

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|mod|data|attr|exc|obj|const):`~?([^`]+)`")


def _roles_as_code(line: str) -> str:
    """``:func:`x``` -> ```x```; ``:class:`~a.b.C``` -> ```C```."""
    return _ROLE.sub(lambda m: "`" + (m.group(1).rsplit(".", 1)[-1] if m.group(0).count("~") else m.group(1)) + "`",
                     line)


class _DoctestBlocks(Preprocessor):  # type: ignore[misc]  # markdown has no type hints
    """Wrap runs of doctest lines in fenced code."""

    def __init__(self, md: Markdown | None = None) -> None:
        super().__init__(md)

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fence: str | None = None
        i = 0
        while i < len(lines):
            line = lines[i]
            opened = _FENCE.match(line)
            if fence is not None:
                if opened and opened.group(1).startswith(fence) and not line.strip()[len(opened.group(1)):]:
                    fence = None
                out.append(line)
            elif opened:
                fence = opened.group(1)
                out.append(line)
            elif line.lstrip().startswith(">>>"):
                indent = len(line) - len(line.lstrip())
                block = []
                while i < len(lines) and lines[i].strip():
                    block.append(lines[i][indent:] if lines[i][:indent].isspace() else lines[i].lstrip())
                    i += 1
                if out and out[-1].strip():
                    out.append("")
                out += ["```python", *block, "```"]  # a blank line or the end follows
                continue
            else:
                out.append(_roles_as_code(line))
            i += 1
        return out


class _DoctestExtension(Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: Markdown) -> None:  # the name is Markdown's API
        # before fenced_code (25) and normalize_whitespace (30) see the text
        md.preprocessors.register(_DoctestBlocks(md), "namematch_doctest_blocks", 35)


@event_priority(100)  # before mkdocstrings reads the extensions for its docstring renderer
def on_config(config: Any) -> Any:
    config.markdown_extensions.append(_DoctestExtension())
    return config
