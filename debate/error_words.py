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
    NOT_CLOSED = Said("this session is not closed", "cette séance n’est pas close")
    ALREADY_JUDGED_ON = Said(
        "the vote is already judged on {attendance} present",
        "le vote est déjà jugé sur {attendance} présents",
    )
    NOTE_KIND = Said("a note is one of {kinds}", "une note est l’une de ces sortes : {kinds}")
    NO_SUCH_NOTE = Said(
        "no {note} number {number} on {card}",
        "pas de note ({note}) numéro {number} sur la fiche {card}",
    )
    NOTE_WITHDRAWN = Said("this {note} was withdrawn", "cette note ({note}) a été retirée")
    EMPTY_NOTE_EDIT = Said(
        "an empty note: withdraw it instead", "une note vide : retirez-la plutôt"
    )
    NOTE_UNCHANGED = Said("the note already reads so", "la note dit déjà cela")
    NO_SUCH_ATTENDANCE = Said(
        "no attendance number {number} to correct",
        "pas de nombre de présents numéro {number} à corriger",
    )
    ATTENDANCE_UNCHANGED = Said(
        "that attendance already reads {count}",
        "ce nombre de présents est déjà {count}",
    )
    # -- amendments voted ----------------------------------------------------------------
    NO_SUCH_AMENDMENT = Said(
        "no amendment number {number} on {card}",
        "pas d’amendement numéro {number} sur la fiche {card}",
    )
    AMENDMENT_WITHDRAWN = Said(
        "amendment {number} was withdrawn: it cannot be voted",
        "l’amendement {number} a été retiré : il ne peut pas être voté",
    )
    AMENDMENT_ALREADY_VOTED = Said(
        "amendment {number} is already voted: reopen its vote to correct it",
        "l’amendement {number} est déjà voté : rouvrez son vote pour le corriger",
    )
    AMENDMENT_AFTER_FINAL = Said(
        "the final vote is recorded: an amendment is voted before it",
        "le vote final est enregistré : un amendement se vote avant lui",
    )
    NO_AMENDMENT_VOTE = Said(
        "no vote on amendment {number} to correct on {card}",
        "pas de vote sur l’amendement {number} à corriger sur la fiche {card}",
    )
    AMENDMENT_VOTED = Said(
        "amendment {number} was voted: it can be reworded, not withdrawn",
        "l’amendement {number} a été voté : il peut être reformulé, pas retiré",
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
    # -- a path that cannot be reached (debate/fserrors.py) ---------------------------------
    CURRENT_FOLDER = Said("the current folder", "le dossier courant")
    NO_LOOK = Said(
        "no permission to look into the folder {folder}",
        "pas le droit de regarder dans le dossier {folder}",
    )
    FILE_NOT_FOLDER = Said(
        "{folder} is a file, not a folder", "{folder} est un fichier, pas un dossier"
    )
    LINK_LOOP = Said(
        "a loop of symbolic links at {path}", "une boucle de liens symboliques en {path}"
    )
    PATH_TOO_LONG = Said(
        "the path is too long for the file system ({size} bytes)",
        "le chemin est trop long pour le système de fichiers ({size} octets)",
    )
    NAME_TOO_LONG = Said(
        "the name {name!r} is too long for the file system ({size} bytes; 255 at most)",
        "le nom {name!r} est trop long pour le système de fichiers ({size} octets ; 255 au plus)",
    )
    DANGLING_LINK = Said(
        "{path} is a link to {target}, which does not exist",
        "{path} est un lien vers {target}, qui n’existe pas",
    )
    # -- a deck that cannot be found (debate/deck/loader.py: DeckNotFound) ------------------
    DECK_EMPTY_NAME = Said(
        "{name!r}: an empty deck name; give a deck file or an embedded deck's name ({names})",
        "{name!r} : un nom de jeu vide ; donnez un fichier de fiches ou le nom d’un jeu fourni "
        "({names})",
    )
    DECK_UNREACHABLE = Said("{name}: {why}", "{name} : {why}")
    DECK_NOT_A_FILE = Said("{name}: not a file", "{name} : n’est pas un fichier")
    NO_SUCH_DECK = Said(
        "{name}: no such file, and no embedded deck of that name (embedded: {names})",
        "{name} : aucun fichier de ce nom, ni aucun jeu fourni (jeux fournis : {names})",
    )
    # -- a session that cannot be found (debate/record/catalog.py: SessionNotFound) ---------
    NO_SESSION_GIVEN = Said(
        "no session given: a journal path or a session id",
        "aucune séance donnée : un journal ou un identifiant de séance",
    )
    NO_SUCH_JOURNAL = Said(
        "{spec}: no such session journal", "{spec} : aucun journal de séance de ce nom"
    )
    SEVERAL_SESSIONS = Said(
        "{spec}: several sessions in {folder} match: {names}",
        "{spec} : plusieurs séances de {folder} correspondent : {names}",
    )
    NO_SUCH_SESSION = Said(
        "{spec}: no such session in {folder} (`debate sessions` lists them)",
        "{spec} : aucune séance de ce nom dans {folder} (`debate sessions` les liste)",
    )
    IS_A_REHEARSAL = Said(
        "{spec} is a rehearsal: resume it with `debate --rehearsal --resume {spec}`",
        "{spec} est une répétition : reprenez-la avec `debate --rehearsal --resume {spec}`",
    )
    NOT_A_REHEARSAL = Said(
        "{spec} is a real meeting, not a rehearsal: resume it without --rehearsal",
        "{spec} est une vraie séance, pas une répétition : reprenez-la sans --rehearsal",
    )
    # -- printing (debate/record/printing.py: PrintError) -----------------------------------
    NO_SPOOLER = Said(
        "no printing command found (neither lp nor lpr): install CUPS (the cups-client "
        "package) or print the minutes file from another program",
        "aucune commande d’impression (ni lp ni lpr) : installez CUPS (le paquet "
        "cups-client) ou imprimez le fichier du compte rendu depuis un autre programme",
    )
    CANNOT_WRITE_TO_PRINT = Said(
        "cannot write {path} to print it: {why}",
        "impossible d’écrire {path} pour l’imprimer : {why}",
    )
    CANNOT_RUN = Said("cannot run {name}: {why}", "impossible de lancer {name} : {why}")
    SPOOLER_HUNG = Said(
        "{name} did not answer within {seconds:g} s and was stopped: the print service may "
        "be stuck (`lpstat -t` shows it); the job may not have been queued",
        "{name} n’a pas répondu en {seconds:g} s et a été arrêté : le service d’impression "
        "est peut-être bloqué (`lpstat -t` le montre) ; le travail n’a peut-être pas été "
        "mis en file",
    )
    SPOOLER_STATUS = Said(
        "{name} exited with status {status}", "{name} s’est arrêté avec le code {status}"
    )
    PRINTER_NAMED = Said("printer {name!r}", "l’imprimante {name!r}")
    THE_PRINTER = Said("the printer", "l’imprimante")
    PRINTER_REFUSED = Said(
        "{where} refused the job: {reason}", "{where} a refusé le travail : {reason}"
    )
    # -- a session's journal and lock (debate/record/journal.py, lock.py) -------------------
    NOTHING_RECORDED = Said("{path}: nothing was recorded", "{path} : rien n’a été enregistré")
    CANNOT_READ = Said("{path}: cannot read: {why}", "{path} : lecture impossible : {why}")
    UNREADABLE_UNTOUCHED = Said(
        "{path}: {why}; the file was left untouched",
        "{path} : {why} ; le fichier est laissé intact",
    )
    TOO_MANY_MARKERS = Said(
        "{where}: more than {limit:,} lines that acknowledge a line cut short, which no "
        "journal holds: not a journal; the file was left untouched",
        "{where} : plus de {limit:,} lignes qui signalent une ligne coupée, ce qu’aucun "
        "journal ne contient : ce n’est pas un journal ; le fichier est laissé intact",
    )
    LINE_TOO_LONG = Said(
        "{where}: a line of more than {limit:,} bytes, which debate never writes: not a "
        "journal; the file was left untouched",
        "{where} : une ligne de plus de {limit:,} octets, ce que debate n’écrit jamais : ce "
        "n’est pas un journal ; le fichier est laissé intact",
    )
    CANNOT_FOLLOW = Said(
        "{where}: an event that cannot follow the ones before it ({why}); the file was left "
        "untouched",
        "{where} : un événement qui ne peut pas suivre les précédents ({why}) ; le fichier "
        "est laissé intact",
    )
    NOT_UTF8 = Said(
        "{where}: not UTF-8 text; the file was left untouched",
        "{where} : pas du texte UTF-8 ; le fichier est laissé intact",
    )
    NOT_AN_EVENT = Said(
        "{where}: not an event ({why}); the file was left untouched",
        "{where} : pas un événement ({why}) ; le fichier est laissé intact",
    )
    # why a journal line is not an event (debate/record/events.py: EventError)
    EVENT_TOO_DEEP = Said(
        "JSON nested too deeply to be an event",
        "du JSON imbriqué trop profondément pour être un événement",
    )
    EVENT_NOT_OBJECT = Said("not a JSON object", "pas un objet JSON")
    EVENT_UNKNOWN_TYPE = Said("unknown event type", "type d’événement inconnu")
    EVENT_UNKNOWN_FIELDS = Said("unknown fields {names}", "champs inconnus : {names}")
    EVENT_UNKNOWN_ROUND = Said("unknown round {round!r}", "tour de vote inconnu : {round!r}")
    EVENT_MISSING_FIELDS = Said("missing fields {names}", "champs manquants : {names}")
    EVENT_WRONG_TYPE = Said(
        "field {name!r} has the wrong type", "le champ {name!r} n’a pas le bon type"
    )
    EVENT_NOT_MEETING_ID = Said(
        "field 'meeting' is not a meeting id (8 letters a-z and digits 2-7)",
        "le champ « meeting » n’est pas un identifiant de réunion (8 lettres a-z et chiffres 2-7)",
    )
    NOT_JSON = Said(
        "{where}: not valid JSON; the file was left untouched",
        "{where} : pas du JSON valide ; le fichier est laissé intact",
    )
    NEWER_FORMAT = Said(
        "{where}: written by a newer debate (journal format {found}; this one reads format "
        "{reads}); the file was left untouched",
        "{where} : écrit par une version plus récente de debate (format de journal {found} ; "
        "celle-ci lit le format {reads}) ; le fichier est laissé intact",
    )
    WRITTEN_BY_OTHER = Said(
        "{path}: written by something else since debate last wrote it (another debate "
        "window?); not writing to it: the file was left untouched",
        "{path} : modifié par autre chose depuis la dernière écriture de debate (une autre "
        "fenêtre de debate ?) ; debate n’y écrit plus : le fichier est laissé intact",
    )
    REPLACED = Said(
        "{path}: replaced by another file since debate last wrote it; not writing to it",
        "{path} : remplacé par un autre fichier depuis la dernière écriture de debate ; "
        "debate n’y écrit plus",
    )
    MORE_EVENTS = Said(
        "{path}: holds {found} events where {written} were written: changed by something "
        "else; not writing to it",
        "{path} : contient {found} événements là où {written} ont été écrits : modifié par "
        "autre chose ; debate n’y écrit plus",
    )
    LOCKED = Said(
        "session {session} is open in another debate window",
        "la séance {session} est ouverte dans une autre fenêtre de debate",
    )
    LOCKED_PID = Said(
        "session {session} is open in another debate window (pid {pid})",
        "la séance {session} est ouverte dans une autre fenêtre de debate (processus {pid})",
    )
    NOT_OUR_LOCK = Said(
        "{path}: {why}: not debate's lock file, left untouched; remove it if no debate "
        "window has this session open",
        "{path} : {why} : ce n’est pas un verrou de debate, laissé intact ; supprimez-le si "
        "aucune fenêtre de debate n’a cette séance ouverte",
    )
    # -- a one-sided or long card (debate/deck/balance.py: `debate check`'s warnings) ------
    UNEVEN_ITEMS = Said(
        "{arguments}, {objections}: cut {cut} or add {add}",
        "{arguments}, {objections} : retirez {cut} ou ajoutez {add}",
    )
    ONE_ARGUMENT = Said("{n} argument", "{n} argument")
    ARGUMENTS = Said("{n} arguments", "{n} arguments")
    ONE_OBJECTION = Said("{n} objection", "{n} objection")
    OBJECTIONS = Said("{n} objections", "{n} objections")
    ARGUMENT = Said("argument", "l’argument")
    OBJECTION = Said("objection", "l’objection")
    SIDE_FOR = Said("'for'", "« pour »")
    SIDE_AGAINST = Said("'against'", "« contre »")
    THE_SUMMARY = Said("the summary", "le résumé")
    ITEM = Said("{kind} {n} ({opening})", "{kind} {n} ({opening})")
    ANSWER_TO = Said("the answer to {kind} {n} ({opening})", "la réponse à {kind} {n} ({opening})")
    TOO_MANY_WORDS = Said(
        "{what} has {n} words (at most {limit}): cut {cut}",
        "{what} : {n} mots (au plus {limit}) : retirez-en {cut}",
    )
    PAGE_TOO_LONG = Said(
        "its handout page has {lines} lines, more than one page ({page}): cut {cut} lines",
        "sa page du livret fait {lines} lignes, plus d’une page ({page}) : retirez {cut} lignes",
    )
    FOR_SIDE = Said(
        "its arguments and the answers to the objections",
        "ses arguments et les réponses aux objections",
    )
    AGAINST_SIDE = Said(
        "its objections and the answers to the arguments",
        "ses objections et les réponses aux arguments",
    )
    ONE_SIDE = Said("only one side", "un seul camp")
    ONE_SIDED = Said(
        "{more} has {more_words} words, {less} {less_words} ({shown}, at most {limit}x): cut "
        "{cut} words from {more} ({what}) or give {less} more",
        "{more} a {more_words} mots, {less} {less_words} ({shown}, au plus {limit}x) : "
        "retirez {cut} mots à {more} ({what}) ou donnez-en plus à {less}",
    )
    LAST_WORD = Said(
        "{side} has the last word on {n} of {of} cards (at most {limit}): {cards}; on some "
        "of them, change which side a card reveals first (first:), or whether the item "
        "revealed last gets an answer",
        "{side} a le dernier mot sur {n} fiches sur {of} (au plus {limit}) : {cards} ; sur "
        "certaines, changez le camp que la fiche montre en premier (first:), ou si "
        "l’élément montré en dernier reçoit une réponse",
    )

    # -- a deck's problems, each at its FILE:LINE:COLUMN (debate/deck: Problem) -----------
    # The format's keys (title, cards...) are the same in every language: French puts them
    # in backquotes, as the command line's syntax.
    DECK_TOO_BIG = Said(
        "file is {size:,} bytes; a deck is at most {limit:,} bytes",
        "le fichier fait {size:,} octets ; un jeu de fiches fait au plus {limit:,} octets",
    )
    NOT_A_DECK = Said("not a deck", "pas un jeu de fiches")
    BINARY_DECK = Said(
        "binary file (it contains NUL bytes), not a YAML deck",
        "fichier binaire (il contient des octets NUL), pas un jeu de fiches YAML",
    )
    DECK_NOT_UTF8 = Said(
        "not UTF-8 text (byte 0x{byte:02x}): save the file as UTF-8",
        "pas du texte UTF-8 (octet 0x{byte:02x}) : enregistrez le fichier en UTF-8",
    )
    DECK_FILE_EMPTY = Said(
        "the file is empty: a deck needs a title, a language and cards",
        "le fichier est vide : un jeu de fiches demande un titre, une langue et des fiches",
    )
    RAW_CONTROL = Said(
        "control character U+{code:04X} is not allowed: delete it",
        "le caractère de contrôle U+{code:04X} n’est pas permis : supprimez-le",
    )
    YAML_SAYS = Said("YAML: {why}", "YAML : {why}")
    YAML_TOO_DEEP = Said("YAML nests too deeply", "le YAML s’imbrique trop profondément")
    ONLY_COMMENTS = Said(
        "the file holds only comments: a deck needs cards",
        "le fichier ne contient que des commentaires : un jeu de fiches demande des fiches",
    )
    NESTED_TOO_DEEP = Said(
        "nested more than {limit} levels deep", "imbriqué sur plus de {limit} niveaux"
    )
    TOO_MANY_VALUES = Said(
        "more than {limit:,} values (keys, texts, list items): a deck holds at most that "
        "many; split it into several decks",
        "plus de {limit:,} valeurs (clés, textes, éléments de liste) : un jeu de fiches en "
        "contient au plus autant ; partagez-le en plusieurs jeux",
    )
    TOO_MANY_ALIASED = Said(
        "more than {limit:,} values (keys, texts, list items) once aliases are expanded (an "
        "alias bomb?): a deck holds at most that many; split it into several decks",
        "plus de {limit:,} valeurs (clés, textes, éléments de liste) une fois les alias "
        "développés (une bombe d’alias ?) : un jeu de fiches en contient au plus autant ; "
        "partagez-le en plusieurs jeux",
    )
    LINE_COLUMN = Said("line {line}, column {column}", "ligne {line}, colonne {column}")
    YAML_TAB = Said(
        "YAML syntax: a tab character here; indent with spaces, not tabs",
        "syntaxe YAML : une tabulation ici ; indentez avec des espaces, pas des tabulations",
    )
    TWO_DOCUMENTS = Said(
        "a deck is one YAML document: remove this '---' and what follows",
        "un jeu de fiches est un seul document YAML : retirez ce `---` et ce qui le suit",
    )
    QUOTE_NEVER_CLOSED = Said(
        "YAML syntax: the quote opened at {opened} is never closed",
        "syntaxe YAML : le guillemet ouvert {opened} n’est jamais fermé",
    )
    NO_ANCHOR = Said(
        "YAML syntax: the alias '*{alias}' refers to no anchor: '&{alias}' must come before "
        "it in the file",
        "syntaxe YAML : l’alias `*{alias}` ne renvoie à aucune ancre : `&{alias}` doit venir "
        "avant lui dans le fichier",
    )
    FLOW_UNCLOSED = Said(
        "YAML syntax: in the '{bracket}' opened at {opened}, a ',' between items or the "
        "closing '{closing}' is missing here",
        "syntaxe YAML : dans le `{bracket}` ouvert {opened}, il manque ici une `,` entre "
        "deux éléments ou le `{closing}` fermant",
    )
    DUPLICATE_ANCHOR = Said(
        "YAML syntax: this anchor is already defined at {first}",
        "syntaxe YAML : cette ancre est déjà définie {first}",
    )
    RUNAWAY_QUOTE = Said(
        "YAML syntax: {problem}; the quoted text opened at line {start}, column {start_column} "
        "only closes on line {end}: is a closing quote missing?",
        "syntaxe YAML : {problem} ; le texte entre guillemets ouvert ligne {start}, colonne "
        "{start_column} ne se ferme qu’à la ligne {end} : manque-t-il un guillemet fermant ?",
    )
    YAML_CONTEXT = Said(
        "YAML syntax: {context} at {at}: {problem}", "syntaxe YAML : {context} ({at}) : {problem}"
    )
    YAML_SYNTAX = Said("YAML syntax: {problem}", "syntaxe YAML : {problem}")
    KEY_TOO_LONG = Said(
        "a key of {length:,} characters: YAML allows at most {limit:,}; shorten it (is this "
        "text meant to be a value, after a key and ': '?)",
        "une clé de {length:,} caractères : YAML en permet au plus {limit:,} ; raccourcissez-"
        "la (ce texte devait-il être une valeur, après une clé et `: ` ?)",
    )
    COLON_MISSING = Said(
        "YAML syntax: a ':' is missing after the key on this line",
        "syntaxe YAML : il manque un `:` après la clé sur cette ligne",
    )
    COLON_IN_TEXT = Said(
        "YAML syntax: ': ' inside text; put the whole text in double quotes",
        "syntaxe YAML : `: ` dans un texte ; mettez tout le texte entre guillemets doubles",
    )
    APOSTROPHE_IN_QUOTES = Said(
        "YAML syntax: an apostrophe ends text in single quotes; write it twice (L''école) or "
        "put the text in double quotes",
        "syntaxe YAML : une apostrophe termine un texte entre guillemets simples ; doublez-la "
        "(L''école) ou mettez le texte entre guillemets doubles",
    )
    BAD_INDENT = Said(
        "YAML syntax: this line is not indented like the keys above it",
        "syntaxe YAML : cette ligne n’est pas indentée comme les clés au-dessus d’elle",
    )
    LIST_DASH = Said(
        "YAML syntax: list items start with '- ' (a dash, then a space) in column {items}, "
        "and their keys line up after it",
        "syntaxe YAML : les éléments d’une liste commencent par `- ` (un tiret, puis une "
        "espace) en colonne {items}, et leurs clés s’alignent après lui",
    )
    ALIAS_LOOP = Said(
        "an alias refers to itself, or aliases nest too deeply",
        "un alias renvoie à lui-même, ou les alias s’imbriquent trop profondément",
    )
    MERGE_KEY = Said(
        "merge keys (<<) are not supported: write the keys out",
        "les clés de fusion (<<) ne sont pas prises en charge : écrivez les clés en entier",
    )
    TAG_NOT_ALLOWED = Said(
        "YAML tag {tag!r} is not allowed in a deck",
        "l’étiquette YAML {tag!r} n’est pas permise dans un jeu de fiches",
    )
    DUPLICATE_KEY = Said(
        "duplicate key {name!r} (first on line {first})",
        "clé en double : {name!r} (d’abord à la ligne {first})",
    )
    # What a problem is about ("card 1 'arguments' item 2"), built up as the checker
    # walks down the deck.
    THE_DECK = Said("the deck", "le jeu de fiches")
    CARD_N = Said("card {n}", "la fiche {n}")
    DECK_VOTE = Said("the deck's vote", "le vote du jeu de fiches")
    CARD_VOTE = Said("{what}'s vote", "le vote de {what}")
    CARDS_KEY = Said("'cards'", "`cards`")
    WHAT_KEY = Said("{what} '{key}'", "{what}, `{key}`")
    WHAT_ITEM = Said("{what} item {n}", "{what}, élément {n}")
    A_TERM = Said("{what}: a term", "{what} : un terme")
    WHAT_TERM = Said("{what} {term!r}", "{what}, {term!r}")
    KIND_LIST = Said("list", "une liste")
    KIND_MAPPING = Said("mapping", "un dictionnaire (des clés et leurs valeurs)")
    # What is wrong with it.
    NOT_A_MAPPING = Said(
        "{what} must be a mapping of keys to values",
        "{what} : des clés et leurs valeurs sont attendues",
    )
    NOT_A_LIST = Said(
        "{what} must be a list (lines starting with '- ')",
        "{what} : une liste est attendue (des lignes qui commencent par `- `)",
    )
    NOT_TEXT = Said(
        "{what} must be text, not a {kind}", "{what} : un texte est attendu, pas {kind}"
    )
    TEXT_EMPTY = Said("{what} is empty", "{what} : texte vide")
    TEXT_INVISIBLE = Said(
        "{what} is empty: it holds only characters that show nothing",
        "{what} : texte vide, fait seulement de caractères qui ne montrent rien",
    )
    TEXT_BIDI = Said(
        "{what} holds the bidi control U+{code:04X} without its pair: it would reorder the "
        "text shown after it; remove it",
        "{what} : le caractère bidirectionnel U+{code:04X} sans son pendant réordonnerait le "
        "texte qui le suit ; supprimez-le",
    )
    TEXT_CONTROL = Said(
        "{what} holds the control character U+{code:04X}: remove it",
        "{what} : le caractère de contrôle U+{code:04X} ; supprimez-le",
    )
    KEY_MISSING = Said("{what} is missing '{key}:'", "{what} : il manque `{key}:`")
    CARDS_MISSING = Said(
        "the deck is missing 'cards:' (a list of at least one card)",
        "le jeu de fiches : il manque `cards:` (une liste d’au moins une fiche)",
    )
    CARDS_EMPTY = Said(
        "'cards' is empty: a deck needs at least one card",
        "`cards` est vide : un jeu de fiches demande au moins une fiche",
    )
    GLOSSARY_NOT_MAPPING = Said(
        "{what} must be a mapping of terms to one-line explanations",
        "{what} : des termes et leur explication d’une ligne sont attendus",
    )
    NOT_ONE_LINE = Said("{what} must be one line", "{what} : une seule ligne est attendue")
    BAD_LANGUAGE = Said(
        "{what} must be a language tag such as fr or en, not {tag!r}",
        "{what} : un code de langue comme fr ou en est attendu, et non {tag!r}",
    )
    BAD_CARD_ID = Said(
        "{what} id {id!r} must be lowercase letters, digits and '-' (for example {example!r})",
        "{what} : l’identifiant {id!r} s’écrit en minuscules, chiffres et `-` (par exemple "
        "{example!r})",
    )
    NOT_ONE_OF = Said(
        "{what} {value!r} is not one of {names}", "{what} : {value!r} n’est pas l’un de {names}"
    )
    NOT_ONE_OF_HINT = Said(
        "{what} {value!r} is not one of {names}; did you mean {hint!r}?",
        "{what} : {value!r} n’est pas l’un de {names} ; vouliez-vous dire {hint!r} ?",
    )
    REPEATED_ID = Said(
        "card {n} repeats the id {id!r} of card {first}",
        "la fiche {n} reprend l’identifiant {id!r} de la fiche {first}",
    )
    THREE_LABELS = Said(
        "{what} needs exactly 3 labels: for, against, abstain",
        "{what} : il faut exactement 3 intitulés : pour, contre, abstention",
    )
    TWO_GRADES = Said(
        "{what} needs at least 2 grades, best first",
        "{what} : il faut au moins 2 mentions, la meilleure d’abord",
    )
    MJ_NEEDS_GRADES = Said(
        "{what}: majority-judgment needs 'grades:' (best grade first)",
        "{what} : majority-judgment demande `grades:` (la meilleure mention d’abord)",
    )
    GRADES_ONLY_MJ = Said(
        "{what}: 'grades' only applies to method: majority-judgment",
        "{what} : `grades` ne vaut que pour `method: majority-judgment`",
    )
    LABELS_REPEATED = Said(
        "{what} must all differ: {label!r} is repeated",
        "{what} : tous doivent différer ; {label!r} est répété",
    )
    KEYS_NOT_WORDS = Said(
        "{what}: keys must be plain words ({keys})",
        "{what} : les clés sont des mots simples ({keys})",
    )
    UNKNOWN_KEY_HINT = Said(
        "unknown key {name!r} in {what}; did you mean {hint!r}?",
        "clé inconnue {name!r} dans {what} ; vouliez-vous dire {hint!r} ?",
    )
    UNKNOWN_KEY = Said(
        "unknown key {name!r} in {what}; known keys: {keys}",
        "clé inconnue {name!r} dans {what} ; clés connues : {keys}",
    )


# A round's name inside a sentence ("the indicative vote", "le vote indicatif").
ROUND_NAME: dict[str, Said] = {
    Round.INDICATIVE: Said("indicative", "indicatif"),
    Round.FINAL: Said("final", "final"),
}
