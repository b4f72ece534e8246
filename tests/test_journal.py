"""The journal: real files written and read back; replay equals the live state; a cut at any
byte replays to a prefix; damage in the middle is refused and left untouched."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from debate.record.events import (
    EVENT_TYPES,
    FORMAT,
    AmendmentProposed,
    AttendanceSet,
    CardShown,
    Event,
    RemarkMade,
    Round,
    SessionClosed,
    SessionOpened,
    TimerUsed,
    VoteCorrected,
    VoteRecorded,
    from_json,
)
from debate.record.journal import (
    JournalError,
    marker_for,
    parse_journal,
    read_journal,
    replay_journal,
)
from debate.record.journal_writer import Journal
from debate.record.state import InvalidEvent, SessionState, apply, replay

CARDS = ("jardin-partage", "boite-a-livres", "bancs")
FAA_LABELS = ("Pour", "Contre", "Abstention")
GRADES = ("Très bien", "Bien", "Passable", "À rejeter")
AT = "2026-03-01T20:05:00+01:00"


def opened() -> SessionOpened:
    return SessionOpened(
        at=AT,
        deck_title="Budget participatif 2026",
        deck_path="decks/exemple.yaml",
        deck_digest="0" * 64,
        language="fr",
        place="Salle des fêtes",
        facilitator="Anne « Nanou » Dupré",
    )


def vote(card: str, counts: tuple[int, ...], round_: Round = Round.INDICATIVE) -> VoteRecorded:
    return VoteRecorded(
        at=AT,
        card=card,
        round=round_,
        method="for-against-abstain",
        labels=FAA_LABELS,
        counts=counts,
        rule="majority-of-cast",
    )


# Text that JSON must escape or that is not ASCII: newlines, quotes, backslashes, emoji.
texts = st.text(
    alphabet=st.sampled_from(list('ab é"\\\n\t«»’€🌻')), min_size=1, max_size=30
).filter(lambda t: t.strip() != "")
counts3 = st.tuples(*[st.integers(0, 30)] * 3)
counts4 = st.tuples(*[st.integers(0, 30)] * 4)


@st.composite
def candidate(draw: st.DrawFn) -> Event:
    """An event that may or may not apply; the sequence strategy keeps those that do."""
    card = draw(st.sampled_from(CARDS))
    round_ = draw(st.sampled_from(list(Round)))
    kind = draw(st.integers(0, 8))
    if kind == 0:
        return CardShown(at=AT, card=card)
    if kind == 1:
        return vote(card, draw(counts3), round_)
    if kind == 2:
        return VoteRecorded(
            at=AT,
            card=card,
            round=round_,
            method="majority-judgment",
            labels=GRADES,
            counts=draw(counts4),
            ungraded=draw(st.sampled_from(["refuse", "lowest"])),
        )
    if kind == 3:
        return VoteCorrected(at=AT, card=card, round=round_, counts=draw(counts3))
    if kind == 4:
        return RemarkMade(at=AT, card=card, text=draw(texts))
    if kind == 5:
        return AmendmentProposed(at=AT, card=card, text=draw(texts))
    if kind == 6:
        side = draw(st.sampled_from(["for", "against"]))
        return TimerUsed(at=AT, card=card, side=side, seconds=draw(st.integers(0, 600)))
    if kind == 7:
        return AttendanceSet(at=AT, count=draw(st.integers(0, 60)))
    return SessionClosed(at=AT)


@st.composite
def sessions(draw: st.DrawFn, max_events: int = 25) -> list[Event]:
    """A valid event sequence: session-opened, attendance, then whatever applies."""
    events: list[Event] = [opened(), AttendanceSet(at=AT, count=draw(st.integers(0, 60)))]
    state = replay(events)
    for event in draw(st.lists(candidate(), max_size=max_events)):
        try:
            state = apply(state, event)
        except InvalidEvent:
            continue
        events.append(event)
    return events


# Real files, in memory when the system offers it: an fsync per append on a disk would make
# hundreds of examples slow without testing anything more (fsync cannot be observed).
SHM = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None


@contextmanager
def scratch() -> Iterator[Path]:
    """A fresh folder per hypothesis example (pytest's tmp_path is one per test)."""
    with tempfile.TemporaryDirectory(dir=SHM) as folder:
        yield Path(folder)


def write(path: Path, events: list[Event]) -> bytes:
    journal = Journal.create(path)
    for event in events:
        journal.append(event)
    return path.read_bytes()


def complete_lines(data: bytes) -> int:
    return data.count(b"\n")


# -- replay ---------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(sessions())
def test_replay_of_the_journal_equals_the_live_state(events: list[Event]) -> None:
    with scratch() as folder:
        path = folder / "s.jsonl"
        live = SessionState()
        journal = Journal.create(path)
        for event in events:
            live = apply(live, event)
            journal.append(event)
        read, warnings = read_journal(path)
        assert read == events
        assert warnings == []
        assert replay(read) == live
        assert replay_journal(path).state == live
        # One line per event, each ending with a newline.
        assert path.read_bytes().count(b"\n") == len(events)


def test_a_line_is_one_json_object_and_non_ascii_stays_readable(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    write(path, [opened(), RemarkMade(at=AT, card="bancs", text="ok")])
    data = path.read_bytes()
    assert data.endswith(b"\n")
    assert "Salle des fêtes".encode() in data  # not \u00ea escapes: greppable by a human
    assert data.splitlines()[1] == b'{"type": "remark", "at": "' + AT.encode() + (
        b'", "card": "bancs", "text": "ok"}'
    )


# -- cuts at any byte -----------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(sessions(max_events=8), st.data())
def test_a_journal_cut_at_any_byte_replays_to_a_prefix(
    events: list[Event], data: st.DataObject
) -> None:
    with scratch() as folder:
        full = write(folder / "full.jsonl", events)
        cut = data.draw(st.integers(0, len(full)), label="cut")
        path = folder / "cut.jsonl"
        path.write_bytes(full[:cut])
        read, warnings = read_journal(path)
        assert read == events[: complete_lines(full[:cut])]
        mid_line = cut > 0 and full[cut - 1] != ord("\n")
        assert len(warnings) == (1 if mid_line else 0)
        if mid_line:
            assert f"{path}:{len(read) + 1}:" in warnings[0]
        assert path.read_bytes() == full[:cut]  # reading never touches the file


@settings(max_examples=60, deadline=None)
@given(sessions(max_events=6), sessions(max_events=4), st.data())
def test_appending_after_a_torn_line_keeps_every_byte_and_survives_another_cut(
    events: list[Event], more: list[Event], data: st.DataObject
) -> None:
    """A power cut, a restart that appends, then another power cut anywhere: the journal
    always reads, nothing before the first cut changes, and events come back in order."""
    with scratch() as folder:
        full = write(folder / "full.jsonl", events)
        # Cuts anywhere, and often just before a newline: a whole event without its end.
        newlines = [i for i, byte in enumerate(full) if byte == ord("\n")]
        cut = data.draw(
            st.one_of(st.integers(0, len(full)), st.sampled_from(newlines)), label="first cut"
        )
        path = folder / "s.jsonl"
        path.write_bytes(full[:cut])
        journal, replayed = Journal.open(path)
        kept = list(replayed.events)
        # Events that follow the kept ones: the continuation of a real session.
        state = replayed.state
        appended: list[Event] = []
        for event in (opened(), *more[1:]):
            try:
                state = apply(state, event)
            except InvalidEvent:
                continue
            journal.append(event)
            appended.append(event)
        after = path.read_bytes()
        assert after.startswith(full[:cut])  # nothing recorded is overwritten
        read, warnings = read_journal(path)
        assert read == kept + appended
        mid_line = cut > 0 and full[cut - 1] != ord("\n")
        assert bool(warnings) == mid_line
        # The second power cut, anywhere in what the restart wrote.
        # Often within the first bytes the restart wrote: the repair itself cut short.
        second = data.draw(
            st.one_of(st.integers(cut, len(after)), st.integers(cut, min(cut + 3, len(after)))),
            label="second cut",
        )
        path.write_bytes(after[:second])
        read2, _ = read_journal(path)
        assert read2 == (kept + appended)[: len(read2)]
        assert len(read2) >= len(kept)


def test_a_torn_line_is_acknowledged_by_a_marker_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    good = write(path, [opened(), AttendanceSet(at=AT, count=30)])
    torn = b'{"type": "vote-recorded", "card": "ja'
    path.write_bytes(good + torn)
    journal, replayed = Journal.open(path)
    assert len(replayed.events) == 2
    journal.append(CardShown(at=AT, card="bancs"))
    lines = path.read_bytes().split(b"\n")
    assert lines[2] == torn + b"~"  # closed, so it can never parse as an event
    assert lines[3] == marker_for(3, torn + b"~")
    assert lines[3].startswith(b'["torn-line", {"line": 3, "bytes": 38, "sha256": "')
    assert hashlib.sha256(torn + b"~").hexdigest().encode() in lines[3]
    events, warnings = read_journal(path)
    assert [e.kind for e in events] == ["session-opened", "attendance-set", "card-shown"]
    assert len(warnings) == 1 and f"{path}:3:" in warnings[0]


def test_a_complete_line_without_its_newline_is_torn_too(tmp_path: Path) -> None:
    """A line counts once its newline is on disk: its append never returned."""
    path = tmp_path / "s.jsonl"
    good = write(path, [opened()])
    path.write_bytes(good + AttendanceSet(at=AT, count=3).to_json().encode())
    events, warnings = read_journal(path)
    assert events == [opened()]
    assert len(warnings) == 1


def test_a_torn_multibyte_character_is_a_torn_line(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    good = write(path, [opened()])
    line = RemarkMade(at=AT, card="x", text="été").to_json().encode()
    path.write_bytes(good + line[: line.index("é".encode()) + 1])  # half of 'é'
    events, warnings = read_journal(path)
    assert events == [opened()] and len(warnings) == 1


# -- damage ---------------------------------------------------------------------------------


def damaged(tmp_path: Path, line_no: int, replacement: bytes) -> Path:
    path = tmp_path / "d.jsonl"
    data = write(
        path,
        [
            opened(),
            AttendanceSet(at=AT, count=30),
            vote("bancs", (10, 5, 1)),
            CardShown(at=AT, card="x"),
        ],
    )
    lines = data.split(b"\n")
    lines[line_no - 1] = replacement
    path.write_bytes(b"\n".join(lines))
    return path


@pytest.mark.parametrize(
    ("line_no", "replacement", "says"),
    [
        (2, b'{"type": "attendance-set", "at": "x", "cou', "not valid JSON"),
        (3, b"", "not valid JSON"),
        (2, b'{"type": "coffee-break", "at": "x"}', "not an event (unknown event type)"),
        (3, b'["not", "an", "object"]', "not an event"),
        (2, b"\xff\xfe garbage", "not UTF-8"),
        # A vote over the attendance: valid JSON, but the state refuses it.
        (3, vote("bancs", (99, 0, 0)).to_json().encode(), "cannot follow the ones before it"),
        # A marker whose hash does not match the line before it is damage, not an excuse.
        (3, b'["torn-line", {"line": 2, "bytes": 1, "sha256": "00"}]', "not an event"),
        # The last line is valid JSON with a newline: a power cut cannot make that.
        (4, b'{"type": "from-the-future", "at": "x"}', "unknown event type"),
    ],
)
def test_damage_raises_a_one_line_error_and_leaves_the_file_untouched(
    tmp_path: Path, line_no: int, replacement: bytes, says: str
) -> None:
    path = damaged(tmp_path, line_no, replacement)
    before = path.read_bytes()
    with pytest.raises(JournalError) as caught:
        read_journal(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line_no}: ")
    assert says in message
    assert "\n" not in message
    with pytest.raises(JournalError):
        Journal.open(path)
    assert path.read_bytes() == before


@settings(max_examples=40, deadline=None)
@given(sessions(max_events=6), st.data())
def test_a_damaged_middle_line_is_refused_whatever_the_damage(
    events: list[Event], data: st.DataObject
) -> None:
    with scratch() as folder:
        path = folder / "s.jsonl"
        lines = write(path, events).split(b"\n")[:-1]
        index = data.draw(st.integers(0, len(lines) - 2), label="line")
        # Cut the line short, as a torn write would, but leave valid lines after it.
        lines[index] = lines[index][: data.draw(st.integers(0, len(lines[index]) - 1))]
        path.write_bytes(b"\n".join(lines) + b"\n")
        before = path.read_bytes()
        with pytest.raises(JournalError, match=rf"^{path}:{index + 1}: "):
            read_journal(path)
        assert path.read_bytes() == before


def test_a_journal_from_a_newer_debate_says_so(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    newer = FORMAT + 1
    line = (
        opened()
        .to_json()
        .replace(f'"format": {opened().format}', f'"format": {newer}, "quorum": 10')
    )
    path.write_text(line + "\n")
    with pytest.raises(
        JournalError, match=rf":1: written by a newer debate \(journal format {newer};"
    ):
        read_journal(path)


def test_an_unreadable_journal_is_named(tmp_path: Path) -> None:
    with pytest.raises(JournalError, match=r"missing\.jsonl: cannot read"):
        read_journal(tmp_path / "missing.jsonl")


def test_create_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    data = write(path, [opened()])
    with pytest.raises(FileExistsError):
        Journal.create(path)
    assert path.read_bytes() == data


def test_append_never_recreates_a_journal_deleted_behind_its_back(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    journal = Journal.create(path)
    journal.append(opened())
    path.unlink()
    with pytest.raises(FileNotFoundError):
        journal.append(AttendanceSet(at=AT, count=3))
    assert not path.exists()


def test_parse_accepts_only_the_shapes_a_power_cut_leaves() -> None:
    one = opened().to_json().encode()
    torn = b'{"type": "rem'
    marker = marker_for(2, torn)
    # Torn line acknowledged, then its marker itself cut, then acknowledged in turn.
    cut_marker = marker[:20]
    text = one + b"\n" + torn + b"\n" + cut_marker + b"\n" + marker_for(3, cut_marker) + b"\n"
    assert len(parse_journal(text, "j").events) == 1
    assert len(parse_journal(text, "j").warnings) == 2
    # The same cut marker with nothing acknowledging it, in the middle: damage.
    with pytest.raises(JournalError, match=r"^j:2: "):
        parse_journal(one + b"\n" + torn + b"\n" + cut_marker + b"\n" + one + b"\n", "j")
    # A torn event that starts like a marker cannot hide the valid line before it.
    shown = CardShown(at=AT, card="x").to_json().encode()
    assert parse_journal(one + b"\n" + shown + b"\n" + b'{"type": "t', "j").events[1:] == (
        CardShown(at=AT, card="x"),
    )


def test_every_double_cut_around_a_restart_reads_back_to_a_prefix(tmp_path: Path) -> None:
    """A cut in the last line (at its first bytes, its middle, just before its newline), a
    restart that appends, then a second cut at each byte of what the restart wrote."""
    events: list[Event] = [opened(), AttendanceSet(at=AT, count=9), CardShown(at=AT, card="x")]
    full = write(tmp_path / "full.jsonl", events)
    start = full.rindex(b"\n", 0, len(full) - 1) + 1
    end = len(full) - 1  # the last newline: a cut there leaves a whole event without it
    for cut in (start + 1, start + 2, (start + end) // 2, end - 1, end):
        path = tmp_path / f"cut{cut}.jsonl"
        path.write_bytes(full[:cut])
        journal, replayed = Journal.open(path)
        assert list(replayed.events) == events[:2]
        later = [RemarkMade(at=AT, card="x", text="après"), CardShown(at=AT, card="y")]
        for event in later:
            journal.append(event)
        after = path.read_bytes()
        assert read_journal(path)[0] == events[:2] + later
        for second in range(cut, len(after) + 1):
            read = list(parse_journal(after[:second], "j").events)
            # Never the torn event back, never anything out of order.
            assert read == (events[:2] + later)[: len(read)], (cut, second)


def test_the_documented_examples_are_what_debate_writes_and_reads() -> None:
    """docs/session-format.md: every example event line parses; the torn-line example's
    marker is the one debate computes."""
    doc = (Path(__file__).resolve().parent.parent / "docs" / "session-format.md").read_text()
    blocks = [b.split("```", 1)[0] for b in doc.split("```json\n")[1:]]
    examples = [line for block in blocks for line in block.splitlines()]
    kinds = {from_json(line).kind for line in examples}
    assert kinds == set(EVENT_TYPES)
    torn_example = doc.split("\n```\n{", 1)[1].split("\n```", 1)[0].splitlines()
    torn_example[0] = "{" + torn_example[0]
    torn, marker, after = (line.encode() for line in torn_example)
    assert marker == marker_for(7, torn)
    assert from_json(after.decode()).kind == "remark"
