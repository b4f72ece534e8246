"""Reading a deck's YAML nodes as typed values: a mapping of known keys, a list, one
text, one of an enum's values. Each problem is kept with its line and column instead of
raised, so the checker (validate.py) reports them all in one pass.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import TypeVar

import yaml

from debate.deck.errors import Problem, listed
from debate.deck.rules import CONTROL, tidy
from debate.deck.yamlsafe import where
from debate.error_words import Error
from debate.told import Phrase
from debate.untrusted import shows_nothing, unbalanced_bidi

T = TypeVar("T")


class NodeReader:
    """Reads nodes of any shape; `problems` holds what is wrong, in file order once sorted."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, node: yaml.Node, error: Error, **params: object) -> None:
        self.problems.append(Problem(*where(node), Phrase(error, **params)))

    # -- shapes ---------------------------------------------------------------

    def mapping(
        self, node: yaml.Node, what: Phrase, known: tuple[str, ...]
    ) -> dict[str, yaml.Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, Error.NOT_A_MAPPING, what=what)
            return None
        out: dict[str, yaml.Node] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            if not isinstance(name, str) or name not in known:
                self.problems.append(Problem(*where(key), unknown_key(name, what, known)))
            else:
                out[name] = value
        return out

    def sequence(self, node: yaml.Node, what: Phrase) -> list[yaml.Node] | None:
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, Error.NOT_A_LIST, what=what)
            return None
        return list(node.value)

    def text(self, node: yaml.Node, what: Phrase) -> str | None:
        """Any scalar reads as text (so `title: 1984` works); null or blank is empty."""
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, Error.NOT_TEXT, what=what, kind=kind(node))
            return None
        if node.tag == "tag:yaml.org,2002:null" or not str(node.value).strip():
            self.fail(node, Error.TEXT_EMPTY, what=what)
            return None
        if shows_nothing(node.value):  # zero-width spaces, U+3164, U+2800...
            self.fail(node, Error.TEXT_INVISIBLE, what=what)
            return None
        bidi = unbalanced_bidi(node.value)
        if bidi is not None:
            self.fail(node, Error.TEXT_BIDI, what=what, code=ord(bidi))
            return None
        control = CONTROL.search(node.value)
        if control:
            # Only a quoted escape ("\e", "\f"...) gets here; it would drive the terminal
            # or break the handout's pages.
            code = ord(control.group())
            self.fail(node, Error.TEXT_CONTROL, what=what, code=code)
            return None
        return tidy(str(node.value))

    def required(
        self,
        fields: dict[str, yaml.Node],
        parent: yaml.Node,
        key: str,
        what: Phrase,
        read: Callable[[yaml.Node, Phrase], T | None],
    ) -> T | None:
        if key not in fields:
            self.fail(parent, Error.KEY_MISSING, what=what, key=key)
            return None
        return read(fields[key], key_of(what, key))

    def optional(
        self,
        fields: dict[str, yaml.Node],
        key: str,
        what: Phrase,
        read: Callable[[yaml.Node, Phrase], T | None],
    ) -> T | None:
        return read(fields[key], key_of(what, key)) if key in fields else None

    def texts(self, node: yaml.Node, what: Phrase) -> tuple[str, ...] | None:
        items = self.sequence(node, what)
        if items is None:
            return None
        out = [self.text(item, item_of(what, i)) for i, item in enumerate(items, 1)]
        return tuple(t for t in out if t is not None)

    def records(
        self, node: yaml.Node, what: Phrase, build: Callable[[yaml.Node, Phrase], T | None]
    ) -> tuple[T, ...]:
        items = self.sequence(node, what) or []
        built = [build(item, item_of(what, i)) for i, item in enumerate(items, 1)]
        return tuple(b for b in built if b is not None)

    def choice(self, node: yaml.Node, what: Phrase, allowed: type[T]) -> T | None:
        value = self.text(node, what)
        if value is None:
            return None
        names = [m.value for m in allowed]  # type: ignore[attr-defined]
        if value not in names:
            hint = difflib.get_close_matches(value, names, n=1)
            if hint:
                self.fail(
                    node,
                    Error.NOT_ONE_OF_HINT,
                    what=what,
                    value=value,
                    names=listed(names),
                    hint=hint[0],
                )
            else:
                self.fail(node, Error.NOT_ONE_OF, what=what, value=value, names=listed(names))
            return None
        return allowed(value)  # type: ignore[call-arg]


def unknown_key(name: object, what: Phrase, known: tuple[str, ...]) -> Phrase:
    if not isinstance(name, str):
        return Phrase(Error.KEYS_NOT_WORDS, what=what, keys=listed(known))
    hint = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if hint:
        return Phrase(Error.UNKNOWN_KEY_HINT, name=name, what=what, hint=hint[0])
    return Phrase(Error.UNKNOWN_KEY, name=name, what=what, keys=listed(known))


def key_of(what: Phrase, key: str) -> Phrase:
    """What a key of `what` is called: "card 1's vote 'rule'"."""
    return Phrase(Error.WHAT_KEY, what=what, key=key)


def item_of(what: Phrase, n: int) -> Phrase:
    return Phrase(Error.WHAT_ITEM, what=what, n=n)


def kind(node: yaml.Node) -> Phrase:
    return Phrase(Error.KIND_LIST if isinstance(node, yaml.SequenceNode) else Error.KIND_MAPPING)
