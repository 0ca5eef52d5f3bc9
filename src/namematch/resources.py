"""The shipped name data as one value: the lexicon and the transliteration model.

Romanisation, keys and scoring read name data — the name-variant lexicon
(:mod:`namematch.lexicon`) and the transliteration model — from a
:class:`Resources` value, never from module state. :meth:`Resources.shipped` is the
data shipped in ``namematch/data`` (loaded at first use); :meth:`Resources.build`
makes one from other data (a lexicon built without some persons, another model),
as held-out evaluation and the fitting tools do. A :class:`~namematch.Scorer` owns one
(``Scorer(resources=...)``); the module-level functions use the shipped one.

A value never changes, and caches of what it decides (romanisations, keys, prepared
units) are keyed by it: two values never share an entry, so nothing is ever cleared.
Values compare equal only to themselves.

>>> Resources.shipped() is Resources.shipped()
True
>>> held = Resources.build(lexicon_lines=(["-\\tzarepour|zareepour\\t5"], [], []))
>>> held.lexicon.same_group("zarepour", "zareepour"), held.lexicon.known("mohammed")
(True, False)
>>> held.digest != Resources.shipped().digest
True
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Final

import attrs

from namematch._data import lines_digest, optional_lines
from namematch._translit import Model, model_from_lines, shipped_model
from namematch.lexicon import Lexicon, shipped_fingerprint
from namematch.lexicon import build as build_lexicon
from namematch.lexicon import shipped as shipped_lexicon

__all__ = ["Resources"]

#: The shipped model's data file.
_MODEL_FILE: Final = "translit_model.tsv"


@attrs.frozen(slots=True, eq=False, repr=False)
class Resources:
    """The name data romanisation, keys and scoring read: a lexicon and a transliteration
    model, and their digests. Build one with :meth:`shipped` or :meth:`build`.

    ``lexicon`` and ``model`` of the shipped value are loaded at first use (reading the
    data files takes a second or two), so making a :class:`~namematch.Scorer` or opening a
    saved index does not load them.
    """

    _lexicon: Lexicon | None = attrs.field(alias="lexicon")
    _model: Model | None = attrs.field(alias="model")
    #: Digest of the lexicon's data lines (:attr:`namematch.lexicon.Lexicon.fingerprint`).
    lexicon_digest: str
    #: Digest of the model's data lines.
    model_digest: str
    #: Tables of what later stages decide from this data alone, by name (:meth:`memo`).
    _memos: dict[str, dict[Any, Any]] = attrs.field(factory=dict, init=False)

    @classmethod
    def shipped(cls) -> Resources:
        """The data shipped in ``namematch/data`` (one value per process)."""
        return _shipped()

    @classmethod
    def build(
        cls,
        *,
        lexicon: Lexicon | None = None,
        lexicon_lines: tuple[Sequence[str], Sequence[str], Sequence[str]] | None = None,
        model_lines: Sequence[str] | None = None,
        model_kind: str = "joint",
    ) -> Resources:
        """Resources from other data; what is not given is the shipped one.

        ``lexicon`` is a built :class:`~namematch.lexicon.Lexicon`, or ``lexicon_lines`` the
        lines of its three files (``variants.tsv``, ``variants_manual.tsv``,
        ``frequency.tsv``; see :func:`namematch.lexicon.build`). ``model_lines`` are the lines
        of a transliteration model file, of kind ``"joint"`` (the shipped kind) or ``"chunk"``
        (the first model).
        """
        if lexicon is not None and lexicon_lines is not None:
            raise ValueError("give lexicon or lexicon_lines, not both")
        if model_kind not in ("joint", "chunk"):
            raise ValueError(f"model_kind must be 'joint' or 'chunk', not {model_kind!r}")
        if lexicon_lines is not None:
            auto, manual, freq = lexicon_lines
            lexicon = build_lexicon(list(auto), list(manual), list(freq))
        shipped = _shipped()
        model: Model | None = None
        model_digest = shipped.model_digest
        if model_lines is not None:
            lines = list(model_lines)
            model = model_from_lines(lines, model_kind)
            model_digest = lines_digest([model_kind], lines)
        if lexicon is None and model is None:
            return shipped
        return cls(
            lexicon=lexicon,
            model=model,
            lexicon_digest=shipped.lexicon_digest if lexicon is None else lexicon.fingerprint,
            model_digest=model_digest,
        )

    @property
    def lexicon(self) -> Lexicon:
        """The name-variant lexicon and frequency table."""
        return shipped_lexicon() if self._lexicon is None else self._lexicon

    @property
    def model(self) -> Model:
        """The transliteration model."""
        return shipped_model() if self._model is None else self._model

    def memo(self, name: str) -> dict[Any, Any]:
        """This value's own cache table called ``name`` (empty at first): for what a later stage
        decides from this data alone (a prepared name unit per parse of a token), so two values
        never share an entry. Its user bounds it. A plain dict: the garbage collector stops
        watching one whose keys and values hold no container it watches."""
        table = self._memos.get(name)
        if table is None:
            table = self._memos[name] = {}
        return table

    @property
    def is_shipped(self) -> bool:
        """Whether this is the shipped data."""
        return self is _shipped()

    @property
    def digest(self) -> str:
        """One digest of the lexicon's and the model's data."""
        return lines_digest([self.lexicon_digest], [self.model_digest])

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # the shipped value pickles by reference (a process pool's worker uses its own, loaded
        # there at first use), another by its data
        if self.is_shipped:
            return _shipped, ()
        return Resources, (self._lexicon, self._model, self.lexicon_digest, self.model_digest)

    def __repr__(self) -> str:
        kind = "shipped" if self.is_shipped else "built"
        return f"Resources({kind}, lexicon {self.lexicon_digest}, model {self.model_digest})"


@lru_cache(maxsize=1)
def _shipped() -> Resources:
    return Resources(
        lexicon=None,
        model=None,
        lexicon_digest=shipped_fingerprint(),
        model_digest=lines_digest(["joint"], optional_lines(_MODEL_FILE)),
    )
