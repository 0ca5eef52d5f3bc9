"""The text engine of :mod:`namematch.normalize` (package-private; decision 0011): script
labels and tables, script detection, the Arabic-script and Latin normalisers, the
tokenizer and the per-string cache of the stages. ``namematch.normalize`` is its public
face; any namematch module may import the names here (``short_cache``, ``clean_text``,
``tokens``, ``Word``) that the public API does not show.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, Final, TypeVar

import attrs
from unidecode import unidecode

from namematch._checks import check_str

__all__ = [
    "ARABIC",
    "ASCII_RUN",
    "CACHE_MAX_LEN",
    "LATIN",
    "MIXED",
    "NONE",
    "NORMAL_ARABIC",
    "OTHER",
    "PERSIAN",
    "PERSIAN_LETTERS",
    "Token",
    "Word",
    "clean_text",
    "normalize_arabic",
    "normalize_latin",
    "script_of",
    "short_cache",
    "tokens",
]

# Script labels -------------------------------------------------------------
ARABIC: Final = "arabic"
PERSIAN: Final = "persian"  # Arabic script with Persian-only letters or forms
LATIN: Final = "latin"
OTHER: Final = "other"
MIXED: Final = "mixed"  # Arabic-script and Latin letters in one string
NONE: Final = "none"  # no letters at all

#: Characters that are deleted without separating tokens: zero-width and bidi
#: controls, soft hyphen, tatweel, apostrophes and ayn/hamza transliteration marks.
_INVISIBLE = (
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff\u034f"
)
_APOSTROPHES = "'\u2019\u2018\u02bf\u02be\u02bc\u02bb\u0060\u00b4\u2032\u02b9\u02c8\u055a"
_TATWEEL = "\u0640"
_DROP: Final = frozenset(_INVISIBLE + _APOSTROPHES + _TATWEEL)

# Arabic-script folding -------------------------------------------------------
_ARABIC_FOLD: Final[dict[int, str]] = {
    # alef forms
    ord("\u0623"): "\u0627",  # أ
    ord("\u0625"): "\u0627",  # إ
    ord("\u0622"): "\u0627",  # آ
    ord("\u0671"): "\u0627",  # ٱ
    ord("\u0672"): "\u0627",
    ord("\u0673"): "\u0627",
    # yeh forms
    ord("\u0649"): "\u064a",  # ى alef maqsura
    ord("\u06cc"): "\u064a",  # ی Farsi yeh
    ord("\u06d2"): "\u064a",  # ے yeh barree
    ord("\u06d0"): "\u064a",
    ord("\u0626"): "\u064a",  # ئ hamza on yeh
    # kaf forms
    ord("\u06a9"): "\u0643",  # ک keheh
    ord("\u06aa"): "\u0643",
    # heh / teh marbuta forms
    ord("\u0629"): "\u0647",  # ة
    ord("\u06c0"): "\u0647",  # ۀ
    ord("\u06c1"): "\u0647",  # ہ
    ord("\u06c3"): "\u0647",  # ۃ
    ord("\u06be"): "\u0647",  # ھ
    ord("\u06d5"): "\u0647",  # ە
    # waw with hamza
    ord("\u0624"): "\u0648",  # ؤ
    ord("\u0676"): "\u0648",
    # Arabic-Indic and Persian digits
    **{ord(chr(0x0660 + i)): str(i) for i in range(10)},
    **{ord(chr(0x06F0 + i)): str(i) for i in range(10)},
}
#: Tashkeel, Quranic annotation marks and the superscript alef.
_ARABIC_MARKS_RE: Final = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u08d3-\u08ff]"
)
#: Letters that only Persian (and Urdu) use: their presence marks a Persian token.
PERSIAN_LETTERS: Final = frozenset("\u067e\u0686\u0698\u06af\u06cc\u06a9\u06c0")
_FAMILY_AL: Final = "\u0622\u0644"  # آل "family of", kept apart from the article ال

# Latin look-alikes from Cyrillic and Greek (folded inside Latin tokens only).
_CONFUSABLES: Final[dict[int, str]] = {
    ord(k): v
    for k, v in {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
        "ј": "j", "ѕ": "s", "һ": "h", "ԁ": "d", "ɡ": "g", "ӏ": "l", "к": "k", "м": "m",
        "т": "t", "в": "b", "н": "h",
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
        "α": "a", "ο": "o", "ν": "v", "ι": "i", "κ": "k", "τ": "t", "ρ": "p",
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
        "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    }.items()
}


#: Strings longer than this bypass the per-string caches of namematch: a cache of
#: 65,536 one-megabyte texts (and their tokens) would hold tens of gigabytes.
CACHE_MAX_LEN: Final = 256

_F = TypeVar("_F", bound=Callable[..., Any])


def short_cache(maxsize: int) -> Callable[[_F], _F]:
    """``lru_cache`` for a function of a str (then hashable arguments), skipped
    for strings longer than :data:`CACHE_MAX_LEN` so memory stays bounded."""

    def deco(fn: _F) -> _F:
        cached = lru_cache(maxsize=maxsize)(fn)

        @wraps(fn)
        def wrapper(text: str, *args: Any) -> Any:
            if len(text) > CACHE_MAX_LEN:
                return fn(text, *args)
            return cached(text, *args)

        wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        wrapper.cache_info = cached.cache_info  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return deco


def _is_arabic_char(c: str) -> bool:
    o = ord(c)
    return (
        0x0600 <= o <= 0x06FF
        or 0x0750 <= o <= 0x077F
        or 0x08A0 <= o <= 0x08FF
        or 0xFB50 <= o <= 0xFDFF
        or 0xFE70 <= o <= 0xFEFF
    )


def _in_latin_block(c: str) -> bool:
    o = ord(c)
    if o < 0x80:
        return c.isalpha()
    return (
        0x00C0 <= o <= 0x024F
        or 0x1E00 <= o <= 0x1EFF
        or 0x0250 <= o <= 0x02AF
        or 0x2C60 <= o <= 0x2C7F
        or 0xA720 <= o <= 0xA7FF
        or 0xFF21 <= o <= 0xFF5A
    ) and c.isalpha()


@lru_cache(maxsize=8192)
def _is_latin_char(c: str) -> bool:
    """A Latin letter, or a character whose compatibility form is Latin (ﬁ, º, 𝐀, K, Ⅻ)."""
    if _in_latin_block(c):
        return True
    if c.isascii():
        return False
    compat = unicodedata.normalize("NFKC", c)
    return compat != c and _in_latin_block(compat[0])


@attrs.frozen(slots=True)
class Token:
    """One token of a name string.

    ``text`` is ``source[start:end]`` exactly; ``norm`` is its normalised form
    (never empty for a token returned by :func:`tokenize`).
    """

    text: str
    norm: str
    start: int
    end: int
    script: str
    #: True when Cyrillic/Greek look-alike letters were folded to Latin.
    homoglyphs: bool = False


class Word:
    """A token as the parser reads it: the fields of :class:`Token` in a plain
    slotted class (a frozen attrs instance takes about three times as long to make)."""

    __slots__ = ("end", "homoglyphs", "norm", "script", "start", "text")

    def __init__(self, text: str, norm: str, start: int, end: int, script: str, homoglyphs: bool = False) -> None:
        self.text = text
        self.norm = norm
        self.start = start
        self.end = end
        self.script = script
        self.homoglyphs = homoglyphs


#: The token type a tokenizer makes: the public Token, or the parser's Word.
_T = TypeVar("_T", Token, Word)


@lru_cache(maxsize=8192)
def _compat_letter(c: str) -> str | None:
    """The first letter of the compatibility (NFKC) form of a non-letter, if any.

    Number-like characters such as Ⅻ or ⒜ expand to letters under NFKC; they are
    classed (and given a script) by those letters, so that ``normalize`` stays
    idempotent ("Ⅻا" is two tokens, not one Arabic token holding "XII").
    """
    if c.isascii():
        return None
    for x in unicodedata.normalize("NFKC", c):
        if x.isalpha():
            return x
    return None


@lru_cache(maxsize=8192)
def _char_class(c: str) -> str:
    """'w' word letter, 'm' mark/digit (joins any word), 'd' dropped, 's' separator."""
    if c in _DROP:
        return "d"
    cat = unicodedata.category(c)
    if cat[0] == "L":
        return "w"
    if cat[0] == "N" and _compat_letter(c) is not None:
        return "w"
    if cat[0] in "MN":
        return "m"
    return "s"


def _letter_script(c: str) -> str:
    """The script a word letter is read in: that of its compatibility form (NFKC) when the
    letter itself lies outside the Arabic and Latin blocks, so a token splits where its
    normalised form would (the Arabic mathematical alef 𞸀 is ا: "µ𞸀" is "μ ا", which
    normalises to itself)."""
    if not c.isalpha():
        c = _compat_letter(c) or c
    if _is_arabic_char(c):
        return ARABIC
    if _is_latin_char(c) or (ord(c) in _CONFUSABLES):
        return LATIN
    if not c.isascii():
        compat = unicodedata.normalize("NFKC", c)
        if compat != c and compat and _is_arabic_char(compat[0]):
            return ARABIC
    return OTHER


def clean_text(text: str) -> str:
    """Replace characters that cannot be encoded (lone surrogates) with spaces."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = "".join(" " if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    return text


