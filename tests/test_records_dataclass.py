"""Every `@record(frozen=True)` class behaves as the frozen dataclass mypy checks it as.

debate/records.py writes their methods once rather than letting the dataclass machinery
compile six per class at import. Each class (the deck's, the record's, the meeting's and
the screens' value classes) is compared here with the dataclass Python makes from the
same fields: values, repr, equality, hash, replace, pickling, the frozen errors and the
TypeErrors of a wrong call, in the same words. The events, keyword-only, have their own
comparison (tests/test_events_dataclass.py).
"""

from __future__ import annotations

import dataclasses
import importlib
import pickle
from collections.abc import Callable
from typing import Any

import pytest

MODULES = [
    "debate.deck.model",
    "debate.deck.errors",
    "debate.record.state",
    "debate.record.tally",
    "debate.record.majority",
    "debate.record.catalog",
    "debate.record.journal",
    "debate.record.journal_glance",
    "debate.meeting.slide",
    "debate.meeting.options",
    "debate.meeting.meeting",
    "debate.meeting.follow",
    "debate.presenter",
    "debate.tui.render",
    "debate.tui.keys",
]


def records() -> list[type]:
    """The positional records of those modules (the events are keyword-only)."""
    found = []
    for name in MODULES:
        for value in vars(importlib.import_module(name)).values():
            own = vars(value) if isinstance(value, type) else {}
            if own.get("__module__") == name and own.get("__record_positional__"):
                found.append(value)
    return found


RECORDS = records()


def test_the_classes_are_found() -> None:
    names = {cls.__qualname__ for cls in RECORDS}
    assert {"Card", "Deck", "Vote", "SessionState", "Counts", "Merit", "Slide"} <= names
    assert len(RECORDS) >= 30


def reference(cls: type) -> Any:
    """What `@dataclass(frozen=True)` makes of the same fields (and __post_init__)."""
    specs = []
    for f in dataclasses.fields(cls):
        extra: dict[str, Any] = {"compare": f.compare, "repr": f.repr, "hash": f.hash}
        if f.default is not dataclasses.MISSING:
            extra["default"] = f.default
        if f.default_factory is not dataclasses.MISSING:
            extra["default_factory"] = f.default_factory
        specs.append((f.name, f.type, dataclasses.field(**extra)))
    namespace = {}
    if "__post_init__" in dir(cls):
        namespace["__post_init__"] = cls.__post_init__  # type: ignore[attr-defined]
    made = dataclasses.make_dataclass(cls.__name__, specs, frozen=True, namespace=namespace)
    made.__qualname__ = cls.__qualname__
    return made


def sample(f: dataclasses.Field[Any]) -> Any:
    kind = str(f.type)
    if kind.startswith(("tuple", "Sequence")):
        return (2, 3)
    if kind.startswith(("Mapping", "dict")):
        return frozenset({("k", 1)})  # hashable, so that the hashes compare
    if kind == "bool":
        return True
    if kind in ("int", "int | None"):
        return 2
    if kind == "float":
        return 1.5
    return f"{f.name}-text"


def outcome(call: Callable[[], Any]) -> tuple[str, Any]:
    """What a call gives or raises, to compare two classes' behaviour."""
    try:
        return ("value", call())
    except Exception as exc:
        return (type(exc).__name__, str(exc))


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__qualname__)
def test_a_record_behaves_as_its_dataclass(cls: type) -> None:
    ref = reference(cls)
    listed = dataclasses.fields(cls)
    given = [sample(f) for f in listed]
    one, twin = cls(*given), ref(*given)
    assert dataclasses.is_dataclass(one)
    assert one.__match_args__ == twin.__match_args__  # type: ignore[attr-defined]
    assert repr(one) == repr(twin)
    assert outcome(lambda: hash(one)) == outcome(lambda: hash(twin))
    assert one == cls(*given)
    assert (one != cls(*given)) is False
    assert one != twin  # another class: not equal, as between two dataclasses
    by_name = {f.name: v for f, v in zip(listed, given, strict=True)}
    assert repr(cls(**by_name)) == repr(one)
    assert pickle.loads(pickle.dumps(one)) == one
    # A field left out of comparison (compare=False) changes neither equality nor hash.
    for f in listed:
        change = {f.name: "changed"}
        other = outcome(lambda: dataclasses.replace(one, **change))  # noqa: B023
        other_twin = outcome(lambda: dataclasses.replace(twin, **change))  # noqa: B023
        if other[0] != "value":  # refused by __post_init__: by both, in the same words
            assert other == other_twin, f.name
            continue
        assert (other[1] == one) == (other_twin[1] == twin), f.name
        assert repr(other[1]) == repr(other_twin[1])
    # Defaults and default factories, as the dataclass fills them.
    required = [v for f, v in zip(listed, given, strict=True) if _required(f)]
    assert outcome(lambda: repr(cls(*required))) == outcome(lambda: repr(ref(*required)))
    # Frozen: no field set or deleted, nor any other attribute set.
    for name in (listed[0].name, "other"):
        set_one = outcome(lambda: setattr(one, name, 1))  # noqa: B023
        assert set_one == outcome(lambda: setattr(twin, name, 1))  # noqa: B023
    assert outcome(lambda: delattr(one, listed[0].name)) == outcome(
        lambda: delattr(twin, listed[0].name)
    )
    # Wrong calls: the same TypeError, in the same words.
    wrong: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
        ((*given, "surplus"), {}),
        (tuple(given), {"surplus": 1}),
        (tuple(given), {listed[0].name: given[0]}),
        ((), {}),
    ]
    for args, kwargs in wrong:
        made = outcome(lambda: repr(cls(*args, **kwargs)))  # noqa: B023
        assert made == outcome(lambda: repr(ref(*args, **kwargs)))  # noqa: B023


def _required(f: dataclasses.Field[Any]) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
