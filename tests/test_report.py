"""The HTML report (``namematch.report``): its content, its escaping, and the demo page as
headless Chromium renders it (skipped, saying why, where no Chromium is installed;
``.ci/run`` installs Debian's ``chromium``)."""

from __future__ import annotations

import json
import os
import stat
import struct
from html.parser import HTMLParser
from pathlib import Path

import pytest

import namematch as nm
from namematch._demo import load_demo
from tests.conftest import load_script

ROOT = Path(__file__).resolve().parent.parent
DOCS_IMAGE = ROOT / "docs" / "img" / "demo-report.png"


class _Page(HTMLParser):
    """What a reader sees of a report: persons (name, badge), snippets (direction, language,
    marked text), anchors and links, and anything that would load from elsewhere."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.persons: list[dict[str, str]] = []
        self.snippets: list[dict[str, str]] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.external: list[str] = []
        self.tags: set[str] = set()
        self.summary = ""
        self._stack: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.add(tag)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        for key in ("src", "srcset", "action", "poster", "data"):
            if key in a:
                self.external.append(f"{tag}[{key}]={a[key]}")
        if tag == "link" or (tag == "a" and not a.get("href", "#").startswith("#")):
            self.external.append(f"{tag}: {a}")
        if "person" in a.get("class", "").split():
            self.persons.append({"id": a.get("id", ""), "name": "", "badge": ""})
        if "snippet" in a.get("class", "").split():
            self.snippets.append({"dir": a.get("dir", ""), "lang": a.get("lang", ""), "text": "", "mark": ""})
        if tag not in ("meta", "br", "img", "link", "input"):
            self._stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def _inside(self, tag: str | None = None, cls: str | None = None) -> bool:
        return any((tag is None or t == tag) and (cls is None or cls in a.get("class", "").split())
                   for t, a in self._stack)

    def handle_data(self, data: str) -> None:
        if self._inside(cls="person") and self._inside("h2"):
            self.persons[-1]["name"] += data
        if self._inside(cls="person") and self._inside(cls="badge"):
            self.persons[-1]["badge"] += data
        if self._inside(cls="snippet"):
            self.snippets[-1]["text"] += data
            if self._inside("mark"):
                self.snippets[-1]["mark"] += data
        if self._inside("ul") and any(a.get("id") == "summary" for _, a in self._stack):
            self.summary += data


def _read(page: str) -> _Page:
    parsed = _Page()
    parsed.feed(page)
    parsed.close()
    return parsed


DOCS = {
    "en/1.txt": "Foreign Minister Abbas Araghchi met Iraqi Foreign Minister Fuad Hussein in Baghdad. "
                "Araghchi said the talks were useful.",
    "ar-1": "التقى وزير الخارجية عباس عراقجي نظيره العراقي فؤاد حسين في بغداد.",
    "fa-1": "سید عباس عراقچی، وزیر امور خارجه، با فؤاد حسین دیدار کرد.",
}  # fmt: skip


@pytest.fixture(scope="module")
def small() -> tuple[list[nm.Entity], str]:
    registry = nm.Registry([nm.Person("ir-araghchi", "Abbas Araghchi", ("عباس عراقجي",), {"country": "Iran"})])
    entities = nm.resolve_documents(DOCS, registry)
    return entities, nm.html_report(entities, DOCS, registry=registry)


def test_every_person_and_mention_is_on_the_page(small):
    entities, page = small
    seen = _read(page)
    assert [p["name"] for p in seen.persons] == [e.name for e in entities]
    assert [p["badge"] for p in seen.persons] == [e.person.id if e.person else "new" for e in entities]
    assert len(seen.snippets) == sum(len(e.mentions) for e in entities)
    marked = sorted(s["mark"] for s in seen.snippets)
    assert marked == sorted(m.text for e in entities for m in e.mentions)
    for e in entities:
        for spelling in e.spellings:
            assert spelling in page
    assert "country" in page and "Iran" in page  # registry attributes
    assert "3documents" in seen.summary.replace(" ", "") and f"{len(entities)}persons" in seen.summary.replace(" ", "")


def test_snippets_are_the_sentence_with_the_name_marked(small):
    _, page = small
    snippets = _read(page).snippets
    second = [s for s in snippets if s["mark"] == "Araghchi"]
    assert second and second[0]["text"] == "Araghchi said the talks were useful."
    first = next(s for s in snippets if s["mark"] == "Abbas Araghchi")
    assert first["text"].startswith("Foreign Minister Abbas Araghchi met") and "useful" not in first["text"]


def test_arabic_and_persian_snippets_run_right_to_left(small):
    entities, page = small
    by_mark = {}
    for s in _read(page).snippets:
        by_mark.setdefault(s["mark"], []).append(s)
    for e in entities:
        for m in e.mentions:
            (snippet, *_) = by_mark[m.text]
            if m.doc_id == "en/1.txt":
                assert (snippet["dir"], snippet["lang"]) == ("ltr", "en")
            else:
                assert snippet["dir"] == "rtl"
                assert snippet["lang"] == ("fa" if m.doc_id == "fa-1" else "ar")


def test_documents_are_anchors_every_link_lands(small):
    _, page = small
    seen = _read(page)
    targets = [link[1:] for link in seen.links]
    assert targets and all(t in seen.ids for t in targets)
    assert sum(1 for i in seen.ids if i.startswith("doc-")) == len(DOCS)
    assert 'id="doc-' in page and "en/1.txt" in page


def test_page_is_self_contained(small):
    _, page = small
    seen = _read(page)
    assert seen.external == []
    assert not seen.tags & {"script", "link", "img", "iframe", "object", "embed", "base", "form"}
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "http://" not in page and "https://" not in page and "url(" not in page


def test_everything_from_the_text_is_escaped():
    evil = '<script>alert("x")</script>'
    docs = {
        '"><img src=x onerror=alert(1)>': f"Foreign Minister Abbas Araghchi met {evil} in Baghdad.",
        "b": "President Masoud Pezeshkian\u202e spoke about Sattar\x00 Hashemi \ud800 today.",
    }
    person = nm.Person("<b>id</b>", "Abbas Araghchi", attributes={"role": "<i>x</i>", "<k>": "v"})
    entities = nm.resolve_documents(docs, nm.Registry([person]))
    page = nm.html_report(entities, docs, title="<title>")
    seen = _read(page)
    assert seen.external == [] and "script" not in seen.tags and "img" not in seen.tags
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<b>id</b>" not in page and "&lt;b&gt;id&lt;/b&gt;" in page
    assert "<i>x</i>" not in page and "&lt;k&gt;" in page
    assert "\x00" not in page and "\ud800" not in page
    page.encode("utf-8")  # no lone surrogate left
    assert "<bdi>" in page  # names are bidi-isolated


def test_empty_input_gives_a_page_that_says_so():
    page = nm.html_report([], {"a": "No names here."})
    assert "No person mentions were found." in page and "1</b>documents" in page


def test_bad_arguments_are_type_errors():
    with pytest.raises(TypeError, match="docs"):
        nm.html_report([], ["not", "a", "mapping"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Entity"):
        nm.html_report(["Ali"], {})  # type: ignore[list-item]


def test_write_is_atomic_and_keeps_the_mode(tmp_path, small):
    entities, _page = small
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    nm.write_html_report(target, entities, DOCS)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # no temporary file left
    fresh = tmp_path / "new.html"
    nm.write_html_report(fresh, entities, DOCS)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask


# ---------------------------------------------------------------------------
# the demo report in a real browser
# ---------------------------------------------------------------------------

_screens = load_script("tools/screenshot.py")
_browser = _screens.find_browser()
needs_browser = pytest.mark.skipif(
    _browser is None,
    reason="no headless Chromium on this machine (Debian: apt-get install chromium; .ci/run installs it)",
)


@pytest.fixture(scope="module")
def demo_page(tmp_path_factory) -> tuple[Path, list[nm.Entity]]:
    docs, registry = load_demo()
    entities = nm.resolve_documents(docs, registry)
    page = tmp_path_factory.mktemp("report") / "demo.html"
    nm.write_html_report(page, entities, docs, title="namematch demo", registry=registry)
    return page, entities


def _gold_registry_persons() -> set[str]:
    gold = Path(nm.__file__).parent / "data" / "demo" / "gold.jsonl"
    ids = {p["id"] for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()
           for p in json.loads(line)["persons"]}
    return {i for i in ids if not i.startswith("new:")}


@needs_browser
def test_demo_report_renders_in_chromium_with_the_demo_persons(demo_page):
    page, entities = demo_page
    dom = _screens.dump_dom(page, _browser)
    seen = _read(dom)
    badges = {p["badge"] for p in seen.persons}
    assert _gold_registry_persons() <= badges  # every registry person of the articles
    assert "new" in badges  # and the persons the registry lacks
    assert [p["name"] for p in seen.persons] == [e.name for e in entities]
    rtl = [s for s in seen.snippets if s["dir"] == "rtl"]
    assert len(rtl) == sum(1 for e in entities for m in e.mentions if m.script in ("arabic", "persian"))
    assert all(s["lang"] in ("ar", "fa") for s in rtl)
    assert "14documents" in seen.summary.replace(" ", "")


@needs_browser
def test_demo_report_screenshot(demo_page, tmp_path):
    page, _ = demo_page
    png = _screens.screenshot(page, tmp_path / "demo.png", width=1000, height=900, browser=_browser)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1000, 900)
    assert len(data) > 30_000  # text and tables, not a blank page


def test_docs_show_the_report_screenshot():
    assert DOCS_IMAGE.is_file() and DOCS_IMAGE.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "img/demo-report.png" in (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
