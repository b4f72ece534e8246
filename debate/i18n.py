"""Interface and paper labels in the languages debate speaks (French and English).

Keys are English identifiers; a missing language falls back to English, and a missing key
in French to the English text, so a half-translated label never crashes the app.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "card": "Card",
        "summary": "The proposal",
        "arguments": "Arguments for",
        "objections": "Objections",
        "response": "Answer:",
        "questions": "Questions for the room",
        "sources": "Sources",
        "source": "source:",
        "qr_caption": "Scan to read the source:",
        "no_source": "(no source URL for this card)",
        # The live session (debate/record/session.py): what the screen says when saving fails.
        "ses_not_saved": "Not saved: {reason} ({path}). Will retry on next action.",
        "ses_minutes_not_saved": "Minutes not updated: {reason} ({path}). "
        "Will retry on next action.",
        "ses_disk_full": "disk full",
        "ses_read_only": "the sessions folder is read-only",
        "ses_no_permission": "no permission to write in the sessions folder",
        "ses_gone": "the file or its folder has disappeared",
        "ses_torn_line": "{where}: skipped a line cut short by an interruption (power cut?); "
        "nothing before it is lost",
        "ses_deck_changed": "the deck changed since this session was opened (cards matched by id)",
        "ses_cards_missing": "cards recorded in this session are no longer in the deck: {cards}",
    },
    "fr": {
        "card": "Fiche",
        "summary": "La proposition",
        "arguments": "Arguments pour",
        "objections": "Objections",
        "response": "Réponse :",
        "questions": "Questions à la salle",
        "sources": "Sources",
        "source": "source :",
        "qr_caption": "Scannez pour lire la source :",
        "no_source": "(pas d’adresse de source pour cette fiche)",
        # La séance en cours (debate/record/session.py).
        "ses_not_saved": "Non enregistré : {reason} ({path}). Nouvel essai à la prochaine action.",
        "ses_minutes_not_saved": "Compte rendu non mis à jour : {reason} ({path}). "
        "Nouvel essai à la prochaine action.",
        "ses_disk_full": "disque plein",
        "ses_read_only": "le dossier des séances est en lecture seule",
        "ses_no_permission": "pas le droit d’écrire dans le dossier des séances",
        "ses_gone": "le fichier ou son dossier a disparu",
        "ses_torn_line": "{where} : ligne coupée par une interruption (coupure de courant ?) "
        "ignorée ; rien de ce qui la précède n’est perdu",
        "ses_deck_changed": "le jeu de fiches a changé depuis l’ouverture de cette séance "
        "(fiches retrouvées par leur identifiant)",
        "ses_cards_missing": "fiches enregistrées dans cette séance mais absentes du jeu : {cards}",
    },
}


def language_of(tag: str) -> str:
    """'fr-CA' -> 'fr'; any language we do not speak -> 'en'."""
    base = tag.split("-")[0].lower()
    return base if base in LABELS else "en"


def labels(tag: str) -> dict[str, str]:
    lang = language_of(tag)
    return {**LABELS["en"], **LABELS[lang]}
