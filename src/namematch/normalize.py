"""Script-aware cleaning of name strings (the first stage of namematch).

Every later stage works on the tokens this module produces:

* :func:`tokenize` splits a string into :class:`Token` objects that keep their
  original span, their script and a normalised form;
* :func:`normalize` joins the normalised forms into one comparison string;
* :func:`script_of` tells which script a token (or string) is written in.

Arabic-script tokens lose diacritics, tatweel and invisible marks, and fold the
letter variants that spelling varies on (alef forms, yeh/alef maqsura, keheh,
teh marbuta, hamza seats, digits). Persian-only letters (پ چ ژ گ) are kept, as
they tell the romaniser which convention to follow. Latin tokens are NFKC
normalised, case-folded, stripped of accents, apostrophes and ayn/hamza marks;
hyphens and dots separate tokens. Cyrillic and Greek look-alike letters inside a
Latin token are folded to Latin (a sign of evasion that :mod:`namematch.score`
reports).

>>> normalize("Qāsim  SULAYMĀNĪ")
'qasim sulaymani'
>>> normalize("أَحْمَد") == normalize("احمد")
True
>>> normalize("زارع\u200cپور")
'زارعپور'
>>> script_of("سلیمانی"), script_of("سليماني"), script_of("Soleimani")
('persian', 'arabic', 'latin')
"""

from __future__ import annotations

from namematch._checks import check_str
from namematch._text import (
    ARABIC,
    LATIN,
    MIXED,
    NONE,
    NORMAL_ARABIC,
    OTHER,
    PERSIAN,
    Token,
    normalize_arabic,
    normalize_latin,
    script_of,
    short_cache,
    tokens,
)
from namematch._text import (
    CACHE_MAX_LEN as CACHE_MAX_LEN,
)
from namematch._text import (
    PERSIAN_LETTERS as PERSIAN_LETTERS,
)

__all__ = [
    "ARABIC",
    "LATIN",
    "MIXED",
    "NONE",
    "OTHER",
    "PERSIAN",
    "Token",
    "normalize",
    "normalize_arabic",
    "normalize_latin",
    "script_of",
    "tokenize",
]

#: :func:`tokenize`'s cache (strings up to :data:`CACHE_MAX_LEN` characters).
_tokenize_cached = short_cache(maxsize=65536)(tokens)


def tokenize(text: str) -> tuple[Token, ...]:
    """Split a name string into normalised tokens with their original spans.

    Separators are whitespace and punctuation (hyphens, dots, commas, Arabic
    comma ، and so on); apostrophes, zero-width and bidi marks are removed
    without splitting, so ``زارع\u200cپور`` and ``Ja'far`` stay single tokens.
    A change between Arabic script and Latin script also splits.

    >>> [(t.text, t.norm, t.script) for t in tokenize("Al-Yasiri، عبد الله")]
    [('Al', 'al', 'latin'), ('Yasiri', 'yasiri', 'latin'), ('عبد', 'عبد', 'arabic'), ('الله', 'الله', 'arabic')]
    >>> t = tokenize("  Hüseyin ")[0]; (t.start, t.end, t.norm)
    (2, 9, 'huseyin')
    """
    check_str(text, "text")
    return _tokenize_cached(text)


def normalize(name: str) -> str:
    """Return the normalised comparison form of a name string.

    Idempotent: ``normalize(normalize(x)) == normalize(x)``; never raises on a
    ``str``; raises :class:`TypeError` on anything else.

    >>> normalize("Nasir Abd al-Muhsin")
    'nasir abd al muhsin'
    >>> normalize("سلیمانی") == normalize("سليماني")
    True
    >>> normalize("")
    ''
    """
    check_str(name)
    if name and NORMAL_ARABIC.issuperset(name):
        return name  # one Arabic-script word, already normal (a parsed unit's core)
    return " ".join(t.norm for t in _tokenize_cached(name))
