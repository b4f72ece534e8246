"""debate.untrusted: control characters from hostile text never reach an output raw."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from debate.untrusted import is_printable, printable


def test_escape_sequences_become_visible_stand_ins() -> None:
    osc52 = "Salle\x1b]52;c;ZWNobyBwd25lZA==\x07 des fêtes"
    assert printable(osc52) == "Salle␛]52;c;ZWNobyBwd25lZA==␇ des fêtes"
    assert printable("a\x9b31mb") == "a\ufffd31mb"  # CSI as one C1 byte
    assert printable("del\x7f") == "del␡"
    assert printable("reset\x1bc") == "reset␛c"


def test_one_line_unless_told_otherwise() -> None:
    assert printable("un\ndeux") == "un␊deux"
    assert printable("un\r\ndeux\rtrois", lines=True) == "un\ndeux␍trois"
    assert printable("a\tb") == "a b"
    assert printable("a\tb", lines=True) == "a b"


def test_bidi_overrides_and_lone_surrogates_are_replaced() -> None:
    assert printable("abc\u202edcba\u202c") == "abc\ufffddcba\ufffd"
    assert printable("x\ud800y") == "x\ufffdy"
    assert printable("x\ud800y").encode("utf-8")  # now encodable


def test_ordinary_text_is_untouched() -> None:
    text = "« Désescalade » : 100 000 €, 85 %, 漢字, emoji 🎉, l’école"
    assert printable(text) is text
    assert is_printable(text)


@given(st.text())
def test_nothing_unsafe_survives(text: str) -> None:
    out = printable(text)
    assert is_printable(out)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in out)
    out.encode("utf-8")  # no lone surrogate left


@given(st.text())
def test_block_text_keeps_its_lines(text: str) -> None:
    out = printable(text, lines=True)
    assert out.count("\n") == text.replace("\r\n", "\n").count("\n")
    assert is_printable(out, lines=True)


def test_text_that_shows_nothing() -> None:
    from debate.untrusted import shows_nothing

    for text in ("\u200b\u200c\u200d", "\u3164", "\u2800 \u2800", "\u2060\ufeff\u200e", "\u0301"):
        assert shows_nothing(text), repr(text)
    for text in ("a", "\u200bUn jardin", "漢", "🎉", "-"):
        assert not shows_nothing(text), repr(text)


def test_bidi_controls_must_come_in_pairs() -> None:
    from debate.untrusted import unbalanced_bidi

    assert unbalanced_bidi("abc") is None
    assert unbalanced_bidi("a\u202ebc\u202c") is None
    assert unbalanced_bidi("a\u2067\u202bb\u202c\u2069") is None
    assert unbalanced_bidi("a\u202ebc") == "\u202e"
    assert unbalanced_bidi("a\u202c") == "\u202c"
    assert unbalanced_bidi("\u2067a\u202c\u2069") == "\u202c"  # closes the wrong kind
