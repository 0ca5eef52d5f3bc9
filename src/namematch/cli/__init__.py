"""The ``namematch`` command line (last stage: it only calls the public API).

Commands: ``normalize``, ``parse``, ``romanize``, ``keys``, ``score``,
``resolve``, ``cluster``, ``link``, ``fit``, ``demo``. ``--scorer FILE`` (a scorer saved by
``fit``) and ``--lexicon FILE`` (a user lexicon) apply to ``score``, ``resolve``,
``cluster`` and ``link``. Every command that reads names or
text reads standard input for ``-``. Output is a readable table by default, or
``--format jsonl|csv`` (and ``html`` for ``link``); CSV cells that a
spreadsheet would run as formulas are escaped. Progress bars appear on
standard error, only on a terminal and only for long runs. Errors end with a
one-line message on stderr and a non-zero exit code, never a traceback; Ctrl-C
exits with 130 at any moment.

One module per job: ``_io`` (reading inputs, :class:`~namematch.cli._io.CLIError`),
``_output`` (tables, JSON lines, CSV), ``_options`` (option values and shared options),
``_registry`` (registries and scorers from options), one module per command group
(``_names``: normalize, parse, romanize, keys; ``_score``; ``_resolve``: resolve, cluster;
``_link``: link, demo; ``_fit``) and ``_main`` (the parser and :func:`main`).
"""

from __future__ import annotations

from namematch.cli._main import build_parser, main

__all__ = ["build_parser", "main"]
