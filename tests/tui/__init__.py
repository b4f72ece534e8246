"""In-process tests of the facilitator's TUI (Textual's run_test and Pilot)."""
