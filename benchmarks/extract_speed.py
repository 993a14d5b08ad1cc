"""Extraction speed on one core beside spaCy's en_core_web_sm: the same run as `mercato bench`.

Usage: python benchmarks/extract_speed.py [CORPUS_DIR] [--articles N] [--no-baseline]
"""

from __future__ import annotations

import sys

from typer.main import get_command

from mercato.cli import app

if __name__ == "__main__":
    get_command(app)(["bench", *sys.argv[1:]], prog_name="extract_speed")
