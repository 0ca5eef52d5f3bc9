"""The linker on published news: the figures of ``benchmarks/linking.py`` on
``../shared/data/news-dev`` held at the accepted level.

Skipped when ``../shared`` (the development data) is not beside the repository. The
articles are read only through the benchmark's scorer; nothing of them is copied here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from namematch.link import resolve_documents
from tests.conftest import linking_figures, load_script

ROOT = Path(__file__).resolve().parent.parent
NEWS_DEV = ROOT.parent / "shared" / "data" / "news-dev"

needs_news = pytest.mark.skipif(not NEWS_DEV.is_dir(), reason="development data ../shared not present")


@pytest.fixture(scope="module")
def news_figures() -> dict[str, dict[str, float]]:
    return linking_figures(NEWS_DEV)


@needs_news
@pytest.mark.parametrize("lang", ["en", "ar", "fa"])
def test_news_dev_mentions_per_language(news_figures, lang):
    figures = news_figures[lang]
    assert figures["R"] >= 0.95, f"{lang} mention recall {figures['R']:.3f}"
    assert figures["P"] >= 0.93, f"{lang} mention precision {figures['P']:.3f}"


@needs_news
def test_news_dev_exact_spans_and_persons(news_figures):
    figures = news_figures["all"]
    assert figures["exactF1"] >= 0.90
    assert figures["xdoc"] >= 24, f"{figures['xdoc']} of {figures['xdoc_n']} cross-document persons as one entity"
    assert figures["merged"] == 0, "two gold persons in one entity"


def test_bundled_corpus_every_figure():
    bench = load_script("benchmarks/linking.py")
    corpus = bench.load_corpus(ROOT / "src" / "namematch" / "data" / "demo")
    from namematch.registry import Registry

    figures = bench.evaluate(corpus, resolve_documents(corpus.docs, Registry(corpus.persons)))
    for lang in ("en", "ar", "fa", "all"):
        assert figures[lang]["P"] >= 0.98 and figures[lang]["R"] >= 0.98 and figures[lang]["exactF1"] >= 0.98, lang
    assert figures["all"]["xdoc"] >= 0.98 * figures["all"]["xdoc_n"]
    assert figures["all"]["merged"] == 0 and figures["all"]["B3"] >= 0.98
