"""Turn a deck file's bytes into a YAML node tree, refusing anything unsafe or ambiguous.

We compose nodes instead of constructing Python objects: composing never runs a tag's
constructor (so `!!python/object` can only be reported, never executed), keeps the line
and column of every value for messages, and lets us see duplicate keys that PyYAML's
constructor would silently collapse.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Protocol

import yaml

from debate.deck.errors import MAX_BYTES, Problem, too_big

try:  # libyaml's C parser is ~10x faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 20  # the format nests 5 deep; more is an error or an attack
MAX_KEY = 1024  # YAML's own limit on an implicit key, in characters
MAX_NODES = 200_000  # nodes visited, aliases expanded: stops "billion laughs" early

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:timestamp",
}


class Unreadable(Exception):
    """The file is not a YAML document we can look at; carries the one problem."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem.message)


def decode(data: bytes) -> str:
    """UTF-8 text, or Unreadable saying where the first bad byte is."""
    if len(data) > MAX_BYTES:
        raise Unreadable(too_big(len(data)))
    if b"\0" in data:
        raise Unreadable(Problem(1, 1, "binary file (it contains NUL bytes), not a YAML deck"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = data[exc.start]
        raise Unreadable(
            Problem(line, column, f"not UTF-8 text (byte 0x{bad:02x}): save the file as UTF-8")
        ) from None
    if not text.strip():
        raise Unreadable(
            Problem(1, 1, "the file is empty: a deck needs a title, a language and cards")
        )
    # The YAML reader refuses these too, but only with an offset (in bytes for libyaml,
    # characters for PyYAML): find the character ourselves to give its line and column.
    bad_char = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if bad_char:
        line, column = place(text, bad_char.start())
        code = ord(bad_char.group())
        raise Unreadable(
            Problem(line, column, f"control character U+{code:04X} is not allowed: delete it")
        )
    return text


def place(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of text[index]."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def compose(text: str) -> yaml.Node:
    """The document's root node. Only one document per file."""
    try:
        if could_nest_deeply(text):
            check_depth(text)
        if len(text) > 2 * MAX_NODES:  # fewer characters cannot spell that many values
            check_count(text)
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        check_depth(text)  # libyaml may have refused deep nesting in its own words
        # Walked again with the loader that failed: the events just before the error tell
        # a lost quote from a lost ':' (see syntax_problem).
        last, error = _walk(text, _Loader)
        raise Unreadable(syntax_problem(error or exc, text, last)) from None
    except yaml.YAMLError as exc:
        raise Unreadable(Problem(1, 1, f"YAML: {exc}".splitlines()[0])) from None
    except RecursionError:  # pragma: no cover - check_depth stops this first
        raise Unreadable(Problem(1, 1, "YAML nests too deeply")) from None
    if root is None:
        raise Unreadable(Problem(1, 1, "the file holds only comments: a deck needs cards"))
    return root


# libyaml's composer was seen to survive 20,000 levels (0.2.5) and newer releases refuse
# 1,000 themselves, in their own words: below this bound neither happens.
SAFE_NESTING = 1_000


def could_nest_deeply(text: str) -> bool:
    """A cheap upper bound on nesting, so that ordinary decks skip `check_depth` (a second
    parse: 90 ms for a 1,000-card deck). A block level takes at least one more column of
    indentation or one more '- ' or '? ' on a line, every two levels; a flow level takes a
    bracket. So nesting is at most twice the longest line plus the brackets."""
    longest = max((len(line) for line in text.splitlines()), default=0)
    return 2 * longest + text.count("[") + text.count("{") > SAFE_NESTING


def check_depth(text: str) -> None:
    """Refuse deep nesting before composing: libyaml's composer recurses in C, and a file of
    100,000 '[' overflows the C stack (a segfault, not an exception) in some releases, while
    others refuse it with their own message, found while scanning far ahead.

    PyYAML's pure-Python parser does neither: it keeps its own stack, reads ahead a line at
    most, and has no limit of its own, so walking its events finds the first level past
    ours, at its place, whichever libyaml is installed. It is slower, which is why only
    files that `could_nest_deeply` (or that libyaml refused) take this walk. A syntax error
    it meets is left to the loader that composes the deck, which reports it."""
    _walk(text, yaml.SafeLoader)


def _walk(text: str, loader: Any) -> tuple[yaml.Event | None, yaml.MarkedYAMLError | None]:
    """Walk the parser's events: Unreadable past MAX_DEPTH; else the last event read, and
    the syntax error that stopped the walk, if any."""
    depth = 0
    last: yaml.Event | None = None
    try:
        for last in yaml.parse(text, Loader=loader):
            if isinstance(last, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    line, column = _place(last.start_mark)
                    message = f"nested more than {MAX_DEPTH} levels deep"
                    raise Unreadable(Problem(line, column, message))
            elif isinstance(last, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        return last, exc
    return last, None


def too_many(line: int, column: int, aliases: bool) -> Problem:
    expanded = " once aliases are expanded (an alias bomb?)" if aliases else ""
    return Problem(
        line,
        column,
        f"more than {MAX_NODES:,} values (keys, texts, list items){expanded}: a deck "
        "holds at most that many; split it into several decks",
    )


def check_count(text: str) -> None:
    """Refuse a deck of too many values before composing it: composing builds a node
    per value, seconds and hundreds of MB for a 100,000-card deck, only for check_tree
    to refuse it. The parser's events cost a tenth of that, and stop at the limit."""
    count = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.NodeEvent):  # a scalar, an alias, a collection's start
            count += 1
            if count > MAX_NODES:
                raise Unreadable(too_many(*_place(event.start_mark), aliases=False))


class _Mark(Protocol):  # PyYAML's and libyaml's marks are different classes
    line: int
    column: int


def _place(mark: _Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def syntax_problem(exc: yaml.MarkedYAMLError, text: str, last: yaml.Event | None = None) -> Problem:
    """PyYAML's two-part message (context, then problem) as one line, at the problem, with
    the likely fix for the mistakes deck writers make: a tab, a lost quote, a second '---'."""
    line, column = _place(exc.problem_mark or exc.context_mark)
    problem = exc.problem or "invalid YAML"
    lines = text.split("\n")
    if 0 < line <= len(lines) and lines[line - 1][column - 1 : column] == "\t":
        return Problem(
            line, column, "YAML syntax: a tab character here; indent with spaces, not tabs"
        )
    if "another document" in problem:
        return Problem(
            line, column, "a deck is one YAML document: remove this '---' and what follows"
        )
    if exc.context == "while scanning a quoted scalar" and "end of stream" in problem:
        opened = "line {}, column {}".format(*_place(exc.context_mark))
        return Problem(line, column, f"YAML syntax: the quote opened at {opened} is never closed")
    at_problem = lines[line - 1][column - 1 : column] if 0 < line <= len(lines) else ""
    if isinstance(exc, yaml.composer.ComposerError) and at_problem == "*":
        name = re.match(r"\*([^\s,\[\]{}]*)", lines[line - 1][column - 1 :])
        alias = name.group(1) if name else ""
        return Problem(
            line,
            column,
            f"YAML syntax: the alias '*{alias}' refers to no anchor: '&{alias}' must come "
            "before it in the file",
        )
    flow = _opened_flow(exc, lines)
    if flow is not None:
        bracket, closing, where_opened = flow
        return Problem(
            line,
            column,
            f"YAML syntax: in the '{bracket}' opened at {where_opened}, a ',' between items or "
            f"the closing '{closing}' is missing here",
        )
    if exc.context and "duplicate anchor" in exc.context:
        first = "line {}, column {}".format(*_place(exc.context_mark))
        return Problem(line, column, f"YAML syntax: this anchor is already defined at {first}")
    if isinstance(last, yaml.ScalarEvent) and last.style in ('"', "'"):
        (start, start_column), (end, _) = _place(last.start_mark), _place(last.end_mark)
        if start < end == line:
            # A quote left open swallows the lines after it up to the next quote mark, and
            # the parser only trips there: name where the runaway quoted text began.
            return Problem(
                line,
                column,
                f"YAML syntax: {problem}; the quoted text opened at line {start}, column "
                f"{start_column} only closes on line {end}: is a closing quote missing?",
            )
    hint = _hint(exc, problem, line, last, text)
    if hint is not None:
        return hint
    if exc.context and exc.context_mark and exc.problem_mark:
        at = "line {}, column {}".format(*_place(exc.context_mark))
        return Problem(line, column, f"YAML syntax: {exc.context} at {at}: {problem}")
    return Problem(line, column, f"YAML syntax: {problem}")


def _opened_flow(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[str, str, str] | None:
    """For a parser error inside `[...]` or `{...}`: the bracket, its closing one and where
    it was opened. Told by the text at the error's context mark, not by PyYAML's wording."""
    if not isinstance(exc, yaml.parser.ParserError) or exc.context_mark is None:
        return None
    line, column = _place(exc.context_mark)
    char = lines[line - 1][column - 1 : column] if 0 < line <= len(lines) else ""
    if char not in ("[", "{"):
        return None
    return char, "]" if char == "[" else "}", f"line {line}, column {column}"


def _key_length(text: str, line: int, column: int) -> int | None:
    """How long the key starting at `line`, `column` is, up to its ': ' (None if the
    line has none): YAML's parser only says a ':' is missing after a longer one."""
    lines = text.split("\n")
    if not 0 < line <= len(lines):
        return None
    rest = lines[line - 1][column - 1 :]
    found = re.search(r":(?:\s|$)", rest)
    return found.start() if found else None


def _hint(
    exc: yaml.MarkedYAMLError, problem: str, line: int, last: yaml.Event | None, text: str
) -> Problem | None:
    """The fix for the parser messages a deck writer meets most, in their words: a key
    without its ':', an apostrophe inside single quotes, ': ' inside plain text (French
    puts a space before ':'), a line indented out of step."""
    column = _place(exc.problem_mark)[1]
    if "could not find expected ':'" in problem and exc.context_mark is not None:
        key_line, key_column = _place(exc.context_mark)  # the parser trips a line later
        length = _key_length(text, key_line, key_column)
        if length is not None and length > MAX_KEY:
            return Problem(
                key_line,
                key_column,
                f"a key of {length:,} characters: YAML allows at most {MAX_KEY:,}; "
                "shorten it (is this text meant to be a value, after a key and ': '?)",
            )
        return Problem(
            key_line, key_column, "YAML syntax: a ':' is missing after the key on this line"
        )
    if "mapping values are not allowed" in problem:
        return Problem(
            line, column, "YAML syntax: ': ' inside text; put the whole text in double quotes"
        )
    if "did not find expected key" in problem:
        quoted = isinstance(last, yaml.ScalarEvent) and last.style == "'"
        if quoted and last is not None and _place(last.end_mark)[0] == line:
            return Problem(
                line,
                column,
                "YAML syntax: an apostrophe ends text in single quotes; write it twice "
                "(L''école) or put the text in double quotes",
            )
        return Problem(
            line, column, "YAML syntax: this line is not indented like the keys above it"
        )
    if "did not find expected '-' indicator" in problem and exc.context_mark is not None:
        items = _place(exc.context_mark)[1]
        return Problem(
            line,
            column,
            f"YAML syntax: list items start with '- ' (a dash, then a space) in column {items},"
            " and their keys line up after it",
        )
    return None


def where(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def check_tree(root: yaml.Node) -> Iterator[Problem]:
    """Refuse tags, duplicate keys, alias bombs and cycles, walking the tree once."""
    visited = 0
    seen_nodes: set[int] = set()  # a collection met again was reached through an alias
    stack: list[tuple[yaml.Node, int, bool, yaml.Node]] = [(root, 0, False, root)]
    while stack:
        node, depth, aliased, parent = stack.pop()
        visited += 1
        if visited > MAX_NODES:
            # check_count refused a file spelling that many itself: aliases made them.
            yield too_many(*where(root), aliases=True)
            return
        if isinstance(node, yaml.CollectionNode):
            aliased = aliased or id(node) in seen_nodes
            seen_nodes.add(id(node))
        if depth > MAX_DEPTH:
            if aliased:
                yield Problem(*where(node), "an alias refers to itself, or aliases nest too deeply")
            else:  # where check_depth would have stopped: the deepest allowed level
                yield Problem(*where(parent), f"nested more than {MAX_DEPTH} levels deep")
            return
        if node.tag == "tag:yaml.org,2002:merge":
            yield Problem(*where(node), "merge keys (<<) are not supported: write the keys out")
            continue
        if node.tag not in _PLAIN_TAGS:
            yield Problem(*where(node), f"YAML tag {node.tag!r} is not allowed in a deck")
            continue
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else None
                if name is not None and name in seen:
                    yield Problem(
                        *where(key), f"duplicate key {name!r} (first on line {seen[name]})"
                    )
                elif name is not None:
                    seen[name] = where(key)[0]
                stack.append((key, depth + 1, aliased, node))
                stack.append((value, depth + 1, aliased, node))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1, aliased, node) for item in node.value)
