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
    # CUPS's own refusals, recognised in lp's and lpr's English (debate/record/printing.py).
    NO_DEFAULT_PRINTER = Said(
        "there is no default printer: name one with --printer (`lpstat -p` lists them)",
        "il n’y a pas d’imprimante par défaut : nommez-en une avec --printer "
        "(`lpstat -p` les liste)",
    )
    NO_SUCH_PRINTER = Said(
        "no printer has that name (`lpstat -p` lists them)",
        "aucune imprimante ne porte ce nom (`lpstat -p` les liste)",
    )
    PRINT_SERVICE_DOWN = Said(
        "the print service (CUPS) is not running",
        "le service d’impression (CUPS) ne tourne pas",
    )
    # -- a session's journal and lock (debate/record/journal*.py, lock.py) ------------------
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
    TORN_LINE = Said(
        "{where}: skipped a line cut short by an interruption (power cut?); nothing before "
        "it is lost",
        "{where} : ligne coupée par une interruption (coupure de courant ?) ignorée ; rien "
        "de ce qui la précède n’est perdu",
    )
    LONE_SURROGATE = Said(
        "{where}: text holding a lone surrogate (an escape such as \\ud800, which no file "
        "or screen can show) is read with \ufffd in its place",
        "{where} : un texte qui contient un demi-caractère isolé (un échappement comme "
        "\\ud800, qu’aucun fichier ni écran ne peut montrer) est lu avec \ufffd à sa place",
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
        "session {session} is open in another debate window: go on there, or close it there first",
        "la séance {session} est ouverte dans une autre fenêtre de debate : continuez-la "
        "là-bas, ou fermez-la d’abord",
    )
    LINK_NO_WRITE_THROUGH = Said(
        "is a link; debate never writes through a link",
        "est un lien ; debate n’écrit jamais à travers un lien",
    )
    LINK_NO_WRITE_OVER = Said(
        "is a link; debate never writes through or over a link",
        "est un lien ; debate n’écrit jamais à travers un lien ni par-dessus",
    )
    NOT_REGULAR = Said("is not a regular file", "n’est pas un fichier ordinaire")
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

    # -- results gathered from codes and exports (debate/record/code_reader.py,
    # gathered.py: CodeError, GatherError) and merged (debate/record/merge.py: MergeError)
    AT_WHERE = Said("{where}: {why}", "{where} : {why}")
    CODE_TOO_MANY_LINES = Said(
        "{name}: more than {limit:,} lines: not a list of results codes",
        "{name} : plus de {limit:,} lignes : ce n’est pas une liste de codes de résultats",
    )
    CODE_LINE_TOO_LONG = Said(
        "a line of more than {limit} bytes, longer than any results code",
        "une ligne de plus de {limit} octets, plus longue que tout code de résultats",
    )
    CODE_OLDER = Said(
        "a results code of an older debate ({magic}), without the meeting's id or deck: "
        "merge that meeting's journal or JSON export instead",
        "un code de résultats d’une version plus ancienne de debate ({magic}), sans "
        "l’identifiant de la réunion ni son jeu de fiches : rassemblez plutôt le journal de "
        "cette réunion ou son export JSON",
    )
    CODE_NEWER = Said(
        "a results code of a newer debate ({magic}; this one reads {reads})",
        "un code de résultats d’une version plus récente de debate ({magic} ; celle-ci lit "
        "{reads})",
    )
    CODE_NOT_CODE = Said(
        "not a results code (it should start with {plain}| or {qr}|)",
        "pas un code de résultats (il commencerait par {plain}| ou {qr}|)",
    )
    CODE_NO_PART = Said(
        "part {part} of {parts}: no such part", "partie {part} sur {parts} : elle n’existe pas"
    )
    CODE_CUT_SHORT = Said(
        "cut short: a results code has a date, place, meeting, deck and attendance",
        "incomplet : un code de résultats donne une date, un lieu, une réunion, un jeu de fiches "
        "et les présents",
    )
    CODE_NOT_DATE = Said(
        "{text!r} is not a date (YYYY-MM-DD)", "{text!r} n’est pas une date (AAAA-MM-JJ)"
    )
    CODE_NOT_MEETING = Said(
        "{text!r} is not a meeting id (8 letters a-z and digits 2-7)",
        "{text!r} n’est pas un identifiant de réunion (8 lettres a-z et chiffres 2-7)",
    )
    CODE_NOT_DECK = Said(
        "{text!r} is not a deck digest (8 hex digits)",
        "{text!r} n’est pas l’empreinte d’un jeu de fiches (8 chiffres hexadécimaux)",
    )
    CODE_NOT_ATTENDANCE = Said(
        "{text!r} is not an attendance (largest-final, as 35-28)",
        "{text!r} n’est pas un nombre de présents (le plus grand-le final, comme 35-28)",
    )
    CODE_FINAL_OVER = Said(
        "attendance {text}: the final count is over the largest",
        "présents {text} : le nombre final dépasse le plus grand",
    )
    CODE_CARD_EXPECTED = Said(
        "card {card!r}: a card's number and at least one round expected",
        "fiche {card!r} : le numéro d’une fiche et au moins un tour de vote sont attendus",
    )
    CODE_NOT_ROUND = Said(
        "card {card!r}: {text!r} is not a round (I or F, the counts joined by '-', '@' and "
        "the attendance, then the outcome)",
        "fiche {card!r} : {text!r} n’est pas un tour de vote (I ou F, les nombres reliés "
        "par `-`, `@` et les présents, puis le résultat)",
    )
    CODE_NO_ATTENDANCE = Said(
        "card {card!r}: its first round {text!r} has no attendance",
        "fiche {card!r} : son premier tour {text!r} ne donne pas les présents",
    )
    CODE_ROUND_TWICE = Said(
        "card {card!r}: the same round twice", "fiche {card!r} : deux fois le même tour"
    )
    CODE_AMENDMENT_TWICE = Said(
        "card {card!r}: the same amendment voted twice",
        "fiche {card!r} : le même amendement voté deux fois",
    )
    CODE_TEXT_BEFORE = Said(
        "card {card!r}: an amendment's text in a {magic} code (texts are carried from DEBATE4)",
        "fiche {card!r} : le texte d’un amendement dans un code {magic} (les textes sont "
        "portés à partir de DEBATE4)",
    )
    CODE_TEXT_EMPTY = Said(
        "card {card!r}: an amendment's text is empty",
        "fiche {card!r} : le texte d’un amendement est vide",
    )
    CODE_TEXT_TWICE = Said(
        "card {card!r}: the text of amendment {number} given twice",
        "fiche {card!r} : le texte de l’amendement {number} donné deux fois",
    )
    CODE_TEXT_NO_START = Said(
        "card {card!r}: the rest of amendment {number}'s text without its start",
        "fiche {card!r} : la suite du texte de l’amendement {number} sans son début",
    )
    CODE_TEXT_NOT_VOTED = Said(
        "card {card!r}: a text for amendment {number}, which the code does not vote",
        "fiche {card!r} : un texte pour l’amendement {number}, que le code ne vote pas",
    )
    CODE_LONE_BACKSLASH = Said(
        "ends with a lone backslash", "se termine par une barre oblique inverse seule"
    )
    CODE_NOT_ESCAPE = Said(
        "'\\{ch}' is not an escape (only \\\\, \\| and \\:)",
        "`\\{ch}` n’est pas un échappement (seulement \\\\, \\| et \\:)",
    )
    CODE_READ_TWICE = Said(
        "{where}: meeting {meeting} already read from {first}, with different results "
        "(minutes printed at two moments?): keep one of them",
        "{where} : la réunion {meeting} est déjà lue dans {first}, avec d’autres résultats "
        "(un compte rendu imprimé à deux moments ?) : gardez-en un seul",
    )
    CODE_PART_MISSING = Said(
        "{where}: meeting {meeting} ({place}, {date}): code {missing}/{parts} missing; scan "
        "every QR code of its minutes",
        "{where} : réunion {meeting} ({place}, {date}) : il manque le code {missing}/{parts} ; "
        "scannez chaque QR code de son compte rendu",
    )
    CODE_PARTS_DISAGREE = Said(
        "{where}: meeting {meeting} ({place}, {date}): code parts do not agree; scan every "
        "QR code of its minutes",
        "{where} : réunion {meeting} ({place}, {date}) : les parties du code ne concordent "
        "pas ; scannez chaque QR code de son compte rendu",
    )
    CODE_CARD_NOT_IN_DECK = Said(
        "a card not in the deck with {n} counts, which no vote of the deck has",
        "une fiche absente du jeu de fiches, avec {n} nombres, ce qu’aucun vote du jeu n’a",
    )
    CODE_COUNTS_CHOICES = Said(
        "{n} counts where the deck's vote has {choices} choices",
        "{n} nombres là où le vote du jeu de fiches a {choices} choix",
    )
    GATHER_CARD_TWICE = Said(
        "{where}: a card appears twice in meeting {meeting}",
        "{where} : une fiche apparaît deux fois dans la réunion {meeting}",
    )
    EXPORT_TOO_LARGE = Said(
        "{name}: larger than any export of a meeting",
        "{name} : plus gros que tout export d’une réunion",
    )
    EXPORT_TOO_DEEP = Said(
        "{name}: JSON nested too deeply to be an export",
        "{name} : du JSON imbriqué trop profondément pour être un export",
    )
    EXPORT_NOT_JSON = Said("{name}: not valid JSON ({why})", "{name} : pas du JSON valide ({why})")
    JSON_AT = Said("line {line} column {column}", "ligne {line}, colonne {column}")
    EXPORT_NOT_EXPORT = Said(
        "{name}: not a meeting's export as debate writes it ({why})",
        "{name} : pas un export de réunion tel que debate l’écrit ({why})",
    )
    EXPORT_NO_KEY = Said("no '{key}'", "il manque `{key}`")
    EXPORT_FORMAT = Said('"format" is not "{format}"', "`format` ne vaut pas `{format}`")
    EXPORT_VERSION_1 = Said(
        "version 1, from an older debate, without the meeting's id: export it again, or "
        "merge its journal",
        "version 1, d’une version plus ancienne de debate, sans l’identifiant de la réunion : "
        "exportez-la de nouveau, ou rassemblez son journal",
    )
    EXPORT_VERSION = Said(
        "version {version!r}; this debate reads version {reads}",
        "version {version!r} ; cette version de debate lit la version {reads}",
    )
    EXPORT_NOT_MEETING_ID = Said(
        "{text!r} is not a meeting id", "{text!r} n’est pas un identifiant de réunion"
    )
    EXPORT_REHEARSAL = Said(
        '"rehearsal" is not true or false', "`rehearsal` ne vaut ni true ni false"
    )
    EXPORT_CARD_NUMBER = Said(
        "a card's number is not a whole number",
        "le numéro d’une fiche n’est pas un nombre entier",
    )
    EXPORT_CARD_TITLE = Said(
        "a card's title is not text", "le titre d’une fiche n’est pas un texte"
    )
    EXPORT_SAME_ROUND = Said(
        "a card has the same round twice", "une fiche a deux fois le même tour"
    )
    EXPORT_AMENDMENT_NUMBER = Said(
        "an amendment's number is not a whole number from 1 to 999",
        "le numéro d’un amendement n’est pas un nombre entier de 1 à 999",
    )
    EXPORT_AMENDMENT_VOTE = Said(
        "an amendment's vote is not an object", "le vote d’un amendement n’est pas un objet"
    )
    EXPORT_COUNTS_LABELS = Said(
        "a round's counts do not match its labels",
        "les nombres d’un tour ne correspondent pas à ses intitulés",
    )
    EXPORT_NOT_OBJECT = Said('"{key}" is not an object', "`{key}` n’est pas un objet")
    EXPORT_NOT_TEXT = Said('"{key}" is not text', "`{key}` n’est pas un texte")
    EXPORT_NOT_COUNT = Said('"{key}" is not a count', "`{key}` n’est pas un nombre de voix")
    EXPORT_NOT_LIST = Said(
        '"{key}" is not a list of {kind}', "`{key}` n’est pas une liste de {kind}"
    )
    EXPORT_COUNT_RANGE = Said(
        '"{key}" holds a count out of range', "`{key}` contient un nombre hors limites"
    )
    EXPORT_SAME_AMENDMENT = Said(
        "card {card!r}: the same amendment twice", "fiche {card!r} : deux fois le même amendement"
    )
    MERGE_NOTHING = Said("no session to merge", "aucune séance à rassembler")
    MERGE_DECKS = Said(
        "these meetings are on different decks: {decks}; merge only meetings on the same deck",
        "ces réunions portent sur des jeux de fiches différents : {decks} ; ne rassemblez que "
        "des réunions sur le même jeu",
    )
    MERGE_DECK_GROUP = Said("{deck}{digest}: {who}{more}", "{deck}{digest} : {who}{more}")
    SEMICOLON = Said("; ", " ; ")  # between the parts of a list said in one line
    MERGE_A_DECK = Said("a deck", "un jeu de fiches")
    MERGE_AND_MORE = Said(" and {n} more", " et {n} autres")
    # -- `debate merge`'s own refusals (debate/commands/merge.py) -------------------------
    MERGE_CANNOT_READ = Said("{spec}: cannot read: {why}", "{spec} : lecture impossible : {why}")
    MERGE_TOO_BIG = Said(
        "{spec}: over {size} MB, not a meeting's results",
        "{spec} : plus de {size} Mo, ce ne sont pas les résultats d’une réunion",
    )
    MERGE_NOT_UTF8 = Said("{spec}: not UTF-8 text", "{spec} : pas du texte UTF-8")
    MERGE_NO_CODE = Said(
        "{spec}: no results code in this file", "{spec} : aucun code de résultats dans ce fichier"
    )
    MERGE_TOTALS = Said(
        "{where}: the totals of a merge, not a meeting: merge the meetings themselves, or "
        "their totals would be counted twice",
        "{where} : les totaux d’un rassemblement, pas une réunion : rassemblez les réunions "
        "elles-mêmes, sinon leurs totaux seraient comptés deux fois",
    )
    MERGE_TWO_RECORDS = Said(
        "{a} and {b} are the same meeting ({meeting}) but hold different records (recorded "
        "on two laptops, or taken at two moments?): merge one of them",
        "{a} et {b} sont la même réunion ({meeting}) mais ne disent pas la même chose "
        "(enregistrée sur deux ordinateurs, ou prise à deux moments ?) : rassemblez-en une "
        "seule",
    )
    MERGE_DECK_UNKNOWN = Said(
        "{where}: meeting {meeting} ({place}, {date}) ran on deck {deck}, which is neither "
        "shipped with debate nor the deck of a journal merged: give it with --deck FILE",
        "{where} : la réunion {meeting} ({place}, {date}) portait sur le jeu de fiches "
        "{deck}, qui n’est ni fourni avec debate ni celui d’un journal rassemblé : donnez-le "
        "avec --deck FICHIER",
    )
    MERGE_NO_DECK_RECORDED = Said("(none recorded)", "(aucun enregistré)")


