"""Consistency check of the news-invented-4 gold (run: python check.py).

Checks that:
- sources.json, gold.json and the dNN.txt files agree (every document has a text, a
  language, a title and at least one person; texts are 80 to 250 words);
- every gold surface form occurs verbatim in its document, is listed once per document
  and per person, carries no title word in front and no possessive 's;
- no form is given to two persons in one document;
- cross_document and cross_script agree with persons and the documents' languages;
- no gold form of 5 or more characters of a person occurs (casefolded) in a document where
  that person is not annotated, except the namesake hits listed in KNOWN_HITS;
- the Persian and Arabic texts and forms contain no ZWNJ, and no Persian text writes
  Arabic yeh/kaf;
- the counts table in README.md is the one computed here.

Prints the counts table of README.md and exits with status 1 on any problem.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
LANGS = ("en", "ar", "fa")
LATIN = {"en"}
ARABIC_SCRIPT = {"ar", "fa"}
MIN_WORDS, MAX_WORDS = 80, 250
MIN_STRAY = 5
ZWNJ = "\u200c"
ARABIC_YEH_KAF = "\u064a\u0643"  # ي ك
PERSIAN_YEH_KAF = "\u06cc\u06a9"  # ی ک
ARABIC_LETTER_PERSIAN: set[str] = set()

# Words that are titles, never part of a gold form (README: annotation rules).
TITLE_WORDS = {
    "mr", "mr.", "ms", "ms.", "dr", "dr.", "sheikh", "prince", "president", "minister",
    "sultan", "king", "general", "imam", "sayyid", "h.h.", "datuk", "dato'", "seri", "haji",
    "tunku", "mahatma", "الشيخ", "السيد", "الدكتور", "الأمير", "الملك", "السلطان", "سمو",
    "معالي", "الإمام", "المشير", "آقای", "دکتر", "دكتر", "سردار", "امام", "علامه", "مولانا",
    "حجت", "سلطان", "آیت", "آیت‌الله", "مولوی", "داکتر", "ملا", "العماد", "سعادة", "سماحة",
}

# Persons whose given name is also a title word (Sultan Al Jaber): their forms may start with it.
GIVEN_NAME_TITLES: dict[str, str] = {
    "sultan-al-jaber": "Sultan / سلطان is his given name, not the ruler's title",
}

# (person id, form, document): a form that occurs in a document where its person is not
# annotated, checked by hand. Each is another person or a place sharing the name.
KNOWN_HITS: dict[tuple[str, str, str], str] = {
}


def load() -> tuple[dict[str, dict[str, str]], dict[str, Any], dict[str, str]]:
    sources = json.loads((HERE / "sources.json").read_text(encoding="utf-8"))
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    texts = {doc: (HERE / f"{doc}.txt").read_text(encoding="utf-8") for doc in sources
             if (HERE / f"{doc}.txt").is_file()}
    return sources, gold, texts


def check(sources: dict[str, dict[str, str]], gold: dict[str, Any],
          texts: dict[str, str]) -> list[str]:
    problems: list[str] = []
    persons: dict[str, dict[str, list[str]]] = gold["persons"]
    on_disk = {p.stem for p in HERE.glob("d[0-9][0-9].txt")}

    if set(gold) != {"about", "persons", "cross_document", "cross_script"}:
        problems.append(f"gold.json keys: {sorted(gold)}")
    if on_disk != set(sources):
        problems.append(f"texts without source or sources without text: "
                        f"{sorted(on_disk ^ set(sources))}")
    for doc, meta in sources.items():
        if meta.get("language") not in LANGS or not meta.get("title") or not meta.get("url"):
            problems.append(f"{doc}: sources.json needs url, language in {LANGS} and title")
        text = texts.get(doc, "")
        words = len(text.split())
        if not MIN_WORDS <= words <= MAX_WORDS:
            problems.append(f"{doc}: {words} words, outside {MIN_WORDS}-{MAX_WORDS}")
        if meta.get("language") in ARABIC_SCRIPT and ZWNJ in text:
            problems.append(f"{doc}: text contains ZWNJ")
        if meta.get("language") == "fa":
            has_arabic = any(c in text for c in ARABIC_YEH_KAF)
            has_persian = any(c in text for c in PERSIAN_YEH_KAF)
            if doc in ARABIC_LETTER_PERSIAN and (has_persian or not has_arabic):
                problems.append(f"{doc}: should use Arabic yeh/kaf only")
            if doc not in ARABIC_LETTER_PERSIAN and has_arabic:
                problems.append(f"{doc}: Arabic yeh/kaf in a Persian-letter text")

    docs_with_persons: set[str] = set()
    for pid, docs in persons.items():
        for doc, forms in docs.items():
            docs_with_persons.add(doc)
            if doc not in texts:
                problems.append(f"{pid}: unknown document {doc}")
                continue
            if not forms:
                problems.append(f"{pid} {doc}: empty form list")
            for form, n in Counter(forms).items():
                if n > 1:
                    problems.append(f"{pid} {doc}: {form!r} listed {n} times")
            for form in forms:
                if form != form.strip() or not form:
                    problems.append(f"{pid} {doc}: blank or padded form {form!r}")
                if form not in texts[doc]:
                    problems.append(f"{pid} {doc}: {form!r} not in the text")
                if (form.split()[0].casefold() in TITLE_WORDS
                        and pid not in GIVEN_NAME_TITLES):
                    problems.append(f"{pid} {doc}: {form!r} starts with a title word")
                if form.endswith(("'s", "\u2019s")):
                    problems.append(f"{pid} {doc}: {form!r} keeps a possessive")
                if ZWNJ in form:
                    problems.append(f"{pid} {doc}: {form!r} contains ZWNJ")
    for doc in sorted(set(sources) - docs_with_persons):
        problems.append(f"{doc}: no person annotated")

    owners: dict[tuple[str, str], list[str]] = {}
    for pid, docs in persons.items():
        for doc, forms in docs.items():
            for form in forms:
                owners.setdefault((doc, form), []).append(pid)
    for (doc, form), pids in owners.items():
        if len(set(pids)) > 1:
            problems.append(f"{doc}: {form!r} given to {sorted(set(pids))}")

    lang = {doc: meta.get("language") for doc, meta in sources.items()}
    want_doc = sorted(pid for pid, docs in persons.items() if len(docs) >= 2)
    want_script = sorted(
        pid for pid, docs in persons.items()
        if {lang.get(d) for d in docs} & LATIN and {lang.get(d) for d in docs} & ARABIC_SCRIPT)
    for name, want in (("cross_document", want_doc), ("cross_script", want_script)):
        have = set(gold[name])
        if have != set(want):
            problems.append(f"{name} disagrees with persons: missing "
                            f"{sorted(set(want) - have)}, extra {sorted(have - set(want))}")

    folded = {doc: text.casefold() for doc, text in texts.items()}
    seen_hits: set[tuple[str, str, str]] = set()
    for pid, docs in persons.items():
        long_forms = {form for fs in docs.values() for form in fs if len(form) >= MIN_STRAY}
        for form in sorted(long_forms):
            for doc, text in folded.items():
                if doc in docs or form.casefold() not in text:
                    continue
                key = (pid, form, doc)
                if key in KNOWN_HITS:
                    seen_hits.add(key)
                else:
                    problems.append(f"{doc}: {form!r} of {pid} occurs but {pid} is not "
                                    f"annotated there")
    for key in sorted(set(KNOWN_HITS) - seen_hits):
        problems.append(f"KNOWN_HITS entry no longer occurs: {key}")
    return problems


def counts(sources: dict[str, dict[str, str]], gold: dict[str, Any]) -> str:
    persons: dict[str, dict[str, list[str]]] = gold["persons"]
    lang = {doc: meta["language"] for doc, meta in sources.items()}
    rows = {"documents": Counter(lang.values()), "person–document pairs": Counter(),
            "distinct surface forms (gold entries)": Counter(), "persons": Counter()}
    for docs in persons.values():
        for doc, forms in docs.items():
            rows["person–document pairs"][lang[doc]] += 1
            rows["distinct surface forms (gold entries)"][lang[doc]] += len(forms)
        for code in {lang[doc] for doc in docs}:
            rows["persons"][code] += 1
    lines = ["| | en | ar | fa | total |", "| --- | --- | --- | --- | --- |"]
    for name, by_lang in rows.items():
        total = len(persons) if name == "persons" else sum(by_lang.values())
        cells = " | ".join(str(by_lang[code]) for code in LANGS)
        lines.append(f"| {name} | {cells} | {total} |")
    lines.append(f"\n{len(persons)} persons; {len(gold['cross_document'])} cross_document; "
                 f"{len(gold['cross_script'])} cross_script.")
    return "\n".join(lines)


def main() -> int:
    sources, gold, texts = load()
    problems = check(sources, gold, texts)
    table = counts(sources, gold)
    print(table)
    if table.split("\n\n")[0] not in (HERE / "README.md").read_text(encoding="utf-8"):
        problems.append("README.md counts table differs from the one above")
    for problem in problems:
        print("PROBLEM:", problem)
    print("clean" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
