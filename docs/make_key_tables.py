"""Rewrite the key tables of README.md and LISEZMOI.md from the one key table:
`python docs/make_key_tables.py` after a change to debate/tui/keys.py.

tests/tui/test_keys.py and tests/tui/test_french_refusals.py compare the tables with the
help screen word for word; this writes what they expect, leaving the prose around them.
"""

from __future__ import annotations

import re
from pathlib import Path

from debate.tui import keys

ROOT = Path(__file__).resolve().parents[1]
# (file, language, the section holding the tables, the first column's header)
DOCS = (("README.md", "en", "Keys", "key"), ("LISEZMOI.md", "fr", "Touches", "touche"))


def table(rows: list[tuple[str, str]], header: tuple[str, str]) -> str:
    lines = [f"| {header[0]} | {header[1]} |", "| --- | --- |"]
    lines += [f"| {shown} | {what} |" for shown, what in rows]
    return "\n".join(lines)


def rewrite(path: Path, lang: str, section: str, key_header: str) -> None:
    text = path.read_text("utf-8")
    head, rest = text.split(f"\n## {section}\n", 1)
    body, sep, tail = rest.partition("\n## ")
    tables = [
        [(re.sub(r"\s{2,}", " / ", shown), what) for shown, what in keys.help_rows(t, lang)]
        for _, t in keys.HELP_SECTIONS
    ]
    found = list(re.finditer(rf"^\| {key_header} \| ([^|]*) \|\n(?:\|.*\|\n?)+", body, re.M))
    if len(found) != len(tables):
        raise SystemExit(f"{path}: {len(found)} tables under '## {section}', {len(tables)} wanted")
    for match, rows in zip(reversed(found), reversed(tables), strict=True):
        new = table(rows, (key_header, match.group(1).strip())) + "\n"
        body = body[: match.start()] + new + body[match.end() :]
    path.write_text(f"{head}\n## {section}\n{body}{sep}{tail}", "utf-8")


if __name__ == "__main__":
    for name, lang, section, header in DOCS:
        rewrite(ROOT / name, lang, section, header)
        print(f"{name}: key tables rewritten")
