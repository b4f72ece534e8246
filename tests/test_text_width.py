"""Printed text is measured in columns, not characters: CJK ideographs, fullwidth forms
and most emoji take two, combining accents none. Rich's cell_len (Textual's own measure,
installed with it) is the independent reference on the characters both agree about."""

from __future__ import annotations

import re
import textwrap
import unicodedata
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from debate.deck import Argument, Card, Deck, Objection
from debate.handout import render_handout
from debate.record.events import (
    AttendanceSet,
    CardShown,
    Event,
    Round,
    SessionOpened,
    VoteRecorded,
)
from debate.record.merge import merge_report
from debate.record.minutes import render_minutes
from debate.record.results import build_results
from debate.record.state import replay
from debate.textutil import (
    _ONE_COLUMN,
    _wrap_columns,
    char_columns,
    columns,
    cut,
    ljust,
    rjust,
    wrap,
)

# Narrow and wide letters, combining marks, emoji, spaces: where a wrapper counting
# characters goes wrong.
WIDE = "日本語の文章会議賛成反対棄権한국어ＡＢＣ😀🌍"
NARROW = "abcdeéàçñ0123ｱｲｳ"
COMBINING = "\u0301\u0308"
alphabet = st.sampled_from(list(WIDE + NARROW + COMBINING + "  "))
mixed = st.text(alphabet, max_size=200)


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("abc", 3),
        ("é", 1),
        ("e\u0301", 1),  # e + combining acute: one column
        ("日本語", 6),
        ("ｱｲｳ", 3),  # halfwidth katakana
        ("ＡＢ", 4),  # fullwidth Latin
        ("😀", 2),
        ("a\u200bb", 2),  # zero-width space
        ("a\u200eb", 2),  # left-to-right mark
        ("👍🏽", 2),  # an emoji and its skin tone
        ("", 0),
    ],
)
def test_columns_of_known_texts(text: str, width: int) -> None:
    assert columns(text) == width


def test_the_one_column_shortcut_holds_only_one_column_characters() -> None:
    """columns() measures text made of these by len(): each must be one column."""
    shortcut = [chr(c) for c in range(0x3000) if _ONE_COLUMN.fullmatch(chr(c))]
    assert len(shortcut) > 1400  # Latin, Greek, Cyrillic, punctuation, QR blocks
    assert "▀" in shortcut and "’" in shortcut and "\u0301" not in shortcut
    assert {char_columns(ch) for ch in shortcut} == {1}
    assert {cell_len(ch) for ch in shortcut} == {1}


def test_every_character_is_as_wide_as_the_screen_draws_it() -> None:
    """One width for paper and screen: every code point, against Rich's own measure.
    When a new Rich in the lock draws one differently, `python docs/make_width_table.py`."""
    characters = (chr(cp) for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF)
    differ = [
        f"U+{ord(ch):04X} {unicodedata.name(ch, '?')}: {char_columns(ch)}, drawn {cell_len(ch)}"
        for ch in characters
        if char_columns(ch) != cell_len(ch)
    ]
    assert (len(differ), differ[:5]) == (0, [])


@pytest.mark.parametrize(
    "text",
    [
        "👩\u200d👩\u200d👧 family",  # joined emoji: one glyph of two columns
        "\u2600\ufe0f sun",  # emoji style widens a narrow symbol
        "a\ufe0f b",  # ... but not a letter
        "\u200d\u200dx",  # joiners with nothing to join
        "x\u200d",  # a joiner at the end
        "\ufe0f",
        "Salle des fêtes \u2764\ufe0f\u200d\U0001f525 2026",
        "tab\there\x07bell\x85next",  # control characters draw nothing
        "\u0915\u0903 \u1100\u1160\u11a8",  # a spacing mark, Hangul jamo
    ],
)
def test_emoji_sequences_and_marks_measure_as_drawn(text: str) -> None:
    assert columns(text) == cell_len(text)
    # Cutting never splits where the measure would disagree.
    for width in range(0, columns(text) + 2):
        assert cell_len(cut(text, width)) <= max(width, 1)


