"""Check a deck's node tree against the format (docs/deck-format.md) and build the model.

Every problem is collected with its line and column, so a deck writer fixes them all in
one pass instead of one per run.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

import yaml

from debate.deck.errors import Problem
from debate.deck.model import (
    Argument,
    Card,
    Deck,
    Item,
    Objection,
    Side,
    Source,
    VoteSpec,
)
from debate.deck.rules import CARD_ID, CONTROL, LANGUAGE_TAG, tidy
from debate.deck.yamlsafe import where
from debate.textutil import slug
from debate.untrusted import shows_nothing, unbalanced_bidi
from debate.vocabulary import Method, Rule, Ungraded

T = TypeVar("T")
ItemT = TypeVar("ItemT", bound=Item)


DECK_KEYS = (
    "title",
    "language",
    "description",
    "source",
    "vote",
    "glossary",
    "references",
    "cards",
)
CARD_KEYS = (
    "id",
    "title",
    "summary",
    "first",
    "arguments",
    "objections",
    "questions",
    "sources",
    "vote",
)
VOTE_KEYS = ("method", "choices", "grades", "rule", "ungraded")
ITEM_KEYS = ("text", "source", "by", "response")  # an argument's, and an objection's
SIDES: tuple[Side, ...] = ("for", "against")
SOURCE_KEYS = ("title", "url")
REFERENCE_KEYS = ("title", "url", "note")

DEFAULT_CHOICES = {
    "fr": ("Pour", "Contre", "Abstention"),
    "en": ("For", "Against", "Abstain"),
}


def default_choices(language: str) -> tuple[str, ...]:
    return DEFAULT_CHOICES.get(language.split("-")[0].lower(), DEFAULT_CHOICES["en"])


class Checker:
    """Walks one deck's nodes; `problems` holds what is wrong, in file order once sorted."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        # (card number, id, card node) of every card with a valid id, built or not: a
        # repeated id is reported even on a card with other problems.
        self.card_ids: list[tuple[int, str, yaml.Node]] = []

    def fail(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(*where(node), message))

    # -- shapes ---------------------------------------------------------------

    def mapping(
        self, node: yaml.Node, what: str, known: tuple[str, ...]
    ) -> dict[str, yaml.Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{what} must be a mapping of keys to values")
            return None
        out: dict[str, yaml.Node] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            if not isinstance(name, str) or name not in known:
                self.fail(key, unknown_key(name, what, known))
            else:
                out[name] = value
        return out

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node] | None:
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, f"{what} must be a list (lines starting with '- ')")
            return None
        return list(node.value)

    def text(self, node: yaml.Node, what: str) -> str | None:
        """Any scalar reads as text (so `title: 1984` works); null or blank is empty."""
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, f"{what} must be text, not a {kind(node)}")
            return None
        if node.tag == "tag:yaml.org,2002:null" or not str(node.value).strip():
            self.fail(node, f"{what} is empty")
            return None
        if shows_nothing(node.value):  # zero-width spaces, U+3164, U+2800...
            self.fail(node, f"{what} is empty: it holds only characters that show nothing")
            return None
        bidi = unbalanced_bidi(node.value)
        if bidi is not None:
            self.fail(
                node,
                f"{what} holds the bidi control U+{ord(bidi):04X} without its pair: it "
                "would reorder the text shown after it; remove it",
            )
            return None
        control = CONTROL.search(node.value)
        if control:
            # Only a quoted escape ("\e", "\f"...) gets here; it would drive the terminal
            # or break the handout's pages.
            code = ord(control.group())
            self.fail(node, f"{what} holds the control character U+{code:04X}: remove it")
            return None
        return tidy(str(node.value))

    def required(
        self,
        fields: dict[str, yaml.Node],
        parent: yaml.Node,
        key: str,
        what: str,
        read: Callable[[yaml.Node, str], T | None],
    ) -> T | None:
        if key not in fields:
            self.fail(parent, f"{what} is missing '{key}:'")
            return None
        return read(fields[key], f"{what} '{key}'")

    def optional(
        self,
        fields: dict[str, yaml.Node],
        key: str,
        what: str,
        read: Callable[[yaml.Node, str], T | None],
    ) -> T | None:
        return read(fields[key], f"{what} '{key}'") if key in fields else None

    def texts(self, node: yaml.Node, what: str) -> tuple[str, ...] | None:
        items = self.sequence(node, what)
        if items is None:
            return None
        out = [self.text(item, f"{what} item {i}") for i, item in enumerate(items, 1)]
        return tuple(t for t in out if t is not None)

    def records(
        self, node: yaml.Node, what: str, build: Callable[[yaml.Node, str], T | None]
    ) -> tuple[T, ...]:
        items = self.sequence(node, what) or []
        built = [build(item, f"{what} item {i}") for i, item in enumerate(items, 1)]
        return tuple(b for b in built if b is not None)

    # -- the format -----------------------------------------------------------

    def deck(self, root: yaml.Node, path: str, digest: str) -> Deck | None:
        fields = self.mapping(root, "the deck", DECK_KEYS)
        if fields is None:
            return None
        title = self.required(fields, root, "title", "the deck", self.text)
        language = self.required(fields, root, "language", "the deck", self.language)
        description = self.optional(fields, "description", "the deck", self.text)
        source = self.optional(fields, "source", "the deck", self.text)
        glossary = self.optional(fields, "glossary", "the deck", self.glossary) or ()
        references = self.optional(fields, "references", "the deck", self.references) or ()
        base = VoteSpec(choices=default_choices(language or "en"))
        vote = base
        if "vote" in fields:
            vote = self.vote(fields["vote"], "the deck's vote", base) or base
        cards: tuple[Card, ...] = ()
        if "cards" not in fields:
            self.fail(root, "the deck is missing 'cards:' (a list of at least one card)")
        else:
            items = self.sequence(fields["cards"], "'cards'")
            if items is not None and not items:
                self.fail(fields["cards"], "'cards' is empty: a deck needs at least one card")
            built = [self.card(item, n, vote) for n, item in enumerate(items or [], 1)]
            cards = tuple(c for c in built if c is not None)
            self.unique_ids()
        if title is None or language is None or self.problems:
            return None
        return Deck(
            title, language, cards, vote, description, source, path, digest, glossary, references
        )

    def glossary(self, node: yaml.Node, what: str) -> tuple[tuple[str, str], ...] | None:
        """Terms mapped to one-line explanations, in the order written."""
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{what} must be a mapping of terms to one-line explanations")
            return None
        out: list[tuple[str, str]] = []
        for key, value in node.value:
            term = self.text(key, f"{what}: a term")
            if term is None:
                continue
            explained = self.text(value, f"{what} {term!r}")
            if explained is not None and "\n" in explained:
                self.fail(value, f"{what} {term!r} must be one line")
            elif explained is not None:
                out.append((term, explained))
        return tuple(out)

    def language(self, node: yaml.Node, what: str) -> str | None:
        tag = self.text(node, what)
        if tag is not None and not LANGUAGE_TAG.match(tag):
            self.fail(node, f"{what} must be a language tag such as fr or en, not {tag!r}")
            return None
        return tag

    def card(self, node: yaml.Node, number: int, deck_vote: VoteSpec) -> Card | None:
        what = f"card {number}"
        fields = self.mapping(node, what, CARD_KEYS)
        if fields is None:
            return None
        card_id = self.required(fields, node, "id", what, self.text)
        if card_id is not None and not CARD_ID.match(card_id):
            self.fail(
                fields["id"],
                f"{what} id {card_id!r} must be lowercase letters, digits and '-' "
                f"(for example {slug(card_id)!r})",
            )
            card_id = None
        if card_id is not None:
            self.card_ids.append((number, card_id, node))
        title = self.required(fields, node, "title", what, self.text)
        summary = self.required(fields, node, "summary", what, self.text)
        first: Side = self.optional(fields, "first", what, self.side) or "for"
        arguments = self.optional(fields, "arguments", what, self.arguments) or ()
        objections = self.optional(fields, "objections", what, self.objections) or ()
        questions = self.optional(fields, "questions", what, self.texts) or ()
        sources = self.optional(fields, "sources", what, self.sources) or ()
        vote = deck_vote
        if "vote" in fields:
            vote = self.vote(fields["vote"], f"{what}'s vote", deck_vote) or deck_vote
        if card_id is None or title is None or summary is None:
            return None
        return Card(
            number,
            card_id,
            title,
            summary,
            arguments,
            objections,
            questions,
            sources,
            vote,
            first,
            where(node)[0],
        )

    def side(self, node: yaml.Node, what: str) -> Side | None:
        value = self.text(node, what)
        for side in SIDES:
            if value == side:
                return side
        if value is not None:
            self.fail(node, f"{what} {value!r} is not one of {', '.join(SIDES)}")
        return None

    def unique_ids(self) -> None:
        first: dict[str, int] = {}
        for number, card_id, node in self.card_ids:
            if card_id in first:
                self.fail(
                    node, f"card {number} repeats the id {card_id!r} of card {first[card_id]}"
                )
            else:
                first[card_id] = number

    def arguments(self, node: yaml.Node, what: str) -> tuple[Argument, ...]:
        return self.records(node, what, lambda item, label: self.item(item, label, Argument))

    def objections(self, node: yaml.Node, what: str) -> tuple[Objection, ...]:
        return self.records(node, what, lambda item, label: self.item(item, label, Objection))

    def item(self, node: yaml.Node, what: str, kind: type[ItemT]) -> ItemT | None:
        """An argument or an objection: both sides are written, and answered, alike."""
        fields = self.mapping(node, what, ITEM_KEYS)
        if fields is None:
            return None
        text = self.required(fields, node, "text", what, self.text)
        source = self.optional(fields, "source", what, self.text)
        by = self.optional(fields, "by", what, self.text)
        response = self.optional(fields, "response", what, self.text)
        return kind(text, source, response, by) if text else None

    def sources(self, node: yaml.Node, what: str) -> tuple[Source, ...]:
        return self.documents(node, what, SOURCE_KEYS)

    def references(self, node: yaml.Node, what: str) -> tuple[Source, ...]:
        return self.documents(node, what, REFERENCE_KEYS)

    def documents(self, node: yaml.Node, what: str, keys: tuple[str, ...]) -> tuple[Source, ...]:
        """A card's sources, or the deck's references (which may also carry a note)."""

        def build(item: yaml.Node, label: str) -> Source | None:
            fields = self.mapping(item, label, keys)
            if fields is None:
                return None
            title = self.required(fields, item, "title", label, self.text)
            url = self.optional(fields, "url", label, self.text)
            note = self.optional(fields, "note", label, self.text)
            return Source(title, url, note) if title else None

        return self.records(node, what, build)

    def vote(self, node: yaml.Node, what: str, inherited: VoteSpec) -> VoteSpec | None:
        fields = self.mapping(node, what, VOTE_KEYS)
        if fields is None:
            return None
        before = len(self.problems)
        spec = inherited
        if "method" in fields:
            method = self.choice(fields["method"], f"{what} 'method'", Method)
            if method is not None and method is not inherited.method:
                # The deck's grades belong to its method; the rule, choices and ungraded
                # policy are inherited like any key the card does not write.
                spec = replace(inherited, method=method, grades=())
        if "rule" in fields:
            rule = self.choice(fields["rule"], f"{what} 'rule'", Rule)
            spec = replace(spec, rule=rule) if rule else spec
        if "ungraded" in fields:
            ungraded = self.choice(fields["ungraded"], f"{what} 'ungraded'", Ungraded)
            spec = replace(spec, ungraded=ungraded) if ungraded else spec
        if "choices" in fields:
            choices = self.texts(fields["choices"], f"{what} 'choices'")
            if choices is not None and len(choices) != 3:
                self.fail(
                    fields["choices"],
                    f"{what} 'choices' needs exactly 3 labels: for, against, abstain",
                )
            elif choices is not None:
                spec = replace(spec, choices=choices)
        if "grades" in fields:
            grades = self.texts(fields["grades"], f"{what} 'grades'")
            if grades is not None and len(grades) < 2:
                self.fail(fields["grades"], f"{what} 'grades' needs at least 2 grades, best first")
            elif grades is not None:
                spec = replace(spec, grades=grades)
        if (
            spec.method is Method.MAJORITY_JUDGMENT
            and not spec.grades
            and len(self.problems) == before
        ):
            self.fail(node, f"{what}: majority-judgment needs 'grades:' (best grade first)")
        if spec.method is Method.FOR_AGAINST_ABSTAIN and "grades" in fields:
            self.fail(
                fields["grades"], f"{what}: 'grades' only applies to method: majority-judgment"
            )
        twice = [label for i, label in enumerate(spec.labels) if label in spec.labels[:i]]
        if twice:
            key = "grades" if spec.method is Method.MAJORITY_JUDGMENT else "choices"
            self.fail(
                fields.get(key, node), f"{what} '{key}' must all differ: {twice[0]!r} is repeated"
            )
        return spec if len(self.problems) == before else None

    def choice(self, node: yaml.Node, what: str, allowed: type[T]) -> T | None:
        value = self.text(node, what)
        if value is None:
            return None
        names = [m.value for m in allowed]  # type: ignore[attr-defined]
        if value not in names:
            hint = difflib.get_close_matches(value, names, n=1)
            also = f"; did you mean {hint[0]!r}?" if hint else ""
            self.fail(node, f"{what} {value!r} is not one of {', '.join(names)}{also}")
            return None
        return allowed(value)  # type: ignore[call-arg]


def unknown_key(name: object, what: str, known: tuple[str, ...]) -> str:
    if not isinstance(name, str):
        return f"{what}: keys must be plain words ({', '.join(known)})"
    hint = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if hint:
        return f"unknown key {name!r} in {what}; did you mean {hint[0]!r}?"
    return f"unknown key {name!r} in {what}; known keys: {', '.join(known)}"


def kind(node: yaml.Node) -> str:
    return "list" if isinstance(node, yaml.SequenceNode) else "mapping"
