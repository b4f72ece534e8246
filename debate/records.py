"""Frozen dataclasses whose methods are written once, here, for every class.

For each frozen dataclass Python 3.11 writes the source of six methods (`__init__`,
`__repr__`, `__eq__`, `__hash__`, `__setattr__`, `__delattr__`) and compiles each with
its own `exec` at import: a few dozen such classes stand between launching debate and
its first card (docs/benchmarks.md). `@record(frozen=True)` is read by mypy as the
dataclass it names (under TYPE_CHECKING it is `dataclasses.dataclass`); at run time the
dataclass machinery only lists the fields (so `fields`, `replace`, `asdict` and pattern
matching work as ever) and the methods below read that list; `__init__`, which runs for
every instance, is compiled as the dataclass writes it, but only when a class's first
instance is made. They behave as the generated ones do: same values, same errors in the
same words
(tests/test_records_dataclass.py compares every such class with the dataclass Python
makes from the same fields).
"""

from __future__ import annotations

from dataclasses import MISSING, FrozenInstanceError, dataclass, fields
from typing import TYPE_CHECKING, Any

__all__ = ["record"]

if TYPE_CHECKING:
    from dataclasses import dataclass as record
else:

    def record(*, frozen: bool, kw_only: bool = False) -> Any:
        assert frozen, "only frozen records: the methods here refuse every assignment"

        def make(cls: Any) -> Any:
            return _make(cls, kw_only)

        return make


def _make(cls: Any, kw_only: bool) -> Any:
    # Said here, or the dataclass would ask inspect for the signature to write one.
    cls.__doc__ = cls.__doc__ or f"{cls.__name__}(...)"
    own = dict(cls.__dict__)
    cls = dataclass(init=False, repr=False, eq=False, kw_only=kw_only)(cls)
    listed = fields(cls)
    cls.__record_init__ = tuple((f.name, f.default, f.default_factory) for f in listed)
    cls.__record_positional__ = 0 if kw_only else len(listed)
    cls.__record_repr__ = tuple(f.name for f in listed if f.repr)
    cls.__record_compare__ = tuple(f.name for f in listed if f.compare)
    cls.__record_hash__ = tuple(f.name for f in listed if (f.compare if f.hash is None else f.hash))
    methods = {
        "__init__": _init,
        "__repr__": _repr,
        "__eq__": _eq,
        "__setattr__": _setattr,
        "__delattr__": _delattr,
    }
    for name, method in methods.items():
        if name not in own:  # as the dataclass: a method the class writes stays its own
            setattr(cls, name, method)
    # An __eq__ in the class body sets __hash__ to None there: the dataclass then writes
    # its own (frozen and eq); only a __hash__ the class really defines stays.
    if own.get("__hash__") is None:
        cls.__hash__ = _hash
    return cls


def _init(self: Any, *args: Any, **values: Any) -> None:
    """The first instance of a class: its real __init__ is compiled (once, for the classes
    made at all, not for every class imported), put in place, and run."""
    cls = type(self)
    init = _compiled_init(cls)
    cls.__init__ = init
    init(self, *args, **values)


_FACTORY = object()  # a field's default when its default factory is to be called


def _compiled_init(cls: Any) -> Any:
    """The __init__ the dataclass would write for `cls`: the same signature, so that a
    wrong call raises Python's own TypeError, in the dataclass's words."""
    env: dict[str, Any] = {"__record_set__": object.__setattr__, "__record_factory__": _FACTORY}
    params, body = [], []
    for i, (name, default, factory) in enumerate(cls.__record_init__):
        if default is not MISSING:
            env[f"__record_default_{i}__"] = default
            params.append(f"{name}=__record_default_{i}__")
        elif factory is not MISSING:
            env[f"__record_make_{i}__"] = factory
            params.append(f"{name}=__record_factory__")
            body.append(f"if {name} is __record_factory__: {name} = __record_make_{i}__()")
        else:
            params.append(name)
        body.append(f"__record_set__(self, {name!r}, {name})")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    keyword = "*, " if params and not cls.__record_positional__ else ""
    lines = "\n".join(f"    {line}" for line in body or ["pass"])
    source = f"def __init__(self, {keyword}{', '.join(params)}):\n{lines}\n"
    exec(source, env)  # field names from debate's own classes: nothing from a deck or a file
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_repr__)
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is self.__class__:
        names = self.__record_compare__
        return tuple(getattr(self, n) for n in names) == tuple(getattr(other, n) for n in names)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(tuple(getattr(self, name) for name in self.__record_hash__))


def _setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")