@given(mixed)
def test_columns_agree_with_rich(text: str) -> None:
    assert columns(text) == cell_len(text)


@settings(max_examples=200)
@given(mixed, st.integers(6, 80), st.sampled_from(["", "- ", "  - "]))
def test_wrapped_lines_keep_to_the_width_and_lose_nothing(
    text: str, width: int, first: str
) -> None:
    rest = " " * len(first)
    lines = wrap(text, width, first, rest)
    assert all(cell_len(line) <= width for line in lines), lines
    assert lines[0].startswith(first.rstrip())
    body = [lines[0][len(first) :], *(line[len(rest) :] for line in lines[1:])]
    assert "".join("".join(body).split()) == "".join(text.split())


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("資料のページ2026年版", 12, ["資料のページ", "2026年版"]),
        ("賛成👍🏽です", 6, ["賛成👍🏽", "です"]),  # the skin tone stays on its emoji
        # No line starts with closing punctuation or ends with an opening bracket.
        (
            "日本語の文章です。次の文章です、そして",
            16,
            ["日本語の文章で", "す。次の文章で", "す、そして"],
        ),
        ("会議は「図書館」について", 8, ["会議は", "「図書", "館」につ", "いて"]),
    ],
)
def test_lines_break_where_the_script_allows(text: str, width: int, lines: list[str]) -> None:
    assert wrap(text, width) == lines
    # The same in decomposed form (as macOS saves text): the voicing marks of ペ and ジ
    # are then characters of their own, and stay on their kana.
    decomposed = [unicodedata.normalize("NFD", line) for line in lines]
    assert wrap(unicodedata.normalize("NFD", text), width) == decomposed


def test_a_blank_line_inside_an_item_prints_blank() -> None:
    """Not the item's bullet again, as when textwrap was given the first line's indent."""
    assert wrap("a\n\nb", 80, "+ ", "  ") == ["+ a", "", "  b"]


def test_decomposed_accents_beside_cjk_keep_the_handout_within_80_columns() -> None:
    """As many combining accents as two-column characters: counting characters would
    come out right by chance, and the line would overflow."""
    text = unicodedata.normalize(
        "NFD",
        "Le jumelage avec 東京 concerne les quartiers de la gare et toutes les associations"
        " du centre, réunion prévue.",
    )
    card = Card(1, "c", "Titre", text)
    assert max(map(cell_len, render_handout(Deck("D", "fr", (card,))).splitlines())) <= 80


def test_japanese_breaks_between_characters_not_only_at_spaces() -> None:
    lines = wrap("日本語の文章は空白なしで続きます。" * 3, 20, "- ", "  ")
    assert [cell_len(line) for line in lines] == [20, 20, 20, 20, 20, 14]
    assert lines[1] == "  なしで続きます。日"


@settings(max_examples=200)
@given(
    st.lists(st.text("abcdefgh", min_size=1, max_size=14), max_size=30).map(" ".join),
    st.integers(8, 40),
    st.sampled_from([("", ""), ("+ ", "  "), ("  - ", "    ")]),
)
def test_the_column_wrapper_wraps_like_textwrap_on_narrow_text(
    text: str, width: int, indents: tuple[str, str]
) -> None:
    """Narrow text goes to textwrap; the wrapper used for wide text must agree with it
    (but for the space textwrap leaves at the end of a line it filled before a long word)."""
    first, rest = indents
    expected = textwrap.wrap(
        text, width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False
    )
    assert _wrap_columns(text, width, first, rest) == [line.rstrip() for line in expected]


@given(mixed, st.integers(1, 40))
def test_cut_keeps_to_the_width_and_says_so(text: str, width: int) -> None:
    short = cut(text, width)
    assert cell_len(short) <= width
    assert short == text if cell_len(text) <= width else short.endswith("…")


