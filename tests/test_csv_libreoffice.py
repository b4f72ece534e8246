"""The excel-fr CSV opened by LibreOffice Calc (headless) as a French spreadsheet opens
it: percentages with a decimal comma are numbers, not text; accents and the header come
through the byte-order mark intact. Skipped without LibreOffice, failed in CI."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from scripted_session import scripted_deck, scripted_state

from debate.record.exports import CSV_COLUMNS, to_csv
from debate.record.results import build_results

FRENCH = 1036  # LibreOffice's language code for fr-FR: its decimal comma
ENGLISH = 1033


def _need_soffice() -> str:
    found = shutil.which("soffice")
    if found is None:
        message = "LibreOffice is not installed (Debian: apt-get install libreoffice-calc-nogui)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


# Digests a spreadsheet would take for a number when bare: all digits, and an exponent.
DIGITS, EXPONENT = "12345678" + "0" * 56, "12e45678" + "0" * 56


@pytest.mark.parametrize("digest", [None, DIGITS, EXPONENT])
def test_libreoffice_reads_the_french_csv_as_numbers(tmp_path: Path, digest: str | None) -> None:
    soffice = _need_soffice()
    results = build_results(scripted_state("fr"), scripted_deck("fr"))
    if digest is not None:
        results = replace(results, deck_digest=digest)
    source = tmp_path / "resultats.csv"
    source.write_bytes(to_csv([results], "excel-fr").encode("utf-8"))
    # Read as French (';', UTF-8, fr-FR numbers), written back as English CSV with every
    # text cell quoted: a cell Calc took for a number comes out bare, with a '.'.
    done = subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            f"--infilter=CSV:59,34,76,1,,{FRENCH}",
            "--convert-to",
            f"csv:Text - txt - csv (StarCalc):44,34,76,1,,{ENGLISH},true,true",
            "--outdir",
            str(tmp_path / "out"),
            str(source),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    converted = tmp_path / "out" / "resultats.csv"
    assert done.returncode == 0 and converted.exists(), done.stderr
    lines = converted.read_text(encoding="utf-8").splitlines()
    header = next(csv.reader(lines[:1]))
    assert header == list(CSV_COLUMNS)  # the byte-order mark did not stick to "meeting"
    rows = list(csv.DictReader(lines))
    garden = [r for r in rows if (r["card"], r["round"]) == ("jardin-partage", "indicative")]
    assert [r["percentage"] for r in garden] == ["62.5", "37.5", "13.5"]
    assert garden[0]["place"] == "Salle des fêtes"
    # Quoted text cells, bare numbers: the percentage and count columns are numbers.
    first = lines[1].split(",")
    column = {name: i for i, name in enumerate(CSV_COLUMNS)}
    assert first[column["percentage"]] == "62.5" and first[column["count"]] == "20"
    assert first[column["choice"]] == '"Pour"'
    # The deck's digest stays text, however its hex digits read.
    assert first[column["deck"]] == f'"sha256:{results.deck_digest[:8]}"'
