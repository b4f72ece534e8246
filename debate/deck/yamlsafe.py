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

from debate.deck.errors import MAX_BYTES, Problem, problem, too_big
from debate.deck.yaml_words import yaml_said
from debate.error_words import Error
from debate.told import Phrase

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

    def __init__(self, found: Problem) -> None:
        self.problem = found
        super().__init__(str(found.message))


def decode(data: bytes) -> str:
    """UTF-8 text, or Unreadable saying where the first bad byte is."""
    if len(data) > MAX_BYTES:
        raise Unreadable(too_big(len(data)))
    if b"\0" in data:
        raise Unreadable(problem(1, 1, Error.BINARY_DECK))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = data[exc.start]
        raise Unreadable(problem(line, column, Error.DECK_NOT_UTF8, byte=bad)) from None
    if not text.strip():
        raise Unreadable(problem(1, 1, Error.DECK_FILE_EMPTY))
    # The YAML reader refuses these too, but only with an offset (in bytes for libyaml,
    # characters for PyYAML): find the character ourselves to give its line and column.
    bad_char = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if bad_char:
        line, column = place(text, bad_char.start())
        code = ord(bad_char.group())
        raise Unreadable(problem(line, column, Error.RAW_CONTROL, code=code))
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
        raise Unreadable(
            problem(1, 1, Error.YAML_SAYS, why=yaml_said(f"{exc}".splitlines()[0]))
        ) from None
    except RecursionError:  # pragma: no cover - check_depth stops this first
        raise Unreadable(problem(1, 1, Error.YAML_TOO_DEEP)) from None
    if root is None:
        raise Unreadable(problem(1, 1, Error.ONLY_COMMENTS))
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
                    raise Unreadable(problem(line, column, Error.NESTED_TOO_DEEP, limit=MAX_DEPTH))
            elif isinstance(last, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        return last, exc
    return last, None


def too_many(line: int, column: int, aliases: bool) -> Problem:
    error = Error.TOO_MANY_ALIASED if aliases else Error.TOO_MANY_VALUES
    return problem(line, column, error, limit=MAX_NODES)


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
    said = exc.problem or "invalid YAML"
    lines = text.split("\n")
    if 0 < line <= len(lines) and lines[line - 1][column - 1 : column] == "\t":
        return problem(line, column, Error.YAML_TAB)
    if "another document" in said:
        return problem(line, column, Error.TWO_DOCUMENTS)
    if exc.context == "while scanning a quoted scalar" and "end of stream" in said:
        opened = at(*_place(exc.context_mark))
        return problem(line, column, Error.QUOTE_NEVER_CLOSED, opened=opened)
    at_problem = lines[line - 1][column - 1 : column] if 0 < line <= len(lines) else ""
    if isinstance(exc, yaml.composer.ComposerError) and at_problem == "*":
        name = re.match(r"\*([^\s,\[\]{}]*)", lines[line - 1][column - 1 :])
        alias = name.group(1) if name else ""
        return problem(line, column, Error.NO_ANCHOR, alias=alias)
    flow = _opened_flow(exc, lines)
    if flow is not None:
        bracket, closing, where_opened = flow
        return problem(
            line, column, Error.FLOW_UNCLOSED, bracket=bracket, opened=where_opened, closing=closing
        )
    if exc.context and "duplicate anchor" in exc.context:
        first = at(*_place(exc.context_mark))
        return problem(line, column, Error.DUPLICATE_ANCHOR, first=first)
    if isinstance(last, yaml.ScalarEvent) and last.style in ('"', "'"):
        (start, start_column), (end, _) = _place(last.start_mark), _place(last.end_mark)
        if start < end == line:
            # A quote left open swallows the lines after it up to the next quote mark, and
            # the parser only trips there: name where the runaway quoted text began.
            return problem(
                line,
                column,
                Error.RUNAWAY_QUOTE,
                problem=yaml_said(said),
                start=start,
                start_column=start_column,
                end=end,
            )
    hint = _hint(exc, said, line, last, text)
    if hint is not None:
        return hint
    if exc.context and exc.context_mark and exc.problem_mark:
        where_ = at(*_place(exc.context_mark))
        return problem(
            line,
            column,
            Error.YAML_CONTEXT,
            context=yaml_said(exc.context),
            at=where_,
            problem=yaml_said(said),
        )
    return problem(line, column, Error.YAML_SYNTAX, problem=yaml_said(said))


def at(line: int, column: int) -> Phrase:
    """'line 3, column 14', in the reader's language."""
    return Phrase(Error.LINE_COLUMN, line=line, column=column)


def _opened_flow(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[str, str, Phrase] | None:
    """For a parser error inside `[...]` or `{...}`: the bracket, its closing one and where
    it was opened. Told by the text at the error's context mark, not by PyYAML's wording."""
    if not isinstance(exc, yaml.parser.ParserError) or exc.context_mark is None:
        return None
    line, column = _place(exc.context_mark)
    char = lines[line - 1][column - 1 : column] if 0 < line <= len(lines) else ""
    if char not in ("[", "{"):
        return None
    return char, "]" if char == "[" else "}", at(line, column)


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
    exc: yaml.MarkedYAMLError, said: str, line: int, last: yaml.Event | None, text: str
) -> Problem | None:
    """The fix for the parser messages a deck writer meets most, in their words: a key
    without its ':', an apostrophe inside single quotes, ': ' inside plain text (French
    puts a space before ':'), a line indented out of step."""
    column = _place(exc.problem_mark)[1]
    if "could not find expected ':'" in said and exc.context_mark is not None:
        key_line, key_column = _place(exc.context_mark)  # the parser trips a line later
        length = _key_length(text, key_line, key_column)
        if length is not None and length > MAX_KEY:
            return problem(key_line, key_column, Error.KEY_TOO_LONG, length=length, limit=MAX_KEY)
        return problem(key_line, key_column, Error.COLON_MISSING)
    if "mapping values are not allowed" in said:
        return problem(line, column, Error.COLON_IN_TEXT)
    if "did not find expected key" in said:
        quoted = isinstance(last, yaml.ScalarEvent) and last.style == "'"
        if quoted and last is not None and _place(last.end_mark)[0] == line:
            return problem(line, column, Error.APOSTROPHE_IN_QUOTES)
        return problem(line, column, Error.BAD_INDENT)
    if "did not find expected '-' indicator" in said and exc.context_mark is not None:
        items = _place(exc.context_mark)[1]
        return problem(line, column, Error.LIST_DASH, items=items)
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
                yield problem(*where(node), Error.ALIAS_LOOP)
            else:  # where check_depth would have stopped: the deepest allowed level
                yield problem(*where(parent), Error.NESTED_TOO_DEEP, limit=MAX_DEPTH)
            return
        if node.tag == "tag:yaml.org,2002:merge":
            yield problem(*where(node), Error.MERGE_KEY)
            continue
        if node.tag not in _PLAIN_TAGS:
            yield problem(*where(node), Error.TAG_NOT_ALLOWED, tag=node.tag)
            continue
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else None
                if name is not None and name in seen:
                    yield problem(*where(key), Error.DUPLICATE_KEY, name=name, first=seen[name])
                elif name is not None:
                    seen[name] = where(key)[0]
                stack.append((key, depth + 1, aliased, node))
                stack.append((value, depth + 1, aliased, node))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1, aliased, node) for item in node.value)
