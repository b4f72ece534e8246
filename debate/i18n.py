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
    },
}


def language_of(tag: str) -> str:
    """'fr-CA' -> 'fr'; any language we do not speak -> 'en'."""
    base = tag.split("-")[0].lower()
    return base if base in LABELS else "en"


def labels(tag: str) -> dict[str, str]:
    lang = language_of(tag)
    return {**LABELS["en"], **LABELS[lang]}
