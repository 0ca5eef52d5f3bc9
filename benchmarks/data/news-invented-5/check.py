#!/usr/bin/env python3
"""Consistency check for the news-invented-5 corpus (run: python3 check.py).

Checks
  1. files: d01..d12 present, sources.json / gold.json shaped as in the news-dev README;
     d01-d04 en, d05-d08 ar, d09-d12 fa; every document has at least one person.
  2. every gold surface form occurs verbatim in its document; no duplicate form in a
     document's list; no leading title word, no possessive 's, no surrounding spaces.
  3. cross_document / cross_script agree with persons and sources.json languages.
  4. leakage: no gold form (>= 5 characters) of a person occurs in a document where that
     person is not annotated -- verbatim, and again after a light normalisation
     (casefold, Arabic YEH/KAF -> Persian, ZWNJ/tatweel removed). Every hit must be listed
     in ALLOWED_LEAKS with the reason; listed exceptions that no longer occur are errors too.
  5. script hygiene: Persian documents carry no ZWNJ and use Persian YEH/KEHEH; Arabic documents use no
     Persian YEH/KEHEH.
  6. length: every text has 80-250 words.
Then prints the counts table used in README.md. Exit status 1 on any error.
"""
from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = [f"d{i:02d}" for i in range(1, 13)]
LANG = {d: "en" if i <= 4 else "ar" if i <= 8 else "fa" for i, d in enumerate(DOCS, 1)}

# (person id, form, doc) -> why the string occurs there without being that person.
ALLOWED_LEAKS: dict[tuple[str, str, str], str] = {}

# Strings that contain a gold form of the same document but are not a mention of that
# person (places/events named after a person, ordinary words). They are subtracted
# from the longest-match occurrence count; the gold forms themselves stay, since the
# same string is also a real mention elsewhere in the document.
NON_MENTIONS: list[tuple[str, str, str]] = [
    ("d01", "Nnamdi Azikiwe International Airport", "Nnamdi Azikiwe"),
    ("d08", "جسر عثماني", "عثماني"),
]

TITLE_WORDS = {
    "mr", "ms", "mrs", "dr", "president", "minister", "prime", "king", "emir", "sheikh", "prince",
    "pope", "cardinal", "archbishop", "patriarch", "grand", "ayatollah", "imam", "senator",
    "السيد", "السيدة", "الشيخ", "الأمير", "الدكتور", "الرئيس", "البابا", "الكاردينال", "الإمام",
    "معالي", "سعادة", "فخامة", "سمو", "آقای", "خانم", "دکتر", "دكتر", "آیت", "آيت", "امام",
    "پاپ", "ملا", "کاردینال", "كاردينال", "اسقف", "حجت", "شيخ", "سردار", "امیر",
    "general", "field", "marshal", "captain", "mufti", "reis-ul-ulema", "مار", "البطريرك", "المشير",
    "الجنرال", "النقيب", "المفتي", "مفتي", "ارتشبد", "ژنرال", "مفتی", "پاتریارک", "شهید",
}
# Forms that start with a word which is usually a title but here is part of the name.
TITLE_WORD_EXCEPTIONS: dict[tuple[str, str], str] = {}

ARABIC_YEH, ARABIC_KAF, FA_YEH, FA_KEHEH, ZWNJ, TATWEEL = "ي", "ك", "ی", "ک", "\u200c", "\u0640"
CLITICS = set("وفبلك")


def norm(s: str) -> str:
    return (s.casefold().replace(ARABIC_YEH, FA_YEH).replace(ARABIC_KAF, FA_KEHEH)
            .replace(ZWNJ, "").replace(TATWEEL, ""))


def is_word_char(c: str) -> bool:
    return c.isalnum() or unicodedata.category(c) == "Mn" or c == ZWNJ


def bounded_matches(text: str, form: str) -> list[tuple[int, int]]:
    """Occurrences of `form` that end at a word boundary and start at one, allowing
    up to two Arabic clitic letters (و ف ب ل ك) glued in front."""
    out, start = [], 0
    while (i := text.find(form, start)) != -1:
        j = i + len(form)
        start = i + 1
        if j < len(text) and is_word_char(text[j]):
            continue
        k = i
        while k > 0 and i - k < 2 and text[k - 1] in CLITICS:
            k -= 1
        if k > 0 and is_word_char(text[k - 1]):
            if i == 0 or is_word_char(text[i - 1]):
                continue
        out.append((i, j))
    return out


def longest_match_count(text: str, forms: list[str]) -> int:
    spans = sorted({(i, j) for f in forms for (i, j) in bounded_matches(text, f)},
                   key=lambda s: (-(s[1] - s[0]), s[0]))
    taken: list[tuple[int, int]] = []
    for i, j in spans:
        if all(j <= a or i >= b for a, b in taken):
            taken.append((i, j))
    return len(taken)


