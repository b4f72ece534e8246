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

from debate.deck.errors import Problem, listed
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
from debate.error_words import Error
from debate.textutil import slug
from debate.told import Phrase
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

    # -- the format -----------------------------------------------------------

    def deck(self, root: yaml.Node, path: str, digest: str) -> Deck | None:
        the_deck = Phrase(Error.THE_DECK)
        fields = self.mapping(root, the_deck, DECK_KEYS)
        if fields is None:
            return None
        title = self.required(fields, root, "title", the_deck, self.text)
        language = self.required(fields, root, "language", the_deck, self.language)
        description = self.optional(fields, "description", the_deck, self.text)
        source = self.optional(fields, "source", the_deck, self.text)
        glossary = self.optional(fields, "glossary", the_deck, self.glossary) or ()
        references = self.optional(fields, "references", the_deck, self.references) or ()
        base = VoteSpec(choices=default_choices(language or "en"))
        vote = base
        if "vote" in fields:
            vote = self.vote(fields["vote"], Phrase(Error.DECK_VOTE), base) or base
        cards: tuple[Card, ...] = ()
        if "cards" not in fields:
            self.fail(root, Error.CARDS_MISSING)
        else:
            items = self.sequence(fields["cards"], Phrase(Error.CARDS_KEY))
            if items is not None and not items:
                self.fail(fields["cards"], Error.CARDS_EMPTY)
            built = [self.card(item, n, vote) for n, item in enumerate(items or [], 1)]
            cards = tuple(c for c in built if c is not None)
            self.unique_ids()
        if title is None or language is None or self.problems:
            return None
        return Deck(
            title, language, cards, vote, description, source, path, digest, glossary, references
        )

    def glossary(self, node: yaml.Node, what: Phrase) -> tuple[tuple[str, str], ...] | None:
        """Terms mapped to one-line explanations, in the order written."""
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, Error.GLOSSARY_NOT_MAPPING, what=what)
            return None
        out: list[tuple[str, str]] = []
        for key, value in node.value:
            term = self.text(key, Phrase(Error.A_TERM, what=what))
            if term is None:
                continue
            explained_what = Phrase(Error.WHAT_TERM, what=what, term=term)
            explained = self.text(value, explained_what)
            if explained is not None and "\n" in explained:
                self.fail(value, Error.NOT_ONE_LINE, what=explained_what)
            elif explained is not None:
                out.append((term, explained))
        return tuple(out)

    def language(self, node: yaml.Node, what: Phrase) -> str | None:
        tag = self.text(node, what)
        if tag is not None and not LANGUAGE_TAG.match(tag):
            self.fail(node, Error.BAD_LANGUAGE, what=what, tag=tag)
            return None
        return tag

    def card(self, node: yaml.Node, number: int, deck_vote: VoteSpec) -> Card | None:
        what = Phrase(Error.CARD_N, n=number)
        fields = self.mapping(node, what, CARD_KEYS)
        if fields is None:
            return None
        card_id = self.required(fields, node, "id", what, self.text)
        if card_id is not None and not CARD_ID.match(card_id):
            self.fail(fields["id"], Error.BAD_CARD_ID, what=what, id=card_id, example=slug(card_id))
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
            vote = (
                self.vote(fields["vote"], Phrase(Error.CARD_VOTE, what=what), deck_vote)
                or deck_vote
            )
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

    def side(self, node: yaml.Node, what: Phrase) -> Side | None:
        value = self.text(node, what)
        for side in SIDES:
            if value == side:
                return side
        if value is not None:
            self.fail(node, Error.NOT_ONE_OF, what=what, value=value, names=listed(SIDES))
        return None

    def unique_ids(self) -> None:
        first: dict[str, int] = {}
        for number, card_id, node in self.card_ids:
            if card_id in first:
                self.fail(node, Error.REPEATED_ID, n=number, id=card_id, first=first[card_id])
            else:
                first[card_id] = number

    def arguments(self, node: yaml.Node, what: Phrase) -> tuple[Argument, ...]:
        return self.records(node, what, lambda item, label: self.item(item, label, Argument))

    def objections(self, node: yaml.Node, what: Phrase) -> tuple[Objection, ...]:
        return self.records(node, what, lambda item, label: self.item(item, label, Objection))

    def item(self, node: yaml.Node, what: Phrase, kind: type[ItemT]) -> ItemT | None:
        """An argument or an objection: both sides are written, and answered, alike."""
        fields = self.mapping(node, what, ITEM_KEYS)
        if fields is None:
            return None
        text = self.required(fields, node, "text", what, self.text)
        source = self.optional(fields, "source", what, self.text)
        by = self.optional(fields, "by", what, self.text)
        response = self.optional(fields, "response", what, self.text)
        return kind(text, source, response, by) if text else None

    def sources(self, node: yaml.Node, what: Phrase) -> tuple[Source, ...]:
        return self.documents(node, what, SOURCE_KEYS)

    def references(self, node: yaml.Node, what: Phrase) -> tuple[Source, ...]:
        return self.documents(node, what, REFERENCE_KEYS)

    def documents(self, node: yaml.Node, what: Phrase, keys: tuple[str, ...]) -> tuple[Source, ...]:
        """A card's sources, or the deck's references (which may also carry a note)."""

        def build(item: yaml.Node, label: Phrase) -> Source | None:
            fields = self.mapping(item, label, keys)
            if fields is None:
                return None
            title = self.required(fields, item, "title", label, self.text)
            url = self.optional(fields, "url", label, self.text)
            note = self.optional(fields, "note", label, self.text)
            return Source(title, url, note) if title else None

        return self.records(node, what, build)

    def vote(self, node: yaml.Node, what: Phrase, inherited: VoteSpec) -> VoteSpec | None:
        fields = self.mapping(node, what, VOTE_KEYS)
        if fields is None:
            return None
        before = len(self.problems)
        spec = inherited
        if "method" in fields:
            method = self.choice(fields["method"], key_of(what, "method"), Method)
            if method is not None and method is not inherited.method:
                # The deck's grades belong to its method; the rule, choices and ungraded
                # policy are inherited like any key the card does not write.
                spec = replace(inherited, method=method, grades=())
        if "rule" in fields:
            rule = self.choice(fields["rule"], key_of(what, "rule"), Rule)
            spec = replace(spec, rule=rule) if rule else spec
        if "ungraded" in fields:
            ungraded = self.choice(fields["ungraded"], key_of(what, "ungraded"), Ungraded)
            spec = replace(spec, ungraded=ungraded) if ungraded else spec
        if "choices" in fields:
            choices = self.texts(fields["choices"], key_of(what, "choices"))
            if choices is not None and len(choices) != 3:
                self.fail(fields["choices"], Error.THREE_LABELS, what=key_of(what, "choices"))
            elif choices is not None:
                spec = replace(spec, choices=choices)
        if "grades" in fields:
            grades = self.texts(fields["grades"], key_of(what, "grades"))
            if grades is not None and len(grades) < 2:
                self.fail(fields["grades"], Error.TWO_GRADES, what=key_of(what, "grades"))
            elif grades is not None:
                spec = replace(spec, grades=grades)
        if (
            spec.method is Method.MAJORITY_JUDGMENT
            and not spec.grades
            and len(self.problems) == before
        ):
            self.fail(node, Error.MJ_NEEDS_GRADES, what=what)
        if spec.method is Method.FOR_AGAINST_ABSTAIN and "grades" in fields:
            self.fail(fields["grades"], Error.GRADES_ONLY_MJ, what=what)
        twice = [label for i, label in enumerate(spec.labels) if label in spec.labels[:i]]
        if twice:
            key = "grades" if spec.method is Method.MAJORITY_JUDGMENT else "choices"
            self.fail(
                fields.get(key, node), Error.LABELS_REPEATED, what=key_of(what, key), label=twice[0]
            )
        return spec if len(self.problems) == before else None

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
