"""`--resume [ID]`: the ID is optional, so argparse hands it a deck typed after it."""

from __future__ import annotations

import argparse

from debate.commands.run import _deck_after_resume


def parsed(deck: str | None, resume_id: str | None) -> tuple[str | None, str | None]:
    args = argparse.Namespace(deck=deck, resume_id=resume_id)
    _deck_after_resume(args)
    return args.deck, args.resume_id


def test_a_deck_after_resume_is_the_deck() -> None:
    assert parsed(None, "mon-deck.yaml") == ("mon-deck.yaml", "")  # the newest meeting of it
    assert parsed(None, "desescalade-en") == ("desescalade-en", "")


def test_an_id_after_resume_is_the_meeting() -> None:
    assert parsed(None, "2026-03-01-2005") == (None, "2026-03-01-2005")
    assert parsed("mon-deck.yaml", "2026-03-01") == ("mon-deck.yaml", "2026-03-01")
    assert parsed(None, "") == (None, "")  # --resume alone
