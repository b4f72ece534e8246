"""Check a deck's node tree against the format (docs/deck-format.md) and build the model.

Every problem is collected with its line and column, so a deck writer fixes them all in
one pass instead of one per run. The shapes (a mapping, a list, a text) are read by
node_reader.py; the keys allowed at each level are in format_keys.py.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

import yaml

from debate.deck.errors import listed
from debate.deck.format_keys import (
    CARD_KEYS,
    DECK_KEYS,
    ITEM_KEYS,
    REFERENCE_KEYS,
    SIDES,
    SOURCE_KEYS,
    VOTE_KEYS,
    default_choices,
)
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
from debate.deck.node_reader import NodeReader, key_of
from debate.deck.rules import CARD_ID, LANGUAGE_TAG
from debate.deck.yamlsafe import where
from debate.error_words import Error
from debate.textutil import slug
from debate.told import Phrase
from debate.vocabulary import Method, Rule, Ungraded

ItemT = TypeVar("ItemT", bound=Item)


class Checker(NodeReader):
    """Walks one deck's nodes; `problems` holds what is wrong, in file order once sorted."""

    def __init__(self) -> None:
        super().__init__()
        # (card number, id, card node) of every card with a valid id, built or not: a
        # repeated id is reported even on a card with other problems.
        self.card_ids: list[tuple[int, str, yaml.Node]] = []

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
