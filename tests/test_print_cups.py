"""`debate print` through a real CUPS queue whose backend (cups-pdf) writes a PDF: what
reaches the paper, read back from that PDF with poppler (pdfinfo, pdftotext, pdftoppm)
and a real QR decoder (zbarimg).

The queue is made by .ci/run (DEBATE_CUPS_QUEUE=debate-test). On a developer's machine
without CUPS the tests skip, saying what to install; in CI a missing queue fails them.
"""

from __future__ import annotations

import math
import os
import pwd
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageFilter
from scripted_session import scripted_events, write_journal
from test_minutes import expected_code

from debate.record.minutes import FORM_FEED

QUEUE = os.environ.get("DEBATE_CUPS_QUEUE", "debate-test")
SESSION_ID = "2026-03-01-2005-salle-des-fetes"
TITLE = "Compte rendu – Salle des fêtes – 1er mars 2026"
A4 = (595.0, 842.0)  # points: the cups-pdf queue's default page
MARGIN = {"left": 54, "right": 54, "top": 36, "bottom": 36}  # printing.PAGE_LAYOUT
LINES_PER_PAGE = math.floor((A4[1] - MARGIN["top"] - MARGIN["bottom"]) * 6 / 72)  # lpi=6
WAIT = 120.0  # seconds a spooler may take on a loaded CI machine; never reached when working


def _unavailable() -> str:
    for tool in ("lp", "lpstat", "pdfinfo", "pdftotext", "pdftoppm", "zbarimg"):
        if shutil.which(tool) is None:
            packages = "cups cups-bsd printer-driver-cups-pdf poppler-utils zbar-tools"
            return f"{tool} is not installed (Debian: {packages})"
    if "is running" not in _run("lpstat", "-r").stdout:
        return "the CUPS scheduler is not running (start cupsd)"
    if _run("lpstat", "-v", QUEUE).returncode != 0:
        return (
            f"no CUPS queue {QUEUE!r}: lpadmin -p {QUEUE} -E -v cups-pdf:/ "
            "-m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd (as .ci/run does)"
        )
    return ""


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The minutes of the scripted session printed once through the queue: the PDF
    cups-pdf wrote, and the text debate sent."""
    reason = _unavailable()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    sessions = tmp_path_factory.mktemp("sessions")
    write_journal(sessions / f"{SESSION_ID}.jsonl", scripted_events("fr"))
    out_dir = Path(pwd.getpwuid(os.getuid()).pw_dir) / "PDF"  # cups-pdf's Out
    before = set(out_dir.glob("*.pdf")) if out_dir.is_dir() else set()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "debate",
            "print",
            SESSION_ID,
            "--sessions",
            str(sessions),
            "--printer",
            QUEUE,
        ],
        capture_output=True,
        text=True,
        check=False,
        # No language named (the suite names English): the session's, French.
        env={k: v for k, v in os.environ.items() if k != "LANGUAGE"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"compte rendu envoyé à l’imprimante {QUEUE}\n"
    pdf = _new_pdf(out_dir, before)
    from scripted_session import scripted_deck, scripted_state

    from debate.record.exports import render
    from debate.record.results import build_results

    text = render(build_results(scripted_state("fr"), scripted_deck("fr")), "txt")
    yield pdf, text
    pdf.unlink(missing_ok=True)


def _new_pdf(folder: Path, before: set[Path]) -> Path:
    """The PDF the job made. The spooler works on its own; its queue is asked until the
    job is done (a wait on an outside process, not a timing assumption)."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        pending = _run("lpstat", "-o", QUEUE).stdout.strip()
        found = set(folder.glob("*.pdf")) - before if folder.is_dir() else set()
        if not pending and found:
            (pdf,) = found
            return pdf
        time.sleep(0.1)
    raise AssertionError(f"no PDF from {QUEUE} in {folder} after {WAIT:g} s")


