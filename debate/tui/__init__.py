"""The Textual interface: the facilitator's app, its screens and widgets."""
