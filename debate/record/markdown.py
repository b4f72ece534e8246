"""The minutes as Markdown, for a web page or a mail: the same sections as the printed
minutes (sections.py), laid out with headings, lists and tables. Deterministic too.

Free text is escaped so that Markdown shows it as typed; the results code goes in a code
fence longer than any run of backticks it holds.
"""

from __future__ import annotations

import re
from typing import assert_never

from debate.i18n import Words, words_for
from debate.record.results import SessionResults
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
)
from debate.record.sections import minutes_sections
from debate.record.textfmt import clean
from debate.untrusted import printable

MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md(text: str | None) -> str:
    """Free text that Markdown shows as typed: its punctuation escaped."""
    return MD_SPECIAL.sub(r"\\\1", clean(text))


def to_markdown(r: SessionResults) -> str:
    t = words_for(r.language)
    out: list[str] = []
    for section in minutes_sections(r):
        if out:
            out.append("")
        out += section_lines(section, t)
    return printable("\n".join(out), lines=True) + "\n"


def section_lines(section: Section, t: Words) -> list[str]:
    match section:
        case Header():
            return _header(section, t)
        case NoCards():
            return [md(section.text)]
        case CardSection():
            return _card(section, t)
        case NotDebated():
            out = [f"## {md(section.heading)}", ""]
            for card in section.cards:
                proposal = f" — {_said(card.proposal, t)}" if card.proposal else ""
                out.append(f"- {md(card.name)}{proposal}")
            return out
        case RankingSection():
            body = [md(section.problem)] if section.problem else [md(r) for r in section.rows]
            return [f"## {md(section.heading)}", "", *body]
        case ResultsTable():
            return _table(section)
        case Signatures():
            return _signatures(section, t)
        case Codes():
            return _codes(section)
        case _:
            assert_never(section)


def _said(line: Line, t: Words) -> str:
    return f"**{md(line.label)}{t['min_colon']}** {md(line.text)}"


def _header(h: Header, t: Words) -> list[str]:
    out = [f"# {md(h.heading)} · {md(h.title)}", ""]
    for f in h.fields:
        more = f" ({', '.join(md(m) for m in f.more)})" if f.more else ""
        out.append(f"- **{md(f.label)}{t['min_colon']}** {md(f.value)}{more}")
    for notice in h.notices:
        out += ["", f"*{md(notice)}*"]
    return out


def _card(card: CardSection, t: Words) -> list[str]:
    out = [f"## {md(card.heading)}"]
    if card.proposal:
        out += ["", _said(card.proposal, t)]
    if card.status:
        out += ["", md(card.status)]
    for part in card.rounds:
        out += ["", *_round(part, t)]
    for fact in card.facts:
        out += ["", _said(fact, t)]
    for notes in card.notes:
        out += ["", f"**{md(notes.label)}{t['min_colon']}**", ""]
        out += [f"- {md(item)}" for item in notes.items]
    return out


def _round(part: RoundPart, t: Words) -> list[str]:
    out = [
        f"### {md(part.heading)}",
        "",
        *([_said(part.text, t), ""] if part.text else []),
        f"{md(part.rule.label)}{t['min_colon']} {md(part.rule.text)}",
        "",
        f"| {t['col_choice']} | {t['col_count']} | {t['col_share']} |",
        "|---|---:|---|",
    ]
    for s in part.shares:
        share = f"{s.percent} {md(s.of)}" if s.percent else ""
        out.append(f"| {md(s.choice)} | {s.count} | {share} |")
    out.append("")
    if part.ungraded:
        out += [f"*{md(part.ungraded)}*", ""]
    if part.not_voted:
        out += [_said(part.not_voted, t), ""]
    out.append(_said(part.outcome, t))
    return out


def _table(table: ResultsTable) -> list[str]:
    out = [
        f"## {md(table.heading)}",
        "",
        "| " + " | ".join(md(c) for c in table.columns) + " |",
        "|---|---|---:|---:|---:|---|",
    ]
    for row in table.rows:
        counts = [str(c) for c in row.counts] if row.counts is not None else ["", "", row.grades]
        cells = [md(row.card), md(row.round), *counts, md(row.result)]
        out.append("| " + " | ".join(cells) + " |")
    return out


def _signatures(s: Signatures, t: Words) -> list[str]:
    out = [f"## {md(s.heading)}"]
    for signer in s.signers:
        name = md(signer.name) or f"{md(s.name_label)}{t['min_colon']} ____________"
        out += ["", f"**{md(signer.role)}** — {name} — {md(s.signature_label)}{t['min_colon']}"]
    return out


def _codes(c: Codes) -> list[str]:
    out = [f"## {md(c.heading)}", "", md(c.caption), ""]
    for i, text in enumerate(c.texts):
        if c.part_labels:
            out.append(md(c.part_labels[i]))
        fence = _fence(text)
        out += [f"{fence}text", printable(text), fence]
    return out


def _fence(text: str) -> str:
    """A code fence longer than any run of backticks in `text`: a card id holding ```
    cannot close the block and let what follows be read as HTML."""
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    return "`" * max(3, longest + 1)
