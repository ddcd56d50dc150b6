"""TweetEval offensive (OLID) splits from the shared data folder, for the tone training
scripts (tools/train_tone.py, and tools/train_teacher.py in its own venv).

$SHARED_DIR defaults to ../shared beside the repo.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    folder = Path(os.environ.get("SHARED_DIR", REPO.parent / "shared"))
    if not folder.is_dir():
        sys.exit(f"{folder} not found: set SHARED_DIR to the shared data folder")
    return folder


def load_split(split: str) -> tuple[list[str], np.ndarray]:
    """One TweetEval offensive split: texts and 0/1 labels (1 = offensive)."""
    folder = shared_dir() / "data/tweeteval/offensive"
    labels = [int(x) for x in (folder / f"{split}_labels.txt").read_text().split()]
    texts = (folder / f"{split}_text.txt").read_text(encoding="utf-8").split("\n")[: len(labels)]
    return texts, np.array(labels)
