"""What the system says of a file it cannot reach ("Permission denied") reaches a French
facilitator in French, by the error's errno; a number's thousands are grouped the way
its language groups them (issue 15)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from debate.error_words import SYSTEM_WORDS_FR, Error
from debate.fserrors import system_says
from debate.platform import LinkRefused, open_regular
from debate.told import Phrase, say


@pytest.mark.parametrize(
    ("code", "french"),
    [
        (errno.EACCES, "permission refusée"),
        (errno.ENOSPC, "plus de place sur le disque"),
        (errno.EROFS, "système de fichiers en lecture seule"),
        (errno.ENOENT, "aucun fichier ou dossier de ce nom"),
    ],
)
def test_the_system_s_words_are_said_by_errno(code: int, french: str) -> None:
    exc = OSError(code, os.strerror(code), "x")
    said = system_says(exc)
    assert say(said, "fr") == french
    assert say(said, "en") == os.strerror(code)  # the system's own English


def test_a_rarer_errno_is_named_in_french_never_in_english() -> None:
    exc = OSError(errno.ECHILD, "No child processes")
    assert say(system_says(exc), "fr") == "erreur du système ECHILD"
    assert say(system_says(exc), "en") == "No child processes"
    assert say(system_says(OSError(99999, "Unknown error 99999")), "fr") == (
        "erreur du système n° 99999"
    )
    assert say(system_says(OSError("bare")), "fr") == "bare"  # no errno: as raised


def test_every_french_entry_names_an_errno() -> None:
    known = set(errno.errorcode.values())
    assert [name for name in SYSTEM_WORDS_FR if name not in known] in ([], ["EDQUOT"])


def test_debate_s_own_refusal_of_a_link_is_said_in_french(tmp_path: Path) -> None:
    (tmp_path / "target").write_text("x")
    link = tmp_path / "link"
    link.symlink_to("target")
    with pytest.raises(LinkRefused) as caught:
        open_regular(link, os.O_RDONLY)
    assert say(system_says(caught.value), "fr").startswith("est un lien ; debate n’écrit")
    assert caught.value.strerror.startswith("is a link")


def test_thousands_are_grouped_as_the_language_groups_them() -> None:
    phrase = Phrase(Error.TOO_MANY_VALUES, limit=200_000)
    assert "200\xa0000 valeurs" in phrase.in_("fr")
    assert "200,000 values" in phrase.in_("en")
