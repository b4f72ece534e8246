"""Every word debate writes, on paper, on the command line and on its screens, in the
languages it speaks (French and English): one catalog.

Keys are English identifiers. Every language's table gives every key: `Words` lists
them, so mypy rejects a table that misses one or adds one, and a literal `t["unknown"]`
anywhere; tests/test_catalog.py checks the same at run time and that every key is read
somewhere. A language debate does not speak gets the English table. Paper's keys come
first, then the screens' (debate/tui); where a screen says a thing shorter than the
minutes (a rule, a source too long for a QR code) its key starts with `scr_`. This
module imports neither Textual nor Rich: `debate check` and the printed minutes read it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, TypedDict, get_args

from debate.words_en import ENGLISH
from debate.words_fr import FRENCH

Lang = Literal["en", "fr"]
LANGS: tuple[Lang, ...] = get_args(Lang)

# The keys of a language's table, one per line so that two branches adding keys merge.
# A key added to (or removed from) the tables goes here too: mypy names any left out.
# (Functional syntax: some keys hold a hyphen, from the vote vocabulary's values.)
Words = TypedDict(
    "Words",
    {
        "card": str,
        "summary": str,
        "arguments": str,
        "objections": str,
        "response": str,
        "glossary": str,
        "references": str,
        "colon": str,
        "questions": str,
        "sources": str,
        "source": str,
        "qr_caption": str,
        "no_source": str,
        "qr_too_long": str,
        "ses_not_saved": str,
        "ses_minutes_not_saved": str,
        "ses_disk_full": str,
        "ses_read_only": str,
        "ses_no_permission": str,
        "ses_gone": str,
        "ses_deck_changed": str,
        "ses_cards_missing": str,
        "min_title": str,
        "min_title_rehearsal": str,
        "rehearsal_name": str,
        "min_colon": str,
        "min_place": str,
        "min_date": str,
        "min_start": str,
        "min_end": str,
        "min_not_closed": str,
        "min_facilitator": str,
        "min_attendance": str,
        "att_one": str,
        "att_many": str,
        "att_range": str,
        "min_proposal": str,
        "min_not_debated": str,
        "min_signatures": str,
        "min_secretary": str,
        "min_name": str,
        "min_signature": str,
        "job_minutes": str,
        "job_handout": str,
        "print_to": str,
        "print_to_default": str,
        "print_minutes_sent": str,
        "print_handout_sent": str,
        "min_deck_missing": str,
        "min_deck_changed": str,
        "min_not_in_deck": str,
        "min_not_voted_card": str,
        "min_no_cards": str,
        "min_round_indicative": str,
        "min_round_final": str,
        "min_round_amendment": str,
        "min_round_final_amended": str,
        "min_amendment_text": str,
        "min_amended": str,
        "min_amended_by": str,
        "min_amended_by_many": str,
        "min_amendment_corrected": str,
        "round_amendment": str,
        "min_at": str,
        "min_rule": str,
        "rule_majority-of-cast": str,
        "rule_two-thirds-of-cast": str,
        "rule_majority-of-present": str,
        "rule_majority-judgment": str,
        "min_of_cast": str,
        "min_of_hands": str,
        "min_of_present": str,
        "min_of_grades": str,
        "min_not_voted": str,
        "min_out_of": str,
        "col_choice": str,
        "col_count": str,
        "col_share": str,
        "min_ungraded": str,
        "min_ungraded_one": str,
        "min_result": str,
        "outcome_adopted": str,
        "outcome_rejected": str,
        "outcome_tie": str,
        "outcome_no-votes": str,
        "outcome_ind_adopted": str,
        "outcome_ind_rejected": str,
        "outcome_ind_tie": str,
        "short_adopted": str,
        "short_rejected": str,
        "short_tie": str,
        "short_ind_adopted": str,
        "short_ind_rejected": str,
        "short_ind_tie": str,
        "short_no-votes": str,
        "short_problem": str,
        "min_majority_grade": str,
        "min_problem": str,
        "min_shift": str,
        "min_share_points": str,
        "min_grade_shift": str,
        "min_spoken": str,
        "min_for": str,
        "min_against": str,
        "min_remarks": str,
        "min_amendments": str,
        "min_corrections": str,
        "min_corrected": str,
        "min_judged_on": str,
        "min_quoted": str,
        "min_note_remark": str,
        "min_note_amendment": str,
        "min_note_edited": str,
        "min_note_withdrawn": str,
        "min_attendance_mended": str,
        "min_reopening": str,
        "min_ranking": str,
        "min_no_ranking": str,
        "rank_grades": str,
        "rank_totals": str,
        "rank_nothing": str,
        "min_table": str,
        "col_card": str,
        "col_round": str,
        "col_for": str,
        "col_against": str,
        "col_abstain": str,
        "col_result": str,
        "round_indicative": str,
        "round_final": str,
        "min_code": str,
        "min_qr": str,
        "min_qr_part": str,
        "min_qr_too_long": str,
        "lang": str,
        "min_percent": str,
        "merge_title": str,
        "merge_title_one": str,
        "merge_meetings": str,
        "merge_rehearsal": str,
        "merge_total": str,
        "merge_not_voted": str,
        "merge_amendments": str,
        "merge_amendment_no_text": str,
        "merge_amended_in_one": str,
        "merge_amended_in": str,
        "merge_all_present": str,
        "merge_different_rules": str,
        "merge_cannot_add": str,
        "col_present": str,
        # The screens' words (debate/tui).
        "for": str,
        "against": str,
        "press_next": str,
        "all_shown": str,
        "votes": str,
        "indicative": str,
        "final": str,
        "no_votes_yet": str,
        "saved": str,
        "rehearsal": str,
        "not_saved": str,
        "attendance": str,
        "setup_title": str,
        "place": str,
        "facilitator": str,
        "setup_keys": str,
        "place_needed": str,
        "attendance_needed": str,
        "resume_title": str,
        "resume_title_rehearsal": str,
        "resume_title_rehearsal_many": str,
        "resume_title_many": str,
        "resume_body": str,
        "resume_body_one": str,
        "resume_keys": str,
        "resume_keys_close": str,
        "resume_close_ask": str,
        "resume_closed": str,
        "resume_not_closed": str,
        "resume_locked": str,
        "resume_held": str,
        "resume_quit": str,
        "reopen_title": str,
        "reopen_body": str,
        "reopen_keys": str,
        "resume_old": str,
        "resume_future": str,
        "resume_undated": str,
        "resume_keys_old": str,
        "vote_title": str,
        "amendment_vote_title": str,
        "amendments_title": str,
        "amendment_voted": str,
        "no_amendment_to_vote": str,
        "vote_keys": str,
        "sum": str,
        "not_voted": str,
        "not_voted_one": str,
        "not_a_number": str,
        "over_attendance": str,
        "mj_total": str,
        "nothing_to_raise": str,
        "recorded": str,
        "discard_counts": str,
        "discard_note": str,
        "corrected": str,
        "said_vote": str,
        "correcting": str,
        "vote_room": str,
        "attendance_title": str,
        "attendance_keys": str,
        "attendance_mending": str,
        "attendance_unchanged": str,
        "results_title": str,
        "no_result": str,
        "all_results_title": str,
        "no_votes_at_all": str,
        "all_results_page": str,
        "shift": str,
        "adopted": str,
        "rejected": str,
        "tie": str,
        "lean_adopted": str,
        "lean_rejected": str,
        "lean_tie": str,
        "indicative_vote": str,
        "final_vote": str,
        "no-votes": str,
        "rule": str,
        "scr_rule_majority-of-cast": str,
        "scr_rule_two-thirds-of-cast": str,
        "scr_rule_majority-of-present": str,
        "median": str,
        "ungraded": str,
        "ungraded_one": str,
        "empty_vote": str,
        "overview_title": str,
        "not_shown": str,
        "debated": str,
        "voted": str,
        "indicative_only": str,
        "notes_title": str,
        "remark": str,
        "amendment": str,
        "notes_keys": str,
        "note_editing": str,
        "note_withdraw_ask": str,
        "remarks": str,
        "amendments": str,
        "qr_title": str,
        "no_url": str,
        "qr_enlarge": str,
        "scr_qr_too_long": str,
        "help_title": str,
        "glossary_title": str,
        "no_glossary": str,
        "references_title": str,
        "glossary_keys": str,
        "quit_title": str,
        "quit_body": str,
        "close_title": str,
        "close_body": str,
        "quit_unsaved": str,
        "too_small": str,
        "theme": str,
        "theme_help": str,
        "ctrl_c": str,
        "minutes_at": str,
        "palette_placeholder": str,
        "palette_key": str,
        "palette_help": str,
        "base_cast": str,
        "base_present": str,
        "base_grades": str,
        "answer_prefix": str,
        "room_waiting": str,
        "room_closed": str,
        "room_unreadable": str,
        "room_gone": str,
        "next_item": str,
        "next_card": str,
        "next_end": str,
        "next_questions": str,
    },
)

WORDS: dict[Lang, Words] = {"en": ENGLISH, "fr": FRENCH}


def language_of(tag: str) -> Lang:
    """'fr-CA' -> 'fr'; any language we do not speak -> 'en'."""
    base = tag.split("-")[0].lower()
    return next((lang for lang in LANGS if lang == base), "en")


def singular(n: int, tag: str) -> bool:
    """Whether `n` things take the singular: 1 in English; 0 and 1 in French ("0 fiche
    votée", "0 présent")."""
    return n in (0, 1) if language_of(tag) == "fr" else n == 1


def words_for(tag: str) -> Words:
    """A copy of the table for `tag`'s language: a caller may not change the shared one."""
    return WORDS[language_of(tag)].copy()


def built(t: Mapping[str, object], key: str, default: str | None = None) -> str:
    """The word under a key built at run time (f"rule_{rule}"), which mypy cannot check.

    tests/test_catalog.py allows each prefix built so, and checks that every value of
    the vocabulary behind it has its key.
    """
    word = t.get(key, default)
    if not isinstance(word, str):
        raise KeyError(key)
    return word


# The sentences said differently for one thing: each has a "KEY_one" twin in Words.
Countable = Literal["not_voted", "ungraded", "resume_body"]
COUNTABLE: tuple[Countable, ...] = get_args(Countable)


def counted(t: Words, key: Countable, n: int) -> str:
    """The sentence `key` for `n` things: its singular form ("key_one") where the
    language puts `n` in the singular."""
    return built(t, f"{key}_one") if singular(n, t["lang"]) else t[key]
