"""Consistency check of a gold-annotated news corpus (the news format of ``linking.py``).

Usage::

    python benchmarks/news_corpus_check.py CORPUS_DIR [CORPUS_DIR ...]

A corpus folder holds ``dNN.txt`` texts, ``sources.json`` (``{doc: {"url", "language":
"en|ar|fa", "title"}}``), ``gold.json`` (``{"about", "persons": {id: {doc: [surface
forms]}}, "cross_document": [ids], "cross_script": [ids]}``) and optionally ``check.json``,
the corpus's reviewed exceptions to the checks below, each with its reason:
``allowed_leaks`` (``person``, ``form``, ``doc``, ``why``), ``non_mentions`` (``doc``,
``context``, ``form``, ``why``), ``title_word_exceptions`` (``person``, ``form``, ``why``),
``given_name_titles`` (``person``, ``why``) and ``arabic_letter_persian`` (documents of
Persian text written with Arabic yeh and kaf).

Checks, per corpus:

1. shape: every text has a sources entry (language, title, url) and the reverse; every
   document names a person; texts are 80 to 250 words.
2. forms: each gold form occurs verbatim in its document, once per list, unpadded, with no
   title word in front, no possessive 's and no ZWNJ; no form is given to two persons in one
   document.
3. ``cross_document`` / ``cross_script`` agree with the persons and the languages.
4. leakage: no form of 5 characters or more occurs in a document where its person is not
   annotated (casefolded, Arabic yeh/kaf read as Persian, ZWNJ and tatweel removed), unless
   ``allowed_leaks`` lists it; a listed exception that no longer occurs is an error too.
5. script hygiene: Arabic-script texts hold no ZWNJ; Persian texts use Persian yeh/keheh
   (Arabic ones in the ``arabic_letter_persian`` documents), Arabic texts no Persian letters.
6. each ``non_mentions`` context occurs in its document and contains its form.

Then prints the counts table (per language); every row of it that the corpus README also
holds must carry the same numbers. Exit status 1 on any problem.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

LANGS = ("en", "ar", "fa")
MIN_WORDS, MAX_WORDS = 80, 250
MIN_LEAK = 5
ARABIC_YEH, ARABIC_KAF, FA_YEH, FA_KEHEH = "ي", "ك", "ی", "ک"
ZWNJ, TATWEEL = "\u200c", "\u0640"
CLITICS = frozenset("وفبلك")

# Words that are titles or ranks, never the first word of a gold form (annotation rules).
TITLE_WORDS = frozenset({
    "archbishop", "ayatollah", "captain", "cardinal", "dato'", "datuk", "dr", "emir", "field",
    "general", "grand", "h.h.", "haji", "imam", "king", "mahatma", "marshal", "minister", "mr",
    "mrs", "ms", "mufti", "patriarch", "pope", "president", "prime", "prince", "reis-ul-ulema",
    "sayyid", "senator", "seri", "sheikh", "sultan", "tunku",
    "الأمير", "الإمام", "البابا", "البطريرك", "الجنرال", "الدكتور", "الرئيس", "السلطان", "السيد",
    "السيدة", "الشيخ", "العماد", "الكاردينال", "المشير", "المفتي", "الملك", "النقيب", "سعادة",
    "سماحة", "سمو", "شيخ", "فخامة", "كاردينال", "معالي", "مفتي", "مار",
    "آقای", "آيت", "آیت", "آیت\u200cالله", "ارتشبد", "اسقف", "امام", "امیر", "حجت", "خانم",
    "داکتر", "دكتر", "دکتر", "سردار", "سلطان", "شهید", "علامه", "مفتی", "ملا", "مولانا",
    "مولوی", "پاتریارک", "پاپ", "ژنرال", "کاردینال",
})  # fmt: skip
COUNT_ROWS = (
    "documents",
    "persons",
    "person–document pairs",
    "distinct surface forms (gold entries)",
    "mention occurrences in text (longest-match count)",
    "words",
)


def fold(text: str) -> str:
    """Casefold, Arabic yeh/kaf read as Persian, ZWNJ and tatweel removed."""
    return (
        text.casefold().replace(ARABIC_YEH, FA_YEH).replace(ARABIC_KAF, FA_KEHEH)
        .replace(ZWNJ, "").replace(TATWEEL, "")
    )


def _is_word_char(c: str) -> bool:
    return c.isalnum() or unicodedata.category(c) == "Mn" or c == ZWNJ


def bounded_matches(text: str, form: str) -> list[tuple[int, int]]:
    """Spans of ``form`` in ``text`` at word boundaries (up to two Arabic clitic letters,
    و ف ب ل ك, may be glued in front)."""
    spans, start = [], 0
    while (i := text.find(form, start)) != -1:
        j = i + len(form)
        start = i + 1
        if j < len(text) and _is_word_char(text[j]):
            continue
        k = i
        while k > 0 and i - k < 2 and text[k - 1] in CLITICS:
            k -= 1
        if k > 0 and _is_word_char(text[k - 1]) and (i == 0 or _is_word_char(text[i - 1])):
            continue
        spans.append((i, j))
    return spans


def longest_match_count(text: str, forms: list[str]) -> int:
    """Occurrences of the forms in ``text``, the longest first, overlaps not counted."""
    spans = sorted(
        {span for form in forms for span in bounded_matches(text, form)},
        key=lambda s: (s[0] - s[1], s[0]),
    )
    taken: list[tuple[int, int]] = []
    for i, j in spans:
        if all(j <= a or i >= b for a, b in taken):
            taken.append((i, j))
    return len(taken)


class Corpus:
    """The files of one corpus folder, read once."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.sources: dict[str, dict[str, str]] = _read_json(folder / "sources.json")
        self.gold: dict[str, Any] = _read_json(folder / "gold.json")
        exceptions = folder / "check.json"
        self.exceptions: dict[str, Any] = _read_json(exceptions) if exceptions.is_file() else {}
        self.texts = {
            p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("d[0-9][0-9].txt"))
        }
        self.persons: dict[str, dict[str, list[str]]] = self.gold.get("persons", {})
        self.lang = {doc: meta.get("language", "") for doc, meta in self.sources.items()}

    def exception_keys(self, name: str, *fields: str) -> set[tuple[str, ...]]:
        return {tuple(row[f] for f in fields) for row in self.exceptions.get(name, [])}


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def check_shape(c: Corpus) -> list[str]:
    problems = []
    if set(c.gold) != {"about", "persons", "cross_document", "cross_script"}:
        problems.append(f"gold.json keys: {sorted(c.gold)}")
    if set(c.texts) != set(c.sources):
        problems.append(f"texts and sources.json disagree on {sorted(set(c.texts) ^ set(c.sources))}")
    for doc, meta in sorted(c.sources.items()):
        if meta.get("language") not in LANGS or not meta.get("title") or not meta.get("url"):
            problems.append(f"{doc}: sources.json needs url, language in {LANGS} and title")
        words = len(c.texts.get(doc, "").split())
        if not MIN_WORDS <= words <= MAX_WORDS:
            problems.append(f"{doc}: {words} words, outside {MIN_WORDS}-{MAX_WORDS}")
    named = {doc for docs in c.persons.values() for doc in docs}
    problems += [f"{doc}: no person annotated" for doc in sorted(set(c.sources) - named)]
    return problems