def test_padding_counts_columns() -> None:
    assert cell_len(ljust("会議", 10)) == 10 and ljust("会議", 10).startswith("会議")
    assert cell_len(rjust("ＡＢ", 7)) == 7 and rjust("ＡＢ", 7).endswith("ＡＢ")


# -- a meeting held in Japanese ---------------------------------------------------------------

LABELS = ("賛成", "反対票", "Abst.")  # 4, 6 and 5 columns, 2, 3 and 5 characters


def japanese_deck() -> Deck:
    card = Card(
        1,
        "tosho",
        "図書館の開館時間を延長する案について住民の意見を聞く",
        "平日の夜と日曜日にも図書館を開ける。" * 4,
        arguments=(Argument("働く人も本を借りられるようになる。" * 3, source="市の調査"),),
        objections=(Objection("人件費が増える。" * 5, response="ボランティアを募る。"),),
        questions=("予算はどこから出すのか？",),
    )
    return Deck("住民会議 2026 年の提案", "fr", (card, replace(card, number=2, id="koen")))


def japanese_meeting(place: str, counts: tuple[int, int, int]) -> list[Event]:
    deck = japanese_deck()
    events: list[Event] = [
        SessionOpened(
            at="2026-03-01T18:00:00+09:00",
            deck_title=deck.title,
            deck_path="",
            deck_digest=deck.digest,
            language="fr",
            place=place,
        ),
        AttendanceSet(at="2026-03-01T18:01:00+09:00", count=sum(counts)),
    ]
    for card in deck.cards:
        when = "2026-03-01T18:30:00+09:00"
        events += [
            CardShown(at=when, card=card.id),
            VoteRecorded(
                at=when,
                card=card.id,
                round=Round.FINAL,
                method="for-against-abstain",
                labels=LABELS,
                counts=counts,
                rule="majority-of-cast",
            ),
        ]
    return events


def test_minutes_of_a_japanese_meeting_keep_to_80_columns_and_align() -> None:
    state = replay(japanese_meeting("市民センター大ホール", (12, 5, 3)))
    text = render_minutes(state, japanese_deck())
    lines = text.splitlines()
    assert max(map(cell_len, lines)) <= 80
    assert max(map(len, lines)) < 80  # wide text: the limit counted characters before
    # The vote block lines up its counts: the labels are padded in columns.
    rows = [line for line in lines if re.match(r"  (賛成|反対票|Abst\.) ", line)]
    assert len(rows) == 6
    assert len({cell_len(row[: row.index("%") + 1]) for row in rows}) == 1
    # The underline under the deck's title is as wide as the title.
    title = lines.index("住民会議 2026 年の提案")
    assert lines[title + 1] == "=" * cell_len(lines[title])


def test_merge_report_and_handout_in_japanese_keep_to_80_columns() -> None:
    deck = japanese_deck()
    sessions = [
        build_results(replay(japanese_meeting(place, counts)), deck)
        for place, counts in (("市民センター大ホール", (12, 5, 3)), ("公民館", (4, 9, 1)))
    ]
    report = merge_report(sessions)
    assert max(map(cell_len, report.splitlines())) <= 80
    # The meetings' table keeps its columns under wide names: each row's first count
    # ends in the same column (the rows' names are the meeting's number, its place of 10
    # or 3 characters, 20 or 6 columns, cut to fit, and its date; the total's 19).
    rows = [line for line in report.splitlines() if re.match("  ([12]\\. |Toutes les)", line)]
    assert len(rows) == 6
    assert len({first_count_end(row) for row in rows}) == 1


def first_count_end(row: str) -> int:
    """Where a merge table row's first count ends, in columns after the name column (two
    columns of indent, then 30 for the name): the same in every row if they line up."""
    used = 0
    for i, ch in enumerate(row):
        if used == 2 + 30:
            count = re.match(r" *\d+", row[i:])
            assert count is not None, row
            return count.end()
        used += cell_len(ch)
    raise AssertionError(f"no character starts at column 32: {row!r}")
