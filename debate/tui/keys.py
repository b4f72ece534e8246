"""Every key of the app, in one table: what it does and what it is called in each language.

The screens' BINDINGS, the help screen, the command palette and the card screen's key
bar are all generated from here, so that a key cannot be bound without being explained,
or explained in one place and forgotten in another. tests/tui/test_keys.py checks that
every binding of every screen comes from this table and that the README lists the same
keys.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding, BindingType

from debate.records import record
from debate.said import Said


@record(frozen=True)
class Key:
    action: str  # as Textual runs it: "vote('final')"
    keys: str  # Textual's key names, comma-separated: "right,pagedown,space"
    command: Said  # its name in the command palette
    help: Said  # the help screen's line
    bar: Said | None = None  # its place in the card screen's key bar, if it has one
    bound: bool = True  # False: typed into a field, or bound elsewhere (listed for help)
    priority: bool = False  # acts as it arrives, before the focused field sees it
    palette: bool = True  # offered by the command palette (where the screen has one)


HELP = Key(
    "help",
    "f1,question_mark",
    Said("Every key", "Toutes les touches"),
    Said("this help", "cette aide"),
    bar=Said("? help", "? aide"),
)
PALETTE = Key(
    "command_palette",
    "ctrl+p",
    Said("Command palette", "Palette de commandes"),
    Said(
        "command palette: every action, and the theme",
        "palette de commandes : toutes les actions, et le thème",
    ),
    bound=False,  # Textual's own binding
)

APP = (HELP,)

CARD = (
    Key(
        "next",
        "right,pagedown,space",
        Said("Next argument, then next card", "Argument suivant, puis fiche suivante"),
        Said(
            "reveal the next argument or objection, then the next card",
            "montrer l’argument ou l’objection suivante, puis la fiche suivante",
        ),
        bar=Said("→ next", "→ suivant"),
    ),
    Key(
        "back",
        "left,pageup",
        Said("Back", "Retour"),
        Said("back", "retour"),
        bar=Said("← back", "← retour"),
    ),
    Key(
        "whole_card",
        "w",
        Said("Whole card / slide", "Fiche entière / diapositive"),
        Said(
            "the whole card as a document, or back to the slide",
            "la fiche entière comme un document, ou retour à la diapositive",
        ),
        bar=Said("w whole", "w entière"),
    ),
    Key(
        "vote('indicative')",
        "i",
        Said("Indicative vote", "Vote indicatif"),
        Said("indicative vote (before the debate)", "vote indicatif (avant le débat)"),
        bar=Said("i/v vote", "i/v vote"),
    ),
    Key(
        "vote('final')",
        "v",
        Said("Final vote", "Vote final"),
        Said("final vote (after the debate)", "vote final (après le débat)"),
    ),
    Key(
        "attendance",
        "a",
        Said("Attendance", "Présents"),
        Said("attendance: how many people are present", "présents : combien de personnes sont là"),
        bar=Said("a present", "a présents"),
    ),
    Key(
        "results",
        "r",
        Said("Results of this card", "Résultats de la fiche"),
        Said("results of this card", "résultats de la fiche"),
        bar=Said("r results", "r résultats"),
    ),
    Key(
        "all_results",
        "R",
        Said("Results of every card voted", "Résultats de toutes les fiches votées"),
        Said(
            "results of every card voted, for the room (also after the last card)",
            "résultats de toutes les fiches votées, pour la salle (aussi après la dernière)",
        ),
    ),
    Key(
        "overview",
        "o",
        Said("Overview of all cards", "Vue d’ensemble des fiches"),
        Said(
            "overview of all cards and their state; Enter goes to one",
            "vue d’ensemble des fiches et de leur état ; Entrée pour y aller",
        ),
        bar=Said("o cards", "o fiches"),
    ),
    Key(
        "timer",
        "t",
        Said("Speaker timer: start / pause", "Minuteur de parole : démarrer / pause"),
        Said("speaker timer: start / pause", "minuteur de parole : démarrer / pause"),
        bar=Said("t timer", "t minuteur"),
    ),
    Key(
        "timer_reset",
        "T",
        Said("Timer: next speaker", "Minuteur : orateur suivant"),
        Said("timer: reset, next speaker", "minuteur : remettre, orateur suivant"),
    ),
    Key(
        "timer_adjust(1)",
        "plus",
        Said("Timer: 30 seconds more", "Minuteur : 30 secondes de plus"),
        Said("timer: 30 seconds more, this turn", "minuteur : 30 secondes de plus, ce tour"),
    ),
    Key(
        "timer_adjust(-1)",
        "minus",
        Said("Timer: 30 seconds less", "Minuteur : 30 secondes de moins"),
        Said("timer: 30 seconds less, this turn", "minuteur : 30 secondes de moins, ce tour"),
    ),
    Key(
        "notes",
        "n",
        Said("Notes: remarks and amendments", "Notes : remarques et amendements"),
        Said("notes: remarks and amendments", "notes : remarques et amendements"),
        bar=Said("n notes", "n notes"),
    ),
    Key(
        "vote_amendment",
        "m",
        Said("Vote on an amendment", "Voter un amendement"),
        Said(
            "vote on an amendment (choose it when there are several), before the final vote",
            "voter un amendement (le choisir s’il y en a plusieurs), avant le vote final",
        ),
    ),
    Key(
        "source_qr",
        "s",
        Said("Source as a QR code", "Source en QR code"),
        Said(
            "the card's source as a QR code, for phones",
            "la source en QR code, pour les téléphones",
        ),
    ),
    Key(
        "glossary",
        "g",
        Said("Glossary: the deck's terms explained", "Glossaire : les termes des fiches expliqués"),
        Said("glossary: the deck's terms explained", "glossaire : les termes des fiches expliqués"),
        bar=Said("g glossary", "g glossaire"),  # only when the deck has a glossary
    ),
    Key(
        "blank",
        "b,full_stop",  # "." is full_stop to Textual: a clicker's blank-screen button
        Said("Blank screen", "Écran noir"),
        Said("blank screen (any key returns)", "écran noir (une touche pour revenir)"),
    ),
    replace(HELP, bound=False),  # bound by the app, on every screen
    PALETTE,
    Key(
        "quit_meeting",
        "q",
        Said("Quit", "Quitter"),
        Said("quit, after a confirmation", "quitter, après confirmation"),
        bar=Said("q quit", "q quitter"),
    ),
)

# The tab keys of every form. Priority: Tab acts as it arrives, so text typed right after
# it (a burst from a fast typist, or tmux) lands in the next field, not at the end of this
# one.
FIELDS = (
    Key(
        "app.focus_next",
        "tab",
        Said("Next field", "Champ suivant"),
        Said("next field", "champ suivant"),
        priority=True,
    ),
    Key(
        "app.focus_previous",
        "shift+tab",
        Said("Previous field", "Champ précédent"),
        Said("previous field", "champ précédent"),
        priority=True,
    ),
)

VOTE = (
    Key(
        "type",
        "0-9",
        Said("Type a count", "Saisir un nombre"),
        Said("type the count of hands", "saisir le nombre de mains"),
        bound=False,  # typed into the field
    ),
    # The fields handle + and - themselves (CountField): these serve the palette.
    Key(
        "bump(1)",
        "plus",
        Said("One hand more", "Une main de plus"),
        Said("one hand more", "une main de plus"),
    ),
    Key(
        "bump(-1)",
        "minus",
        Said("One hand less", "Une main de moins"),
        Said("one hand less", "une main de moins"),
    ),
    *FIELDS,
    Key(
        "record",
        "enter",
        Said("Record the vote", "Enregistrer le vote"),
        Said("record the vote", "enregistrer le vote"),
        bound=False,  # the field's own submit
    ),
    # Its own key, never a second Enter: Enter pressed twice in a hurry once raised the
    # attendance from 10 to 203 on a mistyped count. Priority: the fields take digits only.
    Key(
        "raise_attendance",
        "a",
        Said(
            "More hands than people: raise the attendance",
            "Plus de mains que de présents : porter les présents au total",
        ),
        Said(
            "more hands than people present: raise the attendance to the count and record",
            "plus de mains que de présents : porter les présents au total et enregistrer",
        ),
        priority=True,
    ),
    Key(
        "cancel",
        "escape",
        Said("Cancel", "Annuler"),
        Said(
            "cancel: nothing is recorded (counts typed: Esc twice)",
            "annuler : rien n’est enregistré (nombres saisis : Échap deux fois)",
        ),
    ),
)

CANCEL = Key("cancel", "escape", Said("Cancel", "Annuler"), Said("cancel", "annuler"))
ATTENDANCE = (
    CANCEL,
    Key(
        "earlier_attendance",
        "up",
        Said(
            "Earlier attendance: correct one typed wrong",
            "Présents d’avant : corriger un nombre mal tapé",
        ),
        Said(
            "bring back the attendance set before, to correct it (Enter)",
            "rappeler le nombre de présents d’avant, pour le corriger (Entrée)",
        ),
    ),
    Key(
        "later_attendance",
        "down",
        Said("Later attendance, then a new count", "Présents d’après, puis un nouveau nombre"),
        Said(
            "a later attendance, then back to a new count",
            "nombre suivant, puis retour à un nouveau nombre",
        ),
    ),
)
SETUP = (
    Key("cancel", "escape", Said("Quit", "Quitter"), Said("quit", "quitter")),
    *FIELDS,
    # Priority, like Tab: decided in order with the keys around it (SetupScreen.submit).
    Key(
        "submit",
        "enter",
        Said("Next field, or start", "Champ suivant, ou commencer"),
        Said(
            "next field; on the last one, start the meeting",
            "champ suivant ; au dernier, commencer",
        ),
        priority=True,
        palette=False,
    ),
)
NOTES = (
    Key("close", "escape", Said("Close", "Fermer"), Said("back to the card", "retour à la fiche")),
    *FIELDS,
    Key(
        "earlier_note",
        "up",
        Said(
            "Earlier note: reword or withdraw it", "Note précédente : la reformuler ou la retirer"
        ),
        Said(
            "bring back an earlier note to reword it (Enter) or withdraw it (emptied, Enter twice)",
            "rappeler une note pour la reformuler (Entrée) ou la retirer (vidée, Entrée deux fois)",
        ),
    ),
    Key(
        "later_note",
        "down",
        Said("Later note, then a new one", "Note suivante, puis une nouvelle"),
        Said("a later note, then back to a new one", "note suivante, puis retour à une nouvelle"),
    ),
)


def _closing(keys: str) -> tuple[Key, ...]:
    return (Key("close", keys, Said("Close", "Fermer"), Said("close", "fermer")),)


RESULTS = _closing("escape,r,q,enter")
ALL_RESULTS = (
    Key(
        "page(1)",
        "right,pagedown,space",
        Said("Next page", "Page suivante"),
        Said("next page of results", "page de résultats suivante"),
    ),
    Key(
        "page(-1)",
        "left,pageup",
        Said("Previous page", "Page précédente"),
        Said("previous page of results", "page de résultats précédente"),
    ),
    *_closing("escape,R,q,enter"),
)
OVERVIEW = _closing("escape,o,q")
AMENDMENTS = _closing("escape,m,q")
GLOSSARY = _closing("escape,g,q,enter")
SOURCE_QR = _closing("escape,s,q,enter")
HELP_SCREEN = _closing("escape,q,f1,question_mark,enter")

# Yes is y, or o (oui) in French; Enter is never yes here: a stray q Enter must not
# drop to the shell in front of the room.
YES = "y,o"
QUIT = (
    Key(
        "yes",
        YES,
        Said("Quit (after c: close for good)", "Quitter (après c : clore définitivement)"),
        Said(
            "quit, the meeting can be resumed; after c, close it for good",
            "quitter, la réunion pourra reprendre ; après c, la clore définitivement",
        ),
    ),
    Key(
        "close_meeting",
        "c",
        Said("Close the meeting", "Clore la réunion"),
        Said(
            "close the meeting for good (asks y to confirm)",
            "clore définitivement la réunion (demande o ou y pour confirmer)",
        ),
    ),
    Key("stay", "n,escape,enter", Said("Stay", "Rester"), Said("stay", "rester")),
)
RESUME = (
    Key(
        "yes",
        YES,
        Said("Resume the chosen meeting", "Reprendre la réunion choisie"),
        Said(
            "resume the chosen meeting; after c, close it for good",
            "reprendre la réunion choisie ; après c, la clore définitivement",
        ),
    ),
    Key(
        "answer_default",
        "enter",
        Said("Resume or new meeting", "Reprendre ou nouvelle réunion"),
        Said(
            "resume a recent meeting; start a new one after an old one",
            "reprendre une réunion récente ; en commencer une après une ancienne",
        ),
        bound=False,  # the list's own Enter (OptionList.OptionSelected)
    ),
    Key(
        "new",
        "n",
        Said("New meeting", "Nouvelle réunion"),
        Said("start a new meeting", "nouvelle réunion"),
    ),
    Key(
        "close_chosen",
        "c",
        Said("Close the chosen meeting", "Clore la réunion choisie"),
        Said(
            "close the chosen meeting for good (asks y)",
            "clore la réunion choisie (demande o ou y)",
        ),
    ),
    Key(
        "stay",
        "escape",
        Said("Quit", "Quitter"),
        Said(
            "quit, nothing started (after c: back)",
            "quitter sans rien commencer (après c : retour)",
        ),
    ),
)
REOPEN = (
    Key(
        "yes",
        YES,
        Said("Reopen", "Rouvrir"),
        Said("reopen the meeting (recorded)", "rouvrir la réunion (inscrit)"),
    ),
    Key("no", "n,escape", Said("Quit", "Quitter"), Said("quit", "quitter")),
)

# What the help screen lists, in sections.
HELP_SECTIONS: tuple[tuple[Said, tuple[Key, ...]], ...] = (
    (Said("On a card", "Sur une fiche"), CARD),
    (Said("In the vote window", "Dans la fenêtre de vote"), VOTE),
)


def every_key() -> list[Key]:
    """Every entry of every table, for the tests."""
    tables: tuple[tuple[Key, ...], ...] = (APP, CARD, FIELDS, VOTE, ATTENDANCE, SETUP, NOTES)
    tables += (RESULTS, ALL_RESULTS, OVERVIEW, AMENDMENTS, GLOSSARY, SOURCE_QR, HELP_SCREEN)
    tables += (QUIT, RESUME, REOPEN)
    return [key for table in tables for key in table]


def bindings(table: tuple[Key, ...]) -> list[BindingType]:
    """A screen's BINDINGS. The description stays English: Textual shows it nowhere here
    (no Footer); the palette and the help take the table's own words."""
    return [
        Binding(k.keys, k.action, k.command.en, show=False, priority=k.priority)
        for k in table
        if k.bound
    ]


