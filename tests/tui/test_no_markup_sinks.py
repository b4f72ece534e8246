"""No widget of debate/tui is handed a str that Textual would read as markup (issue 11).

Read from the source (ast), so that a screen added tomorrow is checked without a test
that visits it. Two rules:

- a *sink* (Static, Label, Option, Button, `.update` of a Static or Label, a Rich table's
  `add_row`, `exit(message=...)`, an assignment to `.title`, `.sub_title`, `.border_title`,
  `.tooltip`) is given a Text: one made by `plain` / `fill` / `Text(...)`, a function or
  parameter annotated `Text`, a local or attribute only ever bound to such, never a str;
  `notify` is called with `markup=False`;
- deck and journal data (an attribute such as `.title`, `.labels`, `.place`, or an
  exception) reaches a Text only through `plain` or `fill`, which also turn control
  characters into stand-ins (debate.untrusted.printable); the command palette, which
  Textual always reads as markup, gets none at all.

Data is followed through local names and `for` loops within a function; what a function
receives as a plain parameter is not followed (render.py's helpers take the card's
parts as parameters, and put each through `plain`).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.content import Content

from debate.i18n import WORDS
from debate.tui import keys

TUI = Path(__file__).resolve().parents[2] / "debate" / "tui"

# Attributes that hold what a deck, a journal or a person wrote.
DATA = {
    "title", "summary", "text", "source", "response", "questions", "sources", "labels",
    "grades", "place", "facilitator", "date", "problem", "first_url", "url", "warnings",
    "id",
}  # fmt: skip
MAKERS = {"plain", "fill"}  # debate.tui.plain: printable, then Text
WIDGETS = {"Static": "content", "Label": "content", "Option": "prompt", "Button": "label"}
UPDATED = {"Static", "Label"}  # widgets whose .update() reads a str as markup
PALETTE = {"SystemCommand", "Hit", "DiscoveryHit"}
# On a line that puts into a Text what the checker takes for data but is not (or on the
# line above), with the reason after it: the checker cannot see that a QR code's modules
# are only ink, or that a count is a number.
PRAGMA = "# not deck text:"
SHOWN_ATTRIBUTES = {"title", "sub_title", "border_title", "border_subtitle", "tooltip"}


@dataclass(frozen=True)
class Finding:
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def returning(tree: ast.AST, annotation: str) -> set[str]:
    """The functions of `tree` annotated to return `annotation`."""
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.returns is not None
        and ast.unparse(node.returns) == annotation
    }


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


class Scope:
    """What the names of one function (or module) are bound to."""

    def __init__(self, body: ast.AST, params: dict[str, ast.expr | None]) -> None:
        self.params = params
        self.bindings: dict[str, list[ast.expr]] = {}
        # name -> the iterables it runs over, and its place in each item when unpacked
        self.loops: dict[str, list[tuple[ast.expr, int | None]]] = {}
        self.exceptions: set[str] = set()
        for node in ast.walk(body):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    self._bind(target, node.value)
            elif isinstance(node, ast.AnnAssign | ast.AugAssign) and node.value is not None:
                self._bind(node.target, node.value)
            elif isinstance(node, ast.For | ast.comprehension):
                if isinstance(node.target, ast.Tuple):
                    for position, one in enumerate(node.target.elts):
                        for name in ast.walk(one):
                            if isinstance(name, ast.Name):
                                loop = (node.iter, position)
                                self.loops.setdefault(name.id, []).append(loop)
                elif isinstance(node.target, ast.Name):
                    self.loops.setdefault(node.target.id, []).append((node.iter, None))
            elif isinstance(node, ast.ExceptHandler) and node.name:
                self.exceptions.add(node.name)

    def _bind(self, target: ast.expr, value: ast.expr) -> None:
        if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple):
            for one, its in zip(target.elts, value.elts, strict=False):
                self._bind(one, its)
        elif isinstance(target, ast.Tuple):  # unpacked from a call: each part is "value"
            for one in target.elts:
                self._bind(one, value)
        elif isinstance(target, ast.Name):
            self.bindings.setdefault(target.id, []).append(value)
        elif isinstance(target, ast.Attribute) and _name(target.value) == "self":
            self.bindings.setdefault(f"self.{target.attr}", []).append(value)


def _parts(iterable: ast.expr, position: int | None, scope: Scope) -> list[ast.expr]:
    """What the `position`-th name of `for a, b in iterable` can be bound to, as far as the
    source says (zip, enumerate, a literal of tuples, a comprehension making tuples);
    else the iterable as a whole, all of whose items may be data."""
    if position is None:
        return [iterable]
    if isinstance(iterable, ast.Call) and _name(iterable.func) == "zip":
        return iterable.args[position : position + 1] or [iterable]
    if isinstance(iterable, ast.Call) and _name(iterable.func) == "enumerate":
        return iterable.args[:1] if position == 1 else []
    if isinstance(iterable, ast.Tuple | ast.List | ast.Set):
        items = [i.elts[position] for i in iterable.elts if isinstance(i, ast.Tuple)]
        return items if len(items) == len(iterable.elts) else [iterable]
    if isinstance(iterable, ast.ListComp | ast.GeneratorExp) and isinstance(
        iterable.elt, ast.Tuple
    ):
        return [iterable.elt.elts[position]]
    if isinstance(iterable, ast.Name) and scope.bindings.get(iterable.id):
        return [p for v in scope.bindings[iterable.id] for p in _parts(v, position, scope)]
    return [iterable]


class Checker:
    def __init__(self, source: str, filename: str, text_functions: set[str]) -> None:
        self.tree = ast.parse(source, filename)
        self.filename = filename
        self.lines = source.splitlines()
        self.findings: list[Finding] = []
        self.sinks = 0  # how many places were checked: the test is not vacuous
        self.text_functions = text_functions | returning(self.tree, "Text")
        self.text_dicts = returning(self.tree, "dict[str, Text]")
        # `self.x = ...` anywhere in a class counts for `self.x` in each of its methods.
        self.class_scopes = {
            node.name: Scope(node, {})
            for node in ast.walk(self.tree)
            if isinstance(node, ast.ClassDef)
        }

    # -- what an expression is -----------------------------------------------------------

    def is_text(
        self, node: ast.expr, scope: Scope, cls: Scope | None, seen: frozenset[str]
    ) -> bool:
        """True when `node` is surely a rich Text (or a renderable that is not a str)."""
        if isinstance(node, ast.IfExp):
            return self.is_text(node.body, scope, cls, seen) and self.is_text(
                node.orelse, scope, cls, seen
            )
        if isinstance(node, ast.Call):
            func = node.func
            callee = _name(func)
            if callee in MAKERS or callee in self.text_functions or callee in {"Text", "Table"}:
                return True
            if isinstance(func, ast.Attribute):
                if _name(func.value) == "Text" and callee in {"assemble", "from_markup"}:
                    return callee == "assemble"
                if _name(func.value) == "Table" and callee == "grid":
                    return True  # its cells are checked where they are added
                if callee == "get" and self._text_dict(func.value, scope, cls, seen):
                    default = node.args[1:2]
                    return all(self.is_text(d, scope, cls, seen) for d in default)
                if callee in {"append", "copy"}:  # Text.append returns the Text
                    return self.is_text(func.value, scope, cls, seen)
            return False
        if isinstance(node, ast.Subscript):
            return self._text_dict(node.value, scope, cls, seen)
        key = self._key(node)
        if key is None or key in seen:
            return False
        if key in scope.params:
            annotation = scope.params[key]
            return annotation is not None and _name(annotation) == "Text"
        bound = self._bound(key, scope, cls)
        return bool(bound) and all(self.is_text(v, scope, cls, seen | {key}) for v in bound)

    def _text_dict(
        self, node: ast.expr, scope: Scope, cls: Scope | None, seen: frozenset[str]
    ) -> bool:
        """A dict of Texts: the result of a function annotated `-> dict[str, Text]`."""
        if isinstance(node, ast.Call):
            return _name(node.func) in self.text_dicts
        key = self._key(node)
        if key is None or key in seen:
            return False
        bound = self._bound(key, scope, cls)
        return bool(bound) and all(self._text_dict(v, scope, cls, seen | {key}) for v in bound)

    def is_data(self, node: ast.AST, scope: Scope, cls: Scope | None, seen: frozenset[str]) -> bool:
        """True when `node` holds deck, journal or typed text not yet made plain."""
        if isinstance(node, ast.Call) and self.is_text(node, scope, cls, seen):
            return False  # a Text: data went in through plain() (checked where it did)
        if isinstance(node, ast.Attribute) and node.attr in DATA:
            return True
        if isinstance(node, ast.IfExp):  # what it tests is not what it gives
            return self.is_data(node.body, scope, cls, seen) or self.is_data(
                node.orelse, scope, cls, seen
            )
        if isinstance(node, ast.Subscript):  # t[vote.rule]: our words, whatever the key
            return self.is_data(node.value, scope, cls, seen)
        if isinstance(node, ast.Call) and _name(node.func) == "built" and node.args:
            return self.is_data(node.args[0], scope, cls, seen)  # t[f"rule_{vote.rule}"]
        if isinstance(node, ast.Name | ast.Attribute):
            key = self._key(node)
            if key is not None and key not in seen:
                if key in scope.exceptions:
                    return True
                seen = seen | {key}
                values = self._bound(key, scope, cls) + [
                    part
                    for iterable, position in scope.loops.get(key, [])
                    for part in _parts(iterable, position, scope)
                ]
                if any(self.is_data(value, scope, cls, seen) for value in values):
                    return True
        return any(self.is_data(child, scope, cls, seen) for child in ast.iter_child_nodes(node))

    @staticmethod
    def _key(node: ast.expr) -> str | None:
        if isinstance(node, ast.Name):
            return node.id
        if isinstance(node, ast.Attribute) and _name(node.value) == "self":
            return f"self.{node.attr}"
        return None

    @staticmethod
    def _bound(key: str, scope: Scope, cls: Scope | None) -> list[ast.expr]:
        if key.startswith("self.") and cls is not None:
            return cls.bindings.get(key, [])
        return scope.bindings.get(key, [])

    def receiver_widget(self, node: ast.expr, scope: Scope) -> str | None:
        """The widget class `node` is, when the source says: query_one(sel, Static), a
        loop over .results(Static), or a name bound to either."""
        if isinstance(node, ast.Call) and _name(node.func) in {"query_one", "results"}:
            return _name(node.args[-1]) if node.args else None
        if isinstance(node, ast.Name):
            loops = [iterable for iterable, _ in scope.loops.get(node.id, [])]
            for value in scope.bindings.get(node.id, []) + loops:
                kind = self.receiver_widget(value, scope)
                if kind:
                    return kind
        return None

    # -- the rules -----------------------------------------------------------------------

    def check(self) -> list[Finding]:
        for cls_node in [n for n in ast.walk(self.tree) if isinstance(n, ast.ClassDef)]:
            for node in cls_node.body:
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    self._function(node, self.class_scopes[cls_node.name])
        for node in self.tree.body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                self._function(node, None)
        return self.findings

    def _function(
        self, function: ast.FunctionDef | ast.AsyncFunctionDef, cls: Scope | None
    ) -> None:
        arguments = function.args.posonlyargs + function.args.args + function.args.kwonlyargs
        scope = Scope(function, {a.arg: a.annotation for a in arguments})
        for node in ast.walk(function):
            if isinstance(node, ast.Call):
                self._call(node, scope, cls)
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Attribute) and target.attr in SHOWN_ATTRIBUTES:
                        self._sink(node.value, f".{target.attr} =", node, scope, cls)

    def _call(self, node: ast.Call, scope: Scope, cls: Scope | None) -> None:
        callee = _name(node.func)
        keywords = {k.arg: k.value for k in node.keywords if k.arg}
        if callee in WIDGETS and isinstance(node.func, ast.Name):
            content = node.args[0] if node.args else keywords.get(WIDGETS[callee])
            if content is not None:
                self._sink(content, callee, node, scope, cls)
        elif callee == "update" and isinstance(node.func, ast.Attribute) and node.args:
            widget = self.receiver_widget(node.func.value, scope)
            if widget is None or widget in UPDATED:  # unknown: it may be a Static
                self._sink(node.args[0], f"{widget or '?'}.update", node, scope, cls)
        elif callee == "add_row":
            for cell in node.args:
                self._sink(cell, "add_row", node, scope, cls)
        elif callee == "exit" and "message" in keywords:
            self._sink(keywords["message"], "exit(message=)", node, scope, cls)
        elif callee == "notify":
            self.sinks += 1
            markup = keywords.get("markup")
            if not (isinstance(markup, ast.Constant) and markup.value is False):
                self._found(node, "notify() without markup=False")
        elif callee in PALETTE:
            self.sinks += 1
            for value in [*node.args, *keywords.values()]:
                if self.is_data(value, scope, cls, frozenset()):
                    self._found(node, f"{callee} given deck or journal text: {ast.unparse(value)}")
        if (
            callee == "Text"
            or callee == "assemble"
            or (callee == "append" and isinstance(node.func, ast.Attribute))
        ):
            for value in node.args:
                if self.is_data(value, scope, cls, frozenset()):
                    self._found(node, f"data into a Text without plain(): {ast.unparse(value)}")

    def _sink(
        self, value: ast.expr, sink: str, node: ast.AST, scope: Scope, cls: Scope | None
    ) -> None:
        self.sinks += 1
        if not self.is_text(value, scope, cls, frozenset()):
            self._found(node, f"{sink} given a str, not a Text: {ast.unparse(value)}")

    def _found(self, node: ast.AST, what: str) -> None:
        line = getattr(node, "lineno", 0)
        if any(PRAGMA in text for text in self.lines[max(0, line - 2) : line]):
            return  # said, with the reason, where it is done (or on the line above)
        self.findings.append(Finding(f"{self.filename}:{line}", what))


def check(
    source: str, filename: str = "<test>", text_functions: set[str] = frozenset()
) -> tuple[list[Finding], int]:
    checker = Checker(source, filename, set(text_functions))
    return checker.check(), checker.sinks


# -- the package ----------------------------------------------------------------------------


def test_no_widget_in_debate_tui_is_given_markup():
    findings: list[Finding] = []
    sinks = 0
    files = sorted(TUI.rglob("*.py"))
    assert len(files) > 15
    sources = {path: path.read_text(encoding="utf-8") for path in files}
    # render.py's outcome_word is used by the screens: Text functions are the package's.
    # A function returning a Table counts too: its cells are checked where it adds them.
    text_functions = set().union(
        *(returning(ast.parse(s), kind) for s in sources.values() for kind in ("Text", "Table"))
    )
    assert {"plain", "fill", "outcome_word", "votes_line"} <= text_functions
    for path, source in sources.items():
        found, checked = check(source, str(path.relative_to(TUI)), text_functions)
        findings += found
        sinks += checked
    assert not findings, "\n".join(map(str, findings))
    # Every screen yields its Statics: some sixty places are checked. Far fewer would mean
    # the checker stopped seeing them (a renamed import, a new way to build widgets).
    assert sinks >= 60, sinks


def test_our_own_words_hold_no_markup():
    """The palette reads its titles and help as markup, whatever we pass: so our words,
    the only ones it gets, must read the same either way."""
    words = [w for table in WORDS.values() for w in table.values()]
    words += [w for said in keys.KEY_NAMES.values() for w in said]
    words += [*keys.KEY_SIGNS.values()]
    for key in keys.every_key():
        words += [*key.command, *key.help, *(key.bar or ())]
    assert len(words) > 200
    for word in words:
        assert Content.from_markup(word).plain == word, word


# -- the checker itself: what it must catch, and what it must let through -------------------

CAUGHT = {
    "f-string": "def f(self):\n    yield Static(f'{self.card.title}')",
    "raw attribute": "def f(card):\n    yield Label(card.title)",
    "format": "def f(t, card):\n    yield Static(t['x'].format(title=card.title))",
    "catalog str": "def f(t):\n    yield Static(t['x'])",
    "concatenation": "def f(card):\n    yield Static('Title: ' + card.title)",
    "loop over labels": "def f(spec):\n    for label in spec.labels:\n        yield Label(label)",
    "local bound to str": "def f(card):\n    body = card.summary\n    yield Static(body)",
    "one str branch": "def f(card):\n    x = plain(card.title) if card else card.title\n"
    "    yield Static(x)",
    "update of a Static": "def f(self, card):\n"
    "    self.query_one('#a', Static).update(f'{card.title}')",
    "update of a Static by name": "def f(self, card):\n"
    "    w = self.query_one('#a', Static)\n    w.update(card.summary)",
    "notify": "def f(self, card):\n    self.notify(card.title)",
    "notify with markup": "def f(self, card):\n    self.notify(card.title, markup=True)",
    "option": "def f(card):\n    yield Option(f'{card.number}. {card.title}')",
    "table cell": "def f(table, card):\n    table.add_row('x', card.title)",
    "exit message": "def f(self, exc):\n    self.exit(return_code=1, message=f'debate: {exc}')",
    "text around raw data": "def f(card):\n    yield Static(Text(card.title))",
    "append of raw data": "def f(card):\n    text = Text()\n    text.append(card.summary)\n"
    "    yield Static(text)",
    "exception into a Text": "def f(self):\n    try:\n        pass\n    except E as exc:\n"
    "        yield Static(Text(str(exc)))",
    "palette": "def f(self, card):\n    yield SystemCommand(card.title, 'help', None)",
    "str parameter": "def f(self, message: str):\n    yield Static(message)",
    "title attribute": "def f(self, deck):\n    self.sub_title = deck.title",
    "self attribute bound to str": "class A:\n    def __init__(self, card):\n"
    "        self.shown = card.title\n    def compose(self):\n        yield Static(self.shown)",
}
ALLOWED = {
    "plain": "def f(card):\n    yield Static(plain(card.title))",
    "fill": "def f(t, card):\n    yield Static(fill(t['x'], title=card.title))",
    "our words as Text": "def f(t):\n    yield Static(Text(t['x']))",
    "no content": "def f():\n    yield Static(id='x')",
    "built Text": "def f(card):\n    text = Text('x')\n    text.append(plain(card.summary))\n"
    "    yield Static(text)",
    "chained append": "def f(t, card):\n    yield Option(plain(card.title).append(Text(t['x'])))",
    "both branches Text": "def f(t, card):\n"
    "    yield Static(plain(card.url) if card.url else Text(t['x']))",
    "said not deck text": "def f(card):\n    # not deck text: a number\n"
    "    yield Static(Text(str(card.id)))",
    "Text parameter": "def f(self, message: Text):\n    yield Static(message)",
    "function returning Text": "def g() -> Text:\n    return Text()\n"
    "def f():\n    yield Static(g())",
    "notify plain": "def f(self, m):\n    self.notify(m, markup=False)",
    "update of Digits": "def f(self, m):\n    self.query_one('#d', Digits).update(f'{m}:00')",
    "palette, our words": "def f(self, t):\n    yield SystemCommand(t['a'], t['b'], None)",
    "our words, key built": "def f(t, vote):\n    yield Static(Text(built(t, f'r_{vote.rule}')))",
}


@pytest.mark.parametrize("source", CAUGHT.values(), ids=CAUGHT.keys())
def test_the_checker_catches(source: str):
    findings, sinks = check(source)
    assert findings, source
    assert sinks >= 1 or any("Text" in f.what for f in findings)


@pytest.mark.parametrize("source", ALLOWED.values(), ids=ALLOWED.keys())
def test_the_checker_lets_through(source: str):
    findings, _ = check(source)
    assert not findings, findings
