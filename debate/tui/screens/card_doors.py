"""The card screen's doors: each key that opens another screen over the card (a vote,
the attendance, the results, the overview, the notes, a source's QR code, the glossary,
the blank screen, the quit dialog). Kept apart from debate.tui.screens.card, which
draws the card and moves through it; every screen is imported when first opened, so
that card 1 shows before any of them is read.
"""

from __future__ import annotations

from debate.presenter import Presenter
from debate.tui.screens.base import DebateScreen
from debate.vocabulary import Round


class CardDoors(DebateScreen[None]):
    """The actions of the card screen that open a screen over it."""

    presenter: Presenter  # the card screen's, set in its compose

    def go_to(self, index: int) -> None:
        """Show the card at `index` (the card screen moves there)."""
        raise NotImplementedError

    def action_vote(self, round_name: str) -> None:
        from debate.tui.screens.vote import VoteScreen

        self.app.push_screen(VoteScreen(self.presenter.card, Round(round_name)))

    def action_vote_amendment(self) -> None:
        """`m`: the vote window on a standing amendment of this card, chosen first when
        there are several (a voted one reopens, to be corrected)."""
        from debate.tui.screens.amendments import AmendmentsScreen, standing_amendments
        from debate.tui.screens.vote import VoteScreen

        card = self.presenter.card
        choices = standing_amendments(self.debate.live_meeting.state, card.id)
        if not choices:
            self.debate.tell(self.debate.t["no_amendment_to_vote"], severity="warning")
            return

        def vote(index: int | None) -> None:
            if index is not None:
                self.app.push_screen(VoteScreen(card, Round.FINAL, amendment=index))

        if len(choices) == 1:
            vote(choices[0][0])
        else:
            self.app.push_screen(AmendmentsScreen(card, choices), vote)

    def action_attendance(self) -> None:
        from debate.tui.screens.attendance import AttendanceScreen

        self.app.push_screen(AttendanceScreen())

    def action_results(self) -> None:
        from debate.tui.screens.results import ResultsScreen

        self.app.push_screen(ResultsScreen(self.presenter.card))

    def action_all_results(self) -> None:
        from debate.tui.screens.all_results import AllResultsScreen

        self.app.push_screen(AllResultsScreen())

    def action_overview(self) -> None:
        from debate.tui.screens.overview import OverviewScreen

        def jump(index: int | None) -> None:
            if index is not None:
                self.go_to(index)

        self.debate.live_meeting.settle()  # its "shown" marks include this card
        self.app.push_screen(OverviewScreen(self.presenter.index), jump)

    def action_notes(self) -> None:
        from debate.tui.screens.notes import NotesScreen

        self.app.push_screen(NotesScreen(self.presenter.card))

    def action_source_qr(self) -> None:
        from debate.tui.screens.source_qr import SourceQRScreen

        self.app.push_screen(SourceQRScreen(self.presenter.card))

    def action_glossary(self) -> None:
        from debate.tui.screens.glossary import GlossaryScreen

        self.app.push_screen(GlossaryScreen())

    def action_blank(self) -> None:
        from debate.tui.screens.blank import BlankScreen

        self.app.push_screen(BlankScreen())

    def action_quit_meeting(self) -> None:
        from debate.tui.screens.quit import QuitDialog

        # Written before the dialog says whether everything is saved.
        self.app.push_screen(QuitDialog(self.debate.live_meeting.settle()))