def check_forms(c: Corpus) -> list[str]:
    problems = []
    title_ok = c.exception_keys("title_word_exceptions", "person", "form")
    given_titles = {p for (p,) in c.exception_keys("given_name_titles", "person")}
    owners: dict[tuple[str, str], set[str]] = {}
    for pid, docs in c.persons.items():
        for doc, forms in docs.items():
            if doc not in c.texts:
                problems.append(f"{pid}: unknown document {doc}")
                continue
            if not forms:
                problems.append(f"{pid} {doc}: empty form list")
            problems += [
                f"{pid} {doc}: {form!r} listed {n} times" for form, n in Counter(forms).items() if n > 1
            ]
            for form in forms:
                owners.setdefault((doc, form), set()).add(pid)
                problems += [f"{pid} {doc}: {p}" for p in _form_problems(form, c.texts[doc])]
                first = form.split()[0].casefold().rstrip(".") if form.strip() else ""
                if first in TITLE_WORDS and (pid, form) not in title_ok and pid not in given_titles:
                    problems.append(f"{pid} {doc}: {form!r} starts with a title word")
    problems += [
        f"{doc}: {form!r} given to {sorted(pids)}" for (doc, form), pids in owners.items() if len(pids) > 1
    ]
    return problems


def _form_problems(form: str, text: str) -> list[str]:
    problems = []
    if form != form.strip() or not form:
        problems.append(f"blank or padded form {form!r}")
    if form not in text:
        problems.append(f"{form!r} not in the text")
    if form.endswith(("'s", "\u2019s")):
        problems.append(f"{form!r} keeps a possessive")
    if ZWNJ in form:
        problems.append(f"{form!r} contains ZWNJ")
    return problems


def check_cross_lists(c: Corpus) -> list[str]:
    problems = []
    want = {
        "cross_document": {pid for pid, docs in c.persons.items() if len(docs) >= 2},
        "cross_script": {
            pid
            for pid, docs in c.persons.items()
            if {c.lang.get(d) for d in docs} & {"en"} and {c.lang.get(d) for d in docs} & {"ar", "fa"}
        },
    }
    for name, expected in want.items():
        have = set(c.gold.get(name, []))
        if have != expected:
            problems.append(
                f"{name} disagrees with persons: missing {sorted(expected - have)}, extra {sorted(have - expected)}"
            )
    return problems


