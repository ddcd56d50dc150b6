"""Re-train everything the product ships that is learned or built from public data.

Runs each training script in turn (they read $SHARED_DIR, default ../shared, or, for
train_risk.py, the labelled drafts in this repository) and stops
at the first failure. The outputs land under policies/checks/data/ and are committed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
SCRIPTS = ("train_identifiers.py", "train_tone.py", "train_risk.py")


def main() -> int:
    for script in SCRIPTS:
        print(f"== {script}", flush=True)
        done = subprocess.run([sys.executable, str(TOOLS / script)])
        if done.returncode:
            print(f"{script} failed (exit {done.returncode})", file=sys.stderr)
            return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