def script_of(text: str) -> str:
    """Return the script of a token or string.

    One of ``"persian"`` (Arabic script with a Persian-only letter such as
    پ چ ژ گ ی ک), ``"arabic"``, ``"latin"``, ``"other"``, ``"mixed"`` (both
    Arabic-script and Latin letters) or ``"none"`` (no letters).

    >>> script_of("قاسم"), script_of("پزشکیان"), script_of("Ali"), script_of("Али")
    ('arabic', 'persian', 'latin', 'other')
    >>> script_of("Ali علي"), script_of("123")
    ('mixed', 'none')
    """
    check_str(text, "text")
    has_ar = has_la = has_other = False
    persian = False
    for c in text:
        if not c.isalpha():
            continue
        if _is_arabic_char(c):
            has_ar = True
            if c in PERSIAN_LETTERS:
                persian = True
        elif _is_latin_char(c):
            has_la = True
        else:
            has_other = True
    if has_ar and has_la:
        return MIXED
    if has_ar:
        return PERSIAN if persian else ARABIC
    if has_la:
        return LATIN
    if has_other:
        return OTHER
    return NONE


#: Arabic-script letters that normalisation leaves as they are (no folding, no
#: marks): a word of these letters alone is its own normal form (a fast path).
NORMAL_ARABIC: Final = frozenset("ءابتثجحخدذرزسشصضطظعغفقكلمنهويپچژگڤ")


