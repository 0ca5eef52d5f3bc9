"""An HTML page of who was found in which documents, for people reviewing results.

:func:`html_report` turns the entities of :func:`namematch.resolve_documents`
into one self-contained page (inline CSS, no script, no font, image or request
to any network: a Content-Security-Policy forbids them): a summary at the top,
then each person with the display name, the registry id or "new", the scripts
and spellings, the registry attributes, and every mention in a short snippet of
its sentence with the name highlighted; Arabic and Persian snippets are set
right to left. Each document is an anchor listing its persons, with its text
and every mention marked. :func:`write_html_report` writes the page to a file.

Names and texts come from untrusted documents: every string is HTML-escaped,
control characters and lone surrogates are replaced by U+FFFD, and names are
bidi-isolated (``<bdi>``) so a right-to-left name or a direction override cannot
reorder the text around it.

>>> import namematch as nm
>>> docs = {"d1": "Foreign Minister Abbas Araghchi met Fuad Hussein in Baghdad."}
>>> page = nm.html_report(nm.resolve_documents(docs), docs)
>>> page.startswith("<!DOCTYPE html>") and "<mark>Abbas Araghchi</mark>" in page
True
"""

from __future__ import annotations

import html
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from namematch.link import Entity, EntityMention
from namematch.registry import Registry

__all__ = ["html_report", "write_html_report"]

#: Characters of context kept on each side of a mention within its sentence.
SNIPPET_CONTEXT = 90

_SCRIPT_LABELS = {"latin": "Latin", "arabic": "Arabic", "persian": "Persian"}
_RTL_SCRIPTS = frozenset({"arabic", "persian"})
_SENTENCE_END = re.compile(r"[.!?؟۔]\s|\n")
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_RTL_LETTER = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_LTR_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u052f]")

_CSS = """
:root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --accent: #0b6e99;
        --new: #a0522d; --mark: #ffe58f; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 "DejaVu Sans", "Noto Sans", "Segoe UI", Tahoma, Arial, sans-serif;
       color: var(--ink); background: #f5f7fa; }
header, main { max-width: 1100px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 18px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 0; }
h3 { font-size: 16px; margin: 0 0 6px; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.summary { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; padding: 0; list-style: none; }
.summary li { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; }
.summary b { font-size: 18px; margin-right: 4px; }
table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef2f7; font-weight: 600; }
.person, .document { background: #fff; border: 1px solid var(--line); border-radius: 8px;
                     margin: 16px 0; padding: 14px 18px; }
.person > header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 10px; padding: 0; margin: 0; }
.badge { font: 12px/1.6 monospace; border-radius: 4px; padding: 1px 7px; background: #e3f2fd; color: #0b4f71; }
.badge.new { background: #fdebd3; color: var(--new); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.spellings bdi { background: #f0f4f8; border-radius: 4px; padding: 0 5px; margin-right: 4px;
                 display: inline-block; }
.mentions { margin: 6px 0 0; padding-left: 0; list-style: none; }
.mentions li { display: flex; gap: 10px; padding: 3px 0; border-top: 1px dashed var(--line); }
.mentions .doc { flex: 0 0 auto; min-width: 7em; font: 13px/1.9 monospace; }
.snippet { flex: 1 1 auto; }
.snippet[dir=rtl] { text-align: right; font-size: 17px; }
mark { background: var(--mark); border-radius: 3px; padding: 0 2px; }
.text { white-space: pre-wrap; margin: 8px 0 0; }
.text[dir=rtl] { font-size: 17px; }
.muted { color: var(--muted); }
footer { max-width: 1100px; margin: 0 auto; padding: 10px 20px 30px; color: var(--muted); font-size: 13px; }
"""


def _esc(value: object) -> str:
    """HTML-escaped text, with control characters and lone surrogates replaced."""
    return html.escape(_UNSAFE.sub("\ufffd", str(value)), quote=True)


def _direction(text: str) -> str:
    """``rtl`` when most letters of ``text`` are right-to-left, else ``ltr``."""
    return "rtl" if len(_RTL_LETTER.findall(text)) > len(_LTR_LETTER.findall(text)) else "ltr"


def _lang(text: str, scripts: Iterable[str]) -> str:
    scripts = set(scripts)
    if _direction(text) == "ltr":
        return "en"
    return "fa" if "persian" in scripts else "ar"


