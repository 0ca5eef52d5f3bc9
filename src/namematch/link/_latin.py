"""Person names in English (Latin-script) running text (private).

A name is a run of capitalised words (with lower-case particles inside: ``al-``,
``bin``, ``de``) that is not an organisation, a place or ordinary English. A
run is accepted on its own evidence: a title or role before it ("Foreign
Minister"), a role in apposition after it ("Ishaq Dar, Pakistan's Deputy Prime
Minister"), or two name words one of which is a known name element or a
particle. Other runs are kept as weak candidates and accepted only when the
document names the same person fully (a surname after the full name).
Ordinary words (``wordfreq``: common English that is not a name element) are
trimmed from a run's edges ("Later", "Special"), and a run of ordinary words
alone is no name.
"""

from __future__ import annotations

from typing import Final

from namematch import lexicon
from namematch.link._context import RULERS
from namematch.link._evidence import latin_ordinary
from namematch.link._found import Found
from namematch.link._resources import LinkWords
from namematch.link._scan import Word

__all__ = ["LatinDetector"]

LATIN_PARTICLES: Final = frozenset(
    {"al", "el", "bin", "ibn", "bint", "ben", "abu", "abou", "abd", "abdul", "abdel", "de",
     "da", "di", "van", "von", "der", "du", "le", "la", "ul", "ud", "e", "ould", "bou", "y"}
)  # fmt: skip
LOWER_JOINERS: Final = frozenset({"al", "el", "bin", "ibn", "bint", "ben", "de", "da", "di",
                                  "van", "von", "der", "du", "ul", "ud", "e", "ould", "y", "la", "le",
                                  # the second particle of Dutch, Portuguese, Spanish and Italian names
                                  # (van den Broek, dos Santos, del Toro, della Rovere)
                                  "den", "dos", "das", "del", "della"})
_ORG_FOLLOWERS: Final = frozenset({"news", "agency", "party", "newspaper", "daily", "group", "movement",
                                   "government", "ministry", "television", "tv", "channel", "company",
                                   "airport", "university", "foundation", "street", "square"})
_SAYYID: Final = frozenset({"seyed", "seyyed", "sayyid", "sayed", "sayyed", "seied", "sayid", "syed", "seyyid"})
MAX_NAME_WORDS: Final = 8
#: A capitalised word this common in English may stand in a portfolio between a role and the
#: comma before the name ("Minister of State for Petroleum Resources, X").
PORTFOLIO_ZIPF: Final = 3.0
#: At most this many accepted name elements are compared with one weak word per blocking key.
_MAX_VARIANT_BLOCK: Final = 50
#: Words between a role and a comma before the name ("envoy for Yemen, X").
_ROLE_LINKS: Final = frozenset({"for", "of", "to", "the", "on", "in", "and", "at"})
#: Words before a byline or a photo credit: a name of two to four words follows.
_BYLINE_CUES: Final = frozenset({"by", "photo", "photos", "photograph", "picture", "credit", "credits"})
#: Words before a nickname: "dubbed", "nicknamed", "alias", "known as".
_ALIAS_CUES: Final = frozenset({"dubbed", "nicknamed", "alias", "aka"})
#: Roman numerals after a ruler's or pope's name (a regnal name), "I" left out (the pronoun).
_REGNAL_NUMERALS: Final = frozenset(
    "II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX XXI XXII XXIII".split())
#: Titles that are name elements between two name words (Somali and South Asian names; Persian
#: family names that start with Haj: Mohammad-Javad Haj Ali-Akbari, Hamidreza Haji Babaei; Shah
#: in Persian and Afghan names: Ahmad Shah X, Reza Shah Pahlavi).
_INNER_TITLES: Final = frozenset({"sheikh", "shaikh", "shaykh", "sheik", "sheekh", "haj", "hajj", "haji", "hajji",
                                   # Shah inside a Persian or Afghan compound given name (Ahmad Shah X)
                                   "shah"})
