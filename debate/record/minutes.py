"""The minutes of a session: plain UTF-8 text, at most 80 columns, ready for any printer.

Rendered from the state alone (plus the deck for card numbers, titles and proposals), with
no clock and no I/O, so the same state always gives the same text: the Session rewrites it
after every event, and golden tests compare it byte for byte.

What the minutes say is decided in sections.py, which the Markdown export draws too; this
module lays those sections out on paper. The results end with a QR code of a compact text
(results_code.py, documented in docs/session-format.md under "Results QR"), split over
numbered codes when too long, each code on a new printed page (form feed).
"""

from __future__ import annotations

from itertools import zip_longest
from typing import assert_never

from debate.deck.model import Deck
from debate.i18n import Words, words_for
from debate.qr import QRTooLarge, qr_lines
from debate.record.card_section import card_name, share_of
from debate.record.results import SessionResults, build_results
from debate.record.results_code import fits
from debate.record.section_kinds import (
    CardSection,
    Codes,
    Header,
    Line,
    NoCards,
    NotDebated,
    RankingSection,
    ResultsTable,
    RoundPart,
    Section,
    Signatures,
    TableRow,
)
from debate.record.sections import (
    codes_section,
    minutes_sections,
    no_ranking,
    results_table_section,
    short,
)
from debate.record.state import SessionState
from debate.record.textfmt import WIDTH, fit
from debate.textutil import columns, cut, ljust, rjust, wrap
from debate.untrusted import printable

# The merge report and the exports say these things as the minutes do.
__all__ = [
    "FORM_FEED",
    "card_name",
    "minutes_text",
    "no_ranking",
    "qr_section",
    "render_minutes",
    "results_table",
    "share_of",
    "short",
]

# A page break, alone on its line, before each QR code: a code cut by the bottom of a
# printed page cannot be scanned, and one code (at most 41 lines) fits any page.
FORM_FEED = "\f"


def render_minutes(state: SessionState, deck: Deck | None) -> str:
    """The minutes of `state` as text, ending with a newline."""
    return minutes_text(build_results(state, deck))


def minutes_text(results: SessionResults) -> str:
    t = words_for(results.language)
    out: list[str] = []
    for section in minutes_sections(results):
        if out:
            out += [FORM_FEED] if isinstance(section, Codes) else ["", ""]
        out += section_lines(section, t)
    while out and not out[-1]:  # the page below the last code is blank anyway
        out.pop()
    # Every line, whatever field it came from: `cat` of the minutes must run no escape
    # sequence. Before fit(), which measures the stand-ins.
    return "\n".join(fit([printable(line, lines=True, keep=FORM_FEED) for line in out])) + "\n"


def section_lines(section: Section, t: Words) -> list[str]:
    match section:
        case Header():
            return _header(section, t)
        case NoCards():
            return wrap(section.text, WIDTH)
        case CardSection():
            return _card(section, t)
        case NotDebated():
            out = _heading(section.heading, "-")
            for card in section.cards:
                out += wrap(card.name, WIDTH, "  - ", "    ")
                if card.proposal:
                    out += _said(card.proposal, t, "    ", "      ")
            return out
        case RankingSection():
            if section.problem:
                return _heading(section.heading, "-") + wrap(section.problem, WIDTH)
            rows = [line for row in section.rows for line in wrap(row, WIDTH, "  ", "     ")]
            return _heading(section.heading, "-") + rows
        case ResultsTable():
            return _table(section)
        case Signatures():
            return _signatures(section, t)
        case Codes():
            return _codes(section)
        case _:
            assert_never(section)


def _heading(text: str, rule: str) -> list[str]:
    lines = wrap(text, WIDTH)
    return [*lines, rule * max(map(columns, lines))]


def _said(line: Line, t: Words, first: str = "", rest: str = "  ") -> list[str]:
    return wrap(f"{line.label}{t['min_colon']} {line.text}", WIDTH, first, rest)


# -- header and cards ---------------------------------------------------------------------


def _header(h: Header, t: Words) -> list[str]:
    out = [h.heading, *_heading(h.title, "="), ""]
    colon = t["min_colon"]
    key_width = max(columns(f.label + colon) for f in h.fields) + 1
    for f in h.fields:
        out += wrap(f.value, WIDTH, ljust(f.label + colon, key_width), " " * key_width)
        out += [f"{' ' * key_width}{more}" for more in f.more]
    for notice in h.notices:
        out += ["", *wrap(notice, WIDTH)]
    return out


def _card(card: CardSection, t: Words) -> list[str]:
    out = _heading(card.heading, "-")
    if card.proposal:
        out += _said(card.proposal, t)
    if card.status:
        out += ["", card.status]
    for part in card.rounds:
        out += ["", *_round(part, t)]
    for fact in card.facts:
        out += ["", *_said(fact, t)]
    for notes in card.notes:
        out += ["", f"{notes.label}{t['min_colon']}"]
        for item in notes.items:
            out += wrap(item, WIDTH, "  - ", "    ")
    return out


