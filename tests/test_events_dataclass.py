"""The events behave as the frozen, keyword-only dataclasses mypy checks them as.

debate.record.events writes their methods once, in Event, rather than letting the
dataclass machinery compile six per class at import. Each event is compared here with
the dataclass Python would have made from the same fields.
"""

from __future__ import annotations

import dataclasses
import pickle
from typing import Any

import pytest

from debate.record import events
from debate.record.events import EVENT_TYPES, Event
from debate.vocabulary import Round

SAMPLE: dict[str, Any] = {
    "at": "2026-12-03T10:00:00+01:00",
    "card": "c1",
    "round": Round.FINAL,
    "labels": ("pour", "contre"),
    "counts": (3, 4),
}


def reference(cls: type[Event]) -> Any:
    """What `@dataclass(frozen=True, kw_only=True)` makes of the same fields."""
    specs = []
    for f in dataclasses.fields(cls):
        extra: dict[str, Any] = {}
        if f.default is not dataclasses.MISSING:
            extra["default"] = f.default
        if f.default_factory is not dataclasses.MISSING:
            extra["default_factory"] = f.default_factory
        specs.append((f.name, f.type, dataclasses.field(**extra)))
    made = dataclasses.make_dataclass(cls.__name__, specs, frozen=True, kw_only=True)
    made.__qualname__ = cls.__qualname__
    return made


def values(cls: type[Event]) -> dict[str, Any]:
    """Every field given: a sample value of its type."""
    given: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name in SAMPLE:
            given[f.name] = SAMPLE[f.name]
        else:
            given[f.name] = {"int": 2, "bool": True}.get(str(f.type), f"{f.name}-text")
    return given


def required(cls: type[Event]) -> dict[str, Any]:
    """Only the fields without a default."""
    return {
        f.name: value
        for f, value in zip(dataclasses.fields(cls), values(cls).values(), strict=True)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }


@pytest.mark.parametrize("cls", list(EVENT_TYPES.values()), ids=list(EVENT_TYPES))
def test_an_event_behaves_as_its_dataclass(cls: type[Event]) -> None:
    ref = reference(cls)
    event, twin = cls(**values(cls)), ref(**values(cls))
    assert dataclasses.is_dataclass(event)
    assert repr(event) == repr(twin)
    assert hash(event) == hash(twin)
    assert event == cls(**values(cls))
    assert (event != cls(**values(cls))) is False
    assert event != twin  # another class: not equal, as between two dataclasses
    assert dataclasses.asdict(event) == dataclasses.asdict(twin)
    assert event.__match_args__ == twin.__match_args__ == ()
    assert pickle.loads(pickle.dumps(event)) == event

    # Defaults and default factories, as the dataclass fills them.
    least, least_twin = cls(**required(cls)), ref(**required(cls))
    assert least.at and least_twin.at
    assert repr(dataclasses.replace(least, at="x")) == repr(dataclasses.replace(least_twin, at="x"))

    # Frozen: no field set or deleted, nor any other attribute set.
    for name in ("at", "other"):
        with pytest.raises(dataclasses.FrozenInstanceError) as frozen:
            setattr(event, name, "y")
        with pytest.raises(dataclasses.FrozenInstanceError) as twin_frozen:
            setattr(twin, name, "y")
        assert str(frozen.value) == str(twin_frozen.value)
    with pytest.raises(dataclasses.FrozenInstanceError):
        delattr(event, "at")

    # Keyword-only, every field without a default required, no other field taken.
    with pytest.raises(TypeError):
        cls("2026-12-03T10:00:00+01:00")  # type: ignore[call-arg]
    with pytest.raises(TypeError) as error:
        cls(**values(cls), surplus=1)  # type: ignore[call-arg]
    with pytest.raises(TypeError) as twin_error:
        ref(**values(cls), surplus=1)
    assert str(error.value) == str(twin_error.value)
    if required(cls):
        with pytest.raises(TypeError) as error:
            cls()
        with pytest.raises(TypeError) as twin_error:
            ref()
        assert str(error.value) == str(twin_error.value)


def test_events_of_one_kind_compare_by_value() -> None:
    shown = events.CardShown(at="a", card="c1")
    assert shown == events.CardShown(at="a", card="c1")
    assert shown != events.CardShown(at="a", card="c2")
    assert len({shown, events.CardShown(at="a", card="c1")}) == 1
    assert shown != events.RemarkMade(at="a", card="c1", text="")