# A round's name inside a sentence ("the indicative vote", "le vote indicatif").
ROUND_NAME: dict[str, Said] = {
    Round.INDICATIVE: Said("indicative", "indicatif"),
    Round.FINAL: Said("final", "final"),
}


# What the system says when a file cannot be read or written (an OSError's strerror), by
# errno: the English is the system's own words (debate/fserrors.py: system_says).
SYSTEM_WORDS_FR: dict[str, str] = {
    "EACCES": "permission refusée",
    "EPERM": "opération non permise",
    "ENOENT": "aucun fichier ou dossier de ce nom",
    "ENOTDIR": "n’est pas un dossier",
    "EISDIR": "est un dossier",
    "ENOSPC": "plus de place sur le disque",
    "EDQUOT": "quota de disque dépassé",
    "EROFS": "système de fichiers en lecture seule",
    "EEXIST": "le fichier existe déjà",
    "ENAMETOOLONG": "nom de fichier trop long",
    "ELOOP": "trop de niveaux de liens symboliques",
    "EIO": "erreur d’entrée-sortie",
    "EBUSY": "périphérique ou ressource occupés",
    "ETXTBSY": "fichier exécutable occupé",
    "EMFILE": "trop de fichiers ouverts",
    "ENFILE": "trop de fichiers ouverts sur le système",
    "EFBIG": "fichier trop gros",
    "ENXIO": "aucun périphérique ou adresse de ce nom",
    "ENODEV": "aucun périphérique de ce type",
    "EAGAIN": "ressource temporairement indisponible",
    "EPIPE": "tube cassé",
    "EINVAL": "argument invalide",
    "EXDEV": "lien entre deux systèmes de fichiers impossible",
    "ENOEXEC": "format d’exécutable invalide",
    "ENOTEMPTY": "dossier non vide",
}
