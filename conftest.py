"""Repository-wide pytest setup.

With the compiled build (see ``setup.py``), ``namematch.score`` and its
neighbours are imported from extension modules next to their ``.py`` sources.
``--doctest-modules`` collects the ``.py`` files and would refuse the compiled
module as a different file; the doctests are the same (Cython keeps the
docstrings), so the path check is switched off.
"""

import os

os.environ.setdefault("PY_IGNORE_IMPORTMISMATCH", "1")