def main() -> int:
    errors: list[str] = []
    sources = json.loads((HERE / "sources.json").read_text(encoding="utf-8"))
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    texts = {d: (HERE / f"{d}.txt").read_text(encoding="utf-8") for d in DOCS}

    # 1. shape
    if sorted(sources) != DOCS:
        errors.append(f"sources.json docs {sorted(sources)} != d01..d12")
    for d in DOCS:
        s = sources.get(d, {})
        if s.get("language") != LANG[d] or s.get("url") != "invented" or not s.get("title"):
            errors.append(f"{d}: bad sources entry {s}")
    if set(gold) != {"about", "persons", "cross_document", "cross_script"}:
        errors.append(f"gold.json keys {sorted(gold)}")
    persons: dict[str, dict[str, list[str]]] = gold["persons"]
    per_doc: dict[str, dict[str, list[str]]] = {d: {} for d in DOCS}
    for pid, docs in persons.items():
        if not docs:
            errors.append(f"{pid}: no documents")
        for d, forms in docs.items():
            if d not in per_doc:
                errors.append(f"{pid}: unknown doc {d}")
                continue
            per_doc[d][pid] = forms
    for d in DOCS:
        if not per_doc[d]:
            errors.append(f"{d}: no person annotated")

    # 2. forms
    for pid, docs in persons.items():
        for d, forms in docs.items():
            if len(forms) != len(set(forms)) or not forms:
                errors.append(f"{d} {pid}: empty or duplicate forms {forms}")
            for f in forms:
                if f != f.strip() or not f:
                    errors.append(f"{d} {pid}: whitespace around {f!r}")
                if f not in texts[d]:
                    errors.append(f"{d} {pid}: form {f!r} not in text")
                first = f.split()[0].casefold().rstrip(".")
                if first in TITLE_WORDS and (pid, f) not in TITLE_WORD_EXCEPTIONS:
                    errors.append(f"{d} {pid}: form {f!r} starts with a title word")
                if f.endswith("'s") or f.endswith("\u2019s"):
                    errors.append(f"{d} {pid}: possessive in {f!r}")
    # a form must not be listed for two persons in one document
    for d in DOCS:
        seen: dict[str, str] = {}
        for pid, forms in per_doc[d].items():
            for f in forms:
                if f in seen:
                    errors.append(f"{d}: form {f!r} listed for {seen[f]} and {pid}")
                seen[f] = pid

    # 3. cross lists
    cross_doc = sorted(p for p, ds in persons.items() if len(ds) >= 2)
    cross_script = sorted(p for p, ds in persons.items()
                          if any(LANG[d] == "en" for d in ds) and any(LANG[d] != "en" for d in ds))
    if sorted(gold["cross_document"]) != cross_doc:
        errors.append(f"cross_document mismatch: expected {cross_doc}")
    if sorted(gold["cross_script"]) != cross_script:
        errors.append(f"cross_script mismatch: expected {cross_script}")

    # 4. leakage
    used: set[tuple[str, str, str]] = set()
    ntexts = {d: norm(t) for d, t in texts.items()}
    for pid, docs in persons.items():
        forms = sorted({f for fs in docs.values() for f in fs if len(f) >= 5})
        for d in DOCS:
            if d in docs:
                continue
            for f in forms:
                hit = f in texts[d] or norm(f) in ntexts[d]
                if hit:
                    key = (pid, f, d)
                    if key in ALLOWED_LEAKS:
                        used.add(key)
                    else:
                        errors.append(f"leak: {pid} form {f!r} occurs in {d} (not annotated there)")
    for key in ALLOWED_LEAKS:
        if key not in used:
            errors.append(f"stale ALLOWED_LEAKS entry {key}")

    # 5. script hygiene
    for d in DOCS:
        t = texts[d]
        if LANG[d] == "fa":
            if ZWNJ in t:
                errors.append(f"{d}: contains ZWNJ")
            if ARABIC_YEH in t or ARABIC_KAF in t:
                errors.append(f"{d}: Arabic YEH/KAF in a Persian-orthography text")
        if LANG[d] == "ar" and (FA_YEH in t or FA_KEHEH in t):
            errors.append(f"{d}: Persian YEH/KEHEH in an Arabic text")

    # 6. length
    for d in DOCS:
        n = len(texts[d].split())
        print(f"{d} {LANG[d]} {n:4d} words, {len(per_doc[d]):2d} persons")
        if not 80 <= n <= 250:
            errors.append(f"{d}: {n} words (want 80-250)")

    # non-mention spans must exist and contain their form
    nonmention = {d: 0 for d in DOCS}
    for d, ctx, f in NON_MENTIONS:
        c = texts[d].count(ctx)
        if c == 0 or f not in ctx:
            errors.append(f"NON_MENTIONS entry ({d}, {ctx!r}) not found")
        nonmention[d] += c

    # counts table
    rows = {"documents": {}, "person–document pairs": {}, "distinct surface forms (gold entries)": {},
            "mention occurrences in text (longest-match count)": {}, "words": {}}
    for lg in ("en", "ar", "fa"):
        ds = [d for d in DOCS if LANG[d] == lg]
        rows["documents"][lg] = len(ds)
        rows["person–document pairs"][lg] = sum(len(per_doc[d]) for d in ds)
        rows["distinct surface forms (gold entries)"][lg] = sum(len(fs) for d in ds for fs in per_doc[d].values())
        rows["mention occurrences in text (longest-match count)"][lg] = sum(
            longest_match_count(texts[d], [f for fs in per_doc[d].values() for f in fs]) - nonmention[d]
            for d in ds)
        rows["words"][lg] = sum(len(texts[d].split()) for d in ds)
    print("| | en | ar | fa | total |\n| --- | --- | --- | --- | --- |")
    for name, vals in rows.items():
        print(f"| {name} | {vals['en']} | {vals['ar']} | {vals['fa']} | {sum(vals.values())} |")
    print(f"\npersons: {len(persons)}; cross_document: {len(cross_doc)}; cross_script: {len(cross_script)}")
    print(f"allowed leak exceptions used: {len(used)}")

    if errors:
        print(f"\n{len(errors)} ERROR(S):")
        for e in errors:
            print("  " + e)
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
