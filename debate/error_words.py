"""What the domain (deck, record) can refuse, in every language: one code per refusal.

Raised as `InvalidEvent(Error.VOTE_ALREADY_RECORDED, round=...)` (debate/told.py); the
screen and the command line word it in the facilitator's language. Placeholders are
str.format fields, the same in every language (tests/test_told.py checks them).
"""

from __future__ import annotations

from enum import Enum

from debate.said import Said
from debate.vocabulary import Round


class Error(Enum):
    # -- the record refuses an event (debate/record/state.py: InvalidEvent) --------------
    NO_CARD = Said("an event about no card", "un événement qui ne porte sur aucune fiche")
    NOT_OPENED = Said(
        "a session starts with session-opened",
        "une séance commence par son ouverture (session-opened)",
    )
    SESSION_CLOSED = Said("this session is closed", "cette séance est close")
    ALREADY_OPEN = Said("the session is already open", "la séance est déjà ouverte")
    BAD_ATTENDANCE = Said(
        "the attendance must be a whole number >= 0",
        "le nombre de présents doit être un nombre entier positif ou nul",
    )
    EMPTY_NOTE = Said("an empty note", "une note vide")
    BAD_TURN = Said(
        "a timer turn is 'for' or 'against', in whole seconds",
        "un tour de parole est « pour » ou « contre », en secondes entières",
    )
    UNKNOWN_EVENT = Said("unknown event {kind}", "événement inconnu : {kind}")
    BAD_METHOD = Said(
        "unknown vote method {method!r} or wrong labels",
        "méthode de vote inconnue ({method!r}) ou mauvais intitulés",
    )
    VOTE_ALREADY_RECORDED = Said(
        "the {round} vote is already recorded: correct it",
        "le vote {round} est déjà enregistré : corrigez-le",
    )
    NOTHING_TO_CORRECT = Said(
        "no {round} vote to correct on {card}",
        "pas de vote {round} à corriger sur la fiche {card}",
    )
    COUNTS_EXPECTED = Said(
        "{expected} counts expected, got {got}",
        "{expected} nombres attendus, {got} reçus",
    )
    COUNTS_NOT_WHOLE = Said(
        "counts must be whole numbers >= 0",
        "les nombres de voix doivent être des entiers positifs ou nuls",
    )
    OVER_ATTENDANCE = Said(
        "{total} votes for an attendance of {attendance}: raise it first",
        "{total} voix pour {attendance} présents : augmentez d’abord le nombre de présents",
    )
    # -- the counts themselves (debate/record/tally.py, majority.py: VoteError) ------------
    TALLY_NOT_WHOLE = Said(
        "counts must be whole numbers >= 0, got for={for_!r}, against={against!r}, "
        "abstain={abstain!r}",
        "les nombres de voix doivent être des entiers positifs ou nuls : pour={for_!r}, "
        "contre={against!r}, abstention={abstain!r}",
    )
    VOTES_OVER = Said(
        "{total} votes for an attendance of {attendance}: raise the attendance first",
        "{total} voix pour {attendance} présents : augmentez d’abord le nombre de présents",
    )
    ATTENDANCE_NOT_WHOLE = Said(
        "the attendance must be a whole number >= 0, got {attendance!r}",
        "le nombre de présents doit être un entier positif ou nul, et non {attendance!r}",
    )
    UNKNOWN_RULE = Said("unknown rule {rule!r}", "règle inconnue : {rule!r}")
    MERIT_EMPTY = Said(
        "a merit profile needs at least one grade",
        "un profil de mérite demande au moins une mention",
    )
    GRADES_NOT_WHOLE = Said(
        "grade counts must be whole numbers >= 0, got {counts!r}",
        "les nombres de mentions doivent être des entiers positifs ou nuls, et non {counts!r}",
    )
    NOBODY_GRADED = Said(
        "nobody graded this proposal: it has no majority grade",
        "personne n’a évalué cette proposition : elle n’a pas de mention majoritaire",
    )
    GRADES_OVER = Said(
        "{total} grades for an attendance of {attendance}: raise the attendance first",
        "{total} mentions pour {attendance} présents : augmentez d’abord le nombre de présents",
    )
    GRADES_NOT_ALL = Said(
        "{total} grades for an attendance of {attendance}: every person present must give "
        "this proposal one grade",
        "{total} mentions pour {attendance} présents : chaque personne présente donne une "
        "mention à cette proposition",
    )
    CANNOT_COMPARE = Said(
        "proposals with different totals cannot be compared",
        "des propositions aux totaux différents ne peuvent pas être comparées",
    )
    RANK_GRADES = Said(
        "every proposal must be graded on the same grades",
        "chaque proposition doit être évaluée avec les mêmes mentions",
    )
    RANK_TOTALS = Said(
        "proposals have different totals ({totals}): count everyone on every card, or pad "
        "to the attendance",
        "les propositions ont des totaux différents ({totals}) : comptez tout le monde sur "
        "chaque fiche, ou complétez jusqu’au nombre de présents",
    )
    RANK_NOTHING = Said(
        "nobody graded any proposal: there is nothing to rank",
        "personne n’a évalué aucune proposition : rien à classer",
    )


# A round's name inside a sentence ("the indicative vote", "le vote indicatif").
ROUND_NAME: dict[str, Said] = {
    Round.INDICATIVE: Said("indicative", "indicatif"),
    Round.FINAL: Said("final", "final"),
}
