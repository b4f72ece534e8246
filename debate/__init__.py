"""debate: run a public-meeting debate from a terminal, offline."""

__version__ = "0.1.0"