def check_leaks(c: Corpus) -> list[str]:
    problems = []
    allowed = c.exception_keys("allowed_leaks", "person", "form", "doc")
    seen: set[tuple[str, ...]] = set()
    folded = {doc: fold(text) for doc, text in c.texts.items()}
    for pid, docs in sorted(c.persons.items()):
        forms = sorted({form for fs in docs.values() for form in fs if len(form) >= MIN_LEAK})
        for doc, text in sorted(c.texts.items()):
            for form in forms:
                if doc in docs or (form not in text and fold(form) not in folded[doc]):
                    continue
                if (pid, form, doc) in allowed:
                    seen.add((pid, form, doc))
                else:
                    problems.append(f"{doc}: {form!r} of {pid} occurs but {pid} is not annotated there")
    problems += [f"allowed_leaks entry no longer occurs: {key}" for key in sorted(allowed - seen)]
    return problems


def check_scripts(c: Corpus) -> list[str]:
    problems = []
    arabic_letters = set(c.exceptions.get("arabic_letter_persian", []))
    for doc, text in sorted(c.texts.items()):
        lang = c.lang.get(doc)
        if lang in ("ar", "fa") and ZWNJ in text:
            problems.append(f"{doc}: text contains ZWNJ")
        has_arabic = ARABIC_YEH in text or ARABIC_KAF in text
        has_persian = FA_YEH in text or FA_KEHEH in text
        if lang == "fa" and doc in arabic_letters and (has_persian or not has_arabic):
            problems.append(f"{doc}: should write Arabic yeh/kaf only")
        elif lang == "fa" and doc not in arabic_letters and has_arabic:
            problems.append(f"{doc}: Arabic yeh/kaf in a Persian-letter text")
        elif lang == "ar" and has_persian:
            problems.append(f"{doc}: Persian yeh/keheh in an Arabic text")
    return problems


def check_non_mentions(c: Corpus) -> list[str]:
    return [
        f"non_mentions entry ({row['doc']}, {row['context']!r}) not found"
        for row in c.exceptions.get("non_mentions", [])
        if row["form"] not in row["context"] or row["context"] not in c.texts.get(row["doc"], "")
    ]


def counts(c: Corpus) -> dict[str, Counter[str]]:
    """The counts table: one counter per row, by language."""
    rows: dict[str, Counter[str]] = {name: Counter() for name in COUNT_ROWS}
    rows["documents"].update(c.lang.values())
    per_doc: dict[str, list[str]] = {doc: [] for doc in c.texts}
    for docs in c.persons.values():
        rows["persons"].update({c.lang[doc] for doc in docs if doc in c.lang})
        for doc, forms in docs.items():
            if doc in per_doc:
                rows["person–document pairs"][c.lang[doc]] += 1
                rows["distinct surface forms (gold entries)"][c.lang[doc]] += len(forms)
                per_doc[doc] += forms
    excluded = Counter(
        row["doc"] for row in c.exceptions.get("non_mentions", []) for _ in range(c.texts.get(row["doc"], "").count(row["context"]))
    )
    for doc, text in c.texts.items():
        rows["mention occurrences in text (longest-match count)"][c.lang[doc]] += (
            longest_match_count(text, per_doc[doc]) - excluded[doc]
        )
        rows["words"][c.lang[doc]] += len(text.split())
    return rows


def table_lines(c: Corpus, rows: dict[str, Counter[str]]) -> dict[str, str]:
    """Markdown table line per row name."""
    lines = {}
    for name, by_lang in rows.items():
        total = len(c.persons) if name == "persons" else sum(by_lang.values())
        lines[name] = f"| {name} | " + " | ".join(str(by_lang[lang]) for lang in LANGS) + f" | {total} |"
    return lines


def check_readme(c: Corpus, lines: dict[str, str]) -> list[str]:
    readme = c.folder / "README.md"
    if not readme.is_file():
        return []
    problems = []
    for line in readme.read_text(encoding="utf-8").splitlines():
        for name, want in lines.items():
            if line.startswith(f"| {name} |") and line.strip() != want:
                problems.append(f"README.md row {line.strip()!r} differs from {want!r}")
    return problems


CHECKS = (check_shape, check_forms, check_cross_lists, check_leaks, check_scripts, check_non_mentions)


def check(folder: Path) -> tuple[list[str], list[str]]:
    """The problems of a corpus folder and its counts table (markdown lines)."""
    c = Corpus(folder)
    problems = [p for run in CHECKS for p in run(c)]
    lines = table_lines(c, counts(c))
    problems += check_readme(c, lines)
    head = ["| | en | ar | fa | total |", "| --- | --- | --- | --- | --- |"]
    return problems, head + list(lines.values())


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.split("\n\n")[1].strip())
        return 2
    status = 0
    for arg in argv:
        problems, table = check(Path(arg))
        print(f"## {Path(arg).name}\n" + "\n".join(table))
        for problem in problems:
            print("PROBLEM:", problem)
        print("clean\n" if not problems else f"{len(problems)} problem(s)\n")
        status |= bool(problems)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
