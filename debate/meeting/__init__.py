"""The meeting layer: what the facilitator's keys mean for the record, without Textual.

Between the screens and the Session: the checks a vote passes before it is recorded,
and (as it grows) the rules for what is written when.
"""