def _round(part: RoundPart, t: Words) -> list[str]:
    out = [part.heading, *(_said(part.text, t) if part.text else []), *_said(part.rule, t)]
    name_width = min(max((columns(s.choice) for s in part.shares), default=0), 30)
    count_width = max((len(str(s.count)) for s in part.shares), default=1)
    for s in part.shares:
        name = s.choice
        if columns(name) > name_width:  # a very long label gets a line of its own
            out += wrap(name, WIDTH, "  ", "  ")
            name = ""
        row = f"  {ljust(name, name_width)}  {s.count:>{count_width}}"
        if s.percent:
            row += f"  {rjust(s.percent, 7)} {s.of}"
        out.append(row.rstrip())
    if part.ungraded:
        out += wrap(f"({part.ungraded})", WIDTH, "  ", "   ")
    if part.not_voted:
        out.append(f"  {part.not_voted.label}{t['min_colon']} {part.not_voted.text}")
    out += _said(part.outcome, t, "  ", "    ")
    return out


# -- the table of results, signatures, the QR code -----------------------------------------


def results_table(r: SessionResults, t: Words) -> list[str]:
    """Every vote in one table, a row per round (also the merge report's totals)."""
    return _table(results_table_section(r, t))


def _table(table: ResultsTable) -> list[str]:
    heading = [table.heading, "-" * columns(table.heading)]
    card_h, round_h, *cols, result_h = table.columns
    counts = [c for row in table.rows for c in row.counts or ()]
    count_widths = [max([columns(h), *(len(str(c)) for c in counts)]) for h in cols]
    round_width = max(columns(x) for x in (round_h, *(row.round for row in table.rows)))
    span = sum(count_widths) + 2 * (len(cols) - 1)
    card_width = 26
    result_width = WIDTH - card_width - round_width - span - 6
    if result_width < 10:  # huge counts: give the room back from the card titles
        card_width = max(card_width - (10 - result_width), 8)
        result_width = WIDTH - card_width - round_width - span - 6

    def row(card: str, round_: str, middle: str, result: str) -> str:
        return (
            f"{ljust(card, card_width)}  {ljust(round_, round_width)}  "
            f"{middle}  {cut(result, result_width)}"
        ).rstrip()

    header_mid = "  ".join(rjust(h, w) for h, w in zip(cols, count_widths, strict=True))
    out = [*heading, row(card_h, round_h, header_mid, result_h)]
    # The card's full title, wrapped in its column: its rounds take the first lines.
    groups: list[list[TableRow]] = []
    for r in table.rows:
        if groups and groups[-1][0].card == r.card:
            groups[-1].append(r)
        else:
            groups.append([r])
    for group in groups:
        names = wrap(group[0].card, card_width, "", "    ")
        for name, res in zip_longest(names, group):
            if res is None:
                out.append(row(name, "", "", "").rstrip())
                continue
            if res.counts is None:
                middle = f"{cut(res.grades, span):>{span}}"
            else:
                middle = "  ".join(
                    f"{c:>{w}}" for c, w in zip(res.counts, count_widths, strict=False)
                )
            out.append(row(name or "", res.round, middle, res.result))
    return out


def _signatures(s: Signatures, t: Words) -> list[str]:
    """Two columns, one per signer: role, name (or a line to write it on), room to sign."""
    colon = t["min_colon"]
    half = (WIDTH - 4) // 2
    blocks = []
    for signer in s.signers:
        name = signer.name or f"{s.name_label}{colon} " + "." * 20
        lines = [*wrap(signer.role, half), *wrap(name, half), "", "", ""]
        blocks.append([*lines, f"{s.signature_label}{colon}"])
    out = _heading(s.heading, "-")
    for left, right in zip_longest(*blocks, fillvalue=""):
        out.append(f"{ljust(left, half)}    {right}".rstrip())
    return out


def qr_section(r: SessionResults, t: Words) -> list[str]:
    """The results as QR codes (several, a page each, if they do not fit in one)."""
    return _codes(codes_section(r, t))


def _codes(c: Codes) -> list[str]:
    out = [*_heading(c.heading, "-"), *wrap(c.caption, WIDTH)]
    for i, text in enumerate(c.texts):
        if c.part_labels:
            out += [FORM_FEED] if i else [""]
            out.append(c.part_labels[i])
        try:
            if not fits(text):  # no need to build a code of 177 modules to learn that
                raise QRTooLarge(text)
            out += qr_lines(text, WIDTH)
        except QRTooLarge:  # never drop a result: print the text the code would have held
            out += [c.too_long, *wrap(text, WIDTH)]
    return out