def _sentence(text: str, start: int, end: int) -> tuple[int, int, bool, bool]:
    """The bounds of the sentence around ``text[start:end]``, cut to :data:`SNIPPET_CONTEXT`
    characters on each side (at a space where there is one), and whether each side was cut."""
    lo = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 4 * SNIPPET_CONTEXT), start):
        lo = m.end()
    found = _SENTENCE_END.search(text, end, end + 4 * SNIPPET_CONTEXT)
    hi = found.start() + 1 if found else min(len(text), end + 4 * SNIPPET_CONTEXT)
    if text[hi - 1 : hi] == "\n":
        hi -= 1
    cut_lo = cut_hi = False
    if start - lo > SNIPPET_CONTEXT:
        space = text.find(" ", start - SNIPPET_CONTEXT, start)
        lo, cut_lo = (space + 1 if space != -1 else start - SNIPPET_CONTEXT), True
    if hi - end > SNIPPET_CONTEXT:
        space = text.rfind(" ", end, end + SNIPPET_CONTEXT)
        hi, cut_hi = (space if space != -1 else end + SNIPPET_CONTEXT), True
    return lo, hi, cut_lo, cut_hi


def _snippet(text: str, m: EntityMention) -> str:
    """The mention's sentence as HTML, the name in ``<mark>``, with its direction and language."""
    if not (0 <= m.start <= m.end <= len(text)) or text[m.start : m.end] != m.text:
        body, plain = f"<mark>{_esc(m.text)}</mark>", m.text  # offsets do not fit this text
    else:
        lo, hi, cut_lo, cut_hi = _sentence(text, m.start, m.end)
        before, after = text[lo : m.start].lstrip(), text[m.end : hi].rstrip()
        lead, tail = ("… " if cut_lo else ""), (" …" if cut_hi else "")
        body = f"{_esc(lead + before)}<mark>{_esc(m.text)}</mark>{_esc(after + tail)}"
        plain = before + m.text + after
    direction = _direction(plain)
    return f'<span class="snippet" dir="{direction}" lang="{_lang(plain, [m.script])}">{body}</span>'


def _marked_text(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """The whole text, HTML-escaped, each mention linked to its person and marked."""
    out, pos = [], 0
    for start, end, anchor in sorted(spans):
        if start < pos or not (0 <= start <= end <= len(text)):
            continue  # overlapping or out of range: shown unmarked
        out.append(_esc(text[pos:start]))
        out.append(f'<a href="#{anchor}"><mark>{_esc(text[start:end])}</mark></a>')
        pos = end
    out.append(_esc(text[pos:]))
    return "".join(out)


def _scripts(scripts: Iterable[str]) -> str:
    order = list(_SCRIPT_LABELS)
    known = sorted(set(scripts), key=lambda s: (order.index(s) if s in order else len(order), s))
    return ", ".join(_SCRIPT_LABELS.get(s, s) for s in known)


def html_report(
    entities: Iterable[Entity],
    docs: Mapping[str, str],
    *,
    title: str = "namematch: persons found",
    registry: Registry | None = None,
) -> str:
    """One self-contained HTML page of ``entities`` (from :func:`namematch.resolve_documents`
    on ``docs``, the same ``{doc_id: text}`` mapping).

    The page opens with a summary (documents, mentions, persons in the registry
    and new ones, mentions by script) and a table of persons; then one section
    per person (display name, registry id or "new", registry attributes, scripts,
    spellings, and each mention in a snippet of its sentence with the name
    highlighted, Arabic and Persian ones right to left, linking to its
    document), then one section per document with its persons and its text,
    mentions marked. ``registry``, if given, is only counted in the summary.
    Everything from the entities and documents is HTML-escaped.
    """
    entities = list(entities)
    if not isinstance(docs, Mapping):
        raise TypeError(f"docs must be a mapping of document id to text, not {type(docs).__name__}")
    for ent in entities:
        if not isinstance(ent, Entity):
            raise TypeError(f"entities must be Entity objects, not {type(ent).__name__}")
    doc_ids = sorted({str(d) for d in docs} | {m.doc_id for e in entities for m in e.mentions})
    texts = {str(d): t for d, t in docs.items()}
    doc_anchor = {d: f"doc-{k}" for k, d in enumerate(doc_ids, 1)}
    person_anchor = [f"person-{k}" for k in range(1, len(entities) + 1)]
    known = sum(1 for e in entities if e.person is not None)
    mentions = [m for e in entities for m in e.mentions]
    by_script = Counter(m.script for m in mentions)
    persons_in: dict[str, list[int]] = {d: [] for d in doc_ids}
    spans: dict[str, list[tuple[int, int, str]]] = {d: [] for d in doc_ids}
    for k, ent in enumerate(entities):
        for d in ent.doc_ids:
            persons_in[d].append(k)
        for m in ent.mentions:
            spans[m.doc_id].append((m.start, m.end, person_anchor[k]))

    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="namematch">',
        f"<title>{_esc(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_esc(title)}</h1>",
        '<ul class="summary" id="summary">',
        f"<li><b>{len(doc_ids)}</b>documents</li>",
        f"<li><b>{len(mentions)}</b>person mentions</li>",
        f"<li><b>{len(entities)}</b>persons</li>",
        f"<li><b>{known}</b>from the registry{'' if registry is None else f' (of {len(registry):,})'}</li>",
        f"<li><b>{len(entities) - known}</b>new (not in the registry)</li>",
    ]
    if by_script:
        per_script = ", ".join(f"{n} {_SCRIPT_LABELS.get(s, s)}" for s, n in by_script.most_common())
        parts.append(f"<li>mentions by script: {_esc(per_script)}</li>")
    parts += ["</ul>", "</header>", "<main>", '<section id="persons-index">', "<h2>Persons</h2>"]
    if entities:
        parts.append("<table><thead><tr><th>#</th><th>Person</th><th>Registry id</th><th>Scripts</th>"
                     "<th>Mentions</th><th>Documents</th></tr></thead><tbody>")
        for k, ent in enumerate(entities):
            ident = _esc(ent.person.id) if ent.person is not None else '<span class="muted">new</span>'
            parts.append(
                f'<tr><td>{k + 1}</td><td><a href="#{person_anchor[k]}"><bdi>{_esc(ent.name)}</bdi></a></td>'
                f"<td>{ident}</td><td>{_esc(_scripts(ent.scripts))}</td><td>{len(ent.mentions)}</td>"
                f"<td>{len(ent.doc_ids)}</td></tr>"
            )
        parts.append("</tbody></table>")
    else:
        parts.append('<p class="muted">No person mentions were found.</p>')
    parts.append("</section>")

    for k, ent in enumerate(entities):
        parts.append(_person_section(ent, person_anchor[k], texts, doc_anchor))

    parts.append('<section id="documents"><h2>Documents</h2>')
    for d in doc_ids:
        text = texts.get(d)
        who = ", ".join(
            f'<a href="#{person_anchor[k]}"><bdi>{_esc(entities[k].name)}</bdi></a>' for k in persons_in[d]
        ) or '<span class="muted">no person mentions</span>'
        parts.append(f'<article class="document" id="{doc_anchor[d]}">')
        parts.append(f"<h3><bdi>{_esc(d)}</bdi></h3>")
        parts.append(f"<p>Persons: {who}</p>")
        if text is not None:
            direction = _direction(text[:2000])
            parts.append(
                f'<details><summary>Text ({len(text):,} characters, {len(spans[d])} mentions marked)</summary>'
                f'<div class="text" dir="{direction}" lang="{_lang(text[:2000], [])}">'
                f"{_marked_text(text, spans[d])}</div></details>"
            )
        parts.append("</article>")
    parts += ["</section>", "</main>",
              "<footer>Made by namematch. Names are matched automatically: review before relying on them.</footer>",
              "</body>", "</html>", ""]  # fmt: skip
    return "\n".join(parts)