def test_the_pdf_has_the_jobs_title(printed: tuple[Path, str]) -> None:
    pdf, _ = printed
    # Ghostscript keeps the title's UTF-8 bytes as they came, written as octal escapes.
    raw = re.search(rb"/Title\s*\((.*?)(?<!\\)\)", pdf.read_bytes(), re.S)
    assert raw is not None
    octal = re.sub(rb"\\([0-7]{1,3})", lambda m: bytes([int(m[1], 8)]), raw[1])
    assert TITLE in octal.replace(rb"\(", b"(").replace(rb"\)", b")").decode("utf-8")


def _pages(pdf: Path) -> list[list[tuple[float, float, float, float]]]:
    """Each page's word boxes (xMin, yMin, xMax, yMax), in points from the top left."""
    xml = _run("pdftotext", "-bbox", str(pdf), "-").stdout
    pages = []
    for page in xml.split("<page ")[1:]:
        boxes = re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', page
        )
        pages.append([tuple(map(float, box)) for box in boxes])
    return pages  # type: ignore[return-value]


def test_text_lies_inside_the_margins(printed: tuple[Path, str]) -> None:
    pdf, _ = printed
    width, height = A4
    for boxes in _pages(pdf):
        assert boxes
        assert min(b[0] for b in boxes) >= MARGIN["left"] - 1
        assert max(b[2] for b in boxes) <= width - MARGIN["right"] + 1
        # A word's box is the font's whole bounding box, taller than its 12-point line:
        # the middle of each line lies inside the margins.
        assert min((b[1] + b[3]) / 2 for b in boxes) >= MARGIN["top"]
        assert max((b[1] + b[3]) / 2 for b in boxes) <= height - MARGIN["bottom"]


def test_pages_break_where_the_form_feeds_are(printed: tuple[Path, str]) -> None:
    """The text before the form feed fills pages of LINES_PER_PAGE lines; the QR code
    starts a page of its own, with only its heading and caption above it."""
    pdf, text = printed
    body, code_page = text.split(f"\n{FORM_FEED}\n")
    body_lines = body.split("\n")
    chunks = [body_lines[i : i + LINES_PER_PAGE] for i in range(0, len(body_lines), LINES_PER_PAGE)]
    pages = _pages(pdf)
    assert len(pages) == len(chunks) + 1
    for chunk, boxes in zip([*chunks, code_page.split("\n")], pages, strict=True):
        printed_lines = {round(b[3] / 12) for b in boxes}  # a line every 12 points (lpi=6)
        assert len(printed_lines) == sum(1 for line in chunk if line.strip())


def _decodes(pdf: Path, page: int, dpi: int, folder: Path) -> str:
    folder = folder / f"page{page}-{dpi}dpi"
    folder.mkdir()
    stem = folder / "p"
    _run(
        "pdftoppm",
        "-r",
        str(dpi),
        "-f",
        str(page),
        "-l",
        str(page),
        "-gray",
        "-png",
        str(pdf),
        str(stem),
    )
    (png,) = folder.glob("p*.png")
    # Toner spreads a little on paper and closes the hairline gaps a rasteriser leaves
    # between two glyphs; a 3-pixel minimum filter does the same to the image.
    Image.open(png).convert("L").filter(ImageFilter.MinFilter(3)).save(png)
    done = subprocess.run(
        ["zbarimg", "--raw", "-q", "-Sbinary", str(png)], capture_output=True, check=False
    )
    return done.stdout.removesuffix(b"\n").decode("utf-8") if done.returncode == 0 else ""


def test_the_qr_code_decodes_from_the_pdf_at_every_resolution(
    printed: tuple[Path, str], tmp_path: Path
) -> None:
    pdf, _ = printed
    last = len(_pages(pdf))
    resolutions = range(100, 301, 10)
    read = {dpi: _decodes(pdf, last, dpi, tmp_path) for dpi in resolutions}
    assert [dpi for dpi, code in read.items() if code != expected_code("fr")] == []
    assert _decodes(pdf, last - 1, 150, tmp_path) == ""  # the code is on its page only
