"""namematch._files: the one decoding of the registry's files and the command line's inputs."""

from __future__ import annotations

import codecs

import pytest

from namematch._files import UndecodableError, decode, is_utf16, looks_binary, read_lines


def test_decode_reads_utf8_with_or_without_bom_and_utf16_with_bom() -> None:
    text = "Qassem Soleimani\nقاسم سليماني\n"
    assert decode(text.encode("utf-8")) == text
    assert decode(codecs.BOM_UTF8 + text.encode("utf-8")) == text
    assert decode(text.encode("utf-16")) == text  # with its BOM
    assert is_utf16(text.encode("utf-16")) and not is_utf16(text.encode("utf-8"))


def test_decode_says_why_and_where() -> None:
    with pytest.raises(UndecodableError, match=r"not valid UTF-8") as bad:
        decode(b"Ali Hassan\nSattar \xff Hashemi\n")
    assert bad.value.line == 2
    with pytest.raises(UndecodableError, match="binary file") as binary:
        decode(b"Ali\x00Hassan")
    assert binary.value.line is None and looks_binary(b"Ali\x00Hassan")
    with pytest.raises(UndecodableError, match="not valid UTF-16") as odd:
        decode(codecs.BOM_UTF16_LE + b"A\x00l")  # ends in the middle of a character
    assert odd.value.line is None


def test_lines_and_whole_inputs_decode_alike(tmp_path) -> None:
    for raw in (b"Ali\r\nHassan\rSattar\n", "Ali\r\nHassan\rSattar\n".encode("utf-16")):
        path = tmp_path / "names.txt"
        path.write_bytes(raw)
        lines = [line for _n, line, _why in read_lines(path)]
        assert lines == ["Ali", "Hassan", "Sattar", ""]
        assert decode(raw).replace("\r\n", "\n").replace("\r", "\n").split("\n") == lines