def normalize_arabic(token: str) -> str:
    """Normalise one Arabic-script word (no separators inside).

    >>> normalize_arabic("إِبْرَاهِيمُ")
    'ابراهيم'
    >>> normalize_arabic("فاطمة") == normalize_arabic("فاطمه")
    True
    >>> normalize_arabic("آل")  # "family of" stays distinct from the article
    'آل'
    """
    if NORMAL_ARABIC.issuperset(token):
        return token
    # drop before NFKC too: it expands some marks (´ → space + combining acute)
    t = unicodedata.normalize("NFKC", "".join(c for c in token if c not in _DROP))
    t = _ARABIC_MARKS_RE.sub("", t)
    t = "".join(c for c in t if c not in _DROP)
    if t == _FAMILY_AL:
        return t
    t = t.translate(_ARABIC_FOLD)
    if not all(_char_class(c) in "wm" for c in t):  # NFKC can expand ligatures
        pieces = "".join(c if _char_class(c) in "wm" else " " for c in t).split()
        # a piece of combining marks alone is no token (normalize stays idempotent)
        t = " ".join(p for p in pieces if not all(unicodedata.combining(c) for c in p))
    return t


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize_latin(token: str) -> str:
    """Normalise one Latin-script word to lower-case ASCII letters and digits.

    >>> normalize_latin("Ja'far"), normalize_latin("ʿAbbās"), normalize_latin("Hüseyin")
    ('jafar', 'abbas', 'huseyin')
    >>> normalize_latin("Straße")
    'strasse'
    """
    if token.isascii():  # fast path, same result: nothing to fold but case
        return token.lower() if token.isalnum() else "".join(c for c in token.lower() if c.isalnum())
    t = token.translate(_CONFUSABLES)
    t = _strip_accents(unicodedata.normalize("NFKC", t)).casefold()
    if not t.isascii():
        t = unidecode(t).lower()
    return "".join(c for c in t if c.isascii() and c.isalnum())


