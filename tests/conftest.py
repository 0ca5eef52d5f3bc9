"""Shared hypothesis settings and strategies for namematch's tests."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# The default run is derandomised: the same examples on every machine, so a test that passed
# on a checkout passes on its clean clone. ``make fuzz`` (HYPOTHESIS_PROFILE=fuzz) draws fresh
# examples on each run to look for new failures; a failure it finds becomes a fixed example.
settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.register_profile("fuzz", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ARABIC_LETTERS = "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىةپچژگیکۀ"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640\u200c\u200d\u200f\u200e\u202b\u202c"

#: Any text, including lone surrogates, controls and every plane.
any_text = st.text(alphabet=st.characters(codec=None, categories=None), max_size=60)
#: Arabic-script names with diacritics, tatweel and invisible marks sprinkled in.
arabic_words = st.text(alphabet=ARABIC_LETTERS + MARKS, min_size=1, max_size=12)
arabic_names = st.lists(arabic_words, min_size=1, max_size=5).map(" ".join)
latin_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéüçâ'-", min_size=1, max_size=10)
latin_names = st.lists(latin_words, min_size=1, max_size=5).map(" ".join)
names = st.one_of(arabic_names, latin_names, any_text)


ROOT = Path(__file__).resolve().parent.parent


def load_script(relative: str) -> ModuleType:
    """A script of the checkout (``tools/x.py``, ``benchmarks/x.py``) loaded as a module."""
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def linking_figures(corpus_dir: Path, registry: Any = None) -> dict[str, dict[str, float]]:
    """``benchmarks/linking.py``'s figures of the gold corpus in ``corpus_dir`` (no registry
    unless one is given)."""
    from namematch.link import resolve_documents

    bench = load_script("benchmarks/linking.py")
    corpus = bench.load_corpus(corpus_dir)
    return bench.evaluate(corpus, resolve_documents(corpus.docs, registry))  # type: ignore[no-any-return]
