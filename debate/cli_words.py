"""Every word the command line says, in French and English: help, usage, messages.

One Said per phrase (debate/said.py: a phrase without its French is a TypeError when
this module loads). `tell(W.x, ...)` words it in the language debate/cli_lang.py chose.
argparse's own words are in debate/argparse_words.py.
"""

from __future__ import annotations

from debate import cli_lang
from debate.said import Said


def tell(said: Said, **params: object) -> str:
    """`said` in the command line's language, its {fields} filled in (an error or a
    phrase among them worded in that language too)."""
    from debate.told import fill

    lang = cli_lang.current()
    return fill(said.in_(lang), lang, params)


def signed(message: str, lang: str | None = None) -> str:
    """`message` after the program's name, as a line on stderr says it ('debate : ' in
    French, its space before the colon); in the command line's language by default."""
    return W.signed.in_(lang or cli_lang.current()).format(message=message)


def said(error: object) -> str:
    """An error (debate.told.Told), a phrase, or any exception, in the command line's
    language."""
    from debate.told import say

    return say(error, cli_lang.current())


class W:
    signed = Said("debate: {message}", "debate : {message}")
    # -- the parser, and words every command shares ---------------------------------------
    description = Said(
        "Run a public-meeting debate from a terminal: one proposal card at a time, "
        "show-of-hands votes, minutes saved after every vote. Never uses the network.",
        "Animer un débat public depuis un terminal : une fiche de proposition à la fois, "
        "des votes à main levée, un compte rendu enregistré après chaque vote. "
        "N’utilise jamais le réseau.",
    )
    epilog = Said(
        "With no command, `debate` runs the app on the default deck. "
        "`debate COMMAND --help` describes each command.",
        "Sans commande, `debate` lance l’application sur le jeu de fiches par défaut. "
        "`debate COMMANDE --help` décrit chaque commande.",
    )
    version_help = Said(
        "show debate's version and exit", "afficher la version de debate et quitter"
    )
    lang_help = Said(
        "language of the messages (default: the locale, else the deck's language)",
        "langue des messages (par défaut : celle du système, sinon celle du jeu de fiches)",
    )
    command = Said("COMMAND", "COMMANDE")
    deck = Said("DECK", "JEU")
    decks_metavar = Said("DECK", "JEU")
    file = Said("FILE", "FICHIER")
    folder = Said("DIR", "DOSSIER")
    session = Said("SESSION", "SÉANCE")
    text = Said("TEXT", "TEXTE")
    name = Said("NAME", "NOM")
    deck_arg = Said("deck file or embedded name", "fichier de fiches ou nom d’un jeu fourni")
    session_arg = Said("journal file or session id", "journal ou identifiant de séance")
    output_help = Said("write here instead of stdout", "écrire ici plutôt qu’à l’écran")
    sessions_help = Said(
        "where meetings are kept (default: ./{default} if there is one, else debate's "
        "folder in your user data folder; `debate sessions` names it)",
        "où les séances sont rangées (par défaut : ./{default} s’il existe, sinon le dossier "
        "de debate dans vos données d’utilisateur ; `debate sessions` le nomme)",
    )
    # -- run --------------------------------------------------------------------------------
    run_help = Said(
        "run a meeting on a deck (the default command)",
        "animer une séance sur un jeu de fiches (la commande par défaut)",
    )
    run_description = Said(
        "Run the meeting app on DECK (default: the embedded French deck). If an unfinished "
        "meeting of this deck is in the sessions directory, offers to resume it. With "
        "--place and --attendance, skips the setup form.",
        "Lance l’application de séance sur JEU (par défaut : le jeu français fourni). Si une "
        "séance inachevée de ce jeu est dans le dossier des séances, propose de la "
        "reprendre. Avec --place et --attendance, passe le formulaire de départ.",
    )
    run_lang = Said(
        "language of the app and the messages (default: the locale, else the deck's language)",
        "langue de l’application et des messages (par défaut : celle du système, sinon celle "
        "du jeu de fiches)",
    )
    theme_help = Said(
        "light (best on projectors) or dark; default: the theme last chosen, else light",
        "light ou clair (le mieux pour un vidéoprojecteur), dark ou sombre ; par défaut : "
        "le dernier choisi, sinon clair",
    )
    new_help = Said(
        "start a new meeting even if one is unfinished",
        "commencer une nouvelle séance même si une autre est inachevée",
    )
    resume_help = Said(
        "resume without asking: the newest unfinished meeting, or the one named by its id "
        "or the start of it (`debate sessions` lists them); a closed one is offered for "
        "reopening",
        "reprendre sans demander : la séance inachevée la plus récente, ou celle que nomme "
        "son identifiant ou son début (`debate sessions` les liste) ; une séance close est "
        "proposée à la réouverture",
    )
    rehearsal_help = Said(
        "a try before the real meeting: marked as a rehearsal everywhere, resumed only "
        "with --rehearsal, left out of merge and summary of several sessions",
        "un essai avant la vraie séance : marqué comme répétition partout, repris "
        "seulement avec --rehearsal, laissé de côté par merge et par summary de plusieurs "
        "séances",
    )
    id = Said("ID", "ID")
    place_help = Said("where the meeting is held", "où se tient la séance")
    facilitator_help = Said("who runs it", "qui l’anime")
    attendance_help = Said("how many are present", "combien de personnes sont présentes")
    not_a_count = Said(
        "{text!r} is not a whole number >= 0",
        "{text!r} n’est pas un nombre entier positif ou nul",
    )
    cannot_resume = Said("cannot resume: {why}", "reprise impossible : {why}")
    needs_terminal = Said(
        "the app needs a terminal (stdout is not one)",
        "l’application a besoin d’un terminal (la sortie standard n’en est pas un)",
    )
    # -- room -------------------------------------------------------------------------------
    room_help = Said(
        "the room's window: the slide of the meeting another window runs, read-only",
        "la fenêtre de la salle : la diapositive de la séance qu’une autre fenêtre anime, "
        "en lecture seule",
    )
    room_description = Said(
        "Open a read-only window for the projector (a second screen) that follows the "
        "meeting run by `debate` in another window: the card, the arguments revealed, the "
        "speaker timer and the results, never the vote window, the notes or a dialog. It "
        "follows the newest unfinished meeting of DECK in the sessions folder (waiting for "
        "one if there is none yet, and following it again if it is reopened), or the one "
        "--session names. q quits.",
        "Ouvre pour le vidéoprojecteur (un second écran) une fenêtre en lecture seule qui "
        "suit la séance animée par `debate` dans une autre fenêtre : la fiche, les arguments "
        "dévoilés, le minuteur de parole et les résultats, jamais la fenêtre de vote, les "
        "notes ni une boîte de dialogue. Elle suit la séance inachevée la plus récente de "
        "JEU dans le dossier des séances (en attendant qu’elle commence s’il n’y en a pas "
        "encore, et en la suivant de nouveau si elle est rouverte), ou celle que nomme "
        "--session. q quitte.",
    )
    room_rehearsal = Said(
        "follow the rehearsal under way (`debate run --rehearsal`), not the real meeting",
        "suivre la répétition en cours (`debate run --rehearsal`), pas la vraie séance",
    )
    room_session = Said(
        "follow this meeting (its id, the start of it, or its journal) even once closed",
        "suivre cette séance (son identifiant, son début ou son journal), même close",
    )
    room_needs_terminal = Said(
        "the room's window needs a terminal (stdout is not one)",
        "la fenêtre de la salle a besoin d’un terminal (la sortie standard n’en est pas un)",
    )
    # -- check ------------------------------------------------------------------------------
    check_help = Said("check decks for problems", "vérifier des jeux de fiches")
    check_description = Said(
        "Check each deck; print 'ok' with its title and card count, or one line per problem "
        "as FILE:LINE:COLUMN. Exit 1 if any deck has problems, 2 if a file is missing. With "
        "no DECK, checks the default deck. Then warns, one FILE:LINE line each, of a card "
        "that gives one side more words (its items and the answers it gets) or more items "
        "than the other, of items, answers and summaries too long for the wall, and of a "
        "card that does not fit on one handout page; each warning says what to cut. "
        "Warnings leave the exit status 0, unless --strict.",
        "Vérifie chaque jeu ; affiche « ok » avec son titre et son nombre de fiches, ou une "
        "ligne par problème sous la forme FICHIER:LIGNE:COLONNE. Code de sortie 1 si un jeu "
        "a des problèmes, 2 si un fichier manque. Sans JEU, vérifie le jeu par défaut. "
        "Signale ensuite, une ligne FICHIER:LIGNE chacune, une fiche qui donne à un camp "
        "plus de mots (ses éléments et les réponses qu’ils reçoivent) ou plus d’éléments "
        "qu’à l’autre, les éléments, réponses et résumés trop longs pour le mur, et une "
        "fiche qui ne tient pas sur une page du livret ; chaque avertissement dit quoi "
        "couper. Les avertissements laissent le code de sortie à 0, sauf avec --strict.",
    )
    strict_help = Said(
        "treat warnings as errors (exit 1 if any)",
        "traiter les avertissements comme des erreurs (code de sortie 1 s’il y en a)",
    )
    ok = Said(
        "{path}: ok: {title!r}, {cards}{warnings}", "{path} : ok : {title!r}, {cards}{warnings}"
    )
    one_card = Said("1 card", "1 fiche")
    cards = Said("{n} cards", "{n} fiches")
    one_warning = Said(", 1 warning", ", 1 avertissement")
    warnings = Said(", {n} warnings", ", {n} avertissements")
    level_error = Said("error", "erreur")
    level_warning = Said("warning", "avertissement")
    finding = Said("{where}: {level}: {message}", "{where} : {level} : {message}")
    card_finding = Said(
        "{where}: {level}: card {card!r}: {message}",
        "{where} : {level} : fiche {card!r} : {message}",
    )
    # -- decks ------------------------------------------------------------------------------
    decks_help = Said("list the decks shipped with debate", "lister les jeux de fiches fournis")
    decks_description = Said(
        "List the embedded decks: name, language, title, number of cards. Pass the name to "
        "any command that takes a DECK. With --example, write out a small deck to copy when "
        "writing your own.",
        "Liste les jeux fournis : nom, langue, titre, nombre de fiches. Donnez le nom à "
        "toute commande qui prend un JEU. Avec --example, écrit un petit jeu à recopier "
        "pour écrire le vôtre.",
    )
    example_help = Said(
        "print the example deck (a start for your own) instead of the list",
        "afficher le jeu d’exemple (un début pour le vôtre) au lieu de la liste",
    )
    example_output = Said(
        "with --example: write it to FILE", "avec --example : l’écrire dans FICHIER"
    )
    output_needs_example = Said(
        "-o goes with --example (the list is printed)",
        "-o va avec --example (la liste, elle, s’affiche)",
    )
    broken_deck = Said("{name}\t(broken: {why})", "{name}\t(abîmé : {why})")
    example_deck = Said("example deck", "jeu d’exemple")
    # -- handout ----------------------------------------------------------------------------
    handout_help = Said(
        "write a deck as a plain-text paper handout",
        "écrire un jeu de fiches en texte brut, pour le papier",
    )
    handout_description = Said(
        "Write the deck as plain text for paper: at most 80 columns, one card per page (form "
        "feeds), a QR code of each card's first source; --print sends it to the printer as "
        "`debate print` sends the minutes.",
        "Écrit le jeu en texte brut pour le papier : 80 colonnes au plus, une fiche par page "
        "(sauts de page), un QR code de la première source de chaque fiche ; --print "
        "l’envoie à l’imprimante comme `debate print` y envoie le compte rendu.",
    )
    print_help = Said(
        "send it to the printer (as `debate print` does)",
        "l’envoyer à l’imprimante (comme `debate print`)",
    )
    printer_with_print = Said("with --print: printer name", "avec --print : nom de l’imprimante")
    print_or_output = Said(
        "--print and --output: one or the other",
        "--print et --output : l’un ou l’autre",
    )
    printer_needs_print = Said("--printer goes with --print", "--printer va avec --print")
    handout = Said("handout", "livret")
    # -- sessions ---------------------------------------------------------------------------
    sessions_list_help = Said("list the recorded sessions", "lister les séances enregistrées")
    sessions_description = Said(
        "Say which sessions folder was read, then list its sessions, oldest first: date and "
        "time, place, how many cards were voted, whether the session was closed, and its id "
        "(give the id to `debate summary`); a rehearsal says so. A journal that cannot be "
        "read is listed with the reason.",
        "Dit quel dossier de séances a été lu, puis liste ses séances, de la plus ancienne à "
        "la plus récente : date et heure, lieu, nombre de fiches votées, séance close ou non, "
        "et son identifiant (à donner à `debate summary`) ; une répétition le dit. Un "
        "journal illisible est listé avec la raison.",
    )
    no_sessions = Said("no sessions in {folder}", "aucune séance dans {folder}")
    sessions_in = Said("sessions in {folder}:", "séances dans {folder} :")
    damaged = Said("damaged: {why}", "abîmée : {why}")
    one_voted = Said("{n} card voted", "{n} fiche votée")
    voted = Said("{n} cards voted", "{n} fiches votées")
    finished = Said("finished", "close")
    not_finished = Said("not finished", "inachevée")
    rehearsal_mark = Said("  REHEARSAL", "  RÉPÉTITION")
    torn_skipped = Said(
        "  (a line cut short by a power cut was skipped)",
        "  (une ligne coupée par une panne de courant a été ignorée)",
    )
    # -- summary ----------------------------------------------------------------------------
    rehearsals_help = Said(
        "count the rehearsals (meetings run with `debate run --rehearsal`) too; without it "
        "they are left out, and a note says how many",
        "compter aussi les répétitions (séances lancées par `debate run --rehearsal`) ; "
        "sans cette option elles sont laissées de côté, et une note dit combien",
    )
    all_rehearsals = Said(
        "every meeting given is a rehearsal: add --rehearsals to count them",
        "toutes les séances données sont des répétitions : ajoutez --rehearsals pour les compter",
    )
    left_out_one = Said(
        "left out one rehearsal (--rehearsals counts it)",
        "une répétition laissée de côté (--rehearsals la compte)",
    )
    left_out = Said(
        "left out {n} rehearsals (--rehearsals counts them)",
        "{n} répétitions laissées de côté (--rehearsals les compte)",
    )
    summary_help = Said(
        "write a session's minutes as text, Markdown, CSV or JSON",
        "écrire le compte rendu d’une séance en texte, Markdown, CSV ou JSON",
    )
    summary_description = Said(
        "Write the minutes of a session (a journal path or a session id, as `debate "
        "sessions` lists them): plain text of 80 columns for paper (the default), Markdown, "
        "CSV (one row per card and round) or JSON. Card titles come from the deck the "
        "session ran on, when it can still be found.",
        "Écrit le compte rendu d’une séance (un journal ou un identifiant de séance, comme "
        "les liste `debate sessions`) : texte brut de 80 colonnes pour le papier (par "
        "défaut), Markdown, CSV (une ligne par fiche et par tour) ou JSON. Les titres des "
        "fiches viennent du jeu de la séance, s’il se trouve encore.",
    )
    sessions_args = Said("journal files or session ids", "journaux ou identifiants de séance")
    dialect_help = Said(
        "CSV flavour: rfc4180 (',' and '.', the default) or excel-fr (';', decimal comma, "
        "CRLF and a byte-order mark, as French Excel and LibreOffice open it)",
        "variante de CSV : rfc4180 (',' et '.', par défaut) ou excel-fr (';', virgule "
        "décimale, fins de ligne CRLF et marque d’ordre des octets, comme Excel et "
        "LibreOffice en français l’ouvrent)",
    )
    format_help = Said(
        "output format (default: from the -o file's extension, else txt)",
        "format de sortie (par défaut : selon l’extension du fichier de -o, sinon txt)",
    )
    summary = Said("summary", "compte rendu")
    # -- print ------------------------------------------------------------------------------
    print_cmd_help = Said("print a session's minutes", "imprimer le compte rendu d’une séance")
    print_description = Said(
        "Send the minutes of a session (a journal path or a session id) to the printer as "
        "plain text of 80 columns: through `lp` (Linux, macOS), or `lpr` where there is no "
        "lp, with a job title and a layout of 12 characters and 6 lines per inch that fits "
        "80 columns on A4 and Letter; on Windows, through the program that prints text "
        "files (Notepad).",
        "Envoie le compte rendu d’une séance (un journal ou un identifiant de séance) à "
        "l’imprimante en texte brut de 80 colonnes : par `lp` (Linux, macOS), ou `lpr` s’il "
        "n’y a pas lp, avec un titre de travail et une mise en page de 12 caractères et "
        "6 lignes par pouce qui fait tenir 80 colonnes sur A4 et Letter ; sous Windows, par "
        "le programme qui imprime les fichiers texte (le Bloc-notes).",
    )
    printer_help = Said(
        "printer name (default: the default printer)",
        "nom de l’imprimante (par défaut : l’imprimante par défaut)",
    )
    print_from_file = Said("{why}: {minutes}", "{why} : {minutes}")
    print_from_summary = Said(
        "{why}; `debate summary {session} -o FILE` writes it",
        "{why} ; `debate summary {session} -o FICHIER` l’écrit",
    )
    # -- merge ------------------------------------------------------------------------------
    merge_help = Said(
        "one report for several meetings on the same deck",
        "un rapport pour plusieurs séances sur le même jeu de fiches",
    )
    merge_description = Said(
        "Add up the votes of several meetings held on the same deck: per card, the totals "
        "and outcome across meetings, then each meeting's own line. Each INPUT is a journal "
        "(a file or a session id), a JSON export, or a text file of results codes, one per "
        "line as a phone's scanner gives them from the minutes' QR code. Each meeting is "
        "counted once, by its id. Plain text of 80 columns in the first meeting's language, "
        "or CSV or JSON.",
        "Additionne les votes de plusieurs séances tenues sur le même jeu : pour chaque "
        "fiche, les totaux et le résultat de l’ensemble, puis la ligne de chaque séance. "
        "Chaque ENTRÉE est un journal (un fichier ou un identifiant de séance), un export "
        "JSON, ou un fichier texte de codes de résultats, un par ligne, tels que le lecteur "
        "d’un téléphone les donne depuis le QR code du compte rendu. Chaque séance est "
        "comptée une fois, par son identifiant. Texte brut de 80 colonnes dans la langue de "
        "la première séance, ou CSV ou JSON.",
    )
    input = Said("INPUT", "ENTRÉE")
    merge_inputs = Said(
        "journals or session ids, JSON exports, files of results codes",
        "journaux ou identifiants de séance, exports JSON, fichiers de codes de résultats",
    )
    merge_deck = Said(
        "a deck results codes may name (the decks shipped with debate and those of the "
        "journals are known already); may be given several times",
        "un jeu de fiches que des codes de résultats peuvent nommer (les jeux fournis avec "
        "debate et ceux des journaux sont déjà connus) ; peut être donné plusieurs fois",
    )
    merge_same_once = Said(
        "{a} and {b} are the same meeting: counted once",
        "{a} et {b} sont la même séance : comptée une fois",
    )
    merge_same = Said(
        "{a} and {b} are the same meeting: counted once, from {kept}",
        "{a} et {b} sont la même séance : comptée une fois, d’après {kept}",
    )
    merged = Said("merged report", "rapport commun")
    # -- writing a result (commands/__init__.py: emit) --------------------------------------
    will_not_write = Said(
        "{output}: will not write over {what}; choose another file",
        "{output} : debate n’écrit pas par-dessus {what} ; choisissez un autre fichier",
    )
    cannot_write = Said("cannot write {output}: {why}", "impossible d’écrire {output} : {why}")
    written = Said("{what} written to {output}", "{what} : écrit dans {output}")
    a_journal = Said("a session journal", "un journal de séance")
    a_link = Said(
        "a link (debate never writes through one)",
        "un lien (debate n’écrit jamais à travers un lien)",
    )
    a_folder = Said("a folder", "un dossier")
    not_regular = Said(
        "something that is not a regular file (a device, a pipe)",
        "ce qui n’est pas un fichier ordinaire (un périphérique, un tube)",
    )
    the_deck_read = Said("the deck it reads", "le jeu de fiches qu’il lit")
    a_deck = Said("a deck", "un jeu de fiches")
    # -- the sessions folder and a session (commands/session_arg.py) ------------------------
    unreachable = Said("{folder}: {why}", "{folder} : {why}")
    not_a_folder = Said("{folder}: not a folder", "{folder} : n’est pas un dossier")
    not_a_folder_given = Said(
        "{folder}: not a folder (given by --sessions)",
        "{folder} : n’est pas un dossier (donné par --sessions)",
    )
    cannot_list = Said(
        "{folder}: cannot list this folder: {why}",
        "{folder} : impossible de lister ce dossier : {why}",
    )
    empty_journal = Said(
        "{journal}: an empty journal, no session was opened in it",
        "{journal} : un journal vide, aucune séance n’y a été ouverte",
    )
    no_deck_recorded = Said(
        "{journal}: no deck recorded; the summary names cards by their id",
        "{journal} : aucun jeu de fiches noté ; le compte rendu désigne les fiches par leur "
        "identifiant",
    )
    deck_unreadable_one = Said(
        "{deck}: the deck cannot be read (a problem); the summary names cards by their id",
        "{deck} : le jeu de fiches est illisible (un problème) ; le compte rendu désigne les "
        "fiches par leur identifiant",
    )
    deck_unreadable = Said(
        "{deck}: the deck cannot be read ({n} problems); the summary names cards by their id",
        "{deck} : le jeu de fiches est illisible ({n} problèmes) ; le compte rendu désigne "
        "les fiches par leur identifiant",
    )
    deck_gone = Said(
        "{deck}: deck not found; the summary names cards by their id",
        "{deck} : jeu de fiches introuvable ; le compte rendu désigne les fiches par leur "
        "identifiant",
    )
    # -- standard output (commands/streams.py) ----------------------------------------------
    bad_encoding = Said(
        "the output's encoding ({encoding}) cannot hold this text: use a UTF-8 locale (for "
        "example LANG=C.UTF-8), or write to a file with -o",
        "l’encodage de la sortie ({encoding}) ne peut pas contenir ce texte : utilisez une "
        "locale UTF-8 (par exemple LANG=fr_FR.UTF-8), ou écrivez dans un fichier avec -o",
    )
    cannot_output = Said("cannot write the output: {why}", "impossible d’écrire la sortie : {why}")
