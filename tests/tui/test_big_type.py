"""Big type: the pixel font covers every character the default decks put in big type,
and the renderer breaks lines where the project's text does, keeps within its box, and
says when it cannot (the widget then shows ordinary type)."""

from __future__ import annotations

import pytest

from debate.deck import load_deck
from debate.textutil import wrap
from debate.tui.big_type import draw, drawable, layout, line_height, pixel_width
from debate.tui.pixel_font import FONT, ROWS

BLOCKS = set("▀▄█ ")


def big_texts(name: str) -> list[str]:
    """What the slide may draw in big type: each card's band, proposal and items."""
    texts = []
    for card in load_deck(name).cards:
        texts += [f"{card.number}. {card.title}", card.summary]
        texts += [item.text for item in (*card.arguments, *card.objections)]
    return texts


@pytest.mark.parametrize("name", ["desescalade-fr", "desescalade-en"])
def test_every_character_of_the_default_decks_has_a_glyph(name: str):
    missing = {c for text in big_texts(name) for c in text if c not in FONT and c != "\n"}
    assert not missing, sorted(missing)


def test_the_french_typography_is_covered():
    french = "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»’‘“”–—…€²°\xa0\u202f"
    assert drawable(french)


def test_every_glyph_is_a_box_of_ten_rows_and_accents_stay_inside():
    for char, glyph in FONT.items():
        assert len(glyph) == ROWS, char
        assert len({len(row) for row in glyph}) == 1, char
        assert set("".join(glyph)) <= {"#", "."}, char
    # An accented letter is its base letter with the accent added, never a wider glyph.
    assert FONT["é"][3:] == FONT["e"][3:] and FONT["é"] != FONT["e"]
    assert FONT["É"][2:] == FONT["E"][2:] and FONT["É"][:2] != FONT["E"][:2]
    assert FONT["ç"][:8] == FONT["c"][:8] and FONT["ç"][8:] != FONT["c"][8:]


def test_drawn_text_keeps_to_its_box_and_has_its_lines_height():
    text = "Sécuriser les services essentiels « hors réseau »"
    rows = draw(text, 120, 60)
    assert rows is not None
    scale, lines = layout(text, 120, 60) or (0, ())
    assert scale >= 2  # room for larger letters than the smallest
    assert len(rows) == len(lines) * line_height(scale) <= 60
    assert max(len(row) for row in rows) <= 120
    assert set("".join(rows)) <= BLOCKS and set("".join(rows)) & {"█"}
    assert " ".join(lines) == " ".join(text.split())  # every word, in order, none cut


def test_lines_break_where_the_projects_text_breaks_them():
    # No break at a no-break space: "«\xa0hors" stays together, as textutil.wrap keeps it.
    text = "Garder «\xa0hors réseau\xa0» les services"
    for width in range(60, 400, 7):
        fitted = layout(text, width, 70)
        if fitted is None:
            continue
        scale, lines = fitted
        assert all(pixel_width(line) * scale <= width for line in lines)
        # The lines are textutil.wrap's at some number of columns.
        assert any(list(lines) == wrap(text, n) for n in range(1, len(text) + 1))
        assert not any(line.endswith("«") or line.startswith("»") for line in lines)
        assert [w for line in lines for w in line.split(" ")] == text.split(" ")


def test_the_largest_scale_that_fits_is_taken():
    assert layout("1:05", 400, 70) == (4, ("1:05",))  # at most 4: letters, not a poster
    small = layout("Oui", 40, 10)
    assert small is not None and small[0] == 2  # 10 rows: two lines' height at scale 1
    assert layout("Oui", 40, 4) is None  # not one line's height: ordinary type


@pytest.mark.parametrize(
    "text",
    [
        "Un mot anticonstitutionnellement long",  # a word wider than the box
        "会議の議題",  # a character the font lacks
        "Tab\there",  # a control character
        "",
        "   ",
    ],
)
def test_what_does_not_fit_or_has_no_glyph_falls_back_to_ordinary_type(text: str):
    assert draw(text, 60, 70) is None


def test_one_word_per_line_is_drawn_when_only_that_fits():
    rows = draw("Pour ou contre", 30, 70)
    assert rows is not None
    scale, lines = layout("Pour ou contre", 30, 70) or (0, ())
    assert len(lines) >= 2 and all(pixel_width(line) * scale <= 30 for line in lines)
