"""debate's QR codes never load Pillow, even where it is installed (the test venv has it):
qrcode imports its Pillow drawers for backward compatibility, which debate never uses."""

from __future__ import annotations

import json
import subprocess
import sys

from qrdecode import decode_half_blocks

TEXT = "DEBATE2|k3x7|Salle des fêtes|1:40:21/12/7"

# A fresh interpreter: the test process has Pillow loaded already (qrdecode uses it).
PROBE = f"""
import json, sys
from debate.qr import qr_lines
lines = qr_lines({TEXT!r})
print(json.dumps({{"lines": lines, "pil": "PIL" in sys.modules}}))
import PIL.Image  # still importable afterwards, by whoever wants it
"""


def probe(before: str = "") -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", before + PROBE], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, object] = json.loads(done.stdout)
    assert decode_half_blocks(found["lines"]) == [TEXT]  # type: ignore[arg-type]
    return found


def test_a_code_is_drawn_without_loading_pillow_and_decodes() -> None:
    import importlib.util

    assert importlib.util.find_spec("PIL") is not None  # else this test proves nothing
    assert probe()["pil"] is False


def test_a_code_is_drawn_when_pillow_was_loaded_first() -> None:
    assert probe("import PIL.Image\n")["pil"] is True