# How the help and the palette write Textual's key names (the rest are shown as they are).
KEY_NAMES: dict[str, Said] = {
    "pagedown": Said("PageDown", "PageSuiv"),
    "pageup": Said("PageUp", "PagePréc"),
    "space": Said("Space", "Espace"),
    "enter": Said("Enter", "Entrée"),
    "escape": Said("Esc", "Échap"),
    "tab": Said("Tab", "Tab"),
    "shift+tab": Said("Shift+Tab", "Maj+Tab"),
}
KEY_SIGNS = {
    "right": "→",
    "left": "←",
    "up": "↑",
    "down": "↓",
    "plus": "+",
    "minus": "-",
    "full_stop": ".",
    "question_mark": "?",
    "f1": "F1",
    "ctrl+p": "Ctrl+P",
}


def key_names(binding_keys: str, lang: str, sep: str = " / ") -> str:
    """'right,pagedown,space' as a facilitator reads it: '→ / PageSuiv / Espace'."""

    def name(key: str) -> str:
        return KEY_NAMES[key].in_(lang) if key in KEY_NAMES else KEY_SIGNS.get(key, key)

    return sep.join(name(key) for key in binding_keys.split(","))


def help_rows(table: tuple[Key, ...], lang: str) -> list[tuple[str, str]]:
    """The help screen's rows for one table: the keys, and what they do."""
    return [(key_names(k.keys, lang, "  "), k.help.in_(lang)) for k in table]


# What the key bar leaves out first when it would take more than two lines (a small
# window, or French words): keys the help (?) still lists.
SPARE_IN_BAR = ("whole_card", "glossary", "notes", "timer", "overview", "attendance")


def key_bar(lang: str, glossary: bool, width: int | None = None) -> str:
    """The card screen's bottom line: the keys a facilitator needs most, on at most two
    lines of a window `width` columns wide."""
    entries = [k for k in CARD if k.bar is not None and (glossary or k.action != "glossary")]

    def said(keys: list[Key]) -> str:
        return " · ".join(k.bar.in_(lang) for k in keys if k.bar is not None)

    if width is not None:
        room = 2 * (width - 2) - 12  # two lines within the padding, less what wrapping wastes
        spare = [k for action in SPARE_IN_BAR for k in entries if k.action == action]
        while len(said(entries)) > room and spare:
            entries.remove(spare.pop(0))
    return said(entries)


def palette(table: tuple[Key, ...]) -> list[Key]:
    """The keys of `table` the command palette offers."""
    return [k for k in table if k.bound and k.palette]