def _normalize_other(token: str) -> str:
    t = "".join(c for c in token if c not in _DROP)
    for _ in range(3):  # NFKC and case folding converge in a few rounds
        nxt = unicodedata.normalize("NFKC", t).casefold()
        if nxt == t:
            break
        t = nxt
    return "".join(c for c in t if _char_class(c) in "wm")


def _norm_token(text: str, script: str) -> tuple[str, str, bool]:
    """Return (norm, script, homoglyphs) for a raw token."""
    if script == ARABIC:
        norm = normalize_arabic(text)
        return norm, (PERSIAN if any(c in PERSIAN_LETTERS for c in text) else ARABIC), False
    if script == LATIN:
        homo = any(ord(c) in _CONFUSABLES for c in text)
        return normalize_latin(text), LATIN, homo
    if script == NONE:  # digits only
        return normalize_latin(unicodedata.normalize("NFKC", text).translate(_ARABIC_FOLD)), NONE, False
    return _normalize_other(text), OTHER, False


def _latin_or_confusable_token(chars: str) -> bool:
    """A token of Cyrillic/Greek letters is Latin only if it also has true Latin letters."""
    return any(_is_latin_char(c) and ord(c) not in _CONFUSABLES for c in chars)


#: A run of ASCII word characters: letters, digits and the dropped ' and `.
ASCII_RUN: Final = re.compile(r"[A-Za-z0-9'`]+")


def _tokenize_ascii(text: str, make: type[_T] = Token) -> tuple[_T, ...]:  # type: ignore[assignment]
    """Fast path of :func:`tokens` for pure-ASCII text (same result)."""
    tokens: list[_T] = []
    append = tokens.append
    find = text.find
    end = 0
    # (a run found from the end of the one before starts where the pattern matched it:
    # only characters outside runs lie between)
    for raw in ASCII_RUN.findall(text):
        s = find(raw, end)
        end = s + len(raw)
        if raw.isalpha():  # letters only (most tokens): the token is the run itself
            append(make(raw, raw.lower(), s, end, LATIN, False))
            continue
        if raw.isalnum():  # no apostrophe: the token is the run itself
            norm = raw.lower()
            append(make(raw, norm, s, end, NONE if norm.isdigit() else LATIN, False))
            continue
        norm = raw.lower().replace("'", "").replace("`", "")
        if not norm:
            continue
        e = end
        if raw[0] in "'`" or raw[-1] in "'`":
            core = raw.strip("'`")
            s += len(raw) - len(raw.lstrip("'`"))
            e = s + len(core)
        append(make(text[s:e], norm, s, e, NONE if norm.isdigit() else LATIN, False))
    return tuple(tokens)


def tokens(text: str, make: type[_T] = Token) -> tuple[_T, ...]:  # type: ignore[assignment]
    """:func:`tokenize` without its cache, for callers that cache what they make
    of the tokens (parse, which asks for its cheaper ``Word`` tokens): their
    token objects then do not outlive the call."""
    if text.isascii():
        return _tokenize_ascii(text, make)
    if _ARABIC_PLAIN.fullmatch(text):
        return _tokenize_arabic_plain(text, make)
    if len(text) > _CHUNKED_FROM:
        return _tokenize_chunks(text, make)
    return _tokenize_general(text, make)


#: Texts longer than this (running text rather than a name) are tokenized chunk by chunk.
_CHUNKED_FROM: Final = 256
#: A chunk of text between whitespace (whitespace always separates tokens).
_CHUNK: Final = re.compile(r"\S+")


