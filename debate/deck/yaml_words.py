"""PyYAML's and libyaml's own words about a syntax error, in French too.

A deck problem quotes the parser where debate has no better hint of its own
(debate/deck/yamlsafe.py: syntax_problem); a French reader should not meet English
there. The parser's messages are fixed sentences with a quoted token at most, so each
is matched whole; one not known here is shown as the parser wrote it.
"""

from __future__ import annotations

import re

from debate.said import Said

# "while parsing a block mapping" (PyYAML and libyaml say the same).
CONTEXTS = {
    "while parsing a block mapping": "dans des clés et leurs valeurs",
    "while parsing a block collection": "dans une liste",
    "while parsing a flow sequence": "dans une liste entre crochets",
    "while parsing a flow mapping": "dans des clés entre accolades",
    "while parsing a flow node": "en lisant une valeur entre crochets ou accolades",
    "while parsing a block node": "en lisant une valeur",
    "while parsing a node": "en lisant une valeur",
    "while parsing a tag": "en lisant une étiquette",
    "while scanning a tag": "en lisant une étiquette",
    "while scanning a simple key": "en lisant une clé",
    "while scanning a quoted scalar": "dans un texte entre guillemets",
    "while scanning a plain scalar": "dans un texte",
    "while scanning a block scalar": "dans un bloc de texte",
    "while scanning a directive": "dans une directive",
    "while scanning an anchor": "en lisant une ancre",
    "while scanning an alias": "en lisant un alias",
    "while scanning for the next token": "en cherchant l’élément suivant",
    "while composing a mapping": "en lisant des clés et leurs valeurs",
    "while parsing the content of a flow mapping": "dans des clés entre accolades",
    "while parsing a block sequence": "dans une liste",
}

# What went wrong: a whole message, its quoted token (\1, \2) kept as written.
PROBLEMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), fr)
    for p, fr in [
        (r"did not find expected key", "il manque une clé attendue"),
        (r"did not find expected node content", "il manque la valeur attendue"),
        (r"did not find expected (.+)", r"il manque \1"),
        (r"could not find expected (.+)", r"il manque \1"),
        (r"expected (.+?), but (?:found|got) (.+)", r"\1 attendu, \2 trouvé"),
        (
            r"found character (.*?) ?that cannot start any token",
            r"un caractère \1 qui ne peut rien commencer",
        ),
        (r"found unexpected end of stream", "le fichier finit trop tôt"),
        (r"found unexpected document separator", "un séparateur de documents inattendu"),
        (r"found undefined alias (.*)", r"l’alias \1 n’est pas défini"),
        (r"found unknown escape character (.*)", r"caractère d’échappement inconnu : \1"),
        (r"found a tab character .*", "une tabulation rompt l’indentation"),
        (r"found duplicate anchor (.*?);? ?first occurrence", r"l’ancre \1 est en double"),
        (
            r"(?:block )?sequence entries are not allowed (?:here|in this context)",
            "une liste n’est pas permise à cet endroit",
        ),
        (
            r"mapping keys are not allowed (?:here|in this context)",
            "une clé n’est pas permise à cet endroit",
        ),
        (
            r"mapping values are not allowed (?:here|in this context)",
            "une valeur n’est pas permise à cet endroit",
        ),
        (r"invalid YAML", "YAML non valide"),
    ]
]


def yaml_said(text: str) -> Said:
    """The parser's `text` in English as it is, and in French where it is known."""
    if text in CONTEXTS:
        return Said(text, CONTEXTS[text])
    for pattern, fr in PROBLEMS:
        found = pattern.fullmatch(text)
        if found:
            return Said(text, found.expand(fr))
    return Said(text, text)
