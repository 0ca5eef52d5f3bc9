"""Running text is tokenized once, chunk by chunk between whitespace: the same tokens as
the general tokenizer gives (namematch._text's _tokenize_chunks is its fast path for long text)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from namematch._text import _tokenize_chunks, _tokenize_general
from namematch.normalize import Token, tokenize

from .conftest import any_text, arabic_names, latin_names

_FRAGMENTS = st.sampled_from(["،", ".", ", ", "'s", "’s", "«", "»", "\u200c", "ـ", "-", "al-", "  ", "\n", "\u00a0",
                              "Ⅻ", "ﬁ", "12", "١٢", "\u2028", "\x1c", "é", "А"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(any_text, arabic_names, latin_names, _FRAGMENTS), max_size=40).map("".join))
def test_chunked_tokens_equal_general_tokens(text):
    assert _tokenize_chunks(text, Token) == _tokenize_general(text, Token)


def test_long_running_text_uses_the_same_tokens():
    text = ("وزير الخارجية، سعيد الجبوري؛ وصل «اليوم». Iraq's minister Karim al-Haddadi arrived. " * 20).strip()
    assert len(text) > 256
    assert tokenize(text) == _tokenize_general(text, Token)