def _tokenize_chunks(text: str, make: type[_T] = Token) -> tuple[_T, ...]:  # type: ignore[assignment]
    """:func:`_tokenize_general` of a long text, one whitespace-separated chunk at a time
    (same tokens): a chunk of ASCII letters and digits, or of plain Arabic-script letters,
    is one token made at once; any other chunk goes through the general tokenizer."""
    text = clean_text(text)
    tokens: list[_T] = []
    arabic: dict[str, tuple[str, str, bool]] = {}  # words repeat in running text
    for m in _CHUNK.finditer(text):
        chunk = m.group()
        s = m.start()
        if chunk.isascii() and chunk.isalnum():
            norm = chunk.lower()
            tokens.append(make(chunk, norm, s, m.end(), NONE if norm.isdigit() else LATIN, False))
        elif chunk in arabic or _ARABIC_RUN.fullmatch(chunk):
            known = arabic.get(chunk)
            if known is None:
                known = arabic[chunk] = _norm_token(chunk, ARABIC)
            norm, script, homoglyphs = known
            if norm:
                tokens.append(make(chunk, norm, s, m.end(), script, homoglyphs))
        else:
            for t in _tokenize_general(chunk, make):
                tokens.append(make(t.text, t.norm, t.start + s, t.end + s, t.script, t.homoglyphs))
    return tuple(tokens)


def _arabic_plain_class() -> str:
    """A regex character class of the Arabic-block letters that the general tokenizer
    reads as plain Arabic-script word letters (no marks, digits, tatweel or joiners)."""
    letters = [chr(o) for o in range(0x0600, 0x0700)]
    ok = [c for c in letters if _char_class(c) == "w" and _letter_script(c) == ARABIC]
    return "[" + "".join(re.escape(c) for c in ok) + "]"


_ARABIC_PLAIN_LETTER: Final = _arabic_plain_class()
#: A name of plain Arabic-script letters and ASCII spaces (most Arabic-script names).
_ARABIC_PLAIN: Final = re.compile(f"(?:{_ARABIC_PLAIN_LETTER}| )+")
_ARABIC_RUN: Final = re.compile(f"{_ARABIC_PLAIN_LETTER}+")


def _tokenize_arabic_plain(text: str, make: type[_T] = Token) -> tuple[_T, ...]:  # type: ignore[assignment]
    """Fast path of :func:`tokens` for plain Arabic-script letters and spaces (same result)."""
    tokens: list[_T] = []
    for m in _ARABIC_RUN.finditer(text):
        raw = m.group()
        norm, script, homoglyphs = _norm_token(raw, ARABIC)
        if norm:
            tokens.append(make(raw, norm, m.start(), m.end(), script, homoglyphs))
    return tuple(tokens)




def _tokenize_general(text: str, make: type[_T] = Token) -> tuple[_T, ...]:  # type: ignore[assignment]
    text = clean_text(text)
    tokens: list[_T] = []
    start = -1
    cur_script = NONE
    n = len(text)

    def flush(end: int) -> None:
        raw = text[start:end]
        script = cur_script
        if script == LATIN and not _latin_or_confusable_token(raw):
            script = OTHER
        norm, tscript, homo = _norm_token(raw, script)
        if norm:
            # trim dropped characters from the span edges so spans stay tight
            s, e = start, end
            while s < e and _char_class(text[s]) == "d":
                s += 1
            while e > s and _char_class(text[e - 1]) == "d":
                e -= 1
            if " " in norm:
                # a compatibility form with spaces inside (¼ → "1 4", a ligature of a
                # phrase) is several words: one token each, all spanning the source
                # characters, read as the normalised text would be read
                for piece in _tokenize_general(norm, make):
                    tokens.append(make(text[s:e], piece.norm, s, e, piece.script, homo or piece.homoglyphs))
                return
            tokens.append(make(text[s:e], norm, s, e, tscript, homo))

    for i in range(n):
        c = text[i]
        cls = _char_class(c)
        if cls == "s":
            if start >= 0:
                flush(i)
                start = -1
            continue
        if cls == "w":
            sc = _letter_script(c)
            if start < 0:
                start, cur_script = i, sc
            elif cur_script == NONE:
                cur_script = sc
            elif sc != cur_script and ARABIC in (sc, cur_script):
                flush(i)  # a change between Arabic script and another script splits
                start, cur_script = i, sc
            elif sc != cur_script and cur_script == OTHER and sc == LATIN:
                cur_script = LATIN  # mixed Latin/look-alike token is Latin
            continue
        # marks, digits and dropped characters join the current token
        if start < 0:
            start, cur_script = i, NONE
    if start >= 0:
        flush(n)
    return tuple(tokens)
