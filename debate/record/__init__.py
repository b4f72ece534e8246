"""The session record: journal, votes, minutes and exports. Never imports Textual."""
