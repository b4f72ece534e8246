"""No word a French facilitator can see on screen is English (issue 15): the catalogs'
French values, and every screen and dialog of a meeting on a French deck, searched for
the English of the screens' catalogs and for English words French never uses.

The check can fail: the same screens in English are caught (the last test).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import datetime
from functools import cache
from pathlib import Path

from french_check import ENGLISH, SYNTAX, assert_french, english_parts

from debate.deck import load_deck
from debate.i18n import WORDS
from debate.meeting.follow import Follower
from debate.meeting.options import Options
from debate.meeting.slide import Countdown, Slide, write_slide
from debate.paths import slide_for
from debate.record.events import Round, SessionClosed, VoteRecorded
from debate.record.session import Session
from debate.said import Said
from debate.tui import keys
from debate.tui.app import DebateApp
from debate.tui.room_app import RoomApp

from .conftest import MakeApp
from .tuitools import EXAMPLE, screen_text

SIZE = (120, 40)
PLACE = "Salle des fêtes"  # the meeting's own words, French like its deck
# French words that English writes the same: a French value may equal its English.
SHARED = {"Sources", "Votes", "final", "Objections", "Date", "Signatures", "Signature"}
SHARED |= {"Corrections"}


def key_words() -> Iterator[tuple[str, Said]]:
    for title, table in keys.HELP_SECTIONS:
        yield "section", title
        for key in table:
            for said in (key.command, key.help, key.bar):
                if said is not None:
                    yield key.action, said


def test_every_french_value_of_the_catalog_is_french() -> None:
    english, french = WORDS["en"], WORDS["fr"]
    assert set(english) == set(french)
    for key, value in french.items():
        if key == "lang":
            continue
        flat = " ".join(SYNTAX.sub(" ", value).split())
        found = ENGLISH.search(flat)
        assert found is None, (key, found and found[0], value)
        if value == english[key] and len(value) > 3:
            assert value in SHARED, (key, value)
    for action, said in key_words():
        flat = " ".join(SYNTAX.sub(" ", said.fr).split())
        assert ENGLISH.search(flat) is None, (action, said)


@cache
def screens_english() -> frozenset[str]:
    """The English of every screen phrase whose French differs, cut at its fields."""
    parts = set(english_parts())
    phrases = [said for _, said in key_words()]
    phrases += [Said(WORDS["en"][k], WORDS["fr"][k]) for k in WORDS["en"]]
    for said in phrases:
        if said.en == said.fr:
            continue
        for part in said.en.replace("{", "\0{").replace("}", "}\0").split("\0"):
            if part.startswith("{"):
                continue
            part = " ".join(SYNTAX.sub(" ", part).split()).strip(" :;,.()")
            if len(part) >= 10 and " " in part:
                parts.add(part)
    return frozenset(parts)


# A word cut by a dialog's or a notification's edge ("vote in┃") is a piece of the screen
# behind it, not a word of its own: dropped, with the edges.
CUT = re.compile(r"\w*[┃▌▊▎│]\w*")


def assert_no_english(text: str, where: str) -> None:
    text = CUT.sub(" ", text)
    flat = " ".join(SYNTAX.sub(" ", text).split())
    for part in screens_english():
        assert part not in flat, (where, part, text)
    assert_french(text, (where,))


# Each screen a meeting opens from the card, by its key; Escape closes it.
FROM_THE_CARD = (
    ("whole card", ("w",)),
    ("vote window", ("i", "1", "2", "tab", "5")),
    ("attendance", ("a",)),
    ("results", ("r",)),
    ("all results", ("R",)),
    ("overview", ("o",)),
    ("notes", ("n",)),
    ("amendment vote", ("m",)),
    ("source as a QR code", ("s",)),
    ("glossary", ("g",)),
    ("help", ("question_mark",)),
    ("command palette", ("ctrl+p",)),
    ("quit dialog", ("q",)),
    ("Ctrl+C", ("ctrl+c",)),  # Textual's own words are English: ours instead
)
# Counts typed: the first Escape asks whether to throw them away, the second does.
CLOSE = {"vote window": ("escape", "escape")}


def seen(app: DebateApp, where: str, texts: list[tuple[str, str]]) -> None:
    """The screen as drawn: notices are said in its status line (no toast over it)."""
    assert not app._notifications, where
    texts.append((where, screen_text(app)))


async def meeting_screens(make_app: MakeApp, sessions: Path, lang: str) -> list[tuple[str, str]]:
    """What every screen shows at the example deck (French), in `lang`."""
    deck = load_deck(str(EXAMPLE))
    texts: list[tuple[str, str]] = []
    setup = make_app(deck, lang=lang, place=None, attendance=None)
    async with setup.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        seen(setup, "setup form", texts)
        await pilot.press("tab", "tab", "enter")  # no place: the form says it is needed
        await pilot.pause()
        seen(setup, "setup form, refused", texts)
    app = make_app(deck, lang=lang, place=PLACE)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        seen(app, "card", texts)
        await pilot.press("right", "right", "right")
        await pilot.pause()
        seen(app, "card, revealed", texts)
        await pilot.press("t")
        await pilot.pause()
        seen(app, "speaker timer", texts)
        await pilot.press("t")
        for where, presses in FROM_THE_CARD:
            await pilot.press(*presses)
            await pilot.pause()
            seen(app, where, texts)
            await pilot.press(*CLOSE.get(where, ("escape",)))
            await pilot.pause()
        await pilot.press("v", "3", "0", "tab", "2", "tab", "1", "enter")  # a vote recorded
        await pilot.pause()
        seen(app, "after the vote", texts)
        await pilot.press("v", "9", "9", "enter")  # over the attendance: refused
        await pilot.pause()
        seen(app, "vote over the attendance", texts)
        await pilot.press("escape", "escape")
        await pilot.press("b")
        await pilot.pause()
        seen(app, "blank screen", texts)
    resumed = make_app(deck, lang=lang, place=PLACE)  # the meeting left unfinished is offered again
    async with resumed.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        seen(resumed, "resume dialog", texts)
    return texts


async def test_no_screen_of_a_french_meeting_shows_english(
    make_app: MakeApp, sessions: Path
) -> None:
    texts = await meeting_screens(make_app, sessions, "fr")
    assert len({text for _, text in texts}) == len(texts), "a screen did not open"
    for where, text in texts:
        assert_no_english(text, where)


async def test_the_same_screens_in_english_are_caught(make_app: MakeApp, sessions: Path) -> None:
    """The control: the check finds the English of the same screens (the deck's own text
    stays French, so what it catches is the interface's)."""
    screens = await meeting_screens(make_app, sessions, "en")
    # The blank screen has no word to catch (no toast over it now).
    assert uncaught([(where, text) for where, text in screens if text.split()]) == []


def test_the_shared_words_are_still_shared() -> None:
    """An entry of SHARED that the catalog holds no more is dropped from it."""
    values = set(WORDS["fr"].values())
    assert values >= SHARED, SHARED - values


async def room_screens(sessions: Path, lang: str) -> list[tuple[str, str]]:
    """What the room's window shows of a meeting on the French example deck, in `lang`:
    waiting for it, a card, its timer, its results, the meeting closed."""
    deck = load_deck(str(EXAMPLE))
    sessions.mkdir(parents=True, exist_ok=True)
    texts: list[tuple[str, str]] = []
    app = RoomApp(Options(deck=deck, sessions_dir=sessions, lang=lang), Follower(sessions, deck))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        seen(app, "room, waiting", texts)
        session = Session.create(deck, sessions, PLACE, "Anne", 40, lang, datetime(2026, 3, 1))
        slide = slide_for(session.journal_path)
        card = deck.cards[0]
        session.record(
            VoteRecorded(
                card=card.id,
                round=Round.INDICATIVE,
                method=card.vote.method.value,
                labels=card.vote.labels,
                counts=(20, 5, 1),
            )
        )
        countdown = Countdown("against", 90, 30.0, running=False, at=time.time())
        for where, shown in (
            ("room, card", Slide(card.id, 2)),
            ("room, timer", Slide(card.id, 2, countdown)),
            ("room, results", Slide(card.id, 2, results=True)),
        ):
            write_slide(slide, shown)
            await app.follow_now()
            await pilot.pause()
            seen(app, where, texts)
        session.record(SessionClosed())
        await app.follow_now()
        await pilot.pause()
        seen(app, "room, closed", texts)
    return texts


async def test_the_room_s_window_of_a_french_meeting_shows_no_english(sessions: Path) -> None:
    texts = await room_screens(sessions, "fr")
    assert len({text for _, text in texts}) == len(texts), texts
    for where, text in texts:
        assert_no_english(text, where)


async def test_the_room_s_window_in_english_is_caught(sessions: Path) -> None:
    assert uncaught(await room_screens(sessions, "en")) == []


def uncaught(screens: list[tuple[str, str]]) -> list[str]:
    """The English screens the check lets through: none, or it catches nothing."""
    missed = []
    for where, text in screens:
        try:
            assert_no_english(text, where)
        except AssertionError:
            continue
        missed.append(where)
    return missed