#: English family names that are titles too (Pope, Bishop, King, Major): after a given name,
#: ending the capitalised run, the family name.
_SURNAME_TITLES: Final = frozenset({"pope", "bishop", "king", "knight", "major", "judge", "dean", "marshal",
                                    "sheriff", "abbott", "chancellor",
                                    # the sayyid marker ending a name after a given name: the Egyptian
                                    # and Levantine family name (Sayed, El-Sayed), not a title
                                    "sayed", "sayyed", "sayyid",
                                    # the Syed family name of South Asia after a given name (X Ali Shah)
                                    "shah"})
#: Titles of rulers and royals: a capitalised run that starts with one and ends with a place or
#: institution word names a place after the ruler ("King Salman Park", "Sultan X Sports Complex").
_RULER_TITLES: Final = frozenset({"king", "queen", "sultan", "sheikh", "shaikh", "prince", "princess", "emir",
                                  "amir"})
#: Place words that end such a run besides the named-after words of the word lists (a ruler's name
#: before them is a place's name: "King X Economic City", "Prince X Air Base").
_PLACE_HEADS: Final = frozenset({"city", "park", "complex", "base", "centre", "center", "gardens", "district",
                                 "port", "corniche", "reserve", "zone"})
#: Lower-case adjectives between a name and the place named after it ("X military base",
#: "X international airport", "X naval port").
_PLACE_MODIFIERS: Final = frozenset({"military", "air", "naval", "army", "international", "national", "central",
                                     "regional", "university", "general", "teaching", "sports", "olympic"})
#: Place words that are English family names too (Stuart Hall): after one name word they may
#: end a person's name.
_SURNAME_HEADS: Final = frozenset({"hall", "bridge", "bridges", "tower", "port", "ship", "dam", "road", "street",
                                   "school", "college", "palace", "library"})
#: Place words whose "of X" names the place itself ("the port of X", "the city of X"), where X is a
#: person's name only as the place's (Iranian ports and towns named after martyrs).
_PLACE_OF: Final = frozenset({"port", "city", "town", "village", "district", "province", "harbour", "harbor"})
#: Nasab particles that start a family name of the Gulf and Yemen (bin Breik, bin Mubarak).
_NASAB_WORDS: Final = frozenset({"bin", "ibn", "bint"})
#: Given names that are titles too (Amir Sheikh X: the Emir): no name before an inner title.
_TITLE_NAMES: Final = frozenset({"amir", "ameer", "emir", "malik", "sultan", "mir"})
#: Honorifics of royals and sheikhs: a title that is a given name too is the given name after them.
_ROYAL_HONORIFICS: Final = frozenset({"sheikh", "shaikh", "prince", "princess"})
#: Titles that are given names too: a name after a particle or before one (Sultan bin X, bin Sultan).
_TITLE_OR_NAME: Final = frozenset({"sultan"})


#: Korean family names that are English words too (Park, Moon, Song, Ban): the family name
#: before a hyphenated given name of two syllables.
_KOREAN_FAMILY_WORDS: Final = frozenset({"park", "moon", "song", "ban", "han", "jang", "bang", "min"})


#: English function words that a title-case headline capitalises and running text does not.
_HEADLINE_FUNCTION_WORDS: Final = frozenset({"with", "of", "in", "from", "for", "to", "on", "at", "as", "over",
                                             "after", "amid", "into", "during", "against"})


def _title_case_lines(words: list[Word]) -> bytearray:
    """Per word, 1 when its line is written in title case: two of its function words after the
    line's first word are capitalised ("Sheikh X Discusses Ties With British Minister In Y").
    One pass over the words."""
    out = bytearray(len(words))
    start = 0
    n = len(words)
    while start < n:
        end = start + 1
        while end < n and "\n" not in words[end].gap:
            end += 1
        caps = sum(1 for x in words[start + 1 : end]
                   if x.cap and not x.allcaps and x.norm in _HEADLINE_FUNCTION_WORDS)
        if caps >= 2:
            out[start:end] = b"\x01" * (end - start)
        start = end
    return out


def known(form: str, lw: LinkWords) -> bool:
    """True when a normalised Latin word is a known name element."""
    if len(form) < 2:
        return False
    if form in lw.given:
        return True
    try:
        return lexicon.known(form)
    except Exception:  # the lexicon must never break linking
        return False