def _person_section(ent: Entity, anchor: str, texts: Mapping[str, str], doc_anchor: Mapping[str, str]) -> str:
    person = ent.person
    badge = (f'<span class="badge" title="registry id">{_esc(person.id)}</span>' if person is not None
             else '<span class="badge new" title="not in the registry">new</span>')
    out = [f'<section class="person" id="{anchor}">', f"<header><h2><bdi>{_esc(ent.name)}</bdi></h2>{badge}</header>",
           '<dl class="facts">']
    if person is not None:
        for key, value in person.attributes.items():
            out.append(f"<dt>{_esc(key)}</dt><dd>{_esc(value)}</dd>")
    out.append(f"<dt>scripts</dt><dd>{_esc(_scripts(ent.scripts))}</dd>")
    spellings = "".join(f'<bdi dir="auto">{_esc(s)}</bdi>' for s in ent.spellings)
    out.append(f'<dt>spellings</dt><dd class="spellings">{spellings}</dd>')
    docs_links = ", ".join(f'<a href="#{doc_anchor[d]}"><bdi>{_esc(d)}</bdi></a>' for d in ent.doc_ids)
    out.append(f"<dt>documents</dt><dd>{docs_links}</dd></dl>")
    out.append(f"<h3>{len(ent.mentions)} mention{'s' if len(ent.mentions) != 1 else ''}</h3>")
    out.append('<ul class="mentions">')
    for m in ent.mentions:
        text = texts.get(m.doc_id)
        snippet = _snippet(text, m) if text is not None else f"<mark>{_esc(m.text)}</mark>"
        out.append(f'<li><a class="doc" href="#{doc_anchor[m.doc_id]}"><bdi>{_esc(m.doc_id)}</bdi></a>{snippet}</li>')
    out += ["</ul>", "</section>"]
    return "\n".join(out)


def write_html_report(
    path: str | os.PathLike[str],
    entities: Iterable[Entity],
    docs: Mapping[str, str],
    *,
    title: str = "namematch: persons found",
    registry: Registry | None = None,
) -> None:
    """Write :func:`html_report` to ``path`` as UTF-8, atomically (a temporary file in the
    same folder, renamed over ``path``); an existing file keeps its permissions."""
    page = html_report(entities, docs, title=title, registry=registry).encode("utf-8")
    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    try:
        mode = os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=".namematch-report-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(page)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