class LatinDetector:
    """Finds the Latin-script mentions of one text (see the module docstring)."""

    def __init__(self, text: str, words: list[Word], lw: LinkWords, found: list[Found]) -> None:
        self.text = text
        self.w = words
        self.lw = lw
        self.found = found
        self.weak: list[tuple[int, int, int | None]] = []
        #: last words of the names found as members of a list under a plural office
        self.listed: set[int] = set()
        #: 1 for the words of a line written in title case (a headline: "X Meets Y In Z")
        self.title_case = _title_case_lines(words)

    # -- word classes ----------------------------------------------------
    def is_role(self, x: Word) -> bool:
        roles = self.lw.roles
        return x.norm in roles or (len(x.parts) > 1 and all(p in roles for p in x.parts))

    def is_qual(self, x: Word) -> bool:
        lw = self.lw
        return (all(p in lw.quals or p in lw.nationalities for p in x.parts) or x.norm in lw.places
                or (len(x.parts) > 1 and x.norm in lw.quals))  # (a hyphenated qualifier: Val-Moslemin)

    def is_place(self, x: Word) -> bool:
        lw = self.lw
        return x.norm in lw.places or all(p in lw.nationalities for p in x.parts)

    def is_org(self, x: Word) -> bool:
        """An organisation word, or a hyphenated word led by one (a party's wing: "League-N")."""
        return x.norm in self.lw.orgs or (len(x.parts) > 1 and x.parts[0] in self.lw.orgs and x.parts[0] not in _SAYYID)

    def add(self, first: int, last: int, context_from: int | None, context_to: int | None = None,
            strong: bool = True) -> None:
        w = self.w
        ctx = ""
        hon = ""
        if context_from is not None:
            a, b = (context_from, first - 1) if context_to is None else (context_from, context_to)
            if a <= b:
                ctx = self.text[w[a].start : w[b].end]
                for k in range(b, a - 1, -1):
                    if w[k].norm in self.lw.honorifics:
                        hon = w[k].text
                        if self.text[w[k].end : w[k].end + 1] == ".":
                            hon += "."
                        break
        if (last + 1 < len(w) and not w[last + 1].brk and w[last + 1].text in _REGNAL_NUMERALS and (
                (first == last and w[first].norm in self.lw.given)
                or any(self.lw.role_of.get(x.norm) in RULERS for x in w[context_from:first]
                       if context_from is not None))):
            last += 1  # a regnal numeral: "Pope Leo XIV", "King Charles III", "Mohammed VI"
        if (first > 0 and w[first - 1].norm in _NASAB_WORDS and not w[first - 1].cap and not w[first].brk
                and not w[first - 1].arabic):
            first -= 1  # "bin Breik told reporters": the family name keeps its particle, written lower case
        if first > 0 and w[first - 1].norm in _SAYYID and not w[first].brk and context_to is None:
            first -= 1  # the sayyid marker is part of an official name (Seyed Abbas Araghchi)
            hon = hon or w[first].text
        self.found.append(Found(first, last, w[first].start, w[last].end, ctx, hon, strong))

    # -- runs ------------------------------------------------------------
    def run(self) -> None:
        """Accept capitalised name runs; keep weak candidates for :meth:`second_pass`."""
        w = self.w
        n = len(w)
        i = 0
        while i < n:
            if w[i].arabic or not (w[i].cap or w[i].allcaps):
                i += 1
                continue
            caps = w[i].allcaps
            j = i + 1
            if not w[i].poss:
                while j < n and not w[j].arabic and not w[j].brk and w[j].allcaps == caps:
                    if w[j].cap or w[j].allcaps:
                        pass
                    elif (w[j].norm in LOWER_JOINERS and j + 1 < n and not w[j + 1].brk and not w[j + 1].arabic and (
                            w[j + 1].cap or (w[j + 1].norm in LOWER_JOINERS and not w[j + 1].cap and j + 2 < n
                                             and w[j + 2].cap and not w[j + 2].brk and not w[j + 2].arabic))):
                        pass  # "de", and two particles in a row: "Juan Ramón de la Fuente", "van der"
                    else:
                        break
                    j += 1
                    if w[j - 1].poss:
                        break
            if caps:
                self.caps_run(i, j)
            else:
                self.run_words(i, j)
            i = j

    def caps_run(self, i: int, j: int) -> None:
        """A run in capitals (a byline "IBRAHIM AMRO"): a name when it starts with a given
        name and has two or three words."""
        w = self.w
        if 2 <= j - i <= 3 and (w[i].norm in self.lw.given or (i > 0 and self._cue(i) == "byline")) and not any(
            self.is_org(w[k]) or self.is_place(w[k]) or self.is_role(w[k]) or w[k].norm in self.lw.stops
            for k in range(i, j)
        ):
            self.found.append(Found(i, j - 1, w[i].start, w[j - 1].end, "", "", True))

    def run_words(self, i: int, j: int) -> None:
        w = self.w
        lw = self.lw
        # an organisation word splits the run: what follows it may still be a name
        # ("the National Security Council Ali Shamkhani")
        for k in range(j - 1, i - 1, -1):
            if self.is_org(w[k]) and not self._given_before_name(k, j):
                if k + 1 < j and not self._epithet_after_org(k + 1, j):
                    self.run_words(k + 1, j)
                return
        if j < len(w) and not w[j].brk and not w[j].arabic and (w[j].norm in _ORG_FOLLOWERS or w[j].norm in lw.named_after):
            return  # "the X Y stadium", "X Y hospital": a place named after a person
        if (j + 1 < len(w) and not w[j].brk and not w[j + 1].brk and not w[j].arabic and not w[j].cap
                and w[j].norm in _PLACE_MODIFIERS and (w[j + 1].norm in lw.named_after or w[j + 1].norm in _PLACE_HEADS)):
            return  # "X Y military base", "X Y international airport": the place's kind after one adjective
        if i > 0 and not w[i].brk and w[i - 1].norm in lw.named_after:
            return
        if (i > 1 and not w[i].brk and not w[i - 1].brk and w[i - 1].norm == "of" and not w[i - 2].cap
                and w[i - 2].norm in _PLACE_OF):
            return  # "the port of X", "the city of X": the place's name (not "the mausoleum of X": the person)
        if j - i >= 3 and any(w[m].norm in _RULER_TITLES for m in range(i, j - 2)) and not w[j - 1].poss and (
                w[j - 1].norm in _PLACE_HEADS or w[j - 1].norm in lw.named_after):
            return  # "King Salman Park", "Sultan X Sports Complex": a place named after a ruler
        if j - i >= 2 and not w[j - 1].poss and w[j - 1].norm in lw.named_after and (
                j - i >= 3 or w[j - 1].norm not in _SURNAME_HEADS):
            return  # "Gamal Abdel X Street", "X Y Mosque": the run ends with the place it names
        cls: list[str] = []
        k = i
        while k < j:
            x = w[k]
            if k + 2 < j and f"{x.norm} {w[k + 1].norm} {w[k + 2].norm}" in lw.places:
                cls += ["place", "place", "place"]  # a place of three words named after a person: Dera Ghazi Khan
                k += 3
                continue
            if k + 1 < j and f"{x.norm} {w[k + 1].norm}" in lw.places:
                cls += ["place", "place"]
                k += 2
                continue
            if ((x.norm in _INNER_TITLES or x.norm in _TITLE_OR_NAME) and cls and cls[-1] == "name" and k + 1 < j
                    and not x.comma and len(w[k - 1].norm) >= 3 and w[k - 1].norm not in _TITLE_NAMES
                    and not self.is_role(w[k + 1]) and not self.is_qual(w[k + 1])):
                c = "name"  # a title inside a name, between two name words: "Hassan Sheikh Mohamud", "X Sultan Y"
            elif (x.norm in _SURNAME_TITLES and k + 1 == j and k > i and cls[-1] == "name"
                    and w[k - 1].norm in lw.given and w[k - 1].norm not in _TITLE_NAMES
                    and not (k + 1 < len(w) and w[k + 1].norm in ("of", "for"))):
                c = "name"  # an English family name that is a title too, after a given name: "Amy Pope said"
            elif self.is_role(x) and not (x.norm in _TITLE_OR_NAME and (
                    (k + 1 < j and w[k + 1].norm in LATIN_PARTICLES) or (k > i and w[k - 1].norm in LATIN_PARTICLES)
                    # (a family name with the article after it: a ruler's name takes none, "Sultan al-X")
                    or (k + 1 < j and len(w[k + 1].parts) > 1 and w[k + 1].parts[0] in ("al", "el"))
                    or (k > i and w[k - 1].norm in _ROYAL_HONORIFICS))):  # (Sheikh Sultan, Prince Sultan)
                c = "role"
            elif (self.is_qual(x) or self.is_place(x)) and not self._place_given_after_role(k, j):
                c = "qual"
            elif self._initial(k) and k + 1 < j:
                c = "name"  # an initial: "R. Venkataraman"
            elif x.norm in lw.stops or (len(x.norm) < 2 and x.norm not in LATIN_PARTICLES):
                c = "stop"
            else:
                c = "name"
            cls.append(c)
            k += 1
        k = 0
        m = j - i
        while k < m:
            if cls[k] != "name":
                k += 1
                continue
            e = k
            while e < m and cls[e] == "name":
                e += 1
            a, b = i + k, i + e - 1
            while a <= b and w[a].norm in LOWER_JOINERS and not w[a].cap:
                a += 1
            while b >= a and (w[b].norm in LATIN_PARTICLES and (not w[b].cap or len(w[b].parts) == 1)
                              and w[b].norm not in lw.given):
                b -= 1
            # ordinary English at the edges ("Later", "Special Envoy"): not part of the name
            byline = a == i and i > 0 and self._cue(i) == "byline"
            while a <= b and latin_ordinary(w[a].norm) and not self._particle(w[a]) and not byline and not (
                    self._initial(a)) and not self._particle_pair(a, b) and not self._korean_family(a, b):
                a += 1
            while b >= a and latin_ordinary(w[b].norm) and not (
                    b > a and w[b - 1].norm in lw.given and not self.title_case[b]) and not (
                    byline and b > a) and not (b > a and w[b - 1].norm in LOWER_JOINERS and not w[b - 1].cap):
                b -= 1  # (a family name after a given name stays: Donald Trump; so does a byline's: by Jo Ward;
                #          and one after a particle: de la Cruz)
            while b >= a and w[b].norm in LOWER_JOINERS and not w[b].cap:
                b -= 1  # (no particle ends a name)
            if a <= b and b - a < 2 * MAX_NAME_WORDS:
                self.segment(a, b, i, cls)
            k = e

    def _before_own_name(self, a: int, cores: frozenset[str], starts: dict[int, Found]) -> bool:
        """Word a is followed by a role (and its qualifiers) and a name found that holds the
        word: no one stands before their own title and name, so the word is an adjective of
        the person's group or family ("Houthi leader X al-Houthi", "Barzani ally X Barzani")."""
        from namematch.link._coref import unit_cores as cores_of

        w = self.w
        m = a + 1
        if m >= len(w) or w[m].brk or w[m].arabic or not self.is_role(w[m]):
            return False
        while m < len(w) and m - a <= 4 and not w[m].brk and (self.is_role(w[m]) or self.is_qual(w[m])):
            m += 1
        f = starts.get(m)
        return f is not None and bool(cores) and cores <= cores_of(self.text[f.start : f.end])

    def _epithet_after_org(self, k: int, j: int) -> bool:
        """Words k..j-1 after an organisation word are the sayyid marker and words no lexicon
        knows (Kataib Sayyid al-Shuhada, "the master of the martyrs"): an epithet naming the
        group, no person's name."""
        w = self.w
        return w[k].norm in _SAYYID and all(not known(w[m].norm, self.lw) and not known(w[m].parts[-1], self.lw)
                                            for m in range(k + 1, j))

    def _place_given_after_role(self, k: int, j: int) -> bool:
        """Word k, a place that is a given name too (Israel), stands right after a role and is
        followed by one name word that ends the run ("Defence Minister Israel X",
        "his counterpart Jordan X"): the person's given name, not the country."""
        w = self.w
        x = w[k]
        if k + 2 != j or k == 0 or x.brk or x.poss or x.norm not in self.lw.given:
            return False
        prev, y = w[k - 1], w[k + 1]
        return (not prev.arabic and self.is_role(prev) and not y.arabic and y.cap
                and not (self.is_org(y) or self.is_role(y) or self.is_place(y) or self.is_qual(y)
                         or y.norm in self.lw.stops or latin_ordinary(y.norm)))

    def _given_before_name(self, k: int, j: int) -> bool:
        """Word k, an organisation word that is a given name too (an agency's short name:
        Sana, Petra, Mehr), written in lower case after its capital and followed inside the
        run by a name word that is no organisation, role, place or ordinary English: the
        given name of a person ("Sana Qureshi"; not "SANA", "Petra News Agency")."""
        w = self.w
        x = w[k]
        if x.allcaps or x.norm not in self.lw.given or k + 1 >= j:
            return False
        y = w[k + 1]
        return not (self.is_org(y) or self.is_role(y) or self.is_place(y) or self.is_qual(y)
                    or y.norm in self.lw.stops or latin_ordinary(y.norm))

    def _titled_name_at(self, k: int) -> bool:
        """The role word k, with the titles and qualifiers right after it, stands before a
        capitalised name word: a title of the name that follows ("President Joseph X")."""
        w = self.w
        m = k + 1
        while m < len(w) and not w[m].brk and not w[m].arabic and (self.is_role(w[m]) or self.is_qual(w[m])):
            m += 1
        if m >= len(w) or w[m].brk or w[m].arabic or not w[m].cap:
            return False
        y = w[m]
        return not (self.is_org(y) or self.is_place(y) or y.norm in self.lw.stops or y.norm in _ROLE_LINKS)

    def _initial(self, k: int) -> bool:
        """Word k is an initial: one capital letter and a dot ("R. Venkataraman")."""
        x = self.w[k]
        return len(x.text) == 1 and x.cap and self.text[x.end : x.end + 1] == "."

    def _particle_pair(self, a: int, b: int) -> bool:
        """Word a is a capitalised particle followed by a lower-case one inside the name (Van der
        Bellen, De la Cruz, Van den Broek starting a sentence): the name starts there, though
        "van" or "de" alone may be an ordinary word."""
        w = self.w
        return (a + 1 < b and w[a].cap and w[a].norm in LOWER_JOINERS and w[a + 1].norm in LOWER_JOINERS
                and not w[a + 1].cap)

    def _korean_family(self, a: int, b: int) -> bool:
        """Word a is a Korean family name that is an English word too (Park, Moon, Song) before a
        given name of two syllables written with a hyphen (Park Jin-woo, Moon Jae-in): the name
        starts there."""
        w = self.w
        if a >= b or w[a].norm not in _KOREAN_FAMILY_WORDS or not w[a].cap:
            return False
        y = w[a + 1]
        return len(y.parts) == 2 and y.cap and all(2 <= len(p) <= 4 for p in y.parts)

    @staticmethod
    def _particle(x: Word) -> bool:
        return x.parts[0] in ("al", "el", "abu", "abdul", "abd", "bin", "ibn")

    def segment(self, a: int, b: int, run_start: int, before: list[str]) -> None:
        w = self.w
        lw = self.lw
        c = a
        while c > run_start and before[c - 1 - run_start] in ("role", "qual"):
            c -= 1
        ctx_from: int | None = c if c < a else None
        has_role = any(before[k - run_start] == "role" for k in range(c, a)) if c < a else False
        has_qual = c < a and not has_role
        if a == run_start and a > 0 and not w[a].brk:
            prev = w[a - 1]
            if not prev.arabic and (self.is_role(prev) or (prev.poss and self.is_place(prev))
                                    or (prev.poss and prev.allcaps and self.is_org(prev))):
                # (an organisation's acronym in the possessive is a place's: "UN's X", "IAEA's X")
                has_role = True
                ctx_from = a - 1
        if not has_role and a == run_start and a > 0 and w[a].comma and self._closed(b):
            role_at = self._role_before_comma(a)
            if role_at is not None:  # "the UN special envoy for Libya, Hendrik Vossberg, met"
                has_role = True
                ctx_from = role_at
        units = [x for x in w[a : b + 1] if x.norm not in LATIN_PARTICLES or x.cap]
        multi = len(units) >= 2
        is_known = any(known(p, lw) for x in w[a : b + 1] for p in x.parts)
        offices = has_role and any(self.is_role(w[k]) and w[k].norm not in lw.honorifics for k in range(c, a))
        if a > 0 and not offices:
            cue = self._cue(run_start) if run_start > 0 else ""
            if not cue and a == run_start + 1 and self._line_byline(run_start):
                cue, run_start = "byline", a  # "By Jo Ward" on a line of its own under a headline
            if cue == "place":
                self.weak.append((a, b, None))  # "at Villa Aurora": a place unless the name is seen
                return
            if cue == "byline" and a == run_start and multi and b - a < 4 and not all(latin_ordinary(x.norm) for x in units):
                self.add(a, b, None)  # "Editing by Tom Weller", "Photo: Jane Roe"
                return
            if cue == "list" and a == run_start and not all(latin_ordinary(x.norm) for x in units):
                self.add(a, b, None)  # "Foreign ministers Jon Vale and Sugiono": one name alone after "and"
                self.listed.add(b)
                return
            if cue == "alias" and a == run_start:
                self.add(a, b, None)  # known as "Abu Layth"
                return
        # "the Serail": a capitalised word after "the" without a role or a full name is no person
        if (not has_role and not (multi and is_known) and a == run_start and a > 0 and not w[a].brk
                and w[a - 1].norm == "the"):
            return
        appos = False
        ctx_to: int | None = None
        if b + 1 < len(w) and w[b + 1].comma and not w[b + 1].arabic:
            for k in range(b + 1, min(b + 6, len(w))):
                x = w[k]
                if k > b + 1 and x.brk:
                    break
                if self.is_role(x):
                    if not self._titled_name_at(k):
                        appos = True  # (not "At Baabda, President X said": a title before a name
                        ctx_to = k    #  starts the next mention, it describes no word before)
                    break
                if not (self.is_qual(x) or self.is_place(x) or x.norm in ("the", "a", "an", "his", "her")):
                    break
        particle = any(x.norm in ("bin", "ibn", "bint") or self._particle(x) for x in w[a : b + 1])
        ordinary = all(latin_ordinary(x.norm) for x in units)
        if ordinary:
            return
        if has_role:
            self.add(a, b, ctx_from)
        elif appos and ctx_from is None:
            self.add(a, b, b + 1, ctx_to)
        elif appos:
            self.add(a, b, ctx_from)
        elif multi and (has_qual or is_known or particle):
            self.add(a, b, ctx_from)
        else:
            self.weak.append((a, b, ctx_from))

    def _closed(self, b: int) -> bool:
        """True when the run ending at word b is followed by a comma or a sentence end."""
        w = self.w
        return b + 1 >= len(w) or w[b + 1].comma or w[b + 1].sent or w[b + 1].arabic

    def _portfolio_word(self, x: Word) -> bool:
        """A capitalised English word of a portfolio (Petroleum, Resources, Affairs): a common
        English word (Zipf 3 or more) that is no given name."""
        return x.norm not in self.lw.given and self.lw.zipf["en"].get(x.norm, 0.0) >= PORTFOLIO_ZIPF

    def _role_before_comma(self, a: int) -> int | None:
        """The role word of a role phrase ending with a comma right before word a ("the minister's
        spokeswoman, X", "the UN special envoy for Yemen, X"), or None."""
        w = self.w
        for k in range(a - 1, max(-1, a - 7), -1):
            x = w[k]
            if x.arabic or (k < a - 1 and w[k + 1].brk):
                return None
            if self.is_role(x):
                return k
            if not (self.is_qual(x) or self.is_place(x) or x.norm in _ROLE_LINKS or x.allcaps
                    or (x.cap and k > 0 and self._portfolio_word(x))):
                return None  # (a portfolio in capitals: "Minister of State for Petroleum Resources, X")
        return None

    def _plural_context(self, f: Found) -> bool:
        """A found name whose context holds a plural office ("foreign ministers", "presidents")."""
        return any(t.strip(",.").lower() in self.lw.plural_titles for t in f.context.split())

    def _line_byline(self, k: int) -> bool:
        """Word k is a capitalised byline cue ("By", "Photo") that starts a line: the name run
        after it is the byline's name."""
        x = self.w[k]
        return x.cap and x.norm in _BYLINE_CUES and (k == 0 or "\n" in x.gap)

    def _cue(self, a: int) -> str:
        """What the words right before a capitalised run announce: ``byline`` ("by",
        "Photo:", "Editing by"), ``alias`` ("known as", "dubbed"), ``place`` ("at"), or ""."""
        w = self.w
        prev = w[a - 1]
        if prev.arabic:
            return ""
        if prev.norm in _BYLINE_CUES and (not w[a].brk or w[a].gap.strip() in (":", "-", "\u2013")):
            return "byline"
        if prev.norm == "and" and not w[a].brk and a >= 2:
            for f in reversed(self.found):  # "By X and Y": a second name after a byline's name
                if f.last == a - 2 and f.first > 0 and self._cue(f.first) == "byline":
                    return "byline"
                if f.last == a - 2 and (self._plural_context(f) or f.last in self.listed):
                    return "list"  # "foreign ministers X Y and Z": the last name of a titled list
                if f.last < a - 2:
                    break
        if w[a].comma and a >= 1 and self.found and self.found[-1].last == a - 1 and (
                self._plural_context(self.found[-1]) or a - 1 in self.listed):
            return "list"  # "presidents X Y, Z W and V": a name after a comma in a titled list
        if w[a].brk and not any(c in "\"\u201c\u2018'\u00ab" for c in w[a].gap):
            return ""
        if prev.norm in _ALIAS_CUES or (prev.norm == "as" and a >= 2 and w[a - 2].norm in ("known", "nicknamed")):
            return "alias"
        if prev.norm == "at" and not w[a].brk:
            return "place"
        return ""

    def _own_particles(self, a: int) -> int:
        """The first word of a family name at word a with the lower-case particles before it
        (``de Mistura``, ``von der Leyen``) when an accepted name of the document holds the same
        particles before the same word (``Staffan de Mistura``); else a."""
        w = self.w
        k = a
        while (k > 0 and a - k < 2 and not w[k].brk and not w[k - 1].cap and not w[k - 1].arabic
               and w[k - 1].norm in LOWER_JOINERS):
            k -= 1
        if k == a:
            return a
        phrase = " " + " ".join(x.norm for x in w[k : a + 1]) + " "
        for f in self.found:
            if not w[f.first].arabic and phrase in " " + " ".join(x.norm for x in w[f.first : f.last + 1]) + " ":
                return k
        return a

    def second_pass(self) -> None:
        """Accept the weak candidates whose name units all belong to an accepted name."""
        from namematch.keys import unit_keys
        from namematch.link._coref import SAME_DOC_VARIANT
        from namematch.link._coref import unit_cores as cores_of
        from namematch.normalize import LATIN
        from namematch.score import score as pair_score

        w = self.w
        accepted: set[str] = set()
        for f in self.found:
            if not w[f.first].arabic:
                accepted.update(cores_of(self.text[f.start : f.end]))
        if not accepted:
            return
        by_key: dict[str, set[str]] = {}
        for core in accepted:
            for key in unit_keys(core, LATIN):
                if len(by_key.setdefault(key, set())) < _MAX_VARIANT_BLOCK:
                    by_key[key].add(core)
        starts = {f.first: f for f in self.found if not w[f.first].arabic}
        for a, b, ctx in self.weak:
            cores = cores_of(self.text[w[a].start : w[b].end])
            if a == b and self._before_own_name(a, cores, starts):
                continue  # "Houthi leader X al-Houthi": the group's adjective before the title
            if cores and cores <= accepted:
                self.add(self._own_particles(a), b, ctx)
            elif a == b and len(cores) == 1:  # "Mostaqi" after "Karim Mustaqi": one name misspelt
                core = next(iter(cores))
                near = {c for key in unit_keys(core, LATIN) for c in by_key.get(key, ())}
                if any(float(pair_score(core, c)) >= SAME_DOC_VARIANT for c in near):
                    self.add(a, b, ctx)
